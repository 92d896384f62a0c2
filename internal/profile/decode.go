package profile

// Reading a profile file strictly: every fault with its line, column and
// the field, and a near name for a misspelt one.

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	_ "time/tzdata" // a profile's zone must load on any machine, including one without a zoneinfo database
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/jsonloc"
)

// Parse reads a profile from data; name is the file name that errors give.
//
// Every error is a *digest.ParseError with File set to name, the 1-based
// line and column (0 when there is no place, as for an input that is too
// large), the JSON path of the field at fault (e.g. "outlets[3].affiliation")
// and a message that says what is wrong and what was expected. Its kind is
// digest.ErrTooLarge for an input over digest.MaxInput, digest.ErrInvalid
// otherwise. Parse reports one error, the first it finds; that is the first
// in the document except that a broken JSON structure is reported before any
// wrong value.
//
// Besides what encoding/json checks, Parse refuses fields that the profile
// does not have (matched with their case: "Title" is not "title"), fields
// given twice in one object, and anything after the profile object; and it
// checks the invariants listed on digest.Profile. A leading UTF-8 byte order
// mark is skipped. Empty lists come back nil. On success the profile's time
// zone is loaded (p.Location).
func Parse(name string, data []byte) (*digest.Profile, error) {
	if len(data) > digest.MaxInput {
		return nil, &digest.ParseError{
			File: name,
			Msg: fmt.Sprintf("the profile is %d bytes; expected at most %d (%d MB)",
				len(data), digest.MaxInput, digest.MaxInput>>20),
			Err: digest.ErrTooLarge,
		}
	}
	// Editors on Windows save a byte order mark that JSON does not allow and
	// the user cannot see; skipping it keeps columns as the editor shows them.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	p, f := parse(data)
	if f != nil {
		return nil, f.err(name, data)
	}
	return p, nil
}

// fault is a problem found while reading a profile, placed either at a byte
// offset (off >= 0) or at the value its JSON path names.
type fault struct {
	off  int
	path string
	msg  string
}

// err makes f a ParseError of the file name, whose content is data.
func (f *fault) err(name string, data []byte) *digest.ParseError {
	e := &digest.ParseError{File: name, Field: f.path, Msg: f.msg}
	if f.off >= 0 {
		e.Line, e.Column = jsonloc.Position(data, f.off)
	} else {
		e.Line, e.Column = jsonloc.Locate(data, f.path)
	}
	return e
}

func at(off int, path, format string, args ...any) *fault {
	return &fault{off: off, path: path, msg: fmt.Sprintf(format, args...)}
}

func field(path, format string, args ...any) *fault {
	return at(-1, path, format, args...)
}

// parse reads and checks a profile; data is at most MaxInput bytes.
func parse(data []byte) (*digest.Profile, *fault) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, at(0, "", "the file is empty; expected a JSON object with the profile's fields (key, title, time_zone, week_start, sections, outlets, style)")
	}
	if !utf8.Valid(data) {
		off := invalidUTF8(data)
		return nil, at(off, "", "invalid UTF-8 (byte 0x%02x); expected text saved as UTF-8", data[off])
	}

	var p digest.Profile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	derr := dec.Decode(&p)
	var syn *json.SyntaxError
	switch {
	case errors.As(derr, &syn):
		return nil, syntaxFault(data, int(syn.Offset)-1, syn.Error())
	case errors.Is(derr, io.ErrUnexpectedEOF) || errors.Is(derr, io.EOF):
		end := len(bytes.TrimRight(data, " \t\r\n"))
		return nil, at(end, "", "the file ends inside the profile; expected the rest of it (a missing \"}\", \"]\" or closing quote?)")
	}
	// From here the first JSON value of data is well formed.
	end := int(dec.InputOffset())
	if off := skipSep(data, end, false); off < len(data) {
		line, _ := jsonloc.Position(data, max(end-1, 0))
		return nil, at(off, "", "more data after the profile object, which ends on line %d; expected the end of the file (does a \"}\" close the object too early?)", line)
	}

	if off := tooDeep(data[:end]); off >= 0 {
		return nil, at(off, "", "values nested more than %d deep; expected a profile, whose values nest at most 4 deep (glossary, a term, its ja_variants, a variant)", maxDepth)
	}

	if first := skipSep(data, 0, false); derr == nil && data[first] == 'n' {
		// encoding/json reads null into a struct as nothing at all, which
		// would be reported as a missing key.
		return nil, at(first, "", "found null; expected a JSON object holding the profile")
	}

	w := walker{data: data, dec: json.NewDecoder(bytes.NewReader(data)), top: map[string]bool{}, structs: map[reflect.Type]structFields{}}
	wf := w.value(reflect.TypeFor[digest.Profile](), "", 0)
	var tf *fault
	var te *json.UnmarshalTypeError
	if errors.As(derr, &te) {
		tf = typeFault(data, te)
	}
	switch {
	case wf != nil && (tf == nil || wf.off <= tf.off):
		return nil, wf
	case tf != nil:
		return nil, tf
	case derr != nil:
		// encoding/json found something the walk did not, which no known
		// input does: say what json said, at the start for want of a
		// better place.
		return nil, at(-1, "", "%s; expected a profile in the form `shuho profile show` prints", strings.TrimPrefix(derr.Error(), "json: "))
	}

	normalize(&p)
	if f := check(&p, w.top["week_start"]); f != nil {
		return nil, f
	}
	return &p, nil
}

