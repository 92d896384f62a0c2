package store_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// extra is a week whose items hold the short Japanese words a desk searches
// for: 露 alone, 外相, 殉職.
const extra = `アゼルバイジャン政治・治安情報

2026年11月21日～11月27日

在アゼルバイジャン大使館

1. 軍事・治安関係

● 地雷爆発で軍人1名が殉職

Serviceman killed by mine explosion in Aghdam

On November 23, a serviceman of the Azerbaijani Army was killed by a mine explosion in the Aghdam district. (APA / 23.11.2026)

2. 内政関連

● 国会、予算案を第二読会で可決

Milli Majlis passes budget in second reading

The Milli Majlis approved the draft state budget for 2027 in the second reading. Foreign Minister Bayramov did not attend. (AZERTAG / 25.11.2026)

3. 外政関連

● バイラモフ外相、ラヴロフ露外相と会談

FM Bayramov meets Russian FM Lavrov in Moscow

On November 26, Foreign Minister Jeyhun Bayramov held talks with Russian Foreign Minister Sergey Lavrov in Moscow. The ministers discussed the peace process and a working visit of the President. (TREND / 26.11.2026; REPORT.AZ / 26.11.2026)

*****END*****
`

// fixture fills a store with the same archive on every engine: the example
// week, the week above, ten generated weeks and a few articles.
func fixture(t *testing.T, s *store.Store) {
	t.Helper()
	o := store.SaveOptions{Author: "test", Source: "fixture", Status: store.Published}
	for _, d := range []*digest.Digest{example(t, "example-digest.txt"), parse(t, extra)} {
		if _, err := s.SaveDigest(ctx, d, o); err != nil {
			t.Fatal(err)
		}
	}
	// Ten generated weeks of 2020 fill the archive around the two weeks the
	// expectations are about; the engines must agree on them too.
	r := rand.New(rand.NewPCG(11, 11))
	for i := range 10 {
		start := digest.NewDate(2020, 1, 4).AddDays(7 * i)
		if _, err := s.SaveDigest(ctx, digesttest.Digest(r, digesttest.Options{Items: 15, Start: start}), o); err != nil {
			t.Fatal(err)
		}
	}
	baku, _ := time.LoadLocation("Asia/Baku")
	arts := []digest.Article{
		{Outlet: "APA", URL: "https://apa.az/en/a1", Published: time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC), Lang: "en",
			Title: "Azerbaijani FM meets UN refugee chief in Geneva",
			Text:  "Foreign Minister Jeyhun Bayramov met the UN High Commissioner for Refugees on the sidelines of a working visit to Geneva.\n\nThey discussed the return of displaced persons."},
		{Outlet: "OC-MEDIA", URL: "https://oc-media.org/a2", Published: time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC), Lang: "en",
			Title: "Two journalists sentenced in Baku",
			Text:  "A Baku court sentenced two journalists to prison. Rights groups said the working visit of the foreign minister to Geneva changed nothing."},
		{Outlet: "TREND", URL: "https://en.trend.az/a3", Published: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC), Lang: "en",
			Title: "Bayramov, Lavrov discuss peace process",
			Text:  "Əliyev's foreign minister Ceyhun Bayramov discussed the peace process with Sergey Lavrov."},
	}
	if _, err := s.AddArticles(ctx, "az", baku, arts); err != nil {
		t.Fatal(err)
	}
}

