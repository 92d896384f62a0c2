package chat

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// server is a loopback server that speaks the chat-completions protocol
// and answers what the test tells it to, recording each request.
type server struct {
	mu     sync.Mutex
	answer string
	status int
	raw    string
	delay  time.Duration
	reqs   []request
	auth   []string
	ctype  []string
}

func (f *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	answer, status, raw, delay := f.answer, f.status, f.raw, f.delay
	f.mu.Unlock()
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	var req request
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &req); err != nil || req.Model == "" || len(req.Messages) != 2 {
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"error": {"message": "bad request"}}`)
		return
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	f.ctype = append(f.ctype, r.Header.Get("Content-Type"))
	f.mu.Unlock()
	time.Sleep(delay)
	switch {
	case status != 0:
		w.WriteHeader(status)
		io.WriteString(w, `{"error": {"message": "rate limited"}}`)
	case raw != "":
		io.WriteString(w, raw)
	default:
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": answer}}}})
	}
}

func TestComplete(t *testing.T) {
	f := &server{answer: "アリエフ大統領、トカエフ・カザフスタン大統領と電話会談"}
	srv := httptest.NewServer(f)
	defer srv.Close()
	c, err := New(Config{BaseURL: srv.URL + "/v1/", Model: "test-model", Key: "sk-test"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Complete(context.Background(), "be brief", "translate this")
	if err != nil || got != f.answer {
		t.Fatalf("Complete: %q, %v", got, err)
	}
	r := f.reqs[0]
	if r.Model != "test-model" || r.Messages[0].Role != "system" || r.Messages[0].Content != "be brief" || r.Messages[1].Role != "user" ||
		r.Messages[1].Content != "translate this" || f.auth[0] != "Bearer sk-test" || f.ctype[0] != "application/json" {
		t.Errorf("the request: %+v, auth %q, type %q", r, f.auth[0], f.ctype[0])
	}
	if c.Model() != "test-model" {
		t.Errorf("Model() = %q", c.Model())
	}
}

// TestFailures: a dead, slow, refusing or garbled endpoint is an error
// that names the endpoint and what went wrong.
func TestFailures(t *testing.T) {
	f := &server{}
	srv := httptest.NewServer(f)
	for _, tt := range []struct {
		name  string
		setup func()
		cfg   Config
		want  string
	}{
		{"refused", func() { f.status = 429 }, Config{BaseURL: srv.URL + "/v1", Model: "m"}, "HTTP 429 Too Many Requests: rate limited"},
		{"garbled", func() { f.status, f.raw = 0, "<html>gateway</html>" }, Config{BaseURL: srv.URL + "/v1", Model: "m"}, "not chat-completions JSON"},
		{"no choices", func() { f.raw = `{"choices": []}` }, Config{BaseURL: srv.URL + "/v1", Model: "m"}, "no choices"},
		{"slow", func() { f.raw, f.delay = "", 500*time.Millisecond }, Config{BaseURL: srv.URL + "/v1", Model: "m", Timeout: 100 * time.Millisecond}, "m at " + srv.URL},
		{"wrong path", func() { f.delay = 0 }, Config{BaseURL: srv.URL + "/v2", Model: "m"}, "HTTP 404"},
	} {
		f.mu.Lock() // a slow request of the case before may still be served
		tt.setup()
		f.mu.Unlock()
		c, err := New(tt.cfg)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Complete(context.Background(), "s", "u")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), srv.URL) {
			t.Errorf("%s: %v, want an error naming the endpoint and %q", tt.name, err, tt.want)
		}
	}
	srv.Close()
	c, _ := New(Config{BaseURL: srv.URL + "/v1", Model: "m"})
	if _, err := c.Complete(context.Background(), "s", "u"); err == nil || !strings.Contains(err.Error(), "connect") {
		t.Errorf("a dead server: %v", err)
	}
}

// TestOnlyItsHost: the endpoint's own host and port are allowed although
// on loopback; another private address is not.
func TestOnlyItsHost(t *testing.T) {
	f := &server{answer: "ok"}
	srv := httptest.NewServer(f)
	defer srv.Close()
	other := httptest.NewServer(f)
	defer other.Close()
	c, err := New(Config{BaseURL: srv.URL + "/v1", Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	c.url = other.URL + "/v1/chat/completions" // as if the address changed under it
	if _, err := c.Complete(context.Background(), "s", "u"); err == nil {
		t.Errorf("another loopback port was reached")
	}
}

func TestConfigFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if _, ok, err := ConfigFromEnv(env(nil)); ok || err != nil {
		t.Errorf("no URL: ok %v, %v", ok, err)
	}
	if c, ok, err := ConfigFromEnv(env(map[string]string{"SHUHO_MODEL_URL": "http://127.0.0.1:8080/v1", "SHUHO_MODEL": "qwen", "SHUHO_MODEL_KEY": "k"})); !ok || err != nil || c.Key != "k" {
		t.Errorf("a full config: %+v %v %v", c, ok, err)
	}
	if _, _, err := ConfigFromEnv(env(map[string]string{"SHUHO_MODEL_URL": "ftp://x"})); err == nil {
		t.Errorf("an ftp URL was taken")
	}
	if _, _, err := ConfigFromEnv(env(map[string]string{"SHUHO_MODEL_URL": "http://x/v1"})); err == nil || !strings.Contains(err.Error(), "SHUHO_MODEL") {
		t.Errorf("no model: %v", err)
	}
}
