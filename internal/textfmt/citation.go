package textfmt

import (
	"regexp"
	"strings"

	"shuho/internal/digest"
)

// cut is a block's text with the citations that ended it cut off.
type cut struct {
	rest  string
	cits  []digest.Citation
	fixes []string // what was repaired in reading the citations
}

// cutCitations splits a block's text into the text and the citations that
// end it: "… posed no danger. (REPORT.AZ / 18.11.2026)". It accepts what desks
// and word processors write besides the canonical form, reporting each
// repair: full-width parentheses, slash, semicolon and digits; any spacing;
// one- or two-digit days and months; several sources in one pair of
// parentheses separated by ";" or ","; two groups in a row; a full stop after
// the closing parenthesis; and, when the date is a whole DD.MM.YYYY date,
// ",", "-" or "–" between outlet and date, "/" or "-" inside the date, and an
// outlet in lower case that the profile knows (or in capitals). When the
// text does not end with a citation, ok is false.
func cutCitations(text string, p *digest.Profile) (cut, bool) {
	var c cut
	if t, ok := strings.CutSuffix(text, "."); ok && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）")) {
		text = t
		c.fixes = append(c.fixes, "full stop after the citation removed")
	} else if t, ok := strings.CutSuffix(text, "。"); ok && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）")) {
		text = t
		c.fixes = append(c.fixes, "full stop after the citation removed")
	}
	rest, cits, fixes, ok := cutGroup(text, p)
	if !ok {
		return cut{rest: text}, false
	}
	c.fixes = append(c.fixes, fixes...)
	// "(APA / 16.11.2026) (TREND / 16.11.2026)": one group, as the writer
	// writes several sources. Groups are cut from the end, so they are
	// gathered last first and put in order once.
	groups := [][]digest.Citation{cits}
	for {
		r, more, f, ok := cutGroup(rest, p)
		if !ok {
			break
		}
		rest, groups = r, append(groups, more)
		c.fixes = append(append(c.fixes, f...), "two groups of citations made one")
	}
	if len(groups) > 1 {
		cits = nil
		for i := len(groups) - 1; i >= 0; i-- {
			cits = append(cits, groups[i]...)
		}
	}
	c.rest, c.cits = rest, cits
	return c, true
}

// cutGroup cuts the parenthesised group of citations that ends text.
func cutGroup(text string, p *digest.Profile) (rest string, cits []digest.Citation, fixes []string, ok bool) {
	var open int
	switch {
	case strings.HasSuffix(text, ")"):
		open = strings.LastIndexAny(text[:len(text)-1], "(（")
	case strings.HasSuffix(text, "）"):
		open = strings.LastIndexAny(text[:len(text)-len("）")], "(（")
	default:
		return text, nil, nil, false
	}
	if open < 0 {
		return text, nil, nil, false
	}
	inner := text[open:]
	inner = strings.TrimPrefix(strings.TrimPrefix(inner, "("), "（")
	inner = strings.TrimSuffix(strings.TrimSuffix(inner, ")"), "）")
	if strings.ContainsAny(inner, "()（）") {
		return text, nil, nil, false
	}
	norm := halfWidth(inner)
	if norm != inner || text[open] != '(' || !strings.HasSuffix(text, ")") {
		fixes = append(fixes, "full-width characters made half-width")
	}
	// Most groups are canonical, "APA / 16.11.2026; TREND / 17.11.2026",
	// which needs no regular expression.
	if cits = strictGroup(norm); cits != nil {
		return strings.TrimSpace(text[:open]), cits, fixes, true
	}
	matches := pairPattern.FindAllStringSubmatchIndex(norm, -1)
	end := 0
	for _, m := range matches {
		if m[0] != end {
			return text, nil, nil, false
		}
		end = m[1]
		c, f, good := citation(norm[m[2]:m[3]], norm[m[4]:m[5]], norm[m[6]:m[7]], p)
		if !good {
			return text, nil, nil, false
		}
		cits = append(cits, c)
		fixes = append(fixes, f...)
	}
	if end != len(norm) || len(cits) == 0 {
		return text, nil, nil, false
	}
	return strings.TrimSpace(text[:open]), cits, fixes, true
}

// pairPattern matches one "OUTLET / DATE" of a group and what separates it
// from the next.
var pairPattern = regexp.MustCompile(`\s*([A-Za-z0-9][A-Za-z0-9. \-]*?)\s*(/|,|-|–)\s*([0-9][0-9./\-]*)\s*(?:[;,]|$)`)

