package store_test

import (
	"errors"
	"testing"

	"shuho/internal/digest"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestWorkflow walks a digest through review, approval and publishing:
// a stale save is refused (D5), an approval binds to its version and an
// edit withdraws it, publishing twice publishes once (D7).
func TestWorkflow(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			d := example(t, "example-digest.txt")
			saved, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "aysel", Source: "editor"})
			if err != nil {
				t.Fatal(err)
			}
			id := saved.ID
			step := func(a store.Action, version int, want error) store.Workflow {
				t.Helper()
				w, _, err := s.Step(ctx, id, a, version, "kenji", "")
				if want == nil && err != nil || want != nil && !errors.Is(err, want) {
					t.Fatalf("%s at version %d: %v, want %v", a, version, err, want)
				}
				return w
			}
			step(store.Approve, 1, digest.ErrInvalid) // a draft is not approved
			if w := step(store.Submit, 1, nil); w.Status != store.InReview {
				t.Errorf("after submit: %s", w.Status)
			}
			// An edit from version 1 lands; a second edit from version 1 is
			// stale.
			d.Sections[0].Items[0].HeadlineJA = "ハサノフ国防相、ギュレル・トルコ国防相と会談"
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "aysel", Source: "editor", IfVersion: 1}); err != nil {
				t.Fatal(err)
			}
			d.Sections[0].Items[0].HeadlineJA = "別の見出し"
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "mari", Source: "editor", IfVersion: 1}); !errors.Is(err, digest.ErrConflict) {
				t.Errorf("a stale save: %v", err)
			}
			step(store.Approve, 1, digest.ErrConflict) // approving what was not seen
			w := step(store.Approve, 2, nil)
			if w.Status != store.Approved || w.ApprovedVersion != 2 || w.ApprovedBy != "kenji" {
				t.Errorf("after approve: %+v", w)
			}
			// An edit withdraws the approval.
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "mari", Source: "editor", IfVersion: 2}); err != nil {
				t.Fatal(err)
			}
			w, _ = s.WorkflowOf(ctx, id)
			if w.Status != store.InReview || w.ApprovedVersion != 0 || w.Version != 3 {
				t.Errorf("after an edit of the approved digest: %+v", w)
			}
			step(store.Publish, 3, digest.ErrInvalid) // not approved
			step(store.Approve, 3, nil)
			w = step(store.Publish, 3, nil)
			if w.Status != store.Published || w.PublishedVersion != 3 || w.PublishedAt.IsZero() {
				t.Errorf("after publish: %+v", w)
			}
			// The published version is what the public sees, even after an
			// edit begins the next round.
			pubs, err := s.Published(ctx, "az", 0)
			if err != nil || len(pubs) != 1 || pubs[0].Version != 3 || pubs[0].Digest.Sections[0].Items[0].HeadlineJA != "別の見出し" {
				t.Errorf("published: %+v, %v", pubs, err)
			}
			// A double click publishes once.
			if _, done, err := s.Step(ctx, id, store.Publish, 3, "kenji", ""); err != nil || done {
				t.Errorf("publish again: done %v, %v", done, err)
			}
			// The history holds each step.
			evs, err := s.Events(ctx, id)
			if err != nil || len(evs) != 5 || evs[0].Action != store.Submit || evs[2].Action != store.Reopen || evs[2].Actor != "mari" ||
				evs[4].Action != store.Publish || evs[4].Version != 3 || evs[1].Actor != "kenji" {
				t.Errorf("events %+v, %v", evs, err)
			}
			if _, _, err := s.Step(ctx, 999, store.Submit, 1, "x", ""); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a missing digest: %v", err)
			}
		})
	}
}
