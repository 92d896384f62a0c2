package web

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"shuho/internal/pipeline"
)

// browser starts a headless Chromium for a test, or skips (fails under
// CI=true) when there is none.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Chromium, and CI=true requires it: apt-get install -y chromium")
		}
		t.Skip("no Chromium (apt-get install -y chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000), chromedp.Flag("lang", "ja"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// shot saves a screenshot when SHUHO_SCREENSHOTS names a directory.
func shot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		dir := os.Getenv("SHUHO_SCREENSHOTS")
		if dir == "" {
			return nil
		}
		b, err := chromedp.FullScreenshot(100)(ctx, t) // 100: PNG
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), topOf(b, 2000), 0o644)
	})
}

type css = chromedp.CSS

// waitText waits until the text of sel holds want (a page that a click
// replaced), for at most 20 seconds.
func waitText(t *testing.T, ctx context.Context, sel, want string) {
	t.Helper()
	last := ""
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		v, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err == nil && strings.Contains(v, want) {
			return
		}
		last = v
	}
	t.Fatalf("%s never held %q; it held:\n%.500s", sel, want, last)
}

func signInAs(base, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(css(`input[name=name]`)),
		chromedp.SendKeys(css(`input[name=name]`), name),
		chromedp.SendKeys(css(`input[name=password]`), testPassword),
		chromedp.Click(css(`form[action="/login"] button`)),
		chromedp.WaitVisible(css(`header.bar`)),
	)
}

