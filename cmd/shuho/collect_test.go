package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shuho/internal/jsonfmt"
)

const articlePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Defence ministers meet in Baku | Example News</title>
<meta property="article:published_time" content="2026-11-16T10:30:00+04:00">
<link rel="canonical" href="https://news.example.org/politics/defence-ministers-meet?utm_source=x">
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Defence ministers meet in Baku</h1>
<p class="byline">By staff reporter</p>
<p>Baku, November 16. Azerbaijani Defence Minister Zakir Hasanov met his Turkish counterpart in Baku on Monday to discuss military cooperation and joint exercises planned for next year.</p>
<p>The sides discussed the training of officers, the supply of equipment and the results of the exercises held in October near Nakhchivan, the ministry said in a statement.</p>
<p>The ministers also signed a protocol on the exchange of military education programmes for 2027 and agreed to hold the next meeting of the joint commission in Ankara.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Weather: rain on the weekend</a></li><li><a href="/b">Football: Qarabag win</a></li></ul></aside></main>
<footer>© Example News. <a href="/privacy">Privacy</a></footer>
</body></html>`

func TestExtractCommand(t *testing.T) {
	page := write(t, "page.html", articlePage)
	r := shuho(t, "", nil, "extract", page, "--json", "--url", "https://news.example.org/politics/defence-ministers-meet?utm_medium=rss")
	r.want(t, 0, `"title"`, "")
	var got struct {
		Title, Text, Lang, URL string
		Published              *string
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v in %s", err, r.stdout)
	}
	if !strings.Contains(got.Title, "Defence ministers meet in Baku") || got.Lang != "en" ||
		got.Published == nil || !strings.HasPrefix(*got.Published, "2026-11-16T10:30:00") ||
		got.URL != "https://news.example.org/politics/defence-ministers-meet" {
		t.Errorf("extract: %+v", got)
	}
	if !strings.Contains(got.Text, "joint commission in Ankara") || strings.Contains(got.Text, "Most read") || strings.Contains(got.Text, "Privacy") {
		t.Errorf("text: %q", got.Text)
	}

	// A page on the web, through the guarded client: a loopback server is
	// refused unless an administrator allows it.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(articlePage))
	}))
	defer srv.Close()
	r = shuho(t, "", nil, "extract", srv.URL+"/politics/1")
	r.want(t, 1, "", "")
	if !strings.Contains(r.stderr, "127.0.0.1") {
		t.Errorf("refusal does not name the address: %s", r.stderr)
	}
	r = shuho(t, "", map[string]string{"SHUHO_ALLOW_PRIVATE": "127.0.0.0/8"}, "extract", srv.URL+"/politics/1")
	r.want(t, 0, "joint commission in Ankara", "")

	r = shuho(t, "", nil, "extract", "--json")
	r.want(t, 2, "", "extract takes one file or address")
	r = shuho(t, "", nil, "extract", write(t, "empty.html", ""))
	if r.code == 0 {
		t.Errorf("an empty page: exit 0")
	}
}

func TestCollectSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sample.db")
	r := shuho(t, "", nil, "collect", "--sample", "--db", db)
	r.want(t, 0, "source", "")
	for _, want := range []string{"caspianpost", "novruznews", "ganjadaily", "all", "the feed is broken"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the table lacks %q:\n%s", want, r.stdout)
		}
	}
	r = shuho(t, "", nil, "search", "pardon", "--db", db, "--json")
	r.want(t, 0, "pardon", "")

	// The built-in profile's real outlets cannot be reached from a test:
	// every source fails, each says why, and the exit status is 1.
	r = shuho(t, "", nil, "collect", "--db", filepath.Join(t.TempDir(), "az.db"), "--allow-private", "bogus")
	r.want(t, 2, "", "bogus")
}

// TestDraftCommand drafts the sample week after collecting it: the JSON
// form reads back, every section has items, the report lists them.
func TestDraftCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sample.db")
	shuho(t, "", nil, "collect", "--sample", "--db", db).want(t, 0, "source", "")
	out := filepath.Join(dir, "draft.json")
	r := shuho(t, "", nil, "draft", "--week", "2026-11-17", "--db", db, "-o", out)
	r.want(t, 0, "", "week 2026-11-14 to 2026-11-20")
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	d, err := jsonfmt.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range d.Sections {
		if len(sec.Items) == 0 {
			t.Errorf("section %s is empty", sec.Key)
		}
	}
	// The only errors a draft may carry are the Japanese headlines it left
	// empty for an editor: never a names-only or placeholder headline.
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, "lint: ") && strings.Contains(l, " error ") && !strings.HasSuffix(l, "headline-unfinished: the Japanese headline is empty") {
			t.Errorf("lint error: %s", l)
		}
	}
	txt := shuho(t, "", nil, "draft", "--week", "2026-11-17", "--db", db, "--per-section", "2")
	txt.want(t, 0, "1. 軍事・治安関係", "")
	if n := strings.Count(txt.stdout, "\n●"); n != 6 {
		t.Errorf("%d items with --per-section 2, want 6", n)
	}
	ja := shuho(t, "", nil, "draft", "--week", "2026-11-17", "--db", db, "--per-section", "2", "--lang", "ja")
	ja.want(t, 0, "1. 軍事・治安関係", "2026-11-14～2026-11-20 の週")
	if !strings.Contains(ja.stderr, "重要度の内訳: 話題性") || !strings.Contains(ja.stderr, "対象外: ") {
		t.Errorf("draft --lang ja: the report is not in Japanese:\n%s", ja.stderr)
	}
	shuho(t, "", nil, "draft", "--week", "17.11.2026", "--db", db).want(t, 2, "", "expected a date")
	shuho(t, "", nil, "draft", "--db", filepath.Join(dir, "none.db")).want(t, 1, "", "no archive")
}
