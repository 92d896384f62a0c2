package extract

import (
	"errors"
	"strings"
	"testing"
)

func article(body string) []byte {
	return []byte(`<!doctype html><html lang="en"><head><title>T</title></head><body><article>` + body + `</article></body></html>`)
}

const para = `<p>The ministry said on Tuesday that the new rules for registering non-governmental organisations would take effect next month, after a vote in parliament that the opposition boycotted.</p>`

// TestLimits is P4: pages over the size or tree limits are refused with an
// error before they are parsed, never truncated.
func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		page []byte
		o    Options
		want error // nil: must extract without error
	}{
		{"within limits", article(strings.Repeat(para, 5)), Options{}, nil},
		{"over MaxBytes", article(strings.Repeat(para, 20)), Options{MaxBytes: 2000}, ErrTooLarge},
		{"over default MaxBytes", article(strings.Repeat(para, DefaultMaxBytes/len(para)+1)), Options{}, ErrTooLarge},
		{"200k siblings", article(strings.Repeat("<p>x</p>", 200_000)), Options{}, ErrTooManyNodes},
		{"200k nested", article(strings.Repeat("<div>", 200_000) + "x"), Options{}, ErrTooManyNodes},
		{"200k void", article(strings.Repeat("<br>", 200_000)), Options{}, ErrTooManyNodes},
		{"200k self-closing", article(strings.Repeat("<x/>", 200_000)), Options{}, ErrTooManyNodes},
		{"over MaxNodes", article(strings.Repeat(para, 20)), Options{MaxNodes: 10}, ErrTooManyNodes},
		// Under the element limit but nested deep enough to make the parser
		// quadratic.
		{"deep nesting", article(strings.Repeat("<div>", 5000) + para), Options{}, ErrTooManyNodes},
		{"deep inline nesting", article(strings.Repeat("<b><i>", 3000) + para), Options{}, ErrTooManyNodes},
		// Sloppy but ordinary markup is not mistaken for depth.
		{"unclosed p and li", article(strings.Repeat(para[:len(para)-4], 3) + "<ul>" + strings.Repeat("<li>item", 3000) + "</ul>"), Options{}, nil},
		{"unclosed void tags", article(strings.Repeat(`<img src="https://a.example/x.png"><br><hr>`, 2000) + para + para), Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(tt.page, "https://news.example/a", tt.o)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Extract: %v", err)
				}
				if res.Text == "" {
					t.Fatal("Extract: empty text")
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Extract: err %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), "https://news.example/a") {
				t.Errorf("error %q does not name the URL", err)
			}
			if res.Text != "" {
				t.Errorf("refused page gave text %q", res.Text)
			}
		})
	}
}

// TestNoContent: a page without an article gives ErrNoContent, an empty
// Text, and the metadata it does have.
func TestNoContent(t *testing.T) {
	tests := []struct {
		name, page string
	}{
		{"empty", ``},
		{"navigation only", `<html lang="ru"><head><title>Главная</title><link rel="canonical" href="/index"></head><body><nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>`},
		{"scripts only", `<html><head><title>App</title></head><body><div id="app"></div><script>render()</script></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract([]byte(tt.page), "https://news.example/", Options{})
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("Extract: err %v, want ErrNoContent (text %q)", err, res.Text)
			}
			if res.Text != "" || res.HTML.String() != "" {
				t.Errorf("Text %q, HTML %q; want both empty", res.Text, res.HTML.String())
			}
		})
	}
	res, _ := Extract([]byte(tests[1].page), "https://news.example/", Options{})
	if res.Title != "Главная" || res.URL != "https://news.example/index" || res.Lang != "ru" {
		t.Errorf("metadata of a page without content: %+v", res)
	}
}
