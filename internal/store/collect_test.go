package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/extract"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// clock is a settable clock for leases and schedules.
type clock struct{ ns atomic.Int64 }

func newClock() *clock {
	c := &clock{}
	c.set(time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC))
	return c
}
func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) set(t time.Time)         { c.ns.Store(t.UnixNano()) }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

func openClocked(t *testing.T, e store.Engine, c *clock) *store.Store {
	t.Helper()
	s, err := store.Open(ctx, storetest.DSN(t, e), store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testSources(n int) []digest.Source {
	var out []digest.Source
	for i := range n {
		out = append(out, digest.Source{Key: fmt.Sprintf("s%02d", i), Outlet: "TREND", Kind: digest.FeedSource,
			URL: fmt.Sprintf("https://example.org/%d.rss", i), Lang: "en", Weight: 0.5, Interval: digest.Duration(30 * time.Minute)})
	}
	return out
}

func TestSourcesSyncAndLease(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			c := newClock()
			s := openClocked(t, e, c)
			if err := s.SyncSources(ctx, "az", testSources(3)); err != nil {
				t.Fatal(err)
			}
			srcs, err := s.Sources(ctx, "az")
			if err != nil || len(srcs) != 3 {
				t.Fatalf("Sources = %d, %v; want 3", len(srcs), err)
			}
			if !srcs[0].NextPoll.Equal(c.now()) || srcs[0].Current != 30*time.Minute || srcs[0].URL != "https://example.org/0.rss" {
				t.Errorf("a new source: %+v", srcs[0])
			}

			// Two owners lease different sources; when every source is
			// leased, none is due.
			a, err := s.LeaseDue(ctx, "az", "w1", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.LeaseDue(ctx, "az", "w2", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			cc, err := s.LeaseDue(ctx, "az", "w3", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if a.ID == b.ID || b.ID == cc.ID || a.ID == cc.ID {
				t.Fatalf("two owners leased one source: %d %d %d", a.ID, b.ID, cc.ID)
			}
			if _, err := s.LeaseDue(ctx, "az", "w4", time.Minute); !errors.Is(err, digest.ErrNotFound) {
				t.Fatalf("LeaseDue with every source leased: %v, want ErrNotFound", err)
			}
			if _, err := s.LeaseSource(ctx, "az", a.Key, "w4", time.Minute); !errors.Is(err, digest.ErrConflict) {
				t.Errorf("LeaseSource of a leased source: %v, want ErrConflict", err)
			}
			if _, err := s.LeaseSource(ctx, "az", "nope", "w4", time.Minute); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("LeaseSource of no source: %v, want ErrNotFound", err)
			}

			// w1 dies; its lease expires and w4 takes the source over. w1's
			// late report is refused, w4's recorded.
			c.advance(2 * time.Minute)
			d, err := s.LeaseDue(ctx, "az", "w4", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if d.ID != a.ID && d.ID != b.ID && d.ID != cc.ID {
				t.Fatalf("w4 leased %d", d.ID)
			}
			late := store.PollResult{Started: c.now(), New: 1, Next: c.now().Add(time.Hour), Current: time.Hour}
			if err := s.FinishPoll(ctx, d.ID, "w1", late); !errors.Is(err, store.ErrLeaseLost) && d.ID == a.ID {
				t.Errorf("a report after the lease passed on: %v, want ErrLeaseLost", err)
			}
			ok := store.PollResult{Started: c.now(), Duration: 1500 * time.Millisecond, New: 3, Duplicate: 2, Failed: 1,
				ETag: `"v1"`, LastModified: "Mon, 16 Nov 2026 09:00:00 GMT", Next: c.now().Add(30 * time.Minute), Current: 30 * time.Minute}
			if err := s.FinishPoll(ctx, d.ID, "w4", ok); err != nil {
				t.Fatal(err)
			}
			fail := store.PollResult{Started: c.now(), Err: "HTTP 500 from https://example.org/", Next: c.now().Add(time.Hour), Current: time.Hour}
			for range 2 {
				if _, err := s.LeaseSource(ctx, "az", d.Key, "w4", time.Minute); err != nil {
					t.Fatal(err)
				}
				if err := s.FinishPoll(ctx, d.ID, "w4", fail); err != nil {
					t.Fatal(err)
				}
			}
			srcs, _ = s.Sources(ctx, "az")
			i := slices.IndexFunc(srcs, func(x store.SourceState) bool { return x.ID == d.ID })
			got := srcs[i]
			if got.ETag != `"v1"` || got.LastSuccess.IsZero() || got.Errors != 2 || got.ErrorsTotal != 2 ||
				got.LastError != fail.Err || !got.NextPoll.Equal(fail.Next) || got.LeaseOwner != "" {
				t.Errorf("after a success and two failures: %+v", got)
			}
			runs, err := s.SourceRuns(ctx, "az", d.Key, c.now().Add(-time.Hour))
			if err != nil || len(runs) != 3 || runs[0].New != 3 || runs[0].Duplicate != 2 || runs[0].Failed != 1 ||
				runs[0].Duration != 1500*time.Millisecond || runs[2].Err != fail.Err {
				t.Errorf("SourceRuns = %+v, %v", runs, err)
			}

			// A success clears the failures in a row, not the total.
			s.LeaseSource(ctx, "az", d.Key, "w4", time.Minute)
			if err := s.FinishPoll(ctx, d.ID, "w4", ok); err != nil {
				t.Fatal(err)
			}
			srcs, _ = s.Sources(ctx, "az")
			if got := srcs[i]; got.Errors != 0 || got.ErrorsTotal != 2 {
				t.Errorf("after a success: errors %d, total %d; want 0, 2", got.Errors, got.ErrorsTotal)
			}

			// A source dropped from the profile is inactive; a changed one
			// keeps its state.
			next := testSources(2)
			next[0].URL = "https://example.org/new.rss"
			if err := s.SyncSources(ctx, "az", next); err != nil {
				t.Fatal(err)
			}
			srcs, _ = s.Sources(ctx, "az")
			if len(srcs) != 2 || srcs[0].URL != "https://example.org/new.rss" {
				t.Errorf("after a resync: %+v", srcs)
			}
		})
	}
}

// TestLeaseDueConcurrent: workers racing for due sources each get
// different ones, on both engines.
func TestLeaseDueConcurrent(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			c := newClock()
			s := openClocked(t, e, c)
			if err := s.SyncSources(ctx, "az", testSources(40)); err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			seen := map[int64]string{}
			var wg sync.WaitGroup
			for w := range 4 {
				wg.Go(func() {
					owner := fmt.Sprintf("w%d", w)
					for {
						st, err := s.LeaseDue(ctx, "az", owner, time.Hour)
						if errors.Is(err, digest.ErrNotFound) {
							return
						}
						if err != nil {
							t.Error(err)
							return
						}
						mu.Lock()
						if prev, ok := seen[st.ID]; ok {
							t.Errorf("source %d leased by %s and %s", st.ID, prev, owner)
						}
						seen[st.ID] = owner
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			if len(seen) != 40 {
				t.Errorf("%d sources leased, want 40", len(seen))
			}
		})
	}
}

func TestPageClaims(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			c := newClock()
			s := openClocked(t, e, c)
			const u = "https://example.org/a/1"
			claim := func(owner string) bool {
				t.Helper()
				ok, err := s.ClaimPage(ctx, u, owner, time.Minute)
				if err != nil {
					t.Fatal(err)
				}
				return ok
			}
			if !claim("w1") {
				t.Fatal("the first claim failed")
			}
			if claim("w2") {
				t.Error("a second owner claimed a claimed page")
			}
			if !claim("w1") {
				t.Error("the owner could not renew its claim")
			}
			c.advance(2 * time.Minute)
			if !claim("w2") {
				t.Error("an expired claim was not taken over")
			}
			if err := s.ReleasePage(ctx, u, "w2"); err != nil {
				t.Fatal(err)
			}
			if !claim("w3") {
				t.Error("a released page could not be claimed")
			}
			baku, _ := time.LoadLocation("Asia/Baku")
			ids, err := s.AddCollected(ctx, "az", baku, []store.Collected{{
				Article: digest.Article{Outlet: "TREND", URL: u, Published: c.now(), Title: "Mine blast in Tartar", Text: "A deminer was injured.", Lang: "en"},
				Source:  "trend", HTML: extract.Safe(`<p onclick="steal()">A deminer was <a href="javascript:x()">injured</a>.</p><script>alert(1)</script>`),
			}})
			if err != nil || len(ids) != 1 || ids[0] == 0 {
				t.Fatalf("AddCollected = %v, %v", ids, err)
			}
			// The archive keeps sanitized HTML only (H1): the type of the
			// field admits nothing else.
			h, err := s.ArticleHTML(ctx, ids[0])
			if err != nil || !strings.Contains(h, "A deminer was") || strings.Contains(h, "script") || strings.Contains(h, "onclick") || strings.Contains(h, "javascript") {
				t.Errorf("stored HTML %q, %v", h, err)
			}
			if _, err := s.ArticleHTML(ctx, ids[0]+100); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("the HTML of no article: %v", err)
			}
			if claim("w1") || claim("w3") {
				t.Error("a stored article's page was claimed")
			}
			known, err := s.KnownURLs(ctx, []string{u, "https://example.org/a/2"})
			if err != nil || !known[u] || known["https://example.org/a/2"] {
				t.Errorf("KnownURLs = %v, %v", known, err)
			}
			// Stored again: skipped, and its id is 0.
			ids, err = s.AddCollected(ctx, "az", baku, []store.Collected{{Article: digest.Article{Outlet: "APA", URL: u, Published: c.now(), Title: "x", Lang: "en"}}})
			if err != nil || ids[0] != 0 {
				t.Errorf("storing a known URL again: %v, %v", ids, err)
			}
			hits, err := s.Search(ctx, store.Query{Text: "deminer"})
			if err != nil || len(hits) != 1 {
				t.Errorf("search for a collected article: %v, %v", hits, err)
			}
		})
	}
}

