package cluster

import (
	"testing"
	"time"
)

// TestBridgeMerges: two stories of one event that a first article could
// not tie (each outlet told a different half) are merged when a later
// article tells both halves; a story that tells another event is not,
// however close.
func TestBridgeMerges(t *testing.T) {
	for _, apartByEditor := range []bool{false, true} {
		bridge(t, apartByEditor)
	}
}

func bridge(t *testing.T, apartByEditor bool) {
	x := NewIndex(Options{Home: []string{"Azerbaijan", "Azerbaijani"}})
	if apartByEditor {
		x.Link(2, 1, false) // an editor split them: they stay apart
	}
	pad := " The sides discussed the prospects of cooperation and stressed the importance of regular contacts at all levels."
	a := x.Add(Doc{ID: 1, Outlet: "APA", Published: t0, Title: "Shusha hosts Karabakh reconstruction donors conference",
		Text: "Donors pledged funds for the reconstruction of Karabakh at a conference in Shusha hosted by Hikmat Hajiyev." + pad})
	b := x.Add(Doc{ID: 2, Outlet: "TREND", Published: t0.Add(time.Hour), Title: "Mirzayev: pledges reach 400 million dollars",
		Text: "Pledges of the World Bank and the Islamic Development Bank reached 400 million dollars, Mirzayev told reporters." + pad})
	if a.Story == b.Story {
		t.Fatalf("the halves were joined at once: %+v %+v", a, b)
	}
	c := x.Add(Doc{ID: 3, Outlet: "REPORT.AZ", Published: t0.Add(2 * time.Hour), Title: "Shusha donors conference for Karabakh reconstruction: pledges reach 400 million dollars",
		Text: "Donors at the Karabakh reconstruction conference in Shusha hosted by Hikmat Hajiyev pledged 400 million dollars, the World Bank and the Islamic Development Bank among them, Mirzayev told reporters." + pad})
	if apartByEditor {
		if len(c.Merged) != 0 || len(x.Stories()) != 2 {
			t.Errorf("stories an editor split were merged: %+v", c)
		}
		return
	}
	if c.Story != a.Story && c.Story != b.Story || len(c.Merged) != 1 {
		t.Fatalf("the bridge: %+v (stories %d, %d)", c, a.Story, b.Story)
	}
	if got := len(x.Stories()); got != 1 {
		t.Errorf("%d stories after the bridge, want 1", got)
	}
}

// TestSeedSplits: a story placed before (by an older clustering, or
// against an editor's later choice) that holds two events is split when
// it is seeded again: the article of the other event is placed anew.
func TestSeedSplits(t *testing.T) {
	pad := " The sides discussed the prospects of cooperation in the political, economic and humanitarian spheres, and stressed the importance of regular contacts at all levels for the further development of relations."
	long := pad + pad + pad + pad
	x := NewIndex(Options{Home: []string{"Azerbaijan", "Azerbaijani"}})
	one := Doc{ID: 10, Outlet: "AZERTAG", Published: t0, Title: "Kassym-Jomart Tokayev congratulates Ilham Aliyev",
		Text: "President of Kazakhstan Kassym-Jomart Tokayev sent a letter of congratulations to President Ilham Aliyev." + long}
	other := Doc{ID: 11, Outlet: "AZERTAG", Published: t0.Add(time.Hour), Title: "Shavkat Mirziyoyev congratulates Ilham Aliyev",
		Text: "President of Uzbekistan Shavkat Mirziyoyev sent a letter of congratulations to President Ilham Aliyev." + long}
	if a, moved := x.Seed(one, Assignment{Story: 10}); moved || a.Story != 10 {
		t.Errorf("the first: %+v, moved %v", a, moved)
	}
	a, moved := x.Seed(other, Assignment{Story: 10})
	if !moved || a.Story == 10 {
		t.Errorf("another leader's letter in the story: %+v, moved %v", a, moved)
	}
	// An editor's choice stands over the rules, both ways.
	y := NewIndex(Options{Home: []string{"Azerbaijan", "Azerbaijani"}})
	y.Link(10, 11, true)
	y.Seed(one, Assignment{Story: 10})
	if a, moved := y.Seed(other, Assignment{Story: 11}); !moved || a.Story != 10 {
		t.Errorf("put together by an editor: %+v, moved %v", a, moved)
	}
}
