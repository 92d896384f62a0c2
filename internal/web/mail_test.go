package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"shuho/internal/mailer"
	"shuho/internal/pipeline"
	"shuho/internal/store"
)

// freePort returns a free TCP port on loopback.
func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestPublishMails publishes a digest through the API with a mailer set,
// and finds the mail in mailpit, a real SMTP server on loopback, with the
// digest's text and its Word file.
func TestPublishMails(t *testing.T) {
	if _, err := exec.LookPath("mailpit"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("mailpit is not installed, and CI=true requires it: go install github.com/axllent/mailpit@v1.33.1")
		}
		t.Skip("mailpit is not installed (go install github.com/axllent/mailpit@v1.33.1)")
	}
	smtpPort, httpPort := freePort(t), freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "mailpit", "--smtp", fmt.Sprintf("127.0.0.1:%d", smtpPort), "--listen", fmt.Sprintf("127.0.0.1:%d", httpPort),
		"--database", t.TempDir()+"/mailpit.db")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	api := fmt.Sprintf("http://127.0.0.1:%d/api/v1/messages", httpPort)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(api); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("mailpit did not start")
		}
	}

	f := newFixture(t)
	f.s.Mailer = &mailer.Mailer{Addr: fmt.Sprintf("127.0.0.1:%d", smtpPort), From: "Desk <desk@embassy.example>",
		To: []string{"readers@example.org", "chief@example.org"}, Writer: pipeline.NewWriter(os.Getenv)}
	approver := f.apiToken(t, "approver-user")
	f.api(t, approver, "POST", "/api/digests/1/submit", `"v1"`, "")
	f.api(t, approver, "POST", "/api/digests/1/approve", `"v1"`, "")
	code, _, body := f.api(t, approver, "POST", "/api/digests/1/publish", `"v1"`, "")
	if code != 200 || !strings.Contains(body, `"mailed": true`) {
		t.Fatalf("publish: %d %s", code, body)
	}
	// Publishing again sends nothing more.
	f.api(t, approver, "POST", "/api/digests/1/publish", `"v1"`, "")

	resp, err := http.Get(api)
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Total    int `json:"total"`
		Messages []struct {
			ID          string `json:"ID"`
			Subject     string `json:"Subject"`
			Attachments int    `json:"Attachments"`
			To          []struct {
				Address string `json:"Address"`
			} `json:"To"`
		} `json:"messages"`
	}
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if list.Total != 1 || len(list.Messages) != 1 {
		t.Fatalf("%d mails, want 1", list.Total)
	}
	msg := list.Messages[0]
	if msg.Subject != "アゼルバイジャン政治・治安情報 2026-11-14..2026-11-20" || msg.Attachments < 1 || len(msg.To) != 2 {
		t.Errorf("the mail: %+v", msg)
	}
	resp, err = http.Get(fmt.Sprintf("http://127.0.0.1:%d/api/v1/message/%s", httpPort, msg.ID))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "ハサノフ国防相、トルコ国防相と会談") || !strings.Contains(string(b), "shuho-az-2026-11-20.docx") {
		t.Errorf("the mail's text and attachments:\n%.600s", b)
	}
}

// TestPublishMailFails: when the list's mail cannot be sent (the SMTP
// server is down), the digest is published all the same and the publisher
// is told on the page, not left to believe it went.
func TestPublishMailFails(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := ln.Addr().String()
	ln.Close() // nothing listens there now
	f.s.Mailer = &mailer.Mailer{Addr: dead, From: "desk@example.org", To: []string{"list@example.org"}}
	if _, _, err := f.st.Step(ctx, 1, store.Submit, 1, "editor-user", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.st.Step(ctx, 1, store.Approve, 1, "admin-user", ""); err != nil {
		t.Fatal(err)
	}
	c := f.client(t)
	csrf := f.signIn(t, c, "approver-user")
	resp, err := f.post(c, "/digests/1/publish", url.Values{"csrf": {csrf}, "version": {"1"}, "confirm": {"yes"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if _, page := f.get(t, c, loc); resp.StatusCode != 303 || !strings.Contains(page, "メールを送れませんでした") {
		t.Errorf("the publisher is not told the mail failed: %d, %s", resp.StatusCode, loc)
	}
	if _, info, _ := f.st.DigestByID(ctx, 1); info.Status != store.Published {
		t.Errorf("the digest is %s, want published all the same", info.Status)
	}
}
