// Package jsonloc finds where the values of a JSON document stand, so that a
// reader that rejects a field (a profile's unknown affiliation, a digest's
// block of unknown kind) can name its line and column, not only its path.
//
// It is the one place that locates JSON values, and it reads untrusted input
// (digest files, API bodies, profile files). So it never builds a table of
// every value's path, whose size is the number of values times the length of
// their paths (a 60 kB document can make that 400 MB): each call follows the
// document in one streaming pass, keeping only the containers that hold the
// current value. The memory it holds therefore grows with the nesting depth
// and the length of the member names on the current path, never with the
// number of values (what it allocates and drops token by token grows with
// the size of the document, as any reading of it does). It is only called
// on the way to an error, where one more pass over the document costs
// nothing that matters.
//
// A path names a value as shuho's error messages do: "" for the whole
// document, "outlets[3].affiliation" for a member of an element of an array.
// Member names that hold '.' or '[' make a path ambiguous; shuho's do not.
// Only the first JSON value of a document is read, and only as far as it is
// well formed.
package jsonloc

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

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
// begins); 0, 0 when nothing of the path is in data. For a member named twice
// in one object it finds the last, the one encoding/json keeps.
func Locate(data []byte, path string) (line, col int) {
	target := splitPath(path)
	best, bestDepth := -1, -1
	walk(data, func(start, _ int, stack []frame) (bool, bool) {
		// A value is on the target path when its container is and its own
		// step is the target's next one.
		d := len(stack)
		on := d == 0 || (stack[d-1].on && d <= len(target) && stack[d-1].is(target[d-1]))
		if on && d >= bestDepth {
			best, bestDepth = start, d
		}
		return on, true // on to the end: a member named twice counts last
	})
	if best < 0 {
		return 0, 0
	}
	return Position(data, best)
}

// StringAt returns the path of the string value that holds the byte at off,
// or "" when off is not inside one (it is in a member name, outside any
// string, or the input breaks off before it).
func StringAt(data []byte, off int) string {
	path := ""
	walk(data, func(start, end int, stack []frame) (bool, bool) {
		if start > off {
			return false, false // the values from here on start after off
		}
		if data[start] == '"' && off < end {
			path = pathOf(stack)
			return false, false
		}
		return false, true
	})
	return path
}

// PathAt returns the path and the start offset of the last value of data
// that starts before the byte offset off (a member name is not a value); ok
// is false when no value does. It suits encoding/json's errors, whose
// offsets point just past the start of an array or object, or just past the
// end of any other value.
func PathAt(data []byte, off int) (path string, start int, ok bool) {
	start = -1
	walk(data, func(s, _ int, _ []frame) (bool, bool) {
		if s >= off {
			return false, false
		}
		start = s
		return false, true
	})
	if start < 0 {
		return "", 0, false
	}
	// A second pass, to the value found, formats only its path rather than
	// that of every value before it.
	walk(data, func(s, _ int, stack []frame) (bool, bool) {
		if s < start {
			return false, true
		}
		path = pathOf(stack)
		return false, false
	})
	return path, start, true
}

// maxDepth is as deep as walk goes: encoding/json refuses deeper input.
const maxDepth = 10000

// frame is one open container of the walk.
type frame struct {
	array bool
	n     int    // index of the current element (arrays)
	name  string // name of the current member (objects)
	isKey bool   // the next string token is a member name
	on    bool   // set by walk's caller: the container is on its path
}

// is reports whether step (a member name, or "[n]") leads from the container
// to its current value. It does not allocate, as it runs once per value.
func (f *frame) is(step string) bool {
	if !f.array {
		return f.name == step
	}
	var buf [24]byte
	b := append(buf[:0], '[')
	b = strconv.AppendInt(b, int64(f.n), 10)
	b = append(b, ']')
	return string(b) == step
}

// writeStep writes the step from the container to its current value, "[n]"
// or ".name" (without the dot at the start of a path).
func (f *frame) writeStep(b *strings.Builder) {
	if f.array {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(f.n))
		b.WriteByte(']')
		return
	}
	if b.Len() > 0 {
		b.WriteByte('.')
	}
	b.WriteString(f.name)
}

// walk calls visit for each value of data in order, with its start and end
// offsets (end is where a scalar ends; for an array or object, where its
// opening bracket ends) and the containers that hold it, outermost first.
// When the value is an array or object, visit's on becomes its frame's on;
// when visit's more is false the walk stops. It also stops at the end of the
// first value, at malformed input, and below maxDepth containers, which
// bounds its memory on input that encoding/json has not checked. It keeps
// only the open containers and their current member names.
func walk(data []byte, visit func(start, end int, stack []frame) (on, more bool)) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // a number token need not become a float
	var stack []frame
	for {
		start := skipSeparators(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return
			}
			stack[len(stack)-1].next()
			continue
		}
		if len(stack) > 0 && stack[len(stack)-1].isKey {
			stack[len(stack)-1].name, _ = tok.(string)
			stack[len(stack)-1].isKey = false
			continue
		}
		on, more := visit(start, int(dec.InputOffset()), stack)
		if !more {
			return
		}
		if d, ok := tok.(json.Delim); ok {
			if len(stack) == maxDepth {
				return
			}
			stack = append(stack, frame{array: d == '[', isKey: d == '{', on: on})
			continue
		}
		if len(stack) == 0 {
			return
		}
		stack[len(stack)-1].next()
	}
}

// next moves the container past its current value.
func (f *frame) next() {
	if f.array {
		f.n++
	} else {
		f.isKey = true
	}
}

// skipSeparators returns the offset of the first byte at or after off that
// is not white space, ':' or ','; the decoder's offset stops before them.
func skipSeparators(data []byte, off int) int {
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

// splitPath splits "sections[0].items[2].kind" into its steps: "sections",
// "[0]", "items", "[2]", "kind". It undoes pathOf: after a '.' comes a member
// name, even an empty one.
func splitPath(path string) []string {
	if path == "" {
		return nil
	}
	var steps []string
	name := path[0] != '[' // the next step is a member name
	for {
		if name {
			i := strings.IndexAny(path, ".[")
			if i < 0 {
				return append(steps, path)
			}
			steps = append(steps, path[:i])
			path = path[i:]
		} else {
			i := strings.IndexByte(path, ']')
			if i < 0 {
				return append(steps, path)
			}
			steps = append(steps, path[:i+1])
			path = path[i+1:]
		}
		if path == "" {
			return steps
		}
		if name = path[0] == '.'; name {
			path = path[1:]
		}
	}
}

// pathOf formats the path of the current value of the innermost container
// of stack.
func pathOf(stack []frame) string {
	var b strings.Builder
	for i := range stack {
		stack[i].writeStep(&b)
	}
	return b.String()
}
