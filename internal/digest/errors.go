package digest

import (
	"errors"
	"fmt"
)

// The kinds of error. Every package wraps one of these (with %w) so that the
// edges (the command line's exit codes, later the web's HTTP statuses) map an
// error to a response in one place, whatever produced it.
var (
	// ErrInvalid: the input cannot be read as what was expected (not a
	// digest, a broken profile, a wrong field).
	ErrInvalid = errors.New("invalid input")
	// ErrTooLarge: the input is over the size the reader accepts.
	ErrTooLarge = errors.New("input too large")
	// ErrNotFound: the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrUnsupported: a format or operation this version cannot do.
	ErrUnsupported = errors.New("not supported")
	// ErrConflict: the thing is held or changed by someone else (a source
	// another worker is polling; later, a stale edit).
	ErrConflict = errors.New("conflict")
)

// ParseError says what is wrong with an input and where: the file (when
// known), the 1-based line and column (0 when not known) and, for structured
// input, the field.
type ParseError struct {
	File   string
	Line   int
	Column int
	// Field is the path of the field at fault in structured input, such as
	// "outlets[3].affiliation"; empty for text.
	Field string
	// Msg says what is wrong and, where it helps, what was expected.
	Msg string
	// Err is the kind (ErrInvalid unless said otherwise) or an underlying
	// cause.
	Err error
}

// Error formats the error as "FILE:LINE:COL: FIELD: MESSAGE", leaving out the
// parts that are not known.
func (e *ParseError) Error() string {
	s := ""
	if e.File != "" {
		s = e.File + ":"
	}
	if e.Line > 0 {
		s += fmt.Sprintf("%d:", e.Line)
		if e.Column > 0 {
			s += fmt.Sprintf("%d:", e.Column)
		}
	} else if e.File == "" {
		s = ""
	}
	if s != "" {
		s += " "
	}
	if e.Field != "" {
		s += e.Field + ": "
	}
	return s + e.Msg
}

// Unwrap returns the kind of the error.
func (e *ParseError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalid
	}
	return e.Err
}

// Errorf returns a ParseError of kind ErrInvalid at line.
func Errorf(line int, format string, args ...any) *ParseError {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// InFile sets the file name of err if it is a ParseError without one, so that
// the reader of a file can name it once for every error below it.
func InFile(err error, file string) error {
	if pe, ok := err.(*ParseError); ok && pe.File == "" {
		c := *pe
		c.File = file
		return &c
	}
	return err
}
