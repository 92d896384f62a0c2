package web

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuho/internal/chat"
	"shuho/internal/digest"
	"shuho/internal/fetch"
	"shuho/internal/pipeline"
	"shuho/internal/sample"
	"shuho/internal/store"
)

// collectSample collects the sample week into a fixture's archive, through
// the real fetch, extraction and clustering, its outlets and sources added
// to the fixture's profile.
func collectSample(t *testing.T, f *fixture) (*sample.Week, *sample.Server) {
	t.Helper()
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sample.Start(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	srv.Use(f.s.Profile)
	client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, HostInterval: -1, HostConcurrency: 8, Contact: "test@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&pipeline.Collector{Store: f.st, Fetch: client, Profile: f.s.Profile, Owner: "test"}).CollectAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	return w, srv
}

// TestWeekPage collects the sample week, shows its candidates by section,
// adds a story to the week's digest and dismisses another, as an editor.
func TestWeekPage(t *testing.T) {
	f := newFixture(t)
	w, srv := collectSample(t, f)
	defer srv.Close()

	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	// The sources page: every sample source, the broken feed's error, a
	// chart of articles a day.
	f.s.Now = func() time.Time { return w.Start.AddDate(0, 0, 7) }
	resp, err := c.Get(f.srv.URL + "/sources")
	if err != nil {
		t.Fatal(err)
	}
	sp, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.Count(string(sp), "<svg") != len(srv.Sources()) || !strings.Contains(string(sp), `class="error"`) || !strings.Contains(string(sp), "<rect") {
		t.Errorf("the sources page: %s\n%s", resp.Status, sp)
	}
	page := func() string {
		resp, err := c.Get(f.srv.URL + "/week?date=2026-11-17")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("week page: %s\n%s", resp.Status, b)
		}
		return string(b)
	}
	// Without a date, the latest week that has stories.
	if code, latest := f.get(t, c, "/week"); code != 200 || !strings.Contains(latest, "候補記事 2026-11-14..2026-11-20") {
		t.Errorf("the week page without a date: %d", code)
	}
	p := page()
	for _, want := range []string{"候補記事 2026-11-14..2026-11-20", "<h2>軍事・治安関係", "<h2>週報対象外", "President Ilham Aliyev signs pardon decree",
		"重要度の内訳: 話題性 ", "報道数 "} {
		if !strings.Contains(p, want) {
			t.Errorf("the week page lacks %q", want)
		}
	}
	// Each story's "add" goes to the section it is listed under unless
	// the editor chooses another.
	for _, sec := range []string{"security", "domestic", "foreign"} {
		i := strings.Index(p, `<section>`+"\n"+`<h2>`+map[string]string{"security": "軍事・治安関係", "domestic": "内政関連", "foreign": "外政関連"}[sec])
		if i < 0 {
			t.Errorf("no section %s", sec)
			continue
		}
		part := p[i:]
		if j := strings.Index(part[1:], "<section>"); j > 0 {
			part = part[:j]
		}
		if n, m := strings.Count(part, `<option value="`+sec+`" selected>`), strings.Count(part, `class="decide"`); n == 0 || n != m {
			t.Errorf("section %s: %d of %d stories' forms choose it", sec, n, m)
		}
	}
	// Search and filters narrow the list.
	resp0, _ := c.Get(f.srv.URL + "/week?date=2026-11-17&q=pardon")
	b0, _ := io.ReadAll(resp0.Body)
	resp0.Body.Close()
	if n := strings.Count(string(b0), `class="story`); n == 0 || n > 3 || !strings.Contains(string(b0), "pardon decree") {
		t.Errorf("a search for pardon: %d stories", n)
	}
	if !strings.Contains(string(b0), `<input type="hidden" name="q" value="pardon">`) {
		t.Errorf("the forms of a searched page do not carry the search back")
	}
	resp0, _ = c.Get(f.srv.URL + "/week?date=2026-11-17&min=0.99")
	b0, _ = io.ReadAll(resp0.Body)
	resp0.Body.Close()
	if n := strings.Count(string(b0), `class="story`); n != 0 {
		t.Errorf("relevance ≥ 0.99: %d stories", n)
	}
	ids := regexp.MustCompile(`type="hidden" name="story" value="(\d+)"`).FindAllStringSubmatch(p, -1)
	if len(ids) < 50 {
		t.Fatalf("%d stories with forms", len(ids))
	}
	before, _, _ := f.st.DigestByID(context.Background(), 1)
	n := 0
	for _, s := range before.Sections {
		n += len(s.Items)
	}
	resp, err = f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[0][1]}, "section": {"foreign"}, "action": {"add"}, "date": {"2026-11-14"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 303 {
		t.Fatalf("add: %s", resp.Status)
	}
	after, info, _ := f.st.DigestByID(context.Background(), 1)
	m := 0
	for _, s := range after.Sections {
		m += len(s.Items)
	}
	if m != n+1 || info.Version != 2 {
		t.Errorf("after adding: %d items (was %d), version %d", m, n, info.Version)
	}
	// The story added is marked with its item, offered no second add, and
	// a second add is refused, naming the item.
	p = page()
	at := strings.Index(p, `type="hidden" name="story" value="`+ids[0][1]+`"`)
	start := strings.LastIndex(p[:max(at, 0)], `<article class="story`)
	if at < 0 || start < 0 || !strings.Contains(p[start:at], "週報に掲載済み：項目") {
		t.Errorf("the story added is not marked as in the digest")
	} else if end := strings.Index(p[at:], "</form>"); end < 0 || strings.Contains(p[at:at+end], `value="add"`) {
		t.Errorf("the story added is offered a second add")
	}
	resp, err = f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[0][1]}, "section": {"foreign"}, "action": {"add"}, "date": {"2026-11-14"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 409 {
		t.Errorf("a second add of one story: %s", resp.Status)
	}
	resp, _ = f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[1][1]}, "action": {"dismiss"}, "date": {"2026-11-14"},
		"q": {"pardon"}, "min": {"0.2"}})
	resp.Body.Close()
	// Back where the editor was: the same week, search and filters, at
	// the story.
	if loc := resp.Header.Get("Location"); !strings.Contains(loc, "q=pardon") || !strings.Contains(loc, "min=0.2") || !strings.HasSuffix(loc, "#story-"+ids[1][1]) {
		t.Errorf("after a dismiss: %s", loc)
	}
	if p := page(); !strings.Contains(p, `id="story-`+ids[1][1]+`"`) {
		t.Errorf("the story has no anchor to come back to")
	}
	if p := page(); !strings.Contains(p, "除外済み") || !strings.Contains(p, "週報に掲載済み") {
		t.Errorf("the choices are not shown")
	}
	resp, _ = f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[2][1]}, "section": {"sport"}, "action": {"add"}})
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("an unknown section: %s", resp.Status)
	}
}

