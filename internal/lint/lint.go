// Package lint checks a digest before it goes out: citations that cannot be
// right, items without a source, the same story told twice, sections out of
// order, headlines that break the desk's style. It reads a digest and returns
// findings; it changes nothing and does no I/O.
//
// The rule ids are a public interface (docs/format-json.md): scripts and the
// editor's lint panel rely on them.
package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"shuho/internal/digest"
)

// Severity says how much a finding matters: an error stops a digest from
// going out, a warning asks an editor to look, an info only tells (what
// import repaired).
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// The rules.
const (
	CitationDateInvalid   = "citation-date-invalid"
	CitationOutsidePeriod = "citation-outside-period"
	ItemWithoutCitation   = "item-without-citation"
	HeadlineMissing       = "headline-missing"
	DuplicateItem         = "duplicate-item"
	SectionEmpty          = "section-empty"
	SectionNumbering      = "section-numbering"
	PeriodInvalid         = "period-invalid"
	UnknownOutlet         = "unknown-outlet"
	MarkupUnbalanced      = "markup-unbalanced"
	HeadlineStyle         = "headline-style"
	HeadlineUnfinished    = "headline-unfinished"
	// More than the spec asks for.
	PeriodWeek     = "period-week"     // the period is not one of the profile's weeks
	CitationUnread = "citation-unread" // a block ends with what looks like a citation but is not one
	SectionUnknown = "section-unknown" // a section's title is none of the profile's
	Repaired       = "repaired"        // import repaired damaged input (info)
)

// Rule describes one rule for the manual and the editor.
type Rule struct {
	ID       string
	Severity Severity
	Fires    string
}

// Rules lists every rule.
var Rules = []Rule{
	{CitationDateInvalid, Error, "a citation's date is not a real calendar date"},
	{CitationOutsidePeriod, Warning, "a citation's date is before or after the digest's period (a note's, only after it: background may be older)"},
	{CitationUnread, Warning, "a block ends with something like a citation that cannot be read as one, such as (APA / 16 November 2026)"},
	{ItemWithoutCitation, Error, "no block of the item has a citation"},
	{HeadlineMissing, Error, "the English headline is empty"},
	{HeadlineUnfinished, Error, "the Japanese headline is empty, a placeholder such as （見出し案なし）, or only names, titles, places and countries with no event (大統領、アリエフ)"},
	{DuplicateItem, Error, "two items tell the same story (same or near-same English headline or body)"},
	{SectionEmpty, Warning, "a section has no items"},
	{SectionNumbering, Error, "section numbers do not run 1, 2, 3, …"},
	{PeriodInvalid, Error, "the period ends before it starts, or names a day that does not exist"},
	{UnknownOutlet, Warning, "a citation's outlet is not among the profile's outlets"},
	{MarkupUnbalanced, Error, "* or ** markers do not pair up"},
	{HeadlineStyle, Warning, "a Japanese headline ends with 。, uses a comma other than 、, writes a name differently from the glossary, or abbreviates Russia against the profile's style"},
	{PeriodWeek, Warning, "the period is not one week of the profile (seven days from its first weekday)"},
	{SectionUnknown, Warning, "a section's title is none of the profile's sections"},
	{Repaired, Info, "import repaired damaged input (a page break, a full-width citation, …)"},
}

// Finding is one thing lint found.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Section and Item are 1-based positions; 0 when the finding is about
	// the whole digest (or the whole section).
	Section int `json:"section"`
	Item    int `json:"item"`
	// Line is the input line for text input, 0 otherwise.
	Line    int    `json:"line"`
	Message string `json:"message"`
	// MessageJA is the message in Japanese, for the editor's pages.
	MessageJA string `json:"message_ja,omitempty"`
}

// String formats f as the human form prints it:
// "LINE SECTION.ITEM SEVERITY RULE: message".
func (f Finding) String() string { return f.In("en") }

// In is String with the message in lang: Japanese for "ja" where the
// rule has it, else English.
func (f Finding) In(lang string) string {
	msg := f.Message
	if lang == "ja" && f.MessageJA != "" {
		msg = f.MessageJA
	}
	return fmt.Sprintf("%d %d.%d %s %s: %s", f.Line, f.Section, f.Item, f.Severity, f.Rule, msg)
}

// Check returns the findings for d, ordered by line and position. p, which
// may be nil, is the profile whose outlets, sections, week and glossary the
// digest is checked against; lines, which may be nil (for JSON input), gives
// the input lines of d's parts.
func Check(d *digest.Digest, p *digest.Profile, lines *digest.Lines) []Finding {
	c := &checker{d: d, p: p, lines: lines}
	c.period()
	for i, s := range d.Sections {
		c.section(i, s)
		for j := range s.Items {
			c.item(i, j, &s.Items[j])
		}
	}
	c.duplicates()
	Sort(c.out)
	return c.out
}

