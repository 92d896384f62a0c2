package cluster

// One story, one event, after the fact: the editors' choices that two
// documents tell one event or two, which every placement keeps; the test
// that a document may join a story, or two stories be one; and the merge
// of stories a later document bridges. The signatures they compare are
// event.go's.

// Link records an editor's choice that two documents tell one event
// (same) or two: every later placement keeps it. Links are given before
// the documents are added or seeded.
func (x *Index) Link(a, b int64, same bool) {
	if a > b {
		a, b = b, a
	}
	x.links[[2]int64{a, b}] = same
}

// link returns the editors' choice on two documents, if any.
func (x *Index) link(a, b int64) (same, ok bool) {
	if a > b {
		a, b = b, a
	}
	same, ok = x.links[[2]int64{a, b}]
	return same, ok
}

// differ reports whether two documents tell different events: as the
// editors said, else as their signatures say.
func (x *Index) differ(a, b *entry) bool {
	if same, ok := x.link(a.id, b.id); ok {
		return !same
	}
	return apart(&a.sig, &b.sig)
}

// fits reports whether e may join st: none of its live members tells
// another event.
func (x *Index) fits(e *entry, st *story) bool {
	for _, m := range st.members {
		if !m.dead && x.differ(e, m.entry) {
			return false
		}
	}
	return true
}

// merge moves the members of from into into.
func (x *Index) merge(into, from *story) {
	if into == nil || from == nil || into == from {
		return
	}
	for _, m := range from.members {
		m.entry.a.Story = into.id
		into.members = append(into.members, m)
	}
	into.live += from.live
	if from.first.Before(into.first) {
		into.first = from.first
	}
	if from.last.After(into.last) {
		into.last = from.last
	}
	delete(x.stories, from.id)
}

// mustMove reports whether an editor put e with a live document of
// another story than story.
func (x *Index) mustMove(e *entry, story int64) bool {
	st := x.pinned(e)
	return st != nil && st.id != story
}

// mergeFactor raises the similarity a document needs with a second story
// to merge it with the first: joining one story is a guess among several,
// merging two is a claim about both.
const mergeFactor = 1.5

type scored struct {
	st    *story
	score float64
}

// pinned returns the story of the live document an editor put e with
// (the earliest such document's), or nil.
func (x *Index) pinned(e *entry) *story {
	var with *entry
	for k, same := range x.links {
		if !same || k[0] != e.id && k[1] != e.id {
			continue
		}
		other := k[0]
		if other == e.id {
			other = k[1]
		}
		if o := x.byID[other]; o != nil && !o.dead && (with == nil || o.id < with.id) {
			with = o
		}
	}
	if with == nil {
		return nil
	}
	return x.stories[with.a.Story]
}

// storiesFit reports whether two stories may be one: no member of one
// tells another event than a member of the other.
func (x *Index) storiesFit(a, b *story) bool {
	for _, m := range a.members {
		for _, n := range b.members {
			if !m.dead && !n.dead && x.differ(m.entry, n.entry) {
				return false
			}
		}
	}
	return true
}
