package fetch

import (
	"regexp"
	"strings"
	"testing"
)

func TestRobotsRules(t *testing.T) {
	const txt = `# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /search
Disallow: /*.pdf$
Allow: /search/about
Crawl-delay: 10

User-agent: other
User-agent: SHUHO   # several agents share a group
Disallow: /private
Allow: /private/press*
Disallow: /*?print=
Disallow:

Sitemap: https://example.org/sitemap.xml
`
	tests := []struct {
		agent, path string
		allowed     bool
	}{
		{"shuho", "/", true},
		{"shuho", "/search?q=1", true}, // our group replaces *
		{"shuho", "/private", false},
		{"shuho", "/private/x", false},
		{"shuho", "/private/press/2026", true}, // the longer rule wins
		{"shuho", "/news/1?print=1", false},
		{"shuho", "/robots.txt", true},
		{"somebot", "/search", false},
		{"somebot", "/search/about", true},
		{"somebot", "/doc.pdf", false},
		{"somebot", "/doc.pdf?x", true}, // $ anchors the end
		{"somebot", "/news", true},
		{"googlebot", "/news", false},
	}
	for _, tt := range tests {
		r := parseRobots([]byte(txt), tt.agent)
		if got := r.allowed(tt.path); got != tt.allowed {
			t.Errorf("%s %s: allowed = %v, want %v", tt.agent, tt.path, got, tt.allowed)
		}
	}
}

func TestRobotsMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, path string
		match         bool
	}{
		{"/", "/anything", true},
		{"/a", "/ab", true},
		{"/a$", "/ab", false},
		{"/a$", "/a", true},
		{"/*.php", "/x/y.php?z", true},
		{"/*.php$", "/x/y.php?z", false},
		{"/*.php$", "/x/y.php", true},
		{"/a*b*c", "/a--b--c--", true},
		{"/a*b*c", "/a--c--b", false},
		{"*", "/", true},
		{"/fish*", "/Fish", false},
		{"/a*$", "/a/anything", true},
	} {
		if got := robotsMatch(tt.pattern, tt.path); got != tt.match {
			t.Errorf("robotsMatch(%q, %q) = %v", tt.pattern, tt.path, got)
		}
	}
}

func TestEmptyOrOtherRobots(t *testing.T) {
	for _, txt := range []string{"", "garbage\n\x00\xff", "User-agent: googlebot\nDisallow: /\n", "Disallow: /\n"} {
		if !parseRobots([]byte(txt), "shuho").allowed("/page") {
			t.Errorf("%q disallows us", txt)
		}
	}
	if got := productToken("shuho/1 (+desk@example.org)"); got != "shuho" {
		t.Errorf("productToken = %q", got)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\n"), "/a/b")
	f.Add([]byte("User-agent: shuho\nDisallow: /\n"), "/")
	f.Add([]byte("User-agent: *\nDisallow: ****$$\n"), "/$")
	f.Add([]byte("\xff\xfe:\n:\n"), "")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := parseRobots(body, "shuho")
		if !r.allowed("/robots.txt") {
			t.Fatal("robots.txt itself disallowed")
		}
		// What allowed answers is what a plain reading of the rules
		// answers: each pattern as a regular expression (* any run, a
		// final $ the end), the longest match deciding, Allow on a tie.
		p := path
		if p == "" {
			p = "/"
		}
		want, best := true, -1
		for _, rule := range r.rules {
			pat, anchored := strings.CutSuffix(rule.pattern, "$")
			// Bytes as runes (Latin-1), so that any byte matches itself.
			expr := "^" + strings.ReplaceAll(regexp.QuoteMeta(latin1(pat)), `\*`, ".*")
			if anchored {
				expr += "$"
			}
			if !regexp.MustCompile("(?s)" + expr).MatchString(latin1(p)) {
				continue
			}
			if l := len(rule.pattern); l > best || l == best && rule.allow {
				best, want = l, rule.allow
			}
		}
		if p == "/robots.txt" {
			want = true
		}
		if got := r.allowed(path); got != want {
			t.Errorf("allowed(%q) = %v, the rules %v say %v", path, got, r.rules, want)
		}
	})
}

// latin1 reads each byte of s as the rune of its value.
func latin1(s string) string {
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = rune(s[i])
	}
	return string(rs)
}
