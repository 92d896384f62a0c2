package render

import (
	"fmt"
	"strings"

	"shuho/internal/digest"
)

// Span is a run of text with its emphasis, from the digest's inline
// markup: **bold** and *italic*.
type Span struct {
	Text         string
	Bold, Italic bool
}

// Spans splits text at its markers as lint reads them: a run of stars
// toggles bold for each pair and italic for an odd one left over ("***"
// toggles both); a star between two digits or spaces ("5 * 3") is text.
// Text whose markers do not pair up is one plain span, stars and all:
// better shown as written than emphasised to the end.
func Spans(s string) []Span {
	var out []Span
	var cur strings.Builder
	bold, italic := false, false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, Span{cur.String(), bold, italic})
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '*' {
			cur.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		n := j - i
		if n == 1 && i > 0 && j < len(s) && isDigitOrSpace(s[i-1]) && isDigitOrSpace(s[j]) {
			cur.WriteByte('*')
			i = j
			continue
		}
		flush()
		if (n/2)%2 == 1 {
			bold = !bold
		}
		if n%2 == 1 {
			italic = !italic
		}
		i = j
	}
	flush()
	if bold || italic {
		return []Span{{Text: s}}
	}
	return out
}

func isDigitOrSpace(c byte) bool { return c == ' ' || c >= '0' && c <= '9' }

// Plain is text without its markers.
func Plain(s string) string {
	var b strings.Builder
	for _, sp := range Spans(s) {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// CitationText is a block's citations as the text form writes them:
// "(TREND / 26.05.2026; APA / 26.05.2026)", or "" for none.
func CitationText(cs []digest.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		date := c.DateText
		if c.Valid() {
			date = digest.CitationDate(c.Date)
		}
		parts[i] = c.Outlet + " / " + date
	}
	return "(" + strings.Join(parts, "; ") + ")"
}

// periodJA is the period as the digest's head writes it:
// "2026年11月14日～11月20日".
func periodJA(p digest.Period) string {
	if !p.Valid() {
		return ""
	}
	to := fmt.Sprintf("%d月%d日", int(p.To.Month), p.To.Day)
	if p.To.Year != p.From.Year {
		to = fmt.Sprintf("%d年", p.To.Year) + to
	}
	return fmt.Sprintf("%d年%d月%d日～", p.From.Year, int(p.From.Month), p.From.Day) + to
}

// blockText is a block's text with its citations, as one paragraph; a
// note starts "NOTE:".
func blockText(b digest.Block) string {
	t := b.Text
	if b.Kind == digest.Note {
		t = strings.TrimSpace("NOTE: " + t)
	}
	if c := CitationText(b.Citations); c != "" {
		t = strings.TrimSpace(t + " " + c)
	}
	return t
}
