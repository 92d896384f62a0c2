// Package jsonloc finds where the values of a JSON document stand, so that a
// reader that rejects a field (a profile's unknown affiliation, a digest's
// block of unknown kind) can name its line and column, not only its path.
//
// It is only called on the way to an error: finding every path costs one
// more pass over the document.
package jsonloc

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Index returns the byte offset of every value in data, keyed by its path:
// "" for the whole document, "outlets[3].affiliation" for a member of an
// element of an array. It indexes as much of data as is well formed.
func Index(data []byte) map[string]int {
	idx := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		array bool
		path  string
		n     int    // next element index (arrays)
		key   string // pending member name (objects)
		isKey bool   // the next string token is a member name
	}
	var stack []frame
	valuePath := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := &stack[len(stack)-1]
		if f.array {
			p := f.path + "[" + strconv.Itoa(f.n) + "]"
			f.n++
			return p
		}
		if f.path == "" {
			return f.key
		}
		return f.path + "." + f.key
	}
	for {
		start := skip(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil { // io.EOF, or the first malformed token
			return idx
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && !stack[len(stack)-1].array {
				stack[len(stack)-1].isKey = true
			}
			continue
		}
		if len(stack) > 0 && !stack[len(stack)-1].array && stack[len(stack)-1].isKey {
			stack[len(stack)-1].key, _ = tok.(string)
			stack[len(stack)-1].isKey = false
			continue
		}
		p := valuePath()
		idx[p] = start
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, frame{array: d == '[', path: p, isKey: d == '{'})
			continue
		}
		if len(stack) > 0 && !stack[len(stack)-1].array {
			stack[len(stack)-1].isKey = true
		}
	}
}

// skip returns the offset of the first byte at or after off that is not
// white space, ':' or ','; the decoder's offset stops before them.
func skip(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// Position returns the 1-based line and column (in characters) of the byte
// offset off in data.
func Position(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// Locate returns the line and column of the value at path, or of the nearest
// enclosing value that exists (a missing member is reported where its object
// begins); 0, 0 when nothing of the path is in data.
func Locate(data []byte, path string) (line, col int) {
	idx := Index(data)
	for {
		if off, ok := idx[path]; ok {
			return Position(data, off)
		}
		if path == "" {
			return 0, 0
		}
		path = parent(path)
	}
}

// parent returns the path of the value that holds the value at path.
func parent(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i] {
		case '.':
			return path[:i]
		case '[':
			return path[:i]
		}
	}
	return ""
}
