package draft

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/lint"
)

// headlineOf writes a clause in the desk's form, or "" when it cannot.
func (r *renderer) headlineOf(c clause) string {
	ev := c.ev
	if ev.frame == fHappen && c.object != "" && (ev.ja == "開始" || ev.ja == "終了") {
		// "Azerbaijan and Türkiye begin joint exercises": the exercises
		// are begun, トルコと合同演習を開始.
		ev.frame, ev.particle = fAct, "を"
	}
	// The sides: the subject, and for talks the other side named with it.
	var subj, other string
	var subjTitle string
	var subjPerson *digest.Term
	var subjKind sideKind
	// A frame of one side takes the subject whole: "Joint exercises of
	// Azerbaijan and Türkiye" is one thing. Two sides that are not one
	// ("Aliyev, Erdogan attend summit") cannot be written as one subject,
	// and neither may be dropped.
	one := c.subject
	if len(c.sides) == 2 && !strings.Contains(strings.ToLower(c.subject), " of ") {
		one = c.sides[0]
	}
	if len(c.sides) == 2 && (ev.frame == fTalk || ev.frame == fSign || ev.frame == fAct && (ev.ja == "実施" || ev.ja == "開始")) {
		a, at, ap, ak := r.side(c.sides[0], "", nil)
		b, _, _, bk := r.side(c.sides[1], at, ap)
		if a == "" || b == "" {
			return ""
		}
		// The desk's own side first; the home country itself goes
		// unwritten ("トルコと…に署名").
		if bk == homeCountry || (bk == homeSide && ak != homeSide && ak != homeCountry) {
			a, b, ak, bk = b, a, bk, ak
		}
		subj, subjKind, other = a, ak, b
	} else {
		if one == c.sides[0] && len(c.sides) == 2 {
			r.missing = append(r.missing, c.sides[1])
		}
		subj, subjTitle, subjPerson, subjKind = r.side(one, "", nil)
	}
	if subj == "" && subjKind != homeCountry {
		return ""
	}
	head := ""
	if subjKind != homeCountry {
		head = subj + "、"
	}
	r.head, r.subjKind = head, subjKind
	obj := ""
	objKind := sideNone
	var objTitle string
	var objPerson *digest.Term
	// Talks between two sides named in the subject need no object: what
	// they talked about is the body's, and is not rendered.
	talksOfTwo := ev.frame == fTalk && other != ""
	if c.object != "" && !talksOfTwo && ev.frame != fUndergo && ev.frame != fHappen && !(ev.ja == "提出" && strings.Contains(c.object, " to ")) {
		obj, objTitle, objPerson, objKind = r.side(c.object, subjTitle, subjPerson)
	} else if ev.ja == "提出" {
		obj, objKind = "…", sideThing // written below from its parts
	}
	place := ""
	if c.place != "" {
		place, _, _, _ = r.side(c.place, "", nil)
	}
	phone := strings.Contains(c.low, "phone") || strings.Contains(c.low, "telephone")
	if c.by != "" && ev.frame != fUndergo && ev.frame != fHappen {
		// "receives delegation led by US Senator": who leads is part of
		// whom; a headline without it would name someone else.
		r.missing = append(r.missing, "by "+c.by)
	}
	switch ev.frame {
	case fTalk:
		event := ev.ja
		if phone && (event == "会談" || event == "協議") {
			event = "電話会談"
		}
		if phone && event == "会談へ" {
			event = "電話会談へ"
		}
		switch {
		case other != "" && event == "合意":
			// "Azerbaijan, Russia agree on new border checkpoint": what
			// was agreed is the news.
			if topic := r.topic(cmp.Or(c.on, c.object)); topic != "" {
				return head + other + "と" + topic + "で合意"
			}
			r.missing = append(r.missing, cmp.Or(c.on, c.object))
			return head + other + "と合意"
		case other != "":
			// "Azerbaijan, Israel discuss defence cooperation": the
			// topic of consultations between countries is left to the
			// body; the talks are the event.
			return head + other + "と" + event
		case obj != "" && ev.particle == "と" && event == "協議" && c.with != "":
			w, _, _, _ := r.side(c.with, subjTitle, subjPerson)
			if w == "" {
				return ""
			}
			return head + w + "と" + obj + "を協議"
		case obj != "" && event == "協議" && objKind == sideThing:
			return head + obj + "を協議"
		case obj != "":
			return head + obj + "と" + event
		case c.with != "":
			w, _, _, _ := r.side(c.with, subjTitle, subjPerson)
			if w == "" {
				return ""
			}
			return head + w + "と" + event
		case place != "" && len(c.sides) == 1:
			return head + place + "で" + event
		}
		return ""
	case fReceive:
		if obj == "" {
			return ""
		}
		if ev.particle == "から" {
			return head + obj + "から" + ev.ja
		}
		if objKind == sideThing {
			return head + obj + "を受領"
		}
		return head + obj + "と会談"
	case fVisit:
		dest := obj
		if dest == "" {
			dest = place
		}
		if dest == "" {
			return ""
		}
		return head + dest + "を" + ev.ja
	case fArrive:
		if ev.ja == "着任" || (strings.Contains(c.low, "ambassador") && hasWord(c.low, "new")) {
			if hasWord(c.low, "new", "newly") && !strings.HasPrefix(head, "新") {
				head = "新任の" + head // 新任の駐ジョージア大使、トビリシに着任
			}
			if dest := cmp.Or(obj, place); dest != "" {
				return head + dest + "に着任"
			}
			return head + "着任"
		}
		if obj == "" {
			return ""
		}
		if strings.Contains(c.low, "visit") {
			return head + obj + "を訪問"
		}
		return head + obj + "に到着"
	case fAttend:
		if obj == "" {
			return ""
		}
		if place != "" && (objKind == sideThing || objKind == sideOrg || objKind == homeSide) {
			obj = place + "での" + obj
		}
		return head + obj + ev.particle + ev.ja
	case fGreet:
		occ := occasionJA(cmp.Or(c.on, c.reason))
		target := obj
		// Credentials are presented to someone, always named.
		if !strings.HasPrefix(ev.ja, "信任状") && (objKind == homeCountry || objKind == homeSide && subjKind != homeSide) {
			target = ""
		}
		switch {
		case ev.ja == "祝賀メッセージ" && target == "" && occ != "":
			return head + occ + "に際し祝賀メッセージ"
		case target == "":
			return ""
		case ev.ja == "祝賀メッセージ" && occ != "":
			return head + occ + "に際し" + target + "に祝賀メッセージ"
		}
		return head + target + "に" + ev.ja
	case fSign:
		switch {
		case other != "" && obj != "":
			if topic := r.topic(c.on); topic != "" {
				obj = topic + obj
			}
			return head + other + "と" + obj + "に署名"
		case other != "":
			return head + other + "と署名"
		case ev.particle == "":
			// "signs decree on X": Xに関する大統領令に署名, when X can be
			// written whole; the decree alone when not.
			if i := strings.Index(c.low, " on "); i >= 0 {
				if topic := r.topic(c.english[i+4:]); topic != "" {
					return head + topic + "に関する" + ev.ja
				}
			}
			return head + ev.ja
		case obj != "":
			if topic := r.topic(c.on); topic != "" {
				obj = topic + obj // 軍事教育議定書
			}
			if c.with != "" {
				if w, _, _, _ := r.side(c.with, "", nil); w != "" {
					return head + w + "と" + obj + "に署名"
				}
			}
			return head + obj + "に署名"
		}
		return ""
	case fAct:
		if obj == "" {
			return ""
		}
		event := ev.ja
		switch {
		case ev.ja == "実施" && !isExercise(c.object) && !strings.Contains(c.low, "election"):
			event = "開催"
		case strings.HasPrefix(ev.ja, "開催") && (objKind == sidePerson || objKind == homeSide && (objTitle != "" || objPerson != nil)):
			// "to host Turkish President": a guest is received, not held.
			// A body of the home country ("to host COP29") is held.
			if ev.ja == "開催へ" {
				return head + obj + "と会談へ"
			}
			return head + obj + "と会談"
		case ev.ja == "開催" && (subjKind == sidePerson || subjKind == homeSide) && (strings.Contains(c.low, "summit") || strings.Contains(c.low, "meeting")):
			event = "主宰" // a leader hosting a summit presides over it
		case ev.ja == "可決" && !strings.Contains(c.low, "law") && !strings.Contains(c.low, "bill") && !strings.Contains(c.low, "budget") &&
			!strings.Contains(c.low, "amendment") && !strings.Contains(c.low, "code"):
			event = "採択"
		case strings.HasPrefix(ev.ja, "開催") && subjKind == sidePlace:
			// "Baku to host OSCE conference": the city is where it is
			// held, not who holds it: バクーで…会議開催へ.
			return subj + "で" + obj + ev.ja
		case ev.ja == "開会" && isPremises(c.object):
			event = "開設" // an embassy is opened, not a session
		case ev.ja == "開始" && hasWord(strings.ToLower(c.object), "satellite", "satellites", "rocket", "rockets"):
			event = "打ち上げ" // a satellite launched is no thing begun
		case ev.ja == "判決":
			// "Court sentences X to N years": Xに禁錮N年の判決.
			return head + obj + "に" + sentence(c)
		case ev.ja == "勾留延長" || ev.ja == "勾留決定":
			// A court's decision on a detention: the detained first, the
			// court unwritten (メイダン・テレビ記者らの勾留延長).
			return obj + ev.particle + ev.ja
		case ev.ja == "提出":
			// "presents report to Milli Majlis": 国会に年次報告書を提出.
			if i := strings.Index(c.object, " to "); i > 0 {
				what, _, _, _ := r.side(c.object[:i], "", nil)
				to, _, _, _ := r.side(c.object[i+4:], "", nil)
				if what != "" && to != "" {
					return head + to + "に" + what + "を提出"
				}
			}
		}
		if other != "" {
			// "Azerbaijani, Turkish special forces hold joint drills":
			// with the other side, トルコと合同演習を実施.
			return head + other + "と" + obj + ev.particle + event
		}
		switch {
		case place != "" && (event == "拘束" || event == "逮捕" || event == "摘発" || event == "押収"):
			obj = place + "で" + obj
		case place != "" && event == "開設":
			obj = place + "に" + obj // エチオピアに大使館を開設
		case place != "" && r.kindOf(c.place) != homeCountry:
			// "condemns terrorist attack in Pakistan": where it was is
			// part of what is acted on; the headline never loses it.
			obj = place + "での" + obj
		}
		if c.with != "" {
			// "ratifies agreement with Uzbekistan": ウズベキスタンとの協定.
			// A with that names no party ("exercises with 10,000
			// troops") is the body's.
			if k := r.kindOf(c.with); k == sideCountry || k == sidePerson || k == sideOrg || k == homeSide {
				w, _, _, _ := r.side(c.with, "", nil)
				obj = w + "との" + obj
			}
		}
		// "approves program on Great Return": what the document is about
		// is part of it; written when it can be, else the headline waits.
		if c.on != "" && objKind == sideThing && document(c.object) {
			if onKind := r.kindOf(c.on); onKind != homeCountry {
				topic := r.topic(c.on)
				if topic == "" {
					r.missing = append(r.missing, c.on)
				}
				obj = topic + "に関する" + obj
			}
		} else if c.on != "" && c.onWord == "on" && c.onNext && !isDate(c.on) && !(objKind == sideThing && document(c.object)) &&
			(targeted(c.object) || r.kindOf(c.on) != homeCountry) {
			// "condemns attack on Saudi Arabia": サウジアラビアへの攻撃;
			// "launch talks on new agreement": 協定に関する協議. What the
			// on names is never dropped: unwritten, the headline waits.
			topic := r.topic(c.on)
			switch {
			case topic == "":
				r.missing = append(r.missing, c.on)
			case targeted(c.object):
				obj = topic + "への" + obj
			default:
				obj = topic + "に関する" + obj
			}
		}
		return head + obj + ev.particle + c.reading + event
	case fUndergo:
		who := strings.TrimSuffix(head, "、")
		if who == "" {
			return ""
		}
		// Abroad, the desk's own people and missions are named as its own
		// and the place comes first: エカテリンブルクでアゼルバイジャン国民2名死亡.
		if k := r.kindOf(c.place); c.place != "" && (k == sidePlace || k == sideCountry) && r.isForeign(c.place) {
			sub := renderer{h: r.h, body: r.body, day: r.day, abroad: true}
			w, _, _, _ := sub.side(one, "", nil)
			r.unknown, r.missing = append(r.unknown, sub.unknown...), append(r.missing, sub.missing...)
			if w != "" && ev.ja != "判決" {
				if ev.ja == "死亡" || ev.ja == "負傷" {
					w = withCount(w)
				}
				return place + "で" + w + ev.ja
			}
		}
		named := subjKind == sidePerson || subjKind == homeSide
		mine := (ev.ja == "死亡" || ev.ja == "負傷") && hasWord(c.low, "mine", "mines", "landmine")
		switch {
		case ev.ja == "判決":
			return who + "に" + sentence(c)
		case ev.ja == "任命" || ev.ja == "解任":
			return who + "を" + ev.ja // 副検事総長を解任
		case named && (ev.ja == "拘束" || ev.ja == "逮捕"):
			return who + "を" + ev.ja // ケリムリ党首を拘束
		case named && ev.ja != "死亡" && ev.ja != "負傷":
			return who + "、" + ev.ja // タプディグ記者、自宅軟禁に移行
		case (ev.ja == "死亡" || ev.ja == "負傷") && place != "" && !mine:
			event := ev.ja
			if ev.ja == "死亡" && onDuty(c.low) {
				event = "殉職"
			}
			return place + "で" + withCount(who) + event // ケルベジェルで兵士1名殉職
		case ev.ja == "死亡" && onDuty(c.low) && !mine:
			return who + "殉職"
		case ev.ja == "任命" || ev.ja == "解任":
			return who + "を" + ev.ja
		case ev.ja == "身柄引き渡し":
			if from := fromCountry(r, c); from != "" {
				return who + "、" + from + "から身柄引き渡し"
			}
		case mine:
			// "Civilian injured in mine explosion in Aghdam": the place
			// and the blast first, the casualties after.
			where := ""
			if p := lastIn(c.english); p != "" {
				if pj, _, _, k := r.side(p, "", nil); k == sidePlace || len(hwords(p)) == 1 && unicode.IsUpper([]rune(p)[0]) {
					where = pj + "で" // a village the glossary lacks: by rule, and flagged
				}
			}
			event := ev.ja
			if ev.ja == "死亡" && onDuty(c.low) {
				event = "殉職"
			}
			return where + "地雷爆発、" + withCount(who) + event
		}
		if place != "" && r.kindOf(c.place) == sidePlace {
			return place + "で" + who + ev.ja // バクーで記者逮捕
		}
		return who + ev.ja
	case fHappen:
		what := strings.TrimSuffix(head, "、")
		if what == "" {
			return ""
		}
		event := ev.ja
		// Where it took place is part of the news ("Presidential
		// election held in Georgia" is no election at home); the home
		// country itself goes unwritten.
		where := ""
		if place != "" && r.kindOf(c.place) != homeCountry {
			where = place + "で"
			if event == "開設" {
				where = place + "に" // モンゴルに大使館開設
			}
		}
		if event == "開催" && (isExercise(one) || strings.Contains(strings.ToLower(one), "election")) {
			return where + what + "を実施"
		}
		if event == "開催" {
			return where + what + "を開催"
		}
		return where + what + event
	}
	return ""
}

