package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"shuho/internal/auth"
	"shuho/internal/jsonfmt"
	"shuho/internal/lint"
	"shuho/internal/store"
)

// apiToken makes an API token of a fixture user.
func (f *fixture) apiToken(t *testing.T, name string) string {
	t.Helper()
	u, err := f.st.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	tok := auth.NewToken()
	if _, err := f.st.CreateAPIToken(context.Background(), u.ID, "test", auth.TokenHash(tok)); err != nil {
		t.Fatal(err)
	}
	return tok
}

func (f *fixture) api(t *testing.T, token, method, path, ifMatch, body string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header, string(b)
}

// TestAPI edits a digest through the JSON API and walks it to publication,
// as two clients would: a stale save gets 409 and the current copy.
func TestAPI(t *testing.T) {
	f := newFixture(t)
	editor, approver := f.apiToken(t, "editor-user"), f.apiToken(t, "approver-user")

	code, _, body := f.api(t, editor, "GET", "/api/digests", "", "")
	if code != 200 || !strings.Contains(body, `"from": "2026-11-14"`) || !strings.Contains(body, `"status": "draft"`) {
		t.Fatalf("list: %d %s", code, body)
	}
	code, h, body := f.api(t, editor, "GET", "/api/digests/1", "", "")
	if code != 200 || h.Get("ETag") != `"v1"` {
		t.Fatalf("get: %d %v", code, h)
	}
	d, err := jsonfmt.Decode([]byte(body))
	if err != nil {
		t.Fatalf("the API's digest is not the spec's JSON: %v", err)
	}
	d.Sections[0].Items[0].HeadlineJA = "ハサノフ国防相、ギュレル・トルコ国防相と会談"
	edited, _ := jsonfmt.Encode(d)

	if code, _, _ := f.api(t, editor, "PUT", "/api/digests/1", "", string(edited)); code != http.StatusPreconditionRequired {
		t.Errorf("a save without If-Match: %d", code)
	}
	code, h, body = f.api(t, editor, "PUT", "/api/digests/1", `"v1"`, string(edited))
	if code != 200 || h.Get("ETag") != `"v2"` || !strings.Contains(body, `"outcome": "revised"`) {
		t.Fatalf("save: %d %s", code, body)
	}
	// Another client, still on version 1, saves: 409 with the current copy.
	d.Sections[0].Items[0].HeadlineJA = "別の見出し"
	other, _ := jsonfmt.Encode(d)
	code, h, body = f.api(t, editor, "PUT", "/api/digests/1", `"v1"`, string(other))
	var conflict struct {
		Version int             `json:"version"`
		Current json.RawMessage `json:"current"`
	}
	json.Unmarshal([]byte(body), &conflict)
	if code != 409 || conflict.Version != 2 || !strings.Contains(string(conflict.Current), "ギュレル") || h.Get("ETag") != `"v2"` {
		t.Errorf("a stale save: %d %s", code, body)
	}
	if code, _, body := f.api(t, editor, "PUT", "/api/digests/1", `"v2"`, `{"title": `); code != 400 || !strings.Contains(body, "error") {
		t.Errorf("broken JSON: %d %s", code, body)
	}
	wrongWeek := strings.Replace(string(edited), `"from": "2026-11-14"`, `"from": "2026-11-13"`, 1)
	if code, _, body := f.api(t, editor, "PUT", "/api/digests/1", `"v2"`, wrongWeek); code != 400 || !strings.Contains(body, "not az") {
		t.Errorf("another week's body: %d %s", code, body)
	}

	// The workflow: an editor submits, cannot approve; an approver
	// approves what it saw and publishes, once.
	if code, _, body := f.api(t, editor, "POST", "/api/digests/1/submit", `"v2"`, ""); code != 200 || !strings.Contains(body, `"status": "review"`) {
		t.Errorf("submit: %d %s", code, body)
	}
	if code, _, _ := f.api(t, editor, "POST", "/api/digests/1/approve", `"v2"`, ""); code != 403 {
		t.Errorf("an editor approving: %d", code)
	}
	if code, _, _ := f.api(t, approver, "POST", "/api/digests/1/approve", `"v1"`, ""); code != 409 {
		t.Errorf("approving an old version: %d", code)
	}
	if code, _, body := f.api(t, approver, "POST", "/api/digests/1/approve", `"v2"`, ""); code != 200 || !strings.Contains(body, `"approved_version": 2`) {
		t.Errorf("approve: %d %s", code, body)
	}
	if code, _, body := f.api(t, approver, "POST", "/api/digests/1/publish", `"v2"`, ""); code != 200 || !strings.Contains(body, `"changed": true`) {
		t.Errorf("publish: %d %s", code, body)
	}
	if code, _, body := f.api(t, approver, "POST", "/api/digests/1/publish", `"v2"`, ""); code != 200 || !strings.Contains(body, `"changed": false`) {
		t.Errorf("publish again: %d %s", code, body)
	}
	if code, _, body := f.api(t, editor, "POST", "/api/digests/1/submit", `"v2"`, ""); code != 422 {
		t.Errorf("submitting a published digest: %d %s", code, body)
	}

	// The week's stories (none collected in this fixture) and bad input.
	if code, _, body := f.api(t, editor, "GET", "/api/stories?week=2026-11-16", "", ""); code != 200 || !strings.Contains(body, `"from": "2026-11-14"`) {
		t.Errorf("stories: %d %s", code, body)
	}
	if code, _, _ := f.api(t, editor, "GET", "/api/stories?week=16.11.2026", "", ""); code != 400 {
		t.Errorf("a bad week: %d", code)
	}
	// No token, an unknown one, a revoked one: 401, as JSON.
	if code, h, body := f.api(t, "", "GET", "/api/digests", "", ""); code != 401 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") || !strings.Contains(body, "Unauthorized") {
		t.Errorf("no token: %d %s", code, body)
	}
	if code, _, _ := f.api(t, "made-up", "GET", "/api/digests", "", ""); code != 401 {
		t.Errorf("an unknown token: %d", code)
	}
	if err := f.st.RevokeAPIToken(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := f.api(t, editor, "GET", "/api/digests", "", ""); code != 401 {
		t.Errorf("a revoked token: %d", code)
	}
}

