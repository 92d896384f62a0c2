package digest

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Profile describes one country desk: how its digest is titled and divided,
// the week it runs on, the outlets it cites, its Japanese style and its
// glossary of names. A profile is data, not code: the built-in one ("az")
// and a user's own are read from the same JSON form.
//
// Invariants (checked when a profile is loaded): Key, Title and TimeZone are
// set and TimeZone names a real zone; Sections is non-empty and their keys
// are unique and non-empty; outlet labels are unique, non-empty and written
// in the characters a citation allows (upper-case letters, digits, ".", "-",
// spaces); every affiliation is known.
type Profile struct {
	// Key names the profile, e.g. "az"; digests record it.
	Key string `json:"key"`
	// OneDesk, when set, lets the last editor of a version approve it: a
	// desk of one person. Off by default: the approver of a version is
	// never its last editor (four eyes).
	OneDesk bool `json:"one_desk,omitempty"`
	// Country is the country's English name, e.g. "Azerbaijan".
	Country string `json:"country"`
	// Title, Subtitle and Issuer are written at the head of each digest.
	Title    string `json:"title"`
	Subtitle string `json:"subtitle,omitempty"`
	Issuer   string `json:"issuer,omitempty"`
	// TimeZone is the IANA zone the desk's weeks and dates are counted in,
	// e.g. "Asia/Baku".
	TimeZone string `json:"time_zone"`
	// WeekStart is the first day of the desk's week; a week is seven days
	// from it (Saturday to Friday in the default profile).
	WeekStart Weekday `json:"week_start"`
	// Sections are the digest's sections in order.
	Sections []ProfileSection `json:"sections"`
	// Outlets are the sources the desk cites.
	Outlets []Outlet `json:"outlets"`
	// Sources are the addresses the outlets are collected from.
	Sources []Source `json:"sources,omitempty"`
	// Style holds the desk's choices in writing Japanese.
	Style Style `json:"style"`
	// Glossary is how the desk writes names; later work extends it.
	Glossary []Term `json:"glossary,omitempty"`

	loc *time.Location
}

// ProfileSection is one section of a profile's digests.
type ProfileSection struct {
	// Key is the stable name of the section: "security", "domestic",
	// "foreign" in the default profile.
	Key string `json:"key"`
	// Title is the Japanese title the digest writes, e.g. "軍事・治安関係".
	Title string `json:"title"`
	// TitleEN is the English name, for English pages and messages.
	TitleEN string `json:"title_en,omitempty"`
	// Aliases are other titles under which past digests wrote the section;
	// importing matches them too.
	Aliases []string `json:"aliases,omitempty"`
}

// Affiliation says who stands behind an outlet, which a desk weighs when it
// reads a report.
type Affiliation string

// The affiliations an outlet can have.
const (
	StateOwned        Affiliation = "state-owned"
	Private           Affiliation = "private"
	Independent       Affiliation = "independent"
	ForeignGovernment Affiliation = "foreign-government"
	International     Affiliation = "international"
)

// Affiliations lists the known affiliations in the order they are documented.
var Affiliations = []Affiliation{StateOwned, Private, Independent, ForeignGovernment, International}

// Valid reports whether a is a known affiliation.
func (a Affiliation) Valid() bool { return slices.Contains(Affiliations, a) }

// Outlet is a news source a digest cites.
type Outlet struct {
	// Label is how citations name it: "TREND", "REPORT.AZ", "OC-MEDIA".
	Label string `json:"label"`
	// Name is its full name, e.g. "Trend News Agency".
	Name string `json:"name"`
	// Home is its home page address.
	Home string `json:"home"`
	// Affiliation says who stands behind it.
	Affiliation Affiliation `json:"affiliation"`
	// Aliases are other labels past digests used for it ("OC MEDIA").
	Aliases []string `json:"aliases,omitempty"`
}

// Style holds a desk's choices in writing Japanese headlines.
type Style struct {
	// Russia is the one-character abbreviation for Russia in headlines:
	// "露" or "ロ".
	Russia string `json:"russia"`
	// V is how a Latin "v" is written in katakana: "ヴ" (ヴァ, ヴィ …) or
	// "バ" (バ, ビ …).
	V string `json:"v"`
}

// TermKind says what a glossary term names.
type TermKind string

// The kinds of glossary term.
const (
	Person       TermKind = "person"
	Place        TermKind = "place"
	Organisation TermKind = "organisation"
	Title        TermKind = "title"
	Adjective    TermKind = "adjective"
	Country      TermKind = "country"
)

// TermKinds lists the known kinds of term.
var TermKinds = []TermKind{Person, Place, Organisation, Title, Adjective, Country}

// Valid reports whether k is a known kind of term.
func (k TermKind) Valid() bool { return slices.Contains(TermKinds, k) }

