package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"shuho/internal/digest"
)

// DOCX writes a digest as a Word document (Office Open XML) that Word and
// LibreOffice open as the desk's own: A4, the title and head centred, each
// section a Heading 1, each Japanese headline a Heading 2 (bold when
// emphasised), the English headline in italics, paragraphs, notes, and
// real bulleted lists; **bold** and *italic* as run formatting. The fonts
// are declared for Latin and East Asian text (Times New Roman, and IPAex
// Mincho with MS Mincho as the fallback Word knows), the language as
// English and Japanese, so that Word lays the Japanese out as Japanese.
func DOCX(d *digest.Digest, created time.Time) ([]byte, error) {
	var body strings.Builder
	para := func(style string, spans []Span, center bool) {
		body.WriteString("<w:p><w:pPr>")
		if style != "" {
			fmt.Fprintf(&body, `<w:pStyle w:val="%s"/>`, style)
		}
		if center {
			body.WriteString(`<w:jc w:val="center"/>`)
		}
		body.WriteString("</w:pPr>")
		for _, sp := range spans {
			body.WriteString("<w:r>")
			if sp.Bold || sp.Italic {
				body.WriteString("<w:rPr>")
				if sp.Bold {
					body.WriteString("<w:b/><w:bCs/>")
				}
				if sp.Italic {
					body.WriteString("<w:i/><w:iCs/>")
				}
				body.WriteString("</w:rPr>")
			}
			fmt.Fprintf(&body, `<w:t xml:space="preserve">%s</w:t></w:r>`, xmlText(sp.Text))
		}
		body.WriteString("</w:p>")
	}
	plain := func(s string) []Span { return []Span{{Text: s}} }
	para("Title", plain(d.Title), true)
	if d.Subtitle != "" {
		para("Subtitle", plain(d.Subtitle), true)
	}
	if p := periodJA(d.Period); p != "" {
		para("Subtitle", plain(p), true)
	}
	if d.Issuer != "" {
		para("Issuer", plain(d.Issuer), false)
	}
	for _, s := range d.Sections {
		para("Heading1", plain(fmt.Sprintf("%d. %s", s.Number, s.Title)), false)
		for _, it := range s.Items {
			h := append([]Span{{Text: "● "}}, Spans(it.HeadlineJA)...)
			if it.Emphasis {
				for i := range h {
					h[i].Bold = true
				}
			}
			para("Heading2", h, false)
			if it.HeadlineEN != "" {
				para("EnglishHeadline", plain(Plain(it.HeadlineEN)), false)
			}
			for _, bl := range it.Blocks {
				switch bl.Kind {
				case digest.List:
					for i, e := range bl.Entries {
						sp := Spans(e)
						if i == len(bl.Entries)-1 && len(bl.Citations) > 0 {
							sp = append(sp, Span{Text: " " + CitationText(bl.Citations)})
						}
						para("ListBullet", sp, false)
					}
				case digest.Note:
					sp := append([]Span{{Text: "NOTE: "}}, Spans(bl.Text)...)
					if c := CitationText(bl.Citations); c != "" {
						sp = append(sp, Span{Text: " " + c})
					}
					para("Note", sp, false)
				default:
					sp := Spans(bl.Text)
					if c := CitationText(bl.Citations); c != "" {
						sp = append(sp, Span{Text: " " + c})
					}
					para("", sp, false)
				}
			}
		}
	}
	document := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body.String() +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`

	title := xmlText(d.Title)
	core := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>shuho</dc:creator><dc:language>ja-JP</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created></cp:coreProperties>`,
		title, created.UTC().Format(time.RFC3339))

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", document},
		{"word/styles.xml", styles},
		{"word/numbering.xml", numbering},
		{"docProps/core.xml", core},
	} {
		// A fixed time in the zip entries: the same digest gives the same
		// bytes, so that publishing again changes nothing.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: created.UTC()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// xmlText escapes text for an XML element, dropping the characters XML
// cannot hold.
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF && !(r >= 0xD800 && r <= 0xDFFF) {
			return r
		}
		return -1
	}, s)
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`

// The fonts every style inherits: Latin text in Times New Roman, East
// Asian in IPAex Mincho (Debian's fonts-ipaexfont), which Word replaces by
// MS Mincho where IPAex is not installed (w:altName).
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="IPAexMincho" w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Issuer"><w:name w:val="Issuer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/><w:spacing w:after="360"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="EnglishHeadline"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="EnglishHeadline"><w:name w:val="English Headline"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:jc w:val="left"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>
</w:styles>`

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
