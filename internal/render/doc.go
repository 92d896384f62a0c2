// Package render writes a digest as Markdown, HTML, DOCX and PDF, each from
// the same model and none fetching anything on its own; the text and JSON
// forms are in textfmt and jsonfmt. It is pure: a PDF's fonts come in as
// bytes.
package render
