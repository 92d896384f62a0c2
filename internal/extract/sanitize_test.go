package extract

import (
	"strings"
	"testing"
)

// TestSanitizeHostile is H1: each input carries something that must not
// survive, and some text that must.
func TestSanitizeHostile(t *testing.T) {
	tests := []struct {
		name, in string
		gone     []string // must not appear in the output (case-insensitive)
		kept     []string // must appear
	}{
		{"script", `<p>a</p><script>alert(1)</script><p>b</p>`, []string{"script", "alert"}, []string{"<p>a</p>", "<p>b</p>"}},
		{"script in article", `<article><p>x<script src="https://evil/x.js"></script>y</p></article>`, []string{"script", "evil"}, []string{"x", "y"}},
		{"style element", `<style>body{display:none}</style><p>t</p>`, []string{"style", "display"}, []string{"<p>t</p>"}},
		{"style attribute", `<p style="position:fixed;top:0">t</p>`, []string{"style", "fixed"}, []string{"<p>t</p>"}},
		{"event handlers", `<p onclick="steal()" onmouseover="x()">t</p><img src="https://a.example/i.png" onerror="steal()">`, []string{"onclick", "onerror", "onmouseover", "steal"}, []string{"<p>t</p>", `src="https://a.example/i.png"`}},
		{"javascript link", `<a href="javascript:alert(1)">click</a>`, []string{"javascript", "href"}, []string{"click"}},
		{"javascript link obfuscated", `<a href="JaVaScRiPt&#58;alert(1)">c</a><a href=" javascript:alert(2)">d</a><a href="java&#x09;script:alert(3)">e</a>`, []string{"javascript", "alert", "href"}, []string{"c", "d", "e"}},
		{"data url", `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a><img src="data:image/svg+xml,<svg onload=alert(1)>">`, []string{"data:", "svg", "onload"}, []string{"x"}},
		{"vbscript", `<a href="vbscript:msgbox">x</a>`, []string{"vbscript"}, []string{"x"}},
		{"relative link", `<a href="/admin">x</a>`, []string{"href", "/admin"}, []string{"x"}},
		{"iframe", `<iframe src="https://evil.example/"></iframe><p>t</p>`, []string{"iframe", "evil"}, []string{"<p>t</p>"}},
		{"object embed", `<object data="x.swf"><embed src="x.swf"></object><p>t</p>`, []string{"object", "embed", "swf"}, []string{"<p>t</p>"}},
		{"form", `<form action="https://evil.example/"><input name="pw"><button>go</button></form>`, []string{"form", "input", "evil", "button"}, nil},
		{"meta refresh and base", `<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"><p>t</p>`, []string{"meta", "base", "evil"}, []string{"<p>t</p>"}},
		{"svg and math", `<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math>`, []string{"svg", "script", "alert", "math", "javascript"}, nil},
		{"link target and rel", `<a href="https://ok.example/" target="_top" rel="opener">x</a>`, []string{"_top", `"opener"`}, []string{`href="https://ok.example/"`, `rel="nofollow noopener noreferrer"`}},
		{"h1 becomes text", `<h1>Title</h1><h2>Sub</h2>`, []string{"<h1"}, []string{"Title", "<h2>Sub</h2>"}},
		{"class and id", `<p class="x" id="y">t</p>`, []string{"class", "id="}, []string{"<p>t</p>"}},
		{"comment", `<p>t</p><!--[if IE]><script>alert(1)</script><![endif]-->`, []string{"<!--", "script", "alert"}, []string{"<p>t</p>"}},
		{"table", `<table><tr><td colspan="2" onclick="x()">a</td><td colspan="x">b</td></tr></table>`, []string{"onclick", `colspan="x"`}, []string{`<td colspan="2">a</td>`, "<table>"}},
		{"mailto", `<a href="mailto:desk@example.org">mail</a>`, nil, []string{`href="mailto:desk@example.org"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Sanitize(tt.in)
			low := strings.ToLower(out)
			for _, g := range tt.gone {
				if strings.Contains(low, strings.ToLower(g)) {
					t.Errorf("Sanitize(%q) = %q, still contains %q", tt.in, out, g)
				}
			}
			for _, k := range tt.kept {
				if !strings.Contains(out, k) {
					t.Errorf("Sanitize(%q) = %q, lost %q", tt.in, out, k)
				}
			}
			if again := Sanitize(out); again != out {
				t.Errorf("Sanitize not idempotent:\n once  %q\n twice %q", out, again)
			}
		})
	}
}

func TestSanitizeBalances(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p>a<b>b</p>c`, `<p>a<b>b</b></p><b>c</b>`},
		{`<ul><li>a<li>b</ul>`, `<ul><li>a</li><li>b</li></ul>`},
		{`<p>x</div></p>`, `<p>x</p>`},
		// An unknown element is dropped with a space in its place, so that
		// the words on either side stay apart.
		{`plain & <text>`, `plain &amp;   `},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
