// Package devset is a held-out development set for measuring shuho's section
// classifier, Japanese headline drafter and name transliteration against what
// the political desk would have written.
//
// The data were written by hand for the project, independently of the code
// they measure (see README.md), so a score on them says something about the
// code rather than about how well the code agrees with itself. For the same
// reason the set must stay held out: nothing under internal/ may read it
// except evaluation code and its tests.
//
// The loaders parse strictly and name the offending line, because the files
// are edited by hand and a silently skipped or half-read item would change a
// score without anyone noticing.
package devset

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed headlines.jsonl names.tsv testset.jsonl names-real-dev.tsv names-real-test.tsv
var files embed.FS

// Sections of a digest, as the desk assigns them. None marks an item the desk
// would leave out (business, sport, weather, the outlets' own promotion): the
// classifier must learn to drop these, not only to sort the rest.
const (
	Security = "security"
	Domestic = "domestic"
	Foreign  = "foreign"
	None     = "none"
)

// Kinds of entry in names.tsv.
const (
	Person = "person"
	Place  = "place"
)

// Origins of a name: the language or country whose naming conventions decide
// its Japanese form, so that a transliteration score can be broken down by
// origin (Azerbaijani -ov/-li/-zade, Georgian -shvili, Armenian -yan, …).
var origins = []string{"az", "ru", "tr", "ge", "am", "ir", "kz", "uz", "tm", "kg", "tj", "en", "other"}

// Headline is one news item as an outlet published it, with the section and
// Japanese headline the desk would give it. HeadlineJA is empty exactly when
// Section is None.
type Headline struct {
	ID         string `json:"id"`
	Outlet     string `json:"outlet"`
	Date       string `json:"date"` // YYYY-MM-DD
	Section    string `json:"section"`
	HeadlineEN string `json:"headline_en"`
	Lead       string `json:"lead"`
	HeadlineJA string `json:"headline_ja"`
}

// Name is a person or place as the outlets write it in English (En) and as
// Japanese media and the Ministry of Foreign Affairs write it (JA).
type Name struct {
	En     string
	JA     string
	Kind   string // Person or Place
	Origin string // one of origins
	Note   string // optional: post held, or why this form was chosen
}

const (
	headlinesFile = "headlines.jsonl"
	namesFile     = "names.tsv"
	namesHeader   = "en\tja\tkind\torigin\tnote"
)

// The embedded files never change while the program runs, so they are parsed
// once; each caller still gets its own copy, so one evaluation cannot change
// the data another one sees.
var (
	loadHeadlines = sync.OnceValues(func() ([]Headline, error) {
		return parseHeadlines(headlinesFile, mustRead(headlinesFile))
	})
	loadNames = sync.OnceValues(func() ([]Name, error) {
		return parseNames(namesFile, mustRead(namesFile))
	})
)

// Headlines returns the items of headlines.jsonl in file order.
func Headlines() ([]Headline, error) {
	hs, err := loadHeadlines()
	return slices.Clone(hs), err
}

// Names returns the entries of names.tsv in file order.
func Names() ([]Name, error) {
	ns, err := loadNames()
	return slices.Clone(ns), err
}

func mustRead(name string) []byte {
	data, err := files.ReadFile(name)
	if err != nil {
		// Both files are embedded at build time; failing to read one is a
		// broken build, not a condition a caller could handle.
		panic(err)
	}
	return data
}

// headlineFields lists the keys every line must have, in file order. Pointers
// tell a missing key (or null) apart from an empty string, which matters for
// headline_ja: it must be present on every line, empty or not.
type headlineFields struct {
	ID         *string `json:"id"`
	Outlet     *string `json:"outlet"`
	Date       *string `json:"date"`
	Section    *string `json:"section"`
	HeadlineEN *string `json:"headline_en"`
	Lead       *string `json:"lead"`
	HeadlineJA *string `json:"headline_ja"`
}

// parseHeadlines reads JSON Lines: one object a line, every line an item.
// Blank lines are rejected rather than skipped, since in a hand-edited file
// they usually mean a line was cut in two.
func parseHeadlines(file string, data []byte) ([]Headline, error) {
	lines, err := splitLines(file, data)
	if err != nil {
		return nil, err
	}
	var out []Headline
	firstLine := map[string]int{}
	for i, line := range lines {
		n := i + 1
		h, err := parseHeadline(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		if prev, dup := firstLine[h.ID]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate id %q (first on line %d)", file, n, h.ID, prev)
		}
		firstLine[h.ID] = n
		out = append(out, h)
	}
	return out, nil
}

