package profile

// Checking a profile read from a file: keys, zone, sections, outlets,
// sources and glossary, each fault named.

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // a profile's zone must load on any machine, including one without a zoneinfo database
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// normalize makes empty lists nil, as the digest types promise of what a
// parser produces; it also makes a profile that Format wrote (which omits
// empty lists) read back equal to the one it came from.
func normalize(p *digest.Profile) {
	nilIfEmpty(&p.Sections)
	nilIfEmpty(&p.Outlets)
	nilIfEmpty(&p.Glossary)
	nilIfEmpty(&p.Sources)
	for i := range p.Sections {
		nilIfEmpty(&p.Sections[i].Aliases)
	}
	for i := range p.Outlets {
		nilIfEmpty(&p.Outlets[i].Aliases)
	}
	for i := range p.Glossary {
		nilIfEmpty(&p.Glossary[i].Variants)
		nilIfEmpty(&p.Glossary[i].JAVariants)
	}
}

func nilIfEmpty[T any](s *[]T) {
	if len(*s) == 0 {
		*s = nil
	}
}

// check verifies the invariants of a decoded profile and loads its time
// zone; hasWeekStart says whether the file gave week_start, whose zero value
// (Sunday) cannot tell a missing field from a chosen day. Fields are checked
// in the order Format writes them, so the first fault is usually the first
// in the file.
func check(p *digest.Profile, hasWeekStart bool) *fault {
	if f := checkKey("key", p.Key, "az"); f != nil {
		return f
	}
	if f := text("country", p.Country, false, ""); f != nil {
		return f
	}
	if f := text("title", p.Title, true, `the title written at the head of each digest, such as "アゼルバイジャン政治・治安情報"`); f != nil {
		return f
	}
	if f := text("subtitle", p.Subtitle, false, ""); f != nil {
		return f
	}
	if f := text("issuer", p.Issuer, false, ""); f != nil {
		return f
	}
	if f := checkZone(p); f != nil {
		return f
	}
	if !hasWeekStart {
		return field("week_start", `required; expected the first day of the desk's week, such as "saturday"`)
	}
	if f := checkSections(p.Sections); f != nil {
		return f
	}
	if f := checkOutlets(p.Outlets); f != nil {
		return f
	}
	if f := checkSources(p); f != nil {
		return f
	}
	switch {
	case p.Style.Russia == "":
		return field("style.russia", `required; expected "露" or "ロ", the abbreviation for Russia in headlines`)
	case p.Style.Russia != "露" && p.Style.Russia != "ロ":
		return field("style.russia", `%s is not an abbreviation for Russia; expected "露" or "ロ"`, quote(p.Style.Russia))
	case p.Style.V == "":
		return field("style.v", `required; expected "ヴ" (ヴァ, ヴィ …) or "バ" (バ, ビ …), how a Latin "v" is written in katakana`)
	case p.Style.V != "ヴ" && p.Style.V != "バ":
		return field("style.v", `%s is not a way to write "v"; expected "ヴ" or "バ"`, quote(p.Style.V))
	}
	return checkGlossary(p.Glossary)
}

// checkKey checks a profile's or section's key: digests, URLs, file names
// and the command line carry it, so it is kept to a plain ASCII word.
func checkKey(path, key, example string) *fault {
	if key == "" {
		return field(path, "required; expected a short lower-case name such as %q", example)
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || i > 0 && (c == '-' || c == '_')) {
			return field(path, `%s is not a key; expected lower-case ASCII letters and digits (and "-" or "_" after the first), such as %q`, quote(key), example)
		}
	}
	return nil
}

// text checks a field that is copied into digests and matched against
// headlines, where a line break would break the digest's text form and a
// stray space would stop a match: it must be one line with no white space at
// either end. want describes a required field's value; "" means optional.
func text(path, s string, required bool, want string) *fault {
	if strings.TrimSpace(s) == "" {
		if required {
			return field(path, "required; expected %s", want)
		}
		if s == "" {
			return nil
		}
	}
	if strings.TrimSpace(s) != s {
		return field(path, "%s has white space at its start or end; expected the text alone", quote(s))
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return field(path, "%s contains the control character %U; expected a single line of text", quote(s), r)
		}
	}
	return nil
}

