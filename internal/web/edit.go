package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/draft"
	"shuho/internal/lint"
	"shuho/internal/pipeline"
	"shuho/internal/render"
	"shuho/internal/store"
	"shuho/internal/textfmt"
	"shuho/internal/words"
)

// blockForm is one body block as the editor shows it: its kind, its text
// (a list's entries one to a line) and its citations as written.
type blockForm struct {
	Kind  digest.BlockKind
	Text  string
	Cites string
}

// formOf is an item as the edit form shows it.
func formOf(it digest.Item) itemForm {
	f := itemForm{JA: it.HeadlineJA, EN: it.HeadlineEN, Emphasis: it.Emphasis}
	for _, b := range it.Blocks {
		bf := blockForm{Kind: b.Kind, Text: b.Text, Cites: render.CitationText(b.Citations)}
		if b.Kind == digest.List {
			bf.Text = strings.Join(b.Entries, "\n")
		}
		f.Blocks = append(f.Blocks, bf)
	}
	return f
}

// citesRE is what a block's citation field may hold: citations
// "(OUTLET / DD.MM.YYYY)" one after another, in half- or full-width
// brackets (the text form repairs the latter and lint reports a bad date).
var citesRE = regexp.MustCompile(`^(?:[(（][^()（）]+[/／][^()（）]+[)）]\s*)*$`)

// itemForm is an item as the edit form sends it.
type itemForm struct {
	JA, EN   string
	Emphasis bool
	Blocks   []blockForm
}

// readItemForm reads the edit form: the headlines, and the blocks from the
// fields kind, text and cites, repeated once per block in their order.
func readItemForm(r *http.Request) (itemForm, error) {
	if err := r.ParseForm(); err != nil {
		return itemForm{}, err
	}
	f := itemForm{JA: r.PostFormValue("ja"), EN: r.PostFormValue("en"), Emphasis: r.PostFormValue("emphasis") == "on"}
	kinds, texts, cites := r.PostForm["kind"], r.PostForm["text"], r.PostForm["cites"]
	if len(texts) != len(kinds) || len(cites) != len(kinds) {
		return f, formErr("form.incomplete", len(kinds), len(texts), len(cites))
	}
	for i := range kinds {
		f.Blocks = append(f.Blocks, blockForm{Kind: digest.BlockKind(kinds[i]), Text: texts[i], Cites: cites[i]})
	}
	return f, nil
}

// body writes the form's blocks in the text form's body syntax: the item
// is then read by the text form's own parser (and its repairs), so that an
// item edited in the page means what it would in a file. Empty blocks (the
// blank one the page offers for adding) are left out.
func (f itemForm) body() (string, error) {
	var parts []string
	for n, b := range f.Blocks {
		text := strings.TrimSpace(strings.ReplaceAll(b.Text, "\r\n", "\n"))
		c := strings.TrimSpace(b.Cites)
		if text == "" {
			if c != "" {
				return "", formErr("form.citesonly", n+1)
			}
			continue
		}
		if !citesRE.MatchString(c) {
			return "", formErr("form.cites", n+1, c)
		}
		switch b.Kind {
		case digest.Paragraph:
			parts = append(parts, strings.TrimSpace(text+" "+c))
		case digest.Note:
			parts = append(parts, strings.TrimSpace("NOTE: "+strings.TrimPrefix(text, "NOTE:")+" "+c))
		case digest.List:
			var lines []string
			for _, l := range strings.Split(text, "\n") {
				if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")); l != "" {
					lines = append(lines, "- "+l)
				}
			}
			if len(lines) > 0 {
				lines[len(lines)-1] = strings.TrimSpace(lines[len(lines)-1] + " " + c)
			}
			parts = append(parts, strings.Join(lines, "\n"))
		default:
			return "", formErr("form.kind", n+1, b.Kind)
		}
	}
	return strings.Join(parts, "\n\n"), nil
}

