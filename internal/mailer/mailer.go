// Package mailer sends each published digest to a list over SMTP: an
// adapter at the edge, as fetch is for the web and store for the
// database.
package mailer

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/render"
)

// Mailer sends each published digest to a list over SMTP: the digest as
// its text in the body, and its Word and PDF files attached.
type Mailer struct {
	// Addr is the SMTP server's host:port; From the sender; To the list.
	Addr string
	From string
	To   []string
	// User and Password authenticate (PLAIN), only over TLS.
	User, Password string
	// Writer writes the attachments (the program's, configured once); a
	// writer without fonts sends the digest without its PDF. Nil: the
	// text and Word files only.
	Writer *render.Writer
	Now    func() time.Time
}

// FromEnv reads SHUHO_SMTP_ADDR, SHUHO_SMTP_FROM, SHUHO_SMTP_TO (a
// comma-separated list), SHUHO_SMTP_USER and SHUHO_SMTP_PASSWORD; nil when
// no address is set (publishing then sends nothing).
func FromEnv(getenv func(string) string, w *render.Writer) (*Mailer, error) {
	addr := strings.TrimSpace(getenv("SHUHO_SMTP_ADDR"))
	if addr == "" {
		return nil, nil
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return nil, fmt.Errorf("SHUHO_SMTP_ADDR %q: expected host:port: %w", addr, digest.ErrInvalid)
	}
	m := &Mailer{Addr: addr, From: strings.TrimSpace(getenv("SHUHO_SMTP_FROM")), User: getenv("SHUHO_SMTP_USER"),
		Password: getenv("SHUHO_SMTP_PASSWORD"), Writer: w}
	if _, err := mail.ParseAddress(m.From); err != nil {
		return nil, fmt.Errorf("SHUHO_SMTP_FROM %q: %v: %w", m.From, err, digest.ErrInvalid)
	}
	for _, a := range strings.Split(getenv("SHUHO_SMTP_TO"), ",") {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		if _, err := mail.ParseAddress(a); err != nil {
			return nil, fmt.Errorf("SHUHO_SMTP_TO %q: %v: %w", a, err, digest.ErrInvalid)
		}
		m.To = append(m.To, a)
	}
	if len(m.To) == 0 {
		return nil, fmt.Errorf("SHUHO_SMTP_TO names no one: %w", digest.ErrInvalid)
	}
	return m, nil
}

// Message builds the e-mail of a published digest.
func (m *Mailer) Message(d *digest.Digest, p *digest.Profile) ([]byte, error) {
	now := time.Now()
	if m.Now != nil {
		now = m.Now()
	}
	text, err := m.writer().Write(d, p, "txt", now)
	if err != nil {
		return nil, err
	}
	type attachment struct {
		name, ctype string
		data        []byte
	}
	base := fmt.Sprintf("shuho-%s-%s", d.Profile, d.Period.To)
	var atts []attachment
	if b, err := m.writer().Write(d, p, "docx", now); err == nil {
		atts = append(atts, attachment{base + ".docx", render.ContentTypes["docx"], b})
	} else {
		return nil, err
	}
	if b, err := m.writer().Write(d, p, "pdf", now); err == nil {
		atts = append(atts, attachment{base + ".pdf", render.ContentTypes["pdf"], b})
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	id := make([]byte, 12)
	rand.Read(id)
	host := "shuho.invalid"
	if a, err := mail.ParseAddress(m.From); err == nil {
		if i := strings.LastIndex(a.Address, "@"); i >= 0 {
			host = a.Address[i+1:]
		}
	}
	h := []string{
		"From: " + m.From,
		"To: " + strings.Join(m.To, ", "),
		"Subject: " + mime.BEncoding.Encode("utf-8", fmt.Sprintf("%s %s", d.Title, d.Period)),
		"Date: " + now.Format(time.RFC1123Z),
		"Message-ID: <" + base64.RawURLEncoding.EncodeToString(id) + "@" + host + ">",
		"MIME-Version: 1.0",
		"Content-Type: multipart/mixed; boundary=" + mw.Boundary(),
	}
	part, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Transfer-Encoding": {"base64"}})
	if err != nil {
		return nil, err
	}
	writeBase64(part, text)
	for _, a := range atts {
		part, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {a.ctype}, "Content-Transfer-Encoding": {"base64"},
			"Content-Disposition": {mime.FormatMediaType("attachment", map[string]string{"filename": a.name})}})
		if err != nil {
			return nil, err
		}
		writeBase64(part, a.data)
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return append([]byte(strings.Join(h, "\r\n")+"\r\n\r\n"), body.Bytes()...), nil
}

// writeBase64 writes data in base64 lines of 76 characters, as MIME asks.
func writeBase64(w interface{ Write([]byte) (int, error) }, data []byte) {
	s := base64.StdEncoding.EncodeToString(data)
	for len(s) > 76 {
		w.Write([]byte(s[:76] + "\r\n"))
		s = s[76:]
	}
	w.Write([]byte(s + "\r\n"))
}

// writer is the mailer's writer, one without fonts when none is set.
func (m *Mailer) writer() *render.Writer {
	if m.Writer == nil {
		return &render.Writer{NoFonts: render.ErrNoFont}
	}
	return m.Writer
}

// Send sends a published digest to the list. It uses STARTTLS when the
// server offers it, and authenticates only over TLS.
func (m *Mailer) Send(ctx context.Context, d *digest.Digest, p *digest.Profile) error {
	msg, err := m.Message(d, p)
	if err != nil {
		return err
	}
	dialer := net.Dialer{Timeout: 15 * time.Second}
	conn, err := dialer.DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("mail to %s: %w", m.Addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	} else {
		conn.SetDeadline(time.Now().Add(2 * time.Minute))
	}
	host, _, _ := net.SplitHostPort(m.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail to %s: %w", m.Addr, err)
	}
	defer c.Close()
	tlsOn := false
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			return fmt.Errorf("mail to %s: STARTTLS: %w", m.Addr, err)
		}
		tlsOn = true
	}
	if m.User != "" {
		if !tlsOn {
			return fmt.Errorf("mail to %s: the server offers no TLS, and the password is not sent in the clear", m.Addr)
		}
		if err := c.Auth(smtp.PlainAuth("", m.User, m.Password, host)); err != nil {
			return fmt.Errorf("mail to %s: %w", m.Addr, err)
		}
	}
	from, _ := mail.ParseAddress(m.From)
	if err := c.Mail(from.Address); err != nil {
		return fmt.Errorf("mail to %s: MAIL FROM: %w", m.Addr, err)
	}
	for _, to := range m.To {
		a, _ := mail.ParseAddress(to)
		if err := c.Rcpt(a.Address); err != nil {
			return fmt.Errorf("mail to %s: RCPT TO %s: %w", m.Addr, a.Address, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("mail to %s: DATA: %w", m.Addr, err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("mail to %s: %w", m.Addr, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail to %s: %w", m.Addr, err)
	}
	return c.Quit()
}
