package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/profile"
	"shuho/internal/textfmt"
)

// needTool skips a test when a tool is not installed, except in CI
// (CI=true), where its absence is a failure: CI must prove the real path.
func needTool(t *testing.T, name, install string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed, and CI=true requires it: %s", name, install)
		}
		t.Skipf("%s is not installed (%s)", name, install)
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
				b.Entries = slices.Clone(b.Entries)
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

// withoutFormatting returns d as a PDF's text holds it: pdftotext reports
// no font, so no item is emphasised and no text has bold or italic markup.
// (The example digest has no asterisk that is not markup.)
func withoutFormatting(d *digest.Digest) *digest.Digest {
	d = canonical(d)
	for i := range d.Sections {
		for j := range d.Sections[i].Items {
			it := &d.Sections[i].Items[j]
			it.Emphasis = false
			for k := range it.Blocks {
				b := &it.Blocks[k]
				b.Text = strings.ReplaceAll(b.Text, "*", "")
				for n := range b.Entries {
					b.Entries[n] = strings.ReplaceAll(b.Entries[n], "*", "")
				}
			}
		}
	}
	return d
}

// digestDiff describes how got differs from want: the lines of their
// canonical text that differ, or the models when their text is the same;
// "" when they are equal.
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

// TestPDFText: the PDFs that LibreOffice made from the two examples (see
// ../docx/testdata/make.sh) read as the example digest, less what a PDF's
// text does not carry: the emphasis of item 1.2 and the italics of the
// summaries in item 3.1's list. (The fixtures' bold and italic are even
// synthesised, IPAex fonts having no bold or italic face, so no poppler
// tool could report them.)
func TestPDFText(t *testing.T) {
	needTool(t, "pdftotext", "apt-get install -y poppler-utils")
	for _, name := range []string{"example-digest", "example-digest-extracted"} {
		t.Run(name, func(t *testing.T) {
			text, err := Text(t.Context(), "../docx/testdata/"+name+".pdf")
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			want := withoutFormatting(exampleDigest(t, name == "example-digest-extracted"))
			if d := digestDiff(parse(t, text), want); d != "" {
				t.Errorf("the PDF does not read as the example digest: %s\ntext:\n%s", d, text)
			}
			// The PDF has two pages, each with its footer "- N -".
			if n := bytes.Count(text, []byte("\f")); n != 1 {
				t.Errorf("%d form feeds in the text, want 1 (two pages)", n)
			}
			if !bytes.Contains(text, []byte("\n- 1 -\n")) || !bytes.Contains(text, []byte("\n- 2 -\n")) {
				t.Errorf("the page-number footers are not lines of their own:\n%s", text)
			}
		})
	}
}

// fakePdftotext puts a shell script named pdftotext first on PATH.
func fakePdftotext(t *testing.T, script string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pdftotext"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// blankPDF is a PDF of one page without any text.
func blankPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestPDFTextErrors(t *testing.T) {
	needTool(t, "pdftotext", "apt-get install -y poppler-utils")
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	canceled, cancel := context.WithCancel(t.Context())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		path string
		kind error
		msg  string
	}{
		{"not a PDF", t.Context(), write("notes.pdf", []byte("アゼルバイジャン政治・治安情報\n")), digest.ErrInvalid, "Couldn't find trailer dictionary"},
		{"missing", t.Context(), filepath.Join(dir, "missing.pdf"), digest.ErrInvalid, "Couldn't open file"},
		{"no text", t.Context(), write("scan.pdf", blankPDF()), digest.ErrUnsupported, "no text that pdftotext can read"},
		{"canceled", canceled, "../docx/testdata/example-digest.pdf", context.Canceled, "reading the PDF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := Text(tt.ctx, tt.path)
			if err == nil {
				t.Fatalf("Text = %q, want an error", text)
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Text error %q, want kind %v holding %q", err, tt.kind, tt.msg)
			}
		})
	}
}

