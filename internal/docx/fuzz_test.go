package docx

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"shuho/internal/digest"
)

// checkText is what every result of Text must satisfy: an error of kind
// ErrInvalid or ErrTooLarge that is not a recovered panic, or valid UTF-8
// text without control characters other than tab, newline and form feed.
func checkText(t *testing.T, text []byte, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, digest.ErrInvalid) && !errors.Is(err, digest.ErrTooLarge) {
			t.Fatalf("error %v is neither ErrInvalid nor ErrTooLarge", err)
		}
		if strings.Contains(err.Error(), "internal error") {
			t.Fatalf("Text panicked: %v", err)
		}
		if text != nil {
			t.Fatalf("Text returned text beside its error %v", err)
		}
		return
	}
	if !utf8.Valid(text) {
		t.Fatalf("Text returned invalid UTF-8: %q", text)
	}
	if i := bytes.IndexFunc(text, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\f' }); i >= 0 {
		t.Fatalf("Text returned a control character at %d: %q", i, text)
	}
	if len(text) > digest.MaxInput+1 {
		t.Fatalf("Text returned %d bytes", len(text))
	}
}

func FuzzText(f *testing.F) {
	for _, name := range []string{"example-digest", "example-digest-extracted"} {
		data, err := os.ReadFile("testdata/" + name + ".docx")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])             // truncated
		f.Add(data[:len(data)-22])            // without the end of the central directory
		f.Add(append([]byte{}, data[:30]...)) // a local header only
	}
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18))) // an empty ZIP
	f.Add([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
	f.Add(docxFile(f, map[string]string{"word/document.xml": document(p(bullet, r(italic, "x")) + p("", r(bold, "● "+jaHead)))}))
	f.Add(docxFile(f, map[string]string{"word/document.xml": document(p("", r("", "x"))), "word/numbering.xml": numberingXML(numDefs), "word/styles.xml": stylesXML("")}))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Text(data)
		checkText(t, text, err)
	})
}

// FuzzDocumentXML fuzzes the XML of word/document.xml (and the numbering
// it refers to) inside a well-formed ZIP, which mutations of a whole .docx
// seldom reach past the ZIP's checksums.
func FuzzDocumentXML(f *testing.F) {
	for _, name := range []string{"example-digest", "example-digest-extracted"} {
		data, err := os.ReadFile("testdata/" + name + ".docx")
		if err != nil {
			f.Fatal(err)
		}
		files, err := open(data)
		if err != nil {
			f.Fatal(err)
		}
		rc, err := part(find(files, "word/document.xml"), MaxDocumentXML)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			f.Fatal(err)
		}
		rc.Close()
		f.Add(b.String())
	}
	f.Add(document(p("", r("", "a"), `<w:r><w:br w:type="page"/><w:sym w:font="Wingdings" w:char="F06C"/></w:r>`, r(bold, jaHead))))
	f.Add(document(p(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>`, r(bold+italic, "a"), r(italic, " b"))))
	f.Add(document(`<w:tbl><w:tr><w:tc>` + p("", `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>X</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>y</w:t></w:r>`) + `</w:tc></w:tr></w:tbl>`))
	f.Add(document(p("", `<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>`+p("", r("", "box"))+`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>`)))
	f.Add(`<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document ` + xmlns + `>&a;</w:document>`)
	f.Fuzz(func(t *testing.T, doc string) {
		data := docxFile(t, map[string]string{"word/document.xml": doc, "word/numbering.xml": numberingXML(numDefs)})
		text, err := Text(data)
		checkText(t, text, err)
	})
}
