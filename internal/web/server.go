package web

import (
	"bytes"
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"shuho/internal/auth"
	"shuho/internal/chat"
	"shuho/internal/digest"
	"shuho/internal/mailer"
	"shuho/internal/pipeline"
	"shuho/internal/render"
	"shuho/internal/store"
	"shuho/internal/words"
)

//go:embed templates/*.html
var templateFS embed.FS

// staticFS holds the pages' scripts: the item editor's and the week
// page's. Every page works without them.
//
//go:embed static/*.js
var staticFS embed.FS

// Server is the editor's web server: routes, sessions, roles, and the
// guards every response passes through (security headers, CSRF checks,
// panics recovered, errors kept generic).
type Server struct {
	Store   *store.Store
	Profile *digest.Profile
	Log     *slog.Logger
	Limiter *auth.Limiter
	// Secure marks cookies Secure: set it when the server is reached over
	// HTTPS (directly or behind a proxy).
	Secure bool
	// SessionTTL is how long a session lasts (default 12 hours).
	SessionTTL time.Duration
	// Mailer, when set, sends each digest to its list when it is first
	// published.
	Mailer *mailer.Mailer
	// Writer writes the downloads: configured once, where the program
	// starts (New finds the PDF's fonts from the process's environment;
	// the command sets its own).
	Writer *render.Writer
	// Chat, when set, is the model the item editor may ask for a headline
	// and a summary (SHUHO_MODEL_URL); the built-in drafter answers always.
	Chat *chat.Client
	// BaseURL is the site's address as its readers reach it
	// ("https://shuho.example.org"): the public Atom feed's ids and links
	// are made from it.
	BaseURL string
	// Metrics, when set, serves GET /metrics (Prometheus text) to an
	// administrator's API token; `serve --metrics-addr` serves the same on
	// a listener of its own.
	Metrics http.Handler
	Now     func() time.Time

	routes []route
	tmpl   *template.Template
	cop    *http.CrossOriginProtection

	// drafterMu guards the drafter shared by the week's pages: building one
	// reads the archive and trains the ranking, too much for every request.
	// It is rebuilt after a minute, and at once after a change that teaches
	// it (a decision, a saved digest, a glossary term).
	drafterMu sync.Mutex
	drafterV  *pipeline.Drafter
	drafterAt time.Time
	// orders are the week page's orders as each reader saw them.
	orders weekOrders
}

// drafter returns the shared drafter, built anew when stale.
func (s *Server) drafter(ctx context.Context) (*pipeline.Drafter, error) {
	s.drafterMu.Lock()
	defer s.drafterMu.Unlock()
	if s.drafterV != nil && s.now().Sub(s.drafterAt) < time.Minute {
		return s.drafterV, nil
	}
	d, err := pipeline.NewDrafter(ctx, s.Store, s.Profile)
	if err != nil {
		return nil, err
	}
	s.drafterV, s.drafterAt = d, s.now()
	return d, nil
}

// untaught are the routes that change nothing the shared drafter learns
// from (sessions, the reader's language, accounts, a check of a form not
// saved): every other change builds it anew, or tells it (rq.noted).
var untaught = map[string]bool{"/login": true, "/logout": true, "/lang": true, "/users": true, "/users/{name}": true,
	"/digests/{id}/items/{s}/{i}/check": true}

// taught drops the shared drafter after a change it learns from.
func (s *Server) taught() {
	s.drafterMu.Lock()
	s.drafterV = nil
	s.drafterMu.Unlock()
}

// route is one entry of the routes table: every handler is reached
// through it, and its role is checked before the handler runs (A4).
type route struct {
	Method, Path string
	// Role is the least role the route needs; "" means public.
	Role auth.Role
	h    func(w http.ResponseWriter, r *http.Request, rq *request) error
}

// RouteInfo describes a route, for tests and documentation.
type RouteInfo struct {
	Method, Path string
	Role         auth.Role
}

// request is what a handler knows of its request beyond net/http.
type request struct {
	sess *store.Session // nil when no one is signed in
	lang string
	// noted says the handler told the shared drafter what it changed
	// (Drafter.Note): it is kept, not built anew.
	noted bool
}

func (rq *request) t(key string) string { return text(rq.lang, key) }