// maxDepth is how deep tooDeep lets values nest: far more than a profile
// needs, so that a value of the wrong shape is still reported as such, and
// few enough that the paths that the walker and an error's location keep
// (which grow with the depth) stay short.
const maxDepth = 32

// tooDeep returns the offset of the first "[" or "{" in the well-formed JSON
// data that opens a value nested deeper than maxDepth, or -1.
func tooDeep(data []byte) int {
	depth, inString := 0, false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			if depth++; depth > maxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return -1
}

// invalidUTF8 returns the offset of the first byte of data that does not
// begin a valid UTF-8 sequence.
func invalidUTF8(data []byte) int {
	for off := 0; off < len(data); {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n == 1 {
			return off
		}
		off += n
	}
	return len(data)
}

// syntaxHints turn the end of an encoding/json syntax message, which says
// where the reader was, into what it expected there.
var syntaxHints = []struct{ suffix, expected string }{
	{"looking for beginning of value", `a value: a string in double quotes, a number, true, false, null, an object or an array`},
	{"looking for beginning of object key string", `a field name in double quotes`},
	{"after object key", `":" after the field name`},
	{"after object key:value pair", `"," before the next field, or "}" to close the object`},
	{"after array element", `"," before the next element, or "]" to close the array`},
	{"in string literal", `a string without raw control characters or tabs (write a line break as \n)`},
	{"in string escape code", `an escape such as \n, \", \\ or \u00e9`},
	{"in \\u hexadecimal character escape", `four hexadecimal digits after \u`},
	{"in numeric literal", `a number such as 3, -1.5 or 2e10`},
}

// syntaxFault explains the JSON syntax error msg at the byte off.
func syntaxFault(data []byte, off int, msg string) *fault {
	off = min(max(off, 0), len(data))
	// The commonest mistake in a hand-written file, which the std message
	// describes only obliquely ("looking for beginning of object key
	// string").
	if off < len(data) && (data[off] == '}' || data[off] == ']') {
		prev := len(bytes.TrimRight(data[:off], " \t\r\n")) - 1
		if prev >= 0 && data[prev] == ',' {
			return at(prev, "", "a comma before %q; expected no comma after the last element of an object or array", data[off])
		}
	}
	expected := "well-formed JSON"
	for _, h := range syntaxHints {
		if strings.HasSuffix(msg, h.suffix) {
			expected = h.expected
			break
		}
	}
	if strings.Contains(msg, "(expecting") { // "in literal true (expecting 'r')" says it already
		expected = "true, false or null written in full"
	}
	return at(off, "", "malformed JSON: %s; expected %s", msg, expected)
}

// typeFault places and explains a value of the wrong JSON type. The error's
// Field has no array indices ("outlets.label") and its Offset is just past
// the start of the value (for objects and arrays) or just past its end (for
// the rest), so the value is the last one that starts before Offset.
func typeFault(data []byte, te *json.UnmarshalTypeError) *fault {
	path, off, ok := jsonloc.PathAt(data, int(te.Offset))
	if !ok {
		path, off = te.Field, min(max(int(te.Offset)-1, 0), len(data))
	}
	found := map[string]string{
		"string": "a string", "number": "a number", "bool": "true or false",
		"array": "an array", "object": "an object",
	}[te.Value]
	if found == "" {
		found = te.Value // "number 1.5"
	}
	return at(off, path, "found %s; expected %s", found, describe(te.Type))
}

// describe names the JSON form of values of type t, for messages.
func describe(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[digest.Profile]():
		return "a JSON object holding the profile"
	case t == reflect.TypeFor[digest.Weekday]():
		return `a day of the week in double quotes, such as "saturday"`
	case t == reflect.TypeFor[digest.Affiliation]():
		return "a string, one of " + joinAffiliations()
	case t == reflect.TypeFor[digest.TermKind]():
		return "a string, one of " + joinKinds()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Struct:
		return "an object"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "an array of strings"
		}
		return "an array of objects"
	}
	return t.String()
}

