package mailer_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"strings"
	"testing"
	"time"

	"shuho/internal/mailer"
	"shuho/internal/profile"
	"shuho/internal/textfmt"
)

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if m, err := mailer.FromEnv(env(nil), nil); m != nil || err != nil {
		t.Errorf("no address: %v %v", m, err)
	}
	good := map[string]string{"SHUHO_SMTP_ADDR": "127.0.0.1:1025", "SHUHO_SMTP_FROM": "Desk <desk@embassy.example>", "SHUHO_SMTP_TO": "a@example.org, b@example.org"}
	if m, err := mailer.FromEnv(env(good), nil); err != nil || len(m.To) != 2 {
		t.Errorf("a good setting: %+v %v", m, err)
	}
	for k, v := range map[string]string{"SHUHO_SMTP_ADDR": "nohost", "SHUHO_SMTP_FROM": "not an address", "SHUHO_SMTP_TO": " , "} {
		bad := map[string]string{}
		for a, b := range good {
			bad[a] = b
		}
		bad[k] = v
		if _, err := mailer.FromEnv(env(bad), nil); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%q: %v", k, v, err)
		}
	}
}

// TestMailMessage builds the mail of the example digest and reads it back
// as a mail reader would: the subject, the text, the Word file attached.
func TestMailMessage(t *testing.T) {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../textfmt/testdata/example-digest.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := textfmt.Parse(b, p)
	if err != nil {
		t.Fatal(err)
	}
	m := &mailer.Mailer{Addr: "127.0.0.1:1", From: "Desk <desk@embassy.example>", To: []string{"a@example.org"},
		Now: func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }}
	raw, err := m.Message(r.Digest, p)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "アゼルバイジャン政治・治安情報 2026-11-14..2026-11-20" {
		t.Errorf("subject %q", subject)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var names []string
	text := ""
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(part)
		if part.FileName() != "" {
			names = append(names, part.FileName())
		} else {
			dec, _ := io.ReadAll(base64Reader(data))
			text = string(dec)
		}
	}
	if !strings.Contains(text, "● ハサノフ国防相、トルコ国防相と会談") || len(names) == 0 || names[0] != "shuho-az-2026-11-20.docx" {
		t.Errorf("text %q…, attachments %v", text[:min(len(text), 80)], names)
	}
}

func base64Reader(b []byte) io.Reader {
	return base64.NewDecoder(base64.StdEncoding, bytes.NewReader(bytes.ReplaceAll(b, []byte("\r\n"), nil)))
}
