package glossary

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"shuho/internal/digest"
)

// TestHolder names an office from its holder on a day: the seed's office
// table with its dates, a person's bare title where the table has none,
// and nobody for a day before anyone the glossary knows.
func TestHolder(t *testing.T) {
	ts, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g := New(ts, style)
	tests := []struct{ title, country, posted, day, want string }{
		{"Foreign Minister", "AZ", "", "2026-11-15", "Jeyhun Bayramov"},
		{"FM", "AZ", "", "", "Jeyhun Bayramov"}, // a title's variant, today
		{"Foreign Minister", "GB", "", "2025-01-10", "David Lammy"},
		{"Foreign Minister", "GB", "", "2025-10-01", "Yvette Cooper"},
		{"Foreign Minister", "GB", "", "", "Yvette Cooper"},
		{"Prime Minister", "HU", "", "2026-01-01", "Viktor Orban"}, // the seed's own spelling of him
		{"Prime Minister", "HU", "", "2026-06-01", "Peter Magyar"},
		{"Prime Minister", "CN", "", "2022-05-01", "Li Keqiang"},
		{"President", "CN", "", "2026-03-01", "Xi Jinping"},
		{"Prime Minister", "CN", "", "1990-01-01", ""},
		{"Ambassador", "GB", "AZ", "2025-01-10", "Fergus Auld"}, // no page gives him in Japanese
		{"Ambassador", "GB", "AZ", "2026-06-01", "Duncan Norman"},
	}
	for _, tt := range tests {
		got := ""
		if p := g.Holder(tt.title, tt.country, tt.posted, tt.day); p != nil {
			got = p.EN
		}
		if got != tt.want {
			t.Errorf("Holder(%s, %s, %q) = %q, want %q", tt.title, tt.country, tt.day, got, tt.want)
		}
	}
	// A holder no page gives in Japanese names his office, with JA empty
	// for the caller to write by rule, but is no term of a text; once the
	// desk writes him in Japanese he is, and holds his office still.
	if p := g.Holder("Ambassador", "GB", "AZ", "2026-06-01"); p == nil || p.JA != "" {
		t.Errorf("an unnamed holder: %+v", p)
	}
	if g.Lookup("Duncan Norman") != nil || len(g.Find("Ambassador Duncan Norman met")) != 1 {
		t.Errorf("an unnamed holder is found in a text: %v", g.Find("Ambassador Duncan Norman met"))
	}
	desk := New(append(ts, digest.Term{Kind: digest.Person, EN: "Duncan Norman", JA: "ダンカン・ノーマン", Short: "ノーマン", Country: "GB"}), style)
	if p := desk.Holder("Ambassador", "GB", "AZ", "2026-06-01"); p == nil || p.Short != "ノーマン" || desk.Lookup("Duncan Norman") == nil {
		t.Errorf("the desk's Japanese form of an unnamed holder: %+v", p)
	}
	// A bare title stands for its office only where the table has no
	// dated holder of it.
	own := New([]digest.Term{
		{Kind: digest.Person, EN: "A Mayor", JA: "エー", Short: "エー", Country: "AZ", Title: "Mayor"},
		{Kind: digest.Person, EN: "B Governor", JA: "ビー", Short: "ビー", Country: "AZ", Title: "Governor"},
		{Kind: digest.Person, EN: "C Governor", JA: "シー", Short: "シー", Offices: []digest.Office{{Title: "Governor", Country: "AZ", From: "2010-01-01", To: "2020-01-01"}}},
		{Kind: digest.Person, EN: "D Speaker", JA: "ディー", Short: "ディー", Offices: []digest.Office{{Title: "Speaker", Country: "AZ", From: "2010-01", To: "2020-05"}}},
	}, style)
	// A term that ended in a month known only to the month still holds
	// on the days of that month, and not after.
	if p := own.Holder("Speaker", "AZ", "", "2020-05-20"); p == nil || p.EN != "D Speaker" {
		t.Errorf("a month-precise end: %v", p)
	}
	if p := own.Holder("Speaker", "AZ", "", "2020-06-01"); p != nil {
		t.Errorf("after a month-precise end: %v", p.EN)
	}
	if p := own.Holder("Mayor", "AZ", "", "2025-01-01"); p == nil || p.EN != "A Mayor" {
		t.Errorf("a bare title: %v", p)
	}
	if p := own.Holder("Governor", "AZ", "", "2025-01-01"); p != nil {
		t.Errorf("a bare title where the table knows the holders: %v", p.EN)
	}
	if p := own.Holder("Governor", "AZ", "", "2015-01-01"); p == nil || p.EN != "C Governor" {
		t.Errorf("a dated holder: %v", p)
	}
	// China's head of state is 国家主席, not 大統領; Azerbaijan's is 大統領.
	pres := g.Lookup("President")
	if pres == nil || TitleJA(pres, "CN") != "国家主席" || TitleJA(pres, "AZ") != "大統領" {
		t.Errorf("President of CN / AZ: %q / %q", TitleJA(pres, "CN"), TitleJA(pres, "AZ"))
	}
	if p := g.Lookup("Ilham Aliyev"); p == nil || Stale(p, "2026-12-01") || !Stale(&digest.Term{CheckBy: "2026-01-31"}, "2026-02-01") {
		t.Errorf("check-by days misread")
	}
}