func parse(t testing.TB, text string) *digest.Digest {
	t.Helper()
	d, err := parseText([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// brief is what a test compares of a hit: everything the user sees.
func brief(h store.Hit) string {
	head := h.HeadlineJA + " / " + h.HeadlineEN
	if h.Kind == "article" {
		head = h.Title
	}
	return fmt.Sprintf("%s r%d %s %s %s %v %q %v", h.Kind, h.Rank, h.Day, h.Section, head, h.Outlets, h.Snippet, h.Marks)
}

func TestSearch(t *testing.T) {
	nov := func(day int) digest.Date { return digest.NewDate(2026, 11, day) }
	week := func(q store.Query) store.Query { q.From = nov(14); return q }
	tests := []struct {
		name string
		q    store.Query
		// want: fragments of the hits' headlines or titles, in order;
		// more hits may follow unless exact.
		want  []string
		exact bool
	}{
		{"one English word: headlines first, then newest first", week(store.Query{Text: "Bayramov"}),
			[]string{"ラヴロフ露外相と会談", "Bayramov, Lavrov discuss peace process", "ジュネーブを訪問", "Milli Majlis passes budget in second reading", "Azerbaijani FM meets UN refugee chief"}, true},
		{"an English phrase", week(store.Query{Text: `"working visit"`}),
			[]string{"ジュネーブを訪問", "ラヴロフ露外相と会談", "Two journalists sentenced", "Azerbaijani FM meets UN refugee chief"}, true},
		{"a phrase in the wrong order finds nothing", store.Query{Text: `"visit working"`}, nil, true},
		{"one Japanese character", week(store.Query{Text: "露"}), []string{"ラヴロフ露外相と会談"}, true},
		{"two Japanese characters", week(store.Query{Text: "殉職"}), []string{"地雷爆発で軍人1名が殉職"}, true},
		{"five Japanese characters", week(store.Query{Text: "バイラモフ外"}), []string{"バイラモフ外相、ラヴロフ露外相と会談", "バイラモフ外相、ジュネーブを訪問"}, true},
		{"mixed", store.Query{Text: "Bayramov ジュネーブ"}, []string{"バイラモフ外相、ジュネーブを訪問"}, true},
		{"Azerbaijani spelling", week(store.Query{Text: "Əliyev"}), []string{"トカエフ・カザフスタン大統領と電話会談", "Bayramov, Lavrov discuss peace process"}, true},
		{"a section", week(store.Query{Text: "Bayramov", Section: "domestic"}), []string{"Milli Majlis passes budget in second reading"}, true},
		{"an outlet", week(store.Query{Text: "Bayramov", Outlet: "report.az"}), []string{"ラヴロフ露外相と会談"}, true},
		{"dates", store.Query{Text: "Bayramov", From: nov(21), To: nov(27)}, []string{"ラヴロフ露外相と会談", "Bayramov, Lavrov discuss", "Milli Majlis passes budget"}, true},
		{"a limit", week(store.Query{Text: "Bayramov", Limit: 2}), []string{"ラヴロフ露外相と会談", "Bayramov, Lavrov discuss peace process"}, true},
		{"a profile", week(store.Query{Text: "殉職", Profile: "az"}), []string{"地雷爆発で軍人1名が殉職"}, true},
		{"another profile", week(store.Query{Text: "殉職", Profile: "ge"}), nil, true},
		{"the whole archive", store.Query{Text: "Bayramov", Limit: 500}, nil, false},
		{"nothing", store.Query{Text: "earthquake"}, nil, true},
	}
	results := map[store.Engine][][]string{}
	for _, e := range storetest.Engines(t) {
		s := storetest.Open(t, e)
		fixture(t, s)
		for _, tt := range tests {
			hits, err := s.Search(ctx, tt.q)
			if err != nil {
				t.Fatalf("%s: %s: %v", e, tt.name, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, brief(h))
			}
			results[e] = append(results[e], got)
			if tt.exact && len(hits) != len(tt.want) {
				t.Errorf("%s: %s: %d hits, want %d:\n%s", e, tt.name, len(hits), len(tt.want), strings.Join(got, "\n"))
				continue
			}
			for i, w := range tt.want {
				if i >= len(got) || !strings.Contains(got[i], w) {
					t.Errorf("%s: %s: hit %d should hold %q; got:\n%s", e, tt.name, i+1, w, strings.Join(got, "\n"))
					break
				}
			}
		}
		// Every hit marks its match in its snippet or has it in its
		// headline.
		hits, _ := s.Search(ctx, store.Query{Text: `"working visit"`})
		for _, h := range hits {
			if len(h.Marks) == 0 || !strings.EqualFold(h.Snippet[h.Marks[0].Start:h.Marks[0].End], "working visit") {
				t.Errorf("%s: snippet %q marks %v", e, h.Snippet, h.Marks)
			}
		}
	}
	// The two engines return the same hits, in the same order, with the
	// same snippets.
	if pg, ok := results[store.Postgres]; ok {
		for i, tt := range tests {
			if !reflect.DeepEqual(results[store.SQLite][i], pg[i]) {
				t.Errorf("%s: the engines differ:\nsqlite:\n%s\npostgres:\n%s", tt.name,
					strings.Join(results[store.SQLite][i], "\n"), strings.Join(pg[i], "\n"))
			}
		}
	}
}

// TestSearchSpellingsAndPages: a name finds its other spellings (the
// glossary gives them); a page further on is the same hits passed over;
// the count is of every hit; both engines agree.
func TestSearchSpellingsAndPages(t *testing.T) {
	from := digest.NewDate(2026, 11, 14)
	spell := func(name string) []string {
		return map[string][]string{"バイラモフ": {"Bayramov", "Bairamov"}, "Jeyhun Bayramov": {"ジェイフン・バイラモフ", "バイラモフ"}}[name]
	}
	titles := func(hits []store.Hit) string {
		var out []string
		for _, h := range hits {
			out = append(out, brief(h))
		}
		return strings.Join(out, "\n")
	}
	for _, e := range storetest.Engines(t) {
		s := storetest.Open(t, e)
		fixture(t, s)
		ja, err := s.Search(ctx, store.Query{Text: "バイラモフ", From: from})
		if err != nil {
			t.Fatal(err)
		}
		both, err := s.Search(ctx, store.Query{Text: "バイラモフ", From: from, Spellings: spell})
		if err != nil {
			t.Fatal(err)
		}
		latin, _ := s.Search(ctx, store.Query{Text: "Bayramov", From: from})
		if len(both) <= len(ja) || len(both) < len(latin) || !strings.Contains(titles(both), "Bayramov, Lavrov discuss peace process") {
			t.Errorf("%s: バイラモフ with its spellings:\n%s\nwithout:\n%s", e, titles(both), titles(ja))
		}
		// The English marks are on the Latin spelling.
		for _, h := range both {
			if h.Kind == "article" && strings.Contains(h.Title, "Bayramov") && len(h.MarksEN) == 0 {
				t.Errorf("%s: %q is not marked", e, h.Title)
			}
		}
		// A name of two words, unquoted, is searched as the name.
		name, _ := s.Search(ctx, store.Query{Text: "Jeyhun Bayramov", From: from, Spellings: spell})
		if !strings.Contains(titles(name), "バイラモフ外相") {
			t.Errorf("%s: Jeyhun Bayramov with its spellings finds no Japanese item:\n%s", e, titles(name))
		}
		// Pages and the count.
		all, _ := s.Search(ctx, store.Query{Text: "Bayramov", From: from})
		page2, _ := s.Search(ctx, store.Query{Text: "Bayramov", From: from, Limit: 2, Offset: 2})
		if len(all) < 4 || titles(page2) != titles(all[2:4]) {
			t.Errorf("%s: the second page of two:\n%s\nof:\n%s", e, titles(page2), titles(all))
		}
		if n, err := s.SearchCount(ctx, store.Query{Text: "Bayramov", From: from}); err != nil || n != len(all) {
			t.Errorf("%s: count %d (%v), want %d", e, n, err, len(all))
		}
		if n, err := s.SearchCount(ctx, store.Query{Text: `"visit working"`}); err != nil || n != 0 {
			t.Errorf("%s: count of nothing: %d %v", e, n, err)
		}
	}
}

func TestSearchRefusesEmptyQueries(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		for _, q := range []string{"", "   ", "、。!"} {
			if _, err := s.Search(ctx, store.Query{Text: q}); err == nil {
				t.Errorf("Search(%q) succeeded", q)
			}
		}
	})
}
