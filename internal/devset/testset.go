package devset

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The test sets: written by other hands than the development set's and
// the code's, before the code they measure was tuned on them, and never
// tuned on since (TESTSET.md, NAMES-REAL.md). Only evaluation code reads
// them.

const (
	testsetFile   = "testset.jsonl"
	realNamesDev  = "names-real-dev.tsv"
	realNamesTest = "names-real-test.tsv"
	realHeader    = "en\tja\tkind\torigin\tsource\tnote"
)

// TestItem is an item of the test set: a Headline with the kind of its
// event or noise ("call", "trial", "business", "other-country").
type TestItem struct {
	Headline
	Kind string `json:"kind"`
}

// RealName is a name with the Japanese form a public Japanese page
// publishes (Source, its address).
type RealName struct {
	Name
	Source string
}

var (
	loadTestSet = sync.OnceValues(func() ([]TestItem, error) {
		return parseTestSet(testsetFile, mustRead(testsetFile))
	})
	loadRealDev = sync.OnceValues(func() ([]RealName, error) {
		return parseRealNames(realNamesDev, mustRead(realNamesDev))
	})
	loadRealTest = sync.OnceValues(func() ([]RealName, error) {
		return parseRealNames(realNamesTest, mustRead(realNamesTest))
	})
)

// TestSet returns the items of testset.jsonl in file order.
func TestSet() ([]TestItem, error) {
	ts, err := loadTestSet()
	return slices.Clone(ts), err
}

// RealNames returns the real names of one half of the set: "dev" (its
// errors may be looked at while the rules are improved) or "test" (never
// looked at, never tuned on).
func RealNames(half string) ([]RealName, error) {
	var ns []RealName
	var err error
	switch half {
	case "dev":
		ns, err = loadRealDev()
	case "test":
		ns, err = loadRealTest()
	default:
		return nil, fmt.Errorf("half %q: expected dev or test", half)
	}
	return slices.Clone(ns), err
}

func parseTestSet(file string, data []byte) ([]TestItem, error) {
	lines, err := splitLines(file, data)
	if err != nil {
		return nil, err
	}
	var out []TestItem
	first := map[string]int{}
	for i, line := range lines {
		n := i + 1
		var k struct {
			Kind *string `json:"kind"`
		}
		if err := json.Unmarshal([]byte(line), &k); err != nil || k.Kind == nil || strings.TrimSpace(*k.Kind) == "" {
			return nil, fmt.Errorf("%s:%d: missing field \"kind\"", file, n)
		}
		// The rest is a development set's line: strictly the same fields.
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			return nil, fmt.Errorf("%s:%d: malformed JSON: %w", file, n, err)
		}
		delete(m, "kind")
		rest, _ := json.Marshal(m)
		h, err := parseHeadline(string(rest))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		if prev, dup := first[h.ID]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate id %q (first on line %d)", file, n, h.ID, prev)
		}
		first[h.ID] = n
		out = append(out, TestItem{Headline: h, Kind: *k.Kind})
	}
	return out, nil
}

func parseRealNames(file string, data []byte) ([]RealName, error) {
	lines, err := splitLines(file, data)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 || lines[0] != realHeader {
		return nil, fmt.Errorf("%s:1: header must be %q", file, realHeader)
	}
	var out []RealName
	first := map[string]int{}
	for i, line := range lines[1:] {
		n := i + 2
		cols := strings.Split(line, "\t")
		if len(cols) != 6 {
			return nil, fmt.Errorf("%s:%d: %d tab-separated fields, want 6", file, n, len(cols))
		}
		nm, err := parseName(strings.Join([]string{cols[0], cols[1], cols[2], cols[3], cols[5]}, "\t"))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		if !strings.HasPrefix(cols[4], "https://") && !strings.HasPrefix(cols[4], "http://") {
			return nil, fmt.Errorf("%s:%d: source %q is not a page's address", file, n, cols[4])
		}
		if prev, dup := first[nm.En]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate name %q (first on line %d)", file, n, nm.En, prev)
		}
		first[nm.En] = n
		out = append(out, RealName{Name: nm, Source: cols[4]})
	}
	return out, nil
}

// NearMatch reports whether two katakana renderings of a name differ only
// where Japanese usage itself varies: long vowels (ー), the small ッ, ヴ
// against バ行 and ワ, the separator (・, ＝, =), and a full name against
// its surname alone.
func NearMatch(got, want string) bool {
	g, w := nearFold(got), nearFold(want)
	if g == w {
		return true
	}
	// One side gives the surname alone: compare the last parts.
	lg, lw := lastPart(got), lastPart(want)
	return (lg == got) != (lw == want) && nearFold(lg) == nearFold(lw)
}

var nearFolder = strings.NewReplacer("ー", "", "ッ", "", "・", "", "＝", "", "=", "", "゠", "", " ", "",
	"ヴァ", "バ", "ヴィ", "ビ", "ヴェ", "ベ", "ヴォ", "ボ", "ヴュ", "ビュ", "ヴ", "ブ", "ワ", "バ", "ウィ", "ビ", "ウェ", "ベ", "ウォ", "ボ",
	"ィ", "イ", "ェ", "エ", "ォ", "オ", "ァ", "ア", "ゥ", "ウ")

func nearFold(s string) string { return nearFolder.Replace(strings.TrimSpace(s)) }

func lastPart(s string) string {
	if i := strings.LastIndexAny(s, "・＝=゠"); i >= 0 {
		_, size := utf8Last(s[i:])
		return s[i+size:]
	}
	return s
}

func utf8Last(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
