package textfmt

import (
	"strings"

	"shuho/internal/digest"
)

// cutCitations splits a block's text into the text and the citations that
// end it: "… posed no danger. (REPORT.AZ / 18.11.2026)". It accepts full-width
// parentheses, slash, semicolon and digits, any spacing around the slash,
// one- or two-digit days and months, and several sources separated by ";"
// (or ","). halfwidth reports whether full-width characters were made
// half-width. When the text does not end with a citation, ok is false and
// the text is returned whole.
func cutCitations(text string) (rest string, cits []digest.Citation, halfwidth bool, ok bool) {
	var open int
	switch {
	case strings.HasSuffix(text, ")"):
		open = strings.LastIndexAny(text[:len(text)-1], "(（")
	case strings.HasSuffix(text, "）"):
		open = strings.LastIndexAny(text[:len(text)-len("）")], "(（")
	default:
		return text, nil, false, false
	}
	if open < 0 {
		return text, nil, false, false
	}
	inner := text[open:]
	if strings.HasPrefix(inner, "(") {
		inner = inner[1:]
	} else {
		inner = inner[len("（"):]
	}
	if strings.HasSuffix(inner, ")") {
		inner = inner[:len(inner)-1]
	} else {
		inner = inner[:len(inner)-len("）")]
	}
	if strings.ContainsAny(inner, "()（）") {
		return text, nil, false, false
	}
	norm := halfWidth(inner)
	halfwidth = norm != inner || text[open] != '('
	for part := range strings.FieldsFuncSeq(norm, func(r rune) bool { return r == ';' || r == ',' }) {
		c, good := citation(part)
		if !good {
			return text, nil, false, false
		}
		cits = append(cits, c)
	}
	if len(cits) == 0 {
		return text, nil, false, false
	}
	return strings.TrimSpace(text[:open]), cits, halfwidth, true
}

// citation reads "OUTLET / DATE". The outlet is upper-case letters, digits,
// ".", "-" and spaces with at least one letter; the date starts with a digit
// and holds digits, "." and "-" (anything of that shape is a citation, so that
// a mistyped date is kept and flagged rather than left in the text).
func citation(s string) (digest.Citation, bool) {
	outlet, date, found := strings.Cut(s, "/")
	if !found {
		return digest.Citation{}, false
	}
	outlet = strings.TrimSpace(outlet)
	date = strings.TrimSpace(date)
	if !digest.IsOutletLabel(outlet) || date == "" || date[0] < '0' || date[0] > '9' {
		return digest.Citation{}, false
	}
	for i := 0; i < len(date); i++ {
		if c := date[i]; !(c >= '0' && c <= '9' || c == '.' || c == '-') {
			return digest.Citation{}, false
		}
	}
	return digest.Citation{Outlet: outlet, DateText: date, Date: digest.ParseCitationDate(date)}, true
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