// quote quotes s for a message, shortened so that a long value does not
// drown the message.
func quote(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		r := []rune(s)
		return fmt.Sprintf("%q…", string(r[:most]))
	}
	return fmt.Sprintf("%q", s)
}

func checkZone(p *digest.Profile) *fault {
	if p.TimeZone == "" {
		return field("time_zone", `required; expected an IANA time zone name such as "Asia/Baku"`)
	}
	// "Local" would make the desk's weeks depend on the machine that reads
	// the profile.
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil || p.TimeZone == "Local" {
		return field("time_zone", `unknown time zone %s; expected an IANA time zone name such as "Asia/Baku" or "Europe/Berlin"`, quote(p.TimeZone))
	}
	p.SetLocation(loc)
	return nil
}

func checkSections(sections []digest.ProfileSection) *fault {
	if len(sections) == 0 {
		return field("sections", `required; expected at least one section, such as {"key": "security", "title": "軍事・治安関係"}`)
	}
	keys := map[string]string{}   // key → path of its first use
	titles := map[string]string{} // title or alias, without spaces → path of its first use
	for i, s := range sections {
		base := fmt.Sprintf("sections[%d]", i)
		if f := checkKey(base+".key", s.Key, "security"); f != nil {
			return f
		}
		if first, ok := keys[s.Key]; ok {
			return field(base+".key", "section key %q is already used by %s; expected each section key once", s.Key, first)
		}
		keys[s.Key] = base + ".key"
		if f := text(base+".title", s.Title, true, `the section's title in digests, such as "軍事・治安関係"`); f != nil {
			return f
		}
		if f := text(base+".title_en", s.TitleEN, false, ""); f != nil {
			return f
		}
		// Importing a past digest finds a section by its title or an alias
		// (digest.Profile.SectionKey, which ignores spaces): each must name
		// one section only.
		names := append([]string{s.Title}, s.Aliases...)
		for j, name := range names {
			path := base + ".title"
			if j > 0 {
				path = fmt.Sprintf("%s.aliases[%d]", base, j-1)
				if f := text(path, name, true, "another title of the section"); f != nil {
					return f
				}
			}
			k := strings.Join(strings.Fields(name), "")
			if first, ok := titles[k]; ok {
				return field(path, "%s is already the title or an alias at %s; expected each section title and alias once", quote(name), first)
			}
			titles[k] = path
		}
	}
	return nil
}

func checkOutlets(outlets []digest.Outlet) *fault {
	labels := map[string]string{} // label or alias, upper case → path of its first use
	for i, o := range outlets {
		base := fmt.Sprintf("outlets[%d]", i)
		names := append([]string{o.Label}, o.Aliases...)
		for j, l := range names {
			path := base + ".label"
			if j > 0 {
				path = fmt.Sprintf("%s.aliases[%d]", base, j-1)
			}
			if l == "" {
				return field(path, `required; expected the name citations use, such as "TREND" in "(TREND / 14.11.2026)"`)
			}
			if !validLabel(l) {
				return field(path, `%s cannot stand in a citation; expected upper-case ASCII letters, digits, ".", "-" and single spaces between words, such as "REPORT.AZ" or "OC MEDIA"`, quote(l))
			}
			// Citations are matched without regard to case
			// (digest.Profile.Outlet), so labels must differ in more.
			k := strings.ToUpper(l)
			if first, ok := labels[k]; ok {
				return field(path, "%s is already the label or an alias at %s; expected each label and alias once", quote(l), first)
			}
			labels[k] = path
		}
		if f := text(base+".name", o.Name, true, `the outlet's full name, such as "Trend News Agency"`); f != nil {
			return f
		}
		if o.Home == "" {
			return field(base+".home", `required; expected the outlet's home page, such as "https://en.trend.az/"`)
		}
		if !validHome(o.Home) {
			return field(base+".home", `%s is not an absolute web address; expected one beginning "http://" or "https://", such as "https://en.trend.az/"`, quote(o.Home))
		}
		if o.Affiliation == "" {
			return field(base+".affiliation", "required; expected one of %s", joinAffiliations())
		}
		if !o.Affiliation.Valid() {
			return field(base+".affiliation", "unknown affiliation %s; expected one of %s", quote(string(o.Affiliation)), joinAffiliations())
		}
	}
	return nil
}

