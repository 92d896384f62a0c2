// Package pdftext reads the text of a PDF digest, as the desk's archive
// keeps many, through poppler's pdftotext: the words with their places,
// joined into the lines, paragraphs and page breaks that textfmt.Parse
// reads (a document reader, as package docx is for Word files).
package pdftext

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// Limits on reading a PDF through pdftotext.
const (
	// Timeout is the longest pdftotext may run on one file; a digest
	// of a few dozen pages takes well under a second.
	Timeout = 60 * time.Second
	// maxPDFOutput bounds what is read of pdftotext's output, which marks
	// up every word with its position (some fifteen times the text): 80 MB,
	// the markup of thousands of pages, bounds the memory that one
	// enormous word could take in the XML decoder.
	maxPDFOutput = 4 * digest.MaxInput
	// maxPDFDepth bounds the nesting of that output (it has six levels).
	maxPDFDepth = 32
)

// Text returns the text of a PDF through poppler's pdftotext, for
// textfmt.Parse.
//
// It runs "pdftotext -bbox-layout -enc UTF-8 -eol unix PATH -", which gives
// each page, block, line and word with its position, rather than plain text:
// pdftotext's plain output (with or without -layout) puts no blank line
// between the paragraphs of a page, and the parser then cannot tell where a
// paragraph without a citation ends, nor one whose citation was wrapped
// ("(APA /" / "20.11.2026)"). From the blocks, which pdftotext separates by
// the space between paragraphs, Text writes what textfmt.Parse expects
// of text copied out of a PDF: each block (a paragraph, a heading, a page
// number) as its lines, with a blank line before the next block, and a page
// break as a form feed "\f" at the start of the first line of the next page.
// Words on a line are joined with a space, except where the gap between
// them is too narrow for one (pdftotext splits a word where its font
// changes) and between Japanese and half-width letters or digits ("2027 年"
// is Word's automatic spacing of "2027年", not a space in the text).
// pdftotext reports no fonts, so bold headlines (the digest's emphasis) and
// italic summaries come out as plain text.
//
// The run is bounded: a PDF that pdftotext does not finish within
// Timeout is refused with digest.ErrTooLarge, as is one of more than
// digest.MaxInput bytes of text or an output of more than maxPDFOutput
// bytes. When pdftotext is not installed, the error wraps
// digest.ErrUnsupported and says to install poppler-utils; a file that
// pdftotext cannot read gives an error wrapping digest.ErrInvalid with
// pdftotext's own message, and a PDF without any text (a scan) an error
// wrapping digest.ErrUnsupported. When ctx ends first, the error wraps
// ctx.Err().
func Text(ctx context.Context, path string) ([]byte, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, fmt.Errorf("reading the PDF %s needs pdftotext, which is not installed: install poppler-utils (apt-get install poppler-utils; brew install poppler): %w", path, digest.ErrUnsupported)
	}
	arg := path
	if strings.HasPrefix(arg, "-") {
		arg = "./" + arg // not an option
	}
	run, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	cmd := exec.CommandContext(run, bin, "-bbox-layout", "-enc", "UTF-8", "-eol", "unix", arg, "-")
	stderr := &headBuffer{max: 2048}
	cmd.Stderr = stderr
	// Once pdftotext has exited or been stopped, Wait waits no longer for
	// its output pipes, which a child it left behind could hold open.
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s: %w", path, err)
	}
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("reading the PDF %s: %w", path, ctx.Err())
		}
		return nil, fmt.Errorf("cannot run pdftotext on %s: %v: %w", path, err, digest.ErrUnsupported)
	}
	text, readErr := bboxText(out, maxPDFOutput)
	if readErr != nil {
		// Stop pdftotext: what it would still write is not wanted.
		out.Close()
		cancel()
	}
	waitErr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("reading the PDF %s: %w", path, ctx.Err())
	case errors.Is(run.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("pdftotext did not finish %s within %s: %w", path, Timeout, digest.ErrTooLarge)
	case errors.Is(readErr, digest.ErrTooLarge):
		return nil, fmt.Errorf("reading the PDF %s: %w", path, readErr)
	case waitErr != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = waitErr.Error()
		}
		return nil, fmt.Errorf("pdftotext cannot read %s: %s: %w", path, msg, digest.ErrInvalid)
	case readErr != nil:
		return nil, fmt.Errorf("reading the PDF %s: %w", path, readErr)
	case len(bytes.TrimSpace(bytes.ReplaceAll(text, []byte{'\f'}, nil))) == 0:
		return nil, fmt.Errorf("the PDF %s has no text that pdftotext can read (a scanned document?); shuho does not read text from images: %w", path, digest.ErrUnsupported)
	}
	return text, nil
}

