package extract

import (
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func fuzzSeeds() []string {
	long := strings.Repeat(para, 4)
	return []string{
		``,
		`<p>x</p>`,
		string(article(long)),
		string(article(`<p>a<script>alert(1)</script>b</p>` + long)),
		string(article(`<p><a href="javascript:alert(1)">x</a> <a href="java&#x09;script:alert(2)">y</a> <a href="data:text/html,<script>">z</a></p>` + long)),
		string(article(`<p onclick="x()" style="color:red"><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe></p>` + long)),
		string(article(`<svg><script>alert(1)</script></svg><math><style><img src=x onerror=alert(1)></style></math>` + long)),
		string(article(strings.Repeat("<div>", 100_000) + "x")),
		string(article(`<p title="` + strings.Repeat("A", 256<<10) + `">` + long + `</p>`)),
		string(article(`<table><tr><td>` + long + `</td></tr></table>`)),
		"<html lang=\"az\"><head><link rel=canonical href=\"//evil.example/x\"><meta property=\"article:published_time\" content=\"9999-99-99\"></head><body>" + long + "</body></html>",
		"<html><body>\xff\xfe invalid \xc3 UTF-8 " + long + "</body></html>",
		`<script type="application/ld+json">{"datePublished":[[[[[[[[[[[]]]]]]]]]]]}</script>` + long,
	}
}

// FuzzExtract (P3): Extract never panics through to the caller, and what it
// returns keeps its contract.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s), "https://news.example/a/b?c=d")
	}
	f.Add([]byte(`<p>x</p>`), "::not a url")
	f.Fuzz(func(t *testing.T, page []byte, pageURL string) {
		res, err := Extract(page, pageURL, Options{MaxBytes: 2 << 20})
		if err != nil {
			var pe *PanicError
			if errors.As(err, &pe) {
				// Recovered as P4 asks: a page that trips the third-party
				// extractor is skipped; one that trips our own code is a bug.
				if pe.Ours {
					t.Errorf("our code panicked: %v", err)
				} else {
					t.Logf("recovered: %v", err)
				}
			}
			if res.Text != "" || res.HTML.String() != "" {
				t.Errorf("error %v with text %q html %q", err, res.Text, res.HTML.String())
			}
			return
		}
		if res.Text == "" {
			t.Error("no error and no text")
		}
		if !utf8.ValidString(res.Text) || !utf8.ValidString(res.Title) {
			t.Errorf("invalid UTF-8: text %q title %q", res.Text, res.Title)
		}
		if res.Text != strings.TrimSpace(res.Text) {
			t.Errorf("Text not trimmed: %q", res.Text)
		}
		if s := Sanitize(res.HTML.String()); s != res.HTML.String() {
			t.Errorf("HTML not a fixed point of Sanitize:\n got  %q\n then %q", res.HTML.String(), s)
		}
		if res.URL != pageURL {
			if u, err := url.Parse(res.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("canonical URL %q is not absolute http(s)", res.URL)
			}
		}
	})
}

// allowed is the H1 allow-list as FuzzSanitize checks it, written out apart
// from the policy so that a change to one shows against the other.
var allowed = map[string][]string{
	"p": nil, "br": nil, "hr": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil,
	"ul": nil, "ol": nil, "li": nil, "dl": nil, "dt": nil, "dd": nil, "blockquote": nil, "pre": nil, "code": nil,
	"b": nil, "strong": nil, "i": nil, "em": nil, "u": nil, "s": nil, "sub": nil, "sup": nil, "small": nil, "mark": nil,
	"figure": nil, "figcaption": nil,
	"table": nil, "caption": nil, "thead": nil, "tbody": nil, "tfoot": nil, "tr": nil,
	"th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"},
	"a":   {"href", "rel"},
	"img": {"src", "alt"},
}

// FuzzSanitize (H1, P3): the output holds only allowed elements and
// attributes, URLs only of allowed schemes, and is a fixed point.
func FuzzSanitize(f *testing.F) {
	for _, s := range fuzzSeeds() {
		if len(s) < 10_000 {
			f.Add(s)
		}
	}
	f.Add(`<a href="https://ok.example/" rel="x">ok</a><img src="http://i.example/a.png" alt="a">`)
	f.Add(`<a href="mailto:a@b.example">m</a><td colspan=2 rowspan="x">`)
	f.Add(`<<script>script>alert(1)<</script>/script>`)
	f.Add(`<p>a<b>b</p>c<i>`)
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent:\n in    %q\n once  %q\n twice %q", in, out, again)
		}
		z := html.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				if z.Err() != io.EOF {
					t.Fatalf("output does not tokenize: %v", z.Err())
				}
				return
			}
			if tt == html.CommentToken || tt == html.DoctypeToken {
				t.Fatalf("comment or doctype in output %q", out)
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
				continue
			}
			tok := z.Token()
			attrs, ok := allowed[tok.Data]
			if !ok {
				t.Fatalf("element %q in output %q", tok.Data, out)
			}
			for _, a := range tok.Attr {
				if !contains(attrs, a.Key) {
					t.Fatalf("attribute %s on %s in output %q", a.Key, tok.Data, out)
				}
				if a.Key == "href" || a.Key == "src" {
					u, err := url.Parse(a.Val)
					if err != nil {
						t.Fatalf("unparseable URL %q in output", a.Val)
					}
					ok := u.Scheme == "http" || u.Scheme == "https" || (a.Key == "href" && u.Scheme == "mailto")
					if !ok {
						t.Fatalf("URL %q of scheme %q in output %q", a.Val, u.Scheme, out)
					}
				}
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestPanicRecovered (P4): a panic inside the third-party extractor comes
// back as ErrPanic naming the URL, and the next page extracts normally.
func TestPanicRecovered(t *testing.T) {
	orig := extractDocument
	t.Cleanup(func() { extractDocument = orig })
	extractDocument = func(*html.Node, trafilatura.Options) (*trafilatura.ExtractResult, error) {
		panic("index out of range")
	}
	_, err := Extract(article(para), "https://news.example/p", Options{})
	if !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), "https://news.example/p") || !strings.Contains(err.Error(), "index out of range") {
		t.Fatalf("err = %v, want ErrPanic naming the URL and the panic", err)
	}
	// The stand-in that panicked is this package's function: a real
	// stack, read as ours.
	var pe *PanicError
	if !errors.As(err, &pe) || !pe.Ours {
		t.Errorf("a panic raised in shuho's code is not marked ours: %#v", pe)
	}
	extractDocument = orig
	if _, err := Extract(article(strings.Repeat(para, 3)), "https://news.example/q", Options{}); err != nil {
		t.Fatalf("after a panic: %v", err)
	}
}

// TestPanickedInShuho: a panic is ours when the function that raised it is
// shuho's, whoever recovered it.
func TestPanickedInShuho(t *testing.T) {
	ours := "goroutine 1 [running]:\nruntime/debug.Stack()\n\t/go/src/runtime/debug/stack.go:26\nshuho/internal/extract.Extract.func1()\n\t/x/extract.go:98\npanic({0x1, 0x2})\n\t/go/src/runtime/panic.go:860\nshuho/internal/extract.metaOf(...)\n\t/x/meta.go:10\n"
	theirs := strings.Replace(ours, "shuho/internal/extract.metaOf(...)", "github.com/markusmobius/go-trafilatura.ExtractDocument(...)", 1)
	if !panickedInShuho([]byte(ours)) || panickedInShuho([]byte(theirs)) || panickedInShuho(nil) {
		t.Errorf("ours %v, theirs %v", panickedInShuho([]byte(ours)), panickedInShuho([]byte(theirs)))
	}
}