// item reads the form as an item, through the text form's parser.
func (s *Server) item(f itemForm) (digest.Item, error) {
	ja, en := strings.TrimSpace(f.JA), strings.TrimSpace(f.EN)
	// The Japanese headline may be saved empty while it is being written:
	// lint's headline-unfinished holds the digest back until it is.
	if en == "" || strings.ContainsAny(ja+en, "\r\n") {
		return digest.Item{}, formErr("form.headlines")
	}
	body, err := f.body()
	if err != nil {
		return digest.Item{}, err
	}
	if strings.Contains(body, "*****END*****") || strings.Contains(body, "\n● ") || strings.HasPrefix(body, "●") {
		return digest.Item{}, formErr("form.markers")
	}
	head := "● " + ja
	switch {
	case f.Emphasis:
		head = "● **" + ja + "**" // "● ****" is a bold headline still to be written
	case ja == "":
		head = "●"
	}
	text := fmt.Sprintf("shuho\n\n2026年1月3日～1月9日\n\n1. %s\n\n%s\n\n%s\n\n%s\n\n*****END*****\n", s.Profile.Sections[0].Title, head, en, body)
	r, err := textfmt.Parse([]byte(text), s.Profile)
	if err != nil {
		return digest.Item{}, err
	}
	if len(r.Digest.Sections) != 1 || len(r.Digest.Sections[0].Items) != 1 {
		return digest.Item{}, formErr("form.items")
	}
	return r.Digest.Sections[0].Items[0], nil
}

// loadItem loads the digest of the path and reads its section and item
// numbers (1-based in the path, 0-based here).
func (s *Server) loadItem(r *http.Request) (d *digest.Digest, info store.Info, si, ii int, err error) {
	if d, info, err = s.loadDigest(r); err != nil {
		return
	}
	si, err1 := strconv.Atoi(r.PathValue("s"))
	ii, err2 := strconv.Atoi(r.PathValue("i"))
	if err1 != nil || err2 != nil || si < 1 || si > len(d.Sections) || ii < 1 || ii > len(d.Sections[si-1].Items) {
		return nil, info, 0, 0, &httpError{http.StatusNotFound, fmt.Errorf("item %s.%s", r.PathValue("s"), r.PathValue("i"))}
	}
	return d, info, si - 1, ii - 1, nil
}

// editPage is the item editor.
type editPage struct {
	page
	ID       int64
	S, I     int // the section and item, 1-based
	Section  string
	Version  int // the version the edit starts from
	JA, EN   string
	Emphasis bool
	Blocks   []blockForm
	Kinds    []digest.BlockKind
	// Check is the lint panel of the digest with the item as shown.
	Check checkPanel
	// Sug is what the drafter suggests (nil when it could not be asked);
	// Summary its summary as one text, paragraphs apart by a blank line.
	Sug     *pipeline.Suggestion
	Summary string
	Seen    []seenLink
	// Model names the model the editor may ask, when one is configured;
	// Asked is true when this page holds its answer.
	Model string
	Asked bool
	Error string
	// Current is the digest's version when a save was refused, for a link
	// to it; 0 otherwise.
	Current int
	// Reopens is the digest's status when a save sends it back to review
	// (approved, published), for the page to say so before it is saved.
	Reopens string
	// Conflicts are the fields another save changed as this editor did,
	// each for the editor to keep or take (conflict.go); Insert says the
	// other save deleted the item, which a save puts back in its place.
	Conflicts []conflict
	Insert    bool
}

// checkPanel is the lint panel of the item editor: the findings on this
// item, how many the rest of the digest has, or why the text cannot be read.
type checkPanel struct {
	Lang     string
	Findings []lint.Finding
	Others   int
	Error    string
}

// seenLink is an earlier item of the storyline, with where to read it.
type seenLink struct {
	Week, JA, EN, Href string
}

// check lints d with item ii of section si as it stands (or reports err,
// why it cannot be read).
func (s *Server) check(lang string, d *digest.Digest, si, ii int, err error) checkPanel {
	c := checkPanel{Lang: lang}
	if err != nil {
		c.Error = sayError(lang, err)
		return c
	}
	for _, f := range s.findings(d) {
		if f.Section == si+1 && f.Item == ii+1 {
			c.Findings = append(c.Findings, f)
		} else {
			c.Others++
		}
	}
	return c
}

