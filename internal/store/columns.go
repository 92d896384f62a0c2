package store

import (
	"database/sql/driver"
	"fmt"
	"time"

	"shuho/internal/digest"
)

// timeLayout is how SQLite holds instants: RFC 3339 in UTC, which sorts as
// text in time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// dateCol scans a date column: PostgreSQL's DATE (a time.Time) or SQLite's
// ISO text, NULL as the zero Date.
type dateCol struct{ d digest.Date }

func (c *dateCol) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		c.d = digest.Date{}
	case time.Time:
		c.d = digest.DateOf(v)
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("date column holds %T", v)
	}
	return nil
}

func (c *dateCol) parse(s string) error {
	d, err := digest.ParseISODate(s)
	c.d = d
	return err
}

// timeCol scans an instant: PostgreSQL's TIMESTAMPTZ or SQLite's text;
// NULL as the zero time.
type timeCol struct{ t time.Time }

func (c *timeCol) Scan(v any) error {
	switch v := v.(type) {
	case nil: // a time not yet known (a source never polled)
		c.t = time.Time{}
	case time.Time:
		c.t = v.UTC()
	case string:
		t, err := time.Parse(timeLayout, v)
		c.t = t
		return err
	case []byte:
		t, err := time.Parse(timeLayout, string(v))
		c.t = t
		return err
	default:
		return fmt.Errorf("time column holds %T", v)
	}
	return nil
}

// dateArg is a date as a parameter: ISO text, which both engines take for a
// date column; NULL for the zero Date.
func dateArg(d digest.Date) driver.Value {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// timeArg is an instant as a parameter: SQLite stores the text, PostgreSQL
// takes the time.
func (s *Store) timeArg(t time.Time) any {
	if s.engine == SQLite {
		return t.UTC().Format(timeLayout)
	}
	return t.UTC()
}
