package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// plain renders a phrase without a person or title: its glossary terms,
// common nouns and numbers in order ("Japanese government delegation" is
// 日本政府代表団, "two independent journalists" 独立系記者2名), and other
// capitalised names by rule.
func (r *renderer) plain(s string, ms []glossary.Match) string {
	// "meeting of commissions on delimitation": Japanese puts the
	// qualifier first, 画定の委員会の会合.
	ws := hwords(s)
	for k := len(ws) - 1; k > 0; k-- {
		if w := ws[k].low; w == "to" && k < len(ws)-1 && k > 0 && amendments[ws[k-1].low] && !insideMatch(ms, ws[k].start) {
			// "amendments to Electoral Code": 選挙法典改正案.
			head := r.plain(s[:ws[k].start], clip(ms, 0, ws[k].start))
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			return tail + head
		}
		// "access to news websites": ニュースサイトへのアクセス.
		if w := ws[k].low; w == "to" && k == 1 && k < len(ws)-1 && ws[0].low == "access" && !insideMatch(ms, ws[k].start) {
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			if tail == "" {
				return ""
			}
			return tail + "へのアクセス"
		}
		if w := ws[k].low; (w == "of" || w == "on" || w == "for" || w == "from") && k < len(ws)-1 && !insideMatch(ms, ws[k].start) {
			if ws[k-1].low == "head" && onlyFillers(ws[:k-1]) {
				// "new head of Shamkir district executive power":
				// シャムキル地区行政府長.
				if tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start)); tail != "" {
					return tail + "長"
				}
			}
			head := r.plain(s[:ws[k].start], clip(ms, 0, ws[k].start))
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			switch {
			case head == "":
				return tail
			case tail == "":
				return head
			case w == "from":
				return tail + "からの" + head // パキスタンからの戦闘機
			case isYear(tail):
				return tail + head
			}
			return tail + "の" + head
		}
	}
	return r.plainRun(s, ms)
}

func isYear(s string) bool { return len(s) == 7 && strings.HasSuffix(s, "年") && isNumeral(s[:4]) }

func insideMatch(ms []glossary.Match, at int) bool {
	for _, m := range ms {
		if m.Start <= at && at < m.End {
			return true
		}
	}
	return false
}

// clip keeps the matches within [from, to).
func clip(ms []glossary.Match, from, to int) []glossary.Match {
	var out []glossary.Match
	for _, m := range ms {
		if m.Start >= from && m.End <= to {
			out = append(out, m)
		}
	}
	return out
}

// shift moves matches' offsets back by n, for a substring from n.
func shift(ms []glossary.Match, n int) []glossary.Match {
	for i := range ms {
		ms[i].Start -= n
		ms[i].End -= n
	}
	return ms
}

