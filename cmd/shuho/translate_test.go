package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTranslateCommand(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": t.TempDir()}
	shuho(t, "", env, "translate", "FM Bayramov on working visit to Geneva").want(t, 0, "バイラモフ外相、ジュネーブを訪問\n", "")
	in := `{"headline_en": "President Aliyev holds phone call with President of Kazakhstan", "body": "President Ilham Aliyev held a telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev."}
{"headline_en": 5}
{"headline_en": "FM Bayramov meets Zorbanian"}
`
	r := shuho(t, in, env, "translate", "--jsonl")
	r.want(t, 0, "", "")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), r.stdout)
	}
	var first struct {
		JA      string   `json:"headline_ja"`
		Unknown []string `json:"unknown_names"`
		Engine  string   `json:"engine"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.JA != "アリエフ大統領、トカエフ・カザフスタン大統領と電話会談" || first.Engine != "rules" || first.Unknown == nil {
		t.Errorf("line 1: %s (%v)", lines[0], err)
	}
	if !strings.Contains(lines[1], `"error"`) {
		t.Errorf("line 2: %s", lines[1])
	}
	if !strings.Contains(lines[2], `"unknown_names":["Zorbanian"]`) {
		t.Errorf("line 3: %s", lines[2])
	}
}
