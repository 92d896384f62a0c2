package draft

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A wire writes its days relative to its own date ("today", "on
// Wednesday"); a digest read a week later needs them as dates. A day is
// written as a date only where the article's date makes it certain, and
// never inside a quotation, whose words are the speaker's. Every rule on
// the time of a sentence is in this file.

// refDay is the day an article's relative days count from: its dateline's
// date (its year from the publication date), else its publication date;
// none (zero) when neither is known, or when the two are days apart and
// so cannot both be the writer's "today". articleYear is the article's
// year, the one a date is written without.
func refDay(published time.Time, dateline calDay) (ref, dl calDay, articleYear int) {
	var pub calDay
	if !published.IsZero() {
		pub = dayOf(published)
		articleYear = pub.Year
	}
	dl = withYear(dateline, pub)
	if articleYear == 0 {
		articleYear = dl.Year
	}
	switch {
	case dl.known() && dl.Year != 0:
		if pub.known() && absDays(dl.time().Sub(pub.time())) > 2 {
			return calDay{}, dl, articleYear
		}
		return dl, dl, articleYear
	case dl.known():
		return calDay{}, dl, articleYear // a year unknown: no weekday to count with
	}
	return pub, dl, articleYear
}

// withYear gives a dateline's date without a year the year that puts it
// nearest the publication date (a dateline of December 31 published on
// January 1 is of the year before).
func withYear(d calDay, pub calDay) calDay {
	if !d.known() || d.Year != 0 || !pub.known() {
		return d
	}
	best := d
	for _, y := range []int{pub.Year - 1, pub.Year, pub.Year + 1} {
		c := calDay{y, d.Month, d.Day}
		if c.time().Day() != d.Day {
			continue // February 29 of a common year
		}
		if best.Year == 0 || absDays(c.time().Sub(pub.time())) < absDays(best.time().Sub(pub.time())) {
			best = c
		}
	}
	return best
}

func absDays(d time.Duration) int {
	n := int(d.Round(24*time.Hour) / (24 * time.Hour))
	if n < 0 {
		return -n
	}
	return n
}

var (
	// relativeRE: a relative day and the preposition before it.
	relativeRE = regexp.MustCompile(`(?i)\b(?:(on|this|last|next|since|from|until|till|by|before|after|through|as of|of|for|to|than) )?(today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
	// datedAfterRE: a weekday already followed by its date ("Wednesday,
	// November 12", "Monday (17 November)") or by a part of the day that a
	// date would not read with ("Tuesday evening").
	datedAfterRE = regexp.MustCompile(`^(?:,? \(?(?:` + monthPat + ` \d|\d{1,2} ` + monthPat + `)|,? \d)`)
	// futureRE: a sentence about what is to come, where a bare weekday may
	// be this week's or the next.
	futureRE = regexp.MustCompile(`(?i)\b(?:will|shall|won't|would|is to|are to|is due|are due|is expected|are expected|is scheduled|are scheduled|is set to|are set to|plans? to|planned|intends? to|going to|upcoming|to be held)\b|'ll\b|’ll\b`)
	// pastRE: a verb in the past or the present perfect; sentences without
	// one ("Cloudy weather is expected", "Azerbaijan has a population…")
	// are not dated by their dateline.
	pastRE = regexp.MustCompile(`\b(?:was|were|had|been|did|said|met|held|sent|made|took|gave|told|signed|began|became|left|won|lost|spoke|saw|came|went|brought|chose|fell|rose|paid|sold|bought|led|kept|found|wrote|ran|shot|struck|sought|caught|built|stood|heard|got|knew|drew|grew|threw|flew|spent|dealt|meant|felt|agreed|freed|guaranteed|[a-z]{2,}[^e\W]ed)\b`)
	// notPast are words in -ed that are no verb.
	notPast = map[string]bool{"hundred": true, "sacred": true, "armed": true, "based": true, "united": true, "limited": true, "related": true,
		"advanced": true, "detailed": true, "skilled": true, "qualified": true, "concerned": true, "interested": true, "experienced": true,
		"alleged": true, "beloved": true, "wicked": true, "naked": true, "kindred": true, "expected": true, "scheduled": true}
	// timeRE: what already places a sentence in time, so that a dateline's
	// date added to it would contradict or repeat it.
	timeRE = regexp.MustCompile(`(?i)\b(?:(?:last|this|next|past|previous|coming|same) (?:week|weekend|month|year|day)|ago|recently|earlier|later|now|currently|since|tonight|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:19|20)\d\d)\b`)
)

// pastVerb reports whether w is a verb in the past.
func pastVerb(w string) bool { return !notPast[w] && pastRE.FindString(w) == w && w != "" }

// saidBefore reports whether s ends in a verb in the past ("the airline
// said"), not a participle after an auxiliary ("will be held").
func saidBefore(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || !pastVerb(strings.Trim(f[len(f)-1], `,;:"“”'’()`)) {
		return false
	}
	return len(f) == 1 || !auxiliary[strings.ToLower(f[len(f)-2])]
}

var auxiliary = map[string]bool{"be": true, "been": true, "being": true, "to": true, "will": true, "would": true, "shall": true,
	"should": true, "can": true, "could": true, "may": true, "might": true, "must": true, "is": true, "are": true, "has": true, "have": true}

// isPast reports whether s holds a verb in the past, outside quotations.
func isPast(s string) bool {
	for _, m := range pastRE.FindAllString(unquoted(s), -1) {
		if !notPast[m] {
			return true
		}
	}
	return false
}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

// resolveRelative writes the relative days of a sentence as dates counted
// from ref ("yesterday" → "on November 14", "last Friday" → "on November
// 7"): today, yesterday and tomorrow always; a weekday when it lies within
// the week before ref (the week after, for "next"), and only where that is
// certain: a bare weekday in a sentence about the future may be this week's
// or the next, "last Friday" said on a Saturday may be the day before or a
// week earlier. Quotations, possessives ("Wednesday's meeting"), names
// ("Azerbaijan Today", "Good Friday") and weekdays given with their date
// are kept as written. With no ref, s is returned as it is.
func resolveRelative(s string, ref calDay, articleYear int) string {
	if !ref.known() || ref.Year == 0 {
		return s
	}
	quoted := quoteMask(s)
	future := futureRE.MatchString(unquoted(s))
	var b strings.Builder
	last := 0
	for _, m := range relativeRE.FindAllStringSubmatchIndex(s, -1) {
		a, z := m[0], m[1]
		prep := ""
		if m[2] >= 0 {
			prep = s[m[2]:m[3]]
		}
		word := s[m[4]:m[5]]
		// "…will launch flights, the airline said on Tuesday": the verb the
		// day goes with is in the past, whatever the rest of the sentence.
		off, ok := relativeOffset(strings.ToLower(prep), strings.ToLower(word), ref, future && !saidBefore(s[:a]))
		if !ok || quoted[a] || !standsAlone(s, a, m[4], z) {
			continue
		}
		if _, isWeekday := weekdays[strings.ToLower(word)]; isWeekday && datedAfterRE.MatchString(s[z:]) {
			continue
		}
		date := dayOf(ref.time().AddDate(0, 0, off)).text(articleYear)
		rep := "on " + date
		switch p := strings.ToLower(prep); p {
		case "", "on", "this", "last", "next":
		default:
			rep = prep + " " + date
		}
		// "on Wednesday morning", "yesterday evening": the part of the day
		// goes before the date, "on the morning of November 18".
		part, possessive := partOfDay(s[z:])
		if possessive {
			continue // "Wednesday night's storm": a name of the storm, no time of it
		}
		if part != "" {
			switch strings.ToLower(prep) {
			case "", "on", "this", "last", "next":
				rep, z = "on the "+part+" of "+date, z+1+len(part)
			default:
				continue
			}
		}
		if a == 0 {
			rep = upperFirst(rep)
		}
		if strings.Contains(date, ", ") && strings.HasPrefix(s[z:], " ") && isLetter(s[z+1:]) {
			rep += "," // "on December 31, 2025, signed"
		}
		b.WriteString(s[last:a])
		b.WriteString(rep)
		last = z
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// relativeOffset is the number of days from ref that prep and word (both
// lower case) name, if certain.
func relativeOffset(prep, word string, ref calDay, future bool) (int, bool) {
	switch word {
	case "today", "yesterday", "tomorrow":
		switch prep {
		case "this", "last", "next":
			return 0, false
		}
		return map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1}[word], true
	}
	wd := weekdays[word]
	rt := ref.time()
	back := (int(rt.Weekday()) - int(wd) + 7) % 7 // days since that weekday: 0 to 6
	week := func(off int) int { return weekOf(rt.AddDate(0, 0, off)) - weekOf(rt) }
	switch prep {
	case "last":
		off := -back
		if off == 0 {
			off = -7
		}
		// Only when every reading agrees: the day lies in the week before.
		return off, week(off) == -1
	case "next":
		off := (int(wd) - int(rt.Weekday()) + 7) % 7
		if off == 0 {
			off = 7
		}
		return off, week(off) == 1
	case "this":
		return -back, !future && week(-back) == 0
	case "", "on", "since":
		return -back, !future
	}
	return 0, false
}

// weekOf numbers the weeks, Monday to Sunday, as the desk's weeks run.
func weekOf(t time.Time) int {
	days := int(t.Sub(time.Date(2000, 1, 3, 12, 0, 0, 0, time.UTC)).Round(24*time.Hour) / (24 * time.Hour)) // 3 January 2000 was a Monday
	if days < 0 {
		return (days - 6) / 7
	}
	return days / 7
}

// standsAlone reports whether the relative day at s[w:z] (its match, with a
// preposition, starting at a) is one: not a possessive, not part of a name
// or a word ("Today.az", "Monday-Friday"), not capitalised in the middle of
// a sentence after a capitalised word ("Azerbaijan Today", "Good Friday").
func standsAlone(s string, a, w, z int) bool {
	// The expression's \b is ASCII's: a word that runs on in another
	// script ("ހWednesday") is no weekday.
	if prev, _ := utf8.DecodeLastRuneInString(s[:w]); w > 0 && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
		return false
	}
	if next, _ := utf8.DecodeRuneInString(s[z:]); z < len(s) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
		return false
	}
	after := s[z:]
	if strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") || strings.HasPrefix(after, "'") || strings.HasPrefix(after, "’") {
		return false
	}
	if len(after) >= 2 && (after[0] == '.' || after[0] == '-') && isLetter(after[1:]) {
		return false
	}
	if w > 0 && (s[w-1] == '-' || s[w-1] == '.' || s[w-1] == '/') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[w:])
	word := strings.ToLower(s[w:z])
	_, isWeekday := weekdays[word]
	if a == w && w > 0 && unicode.IsUpper(r) {
		// No preposition: a capitalised "Today" mid-sentence is a name, and
		// a weekday after a capitalised word is part of one.
		if !isWeekday {
			return false
		}
		before := strings.TrimRight(s[:w], " ")
		i := strings.LastIndexByte(before, ' ')
		prev, _ := utf8.DecodeRuneInString(before[i+1:])
		if unicode.IsUpper(prev) && !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, ",") {
			return false
		}
	}
	return true
}

func isLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// datePrefix dates a sentence that followed a dateline with the
// dateline's date, which leaving the dateline out would lose ("BAKU,
// November 15. The President received …" → "On November 15, the President
// received …"): only a sentence in the past that says nothing of its time
// itself, and never one that opens with a quotation. Its present perfect,
// which a date does not go with in English, becomes the past ("has
// signed" → "signed"). common reports whether the text writes a word in
// lower case within its sentences, and never capitalised there: a
// capitalised opening that is such a word ("Officers of the police …") is
// lower case after the date, and a name or a title keeps its capital.
func datePrefix(s string, d calDay, articleYear int, common func(string) bool) string {
	if !d.known() || s == "" || !opensSentence(s) || strings.ContainsRune(`"“«'‘(`, []rune(s)[0]) {
		return s
	}
	plain := unquoted(s)
	if dateRE.MatchString(plain) || timeRE.MatchString(plain) || futureRE.MatchString(plain) || !isPast(s) {
		return s
	}
	s = simplePast(s)
	first, rest, _ := strings.Cut(s, " ")
	// A plural before "of" is a group of people, not a title, which is
	// singular: "Officers of the police", "Operatives of the ministry",
	// but "Minister of Defence".
	group := strings.HasPrefix(rest, "of ") && strings.HasSuffix(first, "s") && !strings.HasSuffix(first, "ss") && first != strings.ToUpper(first)
	if smallWords[first] || common(first) || group {
		s = strings.ToLower(first) + " " + rest
	}
	return "On " + d.text(articleYear) + ", " + s
}