// Sort orders findings by line, section and item, keeping the order of
// findings at the same place.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Section, b.Section), cmp.Compare(a.Item, b.Item))
	})
}

// FromRepairs turns what import repaired into info findings, placed in the
// section and item whose lines hold them.
func FromRepairs(rs []digest.Repair, lines *digest.Lines) []Finding {
	out := make([]Finding, 0, len(rs))
	for _, r := range rs {
		s, i := locate(lines, r.Line)
		out = append(out, Finding{Rule: Repaired, Severity: Info, Section: s, Item: i, Line: r.Line,
			Message: r.Kind + ": " + r.Detail})
	}
	return out
}

// locate returns the 1-based section and item whose lines hold line.
func locate(lines *digest.Lines, line int) (int, int) {
	if lines == nil {
		return 0, 0
	}
	sec, item := 0, 0
	for i, s := range lines.Sections {
		if s.Line > line {
			break
		}
		sec, item = i+1, 0
		for j, it := range s.Items {
			if it.Line > line {
				break
			}
			item = j + 1
		}
	}
	return sec, item
}

// Count returns the number of errors and warnings among fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

type checker struct {
	d     *digest.Digest
	p     *digest.Profile
	lines *digest.Lines
	out   []Finding
	// names takes the profile's names out of a headline, made once.
	names *strings.Replacer
}

func (c *checker) add(rule string, sev Severity, sec, item, line int, format string, args ...any) {
	c.out = append(c.out, Finding{Rule: rule, Severity: sev, Section: sec, Item: item, Line: line, Message: fmt.Sprintf(format, args...),
		MessageJA: japanese(format, args)})
}

func (c *checker) periodLine() int {
	if c.lines == nil {
		return 0
	}
	return c.lines.Period
}

func (c *checker) period() {
	pr := c.d.Period
	line := c.periodLine()
	switch {
	case !pr.From.Valid():
		c.add(PeriodInvalid, Error, 0, 0, line, "the period starts on %s, a day that does not exist", pr.From)
	case !pr.To.Valid():
		c.add(PeriodInvalid, Error, 0, 0, line, "the period ends on %s, a day that does not exist", pr.To)
	case pr.To.Before(pr.From):
		c.add(PeriodInvalid, Error, 0, 0, line, "the period ends on %s, before it starts on %s", pr.To, pr.From)
	case c.p != nil:
		if w := c.p.Week(pr.From); w != pr {
			c.add(PeriodWeek, Warning, 0, 0, line, "the period %s is not one of the profile's weeks (%s to %s, such as %s)",
				pr, weekday(c.p.WeekStart), weekday((c.p.WeekStart+6)%7), w)
		}
	}
}

func weekday(w digest.Weekday) string {
	b, _ := w.MarshalText()
	return strings.ToUpper(string(b[:1])) + string(b[1:])
}

func (c *checker) section(i int, s digest.Section) {
	line := c.lines.Section(i)
	if s.Number != i+1 {
		c.add(SectionNumbering, Error, i+1, 0, line, "section numbered %d; expected %d (sections run 1, 2, 3, …)", s.Number, i+1)
	}
	if len(s.Items) == 0 {
		c.add(SectionEmpty, Warning, i+1, 0, line, "section “%s” has no items", s.Title)
	}
	if c.p != nil && s.Key == "" && c.p.SectionKey(s.Title) == "" {
		var titles []string
		for _, ps := range c.p.Sections {
			titles = append(titles, ps.Title)
		}
		c.add(SectionUnknown, Warning, i+1, 0, line, "section “%s” is none of the profile's sections (%s)", s.Title, strings.Join(titles, ", "))
	}
}

