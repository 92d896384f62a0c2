package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shuho/internal/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	example   = "../../internal/textfmt/testdata/example-digest.txt"
	extracted = "../../internal/textfmt/testdata/example-digest-extracted.txt"
)

type result struct {
	code           int
	stdout, stderr string
}

// shuho runs the command line in-process, as main does, with no
// environment but env.
func shuho(t *testing.T, stdin string, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(k string) string { return env[k] })
	return result{code, out.String(), errb.String()}
}

func (r result) want(t *testing.T, code int, stdout, stderr string) {
	t.Helper()
	if r.code != code || !strings.Contains(r.stdout, stdout) || !strings.Contains(r.stderr, stderr) {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout holding %q, stderr holding %q", r.code, r.stdout, r.stderr, code, stdout, stderr)
	}
}

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestManual(t *testing.T) {
	r := shuho(t, "", nil, "help")
	r.want(t, 0, "Usage: shuho COMMAND", "")
	doc, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands() {
		if !strings.Contains(r.stdout, "  "+c.name+" ") {
			t.Errorf("help does not list %s", c.name)
		}
		// The package comment is the manual that go doc shows.
		if !bytes.Contains(doc, []byte("//\t"+c.name)) {
			t.Errorf("main.go's package comment does not describe %s", c.name)
		}
		h := shuho(t, "", nil, "help", c.name)
		h.want(t, 0, "Usage: shuho "+c.name, "")
		if !strings.Contains(h.stdout, "-profile") {
			t.Errorf("help %s lists no flags:\n%s", c.name, h.stdout)
		}
		if dash := shuho(t, "", nil, c.name, "-h"); dash.code != 0 || dash.stdout != h.stdout {
			t.Errorf("shuho %s -h differs from shuho help %s", c.name, c.name)
		}
	}
	shuho(t, "", nil).want(t, 2, "", "Usage: shuho COMMAND")
	shuho(t, "", nil, "frobnicate").want(t, 2, "", `unknown command "frobnicate"`)
	shuho(t, "", nil, "help", "frobnicate").want(t, 2, "", `no command "frobnicate"`)
	shuho(t, "", nil, "lint", "--frob", "x").want(t, 2, "", "flag provided but not defined: -frob")
	shuho(t, "", nil, "lint").want(t, 2, "", "usage: shuho lint FILE")
	shuho(t, "", nil, "lint", "--log-level", "loud", example).want(t, 2, "", `unknown log level "loud"`)
	shuho(t, "", nil, "version").want(t, 0, "shuho ", "")
}