func (s *Server) editItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, si, ii, err := s.loadItem(r)
	if err != nil {
		return err
	}
	p := s.editForm(r, d, info, si, ii, formOf(d.Sections[si].Items[ii]), r.URL.Query().Get("ask") == "model")
	p.Check = s.check(rq.lang, d, si, ii, nil)
	it := d.Sections[si].Items[ii]
	p.Check.Findings = append(p.Check.Findings, s.unsourced(r.Context(), rq.lang, d.Period, si, ii, it, it)...)
	return s.render(w, rq, "edit.html", p)
}

// editForm is the item editor holding f for item ii of section si, with
// what the drafter suggests for the item as stored.
func (s *Server) editForm(r *http.Request, d *digest.Digest, info store.Info, si, ii int, f itemForm, ask bool) *editPage {
	p := &editPage{ID: info.ID, S: si + 1, I: ii + 1, Version: info.Version, Section: d.Sections[si].Title,
		JA: f.JA, EN: f.EN, Emphasis: f.Emphasis, Kinds: []digest.BlockKind{digest.Paragraph, digest.Note, digest.List},
		// One blank block to add a block with, when the page runs no script
		// (a form sent back holds none: clean leaves empty blocks out).
		Blocks: append(f.clean().Blocks, blankBlock())}
	if info.Status == store.Approved || info.Status == store.Published {
		p.Reopens = string(info.Status)
	}
	// An item to be put back (deleted by another save) has no place to
	// suggest from.
	if ii < len(d.Sections[si].Items) {
		s.suggest(r, p, d.Period, d.Sections[si].Items[ii], ask)
	}
	return p
}

// suggest adds to the page what the drafter offers for the item: a Japanese
// headline, a summary of the story's lead article and the storyline's
// earlier items, from the model too when the editor asked it.
func (s *Server) suggest(r *http.Request, p *editPage, week digest.Period, it digest.Item, ask bool) {
	dr, err := s.drafter(r.Context())
	if err != nil {
		s.Log.Warn("no drafter for suggestions", "err", err)
		return
	}
	var m *draft.Model
	if s.Chat != nil {
		p.Model = s.Chat.Model()
		if ask {
			m = draft.NewModel(s.Chat, dr.Headliner.G)
		}
	}
	sg, err := dr.Suggest(r.Context(), week, it, m)
	if err != nil {
		s.Log.Warn("no suggestions", "err", err)
		return
	}
	p.Sug, p.Summary, p.Asked = &sg, strings.Join(sg.Summary, "\n\n"), m != nil
	for _, sb := range sg.SeenBefore {
		l := seenLink{Week: sb.Week, JA: sb.HeadlineJA, EN: sb.HeadlineEN,
			Href: "/archive?q=" + url.QueryEscape(`"`+strings.ReplaceAll(sb.HeadlineEN, `"`, "")+`"`)}
		if _, info, err := s.Store.Digest(r.Context(), s.Profile.Key, sb.Period); err == nil {
			l.Href = fmt.Sprintf("/digests/%d", info.ID)
		}
		p.Seen = append(p.Seen, l)
	}
}

