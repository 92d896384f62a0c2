package pipeline

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/docx"
	"shuho/internal/jsonfmt"
	"shuho/internal/pdftext"
	"shuho/internal/store"
	"shuho/internal/textfmt"
)

// Import reads past digests from files and folders (recursively) into the
// archive: .txt and .json, Word's .docx and, when poppler's pdftotext is
// installed, .pdf. Each file is read, repaired and parsed as the text format
// says, and saved as a published digest identified by its profile and
// period: a file saved before changes nothing, a changed one becomes a new
// revision. A file that fails is recorded with its reason (and line, for a
// digest that cannot be read) and the others go on.
type Import struct {
	Store   *store.Store
	Profile *digest.Profile
	// Progress, when set, is told of each file as it is done.
	Progress func(done, total int, r FileResult)
}

// FileResult is what became of one file.
type FileResult struct {
	Path    string
	Outcome store.Outcome // created, unchanged or revised; "" when failed or a duplicate
	Err     error
	Repairs int
	Digest  digest.Period
	// DuplicateOf is the file of the same import that gave this file's week.
	DuplicateOf string
}

// Summary counts what an import did.
type Summary struct {
	Imported, Unchanged, Revised, Failed int
	// Duplicates are files of a week that another file of the same import
	// gave (a .pdf made from the .docx): left, so that the two do not
	// replace each other as revisions.
	Duplicates int
	Skipped    int // files of other kinds in the folders
	Results    []FileResult
}

// importable are the extensions Import reads.
var importable = []string{".txt", ".json", ".docx", ".pdf"}

// Files lists the files that paths name: files as they are (whatever their
// extension, so that a wrong one is reported), and in folders, recursively,
// the importable ones, skipping hidden files and folders. skipped counts the
// other files in the folders; a path that is not there, or a folder that
// cannot be read, is a failure of its own, and the others go on. The files
// come in the order their weeks are best read in: the richest format first
// (.json, .docx, .txt, .pdf), then by name.
func Files(paths []string) (files []string, skipped int, failed []FileResult) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			failed = append(failed, FileResult{Path: p, Err: err})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failed = append(failed, FileResult{Path: path, Err: err})
				return nil // WalkDir skips what it could not read
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if slices.Contains(importable, strings.ToLower(filepath.Ext(path))) {
				files = append(files, path)
			} else {
				skipped++
			}
			return nil
		})
		if err != nil {
			failed = append(failed, FileResult{Path: p, Err: err})
		}
	}
	rank := func(f string) int {
		return slices.Index(importable, strings.ToLower(filepath.Ext(f)))
	}
	slices.SortStableFunc(files, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return files, skipped, failed
}

// Run imports the files that paths name. It stops early only when ctx
// ends; the summary then holds what was done.
func (im *Import) Run(ctx context.Context, paths []string) (Summary, error) {
	files, skipped, failed := Files(paths)
	sum := Summary{Skipped: skipped, Failed: len(failed), Results: failed}
	total := len(files) + len(failed)
	for i, r := range failed {
		if im.Progress != nil {
			im.Progress(i+1, total, r)
		}
	}
	seen := map[string]string{} // profile and period → the file that gave them
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		r := im.file(ctx, f, seen)
		switch {
		case r.Err != nil:
			sum.Failed++
		case r.DuplicateOf != "":
			sum.Duplicates++
		case r.Outcome == store.Created:
			sum.Imported++
		case r.Outcome == store.Unchanged:
			sum.Unchanged++
		case r.Outcome == store.Revised:
			sum.Revised++
		}
		sum.Results = append(sum.Results, r)
		if im.Progress != nil {
			im.Progress(len(failed)+i+1, total, r)
		}
	}
	return sum, nil
}

// file imports one file, unless a file before it in this import gave the
// same week (seen).
func (im *Import) file(ctx context.Context, path string, seen map[string]string) FileResult {
	r := FileResult{Path: path}
	d, repairs, err := im.read(ctx, path)
	if err != nil {
		r.Err = digest.InFile(err, path)
		return r
	}
	r.Repairs, r.Digest = repairs, d.Period
	if d.Profile == "" && im.Profile != nil {
		d.Profile = im.Profile.Key
	}
	week := d.Profile + " " + d.Period.String()
	if first, ok := seen[week]; ok {
		r.DuplicateOf = first
		return r
	}
	seen[week] = path
	saved, err := im.Store.SaveDigest(ctx, d, store.SaveOptions{Author: "import", Source: "import: " + path, Status: store.Published})
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", path, err)
		return r
	}
	r.Outcome = saved.Outcome
	return r
}

// read reads a digest from a file by its extension.
func (im *Import) read(ctx context.Context, path string) (*digest.Digest, int, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var text []byte
	switch ext {
	case ".pdf":
		t, err := pdftext.Text(ctx, path)
		if err != nil {
			return nil, 0, err
		}
		text = t
	case ".txt", ".json", ".docx":
		data, err := readFile(path)
		if err != nil {
			return nil, 0, err
		}
		switch ext {
		case ".json":
			d, err := jsonfmt.Decode(data)
			return d, 0, err
		case ".docx":
			if text, err = docx.Text(data); err != nil {
				return nil, 0, err
			}
		default:
			text = data
		}
	default:
		return nil, 0, fmt.Errorf("%s: shuho imports .txt, .json, .docx and .pdf files, not %q: %w", path, ext, digest.ErrUnsupported)
	}
	res, err := textfmt.Parse(text, im.Profile)
	if err != nil {
		return nil, 0, err
	}
	return res.Digest, len(res.Repairs), nil
}

// readFile reads a file of at most digest.MaxInput bytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, digest.MaxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > digest.MaxInput {
		return nil, &digest.ParseError{Msg: fmt.Sprintf("more than %d MB; shuho reads files of at most %d MB", digest.MaxInput>>20, digest.MaxInput>>20), Err: digest.ErrTooLarge}
	}
	return data, nil
}
