package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuho/internal/digest"
)

func TestMergeItem(t *testing.T) {
	p := func(text string) blockForm {
		return blockForm{Kind: digest.Paragraph, Text: text, Cites: "(APA / 16.11.2026)"}
	}
	base := itemForm{JA: "見出し", EN: "Headline", Blocks: []blockForm{p("One."), p("Two.")}}
	with := func(change func(*itemForm)) itemForm {
		f := base
		f.Blocks = append([]blockForm(nil), base.Blocks...)
		change(&f)
		return f
	}
	tests := []struct {
		name         string
		mine, theirs itemForm
		want         itemForm
		conflicts    []string
	}{
		{"different fields", with(func(f *itemForm) { f.JA = "新しい見出し" }), with(func(f *itemForm) { f.Blocks[1].Text = "Two, told again." }),
			with(func(f *itemForm) { f.JA = "新しい見出し"; f.Blocks[1].Text = "Two, told again." }), nil},
		{"different blocks", with(func(f *itemForm) { f.Blocks[0].Text = "One, mine." }), with(func(f *itemForm) { f.Blocks[1].Text = "Two, theirs." }),
			with(func(f *itemForm) { f.Blocks[0].Text = "One, mine."; f.Blocks[1].Text = "Two, theirs." }), nil},
		{"the same change on both", with(func(f *itemForm) { f.EN = "New" }), with(func(f *itemForm) { f.EN = "New" }),
			with(func(f *itemForm) { f.EN = "New" }), nil},
		{"one block both changed", with(func(f *itemForm) { f.Blocks[0].Text = "One, mine."; f.Emphasis = true }),
			with(func(f *itemForm) { f.Blocks[0].Text = "One, theirs." }),
			with(func(f *itemForm) { f.Blocks[0].Text = "One, mine."; f.Emphasis = true }), []string{"block-1"}},
		{"a headline both changed", with(func(f *itemForm) { f.JA = "私の見出し" }), with(func(f *itemForm) { f.JA = "相手の見出し" }),
			with(func(f *itemForm) { f.JA = "私の見出し" }), []string{"ja"}},
		{"a block added by one side", with(func(f *itemForm) { f.JA = "新" }), with(func(f *itemForm) { f.Blocks = append(f.Blocks, p("Three.")) }),
			with(func(f *itemForm) { f.JA = "新"; f.Blocks = append(f.Blocks, p("Three.")) }), nil},
		{"blocks added by both", with(func(f *itemForm) { f.Blocks = f.Blocks[:1] }), with(func(f *itemForm) { f.Blocks = append(f.Blocks, p("Three.")) }),
			with(func(f *itemForm) { f.Blocks = f.Blocks[:1] }), []string{"body"}},
		{"a blank block and line ends are no change", with(func(f *itemForm) {
			f.Blocks[0].Text = "One.\r\n"
			f.Blocks = append(f.Blocks, blockForm{Kind: digest.Paragraph})
		}), with(func(f *itemForm) { f.EN = "Theirs" }), with(func(f *itemForm) { f.EN = "Theirs" }), nil},
	}
	for _, tt := range tests {
		got, conflicts := mergeItem(base, tt.mine, tt.theirs)
		var fields []string
		for _, c := range conflicts {
			fields = append(fields, c.Field)
			if len(c.Diff) == 0 {
				t.Errorf("%s: conflict %s shows no difference", tt.name, c.Field)
			}
		}
		if !got.equal(tt.want.clean()) || strings.Join(fields, " ") != strings.Join(tt.conflicts, " ") {
			t.Errorf("%s: merged %+v, conflicts %v; want %+v, %v", tt.name, got, fields, tt.want, tt.conflicts)
		}
	}
}

