package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"shuho/internal/cluster"
	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/store"
)

// ClusterReport is what a clustering run did.
type ClusterReport struct {
	Articles, Stories, Duplicates int
	// Split counts articles placed before that were placed anew, their
	// story holding another event; Merged, stories merged into another
	// when a later article bridged them.
	Split, Merged int
}

// Cluster places the profile's new articles in stories: with the stories of
// the last days when they tell the same event, or in stories of their own.
// One collector at a time clusters a profile (a lock in the archive); the
// others return at once.
func (c *Collector) Cluster(ctx context.Context) (ClusterReport, error) {
	var rep ClusterReport
	lock := "cluster:" + c.Profile.Key
	ok, err := c.Store.TryLock(ctx, lock, c.Owner, 10*time.Minute)
	if err != nil || !ok {
		return rep, err
	}
	defer c.Store.Unlock(context.WithoutCancel(ctx), lock, c.Owner)
	const window = 72 * time.Hour
	// Share by share, a fortnight of publication at most: memory stays
	// bounded when articles of years come in at once.
	for {
		done, pending, err := c.Store.ClusterInput(ctx, c.Profile.Key, window, 14*24*time.Hour, 20000)
		if err != nil || len(pending) == 0 {
			return rep, err
		}
		// The lock is renewed for each share.
		if ok, err := c.Store.TryLock(ctx, lock, c.Owner, 10*time.Minute); err != nil || !ok {
			return rep, cmp.Or(err, fmt.Errorf("the clustering lock was lost"))
		}
		share, err := c.clusterShare(ctx, window, done, pending)
		if c.Clustered != nil && share.Articles > 0 {
			c.Clustered(share)
		}
		rep.Articles += share.Articles
		rep.Stories += share.Stories
		rep.Duplicates += share.Duplicates
		rep.Split += share.Split
		rep.Merged += share.Merged
		if err != nil {
			return rep, err
		}
	}
}

// clusterShare places pending articles in stories, with the clustered
// ones of their window (done) as they were placed.
func (c *Collector) clusterShare(ctx context.Context, window time.Duration, done, pending []store.ClusterDoc) (ClusterReport, error) {
	var rep ClusterReport
	// In order of publication, the clustered and the new interleaved: the
	// index's window follows the documents' times.
	all := append(append([]store.ClusterDoc(nil), done...), pending...)
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := all[a].Published.Compare(all[b].Published); c != 0 {
			return c
		}
		return cmp.Compare(all[a].ID, all[b].ID)
	})
	// The documents are prepared on every core, in that order (that is
	// most of the work), while the index takes them one by one as they
	// are ready: the clustered ones of the window as they were placed,
	// the new ones placed in order.
	ix := cluster.NewIndex(cluster.Options{Window: window, Home: c.home()})
	// The editors' choices on these articles: every placement keeps them.
	ids := make([]int64, len(all))
	for i, d := range all {
		ids[i] = d.ID
	}
	links, err := c.Store.StoryLinks(ctx, c.Profile.Key, ids)
	if err != nil {
		return rep, err
	}
	for _, l := range links {
		ix.Link(l.A, l.B, l.Same)
	}
	prepared := make([]*cluster.Prepared, len(all))
	ready := make([]chan struct{}, len(all))
	for k := range ready {
		ready[k] = make(chan struct{})
	}
	var next atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(order) {
					return
				}
				select {
				case <-stop:
					return
				default:
				}
				prepared[k] = ix.Prepare(clusterDoc(all[order[k]]))
				close(ready[k])
			}
		})
	}
	var as []store.StoryAssignment
	var merges []cluster.Assignment
	stories := map[int64]bool{}
	for k, i := range order {
		select {
		case <-ready[k]:
		case <-ctx.Done():
			return rep, ctx.Err()
		}
		d := all[i]
		var a cluster.Assignment
		if i < len(done) {
			// Placed before: kept, unless its story turns out to hold
			// another event (then it is placed anew).
			var moved bool
			a, moved = ix.SeedPrepared(prepared[k], cluster.Assignment{Story: d.Story, Duplicate: d.DuplicateOf})
			prepared[k] = nil
			if !moved {
				continue
			}
			rep.Split++
		} else {
			a = ix.AddPrepared(prepared[k])
			prepared[k] = nil
		}
		as = append(as, store.StoryAssignment{Article: d.ID, Story: a.Story, DuplicateOf: a.Duplicate})
		stories[a.Story] = true
		if a.Duplicate != 0 {
			rep.Duplicates++
		}
		if len(a.Merged) > 0 {
			merges = append(merges, a)
		}
	}
	if err := c.Store.AssignStories(ctx, c.Profile.Key, as); err != nil {
		return rep, err
	}
	// Stories a later article bridged, merged in the archive, the first
	// bridge first: a later one may merge into a story an earlier merged.
	for _, m := range merges {
		if err := c.Store.MergeClustered(ctx, c.Profile.Key, m.Story, m.Merged); err != nil {
			return rep, err
		}
		rep.Merged += len(m.Merged)
	}
	rep.Articles, rep.Stories = len(as), len(stories)
	c.log().Info("clustered", "profile", c.Profile.Key, "articles", rep.Articles, "stories", rep.Stories, "duplicates", rep.Duplicates,
		"split", rep.Split, "merged", rep.Merged)
	return rep, nil
}

func clusterDoc(d store.ClusterDoc) cluster.Doc {
	return cluster.Doc{ID: d.ID, URL: d.URL, Outlet: d.Outlet, Title: d.Title, Text: d.Text, Published: d.Published}
}

// home is the desk's own country as its articles write it: its name and
// its adjectives ("Azerbaijan", "Azerbaijani", "Azeri"), from the seed.
func (c *Collector) home() []string {
	out := []string{c.Profile.Country}
	seed, err := glossary.Builtin()
	if err != nil {
		return out // the seed is part of the build; its own tests catch a broken one
	}
	code := ""
	for _, t := range seed {
		if t.Kind == digest.Country && strings.EqualFold(t.EN, c.Profile.Country) {
			code = t.Country
		}
	}
	for _, t := range seed {
		if code != "" && t.Kind == digest.Adjective && t.Country == code {
			out = append(append(out, t.EN), t.Variants...)
		}
	}
	return out
}
