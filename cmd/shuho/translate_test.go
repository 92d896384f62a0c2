package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
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

func TestTransliterateCommand(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": t.TempDir()}
	r := shuho(t, "", env, "transliterate", "Jeyhun Bayramov", "Kobakhidze", "Zorbanov")
	r.want(t, 0, "ジェイフン・バイラモフ\n", "")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || lines[1] != "コバヒゼ" || !strings.HasSuffix(lines[2], "\t(rule)") || !strings.HasPrefix(lines[2], "ゾルバノフ") {
		t.Errorf("transliterate:\n%s", r.stdout)
	}
	shuho(t, "", env, "transliterate", "--json", "Mustafayev").want(t, 0, `"by_rule":`, "")
	shuho(t, "", env, "transliterate").want(t, 2, "", "one or more names")
}

// TestTranslateModel asks a loopback chat-completions server, and falls
// back to the built-in draft when its answer fails the checks.
func TestTranslateModel(t *testing.T) {
	answer := "バイラモフ外相、ジュネーブを訪問"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": answer}}}})
	}))
	defer srv.Close()
	env := map[string]string{"XDG_DATA_HOME": t.TempDir(), "SHUHO_MODEL_URL": srv.URL + "/v1", "SHUHO_MODEL": "test-model"}
	in := `{"headline_en": "FM Bayramov on working visit to Geneva"}` + "\n"
	r := shuho(t, in, env, "translate", "--jsonl", "--engine", "model")
	r.want(t, 0, `"engine":"model"`, "")
	if !strings.Contains(r.stdout, `"model":"test-model"`) || !strings.Contains(r.stdout, answer) {
		t.Errorf("model output: %s", r.stdout)
	}
	answer = "Bayramov visits Geneva."
	r = shuho(t, in, env, "translate", "--jsonl", "--engine", "model")
	r.want(t, 0, `"engine":"rules"`, "")
	if !strings.Contains(r.stdout, `"model_error":`) {
		t.Errorf("a rejected answer: %s", r.stdout)
	}
	shuho(t, "", map[string]string{"XDG_DATA_HOME": t.TempDir()}, "translate", "--engine", "model", "x").want(t, 2, "", "SHUHO_MODEL_URL")
	shuho(t, "", env, "translate", "--engine", "gpt", "x").want(t, 2, "", "expected builtin or model")
}