// headBuffer keeps the first max bytes written to it: enough of a tool's
// standard error for an error message, however much it writes.
type headBuffer struct {
	buf bytes.Buffer
	max int
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - h.buf.Len(); room > 0 {
		h.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (h *headBuffer) String() string { return h.buf.String() }

// pdfWord is a word of pdftotext's -bbox-layout output with its box.
type pdfWord struct {
	text                   string
	xMin, xMax, yMin, yMax float64
}

// bboxText turns pdftotext's -bbox-layout output (XHTML: doc > page > flow >
// block > line > word) into digest text: blocks separated by a blank line,
// the lines of a block by a newline, a form feed before the first line of
// every page after the first. It reads at most max bytes of r, and no more
// than digest.MaxInput bytes of text.
func bboxText(r io.Reader, max int64) ([]byte, error) {
	cr := &cleanReader{r: io.LimitReader(r, max+1)}
	d := xml.NewDecoder(cr)
	d.Strict = true
	var (
		out     []byte
		words   []pdfWord
		depth   int
		pages   int
		newPage bool // a page began and has had no line yet
		inLine  bool
		lines   int // lines of the current block so far
		pending int // bytes of the words of the current line
	)
	readErr := func(err error) error {
		if cr.n > max {
			return fmt.Errorf("pdftotext wrote over %d bytes: %w", max, digest.ErrTooLarge)
		}
		return fmt.Errorf("cannot read pdftotext's output: %v: %w", err, digest.ErrInvalid)
	}
	tooLarge := fmt.Errorf("the PDF's text is over %d MB; a digest may be at most %d MB: %w", digest.MaxInput>>20, digest.MaxInput>>20, digest.ErrTooLarge)
	for {
		t, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readErr(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			if depth++; depth > maxPDFDepth {
				return nil, fmt.Errorf("pdftotext's output nests deeper than %d levels: %w", maxPDFDepth, digest.ErrInvalid)
			}
			switch t.Name.Local {
			case "page":
				if pages++; pages > 1 {
					newPage = true
				}
			case "block":
				lines = 0
			case "line":
				inLine, words, pending = true, words[:0], 0
			case "word":
				if !inLine {
					break
				}
				w := pdfWord{}
				for _, a := range t.Attr {
					v, _ := strconv.ParseFloat(a.Value, 64)
					switch a.Name.Local {
					case "xMin":
						w.xMin = v
					case "xMax":
						w.xMax = v
					case "yMin":
						w.yMin = v
					case "yMax":
						w.yMax = v
					}
				}
				var sb strings.Builder
				for {
					t, err := d.Token()
					if err != nil {
						return nil, readErr(err)
					}
					if cd, ok := t.(xml.CharData); ok {
						if sb.Write(cd); len(out)+pending+sb.Len() > digest.MaxInput {
							return nil, tooLarge
						}
						continue
					}
					if _, ok := t.(xml.EndElement); ok {
						break
					}
					return nil, fmt.Errorf("cannot read pdftotext's output: an element inside a word: %w", digest.ErrInvalid)
				}
				depth--
				w.text = strings.TrimSpace(sb.String())
				if w.text != "" {
					words = append(words, w)
					if pending += len(w.text) + 1; len(out)+pending > digest.MaxInput {
						return nil, tooLarge
					}
				}
			}
		case xml.EndElement:
			depth--
			if t.Name.Local != "line" || !inLine {
				continue
			}
			inLine = false
			if len(words) == 0 {
				continue
			}
			switch {
			case lines > 0:
				out = append(out, '\n')
			case len(out) > 0:
				out = append(out, "\n\n"...)
			}
			lines++
			if newPage {
				out = append(out, '\f')
				newPage = false
			}
			out = appendLine(out, words)
			if len(out) > digest.MaxInput {
				return nil, tooLarge
			}
		}
	}
	if len(out) > 0 {
		out = append(out, '\n')
	}
	return out, nil
}

// appendLine writes the words of a line: with a space between them unless
// the gap between their boxes is too narrow for one (pdftotext splits a
// word where its font changes) or a Japanese character meets another or a
// half-width letter or digit (Word's and LibreOffice's automatic spacing
// between Japanese and Latin text leaves a gap that is not a space).
func appendLine(out []byte, words []pdfWord) []byte {
	for i, w := range words {
		if i > 0 {
			prev := words[i-1]
			last, _ := utf8.DecodeLastRuneInString(prev.text)
			first, _ := utf8.DecodeRuneInString(w.text)
			gap, height := w.xMin-prev.xMax, prev.yMax-prev.yMin
			joined := wide(last) && (wide(first) || narrowAlnum(first)) || narrowAlnum(last) && wide(first) ||
				height > 0 && gap < 0.08*height
			if !joined {
				out = append(out, ' ')
			}
		}
		out = append(out, w.text...)
	}
	return out
}

// wide reports whether r is Japanese: kanji, kana, CJK punctuation or a
// full-width form.
func wide(r rune) bool {
	return r >= 0x3000 && (r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF || unicode.Is(unicode.Han, r))
}

func narrowAlnum(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// cleanReader passes pdftotext's output to the XML decoder as valid UTF-8
// without the control characters that XML forbids, which a PDF's broken
// font encoding can put in the text; it counts the bytes read.
type cleanReader struct {
	r     io.Reader
	n     int64
	in    []byte // bytes read, not yet passed on (an incomplete character)
	out   []byte // bytes cleaned, not yet passed on
	err   error
	chunk [32 << 10]byte
}

func (c *cleanReader) Read(p []byte) (int, error) {
	for len(c.out) == 0 {
		if c.err != nil {
			return 0, c.err
		}
		n, err := c.r.Read(c.chunk[:])
		c.n += int64(n)
		c.err = err
		c.in = append(c.in, c.chunk[:n]...)
		c.clean()
	}
	n := copy(p, c.out)
	c.out = c.out[:copy(c.out, c.out[n:])]
	return n, nil
}

// clean moves what it can of c.in to c.out, keeping back a character that
// the next read may complete.
func (c *cleanReader) clean() {
	in := c.in
	for len(in) > 0 {
		b := in[0]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				b = ' '
			}
			c.out = append(c.out, b)
			in = in[1:]
			continue
		}
		r, size := utf8.DecodeRune(in)
		switch {
		case r == utf8.RuneError && size == 1:
			if !utf8.FullRune(in) && c.err == nil {
				c.in = append(c.in[:0], in...)
				return
			}
			c.out = append(c.out, "\uFFFD"...)
		case r == 0xFFFE || r == 0xFFFF:
			c.out = append(c.out, ' ')
		default:
			c.out = append(c.out, in[:size]...)
		}
		in = in[size:]
	}
	c.in = c.in[:0]
}