func TestLint(t *testing.T) {
	shuho(t, "", nil, "lint", example).want(t, 0, "", "0 errors, 0 warnings")
	r := shuho(t, "", nil, "lint", extracted)
	r.want(t, 1, "", "1 error, 0 warnings; 9 repairs")
	if want := "70 3.3 error citation-date-invalid: citation date 20.11.20266 is not a calendar date\n"; r.stdout != want {
		t.Errorf("lint output %q, want %q", r.stdout, want)
	}
	// In Japanese with --lang ja; another language is refused.
	ja := shuho(t, "", nil, "lint", "--lang", "ja", extracted)
	ja.want(t, 1, "citation-date-invalid: ", "エラー 1件、警告 0件（読み込みで 9件を修復")
	if strings.Contains(ja.stdout, "is not a calendar date") {
		t.Errorf("lint --lang ja wrote the English message: %s", ja.stdout)
	}
	shuho(t, "", nil, "lint", "--lang", "fr", extracted).want(t, 2, "", `--lang "fr": expected en or ja`)
	// Flags after the file; --json.
	r = shuho(t, "", nil, "lint", extracted, "--json")
	var out struct {
		Findings []struct {
			Rule, Severity, Message string
			Section, Item, Line     int
		}
		Errors, Warnings, Repairs int
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("lint --json: %v\n%s", err, r.stdout)
	}
	if r.code != 1 || out.Errors != 1 || out.Warnings != 0 || out.Repairs != 9 || len(out.Findings) != 1 ||
		out.Findings[0].Rule != "citation-date-invalid" || out.Findings[0].Line != 70 || out.Findings[0].Section != 3 || out.Findings[0].Item != 3 {
		t.Errorf("lint --json = %d %+v", r.code, out)
	}
	// --repairs lists the repairs as info findings, which do not fail lint.
	r = shuho(t, "", nil, "lint", "--repairs", extracted)
	if n := strings.Count(r.stdout, " info repaired: "); n != 9 || !strings.Contains(r.stdout, "38 2.1 info repaired: page-break-joined") {
		t.Errorf("lint --repairs listed %d repairs:\n%s", n, r.stdout)
	}
	// Standard input, JSON.
	j := shuho(t, "", nil, "convert", extracted, "-", "--to", "json")
	r = shuho(t, j.stdout, nil, "lint", "-")
	if r.code != 1 || r.stdout != "0 3.3 error citation-date-invalid: citation date 20.11.20266 is not a calendar date\n" {
		t.Errorf("lint of JSON on standard input: %d %q %q", r.code, r.stdout, r.stderr)
	}
	// A digest with warnings only exits 0.
	text, _ := os.ReadFile(example)
	warn := write(t, "warn.txt", strings.Replace(string(text), "(APA / 16.11.2026)", "(APN / 16.11.2026)", 1))
	shuho(t, "", nil, "lint", warn).want(t, 0, "19 1.1 warning unknown-outlet: outlet APN", "0 errors, 1 warning")
}