func parseHeadline(line string) (Headline, error) {
	if strings.TrimSpace(line) == "" {
		return Headline{}, fmt.Errorf("blank line")
	}
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	var f headlineFields
	if err := dec.Decode(&f); err != nil {
		return Headline{}, fmt.Errorf("malformed JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Headline{}, fmt.Errorf("malformed JSON: data after the object")
	}
	fields := []struct {
		key      string
		val      *string
		nonEmpty bool
	}{
		{"id", f.ID, true},
		{"outlet", f.Outlet, true},
		{"date", f.Date, true},
		{"section", f.Section, true},
		{"headline_en", f.HeadlineEN, true},
		{"lead", f.Lead, true},
		{"headline_ja", f.HeadlineJA, false},
	}
	for _, fl := range fields {
		if fl.val == nil {
			return Headline{}, fmt.Errorf("missing field %q", fl.key)
		}
		if fl.nonEmpty && strings.TrimSpace(*fl.val) == "" {
			return Headline{}, fmt.Errorf("empty field %q", fl.key)
		}
	}
	h := Headline{
		ID:         *f.ID,
		Outlet:     *f.Outlet,
		Date:       *f.Date,
		Section:    *f.Section,
		HeadlineEN: *f.HeadlineEN,
		Lead:       *f.Lead,
		HeadlineJA: *f.HeadlineJA,
	}
	switch h.Section {
	case Security, Domestic, Foreign:
		if strings.TrimSpace(h.HeadlineJA) == "" {
			return Headline{}, fmt.Errorf("empty field \"headline_ja\" in section %q", h.Section)
		}
	case None:
		if h.HeadlineJA != "" {
			return Headline{}, fmt.Errorf("section %q must have an empty headline_ja", None)
		}
	default:
		return Headline{}, fmt.Errorf("unknown section %q", h.Section)
	}
	if _, err := time.Parse(time.DateOnly, h.Date); err != nil {
		return Headline{}, fmt.Errorf("date %q is not YYYY-MM-DD", h.Date)
	}
	return h, nil
}

// parseNames reads a tab-separated table with a fixed header. The note column
// may be empty; every other column must be filled.
func parseNames(file string, data []byte) ([]Name, error) {
	lines, err := splitLines(file, data)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 || lines[0] != namesHeader {
		return nil, fmt.Errorf("%s:1: header must be %q", file, namesHeader)
	}
	var out []Name
	firstLine := map[string]int{}
	for i, line := range lines[1:] {
		n := i + 2
		nm, err := parseName(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		if prev, dup := firstLine[nm.En]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate name %q (first on line %d)", file, n, nm.En, prev)
		}
		firstLine[nm.En] = n
		out = append(out, nm)
	}
	return out, nil
}

func parseName(line string) (Name, error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 5 {
		return Name{}, fmt.Errorf("%d tab-separated fields, want 5", len(cols))
	}
	for i, key := range strings.Split(namesHeader, "\t")[:4] {
		if strings.TrimSpace(cols[i]) == "" {
			return Name{}, fmt.Errorf("empty field %q", key)
		}
	}
	nm := Name{En: cols[0], JA: cols[1], Kind: cols[2], Origin: cols[3], Note: cols[4]}
	if nm.Kind != Person && nm.Kind != Place {
		return Name{}, fmt.Errorf("unknown kind %q", nm.Kind)
	}
	if !slices.Contains(origins, nm.Origin) {
		return Name{}, fmt.Errorf("unknown origin %q", nm.Origin)
	}
	return nm, nil
}

// splitLines splits on LF and allows (but does not require) one final LF.
// A CR is rejected: it would otherwise end up inside the last field of a line
// and make a Japanese form or a note differ invisibly from what was meant.
func splitLines(file string, data []byte) ([]string, error) {
	if len(data) == 0 {
		return nil, nil
	}
	data = bytes.TrimSuffix(data, []byte("\n"))
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		if strings.Contains(line, "\r") {
			return nil, fmt.Errorf("%s:%d: carriage return (the file must use LF line ends)", file, i+1)
		}
	}
	return lines, nil
}
