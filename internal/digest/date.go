package digest

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date without a time or a zone: a digest's period and its
// citations name days, not instants.
//
// A Date keeps its numbers as written, so it can hold a day that does not
// exist (31 February); Valid tells. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d as given, valid or not.
func NewDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date between the years 1 and
// 9999.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Time returns midnight at the start of d in loc. d must be valid.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Before reports whether d comes before e, comparing the numbers.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// AddDays returns the date n days after d (before it when n < 0). d must be
// valid.
func (d Date) AddDays(n int) Date {
	return DateOf(d.Time(time.UTC).AddDate(0, 0, n))
}

// DaysSince returns the number of days from e to d. Both must be valid.
func (d Date) DaysSince(e Date) int {
	return int(d.Time(time.UTC).Sub(e.Time(time.UTC)).Hours() / 24)
}

// Weekday returns the day of the week of d. d must be valid.
func (d Date) Weekday() time.Weekday { return d.Time(time.UTC).Weekday() }

// String formats d as an ISO date, "2026-11-14", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// ParseISODate reads "YYYY-MM-DD". It keeps the numbers even when they name
// no real day (so that "2026-02-30" can be reported rather than lost); it
// fails only when s is not of that shape.
func ParseISODate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	return Date{y, time.Month(m), d}, nil
}

// atoi reads a run of ASCII digits.
func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsCitationDateText reports whether text can stand as a citation's date
// in the text form, "(OUTLET / text)": digits with ".", "/" or "-"
// between them, a date or not ("20.11.20266" can, and lint says it is no
// date; "abc" and "1.1.2026)" cannot be written in a citation at all).
func IsCitationDateText(text string) bool {
	if text == "" || text[0] < '0' || text[0] > '9' {
		return false
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c < '0' || c > '9') && c != '.' && c != '/' && c != '-' {
			return false
		}
	}
	return true
}

// ParseCitationDate reads a citation's date as written, "DD.MM.YYYY" with one-
// or two-digit day and month (or "/" or "-" in place of both dots). It returns the zero Date when text is not a
// real calendar date of that form ("20.11.20266", "31.02.2026"): the citation
// keeps text as written and is marked invalid.
func ParseCitationDate(text string) Date {
	sep := "."
	if i := strings.IndexAny(text, "./-"); i >= 0 {
		sep = text[i : i+1] // "16/11/2026" and "16-11-2026" are read too
	}
	parts := strings.Split(text, sep)
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return Date{}
	}
	d, ok1 := atoi(parts[0])
	m, ok2 := atoi(parts[1])
	y, ok3 := atoi(parts[2])
	date := Date{y, time.Month(m), d}
	if !ok1 || !ok2 || !ok3 || !date.Valid() {
		return Date{}
	}
	return date
}

// CitationDate formats d as a citation writes it: "DD.MM.YYYY", with two-digit
// day and month.
func CitationDate(d Date) string {
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, int(d.Month), d.Year)
}

// MaxInput is the largest digest or profile file shuho reads: 20 MB is far
// beyond any real digest (a year of them is a few), so a larger input is a
// mistake or an attack, refused before it is read.
const MaxInput = 20 << 20