// Term is one entry of the glossary: a name and how the desk writes it.
type Term struct {
	Kind TermKind `json:"kind"`
	// EN is the English form the desk uses, e.g. "Aliyev".
	EN string `json:"en"`
	// Variants are other Latin spellings of the same name ("Əliyev").
	Variants []string `json:"variants,omitempty"`
	// JA is the desk's Japanese rendering, e.g. "アリエフ".
	JA string `json:"ja"`
	// JAVariants are Japanese renderings that the desk does not use and
	// that lint reports ("アリーエフ").
	JAVariants []string `json:"ja_variants,omitempty"`
	// Short is, for a person, the surname headlines use ("アリエフ"); for
	// a country, its one-character headline abbreviation ("米"), if any.
	Short string `json:"short,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country the term
	// belongs to: a person's, a place's, a country's own.
	Country string `json:"country,omitempty"`
	// Title is, for a person, the English title of the office held
	// ("Foreign Minister"), which headlines put after the surname.
	Title string `json:"title,omitempty"`
	Note  string `json:"note,omitempty"`
	// Source says where the rendering comes from: "cldr", "mofa" (the
	// Japanese foreign ministry), "media", "desk".
	Source string `json:"source,omitempty"`
	// Ref is where the rendering or the term's facts were read (a page's
	// address), when known.
	Ref string `json:"ref,omitempty"`
	// Offices are, for a person, the offices held with their dates, so
	// that "the Turkish Foreign Minister" in an article of a given day is
	// named from the one who held the office that day.
	Offices []Office `json:"offices,omitempty"`
	// TitleBy is, for a title, how a country's own office of that name is
	// called where it differs from JA: China's President is 国家主席.
	// Keys are ISO country codes.
	TitleBy map[string]string `json:"title_by,omitempty"`
	// CheckBy is the day by which the term must be checked again (a term
	// of office ends, an entry nobody could confirm): past it, the term is
	// flagged where it is used. YYYY-MM-DD.
	CheckBy string `json:"check_by,omitempty"`
}

// Office is an office a person holds or held: its English title as the
// title terms name it ("Foreign Minister"), the country whose office it
// is (empty for an international organisation), for an ambassador the
// country of posting, and the days it began and ended (YYYY-MM-DD, or
// YYYY-MM when the day is not known; To empty while in office).
type Office struct {
	Title    string `json:"title"`
	Country  string `json:"country,omitempty"`
	PostedTo string `json:"posted_to,omitempty"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
}

// Location returns the profile's time zone. It is set when the profile is
// loaded; a profile built by hand without one counts in UTC.
func (p *Profile) Location() *time.Location {
	if p == nil || p.loc == nil {
		return time.UTC
	}
	return p.loc
}

// SetLocation records the loaded time zone of the profile.
func (p *Profile) SetLocation(loc *time.Location) { p.loc = loc }

// SectionKey returns the key of the section whose title or one of whose
// aliases equals title (ignoring spaces), or whose English title does
// (ignoring case too), or "" when none does.
func (p *Profile) SectionKey(title string) string {
	if p == nil {
		return ""
	}
	t := squeeze(title)
	for _, s := range p.Sections {
		if squeeze(s.Title) == t || s.TitleEN != "" && strings.EqualFold(squeeze(s.TitleEN), t) {
			return s.Key
		}
		for _, a := range s.Aliases {
			if squeeze(a) == t {
				return s.Key
			}
		}
	}
	return ""
}

// Section returns the profile section with the given key.
func (p *Profile) Section(key string) (ProfileSection, bool) {
	if p != nil {
		for _, s := range p.Sections {
			if s.Key == key {
				return s, true
			}
		}
	}
	return ProfileSection{}, false
}

// Outlet returns the outlet whose label or alias is label (ignoring case).
func (p *Profile) Outlet(label string) (Outlet, bool) {
	if p == nil {
		return Outlet{}, false
	}
	for _, o := range p.Outlets {
		if strings.EqualFold(o.Label, label) {
			return o, true
		}
		for _, a := range o.Aliases {
			if strings.EqualFold(a, label) {
				return o, true
			}
		}
	}
	return Outlet{}, false
}

// Week returns the desk's week that holds d: seven days from the last
// WeekStart on or before d.
func (p *Profile) Week(d Date) Period {
	start := time.Weekday(p.WeekStart)
	back := (int(d.Weekday()) - int(start) + 7) % 7
	from := d.AddDays(-back)
	return Period{From: from, To: from.AddDays(6)}
}

// squeeze removes all white space, so that "軍事・治安 関係" and
// "軍事・治安関係" compare equal.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Weekday is a day of the week written in profiles by its English name in
// lower case ("saturday").
type Weekday time.Weekday

// MarshalText writes the weekday's name in lower case.
func (w Weekday) MarshalText() ([]byte, error) {
	if w < 0 || w > 6 {
		return nil, fmt.Errorf("weekday %d out of range", int(w))
	}
	return []byte(strings.ToLower(time.Weekday(w).String())), nil
}

// UnmarshalText reads a weekday's English name in any case.
func (w *Weekday) UnmarshalText(b []byte) error {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(string(b), d.String()) {
			*w = Weekday(d)
			return nil
		}
	}
	return fmt.Errorf("unknown weekday %q; expected monday, tuesday, … sunday", b)
}