func TestStories(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			c := newClock()
			s := openClocked(t, e, c)
			baku, _ := time.LoadLocation("Asia/Baku")
			t0 := c.now()
			art := func(outlet, n string, h int) store.Collected {
				return store.Collected{Article: digest.Article{Outlet: outlet, URL: "https://example.org/" + n,
					Published: t0.Add(time.Duration(h) * time.Hour), Title: "Title " + n, Text: "Text " + n, Lang: "en"}}
			}
			ids, err := s.AddCollected(ctx, "az", baku, []store.Collected{art("TREND", "1", 0), art("APA", "2", 1), art("AZERTAG", "3", 2), art("APA", "4", 3)})
			if err != nil {
				t.Fatal(err)
			}
			done, pending, err := s.ClusterInput(ctx, "az", 72*time.Hour, 30*24*time.Hour, 10000)
			if err != nil || len(done) != 0 || len(pending) != 4 || pending[0].ID != ids[0] || pending[3].Text != "Text 4" {
				t.Fatalf("ClusterInput = %d done, %+v, %v", len(done), pending, err)
			}
			if err := s.AssignStories(ctx, "az", []store.StoryAssignment{
				{Article: ids[0], Story: ids[0]}, {Article: ids[1], Story: ids[0]}, {Article: ids[2], Story: ids[2]},
			}); err != nil {
				t.Fatal(err)
			}
			// The fourth joins the first story later, as a duplicate of the
			// second.
			done, pending, err = s.ClusterInput(ctx, "az", 72*time.Hour, 30*24*time.Hour, 10000)
			if err != nil || len(done) != 3 || len(pending) != 1 || done[1].Story != ids[0] {
				t.Fatalf("ClusterInput after = %+v, %+v, %v", done, pending, err)
			}
			if err := s.AssignStories(ctx, "az", []store.StoryAssignment{{Article: ids[3], Story: ids[0], DuplicateOf: ids[1]}}); err != nil {
				t.Fatal(err)
			}
			stories, err := s.Stories(ctx, "az", t0, t0.Add(24*time.Hour))
			if err != nil || len(stories) != 2 {
				t.Fatalf("Stories = %+v, %v", stories, err)
			}
			first := stories[0] // newest first: the first story's last article is the newest
			if first.ID != ids[0] || first.Count != 3 || len(first.Articles) != 3 || !slices.Equal(first.Outlets, []string{"TREND", "APA"}) ||
				!first.First.Equal(t0) || !first.Last.Equal(t0.Add(3*time.Hour)) || first.Title != "Title 1" {
				t.Errorf("first story = %+v", first)
			}
			if stories[1].ID != ids[2] || stories[1].Count != 1 || stories[1].Articles[0].Text != "Text 3" {
				t.Errorf("second story = %+v", stories[1])
			}
			// One article by its id, with its story; not another profile's.
			a, story, err := s.Article(ctx, "az", ids[3])
			if err != nil || story != ids[0] || a.Text != "Text 4" || a.Outlet != "APA" || !a.Published.Equal(t0.Add(3*time.Hour)) {
				t.Errorf("Article = %+v, story %d, %v", a, story, err)
			}
			if _, _, err := s.Article(ctx, "ge", ids[3]); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("another profile's article: %v", err)
			}
			// An unknown story is refused, and nothing of the call is kept.
			if err := s.AssignStories(ctx, "az", []store.StoryAssignment{{Article: ids[3], Story: 0}}); !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("an assignment with no story: %v", err)
			}
		})
	}
}

