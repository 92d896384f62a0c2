package fetch

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// realData returns the paths matching pattern among the real pages and
// feeds kept as other packages' test data, skipping the test when there
// are none (except in CI).
func realData(t *testing.T, pattern string) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", pattern))
	if len(paths) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no real data at %s", pattern)
		}
		t.Skipf("no real data at %s", pattern)
	}
	return paths
}

// TestDecodeRealData runs Decode over 181 real pages and 200 real feeds:
// the output is UTF-8, and a document that is valid UTF-8 and does not
// declare another charset comes out unchanged, apart from a BOM.
func TestDecodeRealData(t *testing.T) {
	paths := append(realData(t, "extract/testdata/extraction/html/*.html.gz"), realData(t, "feed/testdata/realfeeds/*.gz")...)
	var converted, unchanged int
	for i, p := range paths {
		if raceEnabled && i%8 != 0 {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
		}
		out, err := Decode(raw, "")
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if !utf8.Valid(out) {
			t.Errorf("%s: output not UTF-8", p)
		}
		in := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if bytes.Equal(in, out) {
			unchanged++
			continue
		}
		converted++
		t.Logf("converted %s (valid UTF-8 before: %v)", filepath.Base(p), utf8.Valid(in))
		// Valid UTF-8 may differ only in its XML declaration, rewritten to
		// say UTF-8 (one real feed declares utf-16 and is UTF-8).
		if utf8.Valid(in) && !bytes.Equal(afterXMLDecl(in), afterXMLDecl(out)) {
			t.Errorf("%s: valid UTF-8 changed by Decode", filepath.Base(p))
		}
	}
	t.Logf("%d documents: %d unchanged, %d converted", unchanged+converted, unchanged, converted)
}

func afterXMLDecl(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("<?xml")) {
		if i := bytes.Index(b, []byte("?>")); i >= 0 {
			return b[i:]
		}
	}
	return b
}
