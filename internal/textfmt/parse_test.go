package textfmt

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
)

// profile is the default profile's sections, enough for the parser to name
// section keys; the full profile is the profile package's business.
func profile() *digest.Profile {
	return &digest.Profile{Key: "az", Sections: []digest.ProfileSection{
		{Key: "security", Title: "軍事・治安関係"},
		{Key: "domestic", Title: "内政関連", TitleEN: "Domestic politics"},
		{Key: "foreign", Title: "外政関連", Aliases: []string{"外交関係"}},
	}, Outlets: []digest.Outlet{{Label: "TURAN"}, {Label: "APA"}, {Label: "OC-MEDIA"}}}
}

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t testing.TB, data []byte) *Result {
	t.Helper()
	r, err := Parse(data, profile())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return r
}

// canonical returns d with every valid citation date written as the writer
// writes it, which is what a digest read back from canonical text holds.
func canonical(d *digest.Digest) *digest.Digest {
	c := *d
	c.Sections = slices.Clone(d.Sections)
	for i := range c.Sections {
		s := &c.Sections[i]
		s.Items = slices.Clone(s.Items)
		for j := range s.Items {
			it := &s.Items[j]
			it.Blocks = slices.Clone(it.Blocks)
			for k := range it.Blocks {
				b := &it.Blocks[k]
				b.Citations = slices.Clone(b.Citations)
				for n := range b.Citations {
					if b.Citations[n].Valid() {
						b.Citations[n].DateText = digest.CitationDate(b.Citations[n].Date)
					}
				}
			}
		}
	}
	return &c
}

// diff describes the first difference between two digests, or "".
func diff(a, b *digest.Digest) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	if a.Title != b.Title || a.Subtitle != b.Subtitle || a.Issuer != b.Issuer || a.Period != b.Period || a.Profile != b.Profile {
		return fmt.Sprintf("head: %q %q %q %v %q\n  vs: %q %q %q %v %q", a.Title, a.Subtitle, a.Issuer, a.Period, a.Profile, b.Title, b.Subtitle, b.Issuer, b.Period, b.Profile)
	}
	if len(a.Sections) != len(b.Sections) {
		return fmt.Sprintf("%d sections vs %d", len(a.Sections), len(b.Sections))
	}
	for i := range a.Sections {
		sa, sb := a.Sections[i], b.Sections[i]
		if sa.Number != sb.Number || sa.Key != sb.Key || sa.Title != sb.Title || len(sa.Items) != len(sb.Items) {
			return fmt.Sprintf("section %d: %d %q %q (%d items) vs %d %q %q (%d items)", i+1, sa.Number, sa.Key, sa.Title, len(sa.Items), sb.Number, sb.Key, sb.Title, len(sb.Items))
		}
		for j := range sa.Items {
			if !reflect.DeepEqual(sa.Items[j], sb.Items[j]) {
				return fmt.Sprintf("item %d.%d:\n  %#v\nvs\n  %#v", i+1, j+1, sa.Items[j], sb.Items[j])
			}
		}
	}
	return "differ"
}

func TestCanonicalExampleRoundTrip(t *testing.T) {
	want := read(t, "example-digest.txt")
	r := mustParse(t, want)
	if got := Format(r.Digest); !bytes.Equal(got, want) {
		t.Errorf("Format(Parse(example-digest.txt)) differs from the file:\n%s", got)
	}
	if len(r.Repairs) != 0 {
		t.Errorf("the canonical example needed repairs: %v", r.Repairs)
	}
}

func TestExampleModel(t *testing.T) {
	d := mustParse(t, read(t, "example-digest.txt")).Digest
	if d.Title != "アゼルバイジャン政治・治安情報" || d.Subtitle != "(公開情報とりまとめ)" || d.Issuer != "在アゼルバイジャン大使館" {
		t.Errorf("head = %q %q %q", d.Title, d.Subtitle, d.Issuer)
	}
	if want := (digest.Period{From: digest.NewDate(2026, 11, 14), To: digest.NewDate(2026, 11, 20)}); d.Period != want {
		t.Errorf("period = %v, want %v", d.Period, want)
	}
	var keys []string
	var items []int
	for _, s := range d.Sections {
		keys = append(keys, s.Key)
		items = append(items, len(s.Items))
	}
	if !slices.Equal(keys, []string{"security", "domestic", "foreign"}) || !slices.Equal(items, []int{2, 2, 3}) {
		t.Errorf("sections %v with items %v", keys, items)
	}
	it := d.Sections[0].Items[1]
	if !it.Emphasis || it.HeadlineJA != "ギャンジャ市内で不審物発見、周辺住民が一時避難" {
		t.Errorf("emphasised item: %v %q", it.Emphasis, it.HeadlineJA)
	}
	if len(it.Blocks) != 2 || it.Blocks[1].Kind != digest.Note || !strings.HasPrefix(it.Blocks[1].Text, "According to") ||
		it.Blocks[1].Citations[0] != (digest.Citation{Outlet: "TURAN", DateText: "19.11.2026", Date: digest.NewDate(2026, 11, 19)}) {
		t.Errorf("note block: %#v", it.Blocks)
	}
	list := d.Sections[2].Items[0].Blocks[1]
	if list.Kind != digest.List || len(list.Entries) != 3 || list.Text != "" ||
		list.Entries[2] != "President of the International Committee of the Red Cross." ||
		!strings.HasPrefix(list.Entries[0], "UN High Commissioner for Refugees: *The sides") ||
		len(list.Citations) != 1 || list.Citations[0].Outlet != "TREND" {
		t.Errorf("list block: %#v", list)
	}
	first := d.Sections[0].Items[0]
	if len(first.Blocks) != 2 || first.Blocks[0].Citations != nil || first.Blocks[1].Citations[0].Outlet != "APA" {
		t.Errorf("first item's blocks: %#v", first.Blocks)
	}
}

