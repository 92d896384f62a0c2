package fetch

import "testing"

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
		r.allowed(path)
		if !r.allowed("/robots.txt") {
			t.Fatal("robots.txt itself disallowed")
		}
	})
}
