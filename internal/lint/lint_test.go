package lint

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
	"shuho/internal/profile"
	"shuho/internal/textfmt"
)

func az(t testing.TB) *digest.Profile {
	t.Helper()
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// doc builds a digest text from the body of its first section; the head is
// the default profile's, for the week of 14–20 November 2026.
func doc(body string) string {
	return "アゼルバイジャン政治・治安情報\n\n(公開情報とりまとめ)\n\n2026年11月14日～11月20日\n\n在アゼルバイジャン大使館\n\n" +
		"1. 軍事・治安関係\n\n" + body + "\n\n2. 内政関連\n\n" + filler + "\n\n3. 外政関連\n\n" + filler2 + "\n\n*****END*****\n"
}

// filler keeps the other sections from being empty.
const filler = "● 国会、予算案を可決\n\nMilli Majlis passes budget\n\nThe Milli Majlis approved the draft state budget for 2027 in the first reading. (AZERTAG / 17.11.2026)"
const filler2 = "● バイラモフ外相、ジュネーブを訪問\n\nFM Bayramov visits Geneva\n\nFM Bayramov paid a working visit to Geneva. (TREND / 19.11.2026)"

const good = "● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister meets Turkish counterpart\n\nOn November 16, Defense Minister Zakir Hasanov held talks with his Turkish counterpart in Ankara. (APA / 16.11.2026)"

// call is a templated item on a telephone conversation, as state media
// write them.
func call(country, leader, day string) string {
	return "● アリエフ大統領、" + country + "大統領と電話会談\n\nPresident Aliyev holds phone call with President of " + country +
		"\n\nOn November " + day + ", President Ilham Aliyev held a telephone conversation with President of " + country + " " + leader +
		". The presidents discussed the development of bilateral relations and the Middle Corridor, and agreed to meet in Baku. (AZERTAG / " + day + ".11.2026)\n\n" +
		"NOTE: The two presidents last met at the summit of the Organization of Turkic States in Gabala. (TURAN / 18.11.2026)"
}

// courtesy is a templated item on a courtesy call.
func courtesy(adjective, country string) string {
	return "● マンマドフ外務次官、駐アゼルバイジャン大使と会談\n\nDeputy FM meets " + adjective + " ambassador\n\n" +
		"On November 17, Deputy Foreign Minister Elnur Mammadov met with the Ambassador of " + country +
		" to Azerbaijan. The sides discussed the current state and prospects of bilateral relations and cooperation within international organisations. (MFA / 17.11.2026)"
}

// credentials is an item whose headline does not name the ambassador.
func credentials(country, name string) string {
	return "● 新任大使、信任状を奉呈\n\nNew ambassador presents credentials to President Aliyev\n\n" +
		"Ambassador " + name + " of " + country + " presented his credentials to President Ilham Aliyev, who wished him success in strengthening relations between Azerbaijan and " + country + ". (AZERTAG / 18.11.2026)"
}

func check(t *testing.T, text string) []Finding {
	t.Helper()
	p := az(t)
	r, err := textfmt.Parse([]byte(text), p)
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, text)
	}
	return Check(r.Digest, p, r.Lines)
}

