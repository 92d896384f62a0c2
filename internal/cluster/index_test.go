package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTextHash(t *testing.T) {
	base := "President Ilham Aliyev signed a decree on pardoning 154 convicts."
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{base, "president ilham aliyev  signed a decree, on pardoning 154 convicts", true},
		{base, "PRESIDENT ILHAM ALIYEV SIGNED A DECREE ON PARDONING 154 CONVICTS!", true},
		{"Əliyev Bakıda", "Aliyev Bakida", true},
		{base, "President Ilham Aliyev signed a decree on pardoning 155 convicts.", false},
		{base, "Ilham Aliyev signed a decree on pardoning 154 convicts.", false},
	} {
		if got := TextHash(c.a) == TextHash(c.b); got != c.same {
			t.Errorf("TextHash(%q) == TextHash(%q) is %v, want %v", c.a, c.b, got, c.same)
		}
	}
	if TextHash(" .,! ") != 0 {
		t.Error("a text without words should hash to 0")
	}
}

// wire is a full-length agency text: SimHash separates near copies from
// other texts on articles of this length (on two-sentence leads it does
// not, which is why Index decides near duplicates by shingle overlap).
const wire = `Baku, March 12. The tenth meeting of the state commissions on the delimitation of the state border between Azerbaijan and Armenia was held on the border between the Gazakh district of Azerbaijan and the Tavush region of Armenia. The Azerbaijani side was led by Deputy Prime Minister Shahin Mustafayev and the Armenian side by Deputy Prime Minister Mher Grigoryan. The parties discussed the regulations on the joint activity of the commissions and agreed on the next steps of the process of delimitation in the northern section of the border. They also exchanged views on the work of the expert groups, which will meet in the coming weeks to prepare proposals on the description of the border line. It was agreed to hold the next meeting of the commissions in April at a date to be agreed through diplomatic channels. Both delegations noted the constructive atmosphere of the talks and expressed their commitment to continue the work in accordance with the agreements reached at the highest level.`

func TestSimHash(t *testing.T) {
	copyEdited := strings.NewReplacer("Baku, March 12. ", "", "was held", "took place", "coming weeks", "next weeks").Replace(wire)
	other := `The Central Bank of Azerbaijan decided to leave the refinancing rate unchanged at 7.25 percent. The upper limit of the interest rate corridor stays at 8.25 percent and the lower limit at 6.25 percent. The bank said inflation expectations remained elevated because of rising import prices and tariffs on utilities, and that the next decision on the parameters of the corridor would be announced on April 23 after the board meeting. Governor Taleh Kazimov will comment on the decision at a press conference, where he is expected to speak about the exchange rate of the manat and the growth of lending to households.`
	near := Hamming(SimHash(wire), SimHash(copyEdited))
	far := Hamming(SimHash(wire), SimHash(other))
	t.Logf("Hamming: wire copy %d, unrelated %d", near, far)
	if near > 6 {
		t.Errorf("a lightly edited wire copy is %d bits away, want at most 6", near)
	}
	if far < 20 {
		t.Errorf("an unrelated text is %d bits away, want at least 20", far)
	}
	if SimHash(wire) != SimHash(strings.ToUpper(wire)) {
		t.Error("SimHash should ignore letter case")
	}
}

func TestTermFolding(t *testing.T) {
	for _, c := range [][2]string{
		{"Bayramov", "Bairamov"}, {"Əliyev", "Aliyev"}, {"Aliyev", "Aliev"}, {"Xankəndi", "Khankandi"},
		{"Ağdam", "Aghdam"}, {"Şuşa", "Shusha"}, {"ministers", "minister"}, {"landmines", "mine"},
		{"Azerbaijan's", "Azerbaijani"},
	} {
		a, b := features(c[0], "", ""), features(c[1], "", "")
		if len(a) != 1 || len(b) != 1 || !equalKeys(a, b) {
			t.Errorf("%q and %q should fold to one term", c[0], c[1])
		}
	}
}