// TestPublic: the published digests for anyone, as they were published,
// with their downloads and an Atom feed.
func TestPublic(t *testing.T) {
	f := newFixture(t)
	get := func(path string) (int, http.Header, string) { return f.api(t, "", "GET", path, "", "") }
	if code, _, body := get("/public"); code != 200 || !strings.Contains(body, "公開された週報はまだありません") {
		t.Errorf("before publishing: %d %s", code, body)
	}
	if code, _, _ := get("/public/1/docx"); code != 404 {
		t.Errorf("an unpublished digest's download: %d", code)
	}
	ctx := context.Background()
	for _, a := range []store.Action{store.Submit, store.Approve, store.Publish} {
		if _, _, err := f.st.Step(ctx, 1, a, 1, "kenji", ""); err != nil {
			t.Fatal(err)
		}
	}
	// An edit after publishing starts the next round; the public keeps
	// what went out.
	d, _, err := f.st.DigestByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	d.Sections[0].Items[0].HeadlineJA = "未公開の見出し"
	if _, err := f.st.SaveDigest(ctx, d, store.SaveOptions{Author: "mari", Source: "editor", IfVersion: 1}); err != nil {
		t.Fatal(err)
	}
	code, _, body := get("/public")
	if code != 200 || !strings.Contains(body, `<a href="/public/1/pdf">pdf</a>`) {
		t.Errorf("the public list: %d %s", code, body)
	}
	code, h, body := get("/public/1/txt")
	if code != 200 || !strings.Contains(body, "ハサノフ国防相、トルコ国防相と会談") || strings.Contains(body, "未公開の見出し") || !strings.Contains(h.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("the published text: %d %s", code, body)
	}
	// The feed's addresses are the configured site's, whatever Host the
	// request names.
	f.s.BaseURL = "https://shuho.example.org/"
	req, _ := http.NewRequest("GET", f.srv.URL+"/public/feed.atom", nil)
	req.Host = "evil.example"
	if resp, err := http.DefaultClient.Do(req); err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "evil.example") || !strings.Contains(string(b), "https://shuho.example.org/public/1/v1") {
			t.Errorf("the feed follows the request's Host:\n%s", b)
		}
	}
	code, h, body = get("/public/feed.atom")
	var feed atomFeed
	if code != 200 || h.Get("Content-Type") != "application/atom+xml; charset=utf-8" || xml.Unmarshal([]byte(body), &feed) != nil ||
		len(feed.Entries) != 1 || !strings.Contains(feed.Entries[0].Summary.Text, "● ハサノフ国防相、トルコ国防相と会談") ||
		!strings.HasSuffix(feed.Entries[0].ID, "/public/1/v1") {
		t.Errorf("the feed: %d %s", code, body)
	}
}