// TestBrowser walks the desk's week in a real headless Chromium: sign in,
// open the week, add a story to the digest, edit a headline and see the
// checks change, submit for review; as another user approve and publish;
// download the Word and PDF files.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	base := f.srv.URL
	text := func(ctx context.Context, sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	step := func(ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step(ctx, "sign in", signInAs(base, "editor-user"), shot("01-digests"))
	// The week: add its first story to the digest.
	step(ctx, "the week", chromedp.Navigate(base+"/week?date=2026-11-17"), chromedp.WaitVisible(css(`form.decide`)), shot("02-week"))
	added := text(ctx, ".story strong")
	step(ctx, "add", chromedp.Click(css(`form.decide button[value=add]`)))
	waitText(t, ctx, ".story", "週報に掲載済み：項目")
	triage(t, ctx, base)
	// The digest: its checks; the item's editor: its checks follow the
	// headline as it is typed (a 。 at its end), the suggestions beside it.
	step(ctx, "the digest", chromedp.Navigate(base+"/digests/1"), chromedp.WaitVisible(css(`aside.lint`)), shot("03-digest"))
	before := text(ctx, "aside.lint")
	// The added story's item, found by its English headline.
	edit, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('article.item')].find(a => a.querySelector('p.en').textContent.trim() === `+
		strconv.Quote(added)+`).querySelector('.meta a').getAttribute('href')`))
	if err != nil {
		t.Fatalf("the added item %q is not in the digest: %v", added, err)
	}
	step(ctx, "edit", chromedp.Navigate(base+edit), chromedp.WaitVisible(css(`input[name=ja]`)), chromedp.WaitVisible(css(`aside.suggest`)))
	if c := text(ctx, "#check"); !strings.Contains(c, "問題は見つかりません") {
		t.Errorf("the item's checks before the edit: %q", c)
	}
	if s := text(ctx, "aside.suggest"); !strings.Contains(s, "要約案") || !strings.Contains(s, "元記事") {
		t.Errorf("no summary or source articles among the suggestions: %q", s)
	}
	step(ctx, "type a 。", chromedp.SendKeys(css(`input[name=ja]`), kb.End+"。"))
	waitText(t, ctx, "#check", "headline-style")
	step(ctx, "checked as typed", shot("04-edit"))
	// A block added in place, then the suggested headline taken: the checks
	// are clean again.
	step(ctx, "add a note", chromedp.Click(css(`button[data-act=add]`)),
		chromedp.SetValue(css(`#blocks fieldset.block:last-child select`), "note"),
		chromedp.SendKeys(css(`#blocks fieldset.block:last-child textarea`), "Added in the browser."),
		chromedp.SendKeys(css(`#blocks fieldset.block:last-child input[name=cites]`), "(APA / 18.11.2026)"))
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(css(`button[data-act=use-headline]`), "data-text"))
	if err != nil {
		t.Fatalf("the suggested headline: %v", err)
	}
	suggested := attr.Value
	step(ctx, "take the suggestion", chromedp.Click(css(`button[data-act=use-headline]`)))
	waitText(t, ctx, "#check", "問題は見つかりません")
	step(ctx, "save", chromedp.Click(css(`button.save`)), chromedp.WaitVisible(css(`article.item`)))
	after := text(ctx, "main")
	if suggested == "" || !strings.Contains(after, suggested) || !strings.Contains(after, "NOTE: Added in the browser. (APA / 18.11.2026)") {
		t.Errorf("the saved item lacks the suggested headline %q or the added note:\n%.2000s", suggested, after)
	}
	// Then a headline the checks object to, saved: the digest's panel
	// changes with it.
	step(ctx, "edit again", chromedp.Navigate(base+edit), chromedp.WaitVisible(css(`input[name=ja]`)),
		chromedp.SendKeys(css(`input[name=ja]`), kb.End+"。"), chromedp.Click(css(`button.save`)), chromedp.WaitVisible(css(`article.item`)))
	if after := text(ctx, "aside.lint"); before == after || !strings.Contains(after, "headline-style") {
		t.Errorf("the checks did not change with the edit:\nbefore %q\nafter %q", before, after)
	}
	step(ctx, "submit", chromedp.Click(css(`form[action$="/submit"] button`)), chromedp.WaitVisible(css(`form[action$="/withdraw"]`)))

	// Another user, another browser: approve and publish, then download.
	ctx2 := browser(t)
	step(ctx2, "sign in as approver", signInAs(base, "approver-user"), chromedp.Navigate(base+"/digests/1"), chromedp.WaitVisible(css(`aside.lint`)), shot("05-review"))
	step(ctx2, "approve", chromedp.Click(css(`form[action$="/approve"] button`)))
	waitText(t, ctx2, "main", "承認済み")
	step(ctx2, "publish", chromedp.Click(css(`form[action$="/publish"] input[name="confirm"]`)), chromedp.Click(css(`form[action$="/publish"] button`)))
	waitText(t, ctx2, "main", "公開済み")
	step(ctx2, "published", shot("06-published"))
	size := func(format string) float64 {
		n, err := chromedp.Run(ctx2, chromedp.Evaluate[float64](`fetch('/digests/1/download/`+format+`').then(r => r.ok ? r.arrayBuffer() : new ArrayBuffer(0)).then(b => b.byteLength)`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("download %s: %v", format, err)
		}
		return n
	}
	if n := size("docx"); n < 2000 {
		t.Errorf("the DOCX downloaded: %v bytes", n)
	}
	if _, ferr := pipeline.PDFFonts(os.Getenv); ferr == nil {
		if n := size("pdf"); n < 2000 {
			t.Errorf("the PDF downloaded: %v bytes", n)
		}
	} else if os.Getenv("CI") == "true" {
		t.Errorf("no Japanese font for the PDF, and CI=true requires one: %v", ferr)
	}

	// The other screens of the desk, each with something it must show.
	for _, p := range []struct{ path, shot, want string }{
		{"/sources", "07-sources", "CABINET PRESS"},
		{"/glossary?q=Bairamov", "08-glossary", "バイラモフ"},
		{"/archive?q=Kalbajar", "09-archive", "Kalbajar"},
		{"/digests/1/revisions", "10-revisions", "改訂履歴"},
		{"/public", "11-public", "docx"},
	} {
		step(ctx2, p.path, chromedp.Navigate(base+p.path), chromedp.WaitVisible(css(`main`)), shot(p.shot))
		if m := text(ctx2, "main"); !strings.Contains(m, p.want) {
			t.Errorf("%s lacks %q:\n%.1000s", p.path, p.want, m)
		}
	}
	// An administrator's users page, and the editor in English.
	ctx3 := browser(t)
	step(ctx3, "sign in as admin", signInAs(base, "admin-user"), chromedp.Navigate(base+"/users"), chromedp.WaitVisible(css(`main table`)), shot("12-users"))
	if m := text(ctx3, "main"); !strings.Contains(m, "approver-user") {
		t.Errorf("the users page lacks the approver:\n%.1000s", m)
	}
	step(ctx3, "English", chromedp.Click(css(`form[action="/lang"] button`)), chromedp.WaitVisible(css(`header.bar`)))
	waitText(t, ctx3, "header.bar", "Digests")
	step(ctx3, "the digest in English", chromedp.Navigate(base+"/digests/1"), chromedp.WaitVisible(css(`aside.lint`)), shot("13-digest-en"))
	if m := text(ctx3, "main"); !strings.Contains(m, "Revisions and differences") {
		t.Errorf("the digest page is not in English:\n%.500s", m)
	}
}

