// Package docx reads the text of Word documents (.docx), so that years of
// past digests kept as Word files can be imported: Text turns a document into
// the digest text that textfmt.Parse reads, as if its text had been copied
// out of Word, but with the page breaks, list bullets and emphasis that a
// copy loses kept in the text format's own terms.
//
// The package is pure: bytes in, text out. It reads only the ZIP container
// (archive/zip) and the XML of the main document, its styles and its
// numbering (encoding/xml, which expands no external entity; a document
// holding a DOCTYPE is refused outright). Every size is bounded: the
// number of ZIP entries, the declared and the actual uncompressed size of
// each part read, the nesting depth of the XML and the size of the text
// produced, so a hostile file costs bounded memory and time. A panic is
// recovered and returned as an error.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"shuho/internal/digest"
)

// Limits on what Text reads. A weekly digest's document.xml is well under a
// megabyte; these leave room for years of digests in one file while
// keeping a zip bomb or a deeply nested file cheap to refuse.
const (
	// MaxDocumentXML is the largest uncompressed word/document.xml Text
	// reads, both as the ZIP entry declares it and as it inflates.
	MaxDocumentXML = 64 << 20
	// maxPartXML bounds word/styles.xml and word/numbering.xml.
	maxPartXML = 16 << 20
	// MaxEntries is the most entries the ZIP container may have.
	MaxEntries = 10000
	// MaxDepth is the deepest element nesting read in any XML part; Word's
	// deepest real structures (tables in text boxes in tables) stay well
	// below it.
	MaxDepth = 256
)

// Text returns the paragraphs of a Word document as digest text that
// textfmt.Parse reads.
//
// Paragraphs come in document order, including those in tables, text
// boxes, content controls, hyperlinks, fields and tracked insertions;
// deleted text, field instructions and hidden text are left out. Each
// non-empty paragraph stands on its own line with a blank line before the
// next; consecutive list paragraphs (numbered by Word, directly or through
// their style, or starting with a typed bullet) are separated by a single
// line break and written "- " unless they start with a bullet of their own.
// A numbered paragraph (not a bullet) starts with its number as Word shows
// it ("1. 軍事・治安関係"); a bullet that is a headline mark (●, ◆, ■,
// Wingdings' ●) is written before the paragraph's text instead of "- ".
// A line break inside a paragraph is "\n"; a page break (a break of type
// page, a paragraph that starts a page, a section that starts a new page)
// is a form feed "\f" at the start of the next line of text.
//
// Formatting: a headline (a line starting with ●, or with another headline
// mark, kept as written, before Japanese text) whose text is all bold is
// written "● **…**", the digest's emphasis; other headlines, and every line
// holding Japanese (the title, period, issuer, section lines), are written
// without markers. In the other lines a bold run is written "**…**" and an
// italic one "*…*", adjacent runs of the same formatting merged and
// surrounding spaces kept outside the markers; but a line that is bold (or
// italic) as a whole, such as an English headline, carries no marker for
// it, and neither does the "NOTE:" or typed bullet that starts a line: that
// is layout, not inline emphasis, and markers there would hide the line's
// kind from the parser. Of Japanese ruby only the base text is kept.
//
// Errors wrap digest.ErrInvalid (not a .docx, a broken ZIP or XML) or
// digest.ErrTooLarge (over a limit above); they are *digest.ParseError
// values without a line, so that a caller can name the file with
// digest.InFile.
func Text(data []byte) ([]byte, error) {
	return safely(func() ([]byte, error) {
		files, err := open(data)
		if err != nil {
			return nil, err
		}
		doc := find(files, "word/document.xml")
		if doc == nil {
			return nil, notWord(files)
		}
		st, err := readStyles(find(files, "word/styles.xml"))
		if err != nil {
			return nil, err
		}
		num, err := readNumbering(find(files, "word/numbering.xml"))
		if err != nil {
			return nil, err
		}
		return readDocument(doc, st, num)
	})
}

// safely runs read, turning a panic into an error of kind digest.ErrInvalid
// (P4): a bug met by one hostile document fails that document only.
func safely(read func() ([]byte, error)) (text []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = nil, fail(digest.ErrInvalid, "cannot read the Word document (internal error: %v)", r)
		}
	}()
	return read()
}

// fail returns a ParseError of the given kind.
func fail(kind error, format string, args ...any) error {
	return &digest.ParseError{Msg: fmt.Sprintf(format, args...), Err: kind}
}

// open checks that data is a ZIP archive of a sane number of entries,
// saying what it seems to be when it is not.
func open(data []byte) ([]*zip.File, error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, fail(digest.ErrInvalid, "the file is empty; expected a Word document (.docx)")
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return nil, fail(digest.ErrInvalid, "this is a Word 97-2003 document (.doc) or another old Office file, not a .docx; open it in Word or LibreOffice and save it as .docx")
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return nil, fail(digest.ErrInvalid, "this is a PDF document, not a Word document; import it as a PDF")
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return nil, fail(digest.ErrInvalid, "this is an RTF document, not a .docx; open it in Word or LibreOffice and save it as .docx")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are never used as paths here
		return nil, fail(digest.ErrInvalid, "not a Word document (.docx): not a readable ZIP archive (%v)", err)
	}
	if len(zr.File) > MaxEntries {
		return nil, fail(digest.ErrTooLarge, "the ZIP archive has %d entries; a Word document may have at most %d", len(zr.File), MaxEntries)
	}
	return zr.File, nil
}

// find returns the first entry named name (OPC part names are
// case-insensitive), or nil.
func find(files []*zip.File, name string) *zip.File {
	for _, f := range files {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return f
		}
	}
	return nil
}

// notWord explains a ZIP archive without word/document.xml.
func notWord(files []*zip.File) error {
	what := "a ZIP archive"
	switch {
	case find(files, "content.xml") != nil:
		what = "an OpenDocument file (.odt); save it as .docx in LibreOffice"
	case find(files, "xl/workbook.xml") != nil:
		what = "an Excel workbook"
	case find(files, "ppt/presentation.xml") != nil:
		what = "a PowerPoint presentation"
	}
	return fail(digest.ErrInvalid, "not a Word document: %s without word/document.xml", what)
}

// part opens a ZIP entry for reading at most limit bytes: the declared size
// is checked first, and the returned reader fails with digest.ErrTooLarge
// when the entry inflates past the limit, whatever it declared.
func part(f *zip.File, limit int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fail(digest.ErrTooLarge, "%s is %d bytes uncompressed; at most %d MB are read", f.Name, f.UncompressedSize64, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(digest.ErrInvalid, "cannot open %s in the ZIP archive: %v", f.Name, err)
	}
	return &limited{r: io.LimitReader(rc, limit+1), c: rc, name: f.Name, limit: limit}, nil
}

// limited counts the bytes read from a ZIP entry and fails past the limit,
// so that an entry that lies about its size inflates no further.
type limited struct {
	r        io.Reader
	c        io.Closer
	name     string
	n, limit int64
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.n += int64(n); l.n > l.limit {
		return n, fail(digest.ErrTooLarge, "%s inflates past %d MB", l.name, l.limit>>20)
	}
	return n, err
}

func (l *limited) Close() error { return l.c.Close() }