// New returns a server with its routes.
func New(st *store.Store, p *digest.Profile, log *slog.Logger) (*Server, error) {
	s := &Server{Store: st, Profile: p, Log: log, Limiter: auth.NewLimiter(), cop: http.NewCrossOriginProtection(), Writer: pipeline.NewWriter(os.Getenv)}
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	tmpl, err := template.New("").Funcs(template.FuncMap{"t": text, "inc": func(i int) int { return i + 1 }, "blockOf": blockOf, "blankBlock": blankBlock, "reason": words.Reason, "engine": words.Engine,
		// A time as the desk reads it: in its zone, the zone named.
		"note": noteText,
		// A section's name in the reader's language.
		"sec": func(lang string, ps digest.ProfileSection) string {
			if lang == "en" && ps.TitleEN != "" {
				return ps.TitleEN
			}
			return ps.Title
		},
		"when": func(t time.Time) string { return t.In(s.Profile.Location()).Format("2006-01-02 15:04 MST") }}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s.tmpl = tmpl
	s.routes = []route{
		{"GET", "/healthz", "", s.healthz},
		{"GET", "/metrics", auth.Admin, s.metrics},
		{"GET", "/static/editor.js", "", s.script},
		{"GET", "/static/week.js", "", s.script},
		{"GET", "/login", "", s.loginPage},
		{"POST", "/login", "", s.login},
		{"POST", "/logout", auth.Viewer, s.logout},
		{"GET", "/{$}", auth.Viewer, s.home},
		{"GET", "/archive", auth.Viewer, s.archive},
		{"GET", "/articles/{id}", auth.Viewer, s.articleView},
		{"GET", "/week", auth.Viewer, s.week},
		{"POST", "/week/decide", auth.Editor, s.decide},
		{"POST", "/week/split", auth.Editor, s.splitStory},
		{"POST", "/week/merge", auth.Editor, s.mergeStories},
		{"GET", "/digests", auth.Viewer, s.digests},
		{"GET", "/digests/{id}", auth.Viewer, s.digestPage},
		{"GET", "/digests/{id}/download/{format}", auth.Viewer, s.download},
		{"GET", "/digests/{id}/items/{s}/{i}/edit", auth.Editor, s.editItem},
		{"POST", "/digests/{id}/items/{s}/{i}", auth.Editor, s.saveItem},
		{"POST", "/digests/{id}/items/{s}/{i}/move", auth.Editor, s.moveItem},
		{"POST", "/digests/{id}/items/{s}/{i}/check", auth.Editor, s.checkItem},
		{"GET", "/digests/{id}/revisions", auth.Viewer, s.revisions},
		{"POST", "/digests/{id}/restore", auth.Editor, s.restore},
		{"POST", "/digests/{id}/submit", auth.Editor, s.step(store.Submit)},
		{"POST", "/digests/{id}/withdraw", auth.Editor, s.step(store.Withdraw)},
		{"POST", "/digests/{id}/approve", auth.Approver, s.step(store.Approve)},
		{"POST", "/digests/{id}/publish", auth.Approver, s.step(store.Publish)},
		{"GET", "/glossary", auth.Viewer, s.glossaryPage},
		{"GET", "/sources", auth.Viewer, s.sources},
		{"POST", "/glossary", auth.Editor, s.addTerm},
		{"GET", "/users", auth.Admin, s.users},
		{"POST", "/users", auth.Admin, s.addUser},
		{"POST", "/users/{name}", auth.Admin, s.changeUser},
		{"POST", "/lang", auth.Viewer, s.setLang},
		{"GET", "/api/digests", auth.Viewer, s.apiDigests},
		{"GET", "/api/digests/{id}", auth.Viewer, s.apiDigest},
		{"PUT", "/api/digests/{id}", auth.Editor, s.apiSave},
		{"POST", "/api/digests/{id}/submit", auth.Editor, s.apiStep(store.Submit)},
		{"POST", "/api/digests/{id}/withdraw", auth.Editor, s.apiStep(store.Withdraw)},
		{"POST", "/api/digests/{id}/approve", auth.Approver, s.apiStep(store.Approve)},
		{"POST", "/api/digests/{id}/publish", auth.Approver, s.apiStep(store.Publish)},
		{"GET", "/api/digests/{id}/items/{s}/{i}", auth.Viewer, s.apiItem},
		{"PUT", "/api/digests/{id}/items/{s}/{i}", auth.Editor, s.apiItemChange},
		{"DELETE", "/api/digests/{id}/items/{s}/{i}", auth.Editor, s.apiItemChange},
		{"POST", "/api/digests/{id}/items/{s}", auth.Editor, s.apiItemChange},
		{"GET", "/api/stories", auth.Viewer, s.apiStories},
		{"POST", "/api/stories/{id}/decide", auth.Editor, s.apiDecide},
		{"GET", "/api/articles/{id}", auth.Viewer, s.apiArticle},
		{"GET", "/api/search", auth.Viewer, s.apiSearch},
		{"GET", "/public", "", s.publicList},
		{"GET", "/public/feed.atom", "", s.publicFeed},
		{"GET", "/public/{id}/{format}", "", s.publicDownload},
	}
	return s, nil
}

// Routes lists the routes table.
func (s *Server) Routes() []RouteInfo {
	out := make([]RouteInfo, len(s.routes))
	for i, r := range s.routes {
		out[i] = RouteInfo{r.Method, r.Path, r.Role}
	}
	return out
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

const (
	sessionCookie = "shuho_session"
	loginCookie   = "shuho_login" // the sign-in form's CSRF token, before there is a session
)

// Handler returns the server's handler: the routes behind the guards.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.HandleFunc(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// A path that is a route, asked with a method it does not take,
		// is 405 with the methods it does take.
		var allow []string
		for _, rt := range s.routes {
			probe := &http.Request{Method: rt.Method, URL: r.URL, Host: r.Host}
			if h, pattern := mux.Handler(probe); h != nil && pattern == rt.Method+" "+rt.Path && !slices.Contains(allow, rt.Method) {
				allow = append(allow, rt.Method)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.fail(w, r, &request{lang: "ja"}, http.StatusMethodNotAllowed, nil)
			return
		}
		s.fail(w, r, &request{lang: "ja"}, http.StatusNotFound, nil)
	})
	// Go's cross-origin protection refuses a non-GET request that a
	// browser says came from another origin (A3), before any handler.
	s.cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &request{lang: "ja"}, http.StatusForbidden, errors.New("cross-origin request refused"))
	}))
	return headers(s.Secure, s.recoverPanics(s.cop.Handler(mux)))
}

