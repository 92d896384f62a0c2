package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"shuho/internal/auth"
	"shuho/internal/profile"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
	"shuho/internal/textfmt"
)

const testPassword = "a long test password"

type fixture struct {
	srv  *httptest.Server
	s    *Server
	st   *store.Store
	logs *bytes.Buffer
	// path is the archive's SQLite file, for a test that writes to it
	// behind the store's back.
	path string
}

func newFixture(t testing.TB, extra ...route) *fixture {
	t.Helper()
	path := storetest.DSN(t, store.SQLite)
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	logs := &bytes.Buffer{}
	s, err := New(st, p, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	s.routes = append(s.routes, extra...)
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range auth.Roles {
		if _, err := st.CreateUser(context.Background(), string(r)+"-user", r, hash, "ja"); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile("../textfmt/testdata/example-digest.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := textfmt.Parse(b, p)
	if err != nil {
		t.Fatal(err)
	}
	if saved, err := st.SaveDigest(context.Background(), r.Digest, store.SaveOptions{Author: "test", Source: "test", Status: store.Draft}); err != nil || saved.ID != 1 {
		t.Fatalf("saving the example: %+v, %v", saved, err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &fixture{srv, s, st, logs, path}
}

// get requests path with c and returns the status and the body.
func (f *fixture) get(t testing.TB, c *http.Client, path string) (int, string) {
	t.Helper()
	resp, err := c.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, string(b)
}

// page is the body of path, which must answer 200.
func (f *fixture) page(t testing.TB, c *http.Client, path string) string {
	t.Helper()
	code, b := f.get(t, c, path)
	if code != 200 {
		t.Fatalf("GET %s: %d", path, code)
	}
	return b
}

// client is a browser: it keeps cookies and does not follow redirects.
func (f *fixture) client(t testing.TB) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// signIn signs a client in as a user and returns its session's CSRF token.
func (f *fixture) signIn(t testing.TB, c *http.Client, name string) string {
	t.Helper()
	resp, err := c.Get(f.srv.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfField.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF field on the sign-in page:\n%s", body)
	}
	resp, err = f.post(c, "/login", url.Values{"csrf": {string(m[1])}, "name": {name}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in as %s: %s", name, resp.Status)
	}
	resp, err = c.Get(f.srv.URL + "/archive")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	m = csrfField.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no session CSRF token after sign-in:\n%s", body)
	}
	return string(m[1])
}

func (f *fixture) post(c *http.Client, path string, v url.Values) (*http.Response, error) {
	return f.send(c, "POST", path, v)
}

// send sends a form by a method, with its csrf field also as the header
// the API reads.
func (f *fixture) send(c *http.Client, method, path string, v url.Values) (*http.Response, error) {
	req, _ := http.NewRequest(method, f.srv.URL+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if t := v.Get("csrf"); t != "" {
		req.Header.Set("X-CSRF-Token", t)
	}
	return c.Do(req)
}

// concrete fills a route's pattern with a path that matches it: the
// fixture's digest, its DOCX.
func concrete(path string) string {
	return strings.NewReplacer("{$}", "", "{id}", "1", "{format}", "docx").Replace(path)
}

// TestSecurityHeaders checks the headers of every route's response, and of
// a page that does not exist (H3).
func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	f.signIn(t, c, "admin-user")
	paths := []RouteInfo{{"GET", "/no/such/page", ""}}
	paths = append(paths, f.s.Routes()...)
	for _, rt := range paths {
		req, _ := http.NewRequest(rt.Method, f.srv.URL+concrete(rt.Path), nil)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s %s (%d): CSP %q lacks %s", rt.Method, rt.Path, resp.StatusCode, csp, want)
			}
		}
		if !strings.Contains(csp, "default-src 'self'") && !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s %s: CSP %q allows other origins by default", rt.Method, rt.Path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s %s: headers %v", rt.Method, rt.Path, h)
		}
	}
}

// TestRoleMatrix tries every route as no one and as each role: a route is
// reached by its role and those above it, and refused below (A4).
func TestRoleMatrix(t *testing.T) {
	f := newFixture(t)
	type who struct {
		role auth.Role // "" is no one
		c    *http.Client
		csrf string
	}
	var whos []who
	whos = append(whos, who{"", f.client(t), ""})
	for _, r := range auth.Roles {
		c := f.client(t)
		whos = append(whos, who{r, c, f.signIn(t, c, string(r)+"-user")})
	}
	for _, rt := range f.s.Routes() {
		if rt.Path == "/logout" || rt.Path == "/login" {
			continue // they change the session the matrix relies on; tested below
		}
		for _, w := range whos {
			var resp *http.Response
			var err error
			if rt.Method == "GET" {
				resp, err = w.c.Get(f.srv.URL + concrete(rt.Path))
			} else {
				resp, err = f.send(w.c, rt.Method, concrete(rt.Path), url.Values{"csrf": {w.csrf}})
			}
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			allowed := rt.Role == "" || w.role != "" && w.role.AtLeast(rt.Role)
			refused := resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusUnauthorized ||
				resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login")
			if allowed == refused {
				t.Errorf("%s %s as %q: %s (allowed %v)", rt.Method, rt.Path, w.role, resp.Status, allowed)
			}
		}
	}
}

// TestCSRF: every state-changing route refuses a request without the
// session's token, with a wrong one, and one from another origin even
// with the right token (A3).
func TestCSRF(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	token := f.signIn(t, c, "admin-user")
	for _, rt := range f.s.Routes() {
		if rt.Method == "GET" {
			continue
		}
		for _, tc := range []struct {
			name   string
			csrf   string
			origin string
		}{{"no token", "", ""}, {"a wrong token", "x" + token, ""}, {"another origin", token, "https://evil.example"}} {
			req, _ := http.NewRequest(rt.Method, f.srv.URL+concrete(rt.Path), strings.NewReader(url.Values{"csrf": {tc.csrf}, "name": {"admin-user"}, "password": {testPassword}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.csrf != "" {
				req.Header.Set("X-CSRF-Token", tc.csrf)
			}
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
				req.Header.Set("Sec-Fetch-Site", "cross-site")
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s with %s: %s, want 403", rt.Method, rt.Path, tc.name, resp.Status)
			}
		}
	}
}

// TestSignIn: a wrong password and a missing user get the same answer;
// guessing is limited; a session cookie is HttpOnly and SameSite=Lax and
// new at each sign-in; sign-out ends it; the next page is this site's.
func TestSignIn(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	resp, _ := c.Get(f.srv.URL + "/login?next=//evil.example/x")
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	token := string(csrfField.FindSubmatch(body)[1])
	if !strings.Contains(string(body), `name="next" value="/"`) {
		t.Errorf("an off-site next survived on the form")
	}
	try := func(name, pw string) (int, string) {
		resp, err := f.post(c, "/login", url.Values{"csrf": {token}, "name": {name}, "password": {pw}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, regexp.MustCompile(`role="alert">([^<]*)<`).FindString(string(b))
	}
	code1, msg1 := try("editor-user", "wrong password!!")
	code2, msg2 := try("nobody-at-all", "wrong password!!")
	if code1 != 401 || code1 != code2 || msg1 != msg2 || msg1 == "" {
		t.Errorf("wrong password %d %q, missing user %d %q", code1, msg1, code2, msg2)
	}
	for range 3 {
		try("editor-user", "wrong password!!")
	}
	if code, _ := try("editor-user", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("after 5 failures, the right password: %d, want 429", code)
	}
	// Another address may still sign another user in; this one is limited
	// as an address too, so use a fresh fixture's limiter.
	f.s.Limiter = auth.NewLimiter()
	resp, err := f.post(c, "/login", url.Values{"csrf": {token}, "name": {"editor-user"}, "password": {testPassword}, "next": {"/archive?q=x"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/archive?q=x" {
		t.Errorf("sign-in: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	var sess *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			sess = ck
		}
	}
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || len(sess.Value) < 43 {
		t.Fatalf("session cookie %+v", sess)
	}
	// A second sign-in gives a new session and ends the first.
	csrf := f.signIn(t, c, "editor-user")
	if _, err := f.st.SessionByToken(context.Background(), auth.TokenHash(sess.Value)); err == nil {
		t.Errorf("the first session lives on after a new sign-in")
	}
	resp, _ = f.post(c, "/logout", url.Values{"csrf": {csrf}})
	resp.Body.Close()
	resp, _ = c.Get(f.srv.URL + "/archive")
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("after sign-out: %s", resp.Status)
	}
	// A sign-in without the form's token is refused.
	c2 := f.client(t)
	resp, _ = f.post(c2, "/login", url.Values{"name": {"editor-user"}, "password": {testPassword}})
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("sign-in without a token: %s", resp.Status)
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/archive?q=1": "/archive?q=1", "": "/", "//evil.example": "/", `/\evil.example`: "/", "https:evil.example": "/",
		"https://evil.example/": "/", "archive": "/", "/a\r\nSet-Cookie: x": "/", "javascript:alert(1)": "/", "/ok/path": "/ok/path",
	} {
		if got := SafeNext(in); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPanicsAndErrors: a panic in a handler is a generic 500 page and a
// log line with the detail (A7).
func TestPanicsAndErrors(t *testing.T) {
	f := newFixture(t, route{"GET", "/boom", auth.Viewer, func(w http.ResponseWriter, r *http.Request, rq *request) error {
		panic("secret detail 42")
	}})
	c := f.client(t)
	f.signIn(t, c, "viewer-user")
	resp, err := c.Get(f.srv.URL + "/boom")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 500 || strings.Contains(string(body), "secret detail") || !strings.Contains(string(body), "エラー") {
		t.Errorf("panic page %s:\n%s", resp.Status, body)
	}
	if !strings.Contains(f.logs.String(), "secret detail 42") {
		t.Errorf("the panic is not in the log")
	}
}

// TestPages: the pages in both languages, with the words of the chosen
// one, and an archive search.
func TestPages(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	csrf := f.signIn(t, c, "admin-user")
	get := func(path string) string { return f.page(t, c, path) }
	if page := get("/archive?q=" + url.QueryEscape("<script>")); !strings.Contains(page, "アーカイブ検索") || strings.Contains(page, "<script>") {
		t.Errorf("the archive page in Japanese, escaped:\n%s", page)
	}
	resp, _ := f.post(c, "/lang", url.Values{"csrf": {csrf}, "lang": {"en"}, "next": {"/users"}})
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/users" {
		t.Errorf("language switch: %s", resp.Status)
	}
	if page := get("/users"); !strings.Contains(page, "Users") || !strings.Contains(page, "editor-user") {
		t.Errorf("the users page in English:\n%s", page)
	}
	resp, _ = f.post(c, "/users", url.Values{"csrf": {csrf}, "name": {"mari"}, "role": {"editor"}, "password": {"short"}})
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "at least 10 characters") {
		t.Errorf("a weak password: %s", resp.Status)
	}
	resp, _ = f.post(c, "/users", url.Values{"csrf": {csrf}, "name": {"mari"}, "role": {"editor"}, "password": {testPassword}})
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("adding a user: %s", resp.Status)
	}
	if _, err := f.st.UserByName(context.Background(), "mari"); err != nil {
		t.Errorf("mari was not added: %v", err)
	}
	// No page shows a key for want of its words.
	for _, path := range []string{"/archive", "/users", "/digests", "/digests/1"} {
		if page := get(path); regexp.MustCompile(`>[a-z]+\.[a-z]+<`).MatchString(page) {
			t.Errorf("%s shows a text key: %s", path, regexp.MustCompile(`>[a-z]+\.[a-z]+<`).FindString(page))
		}
	}
}

// TestDigestPages lists the digests, shows one with its emphasis and
// escapes, and downloads it in every format.
func TestDigestPages(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	f.signIn(t, c, "viewer-user")
	get := func(path string) (*http.Response, string) {
		resp, err := c.Get(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	if resp, page := get("/digests"); resp.StatusCode != 200 || !strings.Contains(page, `<a href="/digests/1">2026-11-14..2026-11-20</a>`) {
		t.Errorf("the list: %s\n%s", resp.Status, page)
	}
	resp, page := get("/digests/1")
	if resp.StatusCode != 200 || !strings.Contains(page, `<h3 class="emphasis">● ギャンジャ市内で不審物発見、周辺住民が一時避難</h3>`) ||
		!strings.Contains(page, "<em>The sides discussed the return") || !strings.Contains(page, "(APA / 16.11.2026)") {
		t.Errorf("the digest page: %s\n%s", resp.Status, page)
	}
	for _, format := range []string{"txt", "json", "md", "html", "docx"} {
		resp, body := get("/digests/1/download/" + format)
		// Not published: marked as a draft with its version, in its name
		// and in the document (the DOCX is zipped: its name only), and
		// kept nowhere on the way.
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "shuho-az-2026-11-20-draft-v1."+format) || len(body) < 100 ||
			format != "docx" && !strings.Contains(body, "【案 DRAFT v1・下書き / draft】") || resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("download %s: %s %v", format, resp.Status, resp.Header)
		}
	}
	if resp, _ := get("/digests/1/download/exe"); resp.StatusCode != 404 {
		t.Errorf("an unknown format: %s", resp.Status)
	}
	if resp, _ := get("/digests/999"); resp.StatusCode != 404 {
		t.Errorf("a missing digest: %s", resp.Status)
	}
	if resp, _ := get("/digests/abc"); resp.StatusCode != 404 {
		t.Errorf("a bad id: %s", resp.Status)
	}
}

// TestVisitorLanguage: someone not signed in reads the sign-in and public
// pages in the language their browser asks for, or the one they pick with
// ?lang=; Japanese otherwise.
func TestVisitorLanguage(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		path, accept, want, not string
	}{
		{"/login", "", "ログイン", "Sign in"},
		{"/login", "en-GB,en;q=0.9,ja;q=0.8", "Sign in", "ログイン"},
		{"/login", "fr-FR, en;q=0.5", "Sign in", "ログイン"},
		{"/login", "ja-JP,en;q=0.5", "ログイン", "Sign in"},
		{"/login", "ja;q=0.3, en;q=0.9", "Sign in", "ログイン"}, // by weight, not order
		{"/login?lang=en", "ja", "Sign in", "ログイン"},
		{"/login?lang=xx", "", "ログイン", "Sign in"},
		{"/public", "en-US", "Nothing is published yet.", "公開された"},
		{"/public?lang=ja", "en-US", "公開された週報はまだありません。", "Nothing is published"},
	} {
		req, _ := http.NewRequest("GET", f.srv.URL+tc.path, nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Language", tc.accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), tc.want) || strings.Contains(string(b), tc.not) {
			t.Errorf("%s (Accept-Language %q): want %q and not %q", tc.path, tc.accept, tc.want, tc.not)
		}
	}
}

// TestChangeUser: an administrator changes a user's role, disables them
// (their session ends), sets a new password; cannot lower or disable
// their own account.
func TestChangeUser(t *testing.T) {
	f := newFixture(t)
	admin := f.client(t)
	csrf := f.signIn(t, admin, "admin-user")
	editor := f.client(t)
	f.signIn(t, editor, "editor-user")
	change := func(name string, v url.Values) (int, string) {
		v.Set("csrf", csrf)
		resp, err := f.post(admin, "/users/"+name, v)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	if code, _ := change("editor-user", url.Values{"role": {"approver"}, "state": {"active"}}); code != 303 {
		t.Fatalf("a new role: %d", code)
	}
	if u, _ := f.st.UserByName(context.Background(), "editor-user"); u.Role != "approver" || u.Disabled {
		t.Errorf("after the change: %+v", u)
	}
	if code, page := change("editor-user", url.Values{"role": {"approver"}, "state": {"active"}, "password": {"short"}}); code != 400 || !strings.Contains(page, "10文字以上") {
		t.Errorf("a short password: %d", code)
	}
	for _, v := range []url.Values{{"role": {"editor"}, "state": {"active"}}, {"role": {"admin"}, "state": {"disabled"}}} {
		if code, page := change("admin-user", v); code != 400 || !strings.Contains(page, "他の管理者に依頼") {
			t.Errorf("lowering one's own account %v: %d", v, code)
		}
	}
	if u, _ := f.st.UserByName(context.Background(), "admin-user"); u.Role != "admin" || u.Disabled {
		t.Errorf("the administrator changed their own account: %+v", u)
	}
	if code, _ := change("nobody", url.Values{"role": {"viewer"}, "state": {"active"}}); code != 404 {
		t.Errorf("an unknown user: %d", code)
	}
	if code, _ := change("editor-user", url.Values{"role": {"king"}, "state": {"active"}}); code != 400 {
		t.Errorf("an unknown role: %d", code)
	}
	// Disabled: the session in the user's browser ends at once.
	if code, _ := change("editor-user", url.Values{"role": {"approver"}, "state": {"disabled"}}); code != 303 {
		t.Fatalf("disable: %d", code)
	}
	resp, err := editor.Get(f.srv.URL + "/digests")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("a disabled user's session still works: %s", resp.Status)
	}
	// Enabled again with a new password: it signs in with it.
	if code, _ := change("editor-user", url.Values{"role": {"editor"}, "state": {"active"}, "password": {testPassword + "-new"}}); code != 303 {
		t.Fatalf("enable: %d", code)
	}
	u, _ := f.st.UserByName(context.Background(), "editor-user")
	if u.Disabled || u.Role != "editor" {
		t.Errorf("after enabling: %+v", u)
	}
	if !auth.CheckPassword(u.PasswordHash, testPassword+"-new") || auth.CheckPassword(u.PasswordHash, testPassword) {
		t.Errorf("the new password is not the one that checks")
	}
}

// TestWrongMethod: a route asked with a method it does not take is 405,
// with the methods it takes; a path that is no route is 404.
func TestWrongMethod(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		method, path string
		code         int
		allow        string
	}{
		{"DELETE", "/week/decide", 405, "POST"},
		{"POST", "/digests", 405, "GET"},
		{"PUT", "/login", 405, "GET, POST"},
		{"GET", "/no/such/page", 404, ""},
	} {
		req, _ := http.NewRequest(tc.method, f.srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code || resp.Header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d, Allow %q; want %d, %q", tc.method, tc.path, resp.StatusCode, resp.Header.Get("Allow"), tc.code, tc.allow)
		}
	}
}

// TestHSTSBehindProxy: with --secure (HTTPS ends at a proxy), every
// answer carries HSTS; without, only one over TLS.
func TestHSTSBehindProxy(t *testing.T) {
	f := newFixture(t)
	for _, secure := range []bool{false, true} {
		f.s.Secure = secure
		rec := httptest.NewRecorder()
		f.s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/login", nil))
		if got := rec.Header().Get("Strict-Transport-Security") != ""; got != secure {
			t.Errorf("secure %v: HSTS %v", secure, got)
		}
	}
}
