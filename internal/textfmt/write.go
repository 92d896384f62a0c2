package textfmt

import (
	"fmt"
	"slices"
	"strings"

	"shuho/internal/digest"
)

// endMarker closes every digest.
const endMarker = "*****END*****"

// Format returns the canonical text of d.
func Format(d *digest.Digest) []byte {
	return Append(make([]byte, 0, 4096), d)
}

// Append writes the canonical text of d after b: each part on its own line,
// one blank line between parts, the English headline and paragraphs on one
// line each, citations half-width as "(OUTLET / DD.MM.YYYY)", the period as
// "2026年11月14日～11月20日", and the end marker last. Like the spec's canonical
// example, it begins with two empty lines.
func Append(b []byte, d *digest.Digest) []byte {
	b = append(b, "\n\n"...)
	b = appendPart(b, d.Title)
	if d.Subtitle != "" {
		b = appendPart(b, d.Subtitle)
	}
	b = appendPeriod(b, d.Period)
	b = append(b, "\n\n"...)
	if d.Issuer != "" {
		b = appendPart(b, d.Issuer)
	}
	for _, s := range d.Sections {
		b = appendSection(b, s)
		b = append(b, "\n\n"...)
		for _, it := range s.Items {
			b = appendPart(b, headlineLine(it))
			if it.HeadlineEN != "" {
				b = appendPart(b, it.HeadlineEN)
			}
			for _, bl := range it.Blocks {
				switch bl.Kind {
				case digest.List:
					for i, e := range bl.Entries {
						if i > 0 {
							b = append(b, '\n')
						}
						last := i == len(bl.Entries)-1
						b = append(b, '-')
						if e != "" || last && len(bl.Citations) > 0 {
							b = append(b, ' ')
						}
						if last {
							b = appendCitations(b, e, bl.Citations)
						} else {
							b = append(b, e...)
						}
					}
					if len(bl.Entries) == 0 {
						b = append(b, '-')
					}
				case digest.Note:
					b = append(b, "NOTE:"...)
					if bl.Text != "" || len(bl.Citations) > 0 {
						b = append(b, ' ')
					}
					b = appendCitations(b, bl.Text, bl.Citations)
				default:
					b = appendCitations(b, bl.Text, bl.Citations)
				}
				b = append(b, "\n\n"...)
			}
		}
	}
	return append(b, endMarker+"\n"...)
}

func appendPart(b []byte, s string) []byte {
	b = append(b, s...)
	return append(b, "\n\n"...)
}

// headlineLine is the Japanese headline line of an item.
func headlineLine(it digest.Item) string {
	switch {
	case it.Emphasis:
		return "● **" + it.HeadlineJA + "**"
	case it.HeadlineJA == "":
		return "●"
	}
	return "● " + it.HeadlineJA
}

// noteLine is a note's line without its citations.
func noteLine(text string) string {
	if text == "" {
		return "NOTE:"
	}
	return "NOTE: " + text
}

// appendSection writes a section's line, "1. 軍事・治安関係".
func appendSection(b []byte, s digest.Section) []byte {
	b = appendInt(b, s.Number, 1)
	b = append(b, ". "...)
	return append(b, s.Title...)
}

// Marshal returns the canonical text of d, or an error wrapping
// digest.ErrInvalid when that text would not read back as d. A digest that
// came from Parse always reads back; one from JSON or an editor may not, for
// the text form has no escapes: an item without an English headline (its
// first paragraph would be read as the headline), a paragraph that reads as
// a list entry or a page number, a text ending in what reads as a citation.
// The section keys and the profile are not in the text: p gives them back.
func Marshal(d *digest.Digest, p *digest.Profile) ([]byte, error) {
	text := Format(d)
	r, err := Parse(text, p)
	if err != nil {
		return nil, fmt.Errorf("the digest cannot be written as text: %v: %w", err, digest.ErrInvalid)
	}
	if where := firstDifference(d, r.Digest); where != "" {
		return nil, fmt.Errorf("the digest cannot be written as text that reads back the same: %s: %w", where, digest.ErrInvalid)
	}
	return text, nil
}

// firstDifference says where the digest read back from text, b, first
// differs from the one written, a; "" when nowhere (section keys, the
// profile and the spelling of valid citation dates aside).
func firstDifference(a, b *digest.Digest) string {
	switch {
	case a.Title != b.Title:
		return fmt.Sprintf("the title %q", a.Title)
	case a.Subtitle != b.Subtitle:
		return fmt.Sprintf("the subtitle %q", a.Subtitle)
	case a.Issuer != b.Issuer:
		return fmt.Sprintf("the issuer %q", a.Issuer)
	case a.Period != b.Period:
		return fmt.Sprintf("the period %s", a.Period)
	case len(a.Sections) != len(b.Sections):
		return fmt.Sprintf("%d sections would read back as %d", len(a.Sections), len(b.Sections))
	}
	for i := range a.Sections {
		sa, sb := a.Sections[i], b.Sections[i]
		if sa.Number != sb.Number || sa.Title != sb.Title || len(sa.Items) != len(sb.Items) {
			return fmt.Sprintf("section %d “%s” would read back as “%d. %s” with %d items", i+1, sa.Title, sb.Number, sb.Title, len(sb.Items))
		}
		for j := range sa.Items {
			if w := itemDifference(sa.Items[j], sb.Items[j]); w != "" {
				return fmt.Sprintf("item %d.%d: %s", i+1, j+1, w)
			}
		}
	}
	return ""
}

func itemDifference(a, b digest.Item) string {
	switch {
	case a.HeadlineEN == "" && len(a.Blocks) > 0 && a.Blocks[0].Kind == digest.Paragraph:
		return "the English headline is empty, so the first paragraph would be read as the headline"
	case a.HeadlineJA != b.HeadlineJA || a.Emphasis != b.Emphasis:
		return fmt.Sprintf("the Japanese headline %q would read back as %q", a.HeadlineJA, b.HeadlineJA)
	case a.HeadlineEN != b.HeadlineEN:
		return fmt.Sprintf("the English headline %q would read back as %q", a.HeadlineEN, b.HeadlineEN)
	case len(a.Blocks) != len(b.Blocks):
		return fmt.Sprintf("%d blocks would read back as %d", len(a.Blocks), len(b.Blocks))
	}
	for k := range a.Blocks {
		x, y := a.Blocks[k], b.Blocks[k]
		same := x.Kind == y.Kind && x.Text == y.Text && slices.Equal(x.Entries, y.Entries) && len(x.Citations) == len(y.Citations)
		for n := 0; same && n < len(x.Citations); n++ {
			cx, cy := x.Citations[n], y.Citations[n]
			same = cx.Outlet == cy.Outlet && cx.Date == cy.Date && (cx.Valid() || cx.DateText == cy.DateText)
		}
		if !same {
			return fmt.Sprintf("block %d (%s %q) would read back as a %s %q with %d citations", k+1, x.Kind, clip(x.Text+strings.Join(x.Entries, " / "), 40),
				y.Kind, clip(y.Text+strings.Join(y.Entries, " / "), 40), len(y.Citations))
		}
	}
	return ""
}