func TestExtractedExampleRepairs(t *testing.T) {
	clean := mustParse(t, read(t, "example-digest.txt")).Digest
	r := mustParse(t, read(t, "example-digest-extracted.txt"))
	// The extracted copy differs in one mistyped citation date, which is kept
	// as written and marked invalid.
	want := canonical(clean)
	c := &want.Sections[2].Items[2].Blocks[0].Citations[0]
	c.DateText, c.Date = "20.11.20266", digest.Date{}
	if d := diff(r.Digest, want); d != "" {
		t.Errorf("extracted example: %s", d)
	}
	kinds := map[string]bool{}
	for _, rp := range r.Repairs {
		kinds[rp.Kind] = true
	}
	for _, k := range []string{RepairBOM, RepairLineEnds, RepairTrailing, RepairPageNumber, RepairPageBreak, RepairHeadlinePair, RepairCitation} {
		if !kinds[k] {
			t.Errorf("no %s repair reported; got %v", k, r.Repairs)
		}
	}
	if got := r.Lines.Block(2, 2, 0).Last; got != 70 {
		t.Errorf("line of the mistyped citation = %d, want 70", got)
	}
}

// head and tail wrap an item body into a whole digest.
const head = "アゼルバイジャン政治・治安情報\n\n(公開情報とりまとめ)\n\n2026年11月14日～11月20日\n\n在アゼルバイジャン大使館\n\n1. 軍事・治安関係\n\n"
const tail = "\n\n*****END*****\n"

func doc(body string) string { return head + body + tail }

const item = "● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister meets Turkish counterpart\n\n"

// repairCase is damaged digest text, the clean text it means, and the repair
// that reading it must report.
type repairCase struct {
	name          string
	damaged, want string
	repair        string
}

func TestRepairs(t *testing.T) {
	for _, tt := range repairCases() {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, []byte(tt.damaged))
			want := mustParse(t, []byte(tt.want))
			if d := diff(got.Digest, canonical(want.Digest)); d != "" {
				t.Errorf("repaired digest differs: %s\ngot text:\n%s", d, Format(got.Digest))
			}
			if !hasRepair(got.Repairs, tt.repair) {
				t.Errorf("no %s repair reported; got %v", tt.repair, got.Repairs)
			}
			if hasRepair(want.Repairs, tt.repair) {
				t.Errorf("the clean text also reports %s: %v", tt.repair, want.Repairs)
			}
			assertRoundTrip(t, got)
			assertNothingLost(t, []byte(tt.damaged), got)
		})
	}
}

// assertRoundTrip checks that the canonical text of r reads back as r's
// digest and writes again the same bytes.
func assertRoundTrip(t testing.TB, r *Result) {
	t.Helper()
	text := Format(r.Digest)
	back, err := Parse(text, profile())
	if err != nil {
		t.Fatalf("canonical output does not parse: %v\n%s", err, text)
	}
	if d := diff(back.Digest, canonical(r.Digest)); d != "" {
		t.Fatalf("round trip: %s\n%s", d, text)
	}
	if again := Format(back.Digest); !bytes.Equal(again, text) {
		t.Fatalf("canonical output is not idempotent:\n%s\n---\n%s", text, again)
	}
	if len(back.Repairs) != 0 {
		t.Fatalf("canonical output needed repairs: %v", back.Repairs)
	}
}