func (s *Server) saveItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	si, err1 := strconv.Atoi(r.PathValue("s"))
	ii, err2 := strconv.Atoi(r.PathValue("i"))
	if err1 != nil || err2 != nil || si < 1 || ii < 1 {
		return &httpError{http.StatusNotFound, fmt.Errorf("item %s.%s", r.PathValue("s"), r.PathValue("i"))}
	}
	si, ii = si-1, ii-1
	version, err := formVersion(r)
	if err != nil {
		return err
	}
	f, ferr := readItemForm(r)
	f = taken(r, f)
	del, insert := r.PostFormValue("delete") == "yes", r.PostFormValue("insert") == "yes"
	at := si < len(d.Sections) && (ii < len(d.Sections[si].Items) || insert && ii == len(d.Sections[si].Items))
	show := func(code int, msg string) error {
		if !at {
			return &httpError{code, errors.New(msg)}
		}
		p := s.editForm(r, d, info, si, ii, f, false)
		p.Version, p.Error, p.Insert = version, msg, insert
		p.Check = s.check(rq.lang, d, si, ii, errors.New(msg))
		return s.renderCode(w, rq, code, "edit.html", p)
	}
	// A form that does not read is the editor's to mend, whatever
	// version it was made on.
	var it digest.Item
	if !del {
		if ferr != nil {
			return show(http.StatusBadRequest, sayError(rq.lang, ferr))
		}
		if it, err = s.item(f); err != nil {
			if invalid(err) {
				return show(http.StatusBadRequest, sayError(rq.lang, err))
			}
			return err
		}
	}
	if del && r.PostFormValue("confirm") != "yes" {
		return show(http.StatusBadRequest, rq.t("edit.confirmdelete"))
	}
	if version != info.Version {
		// Made on an older version: merged onto this one, or shown with
		// what the other save changed; never lost.
		return s.resolve(w, r, rq, d, info, version, si, ii, f)
	}
	if !at {
		return &httpError{http.StatusNotFound, fmt.Errorf("item %d.%d", si+1, ii+1)}
	}
	// The change is made on a copy: a refused save shows the editor again
	// over the digest as stored.
	nd := *d
	nd.Sections = slices.Clone(d.Sections)
	items := slices.Clone(d.Sections[si].Items)
	switch {
	case del && !insert:
		items = slices.Delete(items, ii, ii+1)
	case insert:
		items = slices.Insert(items, ii, it)
	default:
		items[ii] = it
	}
	nd.Sections[si].Items = items
	_, err = s.Store.SaveDigest(r.Context(), &nd, store.SaveOptions{Author: rq.sess.User.Name, Source: "editor", IfVersion: version})
	switch {
	case errors.Is(err, digest.ErrConflict):
		// Someone saved in between: merged as a stale form is.
		d, info, err := s.Store.DigestByID(r.Context(), info.ID)
		if err != nil {
			return err
		}
		return s.resolve(w, r, rq, d, info, version, si, ii, f)
	case errors.Is(err, digest.ErrInvalid):
		return show(http.StatusBadRequest, sayError(rq.lang, err))
	case err != nil:
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/digests/%d#item-%d-%d", info.ID, si+1, ii+1), http.StatusSeeOther)
	return nil
}

