package draft

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/lint"
)

// Headline is a Japanese headline drafted from an English one. JA is a
// complete headline in the desk's form, or empty: what the drafter could
// not make a headline of is offered as Gist, the names and the event it
// found, for an editor to finish beside the field, never in it.
type Headline struct {
	JA   string `json:"headline_ja"`
	Gist string `json:"gist,omitempty"`
	// Unknown are the names the glossary lacks, rendered by rule: each
	// wants a reviewer's eye.
	Unknown []string `json:"unknown_names"`
	// Engine says how it was made: "memory" (a past headline of the
	// archive, names replaced), "rules", or "gist" (no sentence form was
	// recognised: the names and the event alone, for the editor to finish).
	Engine string `json:"engine"`
}

// Headliner drafts Japanese headlines in the desk's style: 体言止め, the
// subject followed by 、, people as surname and title, foreign leaders as
// surname・country and title, countries abbreviated where headlines do.
type Headliner struct {
	G *glossary.Glossary
	// Home is the profile's country code ("AZ"): its officials go without
	// their country, "アリエフ大統領", a foreign one with it.
	Home   string
	Memory *Memory
}

// event is a verb phrase of an English headline and its Japanese event.
type event struct {
	words []string // folded words of the phrase
	ja    string
	// particle joins the object to the event: "と" for talks, "を" for a
	// visit, "に" for attending; "" when the event takes no object.
	particle string
	// objectFirst puts the object before the particle ("XとY会談"); false
	// puts the event alone after the subject when there is no object.
	passive bool // the subject undergoes the event ("sentenced", "killed")
}