func (c *checker) item(i, j int, it *digest.Item) {
	il := c.lines.Item(i, j)
	sec, n := i+1, j+1
	if c.names == nil && c.p != nil && len(c.p.Glossary) > 0 {
		c.names = namesReplacer(c.p.Glossary)
	}
	if format, args := unfinishedWhy(it.HeadlineJA, c.names); format != "" {
		c.add(HeadlineUnfinished, Error, sec, n, il.Line, format, args...)
	}
	if strings.TrimSpace(it.HeadlineJA) != "" {
		c.headlineStyle(sec, n, il.Line, it.HeadlineJA)
	}
	if strings.TrimSpace(it.HeadlineEN) == "" {
		c.add(HeadlineMissing, Error, sec, n, il.Line, "the English headline is empty")
	}
	if m := unbalanced(it.HeadlineJA); m != "" {
		c.add(MarkupUnbalanced, Error, sec, n, il.Line, "Japanese headline: %s", m)
	}
	if m := unbalanced(it.HeadlineEN); m != "" {
		c.add(MarkupUnbalanced, Error, sec, n, il.LineEN, "English headline: %s", m)
	}
	cited := false
	for k, b := range it.Blocks {
		bl := c.lines.Block(i, j, k)
		texts := b.Entries
		if b.Kind != digest.List {
			texts = []string{b.Text}
		}
		for _, t := range texts {
			if m := unbalanced(t); m != "" {
				c.add(MarkupUnbalanced, Error, sec, n, bl.First, "%s %d: %s", b.Kind, k+1, m)
			}
		}
		for _, ct := range b.Citations {
			cited = true
			c.citation(sec, n, bl.Last, ct, b.Kind == digest.Note)
		}
		for e, t := range texts {
			g := citationLike(t)
			switch {
			case g == "":
			case e < len(texts)-1:
				c.add(CitationUnread, Warning, sec, n, bl.First, "list entry %d ends with “%s”, but only the end of a list's last entry is read as its citation", e+1, g)
			case len(b.Citations) == 0:
				c.add(CitationUnread, Warning, sec, n, bl.Last, "the %s ends with “%s”, which looks like a citation but cannot be read as one; expected (OUTLET / DD.MM.YYYY)", b.Kind, g)
			}
		}
	}
	if !cited {
		c.add(ItemWithoutCitation, Error, sec, n, il.Line, "no block of the item cites a source; expected (OUTLET / DD.MM.YYYY) at the end of a block")
	}
}

func (c *checker) citation(sec, item, line int, ct digest.Citation, note bool) {
	pr := c.d.Period
	switch {
	case !ct.Valid():
		c.add(CitationDateInvalid, Error, sec, item, line, "citation date %s is not a calendar date", ct.DateText)
	case !pr.Valid():
	case pr.To.Before(ct.Date):
		c.add(CitationOutsidePeriod, Warning, sec, item, line, "citation date %s is after the period %s", ct.DateText, pr)
	case ct.Date.Before(pr.From) && !note:
		c.add(CitationOutsidePeriod, Warning, sec, item, line, "citation date %s is before the period %s", ct.DateText, pr)
	}
	if c.p != nil {
		if _, ok := c.p.Outlet(ct.Outlet); !ok {
			c.add(UnknownOutlet, Warning, sec, item, line, "outlet %s is not among the outlets of profile %s", ct.Outlet, c.p.Key)
		}
	}
}

// unbalanced says how the "*" and "**" markers of s fail to pair up, or "".
// A run of three stars counts as one of each; a star between two digits or
// spaces ("5 * 3") is not a marker.
func unbalanced(s string) string {
	if !strings.Contains(s, "*") {
		return ""
	}
	singles, doubles := 0, 0
	for i := 0; i < len(s); {
		if s[i] != '*' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		n := j - i
		if n == 1 && i > 0 && j < len(s) && (isDigitOrSpace(s[i-1]) && isDigitOrSpace(s[j])) {
			i = j
			continue
		}
		doubles += n / 2
		singles += n % 2
		i = j
	}
	switch {
	case doubles%2 != 0 && singles%2 != 0:
		return "an unpaired ** and an unpaired *"
	case doubles%2 != 0:
		return "an unpaired ** (bold)"
	case singles%2 != 0:
		return "an unpaired * (italic)"
	}
	return ""
}

func isDigitOrSpace(c byte) bool { return c == ' ' || c >= '0' && c <= '9' }

// citationLike returns the parenthesised group that ends text when it looks
// meant as a citation (a letter, a year such as 2026, and a "/" or ","), or
// "".
func citationLike(text string) string {
	if !strings.HasSuffix(text, ")") && !strings.HasSuffix(text, "）") {
		return ""
	}
	open := strings.LastIndexAny(text, "(（")
	if open < 0 {
		return ""
	}
	g := text[open:]
	year := false
	for i := 0; i+4 <= len(g); i++ {
		if (g[i:i+2] == "19" || g[i:i+2] == "20") && isDigit(g[i+2]) && isDigit(g[i+3]) && (i+4 == len(g) || !isDigit(g[i+4])) {
			year = true
		}
	}
	if year && strings.ContainsAny(g, "/／,") && strings.ContainsFunc(g, unicode.IsUpper) {
		return g
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