// triage walks the week by keyboard, as the desk does: the stories are
// marked where they stand, nothing moves and the page is not reloaded.
func triage(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	order := `[...document.querySelectorAll('article.story')].map(a => a.id).join(' ')`
	// A mark on the window: a reload would lose it.
	eval(`window.notReloaded = 'yes'; ''`)
	before := eval(order)
	keys := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatalf("key %s: %v", k, err)
		}
	}
	// The second story: j twice, d dismisses it in place.
	keys("j")
	keys("j")
	second := eval(`document.querySelector('article.story.current').id`)
	keys("d")
	waitText(t, ctx, "#"+second+" .state", "除外済み")
	if cls := eval(`document.getElementById('` + second + `').className`); !strings.Contains(cls, "dismissed") {
		t.Errorf("the story dismissed by key is not marked: %q", cls)
	}
	// u takes it back.
	keys("u")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if !strings.Contains(eval(`document.getElementById('`+second+`').className`), "dismissed") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("u did not undo the dismissal")
		}
	}
	// x chooses the third and fourth; the chosen are dismissed at once.
	keys("j")
	keys("x")
	third := eval(`document.querySelector('article.story.current').id`)
	keys("j")
	keys("x")
	fourth := eval(`document.querySelector('article.story.current').id`)
	if err := chromedp.Do(ctx, chromedp.Click(css(`form#pick button[value=dismiss]`))); err != nil {
		t.Fatalf("dismiss the chosen: %v", err)
	}
	waitText(t, ctx, "#"+third+" .state", "除外済み")
	waitText(t, ctx, "#"+fourth+" .state", "除外済み")
	if after := eval(order); after != before || eval(`window.notReloaded || ''`) != "yes" {
		t.Errorf("the page moved or reloaded under the keys")
	}
	// ? lists the keys.
	keys("?")
	if open := eval(`document.getElementById('keys').open ? 'open' : ''`); open != "open" {
		t.Errorf("? did not open the list of keys")
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`#keys button`))); err != nil {
		t.Fatalf("close the keys: %v", err)
	}
	// Coming back to the week keeps the order and sections as shown,
	// though the dismissed stories taught the ranking.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/week?date=2026-11-17"), chromedp.WaitVisible(css(`form.decide`))); err != nil {
		t.Fatal(err)
	}
	if again := eval(order); again != before {
		t.Errorf("the order changed on coming back")
	}
	// The compact layout shows at least 12 stories at 1280×800.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+"/week?date=2026-11-17&view=compact"),
		chromedp.WaitVisible(css(`form.decide`)), shot("02b-week-compact")); err != nil {
		t.Fatal(err)
	}
	n := eval(`String([...document.querySelectorAll('article.story')].filter(a => { const r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length)`)
	if c, _ := strconv.Atoi(n); c < 12 {
		t.Errorf("the compact layout shows %s stories at 1280×800, want at least 12", n)
	}
}

// topOf cuts a PNG taller than height to its first height pixels (a week
// of a hundred stories is a page of 15,000): a screenshot shows what the
// reader sees first. Another image is returned as it is.
func topOf(b []byte, height int) []byte {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dy() <= height {
		return b
	}
	r := img.Bounds()
	r.Max.Y = r.Min.Y + height
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return b
	}
	var out bytes.Buffer
	if err := png.Encode(&out, sub.SubImage(r)); err != nil {
		return b
	}
	return out.Bytes()
}