// events are ordered longest first within each head word: the first match
// wins.
var events = func() []event {
	def := []struct {
		phrase, ja, particle string
		passive              bool
	}{
		{"holds phone call with", "電話会談", "と", false}, {"holds phone talk with", "電話会談", "と", false},
		{"holds telephone conversation with", "電話会談", "と", false}, {"has phone conversation with", "電話会談", "と", false},
		{"has phone call with", "電話会談", "と", false}, {"holds phone conversation with", "電話会談", "と", false},
		{"speaks by phone with", "電話会談", "と", false}, {"talks by phone with", "電話会談", "と", false},
		{"phone call with", "電話会談", "と", false}, {"phone conversation with", "電話会談", "と", false},
		{"holds talks with", "会談", "と", false}, {"holds meeting with", "会談", "と", false}, {"hold talks", "会談", "", false},
		{"meets with", "会談", "と", false}, {"meets", "会談", "と", false}, {"met with", "会談", "と", false}, {"met", "会談", "と", false},
		{"talks with", "会談", "と", false}, {"discusses", "協議", "と", false}, {"discuss", "協議", "", false},
		{"receives", "接見", "を", false}, {"received", "接見", "を", false},
		{"pays official visit to", "公式訪問", "を", false}, {"pays state visit to", "国賓訪問", "を", false},
		{"pays working visit to", "訪問", "を", false}, {"on official visit to", "公式訪問", "を", false},
		{"on state visit to", "国賓訪問", "を", false}, {"on working visit to", "訪問", "を", false},
		{"on visit to", "訪問", "を", false}, {"visits", "訪問", "を", false}, {"to visit", "訪問へ", "を", false},
		{"arrives in", "到着", "に", false}, {"arrives to take up post", "着任", "", false}, {"takes up post", "着任", "", false},
		{"attends", "出席", "に", false}, {"takes part in", "参加", "に", false}, {"participates in", "参加", "に", false},
		{"addresses", "演説", "で", false}, {"congratulates", "祝賀メッセージ", "に", false},
		{"sends congratulatory letter to", "祝賀メッセージ", "に", false},
		{"offers condolences to", "弔意", "に", false}, {"expresses condolences to", "弔意", "に", false},
		{"presents copy of credentials to", "信任状写し提出", "に", false}, {"presents credentials to", "信任状捧呈", "に", false},
		{"signs decree", "大統領令に署名", "", false}, {"signs order", "大統領令に署名", "", false}, {"signs law", "法律に署名", "", false},
		{"signs", "署名", "に", false}, {"appoints", "任命", "を", false}, {"appointed", "任命", "", true},
		{"dismissed", "解任", "", true}, {"relieved of", "解任", "", true},
		{"sentenced to", "実刑判決", "", true}, {"sentenced", "判決", "", true}, {"jailed", "実刑判決", "", true},
		{"detained", "拘束", "", true}, {"arrested", "逮捕", "", true}, {"extradited", "引き渡し", "", true},
		{"killed", "死亡", "", true}, {"dies", "死亡", "", true}, {"died", "死亡", "", true},
		{"wounded", "負傷", "", true}, {"injured", "負傷", "", true},
		{"passes", "可決", "を", false}, {"approves", "承認", "を", false}, {"adopts", "採択", "を", false},
		{"condemns", "非難", "を", false}, {"calls for", "呼びかけ", "を", false}, {"calls on", "呼びかけ", "に", false},
		{"launches", "開始", "を", false}, {"begins", "開始", "", false}, {"kick off", "開始", "", false}, {"starts", "開始", "", false},
		{"opens", "開設", "を", false}, {"inaugurates", "開所", "を", false}, {"hosts", "開催", "を", false},
		{"to hold", "実施へ", "を", false}, {"holds", "開催", "を", false},
		{"held talks with", "会談", "と", false}, {"held phone call with", "電話会談", "と", false},
		{"held telephone conversation with", "電話会談", "と", false}, {"held meeting with", "会談", "と", false},
		{"received credentials of", "信任状を受理", "の", false}, {"receives credentials of", "信任状を受理", "の", false},
		{"signs pardon decree", "恩赦令に署名", "", false}, {"signed pardon decree", "恩赦令に署名", "", false},
		{"discussed", "協議", "を", false}, {"visited", "訪問", "を", false}, {"attended", "出席", "に", false},
		{"break up", "摘発", "を", false}, {"breaks up", "摘発", "を", false}, {"busts", "摘発", "を", false},
		{"begin", "開始", "を", false}, {"began", "開始", "を", false}, {"start", "開始", "を", false},
		{"agree on", "合意", "で", false}, {"agreed on", "合意", "で", false}, {"sign", "署名", "に", false},
		{"adopted", "採択", "", true}, {"held", "開催", "", true}, {"jailed for", "実刑判決", "", true},
		{"opened", "開設", "", true}, {"launched", "開始", "", true}, {"postponed", "延期", "", true},
	}
	out := make([]event, len(def))
	for i, d := range def {
		out[i] = event{words: strings.Fields(d.phrase), ja: d.ja, particle: d.particle, passive: d.passive}
	}
	// Longest phrase first.
	slices.SortStableFunc(out, func(a, b event) int { return len(b.words) - len(a.words) })
	return out
}()

// word is a word of a headline with where it stands.
type hword struct {
	raw, low   string
	start, end int
}

func hwords(s string) []hword {
	var out []hword
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '.' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			raw := strings.TrimRight(s[start:i], ".'’")
			if raw != "" {
				low := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(raw, "'s"), "’s"))
				out = append(out, hword{raw, low, start, start + len(raw)})
			}
			start = -1
		}
	}
	return out
}

// Translate drafts the Japanese headline of an English one; body, the
// story's text, names the people a headline gives only by title. A draft
// that lint would call unfinished (only names, no event) is given as the
// gist, with JA empty.
func (h *Headliner) Translate(en, body string) Headline {
	hl := h.translate(en, body)
	if hl.JA != "" && lint.Unfinished(hl.JA, nil) != "" {
		hl.Gist, hl.JA, hl.Engine = hl.JA, "", "gist"
	}
	return hl
}

