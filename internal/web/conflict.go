package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"shuho/internal/digest"
)

// When an editor's save is refused because another save came first, what
// was typed is not lost: it is merged onto the current version from the
// version the form was made on (three ways, by field: each headline, the
// bold mark, each block). What only one of the two saves changed is taken
// from it, and the merge is saved at once; where both changed the same
// field differently, the editor chooses per field, shown what the other
// save changed.

// conflict is one field both saves changed: the other save's value (kept
// in the form's hidden fields, taken when the editor ticks it) and its
// change from the version both started from, line by line.
type conflict struct {
	// Field is "ja", "en", "emphasis", "block-N" (1-based) or "body"
	// (the blocks as a whole, when both changed how many there are).
	Field string
	Label string
	Diff  []diffLine
	// Theirs is the other save's field: a headline, "on"/"" for the bold
	// mark, or its blocks.
	Theirs       string
	TheirsBlocks []blockForm
}

// clean is a form as it compares and is shown: line ends and the space
// around each field folded, blocks with neither text nor citations (the
// blank one offered for adding) left out.
func (f itemForm) clean() itemForm {
	out := itemForm{JA: strings.TrimSpace(f.JA), EN: strings.TrimSpace(f.EN), Emphasis: f.Emphasis}
	for _, b := range f.Blocks {
		b.Text = strings.TrimSpace(strings.ReplaceAll(b.Text, "\r\n", "\n"))
		b.Cites = strings.TrimSpace(b.Cites)
		if b.Text != "" || b.Cites != "" {
			out.Blocks = append(out.Blocks, b)
		}
	}
	return out
}

// mergeItem merges mine (an editor's form made on base) with theirs (the
// item as another save left it): each field one side changed takes that
// side's value; a field both changed differently keeps mine and is
// returned among the conflicts, for the editor to choose.
func mergeItem(base, mine, theirs itemForm) (itemForm, []conflict) {
	base, mine, theirs = base.clean(), mine.clean(), theirs.clean()
	var out []conflict
	pick := func(field, b, m, t string) string {
		switch {
		case m == b:
			return t
		case t == b || t == m:
			return m
		}
		out = append(out, conflict{Field: field, Diff: lineDiff(b, t), Theirs: t})
		return m
	}
	merged := itemForm{JA: pick("ja", base.JA, mine.JA, theirs.JA), EN: pick("en", base.EN, mine.EN, theirs.EN)}
	merged.Emphasis = pick("emphasis", onOff(base.Emphasis), onOff(mine.Emphasis), onOff(theirs.Emphasis)) == "on"
	switch {
	case len(base.Blocks) == len(mine.Blocks) && len(mine.Blocks) == len(theirs.Blocks):
		for i := range base.Blocks {
			b, m, t := base.Blocks[i], mine.Blocks[i], theirs.Blocks[i]
			switch {
			case m == b:
				merged.Blocks = append(merged.Blocks, t)
			case t == b || t == m:
				merged.Blocks = append(merged.Blocks, m)
			default:
				merged.Blocks = append(merged.Blocks, m)
				out = append(out, conflict{Field: fmt.Sprintf("block-%d", i+1), Diff: lineDiff(blockText(b), blockText(t)),
					TheirsBlocks: []blockForm{t}})
			}
		}
	case slices.Equal(mine.Blocks, base.Blocks):
		merged.Blocks = theirs.Blocks
	case slices.Equal(theirs.Blocks, base.Blocks) || slices.Equal(theirs.Blocks, mine.Blocks):
		merged.Blocks = mine.Blocks
	default:
		merged.Blocks = mine.Blocks
		out = append(out, conflict{Field: "body", Diff: lineDiff(blocksText(base.Blocks), blocksText(theirs.Blocks)),
			TheirsBlocks: theirs.Blocks})
	}
	return merged, out
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return ""
}

// blockText is a block as the diff shows it: its kind, text and
// citations.
func blockText(b blockForm) string {
	return strings.TrimSpace(fmt.Sprintf("[%s]\n%s\n%s", b.Kind, b.Text, b.Cites))
}

func blocksText(bs []blockForm) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = blockText(b)
	}
	return strings.Join(parts, "\n\n")
}

// findItem finds in d the item an editor's form was made on (base, at
// section si, item ii of the older version): the same item where it now
// stands (moved or not), else the item of the same English headline
// (edited by the other save), else none (-1): the other save deleted it
// or rewrote it past recognition.
func findItem(d *digest.Digest, base digest.Item, si, ii int) (int, int) {
	same := func(match func(digest.Item) bool) (int, int) {
		// Where it stood first: of two equal items, the one in its place.
		if si < len(d.Sections) && ii < len(d.Sections[si].Items) && match(d.Sections[si].Items[ii]) {
			return si, ii
		}
		for s, sec := range d.Sections {
			for i, it := range sec.Items {
				if match(it) {
					return s, i
				}
			}
		}
		return -1, -1
	}
	was := formOf(base).clean()
	if s, i := same(func(it digest.Item) bool { return formOf(it).clean().equal(was) }); s >= 0 {
		return s, i
	}
	en := strings.TrimSpace(base.HeadlineEN)
	return same(func(it digest.Item) bool { return strings.TrimSpace(it.HeadlineEN) == en })
}

func (f itemForm) equal(g itemForm) bool {
	return f.JA == g.JA && f.EN == g.EN && f.Emphasis == g.Emphasis && slices.Equal(f.Blocks, g.Blocks)
}

// taken applies the other save's fields the editor ticked on a conflict
// page (take=field, their values in the theirs-* fields) to the form.
func taken(r *http.Request, f itemForm) itemForm {
	for _, field := range r.PostForm["take"] {
		switch {
		case field == "ja":
			f.JA = r.PostFormValue("theirs-ja")
		case field == "en":
			f.EN = r.PostFormValue("theirs-en")
		case field == "emphasis":
			f.Emphasis = r.PostFormValue("theirs-emphasis") == "on"
		case field == "body":
			f.Blocks = theirBlocks(r, "body")
		case strings.HasPrefix(field, "block-"):
			n, err := strconv.Atoi(strings.TrimPrefix(field, "block-"))
			bs := theirBlocks(r, field)
			if err == nil && n >= 1 && n <= len(f.Blocks) && len(bs) == 1 {
				f.Blocks[n-1] = bs[0]
			}
		}
	}
	return f
}

// theirBlocks reads the other save's blocks of a conflict from the form:
// theirs-FIELD-kind, -text and -cites, once per block.
func theirBlocks(r *http.Request, field string) []blockForm {
	kinds, texts, cites := r.PostForm["theirs-"+field+"-kind"], r.PostForm["theirs-"+field+"-text"], r.PostForm["theirs-"+field+"-cites"]
	var out []blockForm
	for i := range kinds {
		if i < len(texts) && i < len(cites) {
			out = append(out, blockForm{Kind: digest.BlockKind(kinds[i]), Text: texts[i], Cites: cites[i]})
		}
	}
	return out
}