// checkSources checks the addresses the outlets are collected from.
func checkSources(p *digest.Profile) *fault {
	keys := map[string]string{}
	for i, src := range p.Sources {
		base := fmt.Sprintf("sources[%d]", i)
		if f := checkKey(base+".key", src.Key, "trend"); f != nil {
			return f
		}
		if first, ok := keys[src.Key]; ok {
			return field(base+".key", "%s is already the key of %s; expected each source's key once", quote(src.Key), first)
		}
		keys[src.Key] = base
		if src.Outlet == "" {
			return field(base+".outlet", `required; expected the label of one of the profile's outlets, such as "TREND"`)
		}
		if _, ok := p.Outlet(src.Outlet); !ok {
			return field(base+".outlet", "%s is not the label of an outlet of this profile; expected one listed under \"outlets\"", quote(src.Outlet))
		}
		if src.Kind == "" || !src.Kind.Valid() {
			return field(base+".kind", "%s is not a kind of source; expected one of %s", quote(string(src.Kind)), joinSourceKinds())
		}
		if !validHome(src.URL) {
			return field(base+".url", `%s is not an absolute web address; expected one beginning "http://" or "https://", such as "https://en.trend.az/feeds/index.rss"`, quote(src.URL))
		}
		if f := checkKey(base+".lang", src.Lang, "en"); f != nil {
			return f
		}
		if !(src.Weight > 0 && src.Weight <= 1) {
			return field(base+".weight", "%v is out of range; expected a number above 0 and at most 1 (how much the desk relies on the source)", src.Weight)
		}
		if time.Duration(src.Interval) < time.Minute {
			return field(base+".interval", `%s is too short or missing; expected how often to poll the source, at least "1m", such as "30m"`, quote(time.Duration(src.Interval).String()))
		}
		switch {
		case src.Kind == digest.ListSource && (src.List == nil || strings.TrimSpace(src.List.Links) == ""):
			return field(base+".list.links", `required for a list page; expected the CSS selector of its article links, such as "article h2 a"`)
		case src.Kind != digest.ListSource && src.List != nil:
			return field(base+".list", "only a list page has selectors; expected no \"list\" for a %s source", src.Kind)
		}
	}
	return nil
}

func joinSourceKinds() string {
	var q []string
	for _, k := range digest.SourceKinds {
		q = append(q, quote(string(k)))
	}
	return strings.Join(q, ", ")
}

// validLabel reports whether s can stand as the outlet in a citation
// "(OUTLET / DD.MM.YYYY)".
func validLabel(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ' ') {
			return false
		}
	}
	return true
}

// validHome reports whether s is an absolute http(s) address with a host.
func validHome(s string) bool {
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" && u.User == nil
}

func checkGlossary(terms []digest.Term) *fault {
	for i, t := range terms {
		base := fmt.Sprintf("glossary[%d]", i)
		if t.Kind == "" {
			return field(base+".kind", "required; expected one of %s", joinKinds())
		}
		if !t.Kind.Valid() {
			return field(base+".kind", "unknown kind %s; expected one of %s", quote(string(t.Kind)), joinKinds())
		}
		if f := text(base+".en", t.EN, true, `the English form the desk uses, such as "Aliyev"`); f != nil {
			return f
		}
		for j, v := range t.Variants {
			if f := text(fmt.Sprintf("%s.variants[%d]", base, j), v, true, `another Latin spelling, such as "Əliyev"`); f != nil {
				return f
			}
		}
		if f := text(base+".ja", t.JA, true, `the desk's Japanese rendering, such as "アリエフ"`); f != nil {
			return f
		}
		for j, v := range t.JAVariants {
			path := fmt.Sprintf("%s.ja_variants[%d]", base, j)
			if f := text(path, v, true, `a Japanese spelling the desk does not use, such as "アリーエフ"`); f != nil {
				return f
			}
			// Lint reports a headline that contains a variant; a variant
			// inside the desk's own rendering would be reported on every
			// correct use.
			if strings.Contains(t.JA, v) {
				return field(path, "%s is part of the desk's own rendering %s, so lint would report every correct use; expected only spellings the desk does not use", quote(v), quote(t.JA))
			}
		}
	}
	return nil
}

func joinAffiliations() string {
	s := make([]string, len(digest.Affiliations))
	for i, a := range digest.Affiliations {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

func joinKinds() string {
	s := make([]string, len(digest.TermKinds))
	for i, k := range digest.TermKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
