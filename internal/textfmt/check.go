package textfmt

import (
	"strings"

	"shuho/internal/digest"
)

// check makes sure that what was read will be read the same once written:
// a text made by joining wrapped lines could look like a section line, a page
// number or the end marker when it stands on a line of its own, and a section
// title or headline read from another form must read back in the canonical
// one.
func (ps *parser) check() error {
	for i, s := range ps.d.Sections {
		got := classify(string(appendSection(nil, s)), ps.prof)
		if got.kind != kSection || got.num != s.Number || got.body != s.Title {
			return digest.Errorf(ps.lines.Section(i), "the section line “%d. %s” would not read back as this section once written; write it as “N. Title”", s.Number, clip(s.Title, 40))
		}
		for j, it := range s.Items {
			il := ps.lines.Item(i, j)
			if got := classify(headlineLine(it), ps.prof); got.kind != kHeadline {
				return digest.Errorf(il.Line, "the headline %q would read as %s once written; a headline cannot be a section's title", clip(it.HeadlineJA, 40), got.kind)
			}
			if it.HeadlineEN == "" && len(it.Blocks) > 0 && it.Blocks[0].Kind == digest.Paragraph {
				return digest.Errorf(il.Line, "the item has no English headline before its first paragraph; expected the English headline on the line after the Japanese one")
			}
			if it.HeadlineEN != "" {
				if err := ps.expect(it.HeadlineEN, kText, il.LineEN); err != nil {
					return err
				}
				if hasCJK(it.HeadlineEN) && !hasLatin(it.HeadlineEN) {
					return digest.Errorf(il.LineEN, "the English headline %q has no English; expected the English headline after the Japanese one", clip(it.HeadlineEN, 40))
				}
			}
			for k, b := range it.Blocks {
				bl := ps.lines.Block(i, j, k)
				switch b.Kind {
				case digest.List:
					for _, e := range b.Entries {
						if err := ps.expect("- "+e, kEntry, bl.First); err != nil {
							return err
						}
					}
				case digest.Note:
					if err := ps.expect(noteLine(b.Text), kNote, bl.First); err != nil {
						return err
					}
				default:
					if err := ps.expect(string(appendCitations(nil, b.Text, b.Citations)), kText, bl.First); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func (ps *parser) expect(s string, k kind, no int) error {
	s = strings.TrimSpace(s)
	got := classify(s, ps.prof)
	if got.kind != k || (k == kText && (s == ps.d.Title || ps.runningHead(got) || japaneseHeading(s))) {
		return digest.Errorf(no, "the text %q, joined from wrapped lines, would read as %s once written on one line; put it on one line as it is meant", clip(s, 40), got.kind)
	}
	return nil
}