// resolve saves an editor's form made on an older version of the digest
// (version) than the current one (d): merged onto it when the two saves
// changed different fields, else shown again over the current version with
// what the other save changed, for the editor to choose per field (D5).
// Nothing typed is lost, and the form shown names the current version, so
// that the next save is not refused again.
func (s *Server) resolve(w http.ResponseWriter, r *http.Request, rq *request, d *digest.Digest, info store.Info, version, si, ii int, f itemForm) error {
	ctx := r.Context()
	show := func(ts, ti int, form itemForm, conflicts []conflict, insert bool, msg string) error {
		p := s.editForm(r, d, info, ts, ti, form, false)
		p.Error, p.Current, p.Conflicts, p.Insert = msg, info.Version, conflicts, insert
		for i, c := range p.Conflicts {
			p.Conflicts[i].Label = conflictLabel(rq, c.Field)
		}
		p.Check = s.check(rq.lang, d, ts, ti, nil)
		return s.renderCode(w, rq, http.StatusConflict, "edit.html", p)
	}
	base, err := s.Store.Revision(ctx, info.ID, version)
	if errors.Is(err, digest.ErrNotFound) || err == nil && (si >= len(base.Sections) || ii >= len(base.Sections[si].Items)) {
		return &httpError{http.StatusConflict, fmt.Errorf("item %d.%d of version %d of the digest: there is none", si+1, ii+1, version)}
	} else if err != nil {
		return err
	}
	was := base.Sections[si].Items[ii]
	ts, ti := findItem(d, was, si, ii)
	if ts < 0 {
		// The other save deleted it: shown in its old place, to be put
		// back by saving.
		if len(d.Sections) == 0 {
			return &httpError{http.StatusConflict, errors.New(rq.t("edit.deleted"))}
		}
		ts = min(si, len(d.Sections)-1)
		return show(ts, min(ii, len(d.Sections[ts].Items)), f, nil, true, rq.t("edit.deleted"))
	}
	if r.PostFormValue("delete") == "yes" {
		// A deletion stands over the item the editor saw, wherever it now
		// is; an item the other save changed is shown as it now is.
		if !formOf(d.Sections[ts].Items[ti]).clean().equal(formOf(was).clean()) {
			return show(ts, ti, formOf(d.Sections[ts].Items[ti]), nil, false, rq.t("error.conflict"))
		}
		nd := *d
		nd.Sections = slices.Clone(d.Sections)
		nd.Sections[ts].Items = slices.Delete(slices.Clone(d.Sections[ts].Items), ti, ti+1)
		if _, err := s.Store.SaveDigest(ctx, &nd, store.SaveOptions{Author: rq.sess.User.Name, Source: "editor (merged)", IfVersion: info.Version}); errors.Is(err, digest.ErrConflict) {
			return show(ts, ti, formOf(d.Sections[ts].Items[ti]), nil, false, rq.t("error.conflict"))
		} else if err != nil {
			return err
		}
		http.Redirect(w, r, fmt.Sprintf("/digests/%d?merged=%d", info.ID, info.Version), http.StatusSeeOther)
		return nil
	}
	merged, conflicts := mergeItem(formOf(was), f, formOf(d.Sections[ts].Items[ti]))
	if len(conflicts) > 0 {
		return show(ts, ti, merged, conflicts, false, rq.t("edit.conflicts"))
	}
	it, err := s.item(merged)
	if err != nil {
		if invalid(err) {
			return show(ts, ti, merged, nil, false, sayError(rq.lang, err))
		}
		return err
	}
	nd := *d
	nd.Sections = slices.Clone(d.Sections)
	nd.Sections[ts].Items = slices.Clone(d.Sections[ts].Items)
	nd.Sections[ts].Items[ti] = it
	if _, err := s.Store.SaveDigest(ctx, &nd, store.SaveOptions{Author: rq.sess.User.Name, Source: "editor (merged)", IfVersion: info.Version}); errors.Is(err, digest.ErrConflict) {
		return show(ts, ti, merged, nil, false, rq.t("error.conflict"))
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/digests/%d?merged=%d#item-%d-%d", info.ID, info.Version, ts+1, ti+1), http.StatusSeeOther)
	return nil
}

// conflictLabel names a conflicting field in the reader's language.
func conflictLabel(rq *request, field string) string {
	switch {
	case field == "ja", field == "en", field == "emphasis", field == "body":
		return rq.t("edit." + field)
	case strings.HasPrefix(field, "block-"):
		return rq.t("edit.block") + " " + strings.TrimPrefix(field, "block-")
	}
	return field
}

// formItem reads the edit form and the item it holds; the form comes back
// even when the item cannot be read, to be shown again as sent.
func (s *Server) formItem(r *http.Request) (itemForm, digest.Item, error) {
	f, err := readItemForm(r)
	if err != nil {
		return f, digest.Item{}, err
	}
	it, err := s.item(f)
	return f, it, err
}

// invalid reports whether err is the editor's to mend (a text that does
// not read) rather than the server's.
func invalid(err error) bool {
	var pe *digest.ParseError
	return errors.As(err, &pe) || errors.Is(err, digest.ErrInvalid)
}

// checkItem answers the editor's script as the text is typed: the lint
// panel of the digest with the item as it stands in the form. Nothing is
// saved.
func (s *Server) checkItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, _, si, ii, err := s.loadItem(r)
	if err != nil {
		return err
	}
	_, it, err := s.formItem(r)
	if err != nil && !invalid(err) {
		return err
	}
	stored := d.Sections[si].Items[ii]
	if err == nil {
		d.Sections[si].Items[ii] = it
	}
	c := s.check(rq.lang, d, si, ii, err)
	if err == nil {
		c.Findings = append(c.Findings, s.unsourced(r.Context(), rq.lang, d.Period, si, ii, stored, it)...)
	}
	return s.write(w, http.StatusOK, "check", c)
}

// bodyUnsourced is the editor's rule for a number, date or name of an
// item's body that none of its story's articles holds: a fact an edit put
// in ("three officials" made "seven") that the desk must source. It is not
// lint's: lint reads a digest alone, and this needs the archive's articles.
const bodyUnsourced = "body-unsourced"