// TestPDFTextDashPath: a file name that starts with "-" is a file, not an
// option.
func TestPDFTextDashPath(t *testing.T) {
	needTool(t, "pdftotext", "apt-get install -y poppler-utils")
	data, err := os.ReadFile("../docx/testdata/example-digest.pdf")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("-v.pdf", data, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := Text(t.Context(), "-v.pdf")
	if err != nil || !bytes.Contains(text, []byte("*****END*****")) {
		t.Errorf("Text(-v.pdf) = %.40q…, %v", text, err)
	}
}

func TestPDFTextNotInstalled(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Text(t.Context(), "digest.pdf")
	if !errors.Is(err, digest.ErrUnsupported) || !strings.Contains(err.Error(), "install poppler-utils") {
		t.Errorf("Text without pdftotext: %v, want ErrUnsupported saying to install poppler-utils", err)
	}
}

// TestPDFTextTool drives Text with a stand-in pdftotext: its standard
// error goes into the error, a run past the deadline is stopped, output past
// the limit is refused.
func TestPDFTextTool(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	t.Run("stderr", func(t *testing.T) {
		fakePdftotext(t, `echo "Command Line Error: Incorrect password" >&2; exit 1`)
		_, err := Text(t.Context(), "x.pdf")
		if !errors.Is(err, digest.ErrInvalid) || !strings.Contains(err.Error(), "Incorrect password") {
			t.Errorf("Text = %v, want ErrInvalid with pdftotext's message", err)
		}
	})
	t.Run("much stderr", func(t *testing.T) {
		fakePdftotext(t, `yes "Syntax Error: broken" | head -n 100000 >&2; exit 1`)
		_, err := Text(t.Context(), "x.pdf")
		if !errors.Is(err, digest.ErrInvalid) || len(err.Error()) > 4096 {
			t.Errorf("Text error of %d bytes: %.200v", len(err.Error()), err)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		fakePdftotext(t, `exec sleep 30`)
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := Text(ctx, "x.pdf")
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Text = %v, want the deadline", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("Text took %v after its deadline", d)
		}
	})
	t.Run("too much text", func(t *testing.T) {
		fakePdftotext(t, `echo '<doc><page><flow><block><line>'; yes '<word xMin="0" xMax="1" yMin="0" yMax="10">`+
			strings.Repeat("x", 1000)+`</word>'`)
		_, err := Text(t.Context(), "x.pdf")
		if !errors.Is(err, digest.ErrTooLarge) {
			t.Errorf("Text = %v, want ErrTooLarge", err)
		}
	})
}

// word is a <word> of pdftotext's -bbox-layout output at x (12-point text).
func word(x float64, text string) string {
	return fmt.Sprintf(`<word xMin="%g" yMin="100" xMax="%g" yMax="115.6">%s</word>`, x, x+float64(6*utf8.RuneCountInString(text)), text)
}

// words lays out words with a normal space between them.
func words(ws ...string) string {
	var b strings.Builder
	x := 56.8
	for _, w := range ws {
		b.WriteString(word(x, w))
		x += float64(6*utf8.RuneCountInString(w)) + 3
	}
	return b.String()
}

const bboxHead = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">` +
	`<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><doc>`

func TestBBoxText(t *testing.T) {
	line := func(inner string) string { return "<line>" + inner + "</line>" }
	block := func(lines ...string) string { return "<block>" + strings.Join(lines, "") + "</block>" }
	page := func(blocks ...string) string {
		return `<page width="595" height="842"><flow>` + strings.Join(blocks, "") + "</flow></page>"
	}
	tests := []struct {
		name, in, want string
	}{
		{"blocks and lines",
			page(block(line(words("On", "November")), line(words("16,", "talks."))), block(line(words("Next"))), block(line(words("-", "1", "-")))) +
				page(block(line(words("continued.")))),
			"On November\n16, talks.\n\nNext\n\n- 1 -\n\n\fcontinued.\n"},
		{"Japanese and digits join without a space",
			page(block(line(words("●", "国会、2027", "年国家予算案", "2", "名")), line(words("2026", "年", "11", "月", "14", "日～11", "月")))),
			"● 国会、2027年国家予算案2名\n2026年11月14日～11月\n"},
		{"full-width forms and a slash keep their spaces",
			page(block(line(words("(TREND", "/", "１９.11.2026)", "（AZERTAG", "／15.11.2026）")))),
			"(TREND / １９.11.2026) （AZERTAG／15.11.2026）\n"},
		{"a word split without a gap",
			page(block(line(word(50, "2") + word(56.5, "nd") + word(72, "time")))),
			"2nd time\n"},
		{"entities, control characters and broken UTF-8",
			page(block(line(words("&quot;Japan&quot;", "a&amp;b", "x\x01y", "bad\xffbyte")))),
			"\"Japan\" a&b x y bad\uFFFDbyte\n"},
		{"empty lines, blocks and pages", page(block(line(""), line(words("a"))), block()) + page() + page(block(line(words("b")))),
			"a\n\n\fb\n"},
		{"no text", page() + page(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := bboxText(strings.NewReader(bboxHead+tt.in+"</doc></body></html>"), maxPDFOutput)
			if err != nil {
				t.Fatalf("bboxText: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("bboxText =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestBBoxTextErrors(t *testing.T) {
	big := io.MultiReader(strings.NewReader(bboxHead+"<page><flow><block><line>"),
		&repeatReader{s: words(strings.Repeat("x", 4000))}, strings.NewReader("</line></block></flow></page></doc></body></html>"))
	tests := []struct {
		name string
		in   io.Reader
		max  int64
		kind error
		msg  string
	}{
		{"broken XML", strings.NewReader(bboxHead + "<page><line>"), 0, digest.ErrInvalid, "cannot read pdftotext's output"},
		{"element in a word", strings.NewReader(bboxHead + "<page><line><word>a<b/></word></line></page>"), 0, digest.ErrInvalid, "inside a word"},
		{"too deep", strings.NewReader(bboxHead + strings.Repeat("<x>", maxPDFDepth)), 0, digest.ErrInvalid, "deeper"},
		{"too much text", big, 0, digest.ErrTooLarge, "over 20 MB"},
		{"too much output", io.MultiReader(strings.NewReader(bboxHead+"<page>"), &repeatReader{s: "<x>" + strings.Repeat(" ", 1<<10) + "</x>"}), 1 << 20, digest.ErrTooLarge, "pdftotext wrote over 1048576 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.max == 0 {
				tt.max = maxPDFOutput
			}
			_, err := bboxText(tt.in, tt.max)
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("bboxText error %v, want kind %v holding %q", err, tt.kind, tt.msg)
			}
		})
	}
}

// repeatReader repeats s without end.
type repeatReader struct {
	s   string
	off int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.off:])
		n += c
		r.off = (r.off + c) % len(r.s)
	}
	return n, nil
}

// FuzzBBoxText: whatever pdftotext writes, bboxText returns valid UTF-8
// text or an error of kind ErrInvalid or ErrTooLarge, and never panics.
func FuzzBBoxText(f *testing.F) {
	f.Add(bboxHead + `<page><flow><block><line>` + words("●", "国会、2027", "年") + `</line></block></flow></page></doc></body></html>`)
	f.Add(bboxHead + `<page><flow><block><line>` + words("a", "b") + `</line><line>` + word(0, "c") + `</line></block></flow></page><page><flow><block><line>` +
		word(1, "&amp;") + `</line></block></flow></page></doc></body></html>`)
	f.Add(`<doc><page><line><word xMin="NaN" xMax="-Inf" yMin="1e308" yMax="-1e308">x</word><word>y</word></line></page></doc>`)
	f.Add("<doc><page><line><word>\xff\x00</word></line>")
	f.Fuzz(func(t *testing.T, in string) {
		text, err := bboxText(strings.NewReader(in), maxPDFOutput)
		if err != nil {
			if !errors.Is(err, digest.ErrInvalid) && !errors.Is(err, digest.ErrTooLarge) {
				t.Fatalf("error %v is neither ErrInvalid nor ErrTooLarge", err)
			}
			return
		}
		if !utf8.Valid(text) {
			t.Fatalf("invalid UTF-8: %q", text)
		}
	})
}

// TestCleanReader: characters split across reads stay whole; broken bytes,
// control characters and the non-characters U+FFFE, U+FFFF are replaced.
func TestCleanReader(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\x01é日本\tb\n", "a é日本\tb\n"},
		{"bad\xffbyte \xef\xbf\xbe", "bad\uFFFDbyte  "},
		{"cut \xe6\x97", "cut \uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		for _, one := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tt.in)
			if one {
				r = iotest.OneByteReader(r)
			}
			got, err := io.ReadAll(&cleanReader{r: r})
			if err != nil || string(got) != tt.want {
				t.Errorf("clean %q (one byte at a time: %v) = %q, %v; want %q", tt.in, one, got, err, tt.want)
			}
		}
	}
}
