package draft

import (
	"fmt"
	"regexp"
	"shuho/internal/words"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Flag is something in a drafted text that its sources do not bear out.
type Flag struct {
	// Kind is "number", "date" or "name".
	Kind string `json:"kind"`
	Text string `json:"text"`
}

func (f Flag) String() string { return f.In("en") }

// In says the flag in lang.
func (f Flag) In(lang string) string {
	return fmt.Sprintf(words.Text(lang, "flag.unsourced"), words.Text(lang, "flag."+f.Kind), f.Text)
}

var (
	numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// dateRE: "November 16", "Nov. 16", "16 November", with dateline.go's
	// one pattern of a month.
	dateRE = regexp.MustCompile(`(?i)\b(?:` + monthPat + `\s+\d{1,2}|\d{1,2}\s+` + monthPat + `)\b`)
	nameRE = regexp.MustCompile(`\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*`)
)

// Check compares a drafted English text with its sources: every number,
// every date and every name it holds must be found in one of them, else it
// is flagged. An extractive summary passes by construction; a model's text
// may not, and is offered with its flags.
func Check(text string, sources ...string) []Flag {
	return check(text, sources)
}

// Source is an article a drafted text is checked against: its title, its
// text, and its date (zero when unknown).
type Source struct {
	Title, Text string
	Published   time.Time
}

// CheckSources is Check against articles whose dates are known: the dates
// that SummarizeArticle writes for an article (its dateline's date, "on
// November 14" for its "yesterday") are the article's, though its text
// does not spell them.
func CheckSources(text string, sources ...Source) []Flag {
	var all []string
	for i, s := range sources {
		all = append(all, s.Title, s.Text)
		// Only a text with a relative day to resolve or a dateline whose
		// date a summary writes out needs reading into units for its
		// dates, and only the first few: the lead, which
		// summaries are made of, comes first, and an editor who takes a
		// date from further down writes it out.
		if i >= maxResolved || !relativeWord(s.Text) && !opensWithDateline(s.Text) {
			continue
		}
		var b strings.Builder
		for _, u := range textUnits(s.Text, s.Published, 0) {
			b.WriteString(u.text)
			b.WriteString("\n")
		}
		all = append(all, b.String())
	}
	return check(text, all)
}

func check(text string, sources []string) []Flag {
	var src strings.Builder
	for _, s := range sources {
		src.WriteString(s)
		src.WriteString("\n")
	}
	all := src.String()
	folded := " " + foldText(all) + " "
	// The sources are read for numbers and dates only when the text has
	// some: a story of many articles is long, and its text short.
	textDates, textNums, textWords := dateRE.FindAllString(text, -1), numberRE.FindAllString(text, -1), numberWordRE.FindAllString(text, -1)
	numbers := map[string]bool{}
	if len(textNums)+len(textWords) > 0 {
		for _, n := range numberRE.FindAllString(all, -1) {
			numbers[normNumber(n)] = true
		}
		// A number written out is the same number in digits: "seven" is
		// sourced by "7", and "7" by "seven". The sources' words are
		// looked up one by one: a regular expression over a story of
		// thirty articles costs more than the rest of drafting.
		addNumberWords(numbers, all)
	}
	dates := map[string]bool{}
	if len(textDates) > 0 {
		for _, d := range dateRE.FindAllString(all, -1) {
			dates[normDate(d)] = true
		}
	}
	var flags []Flag
	seen := map[string]bool{}
	add := func(kind, s string) {
		if !seen[kind+s] {
			seen[kind+s] = true
			flags = append(flags, Flag{kind, s})
		}
	}
	// Dates first, so that their day numbers are not checked again as
	// numbers.
	inDate := map[string]bool{}
	for _, d := range textDates {
		if !dates[normDate(d)] {
			add("date", d)
		}
		for _, n := range numberRE.FindAllString(d, -1) {
			inDate[n] = true
		}
	}
	for _, n := range textNums {
		if !numbers[normNumber(n)] && !inDate[n] {
			add("number", n)
		}
	}
	for _, n := range textWords {
		if !numbers[numberWordValue(n)] {
			add("number", n)
		}
	}
	for _, loc := range nameRE.FindAllStringIndex(text, -1) {
		// The expression's \b is ASCII's: capitals that go on a word of
		// another script ("ĺAAA") are no name of their own.
		if prev, _ := utf8.DecodeLastRuneInString(text[:loc[0]]); loc[0] > 0 && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			continue
		}
		name := text[loc[0]:loc[1]]
		ws := strings.Fields(name)
		// The first word of a sentence is capitalised whatever it is: a
		// common word, or a single word before a lower-case one ("Added
		// in the browser."), is taken for no name. A one-word name that
		// opens a sentence goes unchecked: better than a warning on every
		// verb an editor starts a note with.
		if atSentenceStart(text, loc[0]) && (commonWord[strings.ToLower(ws[0])] || len(ws) == 1 && lowerNext(text, loc[1])) {
			ws = ws[1:]
		}
		for _, w := range ws {
			fw := foldText(w)
			if len([]rune(fw)) < 3 || commonWord[fw] || numberWordRE.MatchString(w) {
				continue
			}
			if !strings.Contains(folded, " "+fw+" ") && !strings.Contains(folded, " "+fw) {
				add("name", strings.Join(ws, " "))
				break
			}
		}
	}
	return flags
}