// perfectRE: a present perfect ("has signed", "have also arrested", "has
// been appointed").
var perfectRE = regexp.MustCompile(`\b(has|have)((?: (?:also|already|now|just|recently))?) (been|[a-z]+)\b`)

// sameForm are irregular verbs whose participle is their past.
var sameForm = map[string]bool{"held": true, "met": true, "sent": true, "made": true, "said": true, "told": true, "paid": true, "sold": true,
	"led": true, "kept": true, "found": true, "built": true, "stood": true, "heard": true, "spent": true, "left": true, "lost": true,
	"brought": true, "bought": true, "caught": true, "taught": true, "sought": true, "won": true, "shot": true, "struck": true,
	"set": true, "put": true, "cut": true, "hit": true, "read": true, "meant": true, "dealt": true, "felt": true}

// simplePast turns the present perfect of a sentence's main clause (before
// its first comma, so that "who has led the country since …" keeps its
// meaning) into the past, where the past is the participle or "was".
func simplePast(s string) string {
	head := s
	if i := strings.IndexByte(s, ','); i >= 0 {
		head = s[:i]
	}
	m := perfectRE.FindStringSubmatchIndex(head)
	if m == nil || quoteMask(s)[m[0]] {
		return s
	}
	aux, adv, verb := s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
	var past string
	switch {
	case verb == "been" && aux == "has":
		past = "was"
	case verb == "been":
		past = "were"
	case strings.HasSuffix(verb, "ed") && pastVerb(verb) || sameForm[verb]:
		past = verb
	default:
		return s
	}
	return s[:m[0]] + strings.TrimPrefix(adv+" ", " ") + past + s[m[1]:]
}

