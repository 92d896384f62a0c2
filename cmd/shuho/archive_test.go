package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestImportSearchBackup runs the archive's commands on each engine: import
// a folder of past digests (one broken), import again, import a changed
// digest, search, back up.
func TestImportSearchBackup(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			db := storetest.DSN(t, e)
			dir := t.TempDir()
			text, err := os.ReadFile(example)
			if err != nil {
				t.Fatal(err)
			}
			next := strings.Replace(string(text), "2026年11月14日～11月20日", "2026年11月21日～11月27日", 1)
			next = strings.ReplaceAll(next, ".11.2026)", ".11.2026)") // same citations; a later week
			files := map[string]string{
				"2026/w46.txt":       string(text),
				"2026/w47.txt":       next,
				"2026/broken.txt":    strings.Replace(string(text), "1. 軍事・治安関係", "", 1),
				"2026/notes.md":      "not a digest",
				"2026/.hidden/x.txt": "skipped",
			}
			for name, content := range files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := shuho(t, "", nil, "import", "--db", db, dir)
			r.want(t, 1, "imported 2, unchanged 0, revised 0, failed 1 (1 files of other kinds skipped)", "broken.txt:13: item outside any section")
			shuho(t, "", nil, "import", "--db", db, filepath.Join(dir, "2026", "w46.txt"), filepath.Join(dir, "2026", "w47.txt")).
				want(t, 0, "imported 0, unchanged 2, revised 0, failed 0", "")
			// A changed file becomes a new revision.
			changed := filepath.Join(dir, "w46-corrected.txt")
			os.WriteFile(changed, []byte(strings.Replace(string(text), "Geneva", "Genf", 1)), 0o644)
			shuho(t, "", nil, "import", "--db", db, changed).want(t, 0, "imported 0, unchanged 0, revised 1, failed 0", "revised")

			// Search, both forms.
			r = shuho(t, "", nil, "search", "--db", db, "外相", "--to", "2026-11-20")
			if r.code != 0 || !strings.Contains(r.stdout, "2026-11-14..2026-11-20  外政関連  バイラモフ[外相]、ジュネーブを訪問") {
				t.Errorf("search 外相: %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			r = shuho(t, "", nil, "search", "--db", db, "--json", `"working visit"`, "--section", "foreign")
			var out struct {
				Hits []struct {
					Kind, Snippet string
					Period        struct{ From, To string }
					Marks         [][2]int
				}
			}
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Hits) != 2 {
				t.Fatalf("search --json: %v\n%s%s", err, r.stdout, r.stderr)
			}
			h := out.Hits[0]
			if h.Kind != "item" || h.Period.From != "2026-11-21" || len(h.Marks) != 1 || h.Snippet[h.Marks[0][0]:h.Marks[0][1]] != "working visit" {
				t.Errorf("search --json hit: %+v", h)
			}
			if r := shuho(t, "", nil, "search", "--db", db, "Genf"); !strings.Contains(r.stdout, "working visit to [Genf]") {
				t.Errorf("the revision is what search finds: %s", r.stdout)
			}
			// A name finds its other spellings: Bayramov the katakana of
			// the Japanese headlines, バイラモフ the Latin of the English.
			if r := shuho(t, "", nil, "search", "--db", db, "Bayramov", "--section", "foreign", "--limit", "50"); !strings.Contains(r.stdout, "[バイラモフ]外相") {
				t.Errorf("search Bayramov does not find バイラモフ:\n%s", r.stdout)
			}
			if r := shuho(t, "", nil, "search", "--db", db, "バイラモフ", "--limit", "50"); !strings.Contains(r.stdout, "[Bayramov]") {
				t.Errorf("search バイラモフ does not find Bayramov:\n%s", r.stdout)
			}
			shuho(t, "", nil, "search", "--db", db, "earthquake").want(t, 0, "", "no hits")
			shuho(t, "", nil, "search", "--db", db, `"unbalanced`).want(t, 2, "", "unbalanced quote")
			shuho(t, "", nil, "search", "--db", db, "x", "--from", "2026-13-01").want(t, 2, "", "expected a date")

			// Backup.
			out1 := filepath.Join(t.TempDir(), "backup")
			shuho(t, "", nil, "backup", "--db", db, out1).want(t, 0, "backed up 2 digests, 14 items, 0 articles", "")
			shuho(t, "", nil, "backup", "--db", db, out1).want(t, 1, "", "exists")
			if e == store.SQLite {
				shuho(t, "", nil, "search", "--db", out1, "殉職").want(t, 0, "", "no hits") // the copy opens and answers
			}
		})
	}
}

// TestDefaultArchive: without --db the archive is a file in the user's data
// directory, made on first use.
func TestDefaultArchive(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home}
	shuho(t, "", env, "import", example).want(t, 0, "imported 1", "")
	if _, err := os.Stat(filepath.Join(home, ".local", "share", "shuho", "shuho.db")); err != nil {
		t.Errorf("no default archive: %v", err)
	}
	env["SHUHO_DB"] = filepath.Join(t.TempDir(), "other.db")
	shuho(t, "", env, "import", example).want(t, 0, "imported 1", "")
}
