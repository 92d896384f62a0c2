package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestWeekTriage: the week page's order holds while the desk works
// through it (a dismissed story stays where it was shown, marked) until
// it asks for a fresh ranking; the page's script gets its answers as
// JSON; several stories are dismissed or added at once; a dismissal is
// undone; each story shows its gist and, where the drafter has one, its
// Japanese headline; the compact layout is a line a story.
func TestWeekTriage(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	week := func(query string) string {
		t.Helper()
		code, body := f.get(t, c, "/week?date=2026-11-17"+query)
		if code != 200 {
			t.Fatalf("week page%s: %d", query, code)
		}
		return body
	}
	storyRE := regexp.MustCompile(`<article class="story[^"]*" id="story-(\d+)"`)
	order := func(p string) []string {
		var ids []string
		for _, m := range storyRE.FindAllStringSubmatch(p, -1) {
			ids = append(ids, m[1])
		}
		return ids
	}
	// sectionOf is the heading of the section a story is listed under.
	sectionOf := func(p, id string) string {
		at := strings.Index(p, `id="story-`+id+`"`)
		h := strings.LastIndex(p[:max(at, 0)], "<h2>")
		if at < 0 || h < 0 {
			return ""
		}
		return p[h+4 : h+strings.Index(p[h:], "</h2>")]
	}
	post := func(v url.Values, json bool) *http.Response {
		t.Helper()
		v.Set("csrf", csrf)
		v.Set("date", "2026-11-14")
		req, err := http.NewRequest("POST", f.srv.URL+"/week/decide", strings.NewReader(v.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", f.srv.URL)
		if json {
			req.Header.Set("Accept", "application/json")
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}

	first := week("")
	ids := order(first)
	if len(ids) < 20 {
		t.Fatalf("%d stories", len(ids))
	}
	if !strings.Contains(first, `class="gist"`) || !strings.Contains(first, `class="ja" lang="ja"`) {
		t.Errorf("the stories show no gist or no Japanese headline")
	}
	// A security story dismissed without the script: back on the page,
	// it is where it was, under the same section, marked.
	var sec string
	for _, id := range ids {
		if s := sectionOf(first, id); strings.HasPrefix(s, "軍事・治安関係") {
			sec = id
			break
		}
	}
	resp := post(url.Values{"story": {sec}, "action": {"dismiss"}}, false)
	resp.Body.Close()
	if resp.StatusCode != 303 {
		t.Fatalf("dismiss: %s", resp.Status)
	}
	held := week("")
	if got := order(held); strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("the order changed after a dismiss")
	}
	if s := sectionOf(held, sec); !strings.HasPrefix(s, "軍事・治安関係") {
		t.Errorf("the dismissed story moved to %q", s)
	}
	if !strings.Contains(held, "順序は最初に表示したときのまま") {
		t.Errorf("the page does not say its order is held")
	}
	// A fresh ranking, asked for, moves it out.
	if s := sectionOf(week("&refresh=1"), sec); !strings.HasPrefix(s, "週報対象外") {
		t.Errorf("after a fresh ranking the dismissed story is under %q", s)
	}

	// The script's answers: JSON, one per story; undo takes a dismissal
	// back; two stories dismissed at once; an add names its item.
	answer := func(resp *http.Response) []decided {
		t.Helper()
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var v struct{ Stories []decided }
		if resp.StatusCode != 200 || json.Unmarshal(b, &v) != nil {
			t.Fatalf("%s: %s", resp.Status, b)
		}
		return v.Stories
	}
	if got := answer(post(url.Values{"story": {sec}, "action": {"undo"}}, true)); len(got) != 1 || got[0].Decision != "" || got[0].Error != "" {
		t.Errorf("undo: %+v", got)
	}
	if s := sectionOf(week("&refresh=1"), sec); !strings.HasPrefix(s, "軍事・治安関係") {
		t.Errorf("after the undo the story is under %q", s)
	}
	got := answer(post(url.Values{"story": {ids[1], ids[2]}, "action": {"dismiss"}}, true))
	if len(got) != 2 || got[0].Decision != "none" || got[1].Decision != "none" {
		t.Errorf("two dismissed at once: %+v", got)
	}
	got = answer(post(url.Values{"story": {ids[0], "999999"}, "action": {"add"}}, true))
	if len(got) != 2 || !regexp.MustCompile(`^\d+\.\d+$`).MatchString(got[0].Item) || !strings.HasPrefix(got[0].Link, "/digests/") ||
		got[1].Error == "" {
		t.Errorf("an add of a story and of none: %+v", got)
	}
	// Without the script, a failure among several is shown, not dropped.
	resp = post(url.Values{"story": {ids[3], "999999"}, "action": {"dismiss"}}, false)
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("a dismiss of a story and of none, without the script: %s", resp.Status)
	}
	for _, bad := range []url.Values{
		{"action": {"dismiss"}},
		{"story": {"abc"}, "action": {"dismiss"}},
		{"story": {ids[3]}, "action": {"publish"}},
	} {
		resp := post(bad, false)
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("%v: %s, want 400", bad, resp.Status)
		}
	}
	// The week's search finds a name's other spellings: ハサノフ the
	// stories that write Hasanov.
	if p := week("&q=" + url.QueryEscape("ハサノフ")); !strings.Contains(p, "Zakir Hasanov") {
		t.Errorf("the week's search for ハサノフ finds no Hasanov")
	}
	// The compact layout and the key list are on the page; the script
	// that drives them is served.
	if p := week("&view=compact"); !strings.Contains(p, `class="week compact"`) || !strings.Contains(p, `<dialog id="keys">`) {
		t.Errorf("the compact layout or the key list is missing")
	}
	if code, js := f.get(t, c, "/static/week.js"); code != 200 || !strings.Contains(js, `case "j"`) {
		t.Errorf("/static/week.js: %d", code)
	}
	// The shared drafter (its ranking and glossary built once a minute at
	// most) stays through what changes nothing it learns from (a
	// language chosen, a choice on the week noted in it) and is built
	// anew after what does (a glossary term).
	week("")
	f.s.drafterMu.Lock()
	before := f.s.drafterV
	f.s.drafterMu.Unlock()
	for _, step := range []struct {
		path string
		v    url.Values
	}{{"/lang", url.Values{"lang": {"en"}, "next": {"/week"}}}, {"/week/decide", url.Values{"story": {ids[5]}, "action": {"dismiss"}, "date": {"2026-11-14"}}}} {
		step.v.Set("csrf", csrf)
		resp, err := f.post(c, step.path, step.v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	f.s.drafterMu.Lock()
	kept := f.s.drafterV == before && before != nil
	f.s.drafterMu.Unlock()
	if !kept {
		t.Errorf("the shared drafter was built anew after a language chosen or a week's choice")
	}
	if r, err := f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"place"}, "en": {"Qazax"}, "ja": {"ガザフ"}}); err == nil {
		r.Body.Close()
	}
	f.s.drafterMu.Lock()
	dropped := f.s.drafterV == nil
	f.s.drafterMu.Unlock()
	if !dropped {
		t.Errorf("the shared drafter was kept after a glossary term was added")
	}
	if code, _ := f.get(t, c, "/static/nothing.js"); code != 404 {
		t.Errorf("/static/nothing.js: %d", code)
	}
}