// isPremises reports whether an object is a mission or an office, which is
// opened (開設), not opened as a session is (開会).
func isPremises(en string) bool {
	return hasWord(strings.ToLower(en), "embassy", "consulate", "office", "representation", "mission", "centre", "center", "branch")
}

// targeted reports whether an object is an act against what "on" names:
// an attack on, sanctions on (Xへの攻撃).
func targeted(en string) bool {
	ws := hwords(en)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1].low {
	case "attack", "attacks", "strike", "strikes", "assault", "sanctions", "restrictions", "pressure", "ban", "raid", "shelling":
		return true
	}
	return false
}

// isDate reports whether a phrase after "on" is a day ("on Monday", "on
// May 12"), which the headline leaves to the body.
func isDate(en string) bool {
	for _, w := range hwords(en) {
		switch w.low {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
			"may", "june", "july", "august", "september", "october", "november", "december", "weekend":
			return true
		}
	}
	return false
}

// document reports whether an object is a document a topic belongs to.
func document(en string) bool {
	low := strings.ToLower(en)
	for _, w := range []string{"program", "programme", "plan", "strategy", "concept", "resolution", "report", "statement", "law", "bill",
		"decree", "order", "declaration", "roadmap", "memorandum", "agreement"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// isForeign reports whether a place or country is known to be another
// country's. A place the glossary gives no country is not taken for
// abroad: "killed in Lachin" is no incident abroad.
func (r *renderer) isForeign(en string) bool {
	for _, m := range r.h.G.Find(en) {
		if c := m.Term.Country; c != "" {
			return !strings.EqualFold(c, r.h.Home)
		}
	}
	return false
}

// kindOf says what a phrase is, without keeping its rendering.
func (r *renderer) kindOf(en string) sideKind {
	sub := renderer{h: r.h, body: r.body, day: r.day}
	_, _, _, k := sub.side(en, "", nil)
	return k
}

// hasWord reports whether text has one of ws (folded) as a whole word.
func hasWord(text string, ws ...string) bool {
	for _, w := range hwords(text) {
		for _, x := range ws {
			if w.low == x {
				return true
			}
		}
	}
	return false
}

// sentence writes the sentence of a trial: 禁錮15年の判決, 終身刑の判決,
// with its charge first where it is one the desk names (国家反逆罪で).
func sentence(c clause) string {
	charge := ""
	// The first charge the headline names, in the order it names them.
	first := -1
	for _, ch := range charges {
		if i := strings.Index(strings.ToLower(c.reason+" "+c.english), ch.en); i >= 0 && (first < 0 || i < first) {
			first, charge = i, ch.ja+"で"
		}
	}
	low := strings.ToLower(c.object + " " + c.english)
	switch {
	case hasWord(low, "life") && !strings.Contains(low, "wildlife"):
		return charge + "終身刑の判決"
	case strings.Contains(low, "suspended"):
		return charge + "執行猶予付き判決"
	}
	if m := yearsPattern.FindStringSubmatch(low); m != nil {
		n := m[2]
		if v, ok := numberWords[n]; ok {
			n = v
		}
		most := ""
		if m[1] != "" {
			most = "最長"
		}
		return charge + most + "禁錮" + n + "年の判決"
	}
	if strings.Contains(low, "prison") || strings.Contains(low, "jail") {
		return charge + "実刑判決"
	}
	return charge + "判決"
}

// charges are the charges the desk names in a verdict's headline.
var charges = []struct{ en, ja string }{
	{"treason", "国家反逆罪"}, {"espionage", "スパイ罪"}, {"spying", "スパイ罪"}, {"smuggling", "密輸罪"}, {"fraud", "詐欺罪"},
	{"murder", "殺人罪"}, {"corruption", "汚職"}, {"terrorism", "テロ罪"}, {"bribery", "収賄罪"}, {"hooliganism", "フーリガン行為"},
}

var yearsPattern = regexp.MustCompile(`(up to )?\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)[ -]years?\b`)

func isExercise(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "exercise") || strings.Contains(low, "drill")
}

// lastIn is the phrase after a headline's last " in ": where it happened.
func lastIn(en string) string {
	if i := strings.LastIndex(en, " in "); i >= 0 {
		return strings.TrimSpace(en[i+4:])
	}
	return ""
}

// fromCountry is the country an extradition came from: "from Türkiye".
func fromCountry(r *renderer, c clause) string {
	if i := strings.Index(c.low, " from "); i >= 0 {
		rest := c.english[i+6:]
		if j := strings.IndexAny(rest, ",;"); j >= 0 {
			rest = rest[:j]
		}
		for _, w := range []string{" on ", " for ", " over ", " after "} {
			if j := strings.Index(strings.ToLower(rest), w); j >= 0 {
				rest = rest[:j]
			}
		}
		if ja, _, _, k := r.side(rest, "", nil); k == sideCountry || k == homeCountry {
			return ja
		}
	}
	return ""
}

// withCount writes how many were hurt: 住民1名 for "Civilian", 住民2名
// for "Two civilians" (already counted by the phrase).
func withCount(ja string) string {
	if strings.IndexFunc(ja, unicode.IsDigit) >= 0 {
		return ja
	}
	return ja + "1名"
}

// topic renders what a decree or law is about when every word of it can
// be written, or "".
func (r *renderer) topic(en string) string {
	if en == "" {
		return ""
	}
	sub := renderer{h: r.h, body: r.body, day: r.day}
	ja, _, _, _ := sub.side(en, "", nil)
	if ja == "" || len(sub.missing) > 0 || len(sub.unknown) > 0 {
		return ""
	}
	return ja
}

// finished reports whether ja is a headline lint would not call
// unfinished.
func finished(ja string) bool { return ja != "" && lint.Unfinished(ja, nil) == "" }
