package textfmt

import (
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