func TestLocks(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			c := newClock()
			s := openClocked(t, e, c)
			try := func(owner string) bool {
				ok, err := s.TryLock(context.Background(), "cluster:az", owner, time.Minute)
				if err != nil {
					t.Fatal(err)
				}
				return ok
			}
			if !try("a") || try("b") || !try("a") {
				t.Fatal("a lock is held by one owner at a time")
			}
			c.advance(2 * time.Minute)
			if !try("b") {
				t.Fatal("an expired lock was not taken over")
			}
			s.Unlock(ctx, "cluster:az", "a") // not a's: no effect
			if try("a") {
				t.Fatal("another owner's unlock released the lock")
			}
			s.Unlock(ctx, "cluster:az", "b")
			if !try("a") {
				t.Fatal("a released lock could not be taken")
			}
		})
	}
}

// TestClusterInputShares: articles far apart in time are clustered share
// by share, each with only the clustered articles of its own window.
func TestClusterInputShares(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			c := newClock()
			s := openClocked(t, e, c)
			baku, _ := time.LoadLocation("Asia/Baku")
			at := func(n string, when time.Time) store.Collected {
				return store.Collected{Article: digest.Article{Outlet: "APA", URL: "https://example.org/" + n, Published: when, Title: n, Text: n, Lang: "en"}}
			}
			old := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC) // a site's broken date
			ids, err := s.AddCollected(ctx, "az", baku, []store.Collected{at("old", old), at("new1", c.now()), at("new2", c.now().Add(time.Hour))})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.AssignStories(ctx, "az", []store.StoryAssignment{{Article: ids[1], Story: ids[1]}}); err != nil {
				t.Fatal(err)
			}
			done, pending, err := s.ClusterInput(ctx, "az", 72*time.Hour, 14*24*time.Hour, 100)
			if err != nil || len(pending) != 1 || pending[0].ID != ids[0] || len(done) != 0 {
				t.Fatalf("first share: done %d, pending %+v, %v; want the 1970 article alone", len(done), pending, err)
			}
			s.AssignStories(ctx, "az", []store.StoryAssignment{{Article: ids[0], Story: ids[0]}})
			done, pending, err = s.ClusterInput(ctx, "az", 72*time.Hour, 14*24*time.Hour, 100)
			if err != nil || len(pending) != 1 || pending[0].ID != ids[2] || len(done) != 1 || done[0].ID != ids[1] {
				t.Fatalf("second share: done %+v, pending %+v, %v", done, pending, err)
			}
		})
	}
}