func (h *Headliner) translate(en, body string) Headline {
	en = strings.TrimSpace(en)
	if en == "" {
		return Headline{Engine: "rules"}
	}
	if h.Memory != nil {
		if hl, ok := h.Memory.Translate(en); ok {
			return hl
		}
	}
	r := renderer{h: h, body: body}
	// "Ministry of Defence: serviceman died …": the source said it; the
	// headline is what it said.
	if i := strings.Index(en, ": "); i > 0 && i < len(en)/2 {
		if ms := h.G.Find(en[:i]); len(ms) > 0 && ms[0].Start == 0 {
			if rest := h.translate(en[i+2:], body); rest.Engine != "gist" && rest.JA != "" {
				return rest
			}
		}
	}
	ws := hwords(en)
	vi, ev := findEvent(ws)
	low := strings.ToLower(en)
	// "Ilham Aliyev and Recep Tayyip Erdogan discussed … by phone": a
	// talk of two, told with both as the subject.
	if vi > 0 && (ev.ja == "協議" || ev.ja == "会談" || ev.ja == "電話会談") {
		if and := strings.Index(strings.ToLower(en[:ws[vi].start]), " and "); and > 0 {
			a, _, ap := r.np(en[:and], "", nil)
			b, _, _ := r.np(en[and+5:ws[vi].start], "", ap)
			if a != "" && b != "" && ap != nil {
				event := "会談"
				if strings.Contains(low, "phone") {
					event = "電話会談"
				}
				return Headline{JA: a + "、" + b + "と" + event, Unknown: r.unknown, Engine: "rules"}
			}
		}
	}
	if vi < 0 {
		return r.gist(en)
	}
	subj := en[:ws[vi].start]
	objEnd := len(en)
	after := ws[vi+len(ev.words):]
	var objWords []hword
	place, occasion := "", ""
	for k, w := range after {
		// A comma ends the object: "break up group, seize 62 kilograms".
		if k > 0 && strings.Contains(en[after[k-1].end:w.start], ",") {
			objEnd = after[k-1].end
			break
		}
		// "in Ankara", "on Monday": where and when go after the object.
		if (w.low == "in" || w.low == "on" || w.low == "at" || w.low == "during" || w.low == "amid" || w.low == "over" || w.low == "for") && k > 0 {
			objEnd = w.start
			switch w.low {
			case "in":
				place = strings.TrimSpace(en[w.end:])
			case "on":
				occasion = strings.TrimSpace(en[w.end:])
			}
			break
		}
		objWords = append(objWords, w)
	}
	obj := ""
	if len(objWords) > 0 {
		obj = strings.TrimSpace(en[objWords[0].start:objEnd])
	}
	sj, sTitle, sPerson := r.np(subj, "", nil)
	if sj == "" {
		return r.gist(en)
	}
	var b strings.Builder
	b.WriteString(sj)
	b.WriteString("、")
	switch {
	case ev.passive:
		// "Two journalists sentenced": the subject undergoes the event; the
		// comma is not written after a patient: "記者2名に実刑判決".
		ja := strings.TrimSuffix(b.String(), "、")
		event := ev.ja
		switch {
		case strings.HasSuffix(ev.ja, "判決"):
			ja += "に" // 記者2名に実刑判決
		case ev.ja == "死亡" && ev.words[0] == "killed" && onDuty(low):
			event = "殉職" // a serviceman or policeman killed on duty
		}
		return Headline{JA: ja + event, Unknown: r.unknown, Engine: "rules"}
	case ev.ja == "到着" && obj != "" && strings.Contains(low, "visit"):
		oj, _, _ := r.np(obj, "", nil)
		b.WriteString(oj + "を訪問")
	case obj != "" && ev.particle != "":
		oj, _, _ := r.np(obj, sTitle, sPerson)
		if oj == "" {
			return r.gist(en)
		}
		if ev.ja == "祝賀メッセージ" {
			// "congratulates X on Y": Yに際しXに祝賀メッセージ, when the
			// occasion is one the desk names; else plainly.
			if occ := occasionJA(occasion); occ != "" {
				b.WriteString(occ + "に際し")
			}
			b.WriteString(oj + "に祝賀メッセージ")
		} else {
			b.WriteString(oj + ev.particle + ev.ja)
		}
	case place != "" && (ev.ja == "訪問" || ev.ja == "到着"):
		pj, _, _ := r.np(place, "", nil)
		b.WriteString(pj + ev.particle + ev.ja)
	default:
		b.WriteString(ev.ja)
	}
	return Headline{JA: b.String(), Unknown: r.unknown, Engine: "rules"}
}

