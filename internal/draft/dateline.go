package draft

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// What an agency puts around its story and the desk never copies: the
// syndicator's prefix, the dateline (place, date, agency), the byline, and
// the wire's tag after a sentence. Every rule that recognises them is in
// this file; Summarize applies them and keeps the dateline's date.

// calDay is a day of the calendar as a text gives it; Year is 0 when the
// text does not say.
type calDay struct {
	Year  int
	Month time.Month
	Day   int
}

func (d calDay) known() bool { return d.Month != 0 && d.Day != 0 }

func (d calDay) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

func dayOf(t time.Time) calDay { return calDay{t.Year(), t.Month(), t.Day()} }

// text writes d as the desk does, "November 15", with the year only when
// it is not the article's (year 0: unknown, and then left out).
func (d calDay) text(articleYear int) string {
	s := d.Month.String() + " " + strconv.Itoa(d.Day)
	if d.Year != 0 && articleYear != 0 && d.Year != articleYear {
		s += ", " + strconv.Itoa(d.Year)
	}
	return s
}

const (
	monthPat = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	// placePat is a place of one to three capitalised words ("BAKU",
	// "Baku", "Nakhchivan City").
	placePat = `\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}`
	// wirePat are the agencies whose tags end or open a sentence: the
	// country's own and the foreign ones they carry. A tag is matched by
	// name, not by shape, since "– Report." would otherwise be any word.
	// outletPat is an outlet's name as it signs a sentence: one to three
	// capitalised words ("Novruz News", "BAKU WIRE").
	outletPat = `\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}`
	wirePat   = `(?:APA|AZERTAG|AzerTAg|AZERTAC|AzerTac|Azertac|Trend(?: News Agency)?|TREND|Report(?:\.az)?|News\.[Aa]z|Azernews|AzerNews|AZERNEWS|Turan|TURAN|Xinhua|Interfax|Sputnik|TASS|Anadolu|IRNA|Reuters|AFP|AP|JAMnews|OC Media)`
)

