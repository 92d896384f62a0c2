package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
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

// TestLibreOffice makes the fixtures again with LibreOffice (testdata/make.sh)
// and reads the new Word files: the importer must read what today's
// LibreOffice writes, not only the files it wrote once.
func TestLibreOffice(t *testing.T) {
	needTool(t, "soffice", "apt-get install -y libreoffice-writer-nogui fonts-ipaexfont")
	dir := t.TempDir()
	cmd := exec.Command("sh", "testdata/make.sh", dir)
	cmd.Env = append(os.Environ(), "TMPDIR="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make.sh: %v\n%s", err, out)
	}
	for _, name := range []string{"example-digest", "example-digest-extracted"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			assertExample(t, data, name == "example-digest-extracted")
		})
	}
}
