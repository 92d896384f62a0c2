// Package render writes a digest as Markdown, HTML, DOCX and PDF, each from
// the same model and none fetching anything on its own. It comes with
// publishing (issue 6); the text and JSON forms are in textfmt and jsonfmt.
package render