func (r *renderer) plainRun(s string, ms []glossary.Match) string {
	var b strings.Builder
	sep := false // an "and" waits to be written as ・
	count := ""
	role := ""   // a role before a name: 研究者 of "Researcher Bahruz Samadov"
	roleAt := -1 // where the role was written
	mi := 0
	var caps []string
	ws := splitHyphens(hwords(s))
	last := digest.TermKind("") // the kind of the term written last, "" after anything else
	flushCaps := func() {
		if len(caps) == 0 {
			return
		}
		name := strings.Join(caps, " ")
		rd := r.h.G.Name(name, "")
		if len(caps) >= 2 && rd.ByRule {
			if role == "" && !personName(caps) {
				// "Antalya Diplomacy Forum": a name of several words the
				// glossary lacks and no person's is an event's or a body's,
				// whose Japanese no rule gives.
				r.missing = append(r.missing, name)
				caps = nil
				return
			}
			// A person the glossary lacks, given in full: the desk writes
			// the surname.
			rd = r.h.G.Name(caps[len(caps)-1], "")
		}
		if rd.ByRule {
			r.unknown = append(r.unknown, name)
		}
		switch {
		case role == "記者" && roleAt >= 0:
			// "Journalist Aytaj Tapdig": タプディグ記者.
			rest := b.String()[roleAt+len(role):]
			pre := b.String()[:roleAt]
			b.Reset()
			b.WriteString(pre + rest + rd.JA + "記者")
		case role != "" && len(caps) >= 2:
			b.WriteString(rd.JA + "氏") // 研究者サマドフ氏
		default:
			b.WriteString(rd.JA)
		}
		caps, role, roleAt = nil, "", -1
	}
	for k, w := range ws {
		for mi < len(ms) && ms[mi].End <= w.start {
			mi++
		}
		// A possessive's "'s" is the word's, not the term's: "Azerbaijan's".
		end := w.end
		if possessive(w.raw, max(0, len(w.raw)-2)) {
			end -= 2
		} else if strings.HasSuffix(w.raw, "’s") {
			end -= len("’s")
		}
		if mi < len(ms) && w.start >= ms[mi].Start && end <= ms[mi].End {
			if w.start == ms[mi].Start {
				flushCaps()
				if t := ms[mi].Term; t.Kind == digest.Adjective && strings.EqualFold(t.Country, r.h.Home) && !r.abroad {
					continue // "Azerbaijani serviceman" is the desk's own: 軍人
				}
				t := ms[mi].Term
				if t.Kind == digest.Country && strings.EqualFold(t.Country, r.h.Home) && possessive(s, ms[mi].End) {
					continue // "Azerbaijan's parliament" is the desk's own: 国会
				}
				isCountry := t.Kind == digest.Country || t.Kind == digest.Adjective
				// "Azerbaijan-Uzbekistan", "Azerbaijan and Türkiye": two
				// countries side by side are written with ・.
				if sep && b.Len() > 0 || isCountry && (last == digest.Country || last == digest.Adjective) {
					b.WriteString("・")
				}
				sep = false
				b.WriteString(termJA(r.h.G, t))
				last = t.Kind
			}
			continue
		}
		last = ""
		if k+1 < len(ws) {
			if ja, ok := compounds[w.low+" "+ws[k+1].low]; ok && !insideMatch(ms, ws[k+1].start) {
				flushCaps()
				if sep && b.Len() > 0 {
					b.WriteString("・")
				}
				sep = false
				b.WriteString(ja)
				ws[k+1].low = "" // taken
				continue
			}
		}
		if w.low == "" {
			continue
		}
		if w.low == "and" || w.low == "&" {
			flushCaps()
			sep = true
			continue
		}
		if n, ok := numberWords[w.low]; ok {
			count = n
			continue
		}
		if isNumeral(w.raw) {
			flushCaps()
			if len(w.raw) == 4 {
				// A year comes first: 2027年国家予算案.
				rest := b.String()
				b.Reset()
				b.WriteString(w.raw + "年" + rest)
			} else {
				count = w.raw
			}
			continue
		}
		if fillers[w.low] && w.low != "to" && w.low != "with" && w.low != "by" && w.low != "from" && w.low != "into" {
			flushCaps()
			continue // "Another deminer": never a name
		}
		upper := unicode.IsUpper([]rune(w.raw)[0])
		// A capitalised word is a name unless the story's text writes it
		// in lower case, or it is a common word of headlines: "Civilian
		// injured", "Researcher Bahruz Samadov".
		if ja, ok := nouns[w.low]; ok && (!upper || !nameLike(w.low) || r.common(w.low) || k == 0) {
			flushCaps()
			if sep && b.Len() > 0 && ja != "" {
				b.WriteString("・")
			}
			sep = false
			if roles[w.low] {
				role, roleAt = ja, b.Len()
			}
			b.WriteString(ja)
			continue
		}
		if isAcronym(w.raw) {
			flushCaps()
			b.WriteString(w.raw)
			continue
		}
		if upper && nameLike(w.low) && !r.common(w.low) {
			caps = append(caps, w.raw)
			continue
		}
		flushCaps()
		if joiners[w.low] && b.Len() > 0 && k < len(ws)-1 {
			// "citizens from Iran", "report to Milli Majlis": written
			// without its particle the two would run together.
			r.missing = append(r.missing, w.raw)
			continue
		}
		if !fillers[w.low] {
			r.missing = append(r.missing, w.raw)
		}
	}
	flushCaps()
	if count != "" && b.Len() > 0 {
		b.WriteString(count + counter(s))
	}
	return b.String()
}

