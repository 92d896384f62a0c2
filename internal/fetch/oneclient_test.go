package fetch

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// clientBuilders are the ways a package could make HTTP requests past this
// one (F1): its own client or transport, or the default ones.
var clientBuilders = regexp.MustCompile(`http\.Client\s*\{|&http\.Client\b|http\.DefaultClient|http\.DefaultTransport|http\.(Get|Post|PostForm|Head)\(|new\(http\.Client\)|http\.Transport\s*\{`)

// TestOneClient walks every non-test Go file of the module and fails if a
// package other than internal/fetch makes its own HTTP client (F1).
func TestOneClient(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not at %s: %v", root, err)
	}
	self := filepath.Join(root, "internal", "fetch")
	files := 0
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".")) || path == self {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		files++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if trimmed := strings.TrimSpace(line); strings.HasPrefix(trimmed, "//") {
				continue
			}
			if m := clientBuilders.FindString(line); m != "" {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d: %s: outbound HTTP goes through internal/fetch only (F1)", rel, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Errorf("walked only %d files; the walk is wrong", files)
	}
}

// TestOneClientPattern keeps the pattern honest: it must catch each way.
func TestOneClientPattern(t *testing.T) {
	for _, line := range []string{
		`c := &http.Client{Timeout: 5}`, `var c = http.Client{}`, `resp, err := http.Get(u)`,
		`http.Post(u, "", nil)`, `http.DefaultClient.Do(req)`, `tr := http.DefaultTransport`,
		`t := &http.Transport{}`, `c := new(http.Client)`, `http.Head(u)`,
	} {
		if !clientBuilders.MatchString(line) {
			t.Errorf("not caught: %s", line)
		}
	}
	for _, line := range []string{`func (c *Client) Get(ctx context.Context)`, `var h http.Handler`, `http.NewRequest("GET", u, nil)`} {
		if clientBuilders.MatchString(line) {
			t.Errorf("wrongly caught: %s", line)
		}
	}
}
