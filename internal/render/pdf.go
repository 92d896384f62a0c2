package render

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"shuho/internal/digest"
)

// Fonts are the TrueType fonts a PDF embeds (subset to the characters
// used): Text for the running text, Heading for headings and bold (a
// gothic face, as Japanese documents set headings; Text when nil). Both
// must cover Japanese.
type Fonts struct {
	Text, Heading []byte
	// Names say where they came from, for error messages.
	TextName, HeadingName string
}

// boldStroke is the width of a synthetic bold's outline per point of the
// font's size (in mm: 0.035 mm at size 11), italicSlant the English
// headline's slant in degrees (positive: the tops to the right, as
// italics lean).
const (
	boldStroke  = 0.0032
	italicSlant = 12
)

// ErrNoFont is a PDF asked for without a Japanese font.
var ErrNoFont = errors.New("no Japanese font for the PDF")

// PDF writes a digest as an A4 PDF with the Japanese text embedded in the
// given fonts: the head centred, sections and headlines set in the heading
// face, the English headline below each Japanese one, page numbers at the
// foot as the desk's digests have them ("- 2 -").
func PDF(d *digest.Digest, f Fonts, created time.Time) (out []byte, err error) {
	if len(f.Text) == 0 {
		return nil, ErrNoFont
	}
	heading := f.Heading
	if len(heading) == 0 {
		heading = f.Text
	}
	// The PDF library panics on a font it cannot read.
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("writing the PDF (font %s / %s): %v", f.TextName, f.HeadingName, p)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCreator("shuho", true)
	pdf.SetTitle(d.Title, true)
	pdf.AddUTF8FontFromBytes("text", "", f.Text)
	pdf.AddUTF8FontFromBytes("head", "", heading)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("the font %s: %w", f.TextName, err)
	}
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 20)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont("text", "", 9)
		pdf.CellFormat(0, 6, fmt.Sprintf("- %d -", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	center := func(font string, size float64, s string) {
		pdf.SetFont(font, "", size)
		pdf.MultiCell(0, size*0.55, s, "", "C", false)
	}
	center("head", 16, d.Title)
	if d.Subtitle != "" {
		center("text", 11, d.Subtitle)
	}
	if p := periodJA(d.Period); p != "" {
		center("text", 11, p)
	}
	if d.Issuer != "" {
		pdf.SetFont("text", "", 11)
		pdf.MultiCell(0, 6, d.Issuer, "", "R", false)
	}
	pdf.Ln(6)
	// spans writes text that may be emphasised. The embedded Japanese
	// faces have no bold of their own: bold is the text's outline
	// stroked over its fill (synthetic bold, as word processors make it
	// of such faces), in the heading face when the whole line is bold.
	spans := func(sps []Span, size, lh float64, bold bool) {
		for _, sp := range sps {
			font := "text"
			if bold {
				font = "head"
			}
			pdf.SetFont(font, "", size)
			if sp.Bold || bold {
				pdf.SetTextRenderingMode(2)
				pdf.SetLineWidth(size * boldStroke)
			}
			pdf.Write(lh, sp.Text)
			pdf.SetTextRenderingMode(0)
		}
		pdf.Ln(lh)
	}
	// italic writes a paragraph slanted, line by line (the faces have no
	// italic either): each line skewed about its own baseline.
	italic := func(text string, size, lh float64) {
		pdf.SetFont("text", "", size)
		left, _, right, _ := pdf.GetMargins()
		for _, line := range pdf.SplitText(text, 210-left-right) {
			x, y := pdf.GetX(), pdf.GetY()
			pdf.TransformBegin()
			pdf.TransformSkewX(italicSlant, x, y+lh)
			pdf.CellFormat(0, lh, line, "", 1, "L", false, 0, "")
			pdf.TransformEnd()
		}
	}
	for _, s := range d.Sections {
		// A section's title is not left alone at the foot of a page.
		if pdf.GetY() > 297-20-40 {
			pdf.AddPage()
		}
		pdf.Ln(2)
		pdf.SetFont("head", "", 13)
		pdf.MultiCell(0, 7, fmt.Sprintf("%d. %s", s.Number, s.Title), "B", "L", false)
		pdf.Ln(2)
		for _, it := range s.Items {
			// A headline is not left alone at the foot of a page.
			if pdf.GetY() > 297-20-30 {
				pdf.AddPage()
			}
			spans(append([]Span{{Text: "● "}}, Spans(it.HeadlineJA)...), 11, 6, it.Emphasis)
			if it.HeadlineEN != "" {
				italic(Plain(it.HeadlineEN), 10.5, 5.5)
			}
			pdf.Ln(1)
			for _, bl := range it.Blocks {
				switch bl.Kind {
				case digest.List:
					for i, e := range bl.Entries {
						sp := Spans(e)
						if i == len(bl.Entries)-1 && len(bl.Citations) > 0 {
							sp = append(sp, Span{Text: " " + CitationText(bl.Citations)})
						}
						pdf.SetX(26)
						spans(append([]Span{{Text: "- "}}, sp...), 10.5, 5.5, false)
					}
				default:
					sp := Spans(bl.Text)
					if bl.Kind == digest.Note {
						sp = append([]Span{{Text: "NOTE: "}}, sp...)
					}
					if c := CitationText(bl.Citations); c != "" {
						sp = append(sp, Span{Text: " " + c})
					}
					spans(sp, 10.5, 5.5, false)
				}
				pdf.Ln(1.5)
			}
			pdf.Ln(3)
		}
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}

// FontPaths are where Debian's Japanese fonts are, in order of
// preference: the IPAex fonts (fonts-ipaexfont), then the IPA fonts,
// then what fonts-japanese-* point at. Noto CJK comes as a collection
// (.ttc) that the PDF writer cannot embed.
var FontPaths = struct{ Text, Heading []string }{
	Text: []string{"/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", "/usr/share/fonts/truetype/ipaexfont-mincho/ipaexm.ttf",
		"/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", "/usr/share/fonts/truetype/fonts-japanese-mincho.ttf"},
	Heading: []string{"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
		"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"},
}

// FontHint is what to do when no font is found.
const FontHint = "install a Japanese TrueType font (Debian: apt-get install fonts-ipaexfont) or name one with $SHUHO_PDF_FONT (a .ttf file)"
