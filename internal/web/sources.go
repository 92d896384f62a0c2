package web

import (
	"net/http"
	"time"

	"shuho/internal/digest"
)

// sourceRow is a source's health as the sources page shows it.
type sourceRow struct {
	Key, Outlet, Kind, URL string
	LastSuccess, LastError string
	Errors                 int
	Days                   []bar
	Total                  int
}

// bar is one day's column of a source's small chart, drawn by the
// template as an SVG rectangle.
type bar struct {
	X, Y, H int
	Day     string
	N       int
}

type sourcesPage struct {
	page
	Sources []sourceRow
	Days    int // the chart's days
}

const chartDays, chartHeight = 14, 24

// sources shows each source's health: its last success, its last error
// and its failures in a row, and its articles a day over two weeks.
func (s *Server) sources(w http.ResponseWriter, r *http.Request, rq *request) error {
	loc := s.Profile.Location()
	today := digest.DateOf(s.now().In(loc))
	sts, err := s.Store.Sources(r.Context(), s.Profile.Key)
	if err != nil {
		return err
	}
	counts, err := s.Store.ArticlesPerDay(r.Context(), s.Profile.Key, today, chartDays)
	if err != nil {
		return err
	}
	when := func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(loc).Format("2006-01-02 15:04 MST")
	}
	var rows []sourceRow
	for _, st := range sts {
		row := sourceRow{Key: st.Key, Outlet: st.Outlet, Kind: string(st.Kind), URL: st.URL, LastSuccess: when(st.LastSuccess), Errors: st.Errors}
		if st.LastError != "" {
			row.LastError = when(st.LastErrorAt) + ": " + st.LastError
		}
		c := counts[st.Key]
		top := 1
		for _, n := range c {
			top = max(top, n)
		}
		for i := range chartDays {
			n := 0
			if c != nil {
				n = c[i]
			}
			h := n * chartHeight / top
			row.Days = append(row.Days, bar{X: i * 7, Y: chartHeight - h, H: h, Day: today.AddDays(i - chartDays + 1).String(), N: n})
			row.Total += n
		}
		rows = append(rows, row)
	}
	return s.render(w, rq, "sources.html", &sourcesPage{Sources: rows, Days: chartDays})
}