// TestReviewInPages: an editor submits from the digest page, an approver
// approves and publishes, a stale page's button gets 409, and the public
// archive then has the digest.
func TestReviewInPages(t *testing.T) {
	f := newFixture(t)
	ed, ap := f.client(t), f.client(t)
	edCSRF, apCSRF := f.signIn(t, ed, "editor-user"), f.signIn(t, ap, "approver-user")
	step := func(c *http.Client, csrf, action, version string) int {
		resp, err := f.post(c, "/digests/1/"+action, url.Values{"csrf": {csrf}, "version": {version}, "confirm": {"yes"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	pageOf := func(c *http.Client) string {
		resp, _ := c.Get(f.srv.URL + "/digests/1")
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return string(b)
	}
	if p := pageOf(ed); !strings.Contains(p, "確認へ提出") || strings.Contains(p, ">承認<") {
		t.Errorf("an editor's buttons on a draft:\n%s", p)
	}
	if code := step(ed, edCSRF, "submit", "1"); code != 303 {
		t.Fatalf("submit: %d", code)
	}
	if code := step(ed, edCSRF, "approve", "1"); code != 403 {
		t.Errorf("an editor approving: %d", code)
	}
	if p := pageOf(ap); !strings.Contains(p, ">承認<") {
		t.Errorf("an approver's buttons in review")
	}
	if code := step(ap, apCSRF, "approve", "7"); code != 409 {
		t.Errorf("approving a version not shown: %d", code)
	}
	// A step that names no version, or none that can be, is refused
	// before anything is written.
	for _, v := range []string{"", "0", "abc", "-1"} {
		if code := step(ap, apCSRF, "approve", v); code != 428 {
			t.Errorf("approving version %q: %d, want 428", v, code)
		}
	}
	if code := step(ap, apCSRF, "approve", "1"); code != 303 {
		t.Fatalf("approve: %d", code)
	}
	// Publishing asks for confirmation: without it, nothing happens.
	pr, err := f.post(ap, "/digests/1/publish", url.Values{"csrf": {apCSRF}, "version": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	pr.Body.Close()
	if pr.StatusCode != 400 {
		t.Errorf("publish unconfirmed: %d", pr.StatusCode)
	}
	if code := step(ap, apCSRF, "publish", "1"); code != 303 {
		t.Fatalf("publish: %d", code)
	}
	if code := step(ap, apCSRF, "publish", "1"); code != 303 {
		t.Errorf("publish again (a double click): %d", code)
	}
	if p := pageOf(ap); !strings.Contains(p, `data-status="published">公開済み`) || strings.Count(p, "<li>") < 3 {
		t.Errorf("after publishing, status and history:\n%s", p)
	}
	resp, _ := http.Get(f.srv.URL + "/public")
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `href="/public/1/docx"`) {
		t.Errorf("the public archive lacks it")
	}
}

// TestEditItem edits an item in the page: its blocks (a paragraph, a note,
// a list) with their citations, a save at the version shown, 409 with the
// edit kept for a stale page, the checks of the item as typed, and the
// suggestions beside it.
func TestEditItem(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	get := func(path string) (int, string) { return f.get(t, c, path) }
	code, page := get("/digests/1/items/1/1/edit")
	for _, want := range []string{
		`value="ハサノフ国防相、トルコ国防相と会談"`,
		`name="cites" value="(APA / 16.11.2026)"`,
		// The headline as the drafter would write it, with a button to take it.
		`data-text="ハサノフ国防相、ギュレル・トルコ国防相と会談"`,
		// A blank block to add one with, without the script.
		`<textarea name="text" rows="5" aria-label="本文"></textarea>`,
		`<script src="/static/editor.js" defer></script>`,
		"この項目に問題は見つかりません。",
	} {
		if code != 200 || !strings.Contains(page, want) {
			t.Fatalf("the edit form (%d) lacks %s:\n%s", code, want, page)
		}
	}
	form := func(version, ja string, blocks ...[3]string) url.Values {
		v := url.Values{"csrf": {csrf}, "version": {version}, "ja": {ja}, "en": {"Azerbaijani Defense Minister meets Turkish counterpart"}}
		for _, b := range blocks {
			v["kind"] = append(v["kind"], b[0])
			v["text"] = append(v["text"], b[1])
			v["cites"] = append(v["cites"], b[2])
		}
		return v
	}
	send := func(path string, v url.Values) (int, string) {
		resp, err := f.post(c, path, v)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	blocks := [][3]string{
		{"paragraph", "On November 16, the ministers met in **Ankara**.", ""},
		{"note", "A note.", "(TREND / 17.11.2026)"},
		{"list", "one\n- two\r\n\n", "(APA / 16.11.2026)"},
		{"paragraph", "", ""}, // the blank block
	}
	// The checks as typed, nothing saved: the 。 the headline ends in.
	if code, frag := send("/digests/1/items/1/1/check", form("1", "ハサノフ国防相、トルコ国防相と会談。", blocks...)); code != 200 ||
		!strings.Contains(frag, "headline-style") || strings.Contains(frag, "<html") {
		t.Errorf("check as typed: %d\n%s", code, frag)
	}
	if code, frag := send("/digests/1/items/1/1/check", form("1", "見出し", [3]string{"paragraph", "Text.", "APA 16.11.2026"})); code != 200 ||
		!strings.Contains(frag, `class="error"`) || !strings.Contains(frag, "ブロック 1：出典") {
		t.Errorf("check of citations not written as citations: %d\n%s", code, frag)
	}
	// A headline of names only, or none yet: unfinished, an error.
	for _, ja := range []string{"ハサノフ国防相、トルコ国防相", ""} {
		if code, frag := send("/digests/1/items/1/1/check", form("1", ja, blocks...)); code != 200 || !strings.Contains(frag, "headline-unfinished") {
			t.Errorf("check of the headline %q: %d\n%s", ja, code, frag)
		}
	}
	if _, info, _ := f.st.DigestByID(context.Background(), 1); info.Version != 1 {
		t.Errorf("a check saved the digest: version %d", info.Version)
	}
	// A save, a move or a restore that names no version it was made on is
	// refused, nothing written (428).
	for _, v := range []string{"", "0", "abc"} {
		if code, _ := send("/digests/1/items/1/1", form(v, "ハサノフ国防相、ギュレル・トルコ国防相と会談", blocks...)); code != 428 {
			t.Errorf("a save at version %q: %d, want 428", v, code)
		}
		if code, _ := send("/digests/1/items/1/1/move", url.Values{"csrf": {csrf}, "version": {v}, "to": {"down"}}); code != 428 {
			t.Errorf("a move at version %q: %d, want 428", v, code)
		}
		if code, _ := send("/digests/1/restore", url.Values{"csrf": {csrf}, "version": {v}, "revision": {"1"}}); code != 428 {
			t.Errorf("a restore at version %q: %d, want 428", v, code)
		}
	}
	if _, info, _ := f.st.DigestByID(context.Background(), 1); info.Version != 1 {
		t.Errorf("a refused change was written: version %d", info.Version)
	}
	if code, page := send("/digests/1/items/1/1", form("1", "ハサノフ国防相、ギュレル・トルコ国防相と会談。", blocks...)); code != 303 {
		t.Fatalf("save: %d\n%s", code, page)
	}
	d, info, _ := f.st.DigestByID(context.Background(), 1)
	it := d.Sections[0].Items[0]
	if info.Version != 2 || len(it.Blocks) != 3 || it.Blocks[0].Text != "On November 16, the ministers met in **Ankara**." ||
		it.Blocks[1].Kind != "note" || it.Blocks[1].Text != "A note." || len(it.Blocks[1].Citations) != 1 ||
		it.Blocks[2].Kind != "list" || !slices.Equal(it.Blocks[2].Entries, []string{"one", "two"}) || len(it.Blocks[2].Citations) != 1 {
		t.Errorf("saved item %+v (version %d)", it, info.Version)
	}
	// The page shows the blocks as saved, and its checks the 。.
	_, page = get("/digests/1/items/1/1/edit")
	if !strings.Contains(page, `<option value="note" selected>`) || !strings.Contains(page, "one\ntwo</textarea>") || !strings.Contains(page, "headline-style") {
		t.Errorf("the saved blocks in the form:\n%s", page)
	}
	if _, p := get("/digests/1"); !strings.Contains(p, "headline-style") {
		t.Errorf("the digest's lint panel does not report the 。")
	}
	// An English headline the drafter cannot make a headline of: its
	// names are offered as a hint beside the field, never to take.
	if code, page := send("/digests/1/items/1/1", func() url.Values {
		v := form("2", "", blocks...)
		v.Set("en", "Ilham Aliyev, Recep Tayyip Erdogan")
		return v
	}()); code != 303 {
		t.Fatalf("save with the Japanese headline empty: %d\n%s", code, page)
	}
	_, page = get("/digests/1/items/1/1/edit")
	if !strings.Contains(page, `class="gist"`) || !strings.Contains(page, "アリエフ、エルドアン") || strings.Contains(page, `data-act="use-headline"`) ||
		!strings.Contains(page, "headline-unfinished") {
		t.Errorf("the editor of an item without a Japanese headline:\n%s", page)
	}
	if code, page := send("/digests/1/items/1/1", form("3", "ハサノフ国防相、ギュレル・トルコ国防相と会談。", blocks...)); code != 303 {
		t.Fatalf("save: %d\n%s", code, page)
	}
	// A stale page: 409, the edit kept in the form.
	code, page = send("/digests/1/items/1/1", form("1", "古い版からの見出し", blocks...))
	if code != 409 || !strings.Contains(page, `value="古い版からの見出し"`) || !strings.Contains(page, "v4") || !strings.Contains(page, "**Ankara**") {
		t.Errorf("a stale save: %d\n%s", code, page)
	}
	for name, v := range map[string]url.Values{
		"a block that starts another item": form("2", "見出し", [3]string{"paragraph", "● another item", ""}),
		"no English headline": func() url.Values {
			v := form("2", "見出し", blocks...)
			v.Set("en", " ")
			return v
		}(),
		"a headline of two lines":  form("2", "見出し\n続き", blocks...),
		"an unknown kind":          form("2", "見出し", [3]string{"table", "x", ""}),
		"citations without text":   form("2", "見出し", [3]string{"paragraph", "", "(APA / 16.11.2026)"}),
		"fields of blocks missing": {"csrf": {csrf}, "version": {"2"}, "ja": {"見出し"}, "en": {"x"}, "kind": {"paragraph"}},
	} {
		if code, page := send("/digests/1/items/1/1", v); code != 400 || !strings.Contains(page, `class="error"`) {
			t.Errorf("%s: %d", name, code)
		}
	}
	// A delete not confirmed deletes nothing and says why, whatever
	// version it was made on.
	d, _, _ = f.st.DigestByID(context.Background(), 1)
	last := fmt.Sprintf("/digests/1/items/1/%d", len(d.Sections[0].Items))
	for _, v := range []string{"4", "1"} {
		if code, page := send(last, url.Values{"csrf": {csrf}, "version": {v}, "delete": {"yes"}}); code != 400 || !strings.Contains(page, "削除を確認") {
			t.Errorf("an unconfirmed delete at version %s: %d", v, code)
		}
	}
	if _, info, _ := f.st.DigestByID(context.Background(), 1); info.Version != 4 {
		t.Errorf("a refused save changed the digest: version %d", info.Version)
	}
	// Deleting the last item from a stale page: the later saves did not
	// touch it, so it is deleted from the current version (see
	// TestEditConflicts for the rest).
	if code, _ := send(last, url.Values{"csrf": {csrf}, "version": {"1"}, "delete": {"yes"}, "confirm": {"yes"}}); code != 303 {
		t.Errorf("a stale delete: %d", code)
	}
	if d2, info, _ := f.st.DigestByID(context.Background(), 1); info.Version != 5 || len(d2.Sections[0].Items) != len(d.Sections[0].Items)-1 {
		t.Errorf("after a stale delete: version %d, %d items", info.Version, len(d2.Sections[0].Items))
	}
	// The script is served as a script, under the site's policy.
	resp, err := c.Get(f.srv.URL + "/static/editor.js")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !bytes.Contains(b, []byte("fetch(form.dataset.check")) {
		t.Errorf("the editor's script: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
}

func TestGlossaryPage(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	get := func(path string) string { _, b := f.get(t, c, path); return b }
	if p := get("/glossary?q=" + url.QueryEscape("Bairamov")); !strings.Contains(p, "バイラモフ") {
		t.Errorf("a search by another spelling finds nothing")
	}
	resp, _ := f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"place"}, "en": {"Qazax"}, "ja": {"ガザフ"}, "variants": {"Gazakh, Kazakh town"}})
	resp.Body.Close()
	if resp.StatusCode != 303 {
		t.Fatalf("add: %s", resp.Status)
	}
	p := get("/glossary?q=gazakh")
	if !strings.Contains(p, "ガザフ") || !strings.Contains(p, `href="/glossary?q=gazakh&amp;edit=place:Qazax#term-form"`) {
		t.Errorf("the added term is not found by its variant, or has no edit link")
	}
	// Edit: the term in the form, changed and saved over itself.
	p = get("/glossary?q=gazakh&edit=place:Qazax")
	if !strings.Contains(p, `name="ja" value="ガザフ"`) || !strings.Contains(p, `name="variants" value="Gazakh, Kazakh town"`) {
		t.Errorf("the edit form does not hold the term")
	}
	resp, _ = f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"place"}, "en": {"Qazax"}, "ja": {"ガザハ"}, "variants": {"Gazakh"}})
	resp.Body.Close()
	if p := get("/glossary?q=qazax"); resp.StatusCode != 303 || !strings.Contains(p, "ガザハ") || strings.Contains(p, "ガザフ") || strings.Contains(p, "Kazakh town") {
		t.Errorf("the changed term: %s", resp.Status)
	}
	// A seed term with its offices: they are in the form, kept through a
	// save, and an entry past its check-by day is flagged in the hits.
	p = get("/glossary?q=" + url.QueryEscape("Jeyhun Bayramov") + "&edit=person:Jeyhun%20Bayramov")
	if !strings.Contains(p, "Foreign Minister;AZ;;2020-07-16;</textarea>") {
		t.Errorf("the edit form does not hold the offices:\n%s", p)
	}
	resp, _ = f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"person"}, "en": {"Jeyhun Bayramov"}, "ja": {"ジェイフン・バイラモフ"},
		"short": {"バイラモフ"}, "country": {"AZ"}, "title": {"Foreign Minister"}, "offices": {"Foreign Minister; AZ; ; 2020-07-16; \n"},
		"check_by": {"2020-01-31"}, "ref": {"https://www.mofa.go.jp/"}})
	resp.Body.Close()
	if p := get("/glossary?q=" + url.QueryEscape("Jeyhun Bayramov")); resp.StatusCode != 303 || !strings.Contains(p, "2020-07-16–") ||
		!strings.Contains(p, "2020-01-31") || !strings.Contains(p, `class="meta error"`) {
		t.Errorf("the saved offices and the overdue check: %s\n%s", resp.Status, p)
	}
	resp, _ = f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"person"}, "en": {"A B"}, "ja": {"エー"}, "offices": {"Foreign Minister; AZ"}})
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "offices, line 1") {
		t.Errorf("an office that cannot be read: %s", resp.Status)
	}
	resp, _ = f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"planet"}, "en": {"Mars"}, "ja": {"火星"}})
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), `value="Mars"`) {
		t.Errorf("a bad kind: %s", resp.Status)
	}
}