// skipSep returns the offset of the first byte at or after off that is not
// white space (nor, when seps, a ':' or ','): where the next token starts,
// since a decoder's offset stops before them.
func skipSep(data []byte, off int, seps bool) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		case ':', ',':
			if !seps {
				return off
			}
			off++
		default:
			return off
		}
	}
	return off
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// walker reads the tokens of a well-formed JSON value beside the Go type it
// decodes into, to find what encoding/json lets pass or reports without a
// place: a field the type does not have (json matches names without regard
// to case, and says of an unknown one only its name), a field given twice
// (json keeps the last), and a string that the type's UnmarshalText refuses
// (json returns that error as it is).
type walker struct {
	data []byte
	dec  *json.Decoder
	// top records the profile's members that hold a value other than null,
	// for the fields whose zero value is a valid setting (week_start).
	top map[string]bool
	// structs caches the fields of the struct types met so far.
	structs map[reflect.Type]structFields
}

// structFields are the JSON fields of a struct type: their types by name,
// and their names in order.
type structFields struct {
	types map[string]reflect.Type
	names []string
}

// value walks the next value, which decodes into a t (nil: not known, as
// inside a value of the wrong type), at path; it returns the first fault.
func (w *walker) value(t reflect.Type, path string, depth int) *fault {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	start := skipSep(w.data, int(w.dec.InputOffset()), true)
	tok, err := w.dec.Token()
	if err != nil {
		return nil // the decoder has accepted the value; nothing to add
	}
	if t == nil {
		// Nothing in a value of no known type can be at fault. Skipping it
		// spares formatting the path of every value in it, whose cost a
		// hostile file can make the number of values times a member name
		// of 20,000 bytes.
		if d, ok := tok.(json.Delim); ok {
			w.skip(d)
		}
		return nil
	}
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			var elem reflect.Type
			if t != nil && t.Kind() == reflect.Slice {
				elem = t.Elem()
			}
			for i := 0; w.dec.More(); i++ {
				if f := w.value(elem, fmt.Sprintf("%s[%d]", path, i), depth+1); f != nil {
					return f
				}
			}
			w.dec.Token() // ']'
			return nil
		}
		var fields map[string]reflect.Type
		var names []string
		if t != nil && t.Kind() == reflect.Struct {
			sf, ok := w.structs[t]
			if !ok {
				sf = jsonFields(t)
				w.structs[t] = sf
			}
			fields, names = sf.types, sf.names
		}
		seen := map[string]int{}
		for w.dec.More() {
			koff := skipSep(w.data, int(w.dec.InputOffset()), true)
			ktok, err := w.dec.Token()
			if err != nil {
				return nil
			}
			key, _ := ktok.(string)
			kpath := key
			if path != "" {
				kpath = path + "." + key
			}
			var ft reflect.Type
			if fields != nil {
				var ok bool
				if ft, ok = fields[key]; !ok {
					return at(koff, kpath, "%s", unknownField(key, names))
				}
				if first, ok := seen[key]; ok {
					line, _ := jsonloc.Position(w.data, first)
					return at(koff, kpath, "field %q given a second time (first on line %d); expected each field once", key, line)
				}
				seen[key] = koff
			}
			if depth == 0 {
				voff := skipSep(w.data, int(w.dec.InputOffset()), true)
				w.top[key] = !bytes.HasPrefix(w.data[voff:], []byte("null"))
			}
			if f := w.value(ft, kpath, depth+1); f != nil {
				return f
			}
		}
		w.dec.Token() // '}'
	case string:
		if t != nil && reflect.PointerTo(t).Implements(textUnmarshaler) {
			v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
			if err := v.UnmarshalText([]byte(tok)); err != nil {
				return at(start, path, "%s", err.Error())
			}
		}
	}
	return nil
}

// skip reads the rest of the array or object that open opened.
func (w *walker) skip(open json.Delim) {
	if open != '[' && open != '{' {
		return
	}
	for depth := 1; depth > 0; {
		tok, err := w.dec.Token()
		if err != nil {
			return
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
}

// jsonFields returns the JSON fields of struct type t.
func jsonFields(t reflect.Type) structFields {
	fields := map[string]reflect.Type{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	return structFields{fields, names}
}

// unknownField says that key is not one of names, suggesting the name it was
// most likely meant to be.
func unknownField(key string, names []string) string {
	msg := fmt.Sprintf("unknown field %q; expected one of %s", key, strings.Join(names, ", "))
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return fmt.Sprintf("unknown field %q; expected %q (field names are case-sensitive)", key, n)
		}
	}
	best, bestD := "", 3 // suggest only close misspellings
	for _, n := range names {
		if d := distance(strings.ToLower(key), n); d < bestD {
			best, bestD = n, d
		}
	}
	if best != "" {
		msg = fmt.Sprintf("unknown field %q (did you mean %q?); expected one of %s", key, best, strings.Join(names, ", "))
	}
	return msg
}

// distance returns the Levenshtein distance between a and b, in bytes (field
// names are ASCII); it stops counting past 3, which is all unknownField needs.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 || abs(len(a)-len(b)) > 3 {
		return 4
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
