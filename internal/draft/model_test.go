package draft

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeModel is a loopback server that speaks the chat-completions protocol
// and answers what the test tells it to, recording each request.
type fakeModel struct {
	mu      sync.Mutex
	answer  string
	status  int
	raw     string // a whole body instead of a chat answer
	delay   time.Duration
	prompts []string
	auth    []string
}

func (f *fakeModel) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	var req chatRequest
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &req); err != nil || req.Model == "" || len(req.Messages) != 2 {
		http.Error(w, `{"error": {"message": "bad request"}}`, http.StatusBadRequest)
		return
	}
	f.prompts = append(f.prompts, req.Messages[1].Content)
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	if f.status != 0 {
		w.WriteHeader(f.status)
		io.WriteString(w, `{"error": {"message": "rate limited"}}`)
		return
	}
	if f.raw != "" {
		io.WriteString(w, f.raw)
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": f.answer}}}})
}

func TestModelHeadline(t *testing.T) {
	f := &fakeModel{}
	srv := httptest.NewServer(f)
	defer srv.Close()
	m := NewModel(ModelConfig{BaseURL: srv.URL + "/v1", Model: "test-model", Key: "sk-test"}, azGlossary(t))
	m.now = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }
	en := "President Ilham Aliyev holds phone call with President of Kazakhstan"
	body := "President Ilham Aliyev held a telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev."

	f.answer = "アリエフ大統領、トカエフ・カザフスタン大統領と電話会談"
	s, err := m.Headline(context.Background(), en, body)
	if err != nil || s.Text != f.answer || s.Engine != "model" || s.Model != "test-model" || !s.At.Equal(m.now()) {
		t.Fatalf("a good answer: %+v, %v", s, err)
	}
	if !strings.Contains(f.prompts[0], "Ilham Aliyev → アリエフ") || !strings.Contains(f.prompts[0], "Kassym-Jomart Tokayev → トカエフ") {
		t.Errorf("the prompt lacks the glossary's terms:\n%s", f.prompts[0])
	}
	if f.auth[0] != "Bearer sk-test" {
		t.Errorf("Authorization %q", f.auth[0])
	}

	for _, bad := range []struct{ answer, want string }{
		{"アリーエフ大統領、トカエフ・カザフスタン大統領と電話会談。", "ends with 。"},
		{"アリーエフ大統領、トカエフ・カザフスタン大統領と電話会談", "アリーエフ"},
		{"大統領、カザフスタン大統領と電話会談", "is not written アリエフ"},
		{"President Aliyev talks to Tokayev", "no Japanese"},
		{strings.Repeat("会談", 40), "characters"},
		{"", "empty"},
	} {
		f.answer = bad.answer
		_, err := m.Headline(context.Background(), en, body)
		if !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("answer %q: %v, want a rejection holding %q", bad.answer, err, bad.want)
		}
	}
}

func TestModelSummary(t *testing.T) {
	f := &fakeModel{}
	srv := httptest.NewServer(f)
	defer srv.Close()
	m := NewModel(ModelConfig{BaseURL: srv.URL + "/v1/", Model: "test-model"}, azGlossary(t))
	text := "On November 16, Defense Minister Zakir Hasanov held talks with Yasar Guler in Ankara. The ministers reviewed the plan for 2026."
	f.answer = "On November 16, Defense Minister Zakir Hasanov held talks with Yasar Guler in Ankara.\n\nThe ministers reviewed the plan for 2026."
	s, err := m.Summary(context.Background(), "Ministers meet", text, 120)
	if err != nil || !strings.HasPrefix(s.Text, "On November 16") || f.auth[0] != "" {
		t.Fatalf("a good summary: %+v, %v (auth %q)", s, err, f.auth[0])
	}
	f.answer = "On November 17, Hasanov met Hulusi Akar and agreed on 12 projects."
	if _, err := m.Summary(context.Background(), "Ministers meet", text, 120); !errors.Is(err, ErrRejected) ||
		!strings.Contains(err.Error(), "November 17") || !strings.Contains(err.Error(), "Hulusi Akar") || !strings.Contains(err.Error(), `"12"`) {
		t.Errorf("an invented summary: %v", err)
	}
	f.answer = strings.Repeat("The ministers reviewed the plan. ", 30)
	if _, err := m.Summary(context.Background(), "Ministers meet", text, 120); !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), "words") {
		t.Errorf("a long summary: %v", err)
	}
}

// TestModelFailures: a dead, slow, refusing or garbled endpoint is an
// error that names the endpoint and what went wrong.
func TestModelFailures(t *testing.T) {
	f := &fakeModel{}
	srv := httptest.NewServer(f)
	g := azGlossary(t)
	for _, tt := range []struct {
		name  string
		setup func()
		cfg   ModelConfig
		want  string
	}{
		{"refused", func() { f.status = 429 }, ModelConfig{BaseURL: srv.URL + "/v1", Model: "m"}, "429 Too Many Requests: rate limited"},
		{"garbled", func() { f.status, f.raw = 0, "<html>gateway</html>" }, ModelConfig{BaseURL: srv.URL + "/v1", Model: "m"}, "not chat-completions JSON"},
		{"no choices", func() { f.raw = `{"choices": []}` }, ModelConfig{BaseURL: srv.URL + "/v1", Model: "m"}, "no choices"},
		{"slow", func() { f.raw, f.delay = "", 300*time.Millisecond }, ModelConfig{BaseURL: srv.URL + "/v1", Model: "m", Timeout: 50 * time.Millisecond}, "Timeout"},
		{"wrong path", func() { f.delay = 0 }, ModelConfig{BaseURL: srv.URL + "/v2", Model: "m"}, "404"},
	} {
		tt.setup()
		_, err := NewModel(tt.cfg, g).Headline(context.Background(), "FM Bayramov visits Geneva", "")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), srv.URL) {
			t.Errorf("%s: %v, want an error naming the endpoint and %q", tt.name, err, tt.want)
		}
	}
	srv.Close()
	if _, err := NewModel(ModelConfig{BaseURL: srv.URL + "/v1", Model: "m"}, g).Headline(context.Background(), "x", ""); err == nil || !strings.Contains(err.Error(), "connect") {
		t.Errorf("a dead server: %v", err)
	}
}

func TestModelConfigFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if _, ok, err := ModelConfigFromEnv(env(nil)); ok || err != nil {
		t.Errorf("no URL: ok %v, %v", ok, err)
	}
	if c, ok, err := ModelConfigFromEnv(env(map[string]string{"SHUHO_MODEL_URL": "http://127.0.0.1:8080/v1", "SHUHO_MODEL": "qwen", "SHUHO_MODEL_KEY": "k"})); !ok || err != nil || c.Key != "k" {
		t.Errorf("a full config: %+v %v %v", c, ok, err)
	}
	if _, _, err := ModelConfigFromEnv(env(map[string]string{"SHUHO_MODEL_URL": "ftp://x"})); err == nil {
		t.Errorf("an ftp URL was taken")
	}
	if _, _, err := ModelConfigFromEnv(env(map[string]string{"SHUHO_MODEL_URL": "http://x/v1"})); err == nil || !strings.Contains(err.Error(), "SHUHO_MODEL") {
		t.Errorf("no model: %v", err)
	}
}