func TestLineDiff(t *testing.T) {
	got := lineDiff("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nd\nX\nf\ng\nh")
	var ops []string
	for _, l := range got {
		ops = append(ops, l.Op+l.Text)
	}
	if strings.Join(ops, "|") != "…(2)|=c|=d|-e|+X|=f|=g|…(1)" {
		t.Errorf("diff %q", ops)
	}
	if d := lineDiff("", "a"); len(d) != 1 || d[0].Op != "+" {
		t.Errorf("from nothing: %v", d)
	}
}

// TestRevisions: every version listed with its differences; restoring an
// earlier one makes a new version with its content (D6).
func TestRevisions(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	resp, _ := f.post(c, "/digests/1/items/1/1", url.Values{"csrf": {csrf}, "version": {"1"}, "ja": {"書き換えた見出し"},
		"en": {"Rewritten"}, "kind": {"paragraph"}, "text": {"A paragraph."}, "cites": {"(APA / 16.11.2026)"}})
	resp.Body.Close()
	resp, _ = c.Get(f.srv.URL + "/digests/1/revisions")
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(b)
	if resp.StatusCode != 200 || !strings.Contains(page, `<span class="d&#43;">&#43; ● 書き換えた見出し</span>`) || !strings.Contains(page, `<span class="d-">- ● ハサノフ国防相、トルコ国防相と会談</span>`) {
		t.Fatalf("revisions: %s\n%s", resp.Status, page)
	}
	resp, _ = f.post(c, "/digests/1/restore", url.Values{"csrf": {csrf}, "revision": {"1"}, "version": {"1"}})
	resp.Body.Close()
	if resp.StatusCode != 409 {
		t.Errorf("a restore from a stale page: %s", resp.Status)
	}
	resp, _ = f.post(c, "/digests/1/restore", url.Values{"csrf": {csrf}, "revision": {"1"}, "version": {"2"}})
	resp.Body.Close()
	d, info, _ := f.st.DigestByID(context.Background(), 1)
	if resp.StatusCode != 303 || info.Version != 3 || d.Sections[0].Items[0].HeadlineJA != "ハサノフ国防相、トルコ国防相と会談" {
		t.Errorf("restore: %s, version %d, %q", resp.Status, info.Version, d.Sections[0].Items[0].HeadlineJA)
	}
	revs, _ := f.st.Revisions(context.Background(), 1)
	if len(revs) != 3 || revs[2].Source != "restore of version 1" {
		t.Errorf("the history after a restore: %d revisions", len(revs))
	}
}