func findEvent(ws []hword) (int, event) {
	for i := range ws {
		for _, ev := range events {
			if i+len(ev.words) > len(ws) {
				continue
			}
			ok := true
			for j, w := range ev.words {
				if ws[i+j].low != w {
					ok = false
					break
				}
			}
			// A verb at the very start is no verb of a subject.
			if ok && i > 0 {
				return i, ev
			}
		}
	}
	return -1, event{}
}

// renderer renders the noun phrases of one headline.
type renderer struct {
	h       *Headliner
	body    string
	unknown []string
}

// np renders a noun phrase: people as surname and title, titles with the
// person the body names, countries, places and bodies from the glossary,
// common nouns from a small table, other capitalised names by rule.
// counterpart is the subject's title, which "counterpart" stands for, and
// skip the subject's person. It returns the rendering, the English title
// the phrase holds and its person, if any.
func (r *renderer) np(s, counterpart string, skip *digest.Term) (string, string, *digest.Term) {
	s = strings.TrimSpace(strings.Trim(s, ",:;"))
	if s == "" {
		return "", "", nil
	}
	g := r.h.G
	ms := g.Find(s)
	low := strings.ToLower(s)
	var title, person *digest.Term
	country := "" // from an adjective or "of X"
	ambassadorTo := ""
	for _, m := range ms {
		t := m.Term
		switch t.Kind {
		case digest.Title:
			if title == nil {
				title = t
			}
		case digest.Person:
			if person == nil {
				person = t
			}
		case digest.Adjective, digest.Country:
			if i := strings.Index(low, " to "); strings.Contains(low, "ambassador") && i >= 0 && m.Start > i {
				ambassadorTo = t.Country
			} else if country == "" {
				country = t.Country
			}
		}
	}
	if title == nil && counterpart != "" && strings.Contains(low, "counterpart") {
		if t := g.Lookup(counterpart); t != nil && t.Kind == digest.Title {
			title = t
		}
	}
	if title == nil && person == nil {
		return r.plain(s, ms), "", nil
	}
	if person == nil && title != nil {
		person = r.nameAfterTitle(s, title, country, skip)
		if person == nil && r.body != "" {
			person = r.nameAfterTitle(r.body, title, country, skip)
		}
	}
	titleJA, titleEN := "", ""
	if title != nil {
		titleJA, titleEN = title.JA, title.EN
		if ambassadorTo != "" && strings.Contains(strings.ToLower(title.EN), "ambassador") {
			titleJA = "駐" + g.CountryShort(ambassadorTo) + "大使"
		}
	}
	if person != nil {
		if titleJA == "" && person.Title != "" {
			if t := g.Lookup(person.Title); t != nil {
				titleJA, titleEN = t.JA, t.EN
			}
		}
		name := cmp.Or(person.Short, person.JA)
		c := cmp.Or(person.Country, country)
		if c != "" && !strings.EqualFold(c, r.h.Home) && titleJA != "" && !strings.HasPrefix(titleJA, "駐") {
			// A foreign official: ガルージン露外務次官 where the country
			// has a headline abbreviation, トカエフ・カザフスタン大統領
			// where it has none.
			if ct := g.CountryByCode(c); ct != nil {
				if short := g.CountryShort(c); short != ct.JA {
					return name + short + titleJA, titleEN, person
				}
				return name + "・" + ct.JA + titleJA, titleEN, person
			}
		}
		return name + titleJA, titleEN, person
	}
	prefix := ""
	if country != "" && !strings.EqualFold(country, r.h.Home) {
		prefix = g.CountryShort(country)
	}
	return prefix + titleJA, titleEN, nil
}

