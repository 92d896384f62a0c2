package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"shuho/internal/fetch"
	"shuho/internal/pipeline"
	"shuho/internal/sample"
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
	p := page()
	for _, want := range []string{"候補記事 2026-11-14..2026-11-20", "<h2>軍事・治安関係", "<h2>週報対象外", "President Ilham Aliyev signs pardon decree"} {
		if !strings.Contains(p, want) {
			t.Errorf("the week page lacks %q", want)
		}
	}
	// Search and filters narrow the list.
	resp0, _ := c.Get(f.srv.URL + "/week?date=2026-11-17&q=pardon")
	b0, _ := io.ReadAll(resp0.Body)
	resp0.Body.Close()
	if n := strings.Count(string(b0), `class="story`); n == 0 || n > 3 || !strings.Contains(string(b0), "pardon decree") {
		t.Errorf("a search for pardon: %d stories", n)
	}
	resp0, _ = c.Get(f.srv.URL + "/week?date=2026-11-17&min=0.99")
	b0, _ = io.ReadAll(resp0.Body)
	resp0.Body.Close()
	if n := strings.Count(string(b0), `class="story`); n != 0 {
		t.Errorf("relevance ≥ 0.99: %d stories", n)
	}
	ids := regexp.MustCompile(`name="story" value="(\d+)"`).FindAllStringSubmatch(p, -1)
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
	resp, _ = f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[1][1]}, "action": {"dismiss"}, "date": {"2026-11-14"}})
	resp.Body.Close()
	if p := page(); !strings.Contains(p, "除外済み") || !strings.Contains(p, "追加済み") {
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
		resp, err := f.post(c, "/digests/1/"+action, url.Values{"csrf": {csrf}, "version": {version}})
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
	if code := step(ap, apCSRF, "approve", "0"); code != 409 {
		t.Errorf("approving a version not shown: %d", code)
	}
	if code := step(ap, apCSRF, "approve", "1"); code != 303 {
		t.Fatalf("approve: %d", code)
	}
	if code := step(ap, apCSRF, "publish", "1"); code != 303 {
		t.Fatalf("publish: %d", code)
	}
	if code := step(ap, apCSRF, "publish", "1"); code != 303 {
		t.Errorf("publish again (a double click): %d", code)
	}
	if p := pageOf(ap); !strings.Contains(p, "published") || strings.Count(p, "<li>") < 3 {
		t.Errorf("after publishing, status and history:\n%s", p)
	}
	resp, _ := http.Get(f.srv.URL + "/public")
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `href="/public/1/docx"`) {
		t.Errorf("the public archive lacks it")
	}
}

// TestEditItem edits an item in the page: the text form's syntax, a save
// at the version shown, 409 with the edit kept for a stale page, the lint
// panel showing what the edit broke.
func TestEditItem(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	resp, _ := c.Get(f.srv.URL + "/digests/1/items/1/1/edit")
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "(APA / 16.11.2026)</textarea>") || !strings.Contains(string(b), `value="ハサノフ国防相、トルコ国防相と会談"`) ||
		!strings.Contains(string(b), "見出し案 (rules): <strong>ハサノフ国防相、ギュレル・トルコ国防相と会談</strong>") {
		t.Fatalf("the edit form: %s\n%s", resp.Status, b)
	}
	save := func(version, ja, body string) (int, string) {
		resp, err := f.post(c, "/digests/1/items/1/1", url.Values{"csrf": {csrf}, "version": {version}, "ja": {ja},
			"en": {"Azerbaijani Defense Minister meets Turkish counterpart"}, "body": {body}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	body := "On November 16, the ministers met in **Ankara**.\n\nNOTE: A note. (TREND / 17.11.2026)\n\n- one\n- two (APA / 16.11.2026)"
	if code, page := save("1", "ハサノフ国防相、ギュレル・トルコ国防相と会談。", body); code != 303 {
		t.Fatalf("save: %d\n%s", code, page)
	}
	d, info, _ := f.st.DigestByID(context.Background(), 1)
	it := d.Sections[0].Items[0]
	if info.Version != 2 || len(it.Blocks) != 3 || it.Blocks[1].Kind != "note" || it.Blocks[2].Kind != "list" || len(it.Blocks[2].Citations) != 1 {
		t.Errorf("saved item %+v (version %d)", it, info.Version)
	}
	// The page's lint panel reports the 。 the edit left.
	resp, _ = c.Get(f.srv.URL + "/digests/1")
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "headline-style") {
		t.Errorf("the lint panel does not report the 。")
	}
	// A stale page: 409, the edit kept in the form.
	code, page := save("1", "古い版からの見出し", body)
	if code != 409 || !strings.Contains(page, `value="古い版からの見出し"`) || !strings.Contains(page, "v2") {
		t.Errorf("a stale save: %d\n%s", code, page)
	}
	if code, _ := save("2", "見出し", "● another item"); code != 400 {
		t.Errorf("a body that starts another item: %d", code)
	}
	if code, _ := save("2", "", body); code != 400 {
		t.Errorf("no headline: %d", code)
	}
}

func TestGlossaryPage(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	get := func(path string) string {
		resp, _ := c.Get(f.srv.URL + path)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return string(b)
	}
	if p := get("/glossary?q=" + url.QueryEscape("Bairamov")); !strings.Contains(p, "バイラモフ") {
		t.Errorf("a search by another spelling finds nothing")
	}
	resp, _ := f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"place"}, "en": {"Qazax"}, "ja": {"ガザフ"}, "variants": {"Gazakh, Kazakh town"}})
	resp.Body.Close()
	if resp.StatusCode != 303 {
		t.Fatalf("add: %s", resp.Status)
	}
	if p := get("/glossary?q=gazakh"); !strings.Contains(p, "ガザフ") {
		t.Errorf("the added term is not found by its variant")
	}
	resp, _ = f.post(c, "/glossary", url.Values{"csrf": {csrf}, "kind": {"planet"}, "en": {"Mars"}, "ja": {"火星"}})
	b, _ := io.ReadAll(resp.Body)
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
		"en": {"Rewritten"}, "body": {"A paragraph. (APA / 16.11.2026)"}})
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
