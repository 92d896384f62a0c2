package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"shuho/internal/store"
)

// TestBrowserDesk walks, in a real headless Chromium, what the desk's week
// needs beyond the happy path: a story already in the digest offered no
// second add and a second add refused; two editors on one item, the later
// save shown the other's change and resolved without losing what was
// typed; a digest with an error refused at submit and, by an approver,
// approved and published over it with a reason; four eyes; the draft's
// download marked; a search for a name in katakana finding its Latin
// spelling, its hit followed to the item.
func TestBrowserDesk(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	base := f.srv.URL
	ed, ap := browser(t), browser(t)
	do := func(ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(ctx context.Context, js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	do(ed, "sign in the editor", signInAs(base, "editor-user"))
	do(ap, "sign in the approver", signInAs(base, "approver-user"))

	// A story added is marked and offered no second add; a second add
	// sent anyway is refused, naming the item.
	do(ed, "the week", chromedp.Navigate(base+"/week?date=2026-11-17"), chromedp.WaitVisible(css(`form.decide`)))
	story := eval(ed, `document.querySelector('article.story:not(.indigest)').id`)
	do(ed, "add", chromedp.Click(css(`#`+story+` button[value=add]`)))
	waitText(t, ed, "#"+story+" .state", "週報に掲載済み")
	if n := eval(ed, `String(document.querySelectorAll('#`+story+` button[value=add]').length)`); n != "0" {
		t.Errorf("the story added still offers an add")
	}
	again := eval(ed, `(() => { const f = document.querySelector('#`+story+` form.decide'); const b = new FormData(f); b.set('action', 'add');
		return fetch('/week/decide', {method: 'POST', body: new URLSearchParams(b), headers: {'Accept': 'application/json'}}).then(r => r.status + ' ' + r.statusText); })()`)
	if !strings.HasPrefix(again, "409") {
		t.Errorf("a second add: %s", again)
	}

	// A search for ハサノフ finds the articles that write Hasanov, marked,
	// and the item; the item's hit leads to it in its digest.
	do(ed, "search", chromedp.Navigate(base+"/archive"), chromedp.WaitVisible(css(`input[name=q]`)),
		chromedp.SendKeys(css(`input[name=q]`), "ハサノフ"+kb.Enter))
	waitText(t, ed, "main", "Hasanov")
	do(ed, "the search's screen", shot("15-search-spellings"))
	if n := eval(ed, `String([...document.querySelectorAll('.hit mark')].filter(m => m.textContent === 'Hasanov').length)`); n == "0" {
		t.Errorf("Hasanov is not marked in the hits of ハサノフ")
	}
	do(ed, "follow the item's hit", chromedp.Click(css(`.hit a[href^="/digests/1#item-"]`)), chromedp.WaitVisible(css(`article.item`)))
	if at := eval(ed, `location.pathname + location.hash`); !strings.HasPrefix(at, "/digests/1#item-") ||
		eval(ed, `document.getElementById(location.hash.slice(1)) ? 'y' : ''`) != "y" {
		t.Errorf("the hit led to %s, not to an item there", at)
	}
	// Two editors on item 1.1: the approver saves a change of its first
	// block; the editor, on the page opened before, changes the block and
	// the headline. The editor is shown the other's change, keeps the
	// headline typed, takes the other's block, and saves.
	do(ed, "the editor's page", chromedp.Navigate(base+"/digests/1/items/1/1/edit"), chromedp.WaitVisible(css(`input[name=ja]`)))
	do(ap, "the approver's page", chromedp.Navigate(base+"/digests/1/items/1/1/edit"), chromedp.WaitVisible(css(`input[name=ja]`)),
		chromedp.SetValue(css(`#blocks fieldset.block:first-child textarea`), "The approver's first block."),
		chromedp.Click(css(`button.save`)), chromedp.WaitVisible(css(`article.item`)))
	do(ed, "the editor types", chromedp.SetValue(css(`input[name=ja]`), "編集者の見出し"),
		chromedp.SetValue(css(`#blocks fieldset.block:first-child textarea`), "The editor's first block."),
		chromedp.Click(css(`button.save`)))
	waitText(t, ed, "section.conflicts", "The approver's first block.")
	do(ed, "the conflict's screen", shot("14-conflict"))
	if v := eval(ed, `document.querySelector('input[name=ja]').value + ' | ' + document.querySelector('#blocks fieldset.block textarea').value`); v != "編集者の見出し | The editor's first block." {
		t.Errorf("what the editor typed is not kept: %q", v)
	}
	do(ed, "take the other's block", chromedp.Click(css(`input[name=take][value="block-1"]`)), chromedp.Click(css(`button.save`)),
		chromedp.WaitVisible(css(`article.item`)))
	if m := eval(ed, `document.querySelector('main').textContent`); !strings.Contains(m, "編集者の見出し") || !strings.Contains(m, "The approver's first block.") {
		t.Errorf("after the choice, the item lacks the editor's headline or the approver's block:\n%.1500s", m)
	}

	// The draft's download says it is a draft, in its name.
	if name := eval(ed, `fetch('/digests/1/download/docx').then(r => r.headers.get('Content-Disposition'))`); !strings.Contains(name, "-draft-v") {
		t.Errorf("the draft's download: %s", name)
	}

	// An error in the digest (a Japanese headline left empty) stops the
	// editor's submit, the error shown with the checks.
	do(ed, "empty a headline", chromedp.Navigate(base+"/digests/1/items/1/2/edit"), chromedp.WaitVisible(css(`input[name=ja]`)),
		clearField(`input[name=ja]`), chromedp.Click(css(`button.save`)), chromedp.WaitVisible(css(`article.item`)))
	do(ed, "submit", chromedp.Click(css(`form[action$="/submit"] button`)))
	waitText(t, ed, "main", "エラーが見つかっています")
	do(ed, "the refusal's screen", shot("16-submit-refused"))
	// In review all the same (as a digest is when the checks learn of an
	// error after it was submitted: a glossary entry past its day, a
	// profile changed), put there by the test.
	inReview := func() {
		t.Helper()
		_, info, err := f.st.DigestByID(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := f.st.Step(context.Background(), 1, store.Submit, info.Version, "someone", ""); err != nil {
			t.Fatal(err)
		}
	}
	inReview()
	// The approver: approving without a reason is refused, with one it
	// is approved, the reason in the history; publishing asks the same.
	do(ap, "the digest", chromedp.Navigate(base+"/digests/1"), chromedp.WaitVisible(css(`aside.lint`)),
		chromedp.Click(css(`form[action$="/approve"] button`)))
	waitText(t, ap, "main", "承知で進める理由を書いてください")
	do(ap, "approve over the error", chromedp.SendKeys(css(`form[action$="/approve"] input[name=override]`), "見出しは電話で確認済み"),
		chromedp.Click(css(`form[action$="/approve"] button`)))
	waitText(t, ap, "main", "承認済み")
	do(ap, "publish over the error", chromedp.Click(css(`form[action$="/publish"] input[name=confirm]`)),
		chromedp.SendKeys(css(`form[action$="/publish"] input[name=override]`), "見出しは電話で確認済み"),
		chromedp.Click(css(`form[action$="/publish"] button`)))
	waitText(t, ap, "main", "公開済み")
	if m := eval(ap, `document.querySelector('main').textContent`); !strings.Contains(m, "チェックのエラーを承知で：見出しは電話で確認済み") {
		t.Errorf("the reason is not shown with the digest")
	}
	if name := eval(ap, `fetch('/digests/1/download/docx').then(r => r.headers.get('Content-Disposition'))`); strings.Contains(name, "draft") || !strings.Contains(name, "-v") {
		t.Errorf("the published download: %s", name)
	}

	// Four eyes: an approver who made the last change does not approve
	// it. The approver writes the headline: an edit of the published
	// digest opens a new round (the editor says so before the save), in
	// review, and the approve is refused.
	do(ap, "the approver's change", chromedp.Navigate(base+"/digests/1/items/1/2/edit"), chromedp.WaitVisible(css(`input[name=ja]`)))
	waitText(t, ap, "main", "公開済み")
	do(ap, "save it", chromedp.SetValue(css(`input[name=ja]`), "承認者が書いた見出し"), chromedp.Click(css(`button.save`)), chromedp.WaitVisible(css(`article.item`)))
	waitText(t, ap, "main", "確認中")
	do(ap, "approve one's own change", chromedp.Click(css(`form[action$="/approve"] button`)))
	waitText(t, ap, "main", "別の承認者が承認してください")

}

// clearField empties a field (chromedp's SetValue sets no empty value).
func clearField(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`(() => { document.querySelector(`+strconv.Quote(sel)+`).value = ''; return true; })()`)(ctx, t)
		return err
	})
}