// TestAPIItems reads and changes one item at a time, adds a story of the
// week and finds articles, through the API with tokens.
func TestAPIItems(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	editor, viewer := f.apiToken(t, "editor-user"), f.apiToken(t, "viewer-user")

	code, h, body := f.api(t, viewer, "GET", "/api/digests/1/items/1/1", "", "")
	if code != 200 || h.Get("ETag") != `"v1"` || !strings.Contains(body, `"headline_ja": "ハサノフ国防相、トルコ国防相と会談"`) || strings.Contains(body, `"sections"`) {
		t.Fatalf("an item: %d %s\n%s", code, h.Get("ETag"), body)
	}
	if code, _, _ := f.api(t, viewer, "GET", "/api/digests/1/items/1/99", "", ""); code != 404 {
		t.Errorf("an item that is not there: %d", code)
	}
	if code, _, _ := f.api(t, viewer, "PUT", "/api/digests/1/items/1/1", `"v1"`, body); code != 403 {
		t.Errorf("a viewer's change: %d", code)
	}
	// Replace the item: its headline changed, at the version read.
	changed := strings.Replace(body, "ハサノフ国防相、トルコ国防相と会談", "ハサノフ国防相、ギュレル・トルコ国防相と会談", 1)
	if code, _, _ := f.api(t, editor, "PUT", "/api/digests/1/items/1/1", "", changed); code != 428 {
		t.Errorf("a change without If-Match: %d", code)
	}
	code, h, out := f.api(t, editor, "PUT", "/api/digests/1/items/1/1", `"v1"`, changed)
	if code != 200 || h.Get("ETag") != `"v2"` || !strings.Contains(out, `"outcome": "revised"`) {
		t.Fatalf("replace: %d %s", code, out)
	}
	d, _, _ := f.st.DigestByID(context.Background(), 1)
	if d.Sections[0].Items[0].HeadlineJA != "ハサノフ国防相、ギュレル・トルコ国防相と会談" {
		t.Errorf("after the change: %q", d.Sections[0].Items[0].HeadlineJA)
	}
	// A stale change: 409 with the current copy; a broken item: 400 saying where.
	if code, _, out := f.api(t, editor, "PUT", "/api/digests/1/items/1/1", `"v1"`, body); code != 409 || !strings.Contains(out, `"current"`) {
		t.Errorf("a stale change: %d", code)
	}
	broken := strings.Replace(changed, `"kind": "paragraph"`, `"kind": "table"`, 1)
	// The message names the item and the field, not a place in a document
	// the client never sent.
	if code, _, out := f.api(t, editor, "PUT", "/api/digests/1/items/1/1", `"v2"`, broken); code != 400 ||
		!strings.Contains(out, `item 1.1: sections[0].items[0].blocks[0].kind: \"table\" is not a block kind`) {
		t.Errorf("a broken item: %d %s", code, out)
	}
	if code, _, _ := f.api(t, editor, "PUT", "/api/digests/1/items/1/1", `"v2"`, "[1, 2]"); code != 400 {
		t.Errorf("a body that is not an object: %d", code)
	}
	// Add it again at the end of section 2, then delete that copy.
	code, _, out = f.api(t, editor, "POST", "/api/digests/1/items/2", `"v2"`, changed)
	if code != 200 || !strings.Contains(out, `"version": 3`) {
		t.Fatalf("add: %d %s", code, out)
	}
	d, _, _ = f.st.DigestByID(context.Background(), 1)
	n := len(d.Sections[1].Items)
	if d.Sections[1].Items[n-1].HeadlineJA != "ハサノフ国防相、ギュレル・トルコ国防相と会談" {
		t.Errorf("the added item is not last in section 2")
	}
	if code, _, out := f.api(t, editor, "DELETE", fmt.Sprintf("/api/digests/1/items/2/%d", n), `"v3"`, ""); code != 200 || !strings.Contains(out, `"version": 4`) {
		t.Errorf("delete: %d %s", code, out)
	}
	if d, _, _ = f.st.DigestByID(context.Background(), 1); len(d.Sections[1].Items) != n-1 {
		t.Errorf("after delete: %d items in section 2, want %d", len(d.Sections[1].Items), n-1)
	}

	// The week's stories: add the first to the digest, dismiss the second.
	code, _, out = f.api(t, viewer, "GET", "/api/stories?week=2026-11-17", "", "")
	var week struct {
		Stories []struct {
			ID       int64
			Articles []struct{ ID int64 }
		}
	}
	if err := json.Unmarshal([]byte(out), &week); code != 200 || err != nil || len(week.Stories) < 2 {
		t.Fatalf("stories: %d %v", code, err)
	}
	st := week.Stories[0]
	path := fmt.Sprintf("/api/stories/%d/decide", st.ID)
	if code, _, _ := f.api(t, viewer, "POST", path, "", `{"action": "add", "section": "foreign"}`); code != 403 {
		t.Errorf("a viewer's add: %d", code)
	}
	if code, _, out := f.api(t, editor, "POST", path, "", `{"action": "add", "section": "sport"}`); code != 400 || !strings.Contains(out, "sport") {
		t.Errorf("an add to no section: %d %s", code, out)
	}
	if code, _, out := f.api(t, editor, "POST", path, "", `{"action": "add", "section": "foreign"}`); code != 200 || !strings.Contains(out, `"version": 5`) {
		t.Errorf("add a story: %d %s", code, out)
	} else {
		// The item as drafted: a Japanese headline that is complete or
		// empty, with the gist beside an empty one and never in it.
		var added struct {
			HeadlineJA string `json:"headline_ja"`
			Gist       string `json:"gist"`
			Engine     string `json:"engine"`
		}
		if err := json.Unmarshal([]byte(out), &added); err != nil || added.Engine == "" ||
			added.HeadlineJA == "" && added.Engine != "gist" || added.HeadlineJA != "" && (added.Gist != "" || lint.Unfinished(added.HeadlineJA, nil) != "") {
			t.Errorf("the added item: %+v (%v)", added, err)
		}
	}
	if code, _, out := f.api(t, editor, "POST", fmt.Sprintf("/api/stories/%d/decide", week.Stories[1].ID), "", `{"action": "dismiss"}`); code != 200 {
		t.Errorf("dismiss a story: %d %s", code, out)
	}
	if code, _, _ := f.api(t, editor, "POST", "/api/stories/999999/decide", "", `{"action": "add", "section": "foreign"}`); code != 404 {
		t.Errorf("an unknown story: %d", code)
	}
	// An article with its text, and a search.
	code, _, out = f.api(t, viewer, "GET", fmt.Sprintf("/api/articles/%d", st.Articles[0].ID), "", "")
	if code != 200 || !strings.Contains(out, `"text": "`) || !strings.Contains(out, fmt.Sprintf(`"story": %d`, st.ID)) {
		t.Errorf("an article: %d %.300s", code, out)
	}
	if code, _, _ := f.api(t, viewer, "GET", "/api/articles/0", "", ""); code != 404 {
		t.Errorf("no article: %d", code)
	}
	code, _, out = f.api(t, viewer, "GET", "/api/search?q=Kalbajar&limit=5", "", "")
	if code != 200 || !strings.Contains(out, `"kind": "article"`) || strings.Count(out, `"kind"`) > 5 {
		t.Errorf("search: %d %.500s", code, out)
	}
	for _, q := range []string{"", "?q=x&from=yesterday", "?q=x&limit=0"} {
		if code, _, _ := f.api(t, viewer, "GET", "/api/search"+q, "", ""); code != 400 {
			t.Errorf("search %q: %d", q, code)
		}
	}
}

