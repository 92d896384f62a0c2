package draft

import (
	"strings"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// Pair is a past headline of the archive in both languages.
type Pair struct{ EN, JA string }

// Memory is a translation memory of the desk's past headlines: the nearest
// past English headline, with its names, titles and places set aside,
// gives its Japanese form, with the new names put in their places. A desk's
// headlines repeat their forms week after week ("X、Yと電話会談"), and the
// memory keeps the desk's own wording for them.
type Memory struct {
	g     *glossary.Glossary
	pairs []memPair
	// index maps a skeleton word to the pairs holding it.
	index map[string][]int
}

type memPair struct {
	Pair
	skel  []string
	slots []*digest.Term
}

// MinSimilarity is how alike two skeletons must be (Jaccard over their
// words) for a past headline to lend its form.
const MinSimilarity = 0.75

// NewMemory indexes pairs; a pair whose names cannot be found again in its
// own Japanese is left out, since its names could not be replaced.
func NewMemory(g *glossary.Glossary, pairs []Pair) *Memory {
	m := &Memory{g: g, index: map[string][]int{}}
	for _, p := range pairs {
		if strings.TrimSpace(p.EN) == "" || strings.TrimSpace(p.JA) == "" {
			continue
		}
		skel, slots := skeleton(g, p.EN)
		ok := true
		for _, t := range slots {
			if !strings.Contains(p.JA, rendering(g, t)) {
				ok = false
				break
			}
		}
		if !ok || unaccounted(g, p.JA, slots) {
			continue
		}
		i := len(m.pairs)
		m.pairs = append(m.pairs, memPair{p, skel, slots})
		seen := map[string]bool{}
		for _, w := range skel {
			if !seen[w] {
				seen[w] = true
				m.index[w] = append(m.index[w], i)
			}
		}
	}
	return m
}

// Len is the number of pairs the memory holds.
func (m *Memory) Len() int { return len(m.pairs) }

// skeleton is a headline's folded words with each glossary term replaced by
// its kind, and the terms in order.
func skeleton(g *glossary.Glossary, en string) ([]string, []*digest.Term) {
	var skel []string
	var slots []*digest.Term
	ms := g.Find(en)
	at := 0
	for _, mt := range append(ms, glossary.Match{Start: len(en), End: len(en)}) {
		for _, w := range hwords(en[at:mt.Start]) {
			if !skipWord[w.low] {
				skel = append(skel, w.low)
			}
		}
		if mt.Term != nil {
			skel = append(skel, "<"+string(mt.Term.Kind)+">")
			slots = append(slots, mt.Term)
		}
		at = mt.End
	}
	return skel, slots
}

var skipWord = map[string]bool{"the": true, "a": true, "an": true, "of": true}

// rendering is how a term stands in a headline: a person by surname, a
// country by its abbreviation where it has one.
func rendering(g *glossary.Glossary, t *digest.Term) string {
	switch {
	case t.Kind == digest.Person && t.Short != "":
		return t.Short
	case t.Kind == digest.Country && t.Short != "":
		return g.CountryShort(t.Country)
	}
	return t.JA
}

// Translate drafts from the nearest past headline, if one is near enough
// and has the same kinds of name in the same order.
func (m *Memory) Translate(en string) (Headline, bool) {
	skel, slots := skeleton(m.g, en)
	if len(skel) == 0 {
		return Headline{}, false
	}
	seen := map[int]bool{}
	best, bestSim := -1, 0.0
	for _, w := range skel {
		for _, i := range m.index[w] {
			if seen[i] {
				continue
			}
			seen[i] = true
			if sim := jaccard(skel, m.pairs[i].skel); sim > bestSim {
				best, bestSim = i, sim
			}
		}
	}
	if best < 0 || bestSim < MinSimilarity {
		return Headline{}, false
	}
	p := m.pairs[best]
	if len(p.slots) != len(slots) {
		return Headline{}, false
	}
	ja := p.JA
	for k, old := range p.slots {
		if old.Kind != slots[k].Kind {
			return Headline{}, false
		}
		ja = strings.Replace(ja, rendering(m.g, old), "\x00"+string(rune('0'+k))+"\x00", 1)
	}
	for k, t := range slots {
		ja = strings.Replace(ja, "\x00"+string(rune('0'+k))+"\x00", rendering(m.g, t), 1)
	}
	if strings.ContainsRune(ja, 0) {
		return Headline{}, false
	}
	return Headline{JA: ja, Engine: "memory"}, true
}

func jaccard(a, b []string) float64 {
	sa := map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	sb := map[string]bool{}
	for _, w := range b {
		sb[w] = true
	}
	inter := 0
	for w := range sa {
		if sb[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// unaccounted reports whether a past Japanese headline names someone its
// English slots do not account for (a name the glossary lacks, written in
// katakana): reused, that name would stay in a headline about someone
// else.
func unaccounted(g *glossary.Glossary, ja string, slots []*digest.Term) bool {
	for _, t := range slots {
		ja = strings.Replace(ja, rendering(g, t), "", 1)
	}
	run := []rune{}
	check := func() bool {
		defer func() { run = run[:0] }()
		return len(run) >= 3 && !loanwords[string(run)]
	}
	for _, r := range ja + " " {
		if r >= 'ァ' && r <= 'ヺ' || r == 'ー' {
			run = append(run, r)
			continue
		}
		if check() {
			return true
		}
	}
	return false
}

// loanwords are katakana words of headlines that name nobody.
var loanwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`メッセージ フォーラム サミット テロ ミサイル ドローン ガス パイプライン エネルギー デジタル プロジェクト
		プログラム サイバー メディア ジャーナリスト センター コンサート フェスティバル オンライン グループ チーム ライン ルート ハブ
		パートナー パートナーシップ ビジネス セミナー ワークショップ イベント キャンペーン ボランティア ロードマップ ビザ インフラ
		ネットワーク システム データ レベル プラットフォーム コミュニティ リスト ケース メカニズム ミッション タスクフォース`) {
		m[w] = true
	}
	return m
}()
