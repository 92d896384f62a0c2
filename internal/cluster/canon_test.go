package cluster

import (
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"https://apa.az/en/foreign-policy/bayramov-meets-123", "https://apa.az/en/foreign-policy/bayramov-meets-123", ""},
		{"HTTPS://WWW.Trend.AZ/Azerbaijan/Politics/4012345.html", "https://www.trend.az/Azerbaijan/Politics/4012345.html", ""},
		{"https://report.az:443/news/1/", "https://report.az/news/1/", ""},
		{"http://report.az:80/news/1", "http://report.az/news/1", ""},
		{"http://report.az:8080/news/1", "http://report.az:8080/news/1", ""},
		{"https://oc-media.org/a/#comments", "https://oc-media.org/a/", ""},
		{"https://jam-news.net/x?utm_source=tw&utm_medium=social&id=5&fbclid=abc", "https://jam-news.net/x?id=5", ""},
		{"https://x.az/a?gclid=1&dclid=2&msclkid=3&yclid=4&mc_cid=5&mc_eid=6&_ga=7&igshid=8&ref_src=twsrc", "https://x.az/a", ""},
		{"https://x.az/a?ref=homepage&b=2&a=1", "https://x.az/a?a=1&b=2", ""},
		{"https://x.az/a?ref=42", "https://x.az/a?ref=42", ""},
		{"https://x.az/a?q=%7e&&z=a+b", "https://x.az/a?q=~&z=a+b", ""},
		{"https://x.az//news///2025//item", "https://x.az/news/2025/item", ""},
		{"https://x.az/news/./a/../b", "https://x.az/news/b", ""},
		{"https://x.az", "https://x.az/", ""},
		{"https://user:pw@x.az/a", "https://x.az/a", ""},
		{"https://Bakı.az/xəbər", "https://xn--bak-lua.az/x%C9%99b%C9%99r", ""},
		{"https://x.az./a", "https://x.az/a", ""},
		{"https://XN--BAK-LUA.az/a", "https://xn--bak-lua.az/a", ""},
		{"  https://x.az/a  ", "https://x.az/a", ""},
		{"http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a", ""},
		{"", "", "empty"},
		{"/news/1", "", "not absolute"},
		{"ftp://x.az/a", "", `scheme "ftp" refused`},
		{"javascript:alert(1)", "", "refused"},
		{"mailto:a@x.az", "", "refused"},
		{"https://", "", "no host"},
		{"https://x.az:99999/", "", "out of range"},
		{"http://a b.az/", "", "invalid"},
	} {
		got, err := CanonicalURL(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("CanonicalURL(%q) = %q, %v; want error containing %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ page, declared, want string }{
		{"https://apa.az/news/1?utm_source=x", "https://apa.az/en/news/1", "https://apa.az/en/news/1"},
		{"https://m.apa.az/news/1", "https://apa.az/news/1", "https://apa.az/news/1"},
		{"https://apa.az/news/1", "https://evil.example/news/1", "https://apa.az/news/1"},
		{"https://apa.az/news/1", "https://trend.az/news/1", "https://apa.az/news/1"},
		// co.uk is a public suffix: two sites under it are not one domain.
		{"https://a.co.uk/x", "https://b.co.uk/x", "https://a.co.uk/x"},
		{"https://apa.az/news/1", "/en/news/1#top", "https://apa.az/en/news/1"},
		{"https://apa.az/news/1", "https://apa.az/", "https://apa.az/news/1"},
		{"https://apa.az/news/1", "javascript:alert(1)", "https://apa.az/news/1"},
		{"https://apa.az/news/1", "", "https://apa.az/news/1"},
		{"ftp://apa.az/news/1", "https://apa.az/news/1", ""},
	} {
		if got := Canonical(c.page, c.declared); got != c.want {
			t.Errorf("Canonical(%q, %q) = %q, want %q", c.page, c.declared, got, c.want)
		}
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://apa.az/a?utm_source=x&b=1#f", "HTTP://X.AZ:80//a/../b", "https://Bakı.az/xəbər",
		"http://[::1]:8080/", "https://x.az/a?q=%zz", "ftp://x", "https://x.az/a?a=%2F&ref=home",
		"https://x.az/%41%2f", "http://1.2.3.4/./", "https://x.az/a;b?c=d;e",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := CanonicalURL(s)
		if err != nil {
			return
		}
		c2, err := CanonicalURL(c)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, which is refused: %v", s, c, err)
		}
		if c2 != c {
			t.Fatalf("not idempotent: %q → %q → %q", s, c, c2)
		}
	})
}
