package digest

import "time"

// Article is one news article of an outlet, as collected: the raw material
// that stories and digest items are made from, and part of what search
// covers.
//
// Invariants: Outlet is a citation label (IsOutletLabel); URL is the
// article's canonical address, unique among articles; Published is set.
type Article struct {
	// ID is the archive's number for the article; 0 before it is stored.
	ID        int64
	Outlet    string
	URL       string
	Published time.Time
	Title     string
	// Text is the article's main text, paragraphs separated by blank lines.
	Text string
	// Lang is the text's language as a BCP 47 tag, e.g. "en", "ru", "az".
	Lang string
	// Canonical is the article's own address when it was found under
	// another (URL): a syndicator's copy, a link that redirected. The
	// archive knows the article under both.
	Canonical string
	// FromFeed says the text is the feed's own copy of the article: its
	// page could not be read.
	FromFeed bool
}

// Story is one event as told by one or more outlets: the articles that
// clustering grouped together, all of which a digest item cites.
//
// Invariants: ID is the ID of the story's first article; Articles (when
// loaded) are in order of publication and each belongs to one story only;
// Outlets are the distinct labels of its articles in order of first
// appearance; First ≤ Last.
type Story struct {
	ID      int64
	Profile string
	// Title is the title of its first article.
	Title       string
	First, Last time.Time
	// Count is the number of its articles, loaded or not.
	Count    int
	Outlets  []string
	Articles []Article
}
