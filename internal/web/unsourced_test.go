package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
)

// TestBodyUnsourced: an editor changes "three officials" in a drafted
// item's body to "seven officials"; the live check answers with a
// body-unsourced warning naming "seven", in the user's language, and the
// body as drafted has none. The sample week collected through the real
// pipeline into a real SQLite store, the check asked over HTTP.
func TestBodyUnsourced(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	ctx := context.Background()

	// The story of the arrest of three officials in Ganja.
	loc := f.s.Profile.Location()
	stories, err := f.st.Stories(ctx, f.s.Profile.Key, time.Date(2026, 11, 14, 0, 0, 0, 0, loc), time.Date(2026, 11, 21, 0, 0, 0, 0, loc))
	if err != nil {
		t.Fatal(err)
	}
	var story int64
	for _, st := range stories {
		if slices.ContainsFunc(st.Articles, func(a digest.Article) bool { return strings.Contains(a.Text, "detained three officials") }) {
			story = st.ID
		}
	}
	if story == 0 {
		t.Fatal("the sample week has no story of three officials detained")
	}
	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
	resp, err := f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {fmt.Sprint(story)}, "section": {"domestic"}, "action": {"add"}, "date": {"2026-11-14"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	d, _, err := f.st.DigestByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	si := slices.IndexFunc(d.Sections, func(s digest.Section) bool { return s.Key == "domestic" })
	ii := len(d.Sections[si].Items) - 1
	it := d.Sections[si].Items[ii]
	if !strings.Contains(it.Blocks[0].Text, "three officials") {
		t.Fatalf("the drafted body does not say three officials: %q", it.Blocks[0].Text)
	}

	check := func(body func(string) string) string {
		t.Helper()
		form := formOf(it)
		v := url.Values{"csrf": {csrf}, "version": {"1"}, "ja": {form.JA}, "en": {form.EN}}
		for _, b := range form.Blocks {
			v["kind"] = append(v["kind"], string(b.Kind))
			v["text"] = append(v["text"], body(b.Text))
			v["cites"] = append(v["cites"], b.Cites)
		}
		resp, err := f.post(c, fmt.Sprintf("/digests/1/items/%d/%d/check", si+1, ii+1), v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("check: %d\n%s", resp.StatusCode, b)
		}
		return html.UnescapeString(string(b))
	}
	same := func(s string) string { return s }
	seven := func(s string) string { return strings.Replace(s, "three officials", "seven officials", 1) }

	if frag := check(same); strings.Contains(frag, "body-unsourced") {
		t.Errorf("the body as drafted is flagged:\n%s", frag)
	}
	frag := check(seven)
	if !strings.Contains(frag, `<li class="warning">警告 body-unsourced: 本文の数字「seven」はどの元記事にもありません。</li>`) {
		t.Errorf("no body-unsourced warning for seven:\n%s", frag)
	}
	if strings.Count(frag, "body-unsourced") != 1 {
		t.Errorf("more than the one change flagged:\n%s", frag)
	}
	// The editor's page opens with the same check of the item as stored.
	if page := f.page(t, c, fmt.Sprintf("/digests/1/items/%d/%d/edit", si+1, ii+1)); strings.Contains(page, "body-unsourced") {
		t.Errorf("the editor flags the stored body")
	}
	// In English for a user who reads English.
	resp, err = f.post(c, "/lang", url.Values{"csrf": {csrf}, "lang": {"en"}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if frag := check(seven); !strings.Contains(frag, "warning body-unsourced: The number “seven” in the body is in none of the story's articles.") {
		t.Errorf("no body-unsourced warning in English:\n%s", frag)
	}
}
