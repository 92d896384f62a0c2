package render

import (
	"fmt"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
	"shuho/internal/textfmt"
)

// Formats are the forms a digest is written in, by extension.
var Formats = []string{"txt", "json", "md", "html", "docx", "pdf"}

// ContentTypes are the media types of the formats.
var ContentTypes = map[string]string{
	"txt": "text/plain; charset=utf-8", "json": "application/json", "md": "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf": "application/pdf",
}

// A Writer writes a digest in any of the Formats. It is configured once,
// where the program starts (the PDF's fonts read from disk then, not at
// each download), and used by many goroutines.
type Writer struct {
	// Fonts are the PDF's; NoFonts, when set, is why there are none (a
	// PDF asked for then is that error).
	Fonts   Fonts
	NoFonts error
}

// Write writes d in a format (one of Formats) at a time: the date the
// DOCX and PDF files give as their own (the time of the download, or a
// fixed one for files that must come out the same).
func (w *Writer) Write(d *digest.Digest, p *digest.Profile, format string, at time.Time) ([]byte, error) {
	switch format {
	case "txt":
		return textfmt.Marshal(d, p)
	case "json":
		return jsonfmt.Encode(d)
	case "md":
		return Markdown(d), nil
	case "html":
		return HTML(d)
	case "docx":
		return DOCX(d, at)
	case "pdf":
		if w.NoFonts != nil {
			return nil, w.NoFonts
		}
		return PDF(d, w.Fonts, at)
	}
	return nil, fmt.Errorf("format %q: expected one of txt, json, md, html, docx, pdf: %w", format, digest.ErrUnsupported)
}
