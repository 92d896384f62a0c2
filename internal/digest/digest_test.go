package digest

import (
	"errors"
	"testing"
	"time"
)

func TestDateValid(t *testing.T) {
	tests := []struct {
		d    Date
		want bool
	}{
		{NewDate(2026, 11, 14), true},
		{NewDate(2024, 2, 29), true},
		{NewDate(2026, 2, 29), false},
		{NewDate(2000, 2, 29), true},
		{NewDate(1900, 2, 29), false},
		{NewDate(2026, 4, 31), false},
		{NewDate(2026, 13, 1), false},
		{NewDate(2026, 0, 1), false},
		{NewDate(2026, 1, 0), false},
		{NewDate(0, 1, 1), false},
		{NewDate(10000, 1, 1), false},
		{Date{}, false},
	}
	for _, tt := range tests {
		if got := tt.d.Valid(); got != tt.want {
			t.Errorf("%v.Valid() = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestParseCitationDate(t *testing.T) {
	tests := []struct {
		text string
		want Date
	}{
		{"16.11.2026", NewDate(2026, 11, 16)},
		{"6.5.2026", NewDate(2026, 5, 6)},
		{"06.05.2026", NewDate(2026, 5, 6)},
		{"29.02.2024", NewDate(2024, 2, 29)},
		{"20.11.20266", Date{}},
		{"31.02.2026", Date{}},
		{"16.11.26", Date{}},
		{"16.11", Date{}},
		{"116.11.2026", Date{}},
		{"16-11-2026", NewDate(2026, 11, 16)},
		{"16/11/2026", NewDate(2026, 11, 16)},
		{"16.11-2026", Date{}},
		{"a.b.cdef", Date{}},
		{"", Date{}},
	}
	for _, tt := range tests {
		if got := ParseCitationDate(tt.text); got != tt.want {
			t.Errorf("ParseCitationDate(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := CitationDate(NewDate(2026, 5, 6)); got != "06.05.2026" {
		t.Errorf("CitationDate = %q", got)
	}
}

func TestParseISODate(t *testing.T) {
	if d, err := ParseISODate("2026-02-30"); err != nil || d != NewDate(2026, 2, 30) || d.Valid() {
		t.Errorf("ParseISODate keeps a non-existent day: %v %v", d, err)
	}
	for _, s := range []string{"2026-2-3", "20261114", "2026/11/14", "abcd-ef-gh", ""} {
		if _, err := ParseISODate(s); err == nil {
			t.Errorf("ParseISODate(%q) succeeded", s)
		}
	}
	if s := NewDate(2026, 1, 2).String(); s != "2026-01-02" {
		t.Errorf("String = %q", s)
	}
}

func TestDateArithmetic(t *testing.T) {
	d := NewDate(2026, 12, 30)
	if got := d.AddDays(3); got != NewDate(2027, 1, 2) {
		t.Errorf("AddDays = %v", got)
	}
	if got := NewDate(2027, 1, 2).DaysSince(d); got != 3 {
		t.Errorf("DaysSince = %d", got)
	}
	if !d.Before(NewDate(2027, 1, 1)) || NewDate(2027, 1, 1).Before(d) || d.Before(d) {
		t.Errorf("Before is wrong")
	}
	p := Period{From: NewDate(2026, 11, 14), To: NewDate(2026, 11, 20)}
	if !p.Valid() || p.Days() != 7 || !p.Contains(NewDate(2026, 11, 20)) || p.Contains(NewDate(2026, 11, 21)) || p.Contains(NewDate(2026, 11, 13)) {
		t.Errorf("period %v: valid %v days %d", p, p.Valid(), p.Days())
	}
	if (Period{From: p.To, To: p.From}).Valid() {
		t.Errorf("a period ending before it starts is valid")
	}
}

func TestWeek(t *testing.T) {
	p := &Profile{WeekStart: Weekday(time.Saturday)}
	want := Period{From: NewDate(2026, 11, 14), To: NewDate(2026, 11, 20)}
	for day := 14; day <= 20; day++ {
		if got := p.Week(NewDate(2026, 11, day)); got != want {
			t.Errorf("Week(2026-11-%d) = %v, want %v", day, got, want)
		}
	}
	p.WeekStart = Weekday(time.Monday)
	if got := p.Week(NewDate(2026, 11, 14)); got != (Period{NewDate(2026, 11, 9), NewDate(2026, 11, 15)}) {
		t.Errorf("Monday week of a Saturday = %v", got)
	}
}

func TestProfileLookups(t *testing.T) {
	p := &Profile{
		Sections: []ProfileSection{{Key: "security", Title: "軍事・治安関係", Aliases: []string{"軍事・治安"}}},
		Outlets:  []Outlet{{Label: "OC-MEDIA", Aliases: []string{"OC MEDIA"}}},
	}
	for title, want := range map[string]string{"軍事・治安関係": "security", "軍事・治安 関係": "security", "軍事・治安": "security", "内政": ""} {
		if got := p.SectionKey(title); got != want {
			t.Errorf("SectionKey(%q) = %q, want %q", title, got, want)
		}
	}
	for label, want := range map[string]bool{"OC-MEDIA": true, "oc media": true, "OC": false} {
		if _, ok := p.Outlet(label); ok != want {
			t.Errorf("Outlet(%q) found %v", label, ok)
		}
	}
	var none *Profile
	if none.SectionKey("軍事・治安関係") != "" || none.Location() != time.UTC {
		t.Errorf("a nil profile knows something")
	}
	var w Weekday
	if err := w.UnmarshalText([]byte("Saturday")); err != nil || time.Weekday(w) != time.Saturday {
		t.Errorf("UnmarshalText(Saturday) = %v %v", w, err)
	}
	if err := w.UnmarshalText([]byte("sat")); err == nil {
		t.Errorf("UnmarshalText(sat) succeeded")
	}
}

func TestParseError(t *testing.T) {
	tests := []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{File: "a.txt", Line: 3, Msg: "bad"}, "a.txt:3: bad"},
		{&ParseError{File: "a.json", Line: 3, Column: 7, Field: "x.y", Msg: "bad"}, "a.json:3:7: x.y: bad"},
		{&ParseError{Line: 3, Msg: "bad"}, "3: bad"},
		{&ParseError{File: "a.txt", Msg: "too big"}, "a.txt: too big"},
		{&ParseError{Msg: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if !errors.Is(Errorf(1, "x"), ErrInvalid) || !errors.Is(&ParseError{Err: ErrTooLarge}, ErrTooLarge) {
		t.Errorf("kinds do not unwrap")
	}
	if got := InFile(Errorf(2, "x"), "f.txt").Error(); got != "f.txt:2: x" {
		t.Errorf("InFile = %q", got)
	}
}
