package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": t.TempDir()}
	in := strings.Join([]string{
		`{"headline_en": "Azerbaijani serviceman wounded by sniper fire on the border", "body": ""}`,
		`not json`,
		``,
		`{"headline_en": "Brent crude price rises to $74 per barrel", "body": "Oil prices rose on Monday."}`,
		`{"headline_en": "FM Bayramov holds phone call with Georgian counterpart", "extra": 1}`,
		`{"headline_en": "Milli Majlis passes state budget in first reading", "body": "Parliament approved the draft budget."}`,
	}, "\n")
	r := shuho(t, in, env, "classify", "--jsonl")
	r.want(t, 0, "", "")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines out for 5 in:\n%s", len(lines), r.stdout)
	}
	want := []string{"security", "error", "none", "error", "domestic"}
	for i, l := range lines {
		var out classifyOutput
		if err := json.Unmarshal([]byte(l), &out); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		got := out.Section
		if out.Error != "" {
			got = "error"
		}
		if got != want[i] {
			t.Errorf("line %d: %s, want %s: %s", i+1, got, want[i], l)
		}
		if out.Error == "" && (out.Relevance == nil || *out.Relevance < 0 || *out.Relevance > 1 || len(out.Scores) != 4) {
			t.Errorf("line %d: relevance or scores missing: %s", i+1, l)
		}
	}
	shuho(t, "", env, "classify", "President Ilham Aliyev holds phone call with President of Kazakhstan").want(t, 0, "foreign\t", "")
	shuho(t, "", env, "classify").want(t, 2, "", "classify takes a headline")
	// An archive named but missing is an error, not an empty archive.
	shuho(t, "", env, "classify", "--db", filepath.Join(t.TempDir(), "none.db"), "x").want(t, 1, "", "no archive")
}
