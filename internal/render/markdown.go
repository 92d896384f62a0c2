package render

import (
	"fmt"
	"strings"

	"shuho/internal/digest"
)

// Markdown writes a digest as CommonMark: the title as a heading, each
// section a second-level heading, each item's Japanese headline a third
// (bold when emphasised) with the English one in italics below it, and
// its blocks as paragraphs and lists. The digest's own **bold** and
// *italic* markers are CommonMark already; other characters Markdown
// would read are escaped.
func Markdown(d *digest.Digest) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", escapeMD(d.Title))
	if d.Subtitle != "" {
		fmt.Fprintf(&b, "%s\n\n", escapeMD(d.Subtitle))
	}
	if p := periodJA(d.Period); p != "" {
		fmt.Fprintf(&b, "%s\n\n", p)
	}
	if d.Issuer != "" {
		fmt.Fprintf(&b, "%s\n\n", escapeMD(d.Issuer))
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "## %d. %s\n\n", s.Number, escapeMD(s.Title))
		for _, it := range s.Items {
			h := keepMarkers(it.HeadlineJA)
			if it.Emphasis {
				h = "**" + h + "**"
			}
			fmt.Fprintf(&b, "### %s\n\n", h)
			if it.HeadlineEN != "" {
				fmt.Fprintf(&b, "*%s*\n\n", Plain(escapeMD(it.HeadlineEN)))
			}
			for _, bl := range it.Blocks {
				switch bl.Kind {
				case digest.List:
					for i, e := range bl.Entries {
						if i == len(bl.Entries)-1 && len(bl.Citations) > 0 {
							e = strings.TrimSpace(e + " " + CitationText(bl.Citations))
						}
						fmt.Fprintf(&b, "- %s\n", keepMarkers(e))
					}
					b.WriteString("\n")
				default:
					fmt.Fprintf(&b, "%s\n\n", keepMarkers(blockText(bl)))
				}
			}
		}
	}
	return []byte(b.String())
}

// mdSpecial are the characters CommonMark may read as markup in running
// text, besides the stars the digest uses as its own.
var mdSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

func escapeMD(s string) string { return mdSpecial.Replace(s) }

// keepMarkers escapes text for Markdown but keeps its star markers; a star
// that is no marker ("5 * 3") is escaped, and so are the markers of text
// whose markers do not pair up.
func keepMarkers(s string) string {
	var b strings.Builder
	for _, sp := range Spans(s) {
		t := strings.ReplaceAll(escapeMD(sp.Text), "*", `\*`)
		switch {
		case sp.Bold && sp.Italic:
			t = "***" + t + "***"
		case sp.Bold:
			t = "**" + t + "**"
		case sp.Italic:
			t = "*" + t + "*"
		}
		b.WriteString(t)
	}
	out := b.String()
	// A line that starts with a list marker or a number and a full stop
	// would be read as a list.
	if len(out) > 0 && (out[0] == '-' || out[0] == '+') {
		out = `\` + out
	}
	return out
}