// lowerNext reports whether the word after at starts in lower case.
func lowerNext(text string, at int) bool {
	rest := strings.TrimLeft(text[at:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
}

func atSentenceStart(text string, at int) bool {
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	return before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, ":") || strings.HasSuffix(before, `"`)
}

// commonWord are capitalised words that name nobody.
var commonWord = map[string]bool{"the": true, "on": true, "in": true, "at": true, "a": true, "an": true, "he": true, "she": true,
	"they": true, "it": true, "this": true, "that": true, "after": true, "during": true, "according": true, "note": true, "also": true,
	"one": true}

// numberWordRE are the numbers a text writes out, which an edit changes
// as surely as digits ("three officials" → "seven officials"). "One" and
// "first" are left out: they are pronouns and ordinary words as often.
var numberWordRE = regexp.MustCompile(`(?i)\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dozen|hundred|thousand|million|billion|trillion|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b`)

var cardinals = func() map[string]int {
	m := map[string]int{}
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen") {
		m[w] = i
	}
	for i, w := range strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety") {
		m[w] = 20 + 10*i
	}
	return m
}()

// numberWordValue is the key a written-out number is compared by: its
// value in digits for a cardinal ("twenty-five" → "25"), the word itself
// for the others ("million", "third").
func numberWordValue(w string) string {
	w = strings.ToLower(w)
	v, ok := 0, false
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == ' ' }) {
		n, isCardinal := cardinals[p]
		if !isCardinal {
			return w
		}
		v, ok = v+n, true
	}
	if !ok {
		return w
	}
	return strconv.Itoa(v)
}

// addNumberWords adds the numbers text writes out, as numberWordValue
// keys them: each word of numberWordRE's, and a tens word with the unit
// word after it ("twenty-five", "twenty five") as their sum.
func addNumberWords(numbers map[string]bool, text string) {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range ws {
		if !writtenNumbers[w] {
			continue
		}
		numbers[numberWordValue(w)] = true
		if t, ok := cardinals[w]; ok && t >= 20 && i+1 < len(ws) {
			if u, ok := cardinals[ws[i+1]]; ok && u > 0 && u < 10 {
				numbers[strconv.Itoa(t+u)] = true
			}
		}
	}
}

// writtenNumbers are the single words numberWordRE finds.
var writtenNumbers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`twenty thirty forty fifty sixty seventy eighty ninety two three four five six seven eight nine ten
		eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen dozen hundred thousand million billion trillion
		third fourth fifth sixth seventh eighth ninth tenth`) {
		m[w] = true
	}
	return m
}()

func normNumber(n string) string { return strings.NewReplacer(",", "", " ", "").Replace(n) }

func normDate(d string) string {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(d, ".", "")))
	if len(f) != 2 {
		return d
	}
	day, mon := f[0], f[1]
	if day[0] < '0' || day[0] > '9' {
		day, mon = mon, day
	}
	return strings.TrimLeft(day, "0") + " " + mon[:3]
}

func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