// TestBadInput: what is not a digest exits 2 with a message naming the file,
// the line and what was expected; nothing is written.
func TestBadInput(t *testing.T) {
	text, _ := os.ReadFile(example)
	tests := []struct {
		name, content, msg string
	}{
		{"empty.txt", "", "empty.txt:1: the input is empty; expected a digest"},
		{"binary.txt", "\x7fELF\x02\x01\x01\x00\x00", "binary.txt:1: binary data"},
		{"page.txt", "<!doctype html><html><body>news</body></html>", "page.txt:1: this is an HTML or XML document"},
		{"noperiod.txt", strings.Replace(string(text), "2026年11月14日～11月20日", "", 1), "noperiod.txt:11: no period before the first section; expected a line such as 2026年11月14日～11月20日"},
		{"outside.txt", strings.Replace(string(text), "1. 軍事・治安関係", "", 1), "outside.txt:13: item outside any section"},
		{"latin1.txt", strings.Replace(string(text), "Ganja", "G\xe4nc\xe4", 1), "latin1.txt:23:29: invalid UTF-8"},
		{"broken.json", `{"version": 1, "title": "x", "period": {"from": "2026-11-14"}`, "broken.json:1:"},
		{"newer.json", `{"version": 2, "title": "x"}`, "newer than this shuho reads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := write(t, tt.name, tt.content)
			out := filepath.Join(filepath.Dir(in), "out.txt")
			if err := os.WriteFile(out, []byte("kept"), 0o644); err != nil {
				t.Fatal(err)
			}
			shuho(t, "", nil, "lint", in).want(t, 2, "", tt.msg)
			r := shuho(t, "", nil, "lint", "--json", in)
			var report struct {
				Findings []any
				Error    struct{ File, Message string }
			}
			if err := json.Unmarshal([]byte(r.stdout), &report); err != nil || r.code != 2 || report.Findings == nil || report.Error.File != in || report.Error.Message == "" {
				t.Errorf("lint --json of a broken file: exit %d, %q (%v)", r.code, r.stdout, err)
			}
			shuho(t, "", nil, "convert", in, out).want(t, 2, "", tt.msg)
			if b, _ := os.ReadFile(out); string(b) != "kept" {
				t.Errorf("convert of a broken input changed OUT to %q", b)
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		big := filepath.Join(t.TempDir(), "big.txt")
		if err := os.WriteFile(big, bytes.Repeat([]byte("アゼルバイジャン\n"), 20<<20/25+1), 0o644); err != nil {
			t.Fatal(err)
		}
		shuho(t, "", nil, "lint", big).want(t, 2, "", "shuho reads files of at most 20 MB")
		shuho(t, strings.Repeat("x", 20<<20+1), nil, "lint", "-").want(t, 2, "", "standard input: more than 20 MB")
	})
	shuho(t, "", nil, "lint", filepath.Join(t.TempDir(), "missing.txt")).want(t, 1, "", "no such file")
}

// TestConvertGolden converts both example files to JSON and compares the
// result with the golden files; the JSON converts back to the canonical
// text.
func TestConvertGolden(t *testing.T) {
	canonical, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{example, extracted} {
		name := strings.TrimSuffix(filepath.Base(in), ".txt") + ".json"
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), name)
			shuho(t, "", nil, "convert", in, out).want(t, 0, "", "")
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test -update to accept):\n%s", out, golden, got)
			}
			back := shuho(t, "", nil, "convert", out, "-")
			if in == example && back.stdout != string(canonical) {
				t.Errorf("JSON back to text differs from the canonical example:\n%s", back.stdout)
			}
		})
	}
	// The mistyped date is kept as written and marked invalid.
	golden, _ := os.ReadFile("testdata/example-digest-extracted.json")
	if !bytes.Contains(golden, []byte(`"date": null,`)) || !bytes.Contains(golden, []byte(`"date_text": "20.11.20266"`)) {
		t.Errorf("the extracted example's golden JSON lacks the invalid citation")
	}
	// Canonical text is idempotent through the command.
	once := shuho(t, "", nil, "convert", extracted, "-")
	twice := shuho(t, once.stdout, nil, "convert", "-", "-")
	if once.stdout != twice.stdout || once.code != 0 {
		t.Errorf("convert is not idempotent")
	}
	// JSON that the text form cannot hold is refused, not written wrong.
	j := shuho(t, "", nil, "convert", example, "-", "--to", "json").stdout
	j = strings.Replace(j, `"headline_en": "Azerbaijani Defense Minister meets Turkish counterpart in Ankara"`, `"headline_en": ""`, 1)
	out := filepath.Join(t.TempDir(), "out.txt")
	shuho(t, j, nil, "convert", "-", out).want(t, 2, "", "item 1.1: the English headline is empty")
	if _, err := os.Stat(out); err == nil {
		t.Errorf("convert wrote %s for a digest it refused", out)
	}
	shuho(t, "", nil, "convert", example, filepath.Join(t.TempDir(), "x.odt")).want(t, 2, "", "does not write .odt")
	shuho(t, "", nil, "convert", example, filepath.Join(t.TempDir(), "noext")).want(t, 2, "", "cannot tell the form")
	shuho(t, "", nil, "convert", example, "-", "--to", "yaml").want(t, 2, "", "expected txt, json, md, html, docx or pdf")
}

func TestProfile(t *testing.T) {
	r := shuho(t, "", nil, "profile", "show")
	r.want(t, 0, `"title": "アゼルバイジャン政治・治安情報"`, "")
	p, err := profile.Parse("shown", []byte(r.stdout))
	if err != nil || p.Key != "az" || p.TimeZone != "Asia/Baku" {
		t.Fatalf("profile show prints what profile.Parse cannot read back: %v", err)
	}
	shuho(t, "", nil, "profile", "list").want(t, 0, "az\n", "")
	// A profile of one's own: the az profile without APA.
	own := strings.Replace(r.stdout, `"title": "アゼルバイジャン政治・治安情報"`, `"title": "ジョージア政治・治安情報"`, 1)
	own = strings.Replace(own, `"label": "APA"`, `"label": "APA-X"`, 1)
	own = strings.Replace(own, `"outlet": "APA"`, `"outlet": "APA-X"`, 1)
	file := write(t, "own.json", own)
	shuho(t, "", nil, "profile", "show", "--profile", file).want(t, 0, "ジョージア政治・治安情報", "")
	shuho(t, "", map[string]string{"SHUHO_PROFILE": file}, "lint", example).want(t, 0, "unknown-outlet: outlet APA", "0 errors, 2 warnings")
	// A broken profile names its file, line and field.
	broken := write(t, "broken.json", strings.Replace(r.stdout, `"affiliation": "private"`, `"affiliation": "gov"`, 1))
	shuho(t, "", nil, "lint", "--profile", broken, example).want(t, 2, "", `broken.json:44:22: outlets[0].affiliation: unknown affiliation "gov"`)
	shuho(t, "", nil, "profile", "show", "--profile", "zz").want(t, 2, "", `no built-in profile "zz"`)
	shuho(t, "", nil, "profile", "edit").want(t, 2, "", "expected show or list")
}