// headers sets the security headers on every response (H3); HSTS when the
// request came over TLS, or the server is reached over HTTPS through a
// proxy (--secure).
func headers(secure bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if r.TLS != nil || secure {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a handler's panic into a logged error and a generic
// page (A7).
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.Log.Error("panic in a handler", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				s.fail(w, r, &request{lang: "ja"}, http.StatusInternalServerError, nil)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// wrap loads the session, enforces the route's role and the CSRF token,
// runs the handler and shows its error generically.
func (s *Server) wrap(rt route) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rq := &request{lang: visitorLang(r)}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		}
		bearer := false
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") && (strings.HasPrefix(rt.Path, "/api/") || rt.Path == "/metrics") {
			// An API token (A5): no cookie, so no CSRF to fear.
			u, err := s.Store.UserByAPIToken(r.Context(), auth.TokenHash(strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))))
			switch {
			case err == nil:
				rq.sess, rq.lang, bearer = &store.Session{User: u}, u.Lang, true
			case errors.Is(err, digest.ErrNotFound):
				s.fail(w, r, rq, http.StatusUnauthorized, errors.New("unknown or revoked API token"))
				return
			default:
				s.fail(w, r, rq, http.StatusInternalServerError, err)
				return
			}
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			sess, err := s.Store.SessionByToken(r.Context(), auth.TokenHash(c.Value))
			switch {
			case err == nil:
				rq.sess, rq.lang = &sess, sess.User.Lang
			case !errors.Is(err, digest.ErrNotFound):
				s.fail(w, r, rq, http.StatusInternalServerError, err)
				return
			}
		}
		if rt.Role != "" {
			switch {
			case rq.sess == nil && r.Method == http.MethodGet && !strings.HasPrefix(rt.Path, "/api/"):
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			case rq.sess == nil:
				s.fail(w, r, rq, http.StatusUnauthorized, nil)
				return
			case !rq.sess.User.Role.AtLeast(rt.Role):
				s.fail(w, r, rq, http.StatusForbidden, nil)
				return
			}
		}
		// Every state-changing request carries the session's CSRF token
		// (the sign-in form carries its own) (A3).
		if r.Method != http.MethodGet && r.Method != http.MethodHead && rt.Path != "/login" && !bearer {
			// A browser's API call sends the token as a header.
			token := r.Header.Get("X-CSRF-Token")
			if token == "" && !strings.HasPrefix(rt.Path, "/api/") {
				token = r.PostFormValue("csrf")
			}
			if rq.sess == nil || !sameToken(token, rq.sess.CSRF) {
				s.fail(w, r, rq, http.StatusForbidden, errors.New("CSRF token missing or wrong"))
				return
			}
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !untaught[rt.Path] {
			defer func() {
				if !rq.noted {
					s.taught()
				}
			}()
		}
		if err := rt.h(w, r, rq); err != nil {
			var he *httpError
			if errors.As(err, &he) {
				s.fail(w, r, rq, he.code, err)
				return
			}
			s.fail(w, r, rq, http.StatusInternalServerError, err)
		}
	}
}

