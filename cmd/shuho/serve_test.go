package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer written by the server's goroutine and read by
// the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestServeEditor starts shuho serve with the editor alone on a free
// port, finds the address it prints, and reaches its sign-in page.
func TestServeEditor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	env := map[string]string{"SHUHO_DB": db}
	shuho(t, "", env, "user", "add", "aysel", "--role", "admin").want(t, 0, "added", "")
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--no-collect", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	}()
	var addr string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && addr == ""; time.Sleep(20 * time.Millisecond) {
		if m := regexp.MustCompile(`editor is at (http://\S+/)`).FindStringSubmatch(errb.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		cancel()
		t.Fatalf("no address printed: %s", errb.String())
	}
	resp, err := http.Get(addr + "login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("sign-in page: %s %v", resp.Status, resp.Header)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve ended with %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestDemo runs shuho demo as a newcomer would, signs in with the printed
// name and password, and finds the drafted digest with its downloads.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"demo"}, strings.NewReader(""), &out, &errb, func(string) string { return "" })
	}()
	line := regexp.MustCompile(`^Open (http://127\.0\.0\.1:\d+/) and sign in as (\S+) / (\S+)\n$`)
	var m []string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && m == nil; time.Sleep(50 * time.Millisecond) {
		m = line.FindStringSubmatch(out.String())
	}
	if m == nil {
		cancel()
		t.Fatalf("no line to open:\nstdout %q\nstderr %s", out.String(), errb.String())
	}
	base, name, password := m[1], m[2], m[3]
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(base + "login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	token := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if token == nil {
		t.Fatalf("no sign-in form:\n%s", page)
	}
	resp, err = c.PostForm(base+"login", url.Values{"csrf": {string(token[1])}, "name": {name}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	// Signed in, the browser lands on the digests, and the week is there.
	if resp.StatusCode != 200 || !strings.Contains(string(page), `<a href="/digests/1">2026-11-14..2026-11-20</a>`) {
		t.Fatalf("after sign-in: %s\n%s", resp.Status, page)
	}
	resp, err = c.Get(base + "digests/1")
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "1. 軍事・治安関係") || strings.Count(string(page), `<article class="item" id="item-`) < 6 {
		t.Errorf("the drafted digest:\n%s", page)
	}
	resp, err = c.Get(base + "digests/1/download/docx")
	if err != nil {
		t.Fatal(err)
	}
	docx, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(docx, []byte("PK")) {
		t.Errorf("the DOCX: %s", resp.Status)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("demo ended with %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("demo did not stop")
	}
	if !strings.Contains(errb.String(), "collected 152 articles") {
		t.Errorf("the demo's account of itself:\n%s", errb.String())
	}
}