func equalKeys(a, b map[uint64]float64) bool {
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return len(a) == len(b)
}

var t0 = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

func TestIndexDuplicates(t *testing.T) {
	x := NewIndex(Options{})
	orig := Doc{ID: 1, Outlet: "APA", Published: t0, Title: "Resident killed in landmine explosion in Kalbajar",
		Text: "A resident of Kalbajar district, Samir Huseynov, born 1979, was killed after stepping on a mine near the village of Chaykend while collecting firewood. The prosecutor's office has launched an investigation."}
	if a := x.Add(orig); a.Story != 1 || a.Score != 1 || a.Duplicate != 0 || a.Merged != nil {
		t.Fatalf("first doc: %+v", a)
	}
	exact := orig
	exact.ID, exact.Outlet, exact.Published = 2, "NEWS.AZ", t0.Add(time.Hour)
	exact.Text = strings.ToUpper(exact.Text)
	if a := x.Add(exact); a.Story != 1 || a.Duplicate != 1 || a.Near {
		t.Errorf("exact copy: %+v", a)
	}
	near := orig
	near.ID, near.Outlet, near.Published = 3, "CALIBER", t0.Add(2*time.Hour)
	near.Text = strings.Replace(orig.Text, "has launched an investigation", "opened a criminal case", 1)
	if a := x.Add(near); a.Story != 1 || a.Duplicate != 1 || !a.Near {
		t.Errorf("near copy: %+v", a)
	}
	if a := x.Add(near); a.Duplicate != 1 {
		t.Errorf("adding an ID again should return its first answer, got %+v", a)
	}
	st := x.Stories()
	if len(st) != 1 || !slices.Equal(st[0].Docs, []int64{1, 2, 3}) || !slices.Equal(st[0].Outlets, []string{"APA", "NEWS.AZ", "CALIBER"}) {
		t.Errorf("stories: %+v", st)
	}
}

func TestIndexWindow(t *testing.T) {
	x := NewIndex(Options{Window: 72 * time.Hour})
	meet := func(id int64, at time.Time, outlet string) Doc {
		return Doc{ID: id, Outlet: outlet, Published: at,
			Title: "Bayramov meets Georgian Foreign Minister Botchorishvili in Tbilisi",
			Text:  fmt.Sprintf("Jeyhun Bayramov and Maka Botchorishvili discussed regional connectivity (%s).", outlet)}
	}
	if a := x.Add(meet(1, t0, "TREND")); a.Story != 1 {
		t.Fatalf("%+v", a)
	}
	if a := x.Add(meet(2, t0.Add(2*time.Hour), "APA")); a.Story != 1 {
		t.Fatalf("same event, same day: %+v", a)
	}
	// Four days on, the same words no longer join: the first story is
	// evicted and a new one begins.
	if a := x.Add(meet(3, t0.Add(100*time.Hour), "AZERTAG")); a.Story != 3 {
		t.Errorf("a doc beyond the window joined story %d", a.Story)
	}
	if st := x.Stories(); len(st) != 1 || st[0].ID != 3 {
		t.Errorf("after eviction, stories = %+v", st)
	}
	if x.Len() != 1 {
		t.Errorf("Len = %d after eviction, want 1", x.Len())
	}
	// A late feed delivers a doc older than the window: it joins nothing
	// and is not kept.
	if a := x.Add(meet(4, t0.Add(time.Hour), "JAMNEWS")); a.Story != 4 || a.Duplicate != 0 {
		t.Errorf("a doc older than the window: %+v", a)
	}
	if x.Len() != 1 || len(x.Stories()) != 1 {
		t.Errorf("the old doc was kept: Len %d, stories %+v", x.Len(), x.Stories())
	}
	// A slightly late doc (inside the window) still joins.
	if a := x.Add(meet(5, t0.Add(90*time.Hour), "JAMNEWS")); a.Story != 3 {
		t.Errorf("a late doc inside the window: %+v", a)
	}
	if st := x.Stories(); len(st) != 1 || !slices.Equal(st[0].Docs, []int64{5, 3}) || !st[0].First.Equal(t0.Add(90*time.Hour)) {
		t.Errorf("story after a late doc: %+v", st)
	}
}