// plain renders a phrase without a person or title: its glossary terms,
// common nouns and numbers in order ("Japanese government delegation" is
// 日本政府代表団, "two independent journalists" 独立系記者2名), and other
// capitalised names by rule.
func (r *renderer) plain(s string, ms []glossary.Match) string {
	// "meeting of commissions on delimitation": Japanese puts the
	// qualifier first, 画定の委員会の会合.
	ws := hwords(s)
	for k := len(ws) - 1; k > 0; k-- {
		if w := ws[k].low; (w == "of" || w == "on" || w == "for") && k < len(ws)-1 && !insideMatch(ms, ws[k].start) {
			head := r.plain(s[:ws[k].start], clip(ms, 0, ws[k].start))
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			switch {
			case head == "":
				return tail
			case tail == "":
				return head
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
	mi := 0
	var caps []string
	flushCaps := func() {
		if len(caps) == 0 {
			return
		}
		name := strings.Join(caps, " ")
		rd := r.h.G.Name(name, "")
		if rd.ByRule {
			r.unknown = append(r.unknown, name)
		}
		b.WriteString(rd.JA)
		caps = nil
	}
	for _, w := range hwords(s) {
		for mi < len(ms) && ms[mi].End <= w.start {
			mi++
		}
		if mi < len(ms) && w.start >= ms[mi].Start && w.end <= ms[mi].End {
			if w.start == ms[mi].Start {
				flushCaps()
				if t := ms[mi].Term; t.Kind == digest.Adjective && strings.EqualFold(t.Country, r.h.Home) {
					continue // "Azerbaijani serviceman" is the desk's own: 軍人
				}
				if sep && b.Len() > 0 {
					b.WriteString("・")
				}
				sep = false
				b.WriteString(ms[mi].Term.JA)
			}
			continue
		}
		if w.low == "and" {
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
		if ja, ok := nouns[w.low]; ok {
			flushCaps()
			if sep && b.Len() > 0 && ja != "" {
				b.WriteString("・")
			}
			sep = false
			b.WriteString(ja)
			continue
		}
		if unicode.IsUpper([]rune(w.raw)[0]) && nameLike(w.low) {
			caps = append(caps, w.raw)
		} else {
			flushCaps()
		}
	}
	flushCaps()
	if count != "" && b.Len() > 0 {
		b.WriteString(count + counter(s))
	}
	return b.String()
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

var numberWords = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}

var people = map[string]bool{"journalists": true, "activists": true, "soldiers": true, "servicemen": true, "people": true, "residents": true,
	"suspects": true, "citizens": true, "officers": true, "officials": true, "members": true, "persons": true, "men": true, "women": true,
	"mps": true, "deputies": true, "defendants": true, "employees": true, "civilians": true, "workers": true}

// nouns are the common words of headlines with their Japanese, for the
// phrases the glossary does not name.
var nouns = map[string]string{
	"government": "政府", "delegation": "代表団", "parliamentary": "議会", "parliament": "国会", "journalist": "記者", "journalists": "記者",
	"independent": "独立系", "activist": "活動家", "activists": "活動家", "opposition": "野党", "soldier": "兵士", "soldiers": "兵士",
	"serviceman": "軍人", "servicemen": "軍人", "residents": "住民", "police": "警察", "suspects": "容疑者", "suspect": "容疑者",
	"state": "国家", "budget": "予算案", "draft": "", "law": "法", "bill": "法案", "decree": "大統領令", "agreement": "協定",
	"memorandum": "覚書", "resolution": "決議", "protocol": "議定書", "exercises": "演習", "drills": "演習", "exercise": "演習",
	"joint": "合同", "military": "軍事", "election": "選挙", "elections": "選挙", "presidential": "大統領", "municipal": "地方",
	"peace": "和平", "treaty": "条約", "talks": "協議", "border": "国境", "commission": "委員会", "mine": "地雷", "explosion": "爆発",
	"court": "裁判所", "trial": "裁判", "embassy": "大使館", "consulate": "総領事館", "ministry": "省", "minister": "大臣",
	"cooperation": "協力", "forum": "フォーラム", "summit": "首脳会議", "conference": "会議", "session": "会合", "meeting": "会合",
	"army": "軍", "armed": "", "forces": "軍", "troops": "部隊", "drone": "無人機", "drones": "無人機", "object": "物体", "suspicious": "不審",
	"heads": "首脳", "consultative": "協議", "leaders": "首脳", "countries": "諸国", "states": "諸国",
	"terror": "テロ", "terrorist": "テロ", "attack": "攻撃", "prison": "刑務所", "constitution": "憲法", "amendments": "改正案",
	"tactical": "戦術", "group": "グループ", "drug-smuggling": "麻薬密輸", "smuggling": "密輸", "drug": "麻薬", "newly": "", "appointed": "新任",
	"ambassadors": "大使", "ambassador": "大使", "bilateral": "二国間", "agenda": "議題", "relations": "関係", "ties": "関係",
	"delimitation": "画定", "commissions": "委員会", "regular": "定例", "deminer": "地雷除去作業員", "ordnance": "不発弾",
	"strategic": "戦略的", "partnership": "パートナーシップ", "energy": "エネルギー", "transport": "運輸", "trade": "貿易",
	"investment": "投資", "security": "安全保障", "defense": "国防", "defence": "国防", "industry": "産業", "humanitarian": "人道",
}

// nameLike reports whether a capitalised word of a headline may be a name:
// headlines capitalise common words too ("Consultative Meeting of Heads
// of State"), which by rule would become katakana nonsense. A word with
// the ending of an English common word, or one of the words headlines
// capitalise most, is taken for no name.
func nameLike(low string) bool {
	if commonCaps[low] || len(low) < 2 {
		return false
	}
	for _, suf := range []string{"tive", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ing", "ship", "ical", "ary",
		"ory", "ous", "ful", "less", "ism", "ist", "ize", "ise", "ated", "ates", "ions", "ments", "ries", "ers"} {
		if strings.HasSuffix(low, suf) && len(low) > len(suf)+2 {
			return false
		}
	}
	return true
}

// commonCaps are words headlines capitalise that name nobody.
var commonCaps = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an new two three several first second third last next this that his her its their
		meeting meetings heads head state states day days summit forum council conference session committee agency
		service ministry minister office court party assembly union congress parliament republic national
		international joint working group center centre week year festival games cup league bank fund program
		programme project plan strategy policy reform law code act decree order treaty agreement memorandum
		declaration statement report review news press media global world regional high level general special
		extraordinary annual regular deputy chief head members member people citizens road route corridor
		east west north south central southern northern eastern western great grand old young women men youth
		president prime foreign defense defence interior justice economy finance energy education health culture
		affairs security border military army forces police navy air land sea peace war talks visit official
		department house senate government cabinet administration commission delegation embassy ambassador`) {
		m[w] = true
	}
	return m
}()

// nameAfterTitle finds the person a title names in text: "Defense Minister
// Colonel General Zakir Hasanov" gives Hasanov, "President of Kazakhstan
// Kassym-Jomart Tokayev" gives Tokayev; from the glossary when it holds
// him, else by rule (and then reported unknown). country, when set, is the
// country the person must be of: the glossary's, or the adjective or "of
// X" next to the title. skip is a person already named (the subject).
func (r *renderer) nameAfterTitle(text string, title *digest.Term, country string, skip *digest.Term) *digest.Term {
	g := r.h.G
	ms := g.Find(text)
	for k, m := range ms {
		if m.Term.Kind != digest.Title || m.Term.EN != title.EN {
			continue
		}
		// The country next to the title: "Turkish Defense Minister",
		// "President of Kazakhstan".
		near := ""
		if k > 0 && (ms[k-1].Term.Kind == digest.Adjective || ms[k-1].Term.Kind == digest.Country) && m.Start-ms[k-1].End <= 12 {
			near = ms[k-1].Term.Country
		}
		end := m.End
		if k+1 < len(ms) && ms[k+1].Term.Kind == digest.Country && strings.HasPrefix(strings.ToLower(strings.TrimSpace(text[m.End:ms[k+1].Start])), "of") && ms[k+1].Start-m.End <= 8 {
			near, end = ms[k+1].Term.Country, ms[k+1].End
		}
		var name []string
		for _, w := range hwords(text[end:]) {
			if len(name) == 0 && (ranks[w.low] || w.low == "national") {
				continue // "Colonel General", "National Defense Minister"
			}
			if !unicode.IsUpper([]rune(w.raw)[0]) || len(name) == 3 {
				break
			}
			name = append(name, w.raw)
		}
		if len(name) == 0 {
			continue
		}
		full := strings.Join(name, " ")
		var p *digest.Term
		if t := g.Lookup(full); t != nil && t.Kind == digest.Person {
			p = t
		} else if ps := g.Surname(name[len(name)-1]); len(ps) > 0 {
			p = ps[0]
		}
		byRule := false
		if p == nil {
			rd := g.Name(name[len(name)-1], "")
			p = &digest.Term{Kind: digest.Person, EN: full, JA: rd.JA, Short: rd.JA, Country: near}
			byRule = rd.ByRule
		}
		if skip != nil && p.EN == skip.EN {
			continue
		}
		pc := cmp.Or(p.Country, near)
		if country != "" && pc != "" && !strings.EqualFold(pc, country) {
			continue
		}
		if p.Country == "" && near != "" {
			cp := *p
			cp.Country = near
			p = &cp
		}
		if byRule {
			r.unknown = append(r.unknown, name[len(name)-1])
		}
		return p
	}
	return nil
}

var ranks = map[string]bool{"colonel": true, "general": true, "lieutenant": true, "major": true, "captain": true, "admiral": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "professor": true, "ambassador": true}

// gist is the headline when no sentence form was recognised: the names the
// glossary knows, in order, for the editor to finish.
func (r *renderer) gist(en string) Headline {
	var parts []string
	for _, m := range r.h.G.Find(en) {
		ja := m.Term.JA
		if m.Term.Kind == digest.Person && m.Term.Short != "" {
			ja = m.Term.Short
		}
		if !slices.Contains(parts, ja) {
			parts = append(parts, ja)
		}
	}
	return Headline{Gist: strings.Join(parts, "、"), Unknown: r.unknown, Engine: "gist"}
}

// occasionJA names the occasion of a congratulation as the desk writes it,
// or "" when it is not one of the usual ones.
func occasionJA(en string) string {
	low := strings.ToLower(en)
	for _, o := range occasions {
		if strings.Contains(low, o.en) {
			return o.ja
		}
	}
	return ""
}

var occasions = []struct{ en, ja string }{
	{"independence day", "独立記念日"}, {"national day", "ナショナルデー"}, {"republic day", "共和国記念日"},
	{"constitution day", "憲法記念日"}, {"victory day", "戦勝記念日"}, {"unity day", "統一記念日"},
	{"re-election", "再選"}, {"reelection", "再選"}, {"election", "当選"}, {"birthday", "誕生日"},
	{"novruz", "ノヴルーズ"}, {"eid al-adha", "犠牲祭"}, {"ramadan", "ラマダン明け"}, {"new year", "新年"},
	{"appointment", "就任"}, {"inauguration", "就任"}, {"anniversary", "記念日"},
}

// onDuty reports whether a headline is about servicemen or police, whose
// death in service the desk writes 殉職.
func onDuty(low string) bool {
	for _, w := range []string{"serviceman", "servicemen", "soldier", "police officer", "policeman", "border guard", "military"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