// joiners are the prepositions a phrase cannot lose between two of its
// parts.
var joiners = map[string]bool{"from": true, "to": true, "with": true, "by": true, "into": true, "against": true, "at": true, "toward": true,
	"towards": true, "between": true, "among": true, "without": true}

// splitHyphens splits a hyphenated word ("Azerbaijani-Turkish",
// "Ex-police") into its parts unless the lexicon knows it whole
// ("large-scale", "call-up"), so that each part is found as itself.
func splitHyphens(ws []hword) []hword {
	var out []hword
	for _, w := range ws {
		if _, ok := nouns[w.low]; ok || !strings.Contains(w.raw, "-") {
			out = append(out, w)
			continue
		}
		at := w.start
		for _, part := range strings.Split(w.raw, "-") {
			if part != "" {
				low := strings.ToLower(part)
				out = append(out, hword{raw: part, low: low, start: at, end: at + len(part)})
			}
			at += len(part) + 1
		}
	}
	return out
}

// onlyFillers reports whether every word of ws is one a headline leaves out.
func onlyFillers(ws []hword) bool {
	for _, w := range ws {
		if !fillers[w.low] {
			return false
		}
	}
	return true
}

// possessive reports whether "'s" follows at in s.
func possessive(s string, at int) bool {
	return strings.HasPrefix(s[at:], "'s") || strings.HasPrefix(s[at:], "’s")
}

// amendments are the nouns that take what they change after "to".
var amendments = map[string]bool{"amendments": true, "amendment": true, "changes": true, "additions": true}

// personName reports whether a run of capitalised words the glossary
// lacks is a person's name: two or three words, the last with the ending
// of a surname of the region (or of a patronymic).
func personName(ws []string) bool {
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	last := strings.ToLower(ws[len(ws)-1])
	for _, suf := range surnameEndings {
		if strings.HasSuffix(last, suf) {
			return true
		}
	}
	return false
}

// surnameEndings are the endings of surnames of the region the desk
// covers: Azerbaijani and Russian -ov/-ev, Armenian -yan, Georgian
// -shvili/-dze, Turkish -oğlu, Persian -zadeh/-pur, Central Asian -bekov,
// -uly, Tajik -zoda. Other names the glossary lacks are not guessed at.
var surnameEndings = []string{"ov", "ova", "ev", "eva", "yev", "yeva", "ina", "yan", "ian", "yants", "shvili", "dze", "adze", "ia",
	"li", "lu", "oglu", "oğlu", "zade", "zadeh", "bek", "bekov", "enko", "uk", "ich", "ić", "sky", "ski", "uly", "kyzy", "zoda", "pur", "nejad"}

// roles are the nouns that stand before a person's name as what they are.
var roles = map[string]bool{"journalist": true, "researcher": true, "scholar": true, "activist": true, "politician": true, "founder": true,
	"editor": true, "blogger": true, "lawyer": true, "economist": true, "poet": true, "writer": true}

// isAcronym: an all-capital word such as NATO, OSCE, CIS, which a
// Japanese headline writes as it is.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// common reports whether the story's text writes a word in lower case
// (a common word, whatever the headline capitalises).
func (r *renderer) common(low string) bool {
	if r.body == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(r.body[i:], low)
		if j < 0 {
			return false
		}
		j += i
		prev, _ := utf8.DecodeLastRuneInString(r.body[:j])
		end := j + len(low)
		next, _ := utf8.DecodeRuneInString(r.body[end:])
		before, after := j == 0 || !unicode.IsLetter(prev), end >= len(r.body) || !unicode.IsLetter(next)
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isNumeral(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// counter is the Japanese counter for what a phrase counts: people (名)
// or things (件).
func counter(s string) string {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if people[strings.Trim(w, ",.")] {
			return "名"
		}
	}
	return "件"
}