// unsourced are the body-unsourced warnings of item ii of section si as
// edited (the item as stored finds its story); none when the item has no
// story in the week or the drafter cannot be asked, which the log tells.
func (s *Server) unsourced(ctx context.Context, lang string, week digest.Period, si, ii int, stored, edited digest.Item) []lint.Finding {
	dr, err := s.drafter(ctx)
	if err != nil {
		s.Log.Warn("no drafter for the body check", "err", err)
		return nil
	}
	flags, err := dr.CheckBody(ctx, week, stored, edited)
	if err != nil {
		s.Log.Warn("no body check", "err", err)
		return nil
	}
	var out []lint.Finding
	for _, f := range flags {
		out = append(out, lint.Finding{Rule: bodyUnsourced, Severity: lint.Warning, Section: si + 1, Item: ii + 1,
			Message: fmt.Sprintf(text(lang, "unsourced."+f.Kind), f.Text)})
	}
	return out
}

// blockField is one block of the form as its template sees it: N is its
// place (0-based; -1 for the script's template of a new block).
type blockField struct {
	Lang  string
	N     int
	B     blockForm
	Kinds []digest.BlockKind
}

func blockOf(p *editPage, n int, b blockForm) blockField {
	return blockField{Lang: p.Lang, N: n, B: b, Kinds: p.Kinds}
}

func blankBlock() blockForm { return blockForm{Kind: digest.Paragraph} }

// findings are the lint findings of a digest, for its page's panel.
func (s *Server) findings(d *digest.Digest) []lint.Finding {
	fs := lint.Check(d, s.Profile, nil)
	lint.Sort(fs)
	return fs
}

// moveItem moves an item up or down within its section, or to the end of
// another section, at the version the page showed.
func (s *Server) moveItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, si, ii, err := s.loadItem(r)
	if err != nil {
		return err
	}
	version, err := formVersion(r)
	if err != nil {
		return err
	}
	items := d.Sections[si].Items
	switch to := r.PostFormValue("to"); to {
	case "up", "down":
		j := ii - 1
		if to == "down" {
			j = ii + 1
		}
		if j < 0 || j >= len(items) {
			return &httpError{http.StatusBadRequest, fmt.Errorf("item %d.%d cannot move %s", si+1, ii+1, to)}
		}
		items[ii], items[j] = items[j], items[ii]
	default:
		k := -1
		for n, sec := range d.Sections {
			if sec.Key == to && n != si {
				k = n
			}
		}
		if k < 0 {
			return &httpError{http.StatusBadRequest, fmt.Errorf("no other section %q", to)}
		}
		it := items[ii]
		d.Sections[si].Items = append(items[:ii:ii], items[ii+1:]...)
		d.Sections[k].Items = append(d.Sections[k].Items, it)
	}
	_, err = s.Store.SaveDigest(r.Context(), d, store.SaveOptions{Author: rq.sess.User.Name, Source: "editor: move", IfVersion: version})
	switch {
	case errors.Is(err, digest.ErrConflict):
		return &httpError{http.StatusConflict, err}
	case err != nil:
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/digests/%d", info.ID), http.StatusSeeOther)
	return nil
}

// formVersion is the version of the digest a state-changing form was made
// on: a positive whole number, without which nothing is written (428), so
// that no change is laid over one its author never saw.
func formVersion(r *http.Request) (int, error) {
	v := r.PostFormValue("version")
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &httpError{http.StatusPreconditionRequired, fmt.Errorf("version %q: the form must name the version of the digest it was made on (a whole number from 1); reload the page", v)}
	}
	return n, nil
}

// formError is an edit form the editor must mend: a word of the catalogue
// (key) with its figures, in the editor's language on the page.
type formError struct {
	key  string
	args []any
}

func formErr(key string, args ...any) error { return &formError{key, args} }

func (e *formError) Error() string { return e.In("en") }
func (e *formError) Unwrap() error { return digest.ErrInvalid }

// In is the message in lang.
func (e *formError) In(lang string) string { return fmt.Sprintf(words.Text(lang, e.key), e.args...) }

// sayError is an error as the editor reads it: a form's in the reader's
// language, another as it is.
func sayError(lang string, err error) string {
	var fe *formError
	if errors.As(err, &fe) {
		return fe.In(lang)
	}
	return err.Error()
}
