package store_test

import (
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestBackupAndRestore makes a backup of each engine, restores it as a
// new database the way README.md says, and finds the archive whole (D3).
func TestBackupAndRestore(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			fixture(t, s)
			d := example(t, "example-digest.txt")
			out := filepath.Join(t.TempDir(), "backup")
			c, err := s.Backup(ctx, out)
			if err != nil {
				t.Fatal(err)
			}
			if c.Digests != 12 || c.Articles != 3 {
				t.Errorf("the backup holds %+v", c)
			}
			if _, err := s.Backup(ctx, "sqlite:"+out); !errors.Is(err, os.ErrExist) {
				t.Errorf("a second backup over the first: %v", err)
			}
			var restored string
			if e == store.SQLite {
				// Restore: put the copy where the archive is.
				restored = filepath.Join(t.TempDir(), "restored.db")
				if err := os.Rename(out, restored); err != nil {
					t.Fatal(err)
				}
			} else {
				// Restore: createdb NEW, then pg_restore --no-owner -d NEW FILE.
				restored = storetest.DSN(t, store.Postgres)
				u, _ := url.Parse(restored)
				cmd := exec.Command("pg_restore", "--no-owner", "--dbname="+restored, out)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("pg_restore into %s: %v\n%s", u.Path, err, b)
				}
			}
			back, err := store.Open(ctx, restored, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer back.Close()
			got, _, err := back.Digest(ctx, "az", d.Period)
			if err != nil || !reflect.DeepEqual(got, d) {
				t.Errorf("the restored archive lacks the example digest: %v", err)
			}
			n1, i1, a1, _ := s.Count(ctx)
			n2, i2, a2, _ := back.Count(ctx)
			if n1 != n2 || i1 != i2 || a1 != a2 {
				t.Errorf("restored %d/%d/%d of %d/%d/%d digests/items/articles", n2, i2, a2, n1, i1, a1)
			}
			hits, err := back.Search(ctx, store.Query{Text: "殉職"})
			if err != nil || len(hits) == 0 || !strings.Contains(hits[0].HeadlineJA, "殉職") {
				t.Errorf("search in the restored archive: %v %v", hits, err)
			}
		})
	}
}
