package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"shuho/internal/digest"
	"shuho/internal/profile"
	"shuho/internal/textfmt"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// docxFile builds a .docx in memory from its parts, each named by its path.
func docxFile(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const xmlns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

// document wraps body XML in a word/document.xml.
func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + xmlns + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// styles wraps w:style elements in a word/styles.xml.
func stylesXML(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + xmlns + `>` + inner + `</w:styles>`
}

func numberingXML(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + xmlns + `>` + inner + `</w:numbering>`
}

// p and r build paragraphs and runs: p(pPr, runs...), r(rPr, text).
func p(pPr string, runs ...string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return "<w:p>" + pPr + strings.Join(runs, "") + "</w:p>"
}

func r(rPr, text string) string {
	if rPr != "" {
		rPr = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r>` + rPr + `<w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

const (
	bold    = "<w:b/>"
	italic  = "<w:i/>"
	bullet  = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`
	jaHead  = "ギャンジャ市内で不審物発見"
	wingdL  = "\uF06C"
	numDefs = `<w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uF0B7" + `"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2">` +
		`<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="l"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>`
)

func TestText(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		styles    string // w:style elements, or ""
		numbering bool   // include numDefs as word/numbering.xml
		want      string
	}{
		{name: "paragraphs", body: p("", r("", "One")) + p("", r("", "Two")), want: "One\n\nTwo\n"},
		{name: "empty paragraphs are one blank line",
			body: p("", r("", "One")) + p("") + p("", r("", "  ")) + p("") + p("", r("", "Two")), want: "One\n\nTwo\n"},
		{name: "page break starts the next line with a form feed",
			body: p("", r("", "One"), `<w:r><w:br w:type="page"/></w:r>`) + p("", r("", "two")),
			want: "One\n\n\ftwo\n"},
		{name: "page break inside a paragraph",
			body: p("", r("", "cut "), `<w:r><w:br w:type="page"/><w:t>here</w:t></w:r>`), want: "cut\n\fhere\n"},
		{name: "page break before a paragraph",
			body: p("", r("", "One")) + p("<w:pageBreakBefore/>", r("", "Two")), want: "One\n\n\fTwo\n"},
		{name: "page break in an empty paragraph waits for text",
			body: p("", r("", "One")) + p("", `<w:r><w:br w:type="page"/></w:r>`) + p("") + p("", r("", "Two")),
			want: "One\n\n\fTwo\n"},
		{name: "section break on a new page",
			body: p("<w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr>", r("", "One")) + p("", r("", "Two")) +
				p("<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>", r("", "Three")) + p("", r("", "Four")),
			want: "One\n\n\fTwo\n\nThree\n\nFour\n"},
		{name: "line break", body: p("", r("", "● "+jaHead), `<w:r><w:br/><w:t>English headline</w:t></w:r>`),
			want: "● " + jaHead + "\nEnglish headline\n"},
		{name: "bold headline is emphasis",
			body: p("", r("", "● "), r(bold, jaHead)), want: "● **" + jaHead + "**\n"},
		{name: "bold headline with a bold mark",
			body: p("", r(bold, "●　"+jaHead)), want: "● **" + jaHead + "**\n"},
		{name: "bold all but one run is no emphasis",
			body: p("", r(bold, "● ギャンジャ"), r("", "市内で"), r(bold, "不審物発見")), want: "● " + jaHead + "\n"},
		{name: "bold switched off is no emphasis",
			body: p("", r("", "● "), r(`<w:b w:val="0"/>`, jaHead)), want: "● " + jaHead + "\n"},
		{name: "bold through the paragraph style",
			styles: `<w:style w:type="paragraph" w:styleId="Head"><w:basedOn w:val="Strong"/></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>`,
			body: p(`<w:pStyle w:val="Head"/>`, r("", "● "+jaHead)), want: "● **" + jaHead + "**\n"},
		{name: "bold through a character style, off directly",
			styles: `<w:style w:type="character" w:styleId="B"><w:rPr><w:b/></w:rPr></w:style>`,
			body:   p("", r(`<w:rStyle w:val="B"/>`, "● "+jaHead)) + p("", r(`<w:rStyle w:val="B"/><w:b w:val="false"/>`, "● "+jaHead)),
			want:   "● **" + jaHead + "**\n\n● " + jaHead + "\n"},
		{name: "headline with another mark",
			body: p("", r(bold, "◆ "+jaHead)), want: "◆ **" + jaHead + "**\n"},
		{name: "Wingdings symbol",
			body: p("", `<w:r><w:sym w:font="Wingdings" w:char="F06C"/></w:r>`, r("", " "+jaHead)),
			want: wingdL + " " + jaHead + "\n"},
		{name: "Wingdings symbol as a letter",
			body: p("", `<w:r><w:sym w:font="Wingdings" w:char="6C"/></w:r>`, r(bold, jaHead)),
			want: wingdL + " **" + jaHead + "**\n"},
		{name: "italic run inside a list item",
			body: p(bullet, r("", "UN High Commissioner for Refugees: "), r(italic, "The sides discussed the return."), r("", " ")) +
				p(bullet, r("", "President of the ICRC. (TREND / 19.11.2026)")),
			want: "- UN High Commissioner for Refugees: *The sides discussed the return.*\n- President of the ICRC. (TREND / 19.11.2026)\n"},
		{name: "numbering without a typed bullet",
			body: p("", r("", "He met with:")) + p(bullet, r("", "one")) + p(bullet, r("", "two")) + p("", r("", "After.")),
			want: "He met with:\n\n- one\n- two\n\nAfter.\n"},
		{name: "numbering through the paragraph style",
			styles: `<w:style w:type="paragraph" w:styleId="ListBullet"><w:pPr>` + bullet + `</w:pPr></w:style>`,
			body:   p(`<w:pStyle w:val="ListBullet"/>`, r("", "one")) + p(`<w:pStyle w:val="ListBullet"/>`, r("", "two")),
			want:   "- one\n- two\n"},
		{name: "numbering switched off", body: p(`<w:numPr><w:numId w:val="0"/></w:numPr>`, r("", "plain")), want: "plain\n"},
		{name: "list with a typed bullet", body: p(bullet, r("", "• one")) + p("", r("", "• two")), want: "• one\n• two\n"},
		{name: "list bullets from numbering.xml", numbering: true,
			body: p(bullet, r("", "one")) + p(bullet, r("", "two")), want: "- one\n- two\n"},
		{name: "numbered section lines", numbering: true,
			body: p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, r(bold, "軍事・治安関係")) +
				p("", r("", "● "+jaHead)) +
				p(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>`, r("", "sub")) +
				p(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>`, r("", "sub")) +
				p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, r(bold, "内政関連")),
			want: "1. 軍事・治安関係\n\n● " + jaHead + "\n\n(a) sub\n\n(b) sub\n\n2. 内政関連\n"},
		{name: "numbering continues across instances of a list unless restarted", numbering: true,
			body: p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, r("", "軍事")) +
				p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>`, r("", "内政")) +
				p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>`, r("", "外政")) +
				p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>`, r("", "経済")),
			want: "1. 軍事\n\n2. 内政\n\n7. 外政\n\n8. 経済\n"},
		{name: "ruby: the base text, not the reading",
			body: p("", r("", "在"), `<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>あぜるばいじゃん</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>アゼルバイジャン</w:t></w:r></w:rubyBase></w:ruby></w:r>`, r("", "大使館")),
			want: "在アゼルバイジャン大使館\n"},
		{name: "Wingdings bullet before a headline", numbering: true,
			body: p(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>`, r(bold, jaHead)) +
				p("", r("", "English headline")),
			want: wingdL + " **" + jaHead + "**\n\nEnglish headline\n"},
		{name: "table cells",
			body: `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/>` + p("", r("", "cell one")) +
				`</w:tc><w:tc>` + p("", r("", "cell two")) + `</w:tc></w:tr></w:tbl>` + p("", r("", "after")),
			want: "cell one\n\ncell two\n\nafter\n"},
		{name: "deleted text skipped, inserted text kept",
			body: p("", r("", "kept "), `<w:del w:id="1"><w:r><w:delText>gone </w:delText></w:r></w:del>`,
				`<w:ins w:id="2">`+r("", "added")+`</w:ins>`, `<w:moveFrom>`+r("", " moved")+`</w:moveFrom>`),
			want: "kept added\n"},
		{name: "deleted paragraph skipped",
			body: p("", r("", "one")) + `<w:del>` + p("", r("", "gone")) + `</w:del>` + p("", r("", "two")),
			want: "one\n\ntwo\n"},
		{name: "field instructions skipped, result kept",
			body: p("", r("", "See "), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://apa.az" </w:instrText></w:r>`,
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("", "APA"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
				r("", " and "), `<w:fldSimple w:instr=" PAGE ">`+r("", "2")+`</w:fldSimple>`),
			want: "See APA and 2\n"},
		{name: "hidden text skipped",
			body: p("", r("", "shown"), r("<w:vanish/>", " hidden")) + p("", r("<w:vanish/>", "all hidden")), want: "shown\n"},
		{name: "hyperlink, smart tag and content control",
			body: `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent>` +
				p("", `<w:hyperlink r:id="rId1" xmlns:r="r">`+r("", "linked")+`</w:hyperlink>`, `<w:smartTag>`+r("", " tagged")+`</w:smartTag>`) +
				`</w:sdtContent></w:sdt>`,
			want: "linked tagged\n"},
		{name: "text box read once",
			body: p("", r("", "anchor"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>`+
				p("", r("", "boxed"))+`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>`+
				p("", r("", "boxed"))+`</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
			want: "boxed\n\nanchor\n"},
		{name: "markup that Word adds around the text",
			body: `<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>` +
				`<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:proofErr w:type="spellStart"/>` +
				`<w:r w:rsidRPr="00B2"><w:rPr><w:rFonts w:ascii="Century" w:hint="eastAsia"/><w:b/><w:bCs/><w:sz w:val="21"/></w:rPr><w:t>●</w:t></w:r>` +
				`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:b/><w:bCs/></w:rPr><w:lastRenderedPageBreak/><w:t xml:space="preserve"> ` + jaHead + `</w:t></w:r>` +
				`<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/><w:commentRangeStart w:id="1"/>` +
				`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` +
				`<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>`,
			want: "● **" + jaHead + "**\n"},
		{name: "italic through a character style",
			styles: `<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>`,
			body:   p("", r("", "Minister: "), r(`<w:rStyle w:val="Emphasis"/>`, "The sides met.")),
			want:   "Minister: *The sides met.*\n"},
		{name: "tabs and hyphens",
			body: p("", `<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t><w:softHyphen/><w:t>d</w:t></w:r>`),
			want: "a\tb-cd\n"},
		{name: "tab stops of the paragraph are not text",
			body: p(`<w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs><w:rPr><w:b/></w:rPr>`, r("", "text")), want: "text\n"},
		{name: "bold and italic inside a paragraph",
			body: p("", r("", "The "), r(bold, "ministers "), r(bold, "met"), r("", " in "), r(italic, "Baku"), r("", ".")),
			want: "The **ministers met** in *Baku*.\n"},
		{name: "bold italic",
			body: p("", r("", "a "), r(bold+italic, "both"), r(bold, " bold"), r("", " plain")),
			want: "a ***both* bold** plain\n"},
		{name: "a wholly bold or italic line carries no markers",
			body: p("", r(bold, "Suspicious object "), r(bold, "found")) + p("", r(italic, "All italic")),
			want: "Suspicious object found\n\nAll italic\n"},
		{name: "Japanese lines carry no markers",
			body: p("", r(bold, "1. "), r("", "軍事・治安関係")) + p("", r(bold, "アゼルバイジャン"), r("", "政治・治安情報")),
			want: "1. 軍事・治安関係\n\nアゼルバイジャン政治・治安情報\n"},
		{name: "the note marker carries no markers",
			body: p("", r(bold, "NOTE: "), r("", "According to "), r(italic, "Turan"), r("", ". (TURAN / 19.11.2026)")),
			want: "NOTE: According to *Turan*. (TURAN / 19.11.2026)\n"},
		{name: "line breaks and control characters in w:t",
			body: p("", r("", "a\nb\rc")), want: "a b c\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := map[string]string{"word/document.xml": document(tt.body)}
			if tt.styles != "" {
				parts["word/styles.xml"] = stylesXML(tt.styles)
			}
			if tt.numbering {
				parts["word/numbering.xml"] = numberingXML(numDefs)
			}
			got, err := Text(docxFile(t, parts))
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("Text =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestStrictNamespace(t *testing.T) {
	doc := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		p("", r(bold, "● "+jaHead)) + `</w:body></w:document>`
	got, err := Text(docxFile(t, map[string]string{"word/document.xml": doc}))
	if err != nil || string(got) != "● **"+jaHead+"**\n" {
		t.Errorf("Text = %q, %v", got, err)
	}
}

func TestTextErrors(t *testing.T) {
	var deep strings.Builder
	for range MaxDepth + 1 {
		deep.WriteString("<w:sdt>")
	}
	many := map[string]string{"word/document.xml": document("")}
	for i := range MaxEntries {
		many[fmt.Sprintf("x/%d", i)] = ""
	}
	tests := []struct {
		name string
		data []byte
		kind error
		msg  string
	}{
		{"empty", nil, digest.ErrInvalid, "the file is empty"},
		{"not a zip", []byte("アゼルバイジャン政治・治安情報\n"), digest.ErrInvalid, "not a readable ZIP archive"},
		{"old Word", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), digest.ErrInvalid, "Word 97-2003"},
		{"PDF", []byte("%PDF-1.7\n"), digest.ErrInvalid, "PDF"},
		{"RTF", []byte(`{\rtf1\ansi}`), digest.ErrInvalid, "RTF"},
		{"zip without document.xml", docxFile(t, map[string]string{"word/styles.xml": stylesXML("")}), digest.ErrInvalid, "without word/document.xml"},
		{"OpenDocument", docxFile(t, map[string]string{"content.xml": "<x/>", "mimetype": "application/vnd.oasis.opendocument.text"}), digest.ErrInvalid, "OpenDocument"},
		{"broken XML", docxFile(t, map[string]string{"word/document.xml": `<w:document ` + xmlns + `><w:body><w:p></w:body>`}), digest.ErrInvalid, "not well-formed XML"},
		{"truncated XML", docxFile(t, map[string]string{"word/document.xml": `<w:document ` + xmlns + `><w:body><w:p>`}), digest.ErrInvalid, "word/document.xml"},
		{"external entity", docxFile(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>` +
			`<w:document ` + xmlns + `><w:body>` + p("", r("", "&x;")) + `</w:body></w:document>`}), digest.ErrInvalid, "DOCTYPE"},
		{"undeclared entity", docxFile(t, map[string]string{"word/document.xml": document(p("", r("", "&x;")))}), digest.ErrInvalid, "not well-formed"},
		{"other encoding", docxFile(t, map[string]string{"word/document.xml": `<?xml version="1.0" encoding="Shift_JIS"?><w:document ` + xmlns + `/>`}), digest.ErrInvalid, "word/document.xml"},
		{"deep nesting", docxFile(t, map[string]string{"word/document.xml": document(deep.String())}), digest.ErrTooLarge, "deeper than 256"},
		{"deep styles", docxFile(t, map[string]string{"word/document.xml": document(""), "word/styles.xml": stylesXML(deep.String())}), digest.ErrTooLarge, "word/styles.xml nests"},
		{"broken numbering", docxFile(t, map[string]string{"word/document.xml": document(""), "word/numbering.xml": "<w:numbering"}), digest.ErrInvalid, "word/numbering.xml"},
		{"too many entries", docxFile(t, many), digest.ErrTooLarge, "entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text(tt.data)
			if err == nil {
				t.Fatalf("Text = %q, want an error", got)
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Text error %q (kind %v), want kind %v holding %q", err, errors.Is(err, tt.kind), tt.kind, tt.msg)
			}
			var pe *digest.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %v is not a *digest.ParseError", err)
			}
		})
	}
}

// TestPanicRecovered: a panic while reading is an error, never a crash.
func TestPanicRecovered(t *testing.T) {
	text, err := safely(func() ([]byte, error) {
		var levels map[int]*[9]*level
		levels[1][0] = &level{} // assignment to a nil map
		return []byte("x"), nil
	})
	if text != nil || !errors.Is(err, digest.ErrInvalid) || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("safely = %q, %v; want an internal error of kind ErrInvalid", text, err)
	}
}

// canonical returns d with every valid citation date written as the writer
// writes it, as textfmt's own tests compare digests.
func canonical(d *digest.Digest) *digest.Digest {
	c := *d
	c.Sections = slices.Clone(d.Sections)
	for i := range c.Sections {
		s := &c.Sections[i]
		s.Items = slices.Clone(s.Items)
		for j := range s.Items {
			it := &s.Items[j]
			it.Blocks = slices.Clone(it.Blocks)
			for k := range it.Blocks {
				b := &it.Blocks[k]
				b.Citations = slices.Clone(b.Citations)
				for n := range b.Citations {
					if b.Citations[n].Valid() {
						b.Citations[n].DateText = digest.CitationDate(b.Citations[n].Date)
					}
				}
			}
		}
	}
	return &c
}

// parse parses digest text with the default profile.
func parse(t testing.TB, text []byte) *digest.Digest {
	t.Helper()
	prof, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	r, err := textfmt.Parse(text, prof)
	if err != nil {
		t.Fatalf("textfmt.Parse: %v\n%s", err, text)
	}
	return canonical(r.Digest)
}

// exampleDigest returns the digest of example-digest.txt, as the extracted
// example reads when extracted is set: the same but for the mistyped
// citation date 20.11.20266, kept as written.
func exampleDigest(t testing.TB, extracted bool) *digest.Digest {
	t.Helper()
	text, err := os.ReadFile("../textfmt/testdata/example-digest.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := parse(t, text)
	if extracted {
		c := &d.Sections[2].Items[2].Blocks[0].Citations[0]
		c.DateText, c.Date = "20.11.20266", digest.Date{}
	}
	return d
}

// digestDiff describes how got differs from want: the lines of their
// canonical text that differ, or the first differing item when their text
// is the same; "" when they are equal.
func digestDiff(got, want *digest.Digest) string {
	if reflect.DeepEqual(got, want) {
		return ""
	}
	a := strings.Split(string(textfmt.Format(got)), "\n")
	b := strings.Split(string(textfmt.Format(want)), "\n")
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	j, k := len(a), len(b)
	for j > i && k > i && a[j-1] == b[k-1] {
		j, k = j-1, k-1
	}
	if i == len(a) && i == len(b) {
		return fmt.Sprintf("same text, different model:\ngot  %#v\nwant %#v", got, want)
	}
	var s strings.Builder
	fmt.Fprintf(&s, "canonical text differs from line %d:\n", i+1)
	for _, l := range a[i:j] {
		fmt.Fprintf(&s, "- got:  %s\n", l)
	}
	for _, l := range b[i:k] {
		fmt.Fprintf(&s, "+ want: %s\n", l)
	}
	return s.String()
}

// TestFixtures: the Word files LibreOffice made from the two examples read
// as the example digest.
func TestFixtures(t *testing.T) {
	for _, name := range []string{"example-digest", "example-digest-extracted"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + name + ".docx")
			if err != nil {
				t.Fatal(err)
			}
			assertExample(t, data, name == "example-digest-extracted")
		})
	}
}

func assertExample(t *testing.T, data []byte, extracted bool) {
	t.Helper()
	text, err := Text(data)
	if err != nil {
		t.Fatalf("Text: %v", err)
	}
	if d := digestDiff(parse(t, text), exampleDigest(t, extracted)); d != "" {
		t.Errorf("the Word file does not read as the example digest: %s\ntext:\n%s", d, text)
	}
}

// TestGolden compares Text's output for the fixtures with the golden files
// (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, name := range []string{"example-digest", "example-digest-extracted"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + name + ".docx")
			if err != nil {
				t.Fatal(err)
			}
			got, err := Text(data)
			if err != nil {
				t.Fatal(err)
			}
			golden := "testdata/" + name + ".docx.golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Text(%s.docx) differs from %s (go test -update if the change is meant):\n%s", name, golden, got)
			}
		})
	}
}
