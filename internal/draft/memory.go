package draft

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/glossary"
)

// Pair is a past headline of the archive in both languages.
type Pair struct{ EN, JA string }

// Memory is a template memory of the desk's past headlines. Each past
// English/Japanese pair whose every name, title, country, place, body and
// number can be found again in its own Japanese becomes a template: its
// English skeleton (the words outside those slots) and its Japanese with
// the slots cut out, each slot keeping the form the desk wrote it in. A
// new headline of the same skeleton, with slots of the same kinds, is
// drafted from the template's Japanese with its own names put in, each in
// the template's form and as the glossary writes it. A desk's headlines
// repeat their sentences week after week ("X、Yと電話会談"), and the
// template keeps the desk's own wording of them where the rules would
// guess it.
type Memory struct {
	// h renders the slots as the rules render names (renderer.np): one
	// rule for a foreign official's form, in one place.
	h Headliner
	// exact and loose map a skeleton (loose: without function words) to
	// its templates, the form the desk used most first.
	exact, loose map[string][]*template
	n            int
	// Loose also lets a headline whose skeleton differs from a
	// template's only in function words ("meets with X", "meets X") take
	// its form. TestQualityTemplates in internal/devset measures both.
	Loose bool
}

// template is a past Japanese headline with its slots cut out.
type template struct {
	// parts are the Japanese around the slots written in it: one more
	// than order.
	parts []string
	// order is the English slot that stands in each gap of parts.
	order []int
	// forms is the form of each English slot, in English order.
	forms []form
	// sig says which templates of a skeleton write it alike.
	sig string
	seq int
}

// NewMemory makes templates of the pairs, for a desk whose own country is
// home ("AZ"): its officials are written without their country. A pair is
// left out when a slot of its English is not in its Japanese in any form,
// when its English names someone the glossary lacks, or when its
// Japanese holds a name or number its English does not (the story's text
// gave it): reused, that name would stay in a headline about someone
// else.
func NewMemory(g *glossary.Glossary, home string, pairs []Pair) *Memory {
	m := &Memory{h: Headliner{G: g, Home: home}, exact: map[string][]*template{}, loose: map[string][]*template{}}
	for _, p := range pairs {
		if strings.TrimSpace(p.EN) == "" || strings.TrimSpace(p.JA) == "" {
			continue
		}
		sh := m.parse(cleanHeadline(p.EN))
		t, ok := m.template(sh, strings.TrimSpace(p.JA))
		if !ok {
			continue
		}
		t.seq = m.n
		m.n++
		m.exact[sh.key()] = append(m.exact[sh.key()], t)
		m.loose[sh.looseKey()] = append(m.loose[sh.looseKey()], t)
	}
	// Where the desk wrote one sentence two ways, the way it wrote most
	// often wins, then the latest.
	for _, idx := range []map[string][]*template{m.exact, m.loose} {
		for _, ts := range idx {
			count := map[string]int{}
			for _, t := range ts {
				count[t.sig]++
			}
			slices.SortStableFunc(ts, func(a, b *template) int {
				return cmp.Or(count[b.sig]-count[a.sig], b.seq-a.seq)
			})
		}
	}
	return m
}

// Len is the number of templates the memory holds.
func (m *Memory) Len() int { return m.n }

// Translate drafts a headline from a template of the same skeleton and
// kinds of slot, with every slot filled from the glossary (an office
// without a name from body, the story's text, or the glossary's holder).
// It reports false when no template fits or none can be filled: a name
// the glossary lacks, a title without Japanese; the rules draft then.
func (m *Memory) Translate(en, body, day string) (Headline, bool) {
	if m == nil || m.n == 0 {
		return Headline{}, false
	}
	sh := m.parse(cleanHeadline(en))
	if sh.words == 0 {
		return Headline{}, false
	}
	cands := m.exact[sh.key()]
	if m.Loose {
		cands = append(slices.Clip(cands), m.loose[sh.looseKey()]...)
	}
	for _, t := range cands {
		if ja, ok := m.fill(t, sh, body, day); ok {
			return Headline{JA: ja, Engine: "template"}, true
		}
	}
	return Headline{}, false
}

// fill writes a template with the slots of sh in the template's forms.
func (m *Memory) fill(t *template, sh shape, body, day string) (string, bool) {
	if len(t.forms) != len(sh.units) {
		return "", false
	}
	subj := m.subjectOf(sh, body, day)
	ja := make([]string, len(sh.units))
	for k := range sh.units {
		s, ok := m.render(sh, k, t.forms[k], body, day, subj)
		if !ok {
			return "", false
		}
		ja[k] = s
	}
	var b strings.Builder
	for i, k := range t.order {
		b.WriteString(t.parts[i])
		b.WriteString(ja[k])
	}
	b.WriteString(t.parts[len(t.parts)-1])
	return b.String(), true
}

// span is where a slot was found in a past Japanese headline.
type span struct{ start, end, slot int }

