package digest

import "time"

// Article is one news article of an outlet, as collected: the raw material
// that stories and digest items are made from, and part of what search
// covers.
//
// Invariants: Outlet is a citation label (IsOutletLabel); URL is the
// article's canonical address, unique among articles; Published is set.
type Article struct {
	Outlet    string
	URL       string
	Published time.Time
	Title     string
	// Text is the article's main text, paragraphs separated by blank lines.
	Text string
	// Lang is the text's language as a BCP 47 tag, e.g. "en", "ru", "az".
	Lang string
}