// TestConvertRenders writes the example digest in every published form:
// each file says what it is, and the PDF without a font says what to
// install.
func TestConvertRenders(t *testing.T) {
	example := "../../internal/textfmt/testdata/example-digest.txt"
	dir := t.TempDir()
	for ext, magic := range map[string]string{".md": "# アゼルバイジャン政治・治安情報", ".html": "<!DOCTYPE html>", ".docx": "PK\x03\x04"} {
		out := filepath.Join(dir, "digest"+ext)
		shuho(t, "", nil, "convert", example, out).want(t, 0, "", "")
		b, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: starts %q, %v", ext, b[:min(len(b), 20)], err)
		}
	}
	md := shuho(t, "", nil, "convert", example, "-", "--to", "md")
	md.want(t, 0, "### ハサノフ国防相、トルコ国防相と会談", "")
	// A DOCX is dated when it is written, or at $SOURCE_DATE_EPOCH: then
	// the same digest gives the same bytes.
	fixed := map[string]string{"SOURCE_DATE_EPOCH": "1795000000"}
	one, two := shuho(t, "", fixed, "convert", example, "-", "--to", "docx"), shuho(t, "", fixed, "convert", example, "-", "--to", "docx")
	core := ""
	if z, err := zip.NewReader(strings.NewReader(one.stdout), int64(len(one.stdout))); err == nil {
		if f, err := z.Open("docProps/core.xml"); err == nil {
			b, _ := io.ReadAll(f)
			core = string(b)
		}
	}
	if one.code != 0 || one.stdout != two.stdout || !strings.Contains(core, "2026-11-18T11:06:40Z") {
		t.Errorf("two DOCX at one $SOURCE_DATE_EPOCH differ, or are not dated by it:\n%s", core)
	}
	shuho(t, "", map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, "convert", example, "-", "--to", "docx").want(t, 2, "", "SOURCE_DATE_EPOCH")
	// No font where the environment points: what to install is said.
	r := shuho(t, "", map[string]string{"SHUHO_PDF_FONT": filepath.Join(dir, "none.ttf")}, "convert", example, filepath.Join(dir, "x.pdf"))
	r.want(t, 1, "", "SHUHO_PDF_FONT")
	// A PDF: read back by pdftotext where the machine has it and a font;
	// without a font, what to install is said. Under CI=true both must
	// be there.
	ci := os.Getenv("CI") == "true"
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if ci {
			t.Fatalf("no pdftotext, and CI=true requires it")
		}
		return
	}
	out := filepath.Join(dir, "digest.pdf")
	r = shuho(t, "", nil, "convert", example, out)
	switch {
	case r.code == 0:
		txt, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil || !strings.Contains(string(txt), "アゼルバイジャン政治・治安情報") {
			t.Errorf("pdftotext: %v\n%s", err, txt)
		}
	case ci:
		t.Errorf("no PDF, and CI=true requires a Japanese font: %s", r.stderr)
	case !strings.Contains(r.stderr, "fonts-ipaexfont"):
		t.Errorf("a PDF without a font: %s", r.stderr)
	}
}