// template cuts the slots of a past headline out of its Japanese: each
// slot in the first of its forms found there, the longest renderings
// placed first so that a country is not taken from inside its official's
// name.
func (m *Memory) template(sh shape, ja string) (*template, bool) {
	if sh.words == 0 {
		return nil, false
	}
	type cand struct {
		f  form
		ja string
	}
	subj := m.subjectOf(sh, "", "")
	cands := make([][]cand, len(sh.units))
	for k := range sh.units {
		if sh.units[k].unknown {
			return nil, false
		}
		for _, f := range forms(sh.units[k].kind) {
			if s, ok := m.render(sh, k, f, "", "", subj); ok {
				cands[k] = append(cands[k], cand{f, s})
			}
		}
		if len(cands[k]) == 0 {
			return nil, false
		}
	}
	byLen := make([]int, len(sh.units))
	for k := range byLen {
		byLen[k] = k
	}
	slices.SortStableFunc(byLen, func(a, b int) int { return len(cands[b][0].ja) - len(cands[a][0].ja) })
	t := &template{forms: make([]form, len(sh.units))}
	var spans []span
	for _, k := range byLen {
		found := false
		for _, c := range cands[k] {
			if c.ja == "" { // unwritten: formOmit, formDropped
				t.forms[k], found = c.f, true
				break
			}
			if at := place(ja, c.ja, spans, sh.units[k].kind == slotNumber || sh.units[k].kind == slotYear); at >= 0 {
				spans = append(spans, span{at, at + len(c.ja), k})
				t.forms[k], found = c.f, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	at := 0
	for _, s := range spans {
		t.parts = append(t.parts, ja[at:s.start])
		t.order = append(t.order, s.slot)
		at = s.end
	}
	t.parts = append(t.parts, ja[at:])
	lit := strings.Join(t.parts, "\x00")
	if names(lit) > sh.names || m.numbersMore(sh, lit) {
		return nil, false
	}
	// A slot written a second time, outside its place, would keep the
	// old name beside the new one.
	for k, c := range cands {
		if f := t.forms[k]; sh.units[k].kind != slotNumber && sh.units[k].kind != slotYear {
			for _, cc := range c {
				if cc.f == f && cc.ja != "" && strings.Contains(lit, cc.ja) {
					return nil, false
				}
			}
		}
	}
	var sig strings.Builder
	sig.WriteString(lit)
	for _, f := range t.forms {
		sig.WriteByte(byte('0' + f))
	}
	for _, k := range t.order {
		sig.WriteByte(byte('a' + k))
	}
	t.sig = sig.String()
	return t, true
}

// place finds s in ja outside the spans already placed and not inside a
// longer word of its script: a number not inside a longer number, a
// katakana name not inside a longer one. It returns the byte offset, or
// -1.
func place(ja, s string, spans []span, number bool) int {
	for from := 0; from < len(ja); {
		i := strings.Index(ja[from:], s)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(ja[:i])
		after, _ := utf8.DecodeRuneInString(ja[i+len(s):])
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		ok := !slices.ContainsFunc(spans, func(sp span) bool { return i < sp.end && sp.start < i+len(s) })
		if number {
			ok = ok && !numeric(before) && !numeric(after)
		} else {
			ok = ok && !(katakana(first) && katakana(before)) && !(katakana(last) && katakana(after))
		}
		if ok {
			return i
		}
		from = i + len(string(first))
	}
	return -1
}

func numeric(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == ',' || r == '.'
}

func katakana(r rune) bool { return r >= 'ァ' && r <= 'ヺ' || r == 'ー' }

// numbersMore reports whether the Japanese around the slots holds a
// number the English's own words do not ("6名" from the story's text).
func (m *Memory) numbersMore(sh shape, lit string) bool {
	words := map[string]bool{}
	for _, w := range sh.skel {
		words[w] = true
	}
	for _, f := range strings.FieldsFunc(lit, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if f == "1" && strings.Contains(lit, "1名") {
			continue // "Civilian injured": one person is 住民1名
		}
		found := false
		for w := range words {
			if strings.Contains(w, f) {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// names counts the names in the Japanese around the slots: runs of
// katakana that are no loanword of headlines. A template whose English
// does not give as many is left out: its Japanese names someone the
// English does not, from the story's text, or in a form the glossary
// lacks.
func names(lit string) int {
	n := 0
	run := []rune{}
	for _, r := range lit + " " {
		if katakana(r) {
			run = append(run, r)
			continue
		}
		if len(run) >= 3 && !loanwords[string(run)] {
			n++
		}
		run = run[:0]
	}
	return n
}

// loanwords are katakana words of headlines that name nobody.
var loanwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`メッセージ フォーラム サミット テロ ミサイル ドローン ガス パイプライン エネルギー デジタル プロジェクト
		プログラム サイバー メディア ジャーナリスト センター コンサート フェスティバル オンライン グループ チーム ライン ルート ハブ
		パートナー パートナーシップ ビジネス セミナー ワークショップ イベント キャンペーン ボランティア ロードマップ ビザ インフラ
		ネットワーク システム データ レベル プラットフォーム コミュニティ リスト ケース メカニズム ミッション タスクフォース
		テレビ ニュース サイト インタビュー レセプション アクセス オンブズマン ソーシャル スパイ`) {
		m[w] = true
	}
	return m
}()
