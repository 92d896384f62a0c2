package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shuho/internal/digest"
)

func TestGlossaryCommand(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"SHUHO_DB": filepath.Join(dir, "a.db")}
	// Before any archive, the seed and the profile are listed.
	shuho(t, "", env, "glossary", "list", "Bayramov").want(t, 1, "", "no archive")
	shuho(t, "", map[string]string{"XDG_DATA_HOME": dir}, "glossary", "list", "Bayramov").want(t, 0, "バイラモフ", "")
	shuho(t, "", env, "glossary", "add", "--kind", "place", "--en", "Mingachevir", "--ja", "ミンゲチャウル", "--variant", "Mingəçevir").want(t, 0, "1 added", "")
	shuho(t, "", env, "glossary", "list", "Mingəçevir").want(t, 0, "ミンゲチャウル", "")
	shuho(t, "", env, "glossary", "add", "--kind", "planet", "--en", "Mars", "--ja", "火星").want(t, 2, "", "kind")
	// A person with an office and a check-by day long past: listed with
	// both, and flagged.
	shuho(t, "", env, "glossary", "add", "--kind", "person", "--en", "Ali Asgarov", "--ja", "アリ・アスガロフ", "--short", "アスガロフ",
		"--country", "AZ", "--office", "Deputy Foreign Minister;AZ;;2021-01;", "--check-by", "2022-01-31", "--ref", "https://www.mofa.go.jp/").want(t, 0, "1 added", "")
	shuho(t, "", env, "glossary", "list", "Asgarov").want(t, 0, "Deputy Foreign Minister AZ 2021-01–; check by 2022-01-31: past", "")
	shuho(t, "", env, "glossary", "add", "--kind", "person", "--en", "X Y", "--ja", "エックス", "--office", "Foreign Minister;AZ").want(t, 2, "", "--office")
	shuho(t, "", env, "glossary", "add", "--kind", "person", "--en", "X Y", "--ja", "エックス", "--office", "Foreign Minister;AZ;;2024-05;2023-01").want(t, 2, "", "ends (2023-01) before it begins")
	csvFile := write(t, "terms.csv", "kind,en,ja,variants\nperson,Elnur Mammadov,エルヌル・ママドフ,Elnur Məmmədov|Elnur Mamedov\nplace,Shusha,シュシャ,Şuşa\n")
	shuho(t, "", env, "glossary", "import", csvFile).want(t, 0, "2 added", "")
	shuho(t, "", env, "glossary", "import", csvFile).want(t, 0, "0 added, 0 changed, 2 unchanged", "")
	bad := write(t, "bad.csv", "kind,en,ja\nplace,Qazax,ガザフ\nplace,,x\n")
	shuho(t, "", env, "glossary", "import", bad).want(t, 2, "", "line 3")
	// All or none: the good line of the refused file is not stored.
	if r := shuho(t, "", env, "glossary", "list", "Qazax"); r.code != 0 || strings.Contains(r.stdout, "ガザフ") {
		t.Errorf("after a refused import: exit %d, %s", r.code, r.stdout)
	}
	// Export and import round-trip, in both forms.
	out := filepath.Join(dir, "all.csv")
	shuho(t, "", env, "glossary", "export", "-o", out).want(t, 0, "", "")
	env2 := map[string]string{"SHUHO_DB": filepath.Join(dir, "b.db")}
	shuho(t, "", env2, "glossary", "import", out).want(t, 0, " added", "")
	shuho(t, "", env2, "glossary", "list", "Shusha").want(t, 0, "シュシャ", "")
	js := shuho(t, "", env, "glossary", "export", "--format", "json")
	var all []digest.Term
	if err := json.Unmarshal([]byte(js.stdout), &all); err != nil || len(all) < 500 {
		t.Errorf("export: %d terms, %v", len(all), err)
	}
}