func sameToken(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// httpError is an error a handler returns with the status it means.
type httpError struct {
	code int
	err  error
}

func (e *httpError) Error() string { return fmt.Sprintf("%d: %v", e.code, e.err) }

// fail shows a generic page for a status, and logs the detail (A7).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, rq *request, code int, err error) {
	if err != nil {
		lvl := slog.LevelWarn
		if code >= 500 {
			lvl = slog.LevelError
		}
		s.Log.Log(r.Context(), lvl, "request failed", "method", r.Method, "path", r.URL.Path, "status", code, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, code, apiError{http.StatusText(code)})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	s.tmpl.ExecuteTemplate(w, "error.html", errorPage{Lang: rq.lang, Code: code, Message: statusText(rq.lang, code)})
}

// statusText says what a refusal of status code means, in lang: never
// the error itself, which the log keeps.
func statusText(lang string, code int) string {
	msg := map[int]string{400: "error.bad", 401: "error.signin", 403: "error.forbidden", 404: "error.notfound", 409: "error.conflict", 429: "error.limited"}[code]
	if msg == "" {
		msg = "error.server"
	}
	return text(lang, msg)
}

// errorPage is the generic error page. It stands alone, without the
// layout, so it carries no user or profile.
type errorPage struct {
	Lang    string
	Code    int
	Message string
}

// page holds what the layout reads on every page. Each page has its own
// struct embedding page, so that a template's fields are fixed by a type
// rather than looked up in a map; render fills these.
type page struct {
	Lang    string
	Profile *digest.Profile
	// User is nil when no one is signed in: the layout then shows no bar.
	User *store.User
	CSRF string
}

func (p *page) base() *page { return p }

// pageData is a page's struct, by the page it embeds.
type pageData interface{ base() *page }

// render writes a page with status 200.
func (s *Server) render(w http.ResponseWriter, rq *request, name string, data pageData) error {
	return s.renderCode(w, rq, http.StatusOK, name, data)
}

// renderCode writes a page with a status. The page is made in full before
// anything is sent, so that a template's failure becomes the error page
// rather than half a page.
func (s *Server) renderCode(w http.ResponseWriter, rq *request, code int, name string, data pageData) error {
	p := data.base()
	p.Lang, p.Profile = rq.lang, s.Profile
	if rq.sess != nil {
		p.User, p.CSRF = &rq.sess.User, rq.sess.CSRF
	}
	return s.write(w, code, name, data)
}

// write executes a template into a buffer, then sends it.
func (s *Server) write(w http.ResponseWriter, code int, name string, data any) error {
	buf := bufPool.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() < 1<<20 {
			buf.Reset()
			bufPool.Put(buf)
		}
	}()
	buf.Reset()
	if err := s.tmpl.ExecuteTemplate(buf, name, data); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_, err := w.Write(buf.Bytes())
	return err
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// script serves a script of the site (the policy allows scripts of this
// origin only, never inline ones).
func (s *Server) script(w http.ResponseWriter, r *http.Request, rq *request) error {
	name := path.Base(r.URL.Path)
	b, err := staticFS.ReadFile("static/" + name)
	if err != nil {
		return &httpError{http.StatusNotFound, err}
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, startTime, bytes.NewReader(b))
	return nil
}

// startTime stands for the script's modification time: it changes only
// with the binary.
var startTime = time.Now()

// visitorLang is the language of someone not signed in: the page's ?lang=
// when it names one of ours, else the best of ours for the browser's
// Accept-Language, else Japanese. A signed-in user's own choice replaces it.
func visitorLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "ja" || l == "en" {
		return l
	}
	tag, _ := language.MatchStrings(pageLanguages, r.Header.Get("Accept-Language"))
	base, _ := tag.Base()
	return base.String()
}