func repairCases() []repairCase {
	tests := []repairCase{
		{"page break with page number, lower case",
			doc(item + "Revenues are projected at 35.1 billion manats and\n\n- 2 -\n\nexpenditures at 38.4 billion. (APA / 16.11.2026)"),
			doc(item + "Revenues are projected at 35.1 billion manats and expenditures at 38.4 billion. (APA / 16.11.2026)"),
			RepairPageBreak},
		{"page break without page number, lower case",
			doc(item + "The defendants rejected the charges   \n\nas politically motivated. (APA / 16.11.2026)"),
			doc(item + "The defendants rejected the charges as politically motivated. (APA / 16.11.2026)"),
			RepairPageBreak},
		{"page break with page number, upper case after an unfinished sentence",
			doc(item + "He held talks with\n\n- 3/5 -\n\nTurkish Minister Yasar Guler. (APA / 16.11.2026)"),
			doc(item + "He held talks with Turkish Minister Yasar Guler. (APA / 16.11.2026)"),
			RepairPageBreak},
		{"page break inside a list entry",
			doc(item + "He met:\n\n- the UN High Commissioner for\n\n- 4 -\n\nRefugees. (APA / 16.11.2026)"),
			doc(item + "He met:\n\n- the UN High Commissioner for Refugees. (APA / 16.11.2026)"),
			RepairPageBreak},
		{"citation left alone by a page break",
			doc(item + "The ministers met in Ankara.\n\n2\n\n(APA / 16.11.2026)"),
			doc(item + "The ministers met in Ankara. (APA / 16.11.2026)"),
			RepairPageBreak},
		{"page number with no blank lines",
			doc(item + "The budget grew by ten\n- 2 -\npercent. (APA / 16.11.2026)"),
			doc(item + "The budget grew by ten percent. (APA / 16.11.2026)"),
			RepairPageNumber},
		{"page numbers between blocks",
			doc(item + "First. (APA / 16.11.2026)\n\n- 2 -\n\n● 見出し\n\nHeadline\n\nSecond. (APA / 16.11.2026)\n\n2\n\nPage 3 of 9\n\n２"),
			doc(item + "First. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nSecond. (APA / 16.11.2026)"),
			RepairPageNumber},
		{"form feed page break",
			doc(item + "The budget grew by ten\n\n\fPercent and more. (APA / 16.11.2026)"),
			doc(item + "The budget grew by ten Percent and more. (APA / 16.11.2026)"),
			RepairPageBreak},
		{"CRLF line ends",
			strings.ReplaceAll(doc(item+"Text. (APA / 16.11.2026)"), "\n", "\r\n"),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairLineEnds},
		{"CR line ends",
			strings.ReplaceAll(doc(item+"Text. (APA / 16.11.2026)"), "\n", "\r"),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairLineEnds},
		{"byte order mark",
			"\uFEFF" + doc(item+"Text. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairBOM},
		{"UTF-16 text from Word",
			utf16le(doc(item + "Text. (APA / 16.11.2026)")),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairUTF16},
		{"trailing spaces and tabs",
			doc(item+"Text. (APA / 16.11.2026)  \t") + "   \n",
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairTrailing},
		{"full-width citation and digits",
			doc(item + "Text. （ＡＺＥＲＴＡＧ／１５．１１．２０２６）"),
			doc(item + "Text. (AZERTAG / 15.11.2026)"),
			RepairCitation},
		{"headline pair without a blank line",
			doc("● ハサノフ国防相、トルコ国防相と会談\nDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairHeadlinePair},
		{"Japanese headline wrapped onto a second line",
			doc("● ハサノフ国防相、トルコ\n国防相と会談\n\nDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairLineJoined},
		{"English headline wrapped onto a second line",
			doc("● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister meets\nhis Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc("● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister meets his Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			RepairLineJoined},
		{"paragraph wrapped over lines",
			doc(item + "On November 16, the ministers\nreviewed the plan\nfor 2026. (APA /\n16.11.2026)"),
			doc(item + "On November 16, the ministers reviewed the plan for 2026. (APA / 16.11.2026)"),
			RepairLineJoined},
		{"emphasis on the English headline",
			doc("● ハサノフ国防相、トルコ国防相と会談\n\n**Defense Minister meets Turkish counterpart**\n\nText. (APA / 16.11.2026)"),
			doc("● **ハサノフ国防相、トルコ国防相と会談**\n\nDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			RepairEmphasis},
		{"note marker in another case and a full-width colon",
			doc(item + "Text. (APA / 16.11.2026)\n\nNote：Background. (TURAN / 17.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)\n\nNOTE: Background. (TURAN / 17.11.2026)"),
			RepairMarker},
		{"bullets from Word",
			doc(item + "He met:\n\n• the minister;\n• the speaker. (APA / 16.11.2026)"),
			doc(item + "He met:\n\n- the minister;\n- the speaker. (APA / 16.11.2026)"),
			RepairMarker},
		{"missing end marker",
			strings.TrimSuffix(doc(item+"Text. (APA / 16.11.2026)"), tail),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairEndMarker},
		{"running header repeated on a new page",
			doc(item + "Text. (APA / 16.11.2026)\n\n- 2 -\n\nアゼルバイジャン政治・治安情報\n\n● 見出し\n\nHeadline\n\nMore. (APA / 17.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nMore. (APA / 17.11.2026)"),
			RepairRunningHead},
		{"period with weekdays and full-width digits",
			strings.Replace(doc(item+"Text. (APA / 16.11.2026)"), "2026年11月14日～11月20日", "２０２６年１１月１４日（土）〜２０日（金曜日）", 1),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairPeriod},
		{"period in the Reiwa era",
			strings.Replace(doc(item+"Text. (APA / 16.11.2026)"), "2026年11月14日～11月20日", "令和8年11月14日~11月20日", 1),
			doc(item + "Text. (APA / 16.11.2026)"),
			RepairPeriod},
	}
	// Found in review: the forms other desks, years and word processors
	// give a digest.
	second := "\n\n2. 内政関連\n\n● 見出し\n\nHeadline\n\nMore. (APA / 17.11.2026)"
	first := doc(item + "Text. (APA / 16.11.2026)" + second)
	for _, form := range []string{"（2）内政関連", "(2) 内政関連", "2) 内政関連", "２．内政関連", "II. 内政関連", "Ⅱ．内政関連", "2 内政関連", "【内政関連】"} {
		tests = append(tests, repairCase{"section line " + form, strings.Replace(first, "2. 内政関連", form, 1), first, RepairMarker})
	}
	for _, bullet := range []string{"•\t", "•", "・", "\uF0B7 ", "◦ ", "▪ ", "–\t", "-\t"} {
		tests = append(tests, repairCase{"bullet " + bullet,
			doc(item + "He met:\n\n" + bullet + "the minister;\n" + bullet + "the speaker. (APA / 16.11.2026)"),
			doc(item + "He met:\n\n- the minister;\n- the speaker. (APA / 16.11.2026)"),
			RepairMarker})
	}
	more := []repairCase{
		{"headline marked ◆",
			doc("◆ ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"), RepairMarker},
		{"zero-width space before a headline and in a citation",
			doc("\u200B● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)\u200B"),
			doc(item + "Text. (APA / 16.11.2026)"), RepairInvisible},
		{"issuer as a running foot inside a paragraph",
			doc(item + "Revenues are projected at 35.1 billion manats and\n\f在アゼルバイジャン大使館\n\nexpenditures at 38.4 billion. (APA / 16.11.2026)"),
			doc(item + "Revenues are projected at 35.1 billion manats and expenditures at 38.4 billion. (APA / 16.11.2026)"), RepairRunningHead},
		{"running foot with a page number",
			doc(item + "Revenues are projected at 35.1 billion manats and\n\n- 3 -  在アゼルバイジャン大使館\n\nexpenditures at 38.4 billion. (APA / 16.11.2026)"),
			doc(item + "Revenues are projected at 35.1 billion manats and expenditures at 38.4 billion. (APA / 16.11.2026)"), RepairRunningHead},
		{"a marking on every page",
			doc(item + "One. (APA / 16.11.2026)\n\n取扱注意\n- 2 -\n\n● 見出し\n\nHeadline\n\nTwo and\n\n取扱注意\n- 3 -\n\nthree. (APA / 17.11.2026)\n\n取扱注意\n- 4 -"),
			doc(item + "One. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nTwo and three. (APA / 17.11.2026)"), RepairRunningHead},
		{"handling mark above the title",
			"秘\n\n" + doc(item+"Text. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"), RepairMark},
		{"Japanese headline cut by a page break",
			doc("● ハサノフ国防相、トルコ\n\f- 2 -\n国防相と会談\n\nDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"), RepairPageBreak},
		{"English headline wrapped after a word that cannot end it",
			doc("● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister holds talks with\nTurkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc("● ハサノフ国防相、トルコ国防相と会談\n\nDefense Minister holds talks with Turkish counterpart\n\nText. (APA / 16.11.2026)"), RepairLineJoined},
		{"a paragraph after a list across a page break stays a paragraph",
			doc(item + "He met:\n\n- UN High Commissioner for Refugees\n- President of the ICRC\n\f- 4 -\n\nThe sides also discussed demining. (TREND / 19.11.2026)"),
			doc(item + "He met:\n\n- UN High Commissioner for Refugees\n- President of the ICRC\n\nThe sides also discussed demining. (TREND / 19.11.2026)"), RepairPageNumber},
		{"a hyphen at the end of a line",
			doc(item + "President Kassym-\nJomart Tokayev said so. (APA / 16.11.2026)"),
			doc(item + "President Kassym-Jomart Tokayev said so. (APA / 16.11.2026)"), RepairLineJoined},
		{"a sentence wrapped before a dash",
			doc(item + "The Baku\n- Tbilisi - Kars railway reopened. (APA / 16.11.2026)"),
			doc(item + "The Baku - Tbilisi - Kars railway reopened. (APA / 16.11.2026)"), RepairLineJoined},
		{"period with slashes",
			strings.Replace(doc(item+"Text. (APA / 16.11.2026)"), "2026年11月14日～11月20日", "2026/11/14～11/20", 1),
			doc(item + "Text. (APA / 16.11.2026)"), RepairPeriod},
		{"period with から and まで",
			strings.Replace(doc(item+"Text. (APA / 16.11.2026)"), "2026年11月14日～11月20日", "2026年11月14日から11月20日まで", 1),
			doc(item + "Text. (APA / 16.11.2026)"), RepairPeriod},
		{"a full stop after the citation",
			doc(item + "Text. (APA / 16.11.2026)."), doc(item + "Text. (APA / 16.11.2026)"), RepairCitation},
		{"an outlet in lower case",
			doc(item + "Text. (Turan / 16.11.2026)"), doc(item + "Text. (TURAN / 16.11.2026)"), RepairCitation},
		{"a comma between outlet and date",
			doc(item + "Text. (APA, 16.11.2026)"), doc(item + "Text. (APA / 16.11.2026)"), RepairCitation},
		{"a dash between outlet and date",
			doc(item + "Text. (OC-MEDIA - 16.11.2026)"), doc(item + "Text. (OC-MEDIA / 16.11.2026)"), RepairCitation},
		{"two groups of citations",
			doc(item + "Text. (APA / 16.11.2026) (TREND / 16.11.2026)"), doc(item + "Text. (APA / 16.11.2026; TREND / 16.11.2026)"), RepairCitation},
		{"a Japanese note marker",
			doc(item + "Text. (APA / 16.11.2026)\n\n（注）Background. (TURAN / 17.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)\n\nNOTE: Background. (TURAN / 17.11.2026)"), RepairMarker},
	}
	more = append(more,
		repairCase{"a citation wrapped over lines closes its block",
			doc(item + "The sides discussed cooperation. (APA /\n20.11.2026)\nDeputy Minister Mammadov noted it. (REPORT.AZ / 20.11.2026)"),
			doc(item + "The sides discussed cooperation. (APA / 20.11.2026)\n\nDeputy Minister Mammadov noted it. (REPORT.AZ / 20.11.2026)"), RepairBlockSplit},
		repairCase{"a form feed alone on its line",
			doc(item + "He met with\n\f\nPresident Aliyev in Baku. (APA / 20.11.2026)"),
			doc(item + "He met with President Aliyev in Baku. (APA / 20.11.2026)"), RepairPageBreak},
		repairCase{"a bold note marker",
			doc(item + "Text. (APA / 16.11.2026)\n\n**NOTE:** Background. (TURAN / 17.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)\n\nNOTE: Background. (TURAN / 17.11.2026)"), RepairMarker},
		repairCase{"spaces between Japanese and digits in a headline",
			doc("● 国会、2027 年国家予算案を可決、記者 2 名\n\nParliament passes budget\n\nText. (APA / 16.11.2026)"),
			doc("● 国会、2027年国家予算案を可決、記者2名\n\nParliament passes budget\n\nText. (APA / 16.11.2026)"), RepairLineJoined},
		repairCase{"a running foot on every page",
			doc(item + "First part of the text\nEmbassy of Japan in Azerbaijan\n- 2 -\ncontinues here. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nMore text\nEmbassy of Japan in Azerbaijan\n- 3 -\nand more. (APA / 17.11.2026)\n\nEmbassy of Japan in Azerbaijan\n- 4 -"),
			doc(item + "First part of the text continues here. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nMore text and more. (APA / 17.11.2026)"), RepairRunningHead},
		repairCase{"a list cut by a page number",
			doc(item + "He met:\n\n- A;\n\n- 2 -\n\n- B;\n- C. (TREND / 19.11.2026)"),
			doc(item + "He met:\n\n- A;\n- B;\n- C. (TREND / 19.11.2026)"), RepairPageBreak},
		repairCase{"a section line marked ■",
			strings.Replace(first, "2. 内政関連", "■ 内政関連", 1), first, RepairMarker},
		repairCase{"a Japanese headline wrapped before a middle dot",
			doc("● アリエフ大統領、トカエフ\n・カザフスタン大統領と電話会談\n\nPresident Aliyev holds phone call with President of Kazakhstan\n\nText. (APA / 16.11.2026)"),
			doc("● アリエフ大統領、トカエフ・カザフスタン大統領と電話会談\n\nPresident Aliyev holds phone call with President of Kazakhstan\n\nText. (APA / 16.11.2026)"), RepairLineJoined},
		repairCase{"a Japanese headline wrapped before Latin letters and digits",
			doc("● 国会、\n2027年予算案を可決、\nCOP29の成果も\n\nParliament passes budget\n\nText. (APA / 16.11.2026)"),
			doc("● 国会、2027年予算案を可決、COP29の成果も\n\nParliament passes budget\n\nText. (APA / 16.11.2026)"), RepairLineJoined},
		repairCase{"a hyphen before digits at the end of a line",
			doc(item + "The COVID-\n19 measures of 2020-\n2021 ended. (APA / 16.11.2026)"),
			doc(item + "The COVID-19 measures of 2020-2021 ended. (APA / 16.11.2026)"), RepairLineJoined},
		repairCase{"Word's manual line break",
			doc("● ハサノフ国防相、トルコ国防相と会談\vDefense Minister meets Turkish counterpart\n\nText. (APA / 16.11.2026)"),
			doc(item + "Text. (APA / 16.11.2026)"), RepairHeadlinePair},
		repairCase{"paragraphs of a Word copy without blank lines",
			doc(item + "First paragraph. (APA / 16.11.2026)\nSecond paragraph. (TREND / 16.11.2026)"),
			doc(item + "First paragraph. (APA / 16.11.2026)\n\nSecond paragraph. (TREND / 16.11.2026)"), RepairBlockSplit},
	)
	return append(tests, more...)
}

// TestNotMisread: text that looks like damage or structure but is content
// reads as the clean text it is.
func TestNotMisread(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a year in parentheses at a line end",
			doc(item + "The loan of US$ 1.5 bn (EU / 2025)\nand the meeting was held in Baku. (TREND / 17.11.2026)"),
			doc(item + "The loan of US$ 1.5 bn (EU / 2025) and the meeting was held in Baku. (TREND / 17.11.2026)")},
		{"citations inside a sentence at line ends",
			doc(item + "According to the ministry (APA / 16.11.2026)\nthe exercises involved 5,000 troops. (TREND / 17.11.2026)"),
			doc(item + "According to the ministry (APA / 16.11.2026) the exercises involved 5,000 troops. (TREND / 17.11.2026)")},
		{"a list after a lead-in without a colon",
			doc(item + "On the sidelines he held meetings with\n- UN High Commissioner for Refugees\n- President of the ICRC. (TREND / 19.11.2026)"),
			doc(item + "On the sidelines he held meetings with\n\n- UN High Commissioner for Refugees\n- President of the ICRC. (TREND / 19.11.2026)")},
		{"short capitalised paragraphs in several items",
			doc(item + "UPDATE\n\nText. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nUPDATE\n\nMore. (APA / 17.11.2026)\n\n● 見出し2\n\nHeadline 2\n\nUPDATE\n\nLast. (APA / 18.11.2026)"),
			doc(item + "UPDATE\n\nText. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\nUPDATE\n\nMore. (APA / 17.11.2026)\n\n● 見出し2\n\nHeadline 2\n\nUPDATE\n\nLast. (APA / 18.11.2026)")},
		{"a number after a wrapped headline",
			doc("● 物価、前年比\n3.5%増\n\nPrices up 3.5 percent\n\nText. (APA / 16.11.2026)"),
			doc("● 物価、前年比3.5%増\n\nPrices up 3.5 percent\n\nText. (APA / 16.11.2026)")},
		{"an italic quotation before a page break",
			doc(item + "He told reporters: *We will not allow any provocation*\n\n- 2 -\n\nThe Defense Ministry later confirmed it. (APA / 16.11.2026)"),
			doc(item + "He told reporters: *We will not allow any provocation*\n\nThe Defense Ministry later confirmed it. (APA / 16.11.2026)")},
		{"an unknown name before a dash and a date",
			doc(item + "Text (COP29 - 11.11.2026). (APA / 16.11.2026)"),
			doc(item + "Text (COP29 - 11.11.2026). (APA / 16.11.2026)")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, []byte(tt.in))
			want := mustParse(t, []byte(tt.want))
			if d := diff(got.Digest, want.Digest); d != "" {
				t.Errorf("read as: %s", d)
			}
			assertRoundTrip(t, got)
		})
	}
}

func hasRepair(rs []digest.Repair, kind string) bool {
	for _, r := range rs {
		if r.Kind == kind {
			return true
		}
	}
	return false
}

func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

func TestCitations(t *testing.T) {
	tests := []struct {
		in       string
		text     string
		want     []digest.Citation
		rendered string
	}{
		{"Text. (APA / 16.11.2026)", "Text.", []digest.Citation{{Outlet: "APA", DateText: "16.11.2026", Date: digest.NewDate(2026, 11, 16)}}, "Text. (APA / 16.11.2026)"},
		{"Text. (APA/6.5.2026)", "Text.", []digest.Citation{{Outlet: "APA", DateText: "6.5.2026", Date: digest.NewDate(2026, 5, 6)}}, "Text. (APA / 06.05.2026)"},
		{"Text. (TREND / 26.05.2026; APA / 26.05.2026)", "Text.", []digest.Citation{
			{Outlet: "TREND", DateText: "26.05.2026", Date: digest.NewDate(2026, 5, 26)}, {Outlet: "APA", DateText: "26.05.2026", Date: digest.NewDate(2026, 5, 26)}},
			"Text. (TREND / 26.05.2026; APA / 26.05.2026)"},
		{"Text. (TREND / 26.05.2026, OC MEDIA  /  27.05.2026)", "Text.", []digest.Citation{
			{Outlet: "TREND", DateText: "26.05.2026", Date: digest.NewDate(2026, 5, 26)}, {Outlet: "OC MEDIA", DateText: "27.05.2026", Date: digest.NewDate(2026, 5, 27)}},
			"Text. (TREND / 26.05.2026; OC MEDIA / 27.05.2026)"},
		{"Text. (APA / 20.11.20266)", "Text.", []digest.Citation{{Outlet: "APA", DateText: "20.11.20266", Date: digest.Date{}}}, "Text. (APA / 20.11.20266)"},
		{"Text. (APA / 31.02.2026)", "Text.", []digest.Citation{{Outlet: "APA", DateText: "31.02.2026", Date: digest.Date{}}}, "Text. (APA / 31.02.2026)"},
		{"Text. (REPORT.AZ / １８.11.2026)", "Text.", []digest.Citation{{Outlet: "REPORT.AZ", DateText: "18.11.2026", Date: digest.NewDate(2026, 11, 18)}}, "Text. (REPORT.AZ / 18.11.2026)"},
		// Not citations: kept in the text.
		{"The ministry (MFA) said so.", "The ministry (MFA) said so.", nil, ""},
		{"Text (see the Annex / 2).", "Text (see the Annex / 2).", nil, ""},
		{"Text (SOCAR / annual report)", "Text (SOCAR / annual report)", nil, ""},
		{"Text (APA / 16.11.2026; see above)", "Text (APA / 16.11.2026; see above)", nil, ""},
		{"Resolution 2728 (UN / 2024)", "Resolution 2728 (UN / 2024)", nil, ""},
		{"Talks (EU-AZ / 15-16.11.2026)", "Talks (EU-AZ / 15-16.11.2026)", nil, ""},
		{"The law (No. 5, 12.03.2026)", "The law (No. 5, 12.03.2026)", nil, ""},
		{"Text (Unknown / 16.11.2026)", "Text (Unknown / 16.11.2026)", nil, ""},
		{"Text. (APA / 16/11/2026)", "Text.", []digest.Citation{{Outlet: "APA", DateText: "16/11/2026", Date: digest.NewDate(2026, 11, 16)}}, "Text. (APA / 16.11.2026)"},
		{"Text. (APA / 31.11.2026).", "Text.", []digest.Citation{{Outlet: "APA", DateText: "31.11.2026", Date: digest.Date{}}}, "Text. (APA / 31.11.2026)"},
	}
	for _, tt := range tests {
		r := mustParse(t, []byte(doc(item+tt.in)))
		b := r.Digest.Sections[0].Items[0].Blocks[0]
		if b.Text != tt.text || !reflect.DeepEqual(b.Citations, tt.want) {
			t.Errorf("%q: text %q citations %#v; want %q %#v", tt.in, b.Text, b.Citations, tt.text, tt.want)
		}
		if tt.rendered != "" {
			if out := Format(r.Digest); !bytes.Contains(out, []byte("\n"+tt.rendered+"\n")) {
				t.Errorf("%q written as:\n%s\nwant the line %q", tt.in, out, tt.rendered)
			}
		}
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		line     string
		from, to digest.Date
		written  string
	}{
		{"2026年11月14日～11月20日", digest.NewDate(2026, 11, 14), digest.NewDate(2026, 11, 20), "2026年11月14日～11月20日"},
		{"2026年11月14日～20日", digest.NewDate(2026, 11, 14), digest.NewDate(2026, 11, 20), "2026年11月14日～11月20日"},
		{"2026年11月28日〜12月4日", digest.NewDate(2026, 11, 28), digest.NewDate(2026, 12, 4), "2026年11月28日～12月4日"},
		{"2026年11月28日~4日", digest.NewDate(2026, 11, 28), digest.NewDate(2026, 12, 4), "2026年11月28日～12月4日"},
		{"2026年12月26日～2027年1月1日", digest.NewDate(2026, 12, 26), digest.NewDate(2027, 1, 1), "2026年12月26日～2027年1月1日"},
		{"2026年12月26日～1月1日", digest.NewDate(2026, 12, 26), digest.NewDate(2027, 1, 1), "2026年12月26日～2027年1月1日"},
		{"2026 年 11 月 14 日 ～ 11 月 20 日", digest.NewDate(2026, 11, 14), digest.NewDate(2026, 11, 20), "2026年11月14日～11月20日"},
		{"平成30年12月29日(土)～平成31年1月4日(金)", digest.NewDate(2018, 12, 29), digest.NewDate(2019, 1, 4), "2018年12月29日～2019年1月4日"},
		{"令和元年5月4日～5月10日", digest.NewDate(2019, 5, 4), digest.NewDate(2019, 5, 10), "2019年5月4日～5月10日"},
		// A day that does not exist is kept for lint to report.
		{"2026年2月28日～2月31日", digest.NewDate(2026, 2, 28), digest.NewDate(2026, 2, 31), "2026年2月28日～2月31日"},
		{"2026年11月20日～2026年11月14日", digest.NewDate(2026, 11, 20), digest.NewDate(2026, 11, 14), "2026年11月20日～11月14日"},
		// An end before the start is a crossing only when that makes a
		// span of a digest's length.
		{"2026年11月20日～11月14日", digest.NewDate(2026, 11, 20), digest.NewDate(2026, 11, 14), "2026年11月20日～11月14日"},
		{"2026年11月20日～14日", digest.NewDate(2026, 11, 20), digest.NewDate(2026, 11, 14), "2026年11月20日～11月14日"},
	}
	for _, tt := range tests {
		in := strings.Replace(doc(item+"Text. (APA / 16.11.2026)"), "2026年11月14日～11月20日", tt.line, 1)
		r := mustParse(t, []byte(in))
		if p := r.Digest.Period; p.From != tt.from || p.To != tt.to {
			t.Errorf("%q read as %v..%v, want %v..%v", tt.line, p.From, p.To, tt.from, tt.to)
		}
		if out := Format(r.Digest); !bytes.Contains(out, []byte("\n"+tt.written+"\n")) {
			t.Errorf("%q written as:\n%s\nwant %q", tt.line, out, tt.written)
		}
	}
}

func TestSectionsAndBlocks(t *testing.T) {
	in := head + item + "First. (APA / 16.11.2026)\n\n２．内政関連\n\n4. 外交関係\n\n" + item +
		"NOTE:\n\n-\n- entry (APA / 16.11.2026)\n\n7. Something else" + tail
	d := mustParse(t, []byte(in)).Digest
	var got []string
	for _, s := range d.Sections {
		got = append(got, fmt.Sprintf("%d %s %s %d", s.Number, s.Key, s.Title, len(s.Items)))
	}
	want := []string{"1 security 軍事・治安関係 1", "2 domestic 内政関連 0", "4 foreign 外交関係 1"}
	// An English title of the profile names its section.
	if d := mustParse(t, []byte(doc(item+"Text. (APA / 16.11.2026)\n\n2. Domestic politics"))).Digest; len(d.Sections) != 2 || d.Sections[1].Key != "domestic" {
		t.Errorf("“2. Domestic politics” read as %+v", d.Sections)
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
	// "7. Something else" is English and no title of the profile: text.
	bl := d.Sections[2].Items[0].Blocks
	if len(bl) != 3 || bl[0].Kind != digest.Note || bl[0].Text != "" || bl[1].Kind != digest.List ||
		!slices.Equal(bl[1].Entries, []string{"", "entry"}) || bl[2].Text != "7. Something else" {
		t.Errorf("blocks = %#v", bl)
	}
}

func TestErrors(t *testing.T) {
	body := doc(item + "Text. (APA / 16.11.2026)")
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"empty", "", 1, "empty"},
		{"only white space", " \n\n\t\n", 1, "empty"},
		{"binary", "abc\n\x00\x01\x02", 2, "binary"},
		{"HTML page", "\n<!DOCTYPE html>\n<html><body>x</body></html>", 2, "HTML"},
		{"HTML fragment", "<html lang=en><head>", 1, "HTML"},
		{"Word document", "PK\x03\x04\x14\x00", 1, ".docx"},
		{"PDF document", "%PDF-1.7\n", 1, "PDF"},
		{"invalid UTF-8", "タイトル\n\n2026年11月14日～\xff11月20日\n", 3, "invalid UTF-8"},
		{"Shift_JIS", "\x83\x41\x83\x5b\x83\x8b\x83\x6f\x83\x43\x83\x57\x83\x83\x83\x93\n", 1, "UTF-8"},
		{"no period", strings.Replace(body, "2026年11月14日～11月20日\n", "", 1), 8, "no period"},
		{"unreadable period", strings.Replace(body, "2026年11月14日～11月20日", "2026年11月14日～来週", 1), 5, "cannot read the period"},
		{"second period", strings.Replace(body, "在アゼルバイジャン大使館", "2026年11月21日～11月27日", 1), 7, "second period"},
		{"item outside any section", strings.Replace(body, "1. 軍事・治安関係", "", 1), 11, "item outside any section"},
		{"text before the first item", strings.Replace(body, "● ハサノフ", "Stray text.\n\n● ハサノフ", 1), 11, "before its first item"},
		{"no section", head[:strings.Index(head, "1.")], 8, "no section"},
		{"unplaceable head line", strings.Replace(body, "(公開情報とりまとめ)", "(公開情報とりまとめ)\n\nSecret\n\nMore", 1), 7, "cannot place"},
		{"title is a section line", "1. 軍事・治安関係\n\n" + body, 1, "title"},
		{"text after the end marker", body + "\nSigned,\nthe desk\n", 19, "after the end marker"},
		{"end marker before sections", "Title\n\n2026年11月14日～11月20日\n\n*****END*****\n", 5, "end marker before any section"},
		{"unrecognised section line", strings.Replace(body, "Text. (APA / 16.11.2026)", "Text. (APA / 16.11.2026)\n\n〈2〉経済", 1), 17, "the Japanese line \"〈2〉経済\" stands in the English body"},
		{"period of another form", strings.Replace(body, "2026年11月14日～11月20日", "2026年11月14日～2026年11月", 1), 5, "cannot read the period"},
		{"issue date above the title", "2026年11月21日\n\n" + body, 9, "line 1 was read as the title and line 3 as the issuer"},
		{"ambiguous join", doc(item + "Text. (APA / 16.11.2026)\n\n● 見出し\n\nHeadline\n\n*****\nEND*****"), 0, "would read as"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), profile())
			var pe *digest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			if !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			if (tt.line != 0 && pe.Line != tt.line) || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("error %q at line %d; want line %d and %q", pe.Msg, pe.Line, tt.line, tt.msg)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("x"), digest.MaxInput+1)
	_, err := Parse(big, nil)
	if !errors.Is(err, digest.ErrTooLarge) || !strings.Contains(err.Error(), "20 MB") {
		t.Errorf("error = %v, want ErrTooLarge naming 20 MB", err)
	}
}

// TestGeneratedRoundTrip: every generated digest survives
// Parse(Format(d)) == d.
func TestGeneratedRoundTrip(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		d := digesttest.Digest(r, digesttest.Options{Items: 1 + r.IntN(40), InvalidDates: 0.05})
		text := Format(d)
		got, err := Parse(text, profile())
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, text)
		}
		if df := diff(got.Digest, d); df != "" {
			t.Fatalf("seed %d: %s\n%s", seed, df, text)
		}
		if len(got.Repairs) != 0 {
			t.Fatalf("seed %d: canonical text needed repairs %v", seed, got.Repairs)
		}
	}
}

// TestGeneratedDamage: canonical text damaged as copying out of Word and PDF
// damages it reads back as the digest it was written from.
func TestGeneratedDamage(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 2))
		d := digesttest.Digest(r, digesttest.Options{Items: 1 + r.IntN(40), InvalidDates: 0.05})
		damaged := digesttest.Damage(r, Format(d))
		got, err := Parse(damaged, profile())
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, damaged)
		}
		if df := diff(got.Digest, d); df != "" {
			t.Fatalf("seed %d: %s\n%s", seed, df, damaged)
		}
		assertNothingLost(t, damaged, got)
	}
}

