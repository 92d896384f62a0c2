package jsonfmt

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"shuho/internal/jsonloc"
)

// TestLocateAgreesWithJSONLoc: locate finds what jsonloc.Locate finds, for
// every value of the documents of these tests and for paths that are not
// there.
func TestLocateAgreesWithJSONLoc(t *testing.T) {
	docs := []string{base, `{"a": {"b": 1}, "a": {"c": [1, {"d": 2}]}}`, `[1, [2, {"x": "y"}]]`, `"s"`, `{}`, ``}
	for _, name := range []string{"sample.json", "spec-example.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	for _, tc := range decodeErrorCases {
		// jsonloc goes on past the first value; locate, like Decode, stops.
		if tc.name != "too large" && !strings.HasPrefix(tc.name, "trailing") {
			docs = append(docs, (&caseInput{tc.in, tc.old, tc.new}).input(t))
		}
	}
	extra := []string{"", "title", "missing", "a.b", "a.c[1].d", "a.c[1].e", "[1][2].x", "[1][2].z.w", "[0]", "[5]",
		"sections[0].items[0].blocks[1].citations[0].outlet", "sections[0].items[0].blocks[7].kind", "sections[3]"}
	for _, doc := range docs {
		data := []byte(doc)
		// jsonloc.Locate indexes the document on every call; doing it once
		// here, as Locate does, keeps this test fast.
		idx := jsonloc.Index(data)
		jsonlocLocate := func(p string) (int, int) {
			for {
				if off, ok := idx[p]; ok {
					return jsonloc.Position(data, off)
				}
				if p == "" {
					return 0, 0
				}
				p = p[:max(strings.LastIndexAny(p, ".["), 0)]
			}
		}
		paths := extra
		for p := range idx {
			paths = append(paths, p, p+".absent", p+"[9]")
		}
		for _, p := range paths {
			wl, wc := jsonlocLocate(p)
			if l, c := locate(data, p); l != wl || c != wc {
				t.Errorf("locate(%.40q, %q) = %d:%d, jsonloc.Locate says %d:%d", doc, p, l, c, wl, wc)
			}
		}
		if l, c := locate(data, "sections[0].title"); doc == base && (l != 12 || c != 16) {
			t.Errorf("locate(base, sections[0].title) = %d:%d, want 12:16", l, c)
		}
	}
}

// TestDecodeBounded: the error path of Decode stays cheap on an input made
// to blow up an index of every value's path.
func TestDecodeBounded(t *testing.T) {
	in := []byte(`{"` + strings.Repeat("k", 20000) + `": [` + strings.Repeat("0,", 20000) + `0], "title": 1}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Decode(in)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "1:60020: title: expected a string") {
		t.Errorf("Decode = %v, want the title's wrong type at 1:60020", err)
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 20 {
		t.Errorf("Decode of %d bytes allocated %d MB", len(in), mb)
	}
}

func TestStringAt(t *testing.T) {
	doc := "{\"a\": \"x\xffy\", \"b\": [\"ok\", \"\xfe\"], \"c\xff\": 1, \"d\": {\"e\": \"\\\"\xff\"}, \"f\": \"\xff"
	tests := []struct {
		at   string // the bytes from off on
		want string
	}{
		{"\xffy\"", "a"},
		{"\xfe\"]", "b[1]"},
		{"\xff\": 1", ""}, // in a member name
		{"\xff\"}", "d.e"},
		{"\xff", ""}, // in a string that never ends
	}
	for _, tt := range tests {
		off := strings.LastIndex(doc, tt.at)
		if off < 0 {
			t.Fatalf("%q not in the document", tt.at)
		}
		if got := stringAt([]byte(doc), off); got != tt.want {
			t.Errorf("stringAt(%q) = %q, want %q", tt.at, got, tt.want)
		}
	}
}