// pageLanguages are the pages' languages, the first the default.
var pageLanguages = language.NewMatcher([]language.Tag{language.Japanese, language.English})

func (s *Server) healthz(w http.ResponseWriter, r *http.Request, rq *request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err := w.Write([]byte("ok\n"))
	return err
}

// metrics serves the counters to an administrator's API token only: a
// monitoring system has no session, and a page of them is no page for a
// browser.
func (s *Server) metrics(w http.ResponseWriter, r *http.Request, rq *request) error {
	if s.Metrics == nil {
		return &httpError{http.StatusNotFound, errors.New("no metrics: this server counts nothing")}
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		return &httpError{http.StatusUnauthorized, errors.New("the metrics are served to an administrator's API token (Authorization: Bearer …)")}
	}
	s.Metrics.ServeHTTP(w, r)
	return nil
}

func (s *Server) home(w http.ResponseWriter, r *http.Request, rq *request) error {
	http.Redirect(w, r, "/digests", http.StatusSeeOther)
	return nil
}

// SafeNext returns a redirect target after sign-in: a path of this site,
// never another site (A6): "//evil", "/\evil", "https:evil" and anything
// not starting with one "/" give "/".
func SafeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, `/\`) ||
		strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	token := auth.NewToken()
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: token, Path: "/login", HttpOnly: true, Secure: s.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: 3600})
	// The sign-in page is the same for anyone: no session's forms on it.
	return s.render(w, &request{lang: rq.lang}, "login.html", &loginPage{LoginCSRF: token, Next: SafeNext(r.URL.Query().Get("next"))})
}

// loginPage is the sign-in form. LoginCSRF is the form's own token, there
// being no session yet.
type loginPage struct {
	page
	LoginCSRF string
	Next      string
	Error     string
}

func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, rq *request) error {
	rq = &request{lang: rq.lang}
	c, err := r.Cookie(loginCookie)
	if err != nil || !sameToken(r.PostFormValue("csrf"), c.Value) {
		return &httpError{http.StatusForbidden, errors.New("sign-in CSRF token missing or wrong")}
	}
	name, password := strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("password")
	addr := clientAddress(r)
	next := SafeNext(r.PostFormValue("next"))
	if !s.Limiter.Allow(name, addr) {
		s.Log.Warn("sign-in limited", "user", name, "address", addr)
		return s.renderCode(w, rq, http.StatusTooManyRequests, "login.html", &loginPage{LoginCSRF: c.Value, Next: next, Error: rq.t("login.limited")})
	}
	u, err := s.Store.UserByName(r.Context(), name)
	if err != nil && !errors.Is(err, digest.ErrNotFound) {
		return err
	}
	hash := u.PasswordHash
	if u.Disabled {
		hash = ""
	}
	// The same work and the same message whether the user is missing,
	// disabled, or the password wrong (A1).
	if !auth.CheckPassword(hash, password) {
		s.Limiter.Fail(name, addr)
		s.Log.Info("sign-in failed", "user", name, "address", addr)
		return s.renderCode(w, rq, http.StatusUnauthorized, "login.html", &loginPage{LoginCSRF: c.Value, Next: next, Error: rq.t("login.failed")})
	}
	s.Limiter.Succeed(name)
	// A new session at every sign-in (A2): a token fixed before it is
	// worth nothing after.
	if old, err := r.Cookie(sessionCookie); err == nil {
		s.Store.DeleteSession(r.Context(), auth.TokenHash(old.Value))
	}
	token := auth.NewToken()
	ttl := s.SessionTTL
	if ttl <= 0 {
		ttl = 12 * time.Hour
	}
	if err := s.Store.CreateSession(r.Context(), u.ID, auth.TokenHash(token), auth.NewToken(), ttl); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(ttl.Seconds())})
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: "", Path: "/login", MaxAge: -1, HttpOnly: true, Secure: s.Secure, SameSite: http.SameSiteLaxMode})
	s.Log.Info("signed in", "user", u.Name, "address", addr)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, rq *request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.Store.DeleteSession(r.Context(), auth.TokenHash(c.Value)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.Secure, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

func (s *Server) setLang(w http.ResponseWriter, r *http.Request, rq *request) error {
	lang := r.PostFormValue("lang")
	if lang != "ja" && lang != "en" {
		return &httpError{http.StatusBadRequest, fmt.Errorf("language %q", lang)}
	}
	u := rq.sess.User
	if err := s.Store.UpdateUser(r.Context(), u.Name, u.Role, "", lang, u.Disabled); err != nil {
		return err
	}
	http.Redirect(w, r, SafeNext(r.PostFormValue("next")), http.StatusSeeOther)
	return nil
}

// usersPage lists the users, with the form to add one; Name and Error are
// the form as sent and why it was refused.
type usersPage struct {
	page
	Users []store.User
	Roles []auth.Role
	Name  string
	Error string
}

func (s *Server) users(w http.ResponseWriter, r *http.Request, rq *request) error {
	us, err := s.Store.Users(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, rq, "users.html", &usersPage{Users: us, Roles: auth.Roles})
}

func (s *Server) addUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	name, role, password := strings.TrimSpace(r.PostFormValue("name")), auth.Role(r.PostFormValue("role")), r.PostFormValue("password")
	show := func(msg string) error { return s.refuseUsers(w, r, rq, msg, name) }
	if !role.Valid() {
		return show(rq.t("users.badrole"))
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return show(rq.t("users.weak"))
	}
	if _, err := s.Store.CreateUser(r.Context(), name, role, hash, "ja"); err != nil {
		switch {
		case errors.Is(err, store.ErrExists):
			return show(rq.t("users.exists"))
		case errors.Is(err, digest.ErrInvalid):
			return show(rq.t("users.badname"))
		}
		return err
	}
	s.Log.Info("user added", "by", rq.sess.User.Name, "user", name, "role", role)
	http.Redirect(w, r, "/users", http.StatusSeeOther)
	return nil
}

// refuseUsers shows the users page again with why a change was refused,
// and the name the add form held.
func (s *Server) refuseUsers(w http.ResponseWriter, r *http.Request, rq *request, msg, name string) error {
	us, err := s.Store.Users(r.Context())
	if err != nil {
		return err
	}
	return s.renderCode(w, rq, http.StatusBadRequest, "users.html", &usersPage{Users: us, Roles: auth.Roles, Error: msg, Name: name})
}

// changeUser changes a user's role and state, and sets a new password
// when one is given; a new password or disabling ends the user's sessions.
// An administrator cannot lower or disable their own account: there is then
// always an administrator left to undo a change.
func (s *Server) changeUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	name := r.PathValue("name")
	role, disabled, password := auth.Role(r.PostFormValue("role")), r.PostFormValue("state") == "disabled", r.PostFormValue("password")
	show := func(msg string) error { return s.refuseUsers(w, r, rq, name+": "+msg, "") }
	u, err := s.Store.UserByName(r.Context(), name)
	if err != nil {
		if errors.Is(err, digest.ErrNotFound) {
			return &httpError{http.StatusNotFound, err}
		}
		return err
	}
	if !role.Valid() {
		return show(rq.t("users.badrole"))
	}
	if u.ID == rq.sess.User.ID && (role != auth.Admin || disabled) {
		return show(rq.t("users.self"))
	}
	hash := ""
	if password != "" {
		if hash, err = auth.HashPassword(password); err != nil {
			return show(rq.t("users.weak"))
		}
	}
	if err := s.Store.UpdateUser(r.Context(), u.Name, role, hash, u.Lang, disabled); err != nil {
		return err
	}
	s.Log.Info("user changed", "by", rq.sess.User.Name, "user", u.Name, "role", role, "disabled", disabled, "password", hash != "")
	http.Redirect(w, r, "/users", http.StatusSeeOther)
	return nil
}

// Serve runs the server on addr until ctx ends, with timeouts that a
// slow or hostile client cannot hold open.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(s.Log.Handler(), slog.LevelWarn)}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func urlQuery(s string) string { return url.QueryEscape(s) }

// mailPublished sends a digest just published to the list, if there is
// one; a failure is logged and said, and does not undo the publication.
func (s *Server) mailPublished(r *http.Request, id int64) error {
	if s.Mailer == nil {
		return nil
	}
	d, _, err := s.Store.DigestByID(r.Context(), id)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Minute)
	defer cancel()
	if err := s.Mailer.Send(ctx, d, s.Profile); err != nil {
		s.Log.Error("mailing a published digest", "id", id, "err", err)
		return err
	}
	s.Log.Info("published digest mailed", "id", id, "to", len(s.Mailer.To))
	return nil
}
