package jsonloc

import (
	"bytes"
	"encoding/json"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const doc = "{\n  \"key\": \"az\",\n  \"outlets\": [\n    {\"label\": \"APA\"},\n    {\"label\": \"TREND\",\n     \"affiliation\": \"gov\"}\n  ],\n  \"nested\": {\"a\": [1, [2, 3]], \"b\": null},\n  \"名前\": \"値\"\n}"

func TestLocate(t *testing.T) {
	tests := []struct {
		path      string
		line, col int
	}{
		{"", 1, 1},
		{"key", 2, 10},
		{"outlets", 3, 14},
		{"outlets[0]", 4, 5},
		{"outlets[0].label", 4, 15},
		{"outlets[1].affiliation", 6, 21},
		{"outlets[1].missing", 5, 5}, // a missing member: where its object begins
		{"nested.a[1][1]", 8, 27},
		{"nested.b", 8, 37},
		{"名前", 9, 9},
		{"absent.deeper", 1, 1},
	}
	for _, tt := range tests {
		line, col := Locate([]byte(doc), tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("Locate(%q) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
}

func TestLocateEdges(t *testing.T) {
	tests := []struct {
		doc, path string
		line, col int
	}{
		{`{"a": {"b": 1}, "a": {"c": 2}}`, "a", 1, 22}, // named twice: the last, as encoding/json keeps
		{`{"a": {"b": 1}, "a": {"c": 2}}`, "a.c", 1, 28},
		{`{"a": {"b": 1}, "a": {"c": 2}}`, "a.x", 1, 22}, // missing: in the last a
		{`{"a": {"b": 1}, "a": {"c": 2}}`, "a.b", 1, 13}, // only the first a has a b
		{`{"a": 1, "b": [1, 2`, "b[1]", 1, 19},           // broken off: located up to the break
		{`{"a": 1, "b": [1, 2`, "b[2]", 1, 15},
		{`{"a": 1} {"a": 2}`, "a", 1, 7},         // only the first value is read
		{`{"a": {"": {"x": 1}}}`, "a..x", 1, 18}, // an empty member name
		{`[[0, [1, 2]]]`, "[0][1][1]", 1, 10},
		{"\x00garbage", "", 0, 0}, // nothing of the path
		{"", "a", 0, 0},
	}
	for _, tt := range tests {
		line, col := Locate([]byte(tt.doc), tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("Locate(%q, %q) = %d:%d, want %d:%d", tt.doc, tt.path, line, col, tt.line, tt.col)
		}
	}
}

// TestLocateAgreesWithIndex: Locate finds what a lookup in an index of
// every value's path finds, for every value of these documents and for
// paths that are not there.
func TestLocateAgreesWithIndex(t *testing.T) {
	docs := []string{
		doc,
		`{"a": {"b": 1}, "a": {"c": [1, {"d": 2}]}}`,
		`[1, [2, {"x": "y"}]]`,
		`"s"`, `{}`, ``, `{"a": 1, "b": [1, 2`,
		`{"version": 1, "title": "週報", "sections": [{"key": "security", "items": [` +
			`{"headline_ja": "見出し", "blocks": [{"kind": "text", "text": "t"}, ` +
			`{"kind": "citation", "citations": [{"outlet": "APA", "date_text": "01.02.2025"}]}]}]}, ` +
			`{"key": "foreign", "items": []}], "notes": null}`,
	}
	extra := []string{"", "title", "missing", "a.b", "a.c[1].d", "a.c[1].e", "[1][2].x", "[1][2].z.w", "[0]", "[5]",
		"sections[0].items[0].blocks[1].citations[0].outlet", "sections[0].items[0].blocks[7].kind", "sections[3]"}
	for _, d := range docs {
		data := []byte(d)
		values := index(data)
		paths := slices.Clone(extra)
		for _, v := range values {
			paths = append(paths, v.path, v.path+".absent", v.path+"[9]")
		}
		for _, p := range paths {
			wl, wc := locateIn(data, values, p)
			if l, c := Locate(data, p); l != wl || c != wc {
				t.Errorf("Locate(%.40q, %q) = %d:%d, the index says %d:%d", d, p, l, c, wl, wc)
			}
		}
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
		{": 1", ""},  // between values
	}
	for _, tt := range tests {
		off := strings.LastIndex(doc, tt.at)
		if off < 0 {
			t.Fatalf("%q not in the document", tt.at)
		}
		if got := StringAt([]byte(doc), off); got != tt.want {
			t.Errorf("StringAt(%q) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestPathAt(t *testing.T) {
	//                 0         1         2         3
	//                 0123456789012345678901234567890123
	const in string = `{"a": [1, {"b": "cd"}], "e": null}`
	tests := []struct {
		off   int
		path  string
		start int
		ok    bool
	}{
		{0, "", 0, false}, // nothing starts before the first byte
		{1, "", 0, true},
		{3, "", 0, true},     // a member name belongs to no value
		{7, "a", 6, true},    // encoding/json's offset of an array: just past "["
		{8, "a[0]", 7, true}, // encoding/json's offset of a number: just past it
		{11, "a[1]", 10, true},
		{17, "a[1].b", 16, true}, // inside a string
		{20, "a[1].b", 16, true}, // just past its end
		{25, "a[1].b", 16, true}, // in the member name after it
		{30, "e", 29, true},
		{34, "e", 29, true},  // the end of the input
		{100, "e", 29, true}, // past it
		{-1, "", 0, false},
	}
	for _, tt := range tests {
		path, start, ok := PathAt([]byte(in), tt.off)
		if path != tt.path || start != tt.start || ok != tt.ok {
			t.Errorf("PathAt(%d) = %q, %d, %t; want %q, %d, %t", tt.off, path, start, ok, tt.path, tt.start, tt.ok)
		}
	}
	for _, in := range []string{"", "  ", "\x00", "]"} {
		if path, start, ok := PathAt([]byte(in), 100); ok {
			t.Errorf("PathAt(%q, 100) = %q, %d, true; want not ok", in, path, start)
		}
	}
	if path, start, ok := PathAt([]byte(`  {"a": [1, 2`), 100); path != "a[1]" || start != 12 || !ok {
		t.Errorf("PathAt past a document broken off = %q, %d, %t; want a[1], 12, true", path, start, ok)
	}
}

func TestSplitPath(t *testing.T) {
	tests := []struct {
		path  string
		steps []string
	}{
		{"", nil},
		{"title", []string{"title"}},
		{"sections[0].items[2].kind", []string{"sections", "[0]", "items", "[2]", "kind"}},
		{"[1][2].x", []string{"[1]", "[2]", "x"}},
		{"a.", []string{"a", ""}},
		{"a..b", []string{"a", "", "b"}},
		{"a.[0]", []string{"a", "", "[0]"}},
		{"a[0", []string{"a", "[0"}},
	}
	for _, tt := range tests {
		if got := splitPath(tt.path); !slices.Equal(got, tt.steps) {
			t.Errorf("splitPath(%q) = %q, want %q", tt.path, got, tt.steps)
		}
	}
}

// TestBounded: memory follows the nesting depth and the member names of
// the current path, not the number of values. An index of every value's
// path allocates 394 MB for the first input, 155 MB for the second and
// 130 MB for the third.
func TestBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocations over a few large inputs")
	}
	inputs := []struct {
		name string
		data []byte
	}{
		{"a long member name holding many values", []byte(`{"` + strings.Repeat("k", 20000) + `": [` + strings.Repeat("0,", 20000) + `0], "title": 1}`)},
		{"arrays nested 10,000 deep", []byte(strings.Repeat("[", 10000) + strings.Repeat("]", 10000))},
		{"objects and arrays nested 10,000 deep", []byte(strings.Repeat(`{"k": [`, 5000) + "1" + strings.Repeat("]}", 5000))},
		{"arrays nested past what encoding/json reads", []byte(strings.Repeat("[", 100000))},
	}
	const limit = 10 << 20
	for _, in := range inputs {
		end := len(in.data) - 1
		calls := []struct {
			name string
			f    func()
		}{
			{"Locate", func() { Locate(in.data, "title") }},
			{"Locate of a deep path", func() { Locate(in.data, strings.Repeat("[0]", 20000)) }},
			{"StringAt", func() { StringAt(in.data, end) }},
			{"PathAt", func() { PathAt(in.data, end) }},
		}
		for _, c := range calls {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			c.f()
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s, %s: %d kB", in.name, c.name, alloc>>10)
			if alloc > limit {
				t.Errorf("%s of %s (%d bytes) allocated %d MB; want under %d MB", c.name, in.name, len(in.data), alloc>>20, limit>>20)
			}
		}
	}
}

// BenchmarkLocate shows the allocations of the hostile input of
// TestBounded with -benchmem.
func BenchmarkLocate(b *testing.B) {
	data := []byte(`{"` + strings.Repeat("k", 20000) + `": [` + strings.Repeat("0,", 20000) + `0], "title": 1}`)
	b.ReportAllocs()
	for b.Loop() {
		Locate(data, "title")
	}
}

func FuzzLocate(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b": "c"}], "d": null}`), uint16(12))
	f.Add([]byte(`[[[]]]`), uint16(3))
	f.Add([]byte(doc), uint16(60))
	f.Add([]byte(`{"a": {"b": 1}, "a": {"c": [1, {"d": 2}]}}`), uint16(30))
	f.Add([]byte(`{"a": "x`+"\xff"+`", "b": [1e999, -0.5, true]`), uint16(8))
	f.Fuzz(func(t *testing.T, data []byte, o uint16) {
		off := int(o) % (len(data) + 2)
		values := index(data)
		// An index's paths are ambiguous when member names hold '.' or '['
		// or are empty (the root and its member "" share the path ""); the
		// index then finds other values than Locate, and neither is wrong.
		plain := !slices.ContainsFunc(values, func(v value) bool { return v.odd })
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, v := range values {
			for _, p := range []string{v.path, v.path + ".x", v.path + "[1]"} {
				l, c := Locate(data, p)
				if l < 1 || l > lines || c < 1 || c > len(data)+1 {
					t.Fatalf("Locate(%q) = %d:%d, outside the input", p, l, c)
				}
				if wl, wc := locateIn(data, values, p); plain && (l != wl || c != wc) {
					t.Fatalf("Locate(%q) = %d:%d, the index says %d:%d", p, l, c, wl, wc)
				}
			}
		}
		path, start, ok := PathAt(data, off)
		if ok != (len(values) > 0 && values[0].off < off) {
			t.Fatalf("PathAt(%d) ok = %t with values %v", off, ok, values)
		}
		if ok {
			if start >= off || start < 0 || start >= len(data) {
				t.Fatalf("PathAt(%d) = %q, %d: not a start before off", off, path, start)
			}
			i := len(values) - 1
			for values[i].off >= off {
				i--
			}
			if w := values[i]; start != w.off || (plain && path != w.path) {
				t.Fatalf("PathAt(%d) = %q, %d; the index says %q, %d", off, path, start, w.path, w.off)
			}
		}
		if p := StringAt(data, off); p != "" {
			i := slices.IndexFunc(values, func(v value) bool { return v.path == p && data[v.off] == '"' && v.off <= off })
			if plain && i < 0 {
				t.Fatalf("StringAt(%d) = %q, not a string before off", off, p)
			}
		}
	})
}

// value is one value of a document as index finds it.
type value struct {
	path string
	off  int
	odd  bool // its path holds a member name that makes paths ambiguous
}

// index returns every value of the first JSON value of data, as far as it
// is well formed, with its path and offset, in document order. It builds
// every value's full path, which is what jsonloc once did and must not do
// on untrusted input; here it is the reference that Locate, PathAt and
// StringAt are checked against.
func index(data []byte) []value {
	var values []value
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		array bool
		path  string
		odd   bool
		n     int
		key   string
		isKey bool
	}
	var stack []frame
	for {
		start := skipSeparators(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return values
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return values
			}
			if top := &stack[len(stack)-1]; top.array {
				top.n++
			} else {
				top.isKey = true
			}
			continue
		}
		if len(stack) > 0 && stack[len(stack)-1].isKey {
			stack[len(stack)-1].key, _ = tok.(string)
			stack[len(stack)-1].isKey = false
			continue
		}
		v := value{}
		if len(stack) > 0 {
			f := stack[len(stack)-1]
			v.odd = f.odd
			switch {
			case f.array:
				v.path = f.path + "[" + strconv.Itoa(f.n) + "]"
			case f.path == "":
				v.path = f.key
			default:
				v.path = f.path + "." + f.key
			}
			if !f.array && (f.key == "" || strings.ContainsAny(f.key, ".[]")) {
				v.odd = true
			}
		}
		v.off = start
		values = append(values, v)
		if d, ok := tok.(json.Delim); ok {
			if len(stack) == maxDepth {
				return values
			}
			stack = append(stack, frame{array: d == '[', path: v.path, odd: v.odd, isKey: d == '{'})
			continue
		}
		if len(stack) == 0 {
			return values
		}
		if top := &stack[len(stack)-1]; top.array {
			top.n++
		} else {
			top.isKey = true
		}
	}
}

// locateIn is Locate by lookup in the values of data: the last value at
// path, or else at the nearest enclosing path that has one.
func locateIn(data []byte, values []value, path string) (line, col int) {
	for {
		for i := len(values) - 1; i >= 0; i-- {
			if values[i].path == path {
				return Position(data, values[i].off)
			}
		}
		if path == "" {
			return 0, 0
		}
		path = path[:max(strings.LastIndexAny(path, ".["), 0)]
	}
}
