package jsonloc

import "testing"

func TestLocate(t *testing.T) {
	doc := []byte("{\n  \"key\": \"az\",\n  \"outlets\": [\n    {\"label\": \"APA\"},\n    {\"label\": \"TREND\",\n     \"affiliation\": \"gov\"}\n  ],\n  \"nested\": {\"a\": [1, [2, 3]], \"b\": null},\n  \"名前\": \"値\"\n}")
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
		line, col := Locate(doc, tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("Locate(%q) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
}

func TestIndexMalformed(t *testing.T) {
	// A document broken half-way is indexed up to the break.
	idx := Index([]byte(`{"a": 1, "b": [1, 2`))
	if _, ok := idx["b[1]"]; !ok {
		t.Errorf("Index of a truncated document lost b[1]: %v", idx)
	}
	if len(Index([]byte("\x00garbage"))) != 0 {
		t.Errorf("Index of garbage found values")
	}
}

func FuzzIndex(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b": "c"}], "d": null}`))
	f.Add([]byte(`[[[]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for path, off := range Index(data) {
			if off < 0 || off > len(data) {
				t.Fatalf("path %q at offset %d outside the document of %d bytes", path, off, len(data))
			}
			Locate(data, path)
		}
	})
}