// letters returns the letters of text, lower-cased and made half-width and
// sorted, leaving out the lines in skip. (The order is the round trip's
// concern; the writer may put the head's lines in its own order.)
func letters(text []byte, skip map[int]bool) string {
	text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
	var rs []rune
	for i, l := range strings.Split(string(text), "\n") {
		if skip[i+1] {
			continue
		}
		// Markers (●, NOTE:, 注：, a section's number, a bullet) are
		// form, not content.
		l = classify(strings.TrimSpace(l), profile()).body
		for _, r := range halfWidth(l) {
			if unicode.IsLetter(r) {
				rs = append(rs, unicode.ToLower(r))
			}
		}
	}
	slices.Sort(rs)
	return string(rs)
}

// assertNothingLost checks that every letter of the input is in the
// canonical output, in order, apart from the lines that repairs dropped
// (page numbers, running heads), the period line (rewritten) and the end
// marker.
func assertNothingLost(t testing.TB, input []byte, r *Result) {
	t.Helper()
	if bytes.HasPrefix(input, []byte{0xFF, 0xFE}) || bytes.HasPrefix(input, []byte{0xFE, 0xFF}) {
		return
	}
	skipIn := map[int]bool{r.Lines.Period: true, r.Lines.End: true}
	for _, rp := range r.Repairs {
		if rp.Kind == RepairPageNumber || rp.Kind == RepairRunningHead || rp.Kind == RepairMark {
			skipIn[rp.Line] = true
		}
	}
	out := Format(r.Digest)
	back, err := Parse(out, profile())
	if err != nil {
		t.Fatalf("canonical output does not parse: %v", err)
	}
	skipOut := map[int]bool{back.Lines.Period: true, back.Lines.End: true}
	if a, b := letters(input, skipIn), letters(out, skipOut); a != b {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("letters lost or changed at %q vs %q", clip(a[i:], 30), clip(b[i:], 30))
	}
}

