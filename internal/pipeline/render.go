package pipeline

import (
	"fmt"
	"os"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
	"shuho/internal/render"
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

// Render writes a digest in a format (one of Formats) at a time: the date
// the DOCX and PDF files give as their own (the time of the download, or a
// fixed one for files that must come out the same). The PDF's fonts are
// found by PDFFonts with getenv.
func Render(d *digest.Digest, p *digest.Profile, format string, at time.Time, getenv func(string) string) ([]byte, error) {
	switch format {
	case "txt":
		return textfmt.Marshal(d, p)
	case "json":
		return jsonfmt.Encode(d)
	case "md":
		return render.Markdown(d), nil
	case "html":
		return render.HTML(d)
	case "docx":
		return render.DOCX(d, at)
	case "pdf":
		f, err := PDFFonts(getenv)
		if err != nil {
			return nil, err
		}
		return render.PDF(d, f, at)
	}
	return nil, fmt.Errorf("format %q: expected one of txt, json, md, html, docx, pdf: %w", format, digest.ErrUnsupported)
}

// PDFFonts finds the Japanese fonts for a PDF: $SHUHO_PDF_FONT and
// $SHUHO_PDF_HEADING_FONT, else where Debian installs the IPAex and IPA
// fonts. None found is an error that says what to install.
func PDFFonts(getenv func(string) string) (render.Fonts, error) {
	var f render.Fonts
	find := func(env string, paths []string) ([]byte, string, error) {
		if p := getenv(env); p != "" {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, "", fmt.Errorf("$%s: %w", env, err)
			}
			return b, p, nil
		}
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				return b, p, nil
			}
		}
		return nil, "", nil
	}
	var err error
	if f.Text, f.TextName, err = find("SHUHO_PDF_FONT", render.FontPaths.Text); err != nil {
		return f, err
	}
	if f.Text == nil {
		return f, fmt.Errorf("%w: %s", render.ErrNoFont, render.FontHint)
	}
	if f.Heading, f.HeadingName, err = find("SHUHO_PDF_HEADING_FONT", render.FontPaths.Heading); err != nil {
		return f, err
	}
	return f, nil
}