// TestOfficesCheckedAndKept: bad dates are refused with the term named,
// and offices, check-by days and a title's country forms go through the
// CSV form unchanged.
func TestOfficesCheckedAndKept(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`[{"kind":"person","en":"A B","ja":"エー","offices":[{"title":"Foreign Minister","from":"2024-13-01"}]}]`, "A B: office Foreign Minister: dates"},
		{`[{"kind":"person","en":"A B","ja":"エー","offices":[{"title":"Foreign Minister","from":"2024-05-01","to":"2023-01-01"}]}]`, "ends (2023-01-01) before it begins"},
		{`[{"kind":"person","en":"A B","ja":"エー","check_by":"soon"}]`, "check_by \"soon\""},
		{`[{"kind":"place","en":"Baku","ja":"バクー","offices":[{"title":"Mayor"}]}]`, "only a person holds offices"},
	} {
		if _, err := ParseJSON([]byte(tt.in)); err == nil || !errors.Is(err, digest.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseJSON(%s): %v, want %q", tt.in, err, tt.want)
		}
	}
	in := []digest.Term{
		{Kind: digest.Person, EN: "Hakan Fidan", JA: "ハーカン・フィダン", Short: "フィダン", Country: "TR", Title: "Foreign Minister", CheckBy: "2027-06-30", Ref: "https://www.mofa.go.jp/",
			Offices: []digest.Office{{Title: "Foreign Minister", Country: "TR", From: "2023-06-03"}, {Title: "Ambassador", Country: "TR", PostedTo: "JP", From: "2001-01", To: "2003-02"}}},
		{Kind: digest.Title, EN: "President", JA: "大統領", TitleBy: map[string]string{"CN": "国家主席"}},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, in); err != nil {
		t.Fatal(err)
	}
	out, err := ParseCSV(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || len(out[0].Offices) != 2 || out[0].Offices[1] != in[0].Offices[1] || out[0].CheckBy != "2027-06-30" || out[0].Ref != in[0].Ref || out[1].TitleBy["CN"] != "国家主席" {
		t.Errorf("CSV round trip: %+v", out)
	}
}

// FuzzParseTerms: the JSON and CSV forms never panic on any input, and
// what one reads goes through the CSV form unchanged, offices and a
// title's country forms included.
func FuzzParseTerms(f *testing.F) {
	f.Add(`[{"kind":"person","en":"Hakan Fidan","ja":"ハーカン・フィダン","offices":[{"title":"Foreign Minister","country":"TR","from":"2023-06-03"}],"check_by":"2027-06-30"}]`,
		"kind,en,ja,offices,title_by\ntitle,President,大統領,,CN=国家主席|KP=国務委員長\nperson,A B,エー,Foreign Minister;AZ;;2020-07;\n")
	f.Add(`[]`, "kind,en,ja\n")
	f.Fuzz(func(t *testing.T, js, csv string) {
		for _, in := range []func() ([]digest.Term, error){
			func() ([]digest.Term, error) { return ParseJSON([]byte(js)) },
			func() ([]digest.Term, error) { return ParseCSV(strings.NewReader(csv)) },
		} {
			terms, err := in()
			if err != nil {
				continue
			}
			var b bytes.Buffer
			if err := WriteCSV(&b, terms); err != nil {
				t.Fatal(err)
			}
			back, err := ParseCSV(&b)
			if err != nil {
				t.Fatalf("the CSV form of %+v does not read back: %v", terms, err)
			}
			if len(back) != len(terms) {
				t.Fatalf("%d terms read back as %d", len(terms), len(back))
			}
			for i := range terms {
				if FormatOffices(terms[i].Offices) != FormatOffices(back[i].Offices) || strings.Join(FormatTitleBy(terms[i].TitleBy), "|") != strings.Join(FormatTitleBy(back[i].TitleBy), "|") ||
					terms[i].CheckBy != back[i].CheckBy || terms[i].Ref != back[i].Ref {
					t.Fatalf("term %d changed through the CSV form: %+v → %+v", i, terms[i], back[i])
				}
			}
		}
	})
}