func of(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestCleanDigestHasNoFindings(t *testing.T) {
	if fs := check(t, doc(good)); len(fs) != 0 {
		t.Errorf("findings on a clean digest: %v", fs)
	}
}

// TestRules shows each rule firing on a digest that breaks it, at the
// expected place, and not firing on a near miss.
func TestRules(t *testing.T) {
	tests := []struct {
		rule       string
		fires      string // a digest text that breaks the rule
		where      string // "LINE SECTION.ITEM" of the finding
		msg        string
		doesNotFor string // a near miss that must not fire
	}{
		{CitationDateInvalid,
			doc(strings.Replace(good, "16.11.2026", "16.11.20266", 1)), "15 1.1", "16.11.20266 is not a calendar date",
			doc(strings.Replace(good, "16.11.2026", "6.11.2026", 1))},
		{CitationDateInvalid,
			doc(strings.Replace(good, "16.11.2026", "31.02.2026", 1)), "15 1.1", "31.02.2026",
			doc(strings.Replace(good, "16.11.2026", "20.11.2026", 1))},
		{CitationOutsidePeriod,
			doc(strings.Replace(good, "16.11.2026", "13.11.2026", 1)), "15 1.1", "13.11.2026 is before the period 2026-11-14..2026-11-20",
			doc(strings.Replace(good, "16.11.2026", "14.11.2026", 1))},
		{CitationOutsidePeriod, // a note's background may be older, not newer
			doc(good + "\n\nNOTE: Background. (TURAN / 23.11.2026)"), "17 1.1", "23.11.2026 is after the period",
			doc(good + "\n\nNOTE: Background. (TURAN / 03.10.2025)")},
		{CitationUnread,
			doc(strings.Replace(good, "(APA / 16.11.2026)", "(APA / 16 November 2026)", 1)), "15 1.1", "ends with “(APA / 16 November 2026)”, which looks like a citation",
			doc(strings.Replace(good, "(APA / 16.11.2026)", "(the 2026 budget, APA says) (APA / 16.11.2026)", 1))},
		{CitationUnread,
			doc(good + "\n\n- Met the minister (APA / 16.11.2026)\n- Met the speaker. (TREND / 16.11.2026)"), "17 1.1", "list entry 1 ends with “(APA / 16.11.2026)”",
			doc(good + "\n\n- Met the minister\n- Met the speaker. (TREND / 16.11.2026)")},
		{CitationOutsidePeriod,
			doc(strings.Replace(good, "16.11.2026", "21.11.2026", 1)), "15 1.1", "21.11.2026",
			doc(strings.Replace(good, "16.11.2026", "20.11.2026", 1))},
		{ItemWithoutCitation,
			doc(strings.Replace(good, " (APA / 16.11.2026)", "", 1)), "11 1.1", "no block of the item cites",
			doc(strings.Replace(good, " (APA / 16.11.2026)", "\n\nNOTE: Background. (TURAN / 17.11.2026)", 1))},
		{HeadlineUnfinished,
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "●", 1)), "11 1.1", "Japanese headline is empty",
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● 会談", 1))},
		{HeadlineUnfinished, // the drafter's old placeholder
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● （見出し案なし）", 1)), "11 1.1", "placeholder",
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● 国防相会談（アンカラ）", 1))},
		{HeadlineUnfinished, // names and titles only: who, not what
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● ハサノフ国防相、トルコ国防相", 1)), "11 1.1", "only names",
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● ハサノフ国防相、トルコ国防相と協議", 1))},
		{HeadlineUnfinished, // a gist of the old drafter
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● 大統領、アリエフ", 1)), "11 1.1", "only names",
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● アリエフ大統領、演説", 1))},
		{HeadlineUnfinished, // an organisation alone
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● チュルク諸国機構", 1)), "11 1.1", "only names",
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● チュルク諸国機構首脳会議開催", 1))},
		{HeadlineUnfinished, // the English left where the Japanese goes
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● Defense Minister meets Turkish counterpart", 1)), "11 1.1", "holds no Japanese",
			doc(strings.Replace(good, "● ハサノフ国防相、トルコ国防相と会談", "● ハサノフ国防相、NATO代表と会談", 1))},
		{HeadlineMissing,
			doc("● ハサノフ国防相、トルコ国防相と会談\n\nNOTE: Background. (TURAN / 17.11.2026)"), "11 1.1", "English headline is empty",
			doc("● ハサノフ国防相、トルコ国防相と会談\n\nTalks\n\nNOTE: Background. (TURAN / 17.11.2026)")},
		{DuplicateItem,
			doc(good + "\n\n" + strings.Replace(good, "ハサノフ国防相", "国防相", 1)), "17 1.2", "same English headline as item 1.1",
			doc(good + "\n\n● ハサノフ国防相、ギリシャ国防相と会談\n\nDefense Minister meets Greek counterpart\n\nOn November 18, Defense Minister Zakir Hasanov held talks with the Greek Minister of National Defence in Baku. (APA / 18.11.2026)")},
		{DuplicateItem, // templated stories about different people are different stories
			doc(call("Kazakhstan", "Kassym-Jomart Tokayev", "15") + "\n\n" + strings.Replace(call("Kazakhstan", "Kassym-Jomart Tokayev", "15"), "President of Kazakhstan\n", "Kazakh leader\n", 1)),
			"19 1.2", "the body repeats item 1.1",
			doc(call("Kazakhstan", "Kassym-Jomart Tokayev", "15") + "\n\n" + call("Uzbekistan", "Shavkat Mirziyoyev", "17"))},
		{DuplicateItem, // courtesy calls in one template, different headlines
			doc(courtesy("Italian", "Italy") + "\n\n" + strings.Replace(courtesy("Italian", "Italy"), "Italian ambassador", "ambassador of Italy", 1)), "17 1.2", "the body repeats item 1.1",
			doc(courtesy("Italian", "Italy") + "\n\n" + courtesy("Spanish", "Spain"))},
		{DuplicateItem, // the same headline over plainly different stories
			doc(credentials("Italy", "Marco Rossi") + "\n\n" + credentials("Italy", "Marco Rossi")), "17 1.2", "same English headline as item 1.1",
			doc(credentials("Italy", "Marco Rossi") + "\n\n" + strings.Replace(credentials("Chile", "Ana Pérez"), "Italy", "Chile", 1))},
		{DuplicateItem,
			doc(good + "\n\n● 国防相会談\n\nHasanov and Guler hold talks in Ankara\n\nOn November 16, Defense Minister Zakir Hasanov held talks with his Turkish counterpart in Ankara. The sides discussed training. (REPORT.AZ / 16.11.2026)"),
			"17 1.2", "the body repeats item 1.1",
			doc(good + "\n\n● 国防相会談\n\nHasanov and Guler hold talks in Ankara\n\nOn November 16, Defense Minister Zakir Hasanov held talks with his Greek counterpart in Athens. (REPORT.AZ / 16.11.2026)")},
		{SectionEmpty,
			strings.Replace(doc(good), filler, "", 1), "17 2.0", "“内政関連” has no items",
			doc(good)},
		{SectionNumbering,
			strings.Replace(doc(good), "3. 外政関連", "4. 外政関連", 1), "25 3.0", "numbered 4; expected 3",
			doc(good)},
		{PeriodInvalid,
			strings.Replace(doc(good), "11月14日～11月20日", "11月20日～11月14日", 1), "5 0.0", "before it starts",
			doc(good)},
		{PeriodInvalid,
			strings.Replace(doc(good), "11月14日～11月20日", "2月27日～2月30日", 1), "5 0.0", "2026-02-30, a day that does not exist",
			strings.Replace(doc(good), "11月14日～11月20日", "2月28日～3月6日", 1)},
		{UnknownOutlet,
			doc(strings.Replace(good, "APA", "APN", 1)), "15 1.1", "outlet APN is not among the outlets of profile az",
			doc(strings.Replace(good, "APA", "OC MEDIA", 1))},
		{MarkupUnbalanced,
			doc(strings.Replace(good, "held talks", "*held talks", 1)), "15 1.1", "unpaired * (italic)",
			doc(strings.Replace(good, "held talks", "*held* talks of 5 * 3", 1))},
		{MarkupUnbalanced,
			doc(strings.Replace(good, "Defense Minister meets", "**Defense** Minister** meets", 1)), "13 1.1", "English headline: an unpaired ** (bold)",
			doc(strings.Replace(good, "Defense Minister meets", "**Defense** Minister ***meets***", 1))},
		{HeadlineStyle,
			doc(strings.Replace(good, "会談\n", "会談した。\n", 1)), "11 1.1", "ends with 。",
			doc(strings.Replace(good, "会談\n", "会談、共同声明\n", 1))},
		{HeadlineStyle,
			doc(strings.Replace(good, "国防相、トルコ", "国防相，トルコ", 1)), "11 1.1", "comma other than 、",
			doc(strings.Replace(good, "国防相、トルコ国防相と会談", "国防相、兵士1,000人と３，０００人を視察", 1))},
		{HeadlineStyle,
			doc(strings.Replace(good, "ハサノフ国防相、トルコ国防相", "ムスタファエフ駐露大使、ラブロフ露外相", 1)), "11 1.1", "ラブロフ; the glossary writes ラヴロフ",
			doc(strings.Replace(good, "ハサノフ国防相、トルコ国防相", "ロシア大使、ラヴロフ露外相", 1))},
		{HeadlineStyle,
			doc(strings.Replace(good, "トルコ国防相", "ロ国防相", 1)), "11 1.1", "abbreviates Russia as ロ",
			doc(strings.Replace(good, "トルコ国防相", "ヨーロッパ諸国の国防相とプロジェクト", 1))},
		{PeriodWeek,
			strings.Replace(doc(good), "11月14日～11月20日", "11月16日～11月22日", 1), "5 0.0", "not one of the profile's weeks (Saturday to Friday, such as 2026-11-14..2026-11-20)",
			strings.Replace(doc(good), "11月14日～11月20日", "11月21日～11月27日", 1)},
		{SectionUnknown,
			strings.Replace(doc(good), "2. 内政関連", "2. 経済関連", 1), "17 2.0", "“経済関連” is none of the profile's sections",
			strings.Replace(doc(good), "2. 内政関連", "2. 内政", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			fs := of(check(t, tt.fires), tt.rule)
			if len(fs) != 1 {
				t.Fatalf("%d %s findings, want 1: %v", len(fs), tt.rule, fs)
			}
			f := fs[0]
			if where := fmt.Sprintf("%d %d.%d", f.Line, f.Section, f.Item); where != tt.where || !strings.Contains(f.Message, tt.msg) {
				t.Errorf("finding %v; want it at %s with %q", f, tt.where, tt.msg)
			}
			for _, r := range Rules {
				if r.ID == tt.rule && r.Severity != f.Severity {
					t.Errorf("severity %s, want %s", f.Severity, r.Severity)
				}
			}
			if fs := of(check(t, tt.doesNotFor), tt.rule); len(fs) != 0 {
				t.Errorf("fires on the near miss: %v", fs)
			}
		})
	}
}

func TestExtractedExample(t *testing.T) {
	data, err := os.ReadFile("../textfmt/testdata/example-digest-extracted.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := az(t)
	r, err := textfmt.Parse(data, p)
	if err != nil {
		t.Fatal(err)
	}
	fs := Check(r.Digest, p, r.Lines)
	if len(fs) != 1 || fs[0].String() != "70 3.3 error citation-date-invalid: citation date 20.11.20266 is not a calendar date" {
		t.Errorf("findings %v; want the one mistyped date", fs)
	}
	repairs := FromRepairs(r.Repairs, r.Lines)
	found := false
	for _, f := range repairs {
		if f.Line == 38 && f.Section == 2 && f.Item == 1 && strings.Contains(f.Message, "page-break-joined") {
			found = true
		}
		if f.Severity != Info || f.Rule != Repaired {
			t.Errorf("repair finding %v is not an info %s", f, Repaired)
		}
	}
	if !found {
		t.Errorf("no repair finding for the page break at line 38 in item 2.1: %v", repairs)
	}
}

// TestWordCopyWithoutBlankLines: a Word copy without empty paragraphs runs
// an item's paragraphs together, but a citation still closes its block, so
// the mistyped date is still found.
func TestWordCopyWithoutBlankLines(t *testing.T) {
	data, err := os.ReadFile("../textfmt/testdata/example-digest-extracted.txt")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			kept = append(kept, l)
		}
	}
	p := az(t)
	r, err := textfmt.Parse([]byte(strings.Join(kept, "\n")), p)
	if err != nil {
		t.Fatal(err)
	}
	fs := Check(r.Digest, p, r.Lines)
	if len(fs) != 1 || fs[0].Rule != CitationDateInvalid || fs[0].Section != 3 || fs[0].Item != 3 {
		t.Errorf("findings %v; want the one mistyped date in item 3.3", fs)
	}
	if b := r.Digest.Sections[2].Items[2].Blocks; len(b) != 2 || b[1].Citations[0].Outlet != "REPORT.AZ" {
		t.Errorf("item 3.3 read as %d blocks: %#v", len(b), b)
	}
}

// TestWithoutProfileOrLines: JSON input has no lines, and a digest may be
// checked without a profile; the rules that need neither still fire.
func TestWithoutProfileOrLines(t *testing.T) {
	r, err := textfmt.Parse([]byte(doc(strings.Replace(good, "APA / 16.11.2026", "APN / 16.11.20266", 1))), nil)
	if err != nil {
		t.Fatal(err)
	}
	fs := Check(r.Digest, nil, nil)
	if len(fs) != 1 || fs[0].Rule != CitationDateInvalid || fs[0].Line != 0 || fs[0].Section != 1 || fs[0].Item != 1 {
		t.Errorf("findings %v", fs)
	}
}

func TestGeneratedDigestsAreClean(t *testing.T) {
	p := az(t)
	for seed := range uint64(50) {
		r := rand.New(rand.NewPCG(seed, 3))
		d := digesttest.Digest(r, digesttest.Options{Items: 25})
		if fs := Check(d, p, nil); len(fs) != 0 {
			// Generated items are distinct stories; the only findings
			// allowed are true duplicates of the generator's templates.
			for _, f := range fs {
				if f.Rule != DuplicateItem {
					t.Errorf("seed %d: %v", seed, f)
				}
			}
		}
	}
}

// BenchmarkParseLintFormat is the figure: parse, lint and write the
// canonical text of a generated 500-item digest.
func BenchmarkParseLintFormat(b *testing.B) {
	p := az(b)
	r := rand.New(rand.NewPCG(1, 1))
	text := textfmt.Format(digesttest.Digest(r, digesttest.Options{Items: 500, InvalidDates: 0.01}))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := textfmt.Parse(text, p)
		if err != nil {
			b.Fatal(err)
		}
		Check(res.Digest, p, res.Lines)
		textfmt.Format(res.Digest)
	}
}