// TestMetricsRoute: the main listener serves the metrics to an
// administrator's API token only.
func TestMetricsRoute(t *testing.T) {
	f := newFixture(t)
	code, _, _ := f.api(t, f.apiToken(t, "admin-user"), "GET", "/metrics", "", "")
	if code != 404 {
		t.Errorf("no metrics configured: %d", code)
	}
	f.s.Metrics = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "shuho_source_polls_total 1\n") })
	if code, _, body := f.api(t, f.apiToken(t, "admin-user"), "GET", "/metrics", "", ""); code != 200 || !strings.Contains(body, "shuho_source_polls_total") {
		t.Errorf("an administrator's token: %d %s", code, body)
	}
	if code, _, _ := f.api(t, f.apiToken(t, "editor-user"), "GET", "/metrics", "", ""); code != 403 {
		t.Errorf("an editor's token: %d", code)
	}
	c := f.client(t)
	f.signIn(t, c, "admin-user")
	if code, _ := f.get(t, c, "/metrics"); code != 401 {
		t.Errorf("an administrator's session, no token: %d", code)
	}
}

// TestReviewGates: a digest with an error of the checks is not submitted,
// approved or published, unless an approver goes over it with a reason the
// history keeps; the approver of a version is never its last editor (four
// eyes) but on a desk of one; a digest sent back carries its comment.
func TestReviewGates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	editor, approver, admin := f.apiToken(t, "editor-user"), f.apiToken(t, "approver-user"), f.apiToken(t, "admin-user")
	d, _, err := f.st.DigestByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	d.Sections[0].Items[0].HeadlineJA = "" // unfinished: an error
	if _, err := f.st.SaveDigest(ctx, d, store.SaveOptions{Author: "editor-user", Source: "test", IfVersion: 1}); err != nil {
		t.Fatal(err)
	}
	code, _, out := f.api(t, editor, "POST", "/api/digests/1/submit", `"v2"`, "")
	if code != 422 || !strings.Contains(out, "headline-unfinished") {
		t.Fatalf("submit with an error: %d %s", code, out)
	}
	if code, _, _ := f.api(t, editor, "POST", "/api/digests/1/submit", `"v2"`, `{"override": "no"}`); code != 422 {
		t.Errorf("an editor going over the checks: %d", code)
	}
	if _, _, err := f.st.Step(ctx, 1, store.Submit, 2, "someone", ""); err != nil { // as if submitted before the error
		t.Fatal(err)
	}
	if code, _, _ := f.api(t, approver, "POST", "/api/digests/1/approve", `"v2"`, ""); code != 422 {
		t.Errorf("approve with an error, no reason: %d", code)
	}
	if code, _, out := f.api(t, approver, "POST", "/api/digests/1/approve", `"v2"`, `{"override": "the headline is written on paper"}`); code != 200 {
		t.Fatalf("approve over the checks with a reason: %d %s", code, out)
	}
	evs, err := f.st.Events(ctx, 1)
	if err != nil || len(evs) == 0 || !strings.Contains(evs[len(evs)-1].Note, "the headline is written on paper") {
		t.Errorf("the reason is not in the history: %+v, %v", evs, err)
	}
	// Sent back with a comment, which the history keeps and the page shows.
	if code, _, out := f.api(t, approver, "POST", "/api/digests/1/withdraw", `"v2"`, `{"comment": "write the headline of 1.1"}`); code != 200 {
		t.Fatalf("withdraw: %d %s", code, out)
	}
	c := f.client(t)
	f.signIn(t, c, "editor-user")
	if _, page := f.get(t, c, "/digests/1"); !strings.Contains(page, "write the headline of 1.1") {
		t.Errorf("the comment is not on the digest's page")
	} else if !regexp.MustCompile(`\d\d:\d\d (\+|&#43;)04 approver-user: 承認 \(v2\) — チェックのエラーを承知で：the headline is written on paper`).MatchString(page) {
		t.Errorf("the history's times are not in the desk's zone, named: %s", page[strings.Index(page, "<details>"):][:400])
	}
	// Four eyes: the last editor of a version does not approve it.
	d.Sections[0].Items[0].HeadlineJA = "ハサノフ国防相、トルコ国防相と会談"
	if _, err := f.st.SaveDigest(ctx, d, store.SaveOptions{Author: "approver-user", Source: "test", IfVersion: 2}); err != nil {
		t.Fatal(err)
	}
	if code, _, out := f.api(t, approver, "POST", "/api/digests/1/approve", `"v3"`, ""); code != 422 || !strings.Contains(out, "four eyes") {
		t.Errorf("the last editor approving: %d %s", code, out)
	}
	if code, _, out := f.api(t, admin, "POST", "/api/digests/1/approve", `"v3"`, ""); code != 200 {
		t.Errorf("another approver: %d %s", code, out)
	}
	// On the page: a refused step says why, with 422.
	if _, _, err := f.st.Step(ctx, 1, store.Withdraw, 3, "admin-user", ""); err != nil {
		t.Fatal(err)
	}
	ap := f.client(t)
	csrf := f.signIn(t, ap, "approver-user")
	resp, err := f.post(ap, "/digests/1/approve", url.Values{"csrf": {csrf}, "version": {"3"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 422 || !strings.Contains(string(b), "ダブルチェック") || !strings.Contains(string(b), `role="alert"`) {
		t.Errorf("the page's refusal: %d", resp.StatusCode)
	}
	// A desk of one may approve its own change.
	f.s.Profile.OneDesk = true
	if code, _, out := f.api(t, approver, "POST", "/api/digests/1/approve", `"v3"`, ""); code != 200 {
		t.Errorf("a desk of one: %d %s", code, out)
	}
}