var (
	// datelineRE: "BAKU, Azerbaijan, February 7.", "Baku, November 15,
	// AZERTAG", "BAKU, November 15 (AZERTAG).", "Baku, 14 November, Baku
	// Wire.", "YEREVAN, Nov 17 (SC Monitor) –", "BAKU, Feb. 7 /Trend/ -",
	// with or without the year. The outlet is any one to four capitalised
	// words after a comma, or anything in brackets or slashes: agencies
	// write their own name there, and that name is no word of the story.
	datelineRE = regexp.MustCompile(`^(` + placePat + `)(?:, ` + placePat + `){0,2},? ` +
		`(?:(` + monthPat + `) (\d{1,2})|(\d{1,2}) (` + monthPat + `))(?:,? (\d{4}))?` +
		`(?: ?\([^()]{1,40}\)| ?/[^/]{1,60}/|, \p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,3})?` +
		`(?: ?(?:[.:]|--|[—–-]) |[.:]?$)`)
	// dashlineRE: "BAKU —", "TBILISI, Georgia —" (JAMnews, OC Media): a
	// place in capitals and a dash, no date.
	dashlineRE = regexp.MustCompile(`^\p{Lu}{2}[\p{Lu}'’-]*(?: \p{Lu}[\p{Lu}'’-]*){0,2}(?:, ` + placePat + `)? (?:—|–|--) `)
	// apalineRE: "Baku. Vusala Mammadova – APA." (APA): a place, the
	// reporter and the agency.
	apalineRE = regexp.MustCompile(`^` + placePat + `\. (?:\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3} )?(?:—|–|-{1,2}) ?` + wirePat + `\. `)
	// slashlineRE: "Baku/13.10.17/Turan:" (Turan): a place, the date as
	// day.month.year, the agency.
	slashlineRE = regexp.MustCompile(`^` + placePat + `/(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})/` + wirePat + `:?\s+`)
	// syndicationRE: "(MENAFN- Trend News Agency)", "(AZERTAG) –".
	syndicationRE = regexp.MustCompile(`^(?:\((?i:menafn)\s*[-–—:]?\s*[^()]{0,60}\)|\(` + wirePat + `\))\s*(?:(?:[—–:]|-{1,2})\s+)?`)
	// bylineRE: AZERNEWS's "By Nigar Abbasova" as a paragraph of its own
	// or set off from the text.
	bylineRE = regexp.MustCompile(`^By (?:\p{Lu}[\p{L}'’-]+ ){0,2}\p{Lu}[\p{L}'’-]+(?:,? (?:AzerNews|Azernews|AZERNEWS))?(?:$| ?[|.–—] )`)
	// joinedBylineRE: the same byline run into the text by the extractor,
	// "By Nigar Abbasova Azerbaijan's exports …": only an Azerbaijani
	// surname's ending tells where the name stops.
	joinedBylineRE = regexp.MustCompile(`^By \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}*(?:ova|ov|eva|ev|yeva|yev|li|lı|lu|zada|zade|zadeh) \p{Lu}`)

	// endTagRE: "… – APA reports.", "…, Novruz News reports." (any outlet's
	// name before "reports" after a comma: the profile's outlets are many), "… — APA", ", Report informs.",
	// ", News.Az reports citing the ministry.", "… (Xinhua)", "… /Trend/".
	endTagRE = regexp.MustCompile(`(?:\s*(?:[—–]|-{1,2})\s*` + wirePat + `(?:\s+(?:reports|informs|writes))?|,\s*(?:` + wirePat + `|` + outletPat + `)\s+(?:reports|informs|writes)|\s*\(` + wirePat + `\)|\s*/` + wirePat + `/)` +
		`(?:,?\s+(?:citing|with reference to|referring to)\s+([^.!?]{1,100}?))?\s*([.!?]?)$`)
	// startTagRE: "Report informs, citing the ministry's press service."
	// (a sentence of its own), "Report informs that …", "APA reports,
	// citing the ministry, that …".
	startTagRE = regexp.MustCompile(`^` + wirePat + `\s+(?:informs|reports|writes)(?:,?\s+(?:citing|with reference to|referring to)\s+([^,.!?]{1,100}?))?(?:,?\s+that\s+|\s*[.!?]?$)`)
)

// notPlace are capitalised words that open a sentence with a date and are
// no place of a dateline ("On November 15, …").
var notPlace = map[string]bool{"on": true, "in": true, "at": true, "by": true, "from": true, "since": true, "until": true, "till": true,
	"before": true, "after": true, "during": true, "last": true, "next": true, "this": true, "today": true, "yesterday": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"as": true, "of": true, "the": true, "for": true, "between": true, "through": true}

// stripHead removes from the start of a paragraph what an agency puts
// before its story: the syndicator's prefix, the dateline, the byline, in
// any order they come. It returns the rest and the dateline's date, when it
// had one. The rest starts as a sentence does, or the paragraph is left as
// it was: a capitalised opening that is the story's own is kept.
func stripHead(p string) (string, calDay) {
	var date calDay
	for range 4 {
		rest, d, ok := stripOne(p)
		if !ok {
			break
		}
		if d.known() && !date.known() {
			date = d
		}
		p = rest
	}
	return p, date
}

func stripOne(p string) (string, calDay, bool) {
	if m := syndicationRE.FindStringIndex(p); m != nil {
		return p[m[1]:], calDay{}, true
	}
	if m := datelineRE.FindStringSubmatchIndex(p); m != nil && !notPlace[strings.ToLower(p[m[2]:m[3]])] {
		rest := p[m[1]:]
		if opensSentence(rest) {
			return rest, datelineDay(p, m), true
		}
	}
	if m := slashlineRE.FindStringSubmatch(p); m != nil && opensSentence(p[len(m[0]):]) {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if year < 100 {
			year += 2000
		}
		d := calDay{}
		if month >= 1 && month <= 12 && day >= 1 && day <= 31 {
			d = calDay{year, time.Month(month), day}
		}
		return p[len(m[0]):], d, true
	}
	if m := apalineRE.FindStringIndex(p); m != nil && opensSentence(p[m[1]:]) {
		return p[m[1]:], calDay{}, true
	}
	if m := dashlineRE.FindStringIndex(p); m != nil {
		rest := p[m[1]:]
		// "SOCAR — Azerbaijan's state oil company — said …": a dash that
		// pairs with another in the sentence sets off an apposition.
		first, _, _ := strings.Cut(rest, ". ")
		if opensSentence(rest) && !strings.ContainsAny(first, "—–") {
			return rest, calDay{}, true
		}
	}
	if m := bylineRE.FindStringIndex(p); m != nil {
		return p[m[1]:], calDay{}, true
	}
	if m := joinedBylineRE.FindStringIndex(p); m != nil {
		return p[m[1]-1:], calDay{}, true
	}
	return p, calDay{}, false
}

