package rank

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/profile"
	"shuho/internal/sample"
)

func TestFeatures(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"The Foreign Minister met", []string{"foreign", "minister", "foreign minister", "met", "minister met"}},
		{"Azerbaijan's army", []string{"azerbaijan", "army", "azerbaijan army"}},
		{"Əliyev signs 2 decrees", []string{"aliyev", "sign", "aliyev sign", "#", "sign #", "decree", "# decree"}},
		{"talks, meetings", []string{"talk", "meet", "talk meet"}},
	}
	for _, tt := range tests {
		got := Features(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Features(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBuiltinClassifies checks the lexicon-only model on plain cases of
// each class.
func TestBuiltinClassifies(t *testing.T) {
	m := Builtin()
	tests := []struct{ text, want string }{
		{"Azerbaijani serviceman killed in mine explosion in Kalbajar", "security"},
		{"Defense Minister Zakir Hasanov observes joint military exercises", "security"},
		{"Milli Majlis passes 2027 state budget in first reading", "domestic"},
		{"Court sentences two journalists to prison terms", "domestic"},
		{"President Ilham Aliyev holds phone call with President of Kazakhstan", "foreign"},
		{"New ambassador of Japan presents copy of credentials to Foreign Minister", "foreign"},
		{"Brent crude price falls below $70 per barrel", "none"},
		{"Qarabag FC wins league match against Neftchi", "none"},
		{"Weather forecast: rain and strong wind expected in Baku", "none"},
	}
	for _, tt := range tests {
		got, scores := m.Classify(tt.text)
		if got != tt.want {
			t.Errorf("%q: %s (%v), want %s", tt.text, got, scores, tt.want)
		}
		var sum float64
		for _, v := range scores {
			sum += v
		}
		if sum < 0.999 || sum > 1.001 {
			t.Errorf("%q: scores sum to %v", tt.text, sum)
		}
	}
}

// TestSampleWeek classifies the bundled sample week, labelled by the desk
// that wrote it, with the built-in model: the section accuracy of the
// articles the desk would keep, and whether the noise stays out.
func TestSampleWeek(t *testing.T) {
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	r := New(p, Builtin())
	right, n, noiseOut, noise := 0, 0, 0, 0
	for _, a := range w.Articles {
		res := r.Classify(a.Title, strings.Join(a.Paragraphs, "\n\n"))
		if a.Section == None {
			noise++
			if res.Section == None {
				noiseOut++
			}
			continue
		}
		n++
		if res.Section == a.Section {
			right++
		} else {
			t.Logf("%s: %s, want %s: %s", a.Name, res.Section, a.Section, a.Title)
		}
	}
	acc := float64(right) / float64(n)
	t.Logf("sample week, built-in model: section accuracy %.3f (%d/%d), noise kept out %d/%d", acc, right, n, noiseOut, noise)
	if acc < 0.8 || float64(noiseOut) < 0.7*float64(noise) {
		t.Errorf("section accuracy %.3f, noise kept out %d/%d: below 0.8 and 70%%", acc, noiseOut, noise)
	}
}

// TestLearnsFromArchive shows the archive's examples moving a decision:
// a desk that files cyber matters under domestic politics teaches it so.
func TestLearnsFromArchive(t *testing.T) {
	text := "Data protection agency fines operator over personal data leak"
	var ex []Example
	for range 20 {
		ex = append(ex, Example{Class: "domestic", Text: "data protection agency personal data leak fine operator"})
	}
	before, _ := Builtin().Classify(text)
	after, _ := TrainWith(ex).Classify(text)
	if after != "domestic" || before == "domestic" {
		t.Errorf("before %s, after %s: want a change to domestic", before, after)
	}
	// A dismissed story teaches None.
	var dis []Example
	for range 20 {
		dis = append(dis, Example{Class: None, Text: "ministry of culture opens photo exhibition on heritage"})
	}
	if got, _ := TrainWith(dis).Classify("Ministry of Culture opens photo exhibition"); got != None {
		t.Errorf("after dismissals: %s, want none", got)
	}
}

func TestRankRelevance(t *testing.T) {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	r := New(p, Builtin())
	end := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	story := func(title string, outlets ...string) digest.Story {
		st := digest.Story{Title: title, Outlets: outlets, Last: end.Add(-24 * time.Hour)}
		for _, o := range outlets {
			st.Articles = append(st.Articles, digest.Article{Outlet: o, Title: title, Published: st.Last})
		}
		return st
	}
	head := r.Rank(story("President Ilham Aliyev holds talks with President of France", "AZERTAG", "APA", "TREND"), end)
	minor := r.Rank(story("Deputy minister attends seminar on cooperation", "APA"), end)
	noise := r.Rank(story("Brent oil price rises to $75 per barrel", "TREND"), end)
	if !(head.Relevance > minor.Relevance && minor.Relevance > noise.Relevance) {
		t.Errorf("relevance head %v, minor %v, noise %v: want falling", head.Relevance, minor.Relevance, noise.Relevance)
	}
	if noise.Section != None || head.Section != "foreign" {
		t.Errorf("sections %s and %s, want foreign and none", head.Section, noise.Section)
	}
	for _, res := range []Result{head, minor, noise} {
		if res.Relevance < 0 || res.Relevance > 1 {
			t.Errorf("relevance %v out of [0, 1]", res.Relevance)
		}
	}
}

// TestPeopleAndPlaces: with the glossary, the office of the people a story
// names and whether it is about the profile's country weigh in.
func TestPeopleAndPlaces(t *testing.T) {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := New(p, Builtin())
	r.G, r.Home = glossary.New(append(seed, p.Glossary...), p.Style), "AZ"
	end := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	story := func(title string) digest.Story {
		return digest.Story{Title: title, Outlets: []string{"APA"}, Last: end.Add(-24 * time.Hour),
			Articles: []digest.Article{{Outlet: "APA", Title: title}}}
	}
	// Named by name only: the glossary knows his office.
	head := r.Rank(story("Ilham Aliyev receives delegation of Hungary"), end)
	plain := r.Rank(story("Delegation of Hungary visits agricultural exhibition"), end)
	if head.Relevance <= plain.Relevance {
		t.Errorf("a story naming the president %v, another %v", head.Relevance, plain.Relevance)
	}
	home := r.Rank(story("Foreign ministers meet in Baku"), end)
	away := r.Rank(story("Foreign ministers meet in Lisbon"), end)
	if home.Relevance <= away.Relevance {
		t.Errorf("in Baku %v, in Lisbon %v", home.Relevance, away.Relevance)
	}
}

// BenchmarkClassify classifies the sample week's 153 articles, as shuho
// classify does; BenchmarkRank ranks them as stories with the glossary's
// people and places, as a draft does.
//
//	go test -run '^$' -bench . ./internal/rank
func BenchmarkClassify(b *testing.B) {
	w, err := sample.Load()
	if err != nil {
		b.Fatal(err)
	}
	p, err := profile.Builtin("az")
	if err != nil {
		b.Fatal(err)
	}
	r := New(p, Builtin())
	bodies := make([]string, len(w.Articles))
	for i, a := range w.Articles {
		bodies[i] = strings.Join(a.Paragraphs, "\n\n")
	}
	b.ResetTimer()
	for i := range b.N {
		a := w.Articles[i%len(w.Articles)]
		r.Classify(a.Title, bodies[i%len(w.Articles)])
	}
}

func BenchmarkRank(b *testing.B) {
	w, err := sample.Load()
	if err != nil {
		b.Fatal(err)
	}
	p, err := profile.Builtin("az")
	if err != nil {
		b.Fatal(err)
	}
	seed, err := glossary.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	r := New(p, Builtin())
	r.G, r.Home = glossary.New(append(seed, p.Glossary...), p.Style), "AZ"
	end := w.Start.AddDate(0, 0, 7)
	stories := make([]digest.Story, len(w.Articles))
	for i, a := range w.Articles {
		stories[i] = digest.Story{Title: a.Title, Outlets: []string{a.Outlet}, Last: a.Published,
			Articles: []digest.Article{{Outlet: a.Outlet, Title: a.Title, Text: strings.Join(a.Paragraphs, "\n\n"), Published: a.Published}}}
	}
	b.ResetTimer()
	for i := range b.N {
		r.Rank(stories[i%len(stories)], end)
	}
}

// tuningItem is a line of testdata/tuning.jsonl: a headline and lead in
// the shapes of the outlets' English feeds, with the desk's section.
type tuningItem struct {
	HeadlineEN string `json:"headline_en"`
	Lead       string `json:"lead"`
	Section    string `json:"section"`
}

func loadTuning(t *testing.T) []tuningItem {
	t.Helper()
	b, err := os.ReadFile("testdata/tuning.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []tuningItem
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var it tuningItem
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			t.Fatalf("testdata/tuning.jsonl:%d: %v", i+1, err)
		}
		if it.HeadlineEN == "" || !slices.Contains(Classes, it.Section) {
			t.Fatalf("testdata/tuning.jsonl:%d: headline %q, section %q", i+1, it.HeadlineEN, it.Section)
		}
		out = append(out, it)
	}
	return out
}

// TestTuningSet reports the figures of the tuning set (about half the
// noise of a real feed, half digest items with the hard cases): section
// accuracy of the digest items, the share of noise left out, and the share
// of politics kept (in any section). The floors are a little under what
// the built-in model reaches, so that a change that loses ground fails.
//
//	go test -count=1 -run TestTuningSet -v ./internal/rank
func TestTuningSet(t *testing.T) {
	items := loadTuning(t)
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	r := New(p, Builtin())
	right, kept, n, out, noise := 0, 0, 0, 0, 0
	confusion := map[string]int{}
	for _, it := range items {
		res := r.Classify(it.HeadlineEN, it.Lead)
		if it.Section == None {
			noise++
			if res.Section == None {
				out++
			} else {
				t.Logf("noise kept as %s: %s", res.Section, it.HeadlineEN)
			}
			continue
		}
		n++
		if res.Section != None {
			kept++
		}
		if res.Section == it.Section {
			right++
		} else {
			confusion[it.Section+"→"+res.Section]++
			t.Logf("%s, want %s: %s", res.Section, it.Section, it.HeadlineEN)
		}
	}
	acc, left, keep := float64(right)/float64(n), float64(out)/float64(noise), float64(kept)/float64(n)
	t.Logf("tuning set: section accuracy %.3f (%d/%d), noise left out %.3f (%d/%d), politics kept %.3f (%d/%d); errors %v",
		acc, right, n, left, out, noise, keep, kept, n, confusion)
	if acc < tuningFloor.accuracy || left < tuningFloor.noiseOut || keep < tuningFloor.kept {
		t.Errorf("below the floors %+v", tuningFloor)
	}
}

// tuningFloor are TestTuningSet's floors, a little under what the ranker
// reached when they were set (0.992, 0.893, 1.000).
var tuningFloor = struct{ accuracy, noiseOut, kept float64 }{0.95, 0.85, 0.97}

// TestCases classifies, with the built-in model and glossary, one story of
// each kind of case the frames and the about-the-country test decide.
func TestCases(t *testing.T) {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	r := New(p, Builtin())
	tests := []struct{ kind, headline, lead, want string }{
		// Other countries' politics, told in the words of politics.
		{"elsewhere", "Georgian parliament passes law on broadcasting", "Georgia's parliament adopted amendments to the law on broadcasting in the third reading, with opposition deputies boycotting the vote.", None},
		{"elsewhere", "Moscow court jails Russian journalist for six years", "A Moscow court sentenced a Russian journalist to six years in prison on charges of extremism.", None},
		{"elsewhere", "Ecuador holds presidential runoff", "Voters in Ecuador chose a new president in a runoff election, the national electoral council said.", None},
		{"elsewhere", "Russian missiles hit power plant in Ukraine", "Russian forces struck a thermal power plant in Ukraine's Dnipropetrovsk region overnight, the Ukrainian energy ministry said.", None},
		// Home's own people, unnamed, acting towards another country.
		{"home implied", "Border guards detain smugglers on border with Iran", "Border guards of the State Border Service detained two smugglers carrying narcotics across the state border from Iran.", "security"},
		// Foreign leaders' messages, whatever the occasion.
		{"congratulations", "Tokayev congratulates Ilham Aliyev on victory in presidential election", "President of Kazakhstan Kassym-Jomart Tokayev sent a letter to Ilham Aliyev congratulating him on his victory in the presidential election.", "foreign"},
		{"congratulations", "Vladimir Putin congratulates Ilham Aliyev on re-election", "Russian President Vladimir Putin congratulated Ilham Aliyev on his re-election as President in a telephone call.", "foreign"},
		// Foreign observers of a home election.
		{"observers", "CEC chairman meets OSCE/ODIHR observation mission", "Central Election Commission chairman Mazahir Panahov met the head of the OSCE/ODIHR election observation mission and spoke about the preparation of the election.", "domestic"},
		{"observers", "CIS observers visit polling stations", "Observers of the CIS mission visited polling stations in Baku during the parliamentary election.", "domestic"},
		{"opposition", "Opposition party refuses to recognise election results", "The Popular Front Party said it does not recognise the results of the parliamentary election, citing ballot stuffing at polling stations.", "domestic"},
		// Courts of security crimes.
		{"security trial", "Court sentences man to 14 years for spying for Armenia", "The Baku Grave Crimes Court sentenced a resident of Gazakh to 14 years in prison for espionage.", "security"},
		// Diplomacy told as a decree, a meeting about business.
		{"ambassador", "Ilham Aliyev signs order appointing ambassador to Italy", "President Ilham Aliyev signed an order appointing a new ambassador extraordinary and plenipotentiary of Azerbaijan to Italy.", "foreign"},
		{"energy deal", "Aliyev and Berdimuhamedov sign agreement on gas supplies", "President Ilham Aliyev and President of Turkmenistan Serdar Berdimuhamedov signed an agreement on gas supplies.", "foreign"},
		{"meeting on business", "Ali Asadov meets Hungarian minister, discusses investment", "Prime Minister Ali Asadov met Hungarian Foreign Minister Peter Szijjarto and discussed investment, trade and energy projects with Hungary.", "foreign"},
		{"defence minister abroad", "Zakir Hasanov meets Turkish counterpart in Ankara", "Defense Minister Zakir Hasanov met Turkish National Defense Minister Yasar Guler in Ankara and discussed military cooperation and joint exercises.", "security"},
		{"protest", "Residents protest demolition of homes in Baku", "Residents of Baku's Khatai district protested against the demolition of their homes and demanded fair compensation.", "domestic"},
		// The noise of a home feed.
		{"business forum", "Economy minister speaks at Azerbaijan-Slovakia business forum", "Economy Minister Mikayil Jabbarov spoke at the business forum about investment incentives in industrial parks for companies and entrepreneurs.", None},
		{"banking", "Bank of Baku's net profit rises 20 percent", "Bank of Baku's net profit rose by 20 percent in nine months as its loan portfolio and deposits grew.", None},
		{"transport", "Cargo on Baku-Tbilisi-Kars railway grows by 40 percent", "Freight transported along the Baku-Tbilisi-Kars railway grew by 40 percent to 900,000 tonnes, Azerbaijan Railways said.", None},
		{"culture", "Baku hosts international mugham festival", "The international mugham festival opened in Baku with a concert of performers from ten countries.", None},
	}
	for _, tt := range tests {
		if got := r.Classify(tt.headline, tt.lead); got.Section != tt.want {
			t.Errorf("%s: %q: %s (%v), want %s", tt.kind, tt.headline, got.Section, got.Scores, tt.want)
		}
	}
}
