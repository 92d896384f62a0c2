package web

import (
	"context"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"shuho/internal/fetch"
	"shuho/internal/pipeline"
	"shuho/internal/sample"
)

// TestWeekPage collects the sample week, shows its candidates by section,
// adds a story to the week's digest and dismisses another, as an editor.
func TestWeekPage(t *testing.T) {
	f := newFixture(t)
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sample.Start(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	f.s.Profile.Outlets = append(f.s.Profile.Outlets, srv.Outlets()...)
	f.s.Profile.Sources = srv.Sources()
	client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, HostInterval: -1, HostConcurrency: 8, Contact: "test@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	c0 := &pipeline.Collector{Store: f.st, Fetch: client, Profile: f.s.Profile, Owner: "test"}
	if _, err := c0.CollectAll(context.Background()); err != nil {
		t.Fatal(err)
	}

	c := f.client(t)
	csrf := f.signIn(t, c, "editor-user")
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
	ids := regexp.MustCompile(`name="story" value="(\d+)"`).FindAllStringSubmatch(p, -1)
	if len(ids) < 50 {
		t.Fatalf("%d stories with forms", len(ids))
	}
	before, _, _ := f.st.DigestByID(context.Background(), 1)
	n := 0
	for _, s := range before.Sections {
		n += len(s.Items)
	}
	resp, err := f.post(c, "/week/decide", url.Values{"csrf": {csrf}, "story": {ids[0][1]}, "section": {"foreign"}, "action": {"add"}, "date": {"2026-11-14"}})
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
