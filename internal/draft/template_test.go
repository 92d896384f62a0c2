package draft

import (
	"testing"

	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/profile"
)

// TestTemplates drafts from one past headline of each of the desk's
// usual sentences a new headline of the same sentence about others: each
// name in the form the past headline wrote it, as the glossary writes it.
func TestTemplates(t *testing.T) {
	g := azGlossary(t)
	tests := []struct {
		name string
		past Pair
		en   string
		body string
		want string
	}{
		{"call",
			Pair{"President Ilham Aliyev holds phone call with Russian President Vladimir Putin", "アリエフ大統領、プーチン露大統領と電話会談"},
			"President Ilham Aliyev holds phone call with President of Kazakhstan Kassym-Jomart Tokayev", "",
			"アリエフ大統領、トカエフ・カザフスタン大統領と電話会談"},
		{"call, the foreign official named from the story",
			Pair{"President Ilham Aliyev holds phone call with Russian President Vladimir Putin", "アリエフ大統領、プーチン露大統領と電話会談"},
			"President Ilham Aliyev holds phone call with President of Uzbekistan",
			"President Ilham Aliyev spoke by phone with President of Uzbekistan Shavkat Mirziyoyev.",
			"アリエフ大統領、ミルジヨーエフ・ウズベキスタン大統領と電話会談"},
		{"meeting with a foreign counterpart",
			Pair{"Azerbaijani FM meets Kazakh counterpart", "バイラモフ外相、カザフスタン外相と会談"},
			"Azerbaijani FM meets Russian counterpart", "",
			"バイラモフ外相、露外相と会談"},
		{"meeting with a foreign counterpart the story names",
			Pair{"Azerbaijani FM meets Kazakh counterpart", "バイラモフ外相、カザフスタン外相と会談"},
			"Azerbaijani FM meets Russian counterpart", "Foreign Minister Jeyhun Bayramov met Russian Foreign Minister Sergey Lavrov.",
			"バイラモフ外相、ラヴロフ露外相と会談"},
		{"visit",
			Pair{"President Ilham Aliyev on state visit to Turkmenistan", "アリエフ大統領、トルクメニスタンを国賓訪問"},
			"President Ilham Aliyev on state visit to Kazakhstan", "",
			"アリエフ大統領、カザフスタンを国賓訪問"},
		{"congratulation",
			Pair{"President Ilham Aliyev congratulates Shavkat Mirziyoyev on Independence Day", "アリエフ大統領、ミルジヨーエフ・ウズベキスタン大統領に独立記念日の祝辞"},
			"President Ilham Aliyev congratulates Vladimir Putin on Independence Day", "",
			"アリエフ大統領、プーチン露大統領に独立記念日の祝辞"},
		{"sentence of a trial",
			Pair{"Journalist sentenced to 9 years in prison", "記者に禁錮9年の判決"},
			"Journalist sentenced to seven years in prison", "",
			"記者に禁錮7年の判決"},
		{"appointment",
			Pair{"President Ilham Aliyev appoints new ambassador to Japan", "アリエフ大統領、新駐日大使を任命"},
			"President Ilham Aliyev appoints new ambassador to Russia", "",
			"アリエフ大統領、新駐露大使を任命"},
		{"the desk's own country left out",
			Pair{"Azerbaijan, Kazakhstan sign agreement on transit", "カザフスタンと通過輸送協定に署名"},
			"Azerbaijan, Uzbekistan sign agreement on transit", "",
			"ウズベキスタンと通過輸送協定に署名"},
	}
	for _, tt := range tests {
		m := NewMemory(g, "AZ", []Pair{tt.past})
		if m.Len() != 1 {
			t.Errorf("%s: %q is no template", tt.name, tt.past.EN)
			continue
		}
		got, ok := m.Translate(tt.en, tt.body, "")
		if !ok || got.JA != tt.want || got.Engine != "template" {
			t.Errorf("%s: Translate(%q) = %q, %v (%s), want %q", tt.name, tt.en, got.JA, ok, got.Engine, tt.want)
		}
	}
}

// TestTemplateRefused: a template is not used when a slot cannot be
// filled from the glossary, nor for a sentence it does not fit; the rules
// draft then.
func TestTemplateRefused(t *testing.T) {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	// An office the glossary knows only in English.
	g := glossary.New(append(append(seed, p.Glossary...), digest.Term{Kind: digest.Title, EN: "Chief Herald"}), p.Style)
	m := NewMemory(g, "AZ", []Pair{
		{"President Ilham Aliyev holds phone call with Russian President Vladimir Putin", "アリエフ大統領、プーチン露大統領と電話会談"},
		{"President Ilham Aliyev receives Prosecutor General", "アリエフ大統領、検事総長から活動報告を聴取"},
	})
	for _, tt := range []struct{ why, en string }{
		{"a name the glossary lacks", "President Ilham Aliyev holds phone call with President of Kazakhstan Zorbek Tulanov"},
		{"a title without Japanese", "President Ilham Aliyev holds phone call with Chief Herald"},
		{"another sentence", "President Ilham Aliyev holds talks with Russian President Vladimir Putin"},
		{"a foreign guest where the template received the desk's own official", "President Ilham Aliyev receives Russian President Vladimir Putin"},
	} {
		if got, ok := m.Translate(tt.en, "", ""); ok {
			t.Errorf("%s: %q drafted from a template: %q", tt.why, tt.en, got.JA)
		}
		h := &Headliner{G: g, Home: "AZ", Memory: m}
		if got := h.Translate(tt.en, ""); got.Engine == "template" {
			t.Errorf("%s: %q drafted from a template: %q", tt.why, tt.en, got.JA)
		}
	}
}
