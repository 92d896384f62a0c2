package pipeline

import (
	"fmt"
	"os"

	"shuho/internal/render"
)

// NewWriter is the digest writer of a program: the PDF's fonts found once,
// where it starts (PDFFonts with getenv); none found is the writer's
// answer to a PDF asked for, not a failure to start.
func NewWriter(getenv func(string) string) *render.Writer {
	f, err := PDFFonts(getenv)
	return &render.Writer{Fonts: f, NoFonts: err}
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