func FuzzParse(f *testing.F) {
	f.Add(read(f, "example-digest.txt"))
	f.Add(read(f, "example-digest-extracted.txt"))
	f.Add([]byte(doc(item + "He held talks with\n\n- 3/5 -\n\nTurkish Minister. (APA / 16.11.2026)\n\n• a\n• b (APA/1.2.2026)")))
	f.Add([]byte(doc(item + "NOTE：x\n\n(APA / 1.1.2026)\n\n２．内政関連\n\n●\n\n- 2 -")))
	f.Add([]byte(utf16le(doc(item + "Text."))))
	for _, c := range repairCases() {
		f.Add([]byte(c.damaged))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data, profile())
		if err != nil {
			var pe *digest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			if pe.Line < 0 || pe.Line > bytes.Count(data, []byte{'\n'})+bytes.Count(data, []byte{'\r'})+1 {
				t.Fatalf("error line %d outside the input", pe.Line)
			}
			return
		}
		assertRoundTrip(t, r)
		assertNothingLost(t, data, r)
	})
}

// TestMarshal: a digest that the text form cannot hold (it came from JSON or
// an editor) is refused with the place, never written to read back
// differently; one that can is written canonically.
func TestMarshal(t *testing.T) {
	base := func() *digest.Digest { return mustParse(t, []byte(doc(item+"Text. (APA / 16.11.2026)"))).Digest }
	if text, err := Marshal(base(), profile()); err != nil || !bytes.Equal(text, Format(base())) {
		t.Fatalf("Marshal of a parsed digest: %v", err)
	}
	tests := []struct {
		name string
		edit func(d *digest.Digest)
		msg  string
	}{
		{"no English headline", func(d *digest.Digest) { d.Sections[0].Items[0].HeadlineEN = "" }, "item 1.1: the English headline is empty"},
		{"a paragraph that reads as a list", func(d *digest.Digest) { d.Sections[0].Items[0].Blocks[0].Text = "- x" }, "item 1.1: block 1"},
		{"a paragraph that reads as a page number", func(d *digest.Digest) {
			it := &d.Sections[0].Items[0]
			it.Blocks = append([]digest.Block{{Kind: digest.Paragraph, Text: "2"}}, it.Blocks...)
		}, "item 1.1"},
		{"text that ends like a citation", func(d *digest.Digest) {
			it := &d.Sections[0].Items[0]
			it.Blocks = append([]digest.Block{{Kind: digest.Paragraph, Text: "Signed (UN / 01.01.2024)"}}, it.Blocks...)
		}, "item 1.1: block 1"},
		{"no sections", func(d *digest.Digest) { d.Sections = nil }, "cannot be written as text"},
	}
	for _, tt := range tests {
		d := base()
		tt.edit(d)
		_, err := Marshal(d, profile())
		if !errors.Is(err, digest.ErrInvalid) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: Marshal error %v, want one holding %q", tt.name, err, tt.msg)
		}
	}
}