// TestMoveItem moves an item down, and to another section, at the version
// shown; a stale page gets 409.
func TestMoveItem(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	move := func(path, to, version string) int {
		resp, err := f.post(c, path, url.Values{"csrf": {csrf}, "to": {to}, "version": {version}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	before, _, _ := f.st.DigestByID(context.Background(), 1)
	first, second := before.Sections[0].Items[0].HeadlineJA, before.Sections[0].Items[1].HeadlineJA
	if code := move("/digests/1/items/1/1/move", "down", "1"); code != 303 {
		t.Fatalf("down: %d", code)
	}
	d, _, _ := f.st.DigestByID(context.Background(), 1)
	if d.Sections[0].Items[0].HeadlineJA != second || d.Sections[0].Items[1].HeadlineJA != first {
		t.Errorf("after down: %q, %q", d.Sections[0].Items[0].HeadlineJA, d.Sections[0].Items[1].HeadlineJA)
	}
	if code := move("/digests/1/items/1/2/move", "foreign", "1"); code != 409 {
		t.Errorf("a stale move: %d", code)
	}
	if code := move("/digests/1/items/1/2/move", "foreign", "2"); code != 303 {
		t.Fatalf("to foreign: %d", code)
	}
	d, _, _ = f.st.DigestByID(context.Background(), 1)
	last := d.Sections[2].Items[len(d.Sections[2].Items)-1]
	if last.HeadlineJA != first || len(d.Sections[0].Items) != len(before.Sections[0].Items)-1 {
		t.Errorf("after the move to foreign: last %q", last.HeadlineJA)
	}
	if code := move("/digests/1/items/1/1/move", "up", "3"); code != 400 {
		t.Errorf("up from the top: %d", code)
	}
	if code := move("/digests/1/items/1/1/move", "sport", "3"); code != 400 {
		t.Errorf("to a section that is not there: %d", code)
	}
}

// TestEditSuggestions: the editor of an item drafted from a story of the
// week offers that story's lead summary and articles, the storyline's
// earlier items with links, and, with a model configured and asked, the
// model's checked answers (a fake model on loopback: the one outside seam).
func TestEditSuggestions(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	var asked []string
	model := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		user := req.Messages[len(req.Messages)-1].Content
		answer := "国防省、地雷事故を発表"
		if strings.HasPrefix(user, "Summarise") {
			// The article's first sentence: a summary every check accepts.
			_, text, _ := strings.Cut(user, "\nText: ")
			first, _, _ := strings.Cut(text, ". ")
			answer = strings.TrimSpace(first) + "."
			asked = append(asked, "summary")
		} else {
			asked = append(asked, "headline")
		}
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": answer}}}})
	}))
	defer model.Close()
	cl, err := chat.New(chat.Config{BaseURL: model.URL + "/v1", Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	f.s.Chat = cl

	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	get := func(path string) string { return f.page(t, c, path) }
	ids := regexp.MustCompile(`name="story" value="(\d+)"`).FindAllStringSubmatch(get("/week?date=2026-11-14"), -1)
	if len(ids) == 0 {
		t.Fatal("no story in the week")
	}
	resp, err := f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[0][1]}, "section": {"foreign"}, "action": {"add"}, "date": {"2026-11-14"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	d, _, _ := f.st.DigestByID(context.Background(), 1)
	si := slices.IndexFunc(d.Sections, func(s digest.Section) bool { return s.Key == "foreign" })
	ii := len(d.Sections[si].Items) - 1
	it := d.Sections[si].Items[ii]
	// An earlier week's item on the same story, for "seen before".
	past := &digest.Digest{Profile: "az", Title: d.Title, Period: digest.Period{From: digest.NewDate(2026, 11, 7), To: digest.NewDate(2026, 11, 13)},
		Sections: []digest.Section{{Number: 1, Key: "foreign", Title: d.Sections[si].Title, Items: []digest.Item{{
			HeadlineJA: "先週の関連項目", HeadlineEN: it.HeadlineEN, Blocks: it.Blocks}}}}}
	saved, err := f.st.SaveDigest(context.Background(), past, store.SaveOptions{Author: "test", Source: "test"})
	if err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("/digests/1/items/%d/%d/edit", si+1, ii+1)
	page := get(edit)
	var lead []string
	for _, b := range it.Blocks {
		lead = append(lead, b.Text)
	}
	for _, want := range []string{
		"要約案（主記事から） <small>(記事からの抜粋)</small>",
		html.EscapeString(strings.Join(lead, "\n\n")), // the summary to take, as drafted
		"元記事",
		fmt.Sprintf(`<a href="/digests/%d">先週の関連項目</a>`, saved.ID),
		`href="` + edit + `?ask=model">モデルに提案を求める (test-model)`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the editor lacks %q", want)
			if i := strings.Index(page, "aside class=\"seen\""); i >= 0 {
				t.Logf("%s", page[i:])
			}
		}
	}
	if len(asked) != 0 {
		t.Errorf("the model was asked unasked: %v", asked)
	}
	page = get(edit + "?ask=model")
	if !strings.Contains(page, "<strong>国防省、地雷事故を発表</strong>") || !strings.Contains(page, "<small>(言語モデル)</small>") || strings.Contains(page, "?ask=model") ||
		!slices.Equal(asked, []string{"headline", "summary"}) {
		t.Errorf("the model's answers (asked %v):\n%s", asked, page)
	}
}

// TestArticlePage: a collected article read in the editor from the archive,
// its HTML sanitized; linked from the week; another profile's or no
// article is 404.
func TestArticlePage(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	// A row written by other hands than the collector's: sanitized on the
	// way out too.
	db, err := sql.Open("sqlite", "file:"+f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), `INSERT INTO article_html (article_id, html) SELECT MAX(id), '<p onclick="x()">Hostile<script>alert(1)</script></p>' FROM articles WHERE true
		ON CONFLICT (article_id) DO UPDATE SET html = excluded.html`); err != nil {
		t.Fatal(err)
	}
	c := f.client(t)
	f.signIn(t, c, "viewer-user")
	get := func(path string) (int, string) { return f.get(t, c, path) }
	_, week := get("/week?date=2026-11-17")
	m := regexp.MustCompile(`<a href="/articles/(\d+)">([^<]+)</a>`).FindStringSubmatch(week)
	if m == nil {
		t.Fatal("the week links no article")
	}
	code, page := get("/articles/" + m[1])
	if code != 200 || !strings.Contains(page, "<h1>"+m[2]+"</h1>") || !strings.Contains(page, `<article class="source"><p>`) {
		t.Errorf("the article page: %d\n%.2000s", code, page)
	}
	var last int64
	db.QueryRowContext(context.Background(), `SELECT MAX(id) FROM articles`).Scan(&last)
	code, page = get(fmt.Sprintf("/articles/%d", last))
	if code != 200 || !strings.Contains(page, "Hostile") || strings.Contains(page, "onclick") || strings.Contains(page, "<script>alert") {
		t.Errorf("hostile stored HTML shown: %d\n%.2000s", code, page)
	}
	for _, p := range []string{"/articles/0", "/articles/x", fmt.Sprintf("/articles/%d", last+1000)} {
		if code, _ := get(p); code != 404 {
			t.Errorf("%s: %d", p, code)
		}
	}
}