// TestEditConflicts: two editors on one item. A save made on an older
// version is merged onto the current one when the two touched different
// fields or items (an item moved, another block edited); where both
// changed one field, the editor is shown the other's change and chooses,
// nothing typed lost and no empty block added; an item the other deleted
// is put back; every later save names the current version.
func TestEditConflicts(t *testing.T) {
	f := newFixture(t)
	a, b := f.client(t), f.client(t)
	csrfA, csrfB := f.signIn(t, a, "editor-user"), f.signIn(t, b, "approver-user")
	ctx := context.Background()
	current := func() (*digest.Digest, int) {
		d, info, err := f.st.DigestByID(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		return d, info.Version
	}
	values := func(csrf string, version int, form itemForm) url.Values {
		v := url.Values{"csrf": {csrf}, "version": {fmt.Sprint(version)}, "ja": {form.JA}, "en": {form.EN}}
		if form.Emphasis {
			v.Set("emphasis", "on")
		}
		for _, bl := range form.Blocks {
			v["kind"] = append(v["kind"], string(bl.Kind))
			v["text"] = append(v["text"], bl.Text)
			v["cites"] = append(v["cites"], bl.Cites)
		}
		return v
	}
	send := func(c *http.Client, path string, v url.Values) (int, string, string) {
		resp, err := f.post(c, path, v)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Location"), string(body)
	}
	d, v0 := current()
	if len(d.Sections[0].Items) < 2 {
		t.Fatal("the fixture's first section needs two items")
	}
	mine := formOf(d.Sections[0].Items[0])
	en := mine.EN

	// B moves A's item down; A's headline, made on the version before,
	// is merged onto the item where it now stands.
	if code, _, _ := send(b, "/digests/1/items/1/1/move", url.Values{"csrf": {csrfB}, "version": {fmt.Sprint(v0)}, "to": {"down"}}); code != 303 {
		t.Fatalf("move: %d", code)
	}
	mine.JA = "Aの見出し"
	code, loc, page := send(a, "/digests/1/items/1/1", values(csrfA, v0, mine))
	d, v := current()
	if code != 303 || !strings.Contains(loc, "merged=") || d.Sections[0].Items[1].HeadlineJA != "Aの見出し" || d.Sections[0].Items[1].HeadlineEN != en || v != v0+2 {
		t.Fatalf("a save onto a moved item: %d %s (item 1.2 %q, version %d)\n%.2000s", code, loc, d.Sections[0].Items[1].HeadlineJA, v, page)
	}
	if _, p := f.get(t, a, loc); !strings.Contains(p, "最新版に合わせて保存しました") {
		t.Errorf("the digest page does not say the save was merged")
	}

	// Both change the first block; A also the headline, B did not: A is
	// shown B's change of the block, the headline merged, the version
	// current, A's text kept, one blank block only.
	theirs := formOf(d.Sections[0].Items[1])
	base := v
	theirs.Blocks[0].Text = "B's first block."
	if code, _, _ := send(b, "/digests/1/items/1/2", values(csrfB, base, theirs)); code != 303 {
		t.Fatalf("B's save: %d", code)
	}
	mine = formOf(d.Sections[0].Items[1])
	mine.JA = "Aの二度目の見出し"
	mine.Blocks[0].Text = "A's first block."
	mine.Blocks = append(mine.Blocks, blockForm{Kind: digest.Paragraph}) // the blank one the page offers
	code, _, page = send(a, "/digests/1/items/1/2", values(csrfA, base, mine))
	_, now := current()
	for _, want := range []string{`name="take" value="block-1"`, "B&#39;s first block.", "A&#39;s first block.", `value="Aの二度目の見出し"`,
		fmt.Sprintf(`name="version" value="%d"`, now), "他の人が先に同じ箇所を保存しました"} {
		if code != 409 || !strings.Contains(page, want) {
			t.Errorf("a conflict on one block (%d) lacks %s", code, want)
		}
	}
	if strings.Contains(page, `name="take" value="ja"`) {
		t.Errorf("the headline only A changed is offered as a conflict")
	}
	form, _, _ := strings.Cut(page, `<template id="block-template">`)
	if n := strings.Count(form, `aria-label="本文"></textarea>`); n != 1 {
		t.Errorf("%d empty blocks on the conflict page, want 1", n)
	}
	// A takes B's block and saves at the version the page names.
	resolved := values(csrfA, now, itemForm{JA: mine.JA, EN: mine.EN, Blocks: mine.Blocks[:len(mine.Blocks)-1]})
	resolved.Set("take", "block-1")
	for _, k := range []string{"kind", "text", "cites"} {
		resolved[fmt.Sprintf("theirs-block-1-%s", k)] = []string{map[string]string{"kind": string(theirs.Blocks[0].Kind), "text": theirs.Blocks[0].Text, "cites": theirs.Blocks[0].Cites}[k]}
	}
	if code, _, page := send(a, "/digests/1/items/1/2", resolved); code != 303 {
		t.Fatalf("the resolved save: %d\n%.2000s", code, page)
	}
	d, _ = current()
	if it := d.Sections[0].Items[1]; it.HeadlineJA != "Aの二度目の見出し" || it.Blocks[0].Text != "B's first block." {
		t.Errorf("after choosing: %q / %q", it.HeadlineJA, it.Blocks[0].Text)
	}

	// B deletes the item A is editing: A's save shows it, kept, and a
	// second save puts it back in its place.
	_, base = current()
	mine = formOf(d.Sections[0].Items[1])
	mine.JA = "削除された項目の見出し"
	if code, _, _ := send(b, "/digests/1/items/1/2", url.Values{"csrf": {csrfB}, "version": {fmt.Sprint(base)}, "delete": {"yes"}, "confirm": {"yes"}}); code != 303 {
		t.Fatalf("B's delete: %d", code)
	}
	code, _, page = send(a, "/digests/1/items/1/2", values(csrfA, base, mine))
	if code != 409 || !strings.Contains(page, "削除されていました") || !strings.Contains(page, `name="insert" value="yes"`) || !strings.Contains(page, `value="削除された項目の見出し"`) {
		t.Fatalf("a save of an item deleted meanwhile: %d\n%.3000s", code, page)
	}
	_, now = current()
	put := values(csrfA, now, mine)
	put.Set("insert", "yes")
	if code, _, page := send(a, "/digests/1/items/1/2", put); code != 303 {
		t.Fatalf("putting it back: %d\n%.2000s", code, page)
	}
	if d, _ := current(); d.Sections[0].Items[1].HeadlineJA != "削除された項目の見出し" {
		t.Errorf("the item put back is not in its place: %q", d.Sections[0].Items[1].HeadlineJA)
	}

	// A stale delete of an item the other save did not touch deletes it;
	// of one it changed, it shows the item as it now is.
	_, base = current()
	d, _ = current()
	n := len(d.Sections[0].Items)
	other := formOf(d.Sections[0].Items[0])
	other.JA = "Bの変更"
	if code, _, _ := send(b, "/digests/1/items/1/1", values(csrfB, base, other)); code != 303 {
		t.Fatal("B's save")
	}
	if code, _, page := send(a, "/digests/1/items/1/1", url.Values{"csrf": {csrfA}, "version": {fmt.Sprint(base)}, "delete": {"yes"}, "confirm": {"yes"}}); code != 409 ||
		!strings.Contains(page, "Bの変更") {
		t.Errorf("a stale delete of an item changed meanwhile: %d", code)
	}
	if code, _, _ := send(a, fmt.Sprintf("/digests/1/items/1/%d", n), url.Values{"csrf": {csrfA}, "version": {fmt.Sprint(base)}, "delete": {"yes"}, "confirm": {"yes"}}); code != 303 {
		t.Errorf("a stale delete of an item no one changed: %d", code)
	}
	if d, _ := current(); len(d.Sections[0].Items) != n-1 {
		t.Errorf("%d items after the delete, want %d", len(d.Sections[0].Items), n-1)
	}
}
