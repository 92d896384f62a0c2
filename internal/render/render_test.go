package render

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/docx"
	"shuho/internal/profile"
	"shuho/internal/textfmt"
)

var created = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// example is the desk's example digest, read as import reads it.
func example(t *testing.T) (*digest.Digest, *digest.Profile) {
	t.Helper()
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../textfmt/testdata/example-digest.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := textfmt.Parse(b, p)
	if err != nil {
		t.Fatal(err)
	}
	return r.Digest, p
}

func TestSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []Span
	}{
		{"plain", []Span{{Text: "plain"}}},
		{"a **b** c", []Span{{Text: "a "}, {Text: "b", Bold: true}, {Text: " c"}}},
		{"*i* and ***bi***", []Span{{Text: "i", Italic: true}, {Text: " and "}, {Text: "bi", Bold: true, Italic: true}}},
		{"5 * 3 = 15", []Span{{Text: "5 * 3 = 15"}}},
		{"an **unpaired one", []Span{{Text: "an **unpaired one"}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Spans(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	d, _ := example(t)
	md := string(Markdown(d))
	for _, want := range []string{
		"# アゼルバイジャン政治・治安情報\n",
		"2026年11月14日～11月20日",
		"## 1. 軍事・治安関係\n",
		"### ハサノフ国防相、トルコ国防相と会談\n",
		"### **ギャンジャ市内で不審物発見、周辺住民が一時避難**\n",
		"*Azerbaijani Defense Minister meets Turkish counterpart in Ankara*\n",
		"(APA / 16.11.2026)",
		"- UN High Commissioner for Refugees: *The sides discussed the return of internally displaced persons to the liberated territories.*\n",
		"NOTE: According to local residents",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	// Markdown's own characters in the text are escaped.
	d.Sections[0].Items[0].Blocks[0].Text = "a [link](javascript:x) <b>and</b> 5 * 3 # not a heading"
	md = string(Markdown(d))
	if !strings.Contains(md, `a \[link\](javascript:x) \<b\>and\</b\> 5 \* 3 \# not a heading`) {
		t.Errorf("not escaped:\n%s", md)
	}
}

func TestHTML(t *testing.T) {
	d, _ := example(t)
	d.Sections[0].Items[0].Blocks[0].Text = `<script>alert(1)</script> **bold** text`
	b, err := HTML(d)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="ja">`, "@page { size: A4", "<h2>1. 軍事・治安関係</h2>",
		`<h3 class="emphasis">ギャンジャ市内で不審物発見、周辺住民が一時避難</h3>`, "&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong> text",
		`<span class="cite">(APA / 16.11.2026)</span>`, "<li>UN High Commissioner for Refugees: <em>The sides discussed"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Self-contained: nothing fetched, no script.
	for _, bad := range []string{"<script", "src=", "href=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	// Well formed enough for an XML reader of its body's structure.
	if strings.Count(page, "<article>") != strings.Count(page, "</article>") || strings.Count(page, "<section>") != 3 {
		t.Errorf("unbalanced page")
	}
}

// TestDOCX unzips the document, checks its parts and XML, and reads it
// back with the importer: the same digest comes out.
func TestDOCX(t *testing.T) {
	d, p := example(t)
	b, err := DOCX(d, created)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(data)
		// Every part is well-formed XML.
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml"} {
		if parts[name] == "" {
			t.Errorf("no %s", name)
		}
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{`<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Heading2"/>`, `<w:pStyle w:val="ListBullet"/>`,
		`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">ギャンジャ市内で不審物発見、周辺住民が一時避難</w:t>`,
		`<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">The sides discussed`, `<w:pgSz w:w="11906" w:h="16838"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `w:eastAsia="IPAexMincho"`) || !strings.Contains(parts["word/styles.xml"], `w:eastAsia="ja-JP"`) {
		t.Errorf("the styles declare no Japanese font or language")
	}
	// The importer reads it back as the same digest.
	text, err := docx.Text(b)
	if err != nil {
		t.Fatal(err)
	}
	r, err := textfmt.Parse(text, p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Digest, d) {
		t.Errorf("read back differently:\n%s", text)
	}
	// The same digest gives the same bytes.
	again, _ := DOCX(d, created)
	if !bytes.Equal(again, b) {
		t.Errorf("two renderings differ")
	}
}

// needTool skips a test when a tool is not installed, except in CI
// (CI=true), where its absence is a failure.
func needTool(t *testing.T, name, install string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed, and CI=true requires it: %s", name, install)
		}
		t.Skipf("%s is not installed (%s)", name, install)
	}
}

// TestDOCXLibreOffice converts the document with LibreOffice, as a reader
// opening it would, and finds every headline in the result.
func TestDOCXLibreOffice(t *testing.T) {
	needTool(t, "soffice", "apt-get install -y libreoffice-writer-nogui fonts-ipaexfont")
	needTool(t, "pdftotext", "apt-get install -y poppler-utils")
	d, _ := example(t)
	b, err := DOCX(d, created)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "digest.docx")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	assertHeadlines(t, filepath.Join(dir, "digest.pdf"), d)
}

// assertHeadlines reads a PDF back with pdftotext and finds every headline
// of the digest in it.
func assertHeadlines(t *testing.T, pdfPath string, d *digest.Digest) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, s := range d.Sections {
		for _, it := range s.Items {
			for _, h := range []string{Plain(it.HeadlineJA), Plain(it.HeadlineEN)} {
				if !strings.Contains(text, strings.Join(strings.Fields(h), "")) {
					t.Errorf("the PDF lacks %q", h)
				}
			}
		}
	}
}

func TestPDF(t *testing.T) {
	needTool(t, "pdftotext", "apt-get install -y poppler-utils")
	var f Fonts
	for _, p := range FontPaths.Text {
		if b, err := os.ReadFile(p); err == nil {
			f.Text, f.TextName = b, p
			break
		}
	}
	for _, p := range FontPaths.Heading {
		if b, err := os.ReadFile(p); err == nil {
			f.Heading, f.HeadingName = b, p
			break
		}
	}
	if f.Text == nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Japanese font, and CI=true requires one: %s", FontHint)
		}
		t.Skip(FontHint)
	}
	d, _ := example(t)
	b, err := PDF(d, f, created)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("FontFile2")) {
		t.Fatalf("no PDF with an embedded TrueType font")
	}
	path := filepath.Join(t.TempDir(), "digest.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	assertHeadlines(t, path, d)
	out, _ := exec.Command("pdfinfo", "-isodates", path).Output()
	if !strings.Contains(string(out), "A4") && !strings.Contains(string(out), "595.28 x 841.89") {
		t.Errorf("not A4:\n%s", out)
	}
	// The document's date is the time it was written at.
	if !strings.Contains(string(out), created.Format("2006-01-02T15:04")) {
		t.Errorf("the PDF's dates are not %v:\n%s", created, out)
	}
	// Bold is bold (the outline stroked over the fill: text rendering
	// mode 2), the English headlines slanted (a skew of the text's
	// matrix), in the page's drawing operators.
	ops := pageOperators(t, b)
	if !strings.Contains(ops, "2 Tr") {
		t.Errorf("no bold text in the PDF")
	}
	skewed := false
	for _, m := range cmRE.FindAllStringSubmatch(ops, -1) {
		if c, _ := strconv.ParseFloat(m[3], 64); m[1] == "1.00000" && c != 0 {
			skewed = true
		}
	}
	if !skewed {
		t.Errorf("no slanted (italic) text in the PDF")
	}
	if _, err := PDF(d, Fonts{}, created); err != ErrNoFont {
		t.Errorf("no font: %v", err)
	}
	if _, err := PDF(d, Fonts{Text: []byte("not a font"), TextName: "bogus.ttf"}, created); err == nil || !strings.Contains(err.Error(), "bogus.ttf") {
		t.Errorf("a bad font: %v", err)
	}
}

// cmRE is a PDF's change of the drawing matrix: a b c d e f cm.
var cmRE = regexp.MustCompile(`(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm`)

// pageOperators returns the PDF's streams, inflated where they are
// compressed: the pages' drawing operators among them.
func pageOperators(t *testing.T, pdf []byte) string {
	t.Helper()
	var out strings.Builder
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("endstream"))
		if j < 0 {
			break
		}
		data := rest[:j]
		rest = rest[j:]
		if r, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
			if b, err := io.ReadAll(r); err == nil {
				data = b
			}
		}
		out.Write(data)
		out.WriteByte('\n')
	}
	return out.String()
}
