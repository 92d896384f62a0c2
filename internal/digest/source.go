package digest

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// SourceKind says how a source is read.
type SourceKind string

// The kinds of source.
const (
	// FeedSource is an RSS, Atom or JSON Feed document.
	FeedSource SourceKind = "feed"
	// ListSource is an HTML page listing article links, read with CSS
	// selectors (outlets without a usable feed).
	ListSource SourceKind = "list"
	// PageSource is one page that is itself the article (a statement, a
	// press release page watched for changes).
	PageSource SourceKind = "page"
)

// SourceKinds lists the known kinds of source.
var SourceKinds = []SourceKind{FeedSource, ListSource, PageSource}

// Valid reports whether k is a known kind of source.
func (k SourceKind) Valid() bool { return slices.Contains(SourceKinds, k) }

// Source is one address the desk reads an outlet from. An outlet may have
// several sources (its English feed and a list page, say); the articles of
// every one are cited under the outlet's label.
//
// Invariants (checked when a profile is loaded): Key is unique in the
// profile and made of lower-case letters, digits and "-"; Outlet is the
// label of one of the profile's outlets; URL is an absolute http or https
// address; a ListSource has List.Links; Weight is in (0, 1]; Interval is at
// least a minute.
type Source struct {
	// Key names the source, e.g. "trend"; runs and errors are recorded
	// under it.
	Key string `json:"key"`
	// Outlet is the citation label of the outlet it belongs to.
	Outlet string     `json:"outlet"`
	Kind   SourceKind `json:"kind"`
	URL    string     `json:"url"`
	// Lang is the language of its articles as a BCP 47 tag ("en").
	Lang string `json:"lang"`
	// Weight is how much the desk trusts and uses the source, from 0 to 1;
	// ranking uses it.
	Weight float64 `json:"weight"`
	// Interval is how often the source is polled when it is active; the
	// scheduler slows down for quiet sources.
	Interval Duration `json:"interval"`
	// FullPage says that the feed's entries carry no usable body, so each
	// article's page is fetched and extracted.
	FullPage bool `json:"full_page,omitempty"`
	// List holds the selectors of a ListSource.
	List *ListSelectors `json:"list,omitempty"`
}

// ListSelectors are the CSS selectors that find articles on a list page.
type ListSelectors struct {
	// Links selects the article links (elements with an href, or elements
	// containing one).
	Links string `json:"links"`
	// Title, when set, selects the title within each link's element;
	// otherwise the link's text is the title.
	Title string `json:"title,omitempty"`
	// Date, when set, selects the date within each link's element (its
	// datetime attribute or text).
	Date string `json:"date,omitempty"`
	// Item, when set, selects the element around each article on the page,
	// within which Links, Title and Date are looked for.
	Item string `json:"item,omitempty"`
}

// Duration is a time.Duration written in JSON as Go writes durations
// ("30m", "1h").
type Duration time.Duration

// MarshalText writes the duration as a person would ("30m", "1h30m").
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String writes the duration as Go does, without zero minutes or seconds
// at its end: "15m", "1h", "1h30m".
func (d Duration) String() string {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// UnmarshalText reads a duration such as "30m" or "2h".
func (d *Duration) UnmarshalText(b []byte) error {
	s := string(b)
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%q is not a duration such as \"30m\" or \"2h\"", s)
	}
	*d = Duration(v)
	return nil
}
