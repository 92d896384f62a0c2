package jsonfmt

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"shuho/internal/jsonloc"
)

// locate returns the line and column of the value at path in data, or of
// the nearest enclosing value that exists, as jsonloc.Locate does; for a
// member named twice it finds the last, the one encoding/json keeps.
//
// It does not call jsonloc.Locate because jsonloc.Index, under it, keeps
// the full path of every value: its cost is the number of values times the
// length of their paths, and a hostile input (a member name of 20,000 bytes
// holding an array of 20,000 numbers, 60 kB in all) makes it allocate
// 400 MB. Decode reads untrusted input (the JSON API's bodies), so it
// follows the one path asked for instead, in one pass and with memory in
// proportion to the nesting depth.
func locate(data []byte, path string) (line, col int) {
	target := splitPath(path)
	best, bestDepth := -1, -1
	walk(data, func(start, _ int, stack []frame) (bool, bool) {
		// A value is on the target path when its container is and its own
		// step is the target's next one.
		d := len(stack)
		on := d == 0 || (stack[d-1].on && d <= len(target) && stack[d-1].step() == target[d-1])
		if on && d >= bestDepth {
			best, bestDepth = start, d
		}
		return on, true // on to the end: a member named twice counts last
	})
	if best < 0 {
		return 0, 0
	}
	return jsonloc.Position(data, best)
}

// stringAt returns the path of the string value that holds the byte at
// off, or "" when off is not inside one (it is in a member name, or the
// input breaks off before it).
func stringAt(data []byte, off int) string {
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

// step returns the step from the container to its current value: "[n]" or
// the member name.
func (f *frame) step() string {
	if f.array {
		return "[" + strconv.Itoa(f.n) + "]"
	}
	return f.name
}

// walk calls visit for each value of data in order, with its start and end
// offsets (end is where a scalar ends; for an array or object, where its
// opening bracket ends) and the containers that hold it, outermost first.
// When the value is an array or object, visit's on becomes its frame's on;
// when visit's more is false the walk stops. It also stops at the end of the
// first value, at malformed input, and below maxDepth containers, which
// bounds its memory on input that encoding/json has not checked.
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
			if top := &stack[len(stack)-1]; top.array {
				top.n++
			} else {
				top.isKey = true
			}
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
		if top := &stack[len(stack)-1]; top.array {
			top.n++
		} else {
			top.isKey = true
		}
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
// "[0]", "items", "[2]", "kind". Member names in shuho's paths hold neither
// '.' nor '['.
func splitPath(path string) []string {
	var steps []string
	for path != "" {
		i := strings.IndexAny(path[1:], ".[")
		if i < 0 {
			steps = append(steps, path)
			break
		}
		steps = append(steps, path[:i+1])
		path = strings.TrimPrefix(path[i+1:], ".")
	}
	return steps
}

// pathOf formats the path of the current value of the innermost container
// of stack as jsonloc does.
func pathOf(stack []frame) string {
	var b strings.Builder
	for i := range stack {
		s := stack[i].step()
		if !stack[i].array && b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}
