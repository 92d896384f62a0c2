package feed

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"
)

// plainText turns a title that may carry markup or entities (Atom
// type="html", double-escaped RSS) into one line of plain text.
func plainText(s string) string {
	if strings.ContainsRune(s, '<') {
		var b strings.Builder
		z := xhtml.NewTokenizer(strings.NewReader(s))
	loop:
		for {
			switch z.Next() {
			case xhtml.ErrorToken:
				break loop
			case xhtml.TextToken:
				b.Write(z.Text())
			case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
				// Block tags and <br> separate words.
				b.WriteByte(' ')
			}
		}
		s = b.String()
	} else {
		s = html.UnescapeString(s)
	}
	if strings.ContainsRune(s, '&') {
		// Titles escaped twice ("&amp;quot;") are common; one more pass
		// costs nothing when there is nothing left to decode.
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// parseFeedDate reads a date that gofeed could not; the formats are those of
// list pages, and a zone-less date is taken as UTC.
func parseFeedDate(s string) time.Time {
	return parseDate(s, time.UTC)
}

var months = monthNames()

func monthNames() map[string]time.Month {
	months := map[string]time.Month{}
	// Month names as written in English, Azerbaijani (Latin) and Russian
	// (nominative and genitive) on the sites the desk reads.
	names := [][]string{
		{"january", "jan", "yanvar", "январь", "января", "янв"},
		{"february", "feb", "fevral", "февраль", "февраля", "фев"},
		{"march", "mar", "mart", "март", "марта", "мар"},
		{"april", "apr", "aprel", "апрель", "апреля", "апр"},
		{"may", "may", "may", "май", "мая"},
		{"june", "jun", "iyun", "июнь", "июня", "июн"},
		{"july", "jul", "iyul", "июль", "июля", "июл"},
		{"august", "aug", "avqust", "август", "августа", "авг"},
		{"september", "sep", "sept", "sentyabr", "сентябрь", "сентября", "сен"},
		{"october", "oct", "oktyabr", "октябрь", "октября", "окт"},
		{"november", "nov", "noyabr", "ноябрь", "ноября", "ноя"},
		{"december", "dec", "dekabr", "декабрь", "декабря", "дек"},
	}
	for i, ns := range names {
		for _, n := range ns {
			months[n] = time.Month(i + 1)
		}
	}
	return months
}

var (
	reISO      = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})`)
	reNumeric  = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	reDayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})\b`)
	reMonthDay = regexp.MustCompile(`\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reClock    = regexp.MustCompile(`\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`)
	reZone     = regexp.MustCompile(`(?:Z|[+-]\d{2}:?\d{2})$`)
)

// parseDate reads the date of a list page's card or a feed date gofeed
// gave up on: ISO 8601 / RFC 3339, "25.11.2026", "25 November 2026, 14:32",
// "Nov 25, 2026 14:30", and the same with Azerbaijani or Russian month
// names. A date without a zone is in loc. Relative dates ("2 hours ago",
// "today") are not guessed: they give the zero time, as does anything
// unreadable.
func parseDate(s string, loc *time.Location) time.Time {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 200 {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			if layout == time.RFC1123 && t.Location() != time.UTC {
				continue // a named zone Go does not know would read as +0000
			}
			return t.UTC()
		}
	}
	low := strings.ToLower(s)
	var y, d int
	var m time.Month
	rest := low
	if sm := reISO.FindStringSubmatchIndex(low); sm != nil {
		y, _ = strconv.Atoi(low[sm[2]:sm[3]])
		mi, _ := strconv.Atoi(low[sm[4]:sm[5]])
		m = time.Month(mi)
		d, _ = strconv.Atoi(low[sm[6]:sm[7]])
		rest = low[:sm[0]] + " " + low[sm[1]:]
	} else if sm := reNumeric.FindStringSubmatchIndex(low); sm != nil {
		a, _ := strconv.Atoi(low[sm[2]:sm[3]])
		b, _ := strconv.Atoi(low[sm[4]:sm[5]])
		y, _ = strconv.Atoi(low[sm[6]:sm[7]])
		// Day first, as written in Azerbaijan, Russia and Europe, unless
		// that cannot be.
		d, m = a, time.Month(b)
		if b > 12 && a <= 12 {
			d, m = b, time.Month(a)
		}
		rest = low[:sm[0]] + " " + low[sm[1]:]
	} else if sm := reDayMonth.FindStringSubmatchIndex(low); sm != nil && months[low[sm[4]:sm[5]]] != 0 {
		d, _ = strconv.Atoi(low[sm[2]:sm[3]])
		m = months[low[sm[4]:sm[5]]]
		y, _ = strconv.Atoi(low[sm[6]:sm[7]])
		rest = low[:sm[0]] + " " + low[sm[1]:]
	} else if sm := reMonthDay.FindStringSubmatchIndex(low); sm != nil && months[low[sm[2]:sm[3]]] != 0 {
		m = months[low[sm[2]:sm[3]]]
		d, _ = strconv.Atoi(low[sm[4]:sm[5]])
		y, _ = strconv.Atoi(low[sm[6]:sm[7]])
		rest = low[:sm[0]] + " " + low[sm[1]:]
	} else {
		return time.Time{}
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 2200 {
		return time.Time{}
	}
	var hh, mm, ss int
	if cm := reClock.FindStringSubmatch(rest); cm != nil {
		hh, _ = strconv.Atoi(cm[1])
		mm, _ = strconv.Atoi(cm[2])
		if cm[3] != "" {
			ss, _ = strconv.Atoi(cm[3])
		}
		switch cm[4] {
		case "pm", "p.m.":
			if hh < 12 {
				hh += 12
			}
		case "am", "a.m.":
			if hh == 12 {
				hh = 0
			}
		}
		if hh > 23 || mm > 59 || ss > 59 {
			hh, mm, ss = 0, 0, 0
		}
	}
	t := time.Date(y, m, d, hh, mm, ss, 0, loc)
	if t.Day() != d {
		return time.Time{} // 31 February
	}
	if z := reZone.FindString(strings.TrimSpace(s)); z != "" && strings.Contains(s, "T") {
		if zt, err := time.Parse("Z07:00", normalizeZone(z)); err == nil {
			_, off := zt.Zone()
			t = time.Date(y, m, d, hh, mm, ss, 0, time.FixedZone("", off))
		}
	}
	return t.UTC()
}

func normalizeZone(z string) string {
	if z == "Z" || strings.Contains(z, ":") {
		return z
	}
	return z[:3] + ":" + z[3:]
}