// smallWords are the capitalised openings that are lower case after "On
// November 15, "; any other (a name, a title, a number) keeps its capital.
var smallWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An This That These Those It Its There Their His Her He She They We Our Some Several Many
		All Both Each Every Another More Most Over About Around Nearly Almost Some According In At During After Before Following
		Under Within Among As For With From By To Of When While Although Despite Such No Two Three Four Five Six Seven Eight
		One Nine Ten Dozens Hundreds Thousands`) {
		m[w] = true
	}
	return m
}()

// quoteMask marks the bytes of s that lie inside a quotation: between
// straight double quotes, or “ ” or « ».
func quoteMask(s string) []bool {
	mask := make([]bool, len(s)+1)
	depth, straight := 0, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '"':
			straight = !straight
		case '“', '«':
			depth++
		case '”', '»':
			if depth > 0 {
				depth--
			}
		}
		for j := i; j < i+n; j++ {
			mask[j] = straight || depth > 0
		}
		i += n
	}
	return mask
}

// unquoted is s with its quotations blanked: the words the sentence's
// writer says, not its speakers'.
func unquoted(s string) string {
	mask := quoteMask(s)
	var b strings.Builder
	for i, r := range s {
		if mask[i] {
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// balanced reports whether the quotation marks of s close: straight
// double quotes in pairs, and as many “ as ” (or, where a text uses one
// of them for both, an even number), and as many « as ».
func balanced(s string) bool {
	pair := func(open, close string) bool {
		o, c := strings.Count(s, open), strings.Count(s, close)
		if o > 0 && c > 0 {
			return o == c
		}
		return (o+c)%2 == 0
	}
	return strings.Count(s, `"`)%2 == 0 && pair("“", "”") && pair("«", "»")
}

// partOfDay is the part of the day a relative day is followed by
// (" morning", " evening"), lower-cased, or ""; possessive says it is
// followed by 's ("Wednesday night's storm").
func partOfDay(rest string) (part string, possessive bool) {
	low := strings.ToLower(rest)
	for _, p := range []string{"morning", "afternoon", "evening", "night"} {
		after := low[min(len(low), len(p)+1):]
		if !strings.HasPrefix(low, " "+p) || after != "" && isLetter(after) {
			continue
		}
		if strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") {
			return "", true
		}
		return p, false
	}
	return "", false
}

// maxResolved is how many sources have their relative days resolved.
const maxResolved = 5

// relativeWord reports whether a text may hold a relative day ("today",
// "on Wednesday") that summarizing it would write as a date: only such a
// text needs reading into units for its dates.
func relativeWord(text string) bool {
	low := strings.ToLower(text)
	for _, w := range []string{"today", "yesterday", "tomorrow"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	for w := range weekdays {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// opensWithDateline reports whether a text opens with a dateline whose
// date summarizing it would write into its first sentence ("On February
// 1, 2026, …"), in words the text may not hold.
func opensWithDateline(text string) bool {
	for i, p := range paragraphs(text) {
		// A dateline on a line of its own dates the next paragraph: the
		// first few are looked at.
		if _, d := stripHead(p); d.known() {
			return true
		}
		if i == 2 {
			break
		}
	}
	return false
}
