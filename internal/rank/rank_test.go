package rank

import (
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
