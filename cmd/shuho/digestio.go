package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
	"shuho/internal/textfmt"
)

// format is a digest file format that this version reads or writes.
type format string

const (
	formatText format = "txt"
	formatJSON format = "json"
)

// formatOf names the format of a path by its extension; "" when the
// extension says nothing (or is "-").
func formatOf(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return formatText
	case ".json":
		return formatJSON
	}
	return ""
}

// loaded is a digest read from a file, with where its parts stood (text
// only) and what reading it repaired.
type loaded struct {
	d       *digest.Digest
	lines   *digest.Lines
	repairs []digest.Repair
}

// readDigest reads the digest in the file at path ("-": standard input) in
// the text or the JSON form: as the extension says, or else as the content
// shows (JSON starts with "{"). Errors name the file.
func (e *env) readDigest(path string, p *digest.Profile) (*loaded, error) {
	data, err := e.input(path)
	if err != nil {
		return nil, err
	}
	name := path
	if path == "-" {
		name = "standard input"
	}
	f := formatOf(path)
	if f == "" {
		f = formatText
		if bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n"), []byte("{")) {
			f = formatJSON
		}
	}
	if f == formatJSON {
		d, err := jsonfmt.Decode(data)
		if err != nil {
			return nil, digest.InFile(err, name)
		}
		return &loaded{d: d}, nil
	}
	r, err := textfmt.Parse(data, p)
	if err != nil {
		return nil, digest.InFile(err, name)
	}
	e.log.Debug("read digest", "file", name, "sections", len(r.Digest.Sections), "repairs", len(r.Repairs))
	return &loaded{d: r.Digest, lines: r.Lines, repairs: r.Repairs}, nil
}

// unsupported explains that a format comes with later work.
func unsupported(path string) error {
	return fmt.Errorf("%s: shuho does not write %s; it writes .txt, .json, .md, .html, .docx and .pdf: %w",
		path, filepath.Ext(path), digest.ErrUnsupported)
}
