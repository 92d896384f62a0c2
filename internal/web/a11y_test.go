package web

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource returns axe-core's script (the npm package axe-core, which
// .ci/run installs into .ci/node_modules; $SHUHO_AXE_JS names another
// copy), or skips (fails under CI=true) without it.
func axeSource(t *testing.T) string {
	t.Helper()
	paths := []string{os.Getenv("SHUHO_AXE_JS"), filepath.Join("..", "..", ".ci", "node_modules", "axe-core", "axe.min.js")}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no axe-core (npm install --prefix .ci axe-core), and CI=true requires it")
	}
	t.Skip("no axe-core: npm install --prefix .ci axe-core, or $SHUHO_AXE_JS")
	return ""
}

// violation is one axe-core finding: the rule, its impact, and where.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeCheck runs axe-core on the page the browser shows, for WCAG 2.1 A and
// AA, and returns what it finds.
func axeCheck(t *testing.T, ctx context.Context, src string) []violation {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](src+";0")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 160))}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	var vs []violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe-core's answer: %v", err)
	}
	return vs
}

// TestAccessibility: axe-core finds no WCAG 2.1 A or AA violation on any
// page of the editor or the public archive, in Japanese and in English.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	ctx := browser(t)
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	base := f.srv.URL
	check := func(lang, path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(css(`body`))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// The page itself, not the sign-in page it might send one to.
		at, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + location.search`))
		if want, _, _ := strings.Cut(path, "?"); err != nil || !strings.HasPrefix(at, want) {
			t.Fatalf("%s: the browser is at %s", path, at)
		}
		for _, v := range axeCheck(t, ctx, src) {
			t.Errorf("%s %s: %s (%s): %s\n  %s", lang, path, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
		}
	}
	// Signed out: the sign-in page and the public archive.
	for _, p := range []string{"/login", "/public"} {
		check("ja", p)
	}
	if err := chromedp.Do(ctx, signInAs(base, "admin-user")); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/digests", "/digests/1", "/digests/1/items/1/1/edit", "/digests/1/revisions", "/week?date=2026-11-17",
		"/week?date=2026-11-17&view=compact", "/archive?q=Hasanov", "/archive", "/glossary?q=Bairamov", "/sources", "/users", "/articles/1"}
	for _, lang := range []string{"ja", "en"} {
		if lang == "en" {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/digests"), chromedp.Click(css(`form[action="/lang"] button`)), chromedp.WaitVisible(css(`header.bar`))); err != nil {
				t.Fatal(err)
			}
			waitText(t, ctx, "header.bar", "Digests")
		}
		for _, p := range pages {
			check(lang, p)
		}
	}
}

// TestKeyboardWeek walks the desk's weekly job by keyboard alone: sign
// in, reach the week, add a story (j, a), open its item (o), open its
// editor, write its Japanese headline, save, submit for review. Between
// keys the test only reads the page.
func TestKeyboardWeek(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	base := f.srv.URL
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatalf("key %q: %v", k, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	// tabTo presses Tab until the focused element matches sel.
	tabTo := func(sel string) {
		t.Helper()
		for range 80 {
			if eval(`document.activeElement && document.activeElement.matches(`+strconv.Quote(sel)+`) ? 'y' : ''`) == "y" {
				return
			}
			key(kb.Tab)
		}
		t.Fatalf("Tab never reached %s (at %s)", sel, eval(`document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : ''`))
	}
	waitURL := func(part string) {
		t.Helper()
		for range 100 {
			if strings.Contains(eval(`location.href`), part) && eval(`document.readyState`) == "complete" {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("never reached %s (at %s)", part, eval(`location.href`))
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(css(`input[name=name]`))); err != nil {
		t.Fatal(err)
	}
	tabTo(`input[name=name]`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("editor-user"+kb.Tab+testPassword+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitURL("/")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(css(`header.bar`))); err != nil {
		t.Fatal(err)
	}
	tabTo(`a[href="/week"]`)
	key(kb.Enter)
	waitURL("/week")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(css(`form.decide`))); err != nil {
		t.Fatal(err)
	}
	// The first story not yet in the digest: j until it is current.
	for range 40 {
		key("j")
		if eval(`document.querySelector('article.story.current:not(.indigest)') ? 'y' : ''`) == "y" {
			break
		}
	}
	story := eval(`document.querySelector('article.story.current').id`)
	key("a")
	waitText(t, ctx, "#"+story+" .state", "週報に掲載済み")
	key("o")
	waitURL("/digests/")
	link := eval(`location.hash`) // #item-S-I
	parts := strings.Split(strings.TrimPrefix(link, "#item-"), "-")
	if len(parts) != 2 {
		t.Fatalf("o opened %s", eval(`location.href`))
	}
	tabTo(`a[href$="/items/` + parts[0] + `/` + parts[1] + `/edit"]`)
	key(kb.Enter)
	waitURL("/edit")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(css(`input[name=ja]`))); err != nil {
		t.Fatal(err)
	}
	tabTo(`input[name=ja]`)
	// Select what is there (a field the drafter left empty, or its
	// headline) and write the desk's own.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("a", chromedp.KeyModifiers(kb.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("国防省、キーボードで書いた見出し")); err != nil {
		t.Fatal(err)
	}
	tabTo(`button.save`)
	key(kb.Enter)
	waitURL("/digests/1")
	if m := eval(`document.querySelector('main').textContent`); !strings.Contains(m, "国防省、キーボードで書いた見出し") {
		t.Fatalf("the headline typed was not saved:\n%.1500s", m)
	}
	tabTo(`form[action$="/submit"] button`)
	key(kb.Enter)
	waitText(t, ctx, "main", "確認中")
}
