package glossary

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"shuho/internal/digest"
)

// csvColumns are the columns of the CSV form, the JSON form's fields;
// lists are joined by "|".
var csvColumns = []string{"kind", "en", "variants", "ja", "ja_variants", "short", "country", "title", "note", "source", "ref", "check_by", "offices", "title_by"}

// An office in the CSV form is FormatOffice's, and a title's country
// forms FormatTitleBy's entries; lists of them are joined by "|" as others.
func officesCSV(os []digest.Office) string { return FormatOffices(os) }

// FormatOffices writes a list of offices as the CSV form's one field.
func FormatOffices(os []digest.Office) string {
	var out []string
	for _, o := range os {
		out = append(out, FormatOffice(o))
	}
	return strings.Join(out, "|")
}

// WriteCSV writes terms in the CSV form, with a header line.
func WriteCSV(w io.Writer, terms []digest.Term) error {
	cw := csv.NewWriter(w)
	cw.Write(csvColumns)
	for _, t := range terms {
		cw.Write([]string{string(t.Kind), t.EN, strings.Join(t.Variants, "|"), t.JA, strings.Join(t.JAVariants, "|"),
			t.Short, t.Country, t.Title, t.Note, t.Source, t.Ref, t.CheckBy, officesCSV(t.Offices), strings.Join(FormatTitleBy(t.TitleBy), "|")})
	}
	cw.Flush()
	return cw.Error()
}

// ParseCSV reads terms in the CSV form. The header names the columns, in
// any order; kind, en and ja are required. A bad line is reported with its
// number.
func ParseCSV(r io.Reader) ([]digest.Term, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("the file is empty; expected a header line (%s): %w", strings.Join(csvColumns, ","), digest.ErrInvalid)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", digest.ErrInvalid, err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(csvColumns, h) {
			return nil, fmt.Errorf("line 1: unknown column %q; expected %s: %w", h, strings.Join(csvColumns, ", "), digest.ErrInvalid)
		}
		col[h] = i
	}
	for _, need := range []string{"kind", "en", "ja"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("line 1: no %q column: %w", need, digest.ErrInvalid)
		}
	}
	var out []digest.Term
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			// A record that cannot be read has no field to ask the line
			// of (FieldPos panics); csv's error names it.
			return nil, fmt.Errorf("%w: %v", digest.ErrInvalid, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		list := func(name string) []string {
			var vs []string
			for _, v := range strings.Split(get(name), "|") {
				if v = strings.TrimSpace(v); v != "" {
					vs = append(vs, v)
				}
			}
			return vs
		}
		t := digest.Term{Kind: digest.TermKind(strings.TrimSpace(get("kind"))), EN: get("en"), Variants: list("variants"), JA: get("ja"),
			JAVariants: list("ja_variants"), Short: get("short"), Country: get("country"), Title: get("title"), Note: get("note"), Source: get("source"),
			Ref: get("ref"), CheckBy: get("check_by")}
		for _, o := range list("offices") {
			of, err := ParseOffice(o)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			t.Offices = append(t.Offices, of)
		}
		if t.TitleBy, err = ParseTitleBy(list("title_by")); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if err := Check(&t); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, t)
	}
}
