package pipeline

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
	"shuho/internal/jsonfmt"
	"shuho/internal/profile"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
	"shuho/internal/textfmt"
)

func az(t testing.TB) *digest.Profile {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writeWeeks writes n generated weekly digests under dir, in the text form
// and, every fifth, in JSON.
func writeWeeks(t testing.TB, dir string, n int) {
	t.Helper()
	r := rand.New(rand.NewPCG(520, 1))
	for w := range n {
		d := digesttest.Digest(r, digesttest.Options{Items: 25, Start: digest.NewDate(2016, 1, 2).AddDays(7 * w), InvalidDates: 0.01})
		name := filepath.Join(dir, d.Period.From.String()[:4], d.Period.From.String())
		var data []byte
		if w%5 == 4 {
			b, err := jsonfmt.Encode(d)
			if err != nil {
				t.Fatal(err)
			}
			data, name = b, name+".json"
		} else {
			data, name = digesttest.Damage(r, textfmt.Format(d)), name+".txt"
		}
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestImport(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			dir := t.TempDir()
			writeWeeks(t, dir, 12)
			os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("<html><body>not a digest</body></html>"), 0o644)
			os.WriteFile(filepath.Join(dir, "notes.odt"), []byte("x"), 0o644)
			var progress []string
			im := &Import{Store: s, Profile: az(t), Progress: func(done, total int, r FileResult) {
				progress = append(progress, filepath.Base(r.Path))
			}}
			sum, err := im.Run(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Imported != 12 || sum.Failed != 1 || sum.Skipped != 1 || len(progress) != 13 {
				t.Fatalf("summary %+v, progress %v", sum, progress)
			}
			for _, r := range sum.Results {
				if strings.HasSuffix(r.Path, "broken.txt") {
					var pe *digest.ParseError
					if !errors.As(r.Err, &pe) || pe.File != r.Path || pe.Line != 1 || !strings.Contains(pe.Msg, "HTML") {
						t.Errorf("the broken file's error: %v", r.Err)
					}
				} else if r.Err != nil || r.Outcome != store.Created {
					t.Errorf("%s: %s %v", r.Path, r.Outcome, r.Err)
				}
			}
			again, err := im.Run(context.Background(), []string{dir})
			if err != nil || again.Unchanged != 12 || again.Imported != 0 || again.Revised != 0 {
				t.Errorf("importing again: %+v %v", again, err)
			}
			// A path that is not there is a failure of its own; the
			// others go on.
			sum, err = im.Run(context.Background(), []string{filepath.Join(dir, "missing"), dir})
			if err != nil || sum.Failed != 2 || sum.Unchanged != 12 || !errors.Is(sum.Results[0].Err, os.ErrNotExist) {
				t.Errorf("a missing path: %+v %v", sum, err)
			}
		})
	}
}

// BenchmarkImport520 imports ten years of weekly digests (520 files of about
// 25 items, four in five damaged text as copied out of Word and PDF, one in
// five JSON) into a new SQLite archive. Target: under 10 s.
func BenchmarkImport520(b *testing.B) {
	dir := b.TempDir()
	writeWeeks(b, dir, 520)
	p := az(b)
	for b.Loop() {
		b.StopTimer()
		s, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "import.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := (&Import{Store: s, Profile: p}).Run(context.Background(), []string{dir})
		if err != nil || sum.Imported != 520 {
			b.Fatalf("%+v %v", sum, err)
		}
		if err := s.Optimize(context.Background(), sum.Imported); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// TestImportWordAndPDF imports the example digest as the Word file and as
// the text that LibreOffice and the desk would have: the same digest, so
// the second import changes nothing. The PDF of it (made by LibreOffice,
// read by pdftotext) loses only what a PDF's text cannot hold, bold and
// italics, so it becomes a revision.
func TestImportWordAndPDF(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	im := &Import{Store: s, Profile: az(t)}
	run := func(path string) FileResult {
		t.Helper()
		sum, err := im.Run(context.Background(), []string{path})
		if err != nil || len(sum.Results) != 1 {
			t.Fatalf("import %s: %v", path, err)
		}
		return sum.Results[0]
	}
	if r := run("../docx/testdata/example-digest.docx"); r.Err != nil || r.Outcome != store.Created {
		t.Fatalf("the Word file: %s %v", r.Outcome, r.Err)
	}
	if r := run("../textfmt/testdata/example-digest.txt"); r.Err != nil || r.Outcome != store.Unchanged {
		t.Errorf("the text after the Word file: %s %v (the Word file should read as the same digest)", r.Outcome, r.Err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true and pdftotext is missing: .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext is not installed")
	}
	r := run("../docx/testdata/example-digest.pdf")
	if r.Err != nil || r.Outcome != store.Revised {
		t.Fatalf("the PDF: %s %v", r.Outcome, r.Err)
	}
	d, _, err := s.Digest(context.Background(), "az", r.Digest)
	if err != nil {
		t.Fatal(err)
	}
	if it := d.Sections[0].Items[1]; it.Emphasis || !strings.HasPrefix(it.HeadlineJA, "ギャンジャ市内で不審物発見") {
		t.Errorf("item 1.2 from the PDF: %+v", it)
	}
	// The Word file and its PDF in one import: one week, read from the
	// Word file; importing both again and again changes nothing.
	dir := t.TempDir()
	for _, f := range []string{"example-digest.docx", "example-digest.pdf"} {
		b, _ := os.ReadFile("../docx/testdata/" + f)
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	for round := range 2 {
		sum, err := im.Run(context.Background(), []string{dir})
		want := store.Revised // back from the PDF's reading to the Word file's
		if round == 1 {
			want = store.Unchanged
		}
		if err != nil || sum.Duplicates != 1 || sum.Results[0].Outcome != want || !strings.HasSuffix(sum.Results[0].Path, ".docx") ||
			!strings.HasSuffix(sum.Results[1].DuplicateOf, ".docx") {
			t.Errorf("round %d of the Word file with its PDF: %+v %v", round, sum, err)
		}
	}
}