// citation checks one outlet and date. The canonical form is an outlet in
// capitals, "/", and a date shaped as day.month.year, which is taken even
// when the date is mistyped (so that "20.11.20266" and "31.02.2026" are kept
// and flagged, not left in the text) but not when it is something else
// ("(EU / 2025)", "(UN / 2024)" stay text). Anything else needs a whole date
// and an outlet that the profile knows, so that "(No. 5, 12.03.2026)" and
// "(COP29 - 11.11.2026)" stay text.
func citation(outlet, sep, date string, p *digest.Profile) (digest.Citation, []string, bool) {
	var fixes []string
	outlet = strings.TrimSpace(outlet)
	if !(sep == "/" && digest.IsOutletLabel(outlet) && dottedDate(date)) {
		known, ok := p.Outlet(outlet)
		if !ok || !wholeDate(date) {
			return digest.Citation{}, nil, false
		}
		if upper := strings.ToUpper(outlet); upper != outlet {
			fixes = append(fixes, "outlet "+outlet+" written "+upper)
			outlet = upper
		}
		if sep != "/" {
			fixes = append(fixes, "“"+sep+"” between outlet and date written “/”")
		}
		if !digest.IsOutletLabel(outlet) {
			outlet = known.Label
		}
	}
	return digest.Citation{Outlet: outlet, DateText: date, Date: digest.ParseCitationDate(date)}, fixes, true
}

// dottedDate reports whether s is shaped as a citation's date, whether or not
// it names a real day: one or two digits, a dot, one or two digits, a dot,
// and two or more digits.
func dottedDate(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || len(parts[0]) < 1 || len(parts[0]) > 2 || len(parts[1]) < 1 || len(parts[1]) > 2 || len(parts[2]) < 2 {
		return false
	}
	return strings.Trim(s, "0123456789.") == ""
}

// strictGroup reads a group written "OUTLET / DATE; OUTLET / DATE" with
// outlets in capitals and dates of digits and dots; nil otherwise.
func strictGroup(s string) []digest.Citation {
	var cits []digest.Citation
	for part := range strings.SplitSeq(s, ";") {
		outlet, date, ok := strings.Cut(part, "/")
		outlet, date = strings.TrimSpace(outlet), strings.TrimSpace(date)
		if !ok || !digest.IsOutletLabel(outlet) || !dottedDate(date) {
			return nil
		}
		cits = append(cits, digest.Citation{Outlet: outlet, DateText: date, Date: digest.ParseCitationDate(date)})
	}
	return cits
}

// wholeDate reports whether s is a day, a month and a four-digit year, with
// the same separator (".", "/" or "-") twice.
func wholeDate(s string) bool {
	sep := strings.IndexAny(s, "./-")
	if sep < 1 || sep > 2 {
		return false
	}
	parts := strings.Split(s, s[sep:sep+1])
	return len(parts) == 3 && len(parts[1]) >= 1 && len(parts[1]) <= 2 && len(parts[2]) == 4 &&
		strings.Trim(s, "0123456789"+s[sep:sep+1]) == ""
}

// appendCitations writes " (A / 16.11.2026; B / 17.11.2026)" after text, in
// the canonical form: half-width, one space each side of the slash, two-digit
// day and month. A date that is not a calendar date is written as it was.
func appendCitations(b []byte, text string, cits []digest.Citation) []byte {
	b = append(b, text...)
	if len(cits) == 0 {
		return b
	}
	if text != "" {
		b = append(b, ' ')
	}
	b = append(b, '(')
	for i, c := range cits {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, c.Outlet...)
		b = append(b, " / "...)
		if c.Valid() {
			b = appendCitationDate(b, c.Date)
		} else {
			b = append(b, c.DateText...)
		}
	}
	return append(b, ')')
}

func appendCitationDate(b []byte, d digest.Date) []byte {
	b = append(b, byte('0'+d.Day/10), byte('0'+d.Day%10), '.')
	m := int(d.Month)
	b = append(b, byte('0'+m/10), byte('0'+m%10), '.')
	return appendInt(b, d.Year, 4)
}

// appendInt writes n in decimal with at least width digits.
func appendInt(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 || width > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return append(b, buf[i:]...)
}
