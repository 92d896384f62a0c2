package textfmt

import (
	"strings"
	"time"
	"unicode/utf8"

	"shuho/internal/digest"
)

// period is a parsed period line with what was done to read it.
type period struct {
	p digest.Period
	// inferred: the end date omitted a year or month and fell before the
	// start, so the next month or year was taken ("11月28日～4日").
	inferred bool
	// era: a date was written in a Japanese era (令和8年) and converted.
	era bool
	// weekday: a weekday in parentheses ("(土)") was dropped.
	weekday bool
	// odd: the period was written in another form ("2026/11/14～11/20",
	// "…から…まで").
	odd bool
}

// parsePeriod reads a period line: "2026年11月14日～11月20日", the end with or
// without its year and month, "~", "〜" or "～" (or a dash) between, full-width
// digits, spaces anywhere, a weekday after a date ("14日(土)") and Japanese era
// years (令和8年). It keeps day numbers that do not exist, for lint to report.
func parsePeriod(s string) (period, bool) {
	var out period
	s = strings.Join(strings.Fields(halfWidth(s)), "")
	if t, ok := strings.CutSuffix(s, "まで"); ok {
		s, out.odd = strings.Replace(t, "から", "～", 1), true
	}
	if !strings.Contains(s, "年") {
		// "2026/11/14～11/20" or "2026.11.14～20"
		var ok bool
		if s, ok = numericPeriod(s); !ok {
			return period{}, false
		}
		out.odd = true
	}
	if !strings.Contains(s, "日") {
		return period{}, false
	}
	sep := strings.IndexFunc(s, func(r rune) bool {
		return r == '~' || r == '〜' || r == '～' || r == '-' || r == '–' || r == '—' || r == '―' || r == '－'
	})
	if sep < 0 {
		return period{}, false
	}
	left := s[:sep]
	right := s[sep:]
	_, size := utf8.DecodeRuneInString(right)
	right = right[size:]
	from, ok := parseJDate(left, &out)
	if !ok || !from.hasYear {
		return period{}, false
	}
	to, ok := parseJDate(right, &out)
	if !ok {
		return period{}, false
	}
	f := digest.NewDate(from.year, time.Month(from.month), from.day)
	t := digest.NewDate(to.year, time.Month(to.month), to.day)
	// An end without its year or month that falls before the start crosses
	// into the next month or year ("11月28日～4日", "12月26日～1月1日") when
	// that makes a span of a digest's length (two weeks at most, as a holiday
	// issue may be); otherwise it is kept as written for lint to report.
	var next digest.Date
	if !to.hasMonth {
		t.Year, t.Month = f.Year, f.Month
		next = t
		if next.Month++; next.Month > 12 {
			next.Month, next.Year = 1, next.Year+1
		}
	} else if !to.hasYear {
		t.Year = f.Year
		next = t
		next.Year++
	}
	if !next.IsZero() && t.Before(f) && f.Valid() && next.Valid() && next.DaysSince(f) < 16 {
		t, out.inferred = next, true
	}
	out.p = digest.Period{From: f, To: t}
	return out, true
}

// numericPeriod rewrites a period of numeric dates, "2026/11/14～11/20",
// "2026.11.14-20", as "2026年11月14日～11月20日".
func numericPeriod(s string) (string, bool) {
	i := strings.IndexAny(s, "~〜～")
	if i < 0 {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	from, to := s[:i], s[i+size:]
	sep := "/"
	if !strings.Contains(from, "/") {
		sep = "."
	}
	f := strings.Split(from, sep)
	t := strings.Split(to, sep)
	if len(f) != 3 || len(f[0]) != 4 || len(t) > 3 {
		return "", false
	}
	units := []string{"年", "月", "日"}
	var b strings.Builder
	for k, p := range f {
		b.WriteString(p + units[k])
	}
	b.WriteString("～")
	for k, p := range t {
		b.WriteString(p + units[3-len(t)+k])
	}
	return b.String(), true
}

type jdate struct {
	year, month, day  int
	hasYear, hasMonth bool
}

// parseJDate reads "2026年11月14日", "11月20日" or "20日", with an optional
// weekday in parentheses after it; a missing part is 0.
func parseJDate(s string, out *period) (jdate, bool) {
	var d jdate
	if i := strings.Index(s, "年"); i >= 0 {
		y := s[:i]
		base := 0
		switch {
		case strings.HasPrefix(y, "令和"):
			base, y = 2018, y[len("令和"):]
		case strings.HasPrefix(y, "平成"):
			base, y = 1988, y[len("平成"):]
		}
		if base > 0 {
			out.era = true
			if y == "元" {
				y = "1"
			}
			n, ok := number(y, 2)
			if !ok || n == 0 {
				return d, false
			}
			d.year = base + n
		} else {
			if len(y) != 4 {
				return d, false
			}
			n, ok := number(y, 4)
			if !ok {
				return d, false
			}
			d.year = n
		}
		d.hasYear = true
		s = s[i+len("年"):]
	}
	if i := strings.Index(s, "月"); i >= 0 {
		n, ok := number(s[:i], 2)
		if !ok {
			return d, false
		}
		d.month, d.hasMonth = n, true
		s = s[i+len("月"):]
	} else if d.hasYear {
		return d, false
	}
	i := strings.Index(s, "日")
	if i < 0 {
		return d, false
	}
	n, ok := number(s[:i], 2)
	if !ok {
		return d, false
	}
	d.day = n
	s = s[i+len("日"):]
	if s != "" {
		// A weekday: "(土)", "（土曜日）".
		if !(strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) {
			return d, false
		}
		w := s[1 : len(s)-1]
		if t := strings.TrimSuffix(w, "曜日"); t != w {
			w = t
		} else {
			w = strings.TrimSuffix(w, "曜")
		}
		if utf8.RuneCountInString(w) != 1 || !strings.Contains("月火水木金土日", w) {
			return d, false
		}
		out.weekday = true
	}
	return d, true
}

// number reads one to max ASCII digits.
func number(s string, max int) (int, bool) {
	if s == "" || len(s) > max {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// appendPeriod writes the canonical period: "2026年11月14日～11月20日", the end
// with its year only when it differs from the start's.
func appendPeriod(b []byte, p digest.Period) []byte {
	b = appendJDate(b, p.From, true)
	b = append(b, "～"...)
	return appendJDate(b, p.To, p.To.Year != p.From.Year)
}

func appendJDate(b []byte, d digest.Date, year bool) []byte {
	if year {
		b = appendInt(b, d.Year, 4)
		b = append(b, "年"...)
	}
	b = appendInt(b, int(d.Month), 1)
	b = append(b, "月"...)
	b = appendInt(b, d.Day, 1)
	return append(b, "日"...)
}

// looksLikePeriod reports whether s seems meant as a period line (a year, a
// range sign) though parsePeriod cannot read it, so that it is reported as a
// period rather than taken for the issuer.
func looksLikePeriod(s string) bool {
	s = halfWidth(s)
	year := false
	for i := 0; i+4 <= len(s); i++ {
		if (s[i:i+2] == "19" || s[i:i+2] == "20") && isDigit(s[i+2]) && isDigit(s[i+3]) && (i == 0 || !isDigit(s[i-1])) {
			year = true
		}
	}
	return year && (strings.ContainsAny(s, "~〜～") || strings.Contains(s, "から"))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