// synth builds n documents (with bodies of bodyWords further common words
// in paragraphs of 60, none when 0) from the labelled set's vocabulary (words drawn
// with their frequency in it), spread evenly over a week: events of one to
// four documents, each document of an event drawing its title from the
// event's own words and its lead from the common vocabulary, the way
// outlets retell an event in their own words.
func synth(tb testing.TB, n, bodyWords int) []Doc {
	set := loadLabelled(tb, "testdata/labelled.jsonl")
	var vocab, titles []string
	for _, l := range set {
		vocab = append(vocab, strings.Fields(l.Text)...)
		titles = append(titles, strings.Fields(l.Title)...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(from []string, k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = from[r.IntN(len(from))]
		}
		return strings.Join(ws, " ")
	}
	docs := make([]Doc, 0, n)
	var event []string
	left := 0
	for i := 0; len(docs) < n; i++ {
		if left == 0 {
			// Names make events distinct, as in real news: three from
			// a pool of 20,000 made-up ones.
			event = strings.Fields(pick(titles, 5) + fmt.Sprintf(" %d", r.IntN(10000)))
			for range 3 {
				event = append(event, name(r.IntN(20000)))
			}
			left = 1 + r.IntN(4)
		}
		left--
		title := slices.Clone(event)
		r.Shuffle(len(title), func(a, b int) { title[a], title[b] = title[b], title[a] })
		text := strings.Join(event, " ") + ". " + pick(vocab, 40)
		for k := 0; k < bodyWords; k += 60 {
			text += "\n\n" + pick(vocab, min(60, bodyWords-k))
		}
		docs = append(docs, Doc{
			ID:        int64(i + 1),
			Outlet:    set[r.IntN(len(set))].Outlet,
			Title:     strings.Join(title[:6], " "),
			Text:      text,
			Published: t0.Add(time.Duration(i) * 7 * 24 * time.Hour / time.Duration(n)),
		})
	}
	return docs
}

// name makes up the i-th proper name from syllables: Bakarov, Telimzade.
func name(i int) string {
	syl := []string{"ba", "ka", "ro", "te", "lim", "za", "de", "gu", "li", "sha", "mir", "nur", "ha", "san", "ov", "ev", "ali", "jan", "kar", "dag"}
	var b strings.Builder
	for j := 0; j < 4; j++ {
		b.WriteString(syl[i%len(syl)])
		i /= len(syl)
	}
	return strings.ToUpper(b.String()[:1]) + b.String()[1:]
}

func TestIndexSynthetic(t *testing.T) {
	docs := synth(t, 1000, 0)
	x := NewIndex(Options{})
	start := time.Now()
	for _, d := range docs {
		x.Add(d)
	}
	t.Logf("1000 synthetic docs in %v; %d in the window, %d stories", time.Since(start), x.Len(), len(x.Stories()))
	if x.Len() > 500 {
		t.Errorf("%d docs in a 72h window of a week of 1000: eviction does not work", x.Len())
	}
}

// BenchmarkAdd adds a week of 10,000 generated documents (about 4,300 in
// the 72-hour window at any time) and reports the cost of one Add.
func BenchmarkAdd(b *testing.B) { benchmarkAdd(b, 0) }

// BenchmarkAddFull does the same with full-length articles: 500 more words
// of body each, about what the archive gives the index (4000 characters).
func BenchmarkAddFull(b *testing.B) { benchmarkAdd(b, 500) }

func benchmarkAdd(b *testing.B, bodyWords int) {
	docs := synth(b, 10000, bodyWords)
	b.ResetTimer()
	var x *Index
	for i := 0; i < b.N; i++ {
		if i%len(docs) == 0 {
			x = NewIndex(Options{})
		}
		x.Add(docs[i%len(docs)])
	}
}

func TestStripDateline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Baku, November 17 (CASPIAN POST). Parliament gave its approval.", "Parliament gave its approval."},
		{"Gazakh, 17 November, Baku Wire. The regular meeting was held.", "The regular meeting was held."},
		{"YEREVAN, Nov 17 (SC Monitor) – The foreign ministers met.", "The foreign ministers met."},
		{"Baku, Azerbaijan, Nov. 17. The minister met his counterpart.", "The minister met his counterpart."},
		{"KALBAJAR — Soldiers began five days of exercises.", "Soldiers began five days of exercises."},
		// Not datelines: a first sentence that only mentions a date, or
		// a capitalised opening without a dash.
		{"The court on November 17 sentenced him to five years. He appealed.", "The court on November 17 sentenced him to five years. He appealed."},
		{"NATO and Azerbaijan held talks.", "NATO and Azerbaijan held talks."},
		{"", ""},
	} {
		if got := stripDateline(c.in); got != c.want {
			t.Errorf("stripDateline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFeaturesLeaveOutOwnOutlet(t *testing.T) {
	// The outlet's name in its own dateline and boilerplate is no term;
	// another outlet's name in the text is.
	a := features("Minister visits Ganja", "Ganja, November 17 (GANJA DAILY). The minister told Ganja Daily that the plant opens.", "GANJA DAILY")
	b := features("Minister visits Ganja", "The minister said that the plant opens.", "BAKU WIRE")
	if !equalKeys(a, b) {
		t.Errorf("own outlet's words counted: %d terms, want %d", len(a), len(b))
	}
}

// TestSeed: documents placed by an earlier run keep their stories, and a
// later report of the same event joins the seeded story, whose first
// document the index need not hold.
func TestSeed(t *testing.T) {
	t0 := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	x := NewIndex(Options{})
	seeded := Doc{ID: 10, Outlet: "TREND", Published: t0,
		Title: "Azerbaijani, Georgian foreign ministers discuss regional connectivity in Tbilisi",
		Text:  "Azerbaijani Foreign Minister Jeyhun Bayramov met Georgian Foreign Minister Maka Botchorishvili in Tbilisi on Monday to discuss regional connectivity, the Middle Corridor and the Baku-Tbilisi-Kars railway."}
	x.Seed(seeded, Assignment{Story: 5})
	x.Seed(Doc{ID: 11, Outlet: "APA", Published: t0.Add(time.Hour), Title: "Carpet museum opens exhibition of Karabakh carpets",
		Text: "The Azerbaijan National Carpet Museum opened an exhibition of restored Karabakh carpets on Monday."}, Assignment{})
	later := Doc{ID: 20, Outlet: "AZERTAG", Published: t0.Add(3 * time.Hour),
		Title: "Jeyhun Bayramov, Maka Botchorishvili hold talks in Tbilisi",
		Text:  "Foreign Minister Jeyhun Bayramov held talks with his Georgian counterpart Maka Botchorishvili in Tbilisi, the ministry said. The ministers discussed the Middle Corridor, the Baku-Tbilisi-Kars railway and regional connectivity."}
	if a := x.Add(later); a.Story != 5 {
		t.Errorf("a report of the seeded event: story %d, want the seeded story 5 (%+v)", a.Story, a)
	}
	other := Doc{ID: 21, Outlet: "APA", Published: t0.Add(4 * time.Hour), Title: "Heavy rain expected in Lankaran on Wednesday",
		Text: "Heavy rain and strong wind are expected in Lankaran and Astara on Wednesday, the National Hydrometeorological Service said."}
	if a := x.Add(other); a.Story != 21 {
		t.Errorf("an unrelated report: story %d, want its own (21)", a.Story)
	}
	// Seeding an ID again changes nothing.
	x.Seed(seeded, Assignment{Story: 99})
	if a := x.Add(seeded); a.Story != 5 {
		t.Errorf("the seeded document again: story %d, want 5", a.Story)
	}
}