// TestSplitAndMergeStories: on the week page an editor takes an article
// out of its story and puts two stories together; the page shows it at
// once and the archive keeps the choices for later clustering. Wrong
// forms are refused with the reason.
func TestSplitAndMergeStories(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	page := func() string { return f.page(t, c, "/week?date=2026-11-17") }
	p := page()
	stories := strings.Count(p, `class="story`)
	arts := regexp.MustCompile(`name="article" value="(\d+)"`).FindAllStringSubmatch(p, -1)
	if len(arts) == 0 {
		t.Fatal("no story of several articles offers a split")
	}
	post := func(path string, v url.Values) int {
		t.Helper()
		v.Set("csrf", csrf)
		v.Set("date", "2026-11-14")
		resp, err := f.post(c, path, v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post("/week/split", url.Values{"article": {arts[0][1]}}); code != 303 {
		t.Fatalf("split: %d", code)
	}
	if n := strings.Count(page(), `class="story`); n != stories+1 {
		t.Errorf("%d stories after a split, want %d", n, stories+1)
	}
	id, _ := strconv.ParseInt(arts[0][1], 10, 64)
	if links, err := f.st.StoryLinks(context.Background(), f.s.Profile.Key, []int64{id}); err != nil || len(links) == 0 || links[0].Same {
		t.Errorf("the split is not kept: %+v, %v", links, err)
	}
	chosen := regexp.MustCompile(`type="checkbox" name="story" value="(\d+)"`).FindAllStringSubmatch(page(), -1)
	if code := post("/week/merge", url.Values{"story": {chosen[0][1], chosen[1][1]}}); code != 303 {
		t.Fatalf("merge: %d", code)
	}
	if n := strings.Count(page(), `class="story`); n != stories {
		t.Errorf("%d stories after a merge, want %d", n, stories)
	}
	for _, bad := range []struct {
		path string
		v    url.Values
		code int
	}{
		{"/week/merge", url.Values{"story": {chosen[0][1]}}, 400},
		{"/week/merge", url.Values{"story": {"abc", chosen[0][1]}}, 400},
		{"/week/merge", url.Values{"story": {chosen[0][1], "999999"}}, 404},
		{"/week/split", url.Values{"article": {"999999"}}, 404},
		{"/week/split", url.Values{"article": {""}}, 400},
	} {
		if code := post(bad.path, bad.v); code != bad.code {
			t.Errorf("%s %v: %d, want %d", bad.path, bad.v, code, bad.code)
		}
	}
}