// opensSentence reports whether s is empty or starts as a sentence does.
func opensSentence(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“«'‘(`, r)
}

// datelineDay reads the date of a datelineRE match m of p; an impossible
// one (February 30) is no date.
func datelineDay(p string, m []int) calDay {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return p[m[2*i]:m[2*i+1]]
	}
	mon, dd := group(2), group(3)
	if mon == "" {
		dd, mon = group(4), group(5)
	}
	d := calDay{Month: monthOf(mon)}
	d.Day, _ = strconv.Atoi(dd)
	if y := group(6); y != "" {
		d.Year, _ = strconv.Atoi(y)
	}
	y := d.Year
	if y == 0 {
		y = 2000 // a leap year: February 29 stands until the year is known
	}
	if d.Month == 0 || d.Day < 1 || time.Date(y, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Day() != d.Day {
		return calDay{}
	}
	return d
}

// monthOf reads an English month name or its abbreviation.
func monthOf(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:3]) {
			return m
		}
	}
	return 0
}

// stripTags removes the wire's tag from the end and the start of a
// sentence, keeping whom the wire cited ("…, Report informs, citing the
// ministry." → "…, according to the ministry."). A sentence that was
// nothing but a tag comes back empty.
func stripTags(s string) string {
	if m := startTagRE.FindStringSubmatchIndex(s); m != nil {
		rest := s[m[1]:]
		if strings.TrimSpace(strings.Trim(rest, ".!?")) == "" {
			return ""
		}
		if m[2] >= 0 {
			return "According to " + s[m[2]:m[3]] + ", " + rest
		}
		return upperFirst(rest)
	}
	if m := endTagRE.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		body := strings.TrimRight(s[:m[0]], " ,;:")
		if strings.TrimSpace(strings.Trim(body, ".!?")) == "" {
			return ""
		}
		end := s[m[4]:m[5]]
		if m[2] >= 0 {
			return body + ", according to " + s[m[2]:m[3]] + cmp.Or(end, ".")
		}
		if terminated(body) {
			return body
		}
		return body + cmp.Or(end, ".")
	} else if m != nil {
		return "" // "(Xinhua)" alone
	}
	return s
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// StripDateline removes what an agency puts before its story from the
// start of a text (its first paragraph's prefix, dateline and byline),
// and nothing else: for a reader of leads, such as the ranking, that needs
// the story's own first words without reading the whole text.
func StripDateline(text string) string {
	rest, _ := stripHead(strings.TrimSpace(text))
	return rest
}

// StripWire is text without the wire's furniture: each paragraph without
// the dateline, byline or syndicator's prefix it opens with, each sentence
// without the agency's tag, paragraphs apart by a blank line. What names a
// story's people and places is then the story's own: the "Baku" of a
// dateline names no one's storyline.
func StripWire(text string) string {
	var paras []string
	for _, p := range paragraphs(text) {
		rest, _ := stripHead(p)
		var ss []string
		for _, s := range splitSentences(rest) {
			if s = strings.TrimSpace(stripTags(s)); s != "" {
				ss = append(ss, s)
			}
		}
		if len(ss) > 0 {
			paras = append(paras, strings.Join(ss, " "))
		}
	}
	return strings.Join(paras, "\n\n")
}
