package draft

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/lint"
)

// A headline is read as a frame: who (the subject, one or two sides), the
// event (a verb phrase of the English), and what the event takes (the
// object: the other side, the place visited, the thing signed), where,
// on what occasion, and why. Each kind of frame is written in the desk's
// own form.
type frame int

const (
	// fTalk: talks, meetings, calls, consultations between two sides:
	// A、Bと会談.
	fTalk frame = iota
	// fReceive: A receives B: Bと会談 for a person or a delegation, Bを
	// 受領 for a thing.
	fReceive
	// fVisit: Bを訪問, 公式訪問, 国賓訪問.
	fVisit
	// fArrive: Bに到着; an ambassador's arrival is 着任.
	fArrive
	// fAttend: attending, taking part, addressing: Bに出席.
	fAttend
	// fGreet: congratulations, condolences, letters: Bに祝賀メッセージ.
	fGreet
	// fSign: a decree, a law, an agreement signed: Xに署名.
	fSign
	// fAct: the subject acts on the object: A、Bを拘束.
	fAct
	// fUndergo: the subject undergoes the event: Xに実刑判決, X拘束.
	fUndergo
	// fHappen: the subject takes place: 合同演習開始.
	fHappen
)

// event is a verb phrase of an English headline and its Japanese event.
type event struct {
	words []string // folded words of the phrase
	ja    string
	frame frame
	// particle joins the object to the event ("と" talks, "を" an act, "に"
	// attending, "から" credentials received from someone).
	particle string
}

// events are the verb phrases the drafter reads, longest first: the first
// match at a word wins. A verb that only frames an event (hold, take
// part, pay) is never the event itself: "holds talks" is talks.
var events = func() []event {
	type d struct {
		phrases, ja string
		frame       frame
		particle    string
	}
	def := []d{
		// Talks and calls.
		{"holds phone call with|holds phone talk with|holds phone talks with|holds telephone conversation with|has phone conversation with|" +
			"has phone call with|holds phone conversation with|speaks by phone with|talks by phone with|held phone call with|" +
			"held telephone conversation with|held phone talks with|hold phone talks|hold phone conversation|hold telephone conversation|" +
			"hold phone call|phone call with|phone conversation with|phone talks with", "電話会談", fTalk, "と"},
		{"holds talks with|holds meeting with|held talks with|held meeting with|hold talks|hold meeting|holds talks|meets with|meets|met with|" +
			"met|meet|meet with|talks with|hold bilateral meeting|holds bilateral meeting with", "会談", fTalk, "と"},
		{"discusses|discuss|discussed|mull|mulls|explore|explores", "協議", fTalk, "と"},
		{"hold political consultations|holds political consultations with|hold consultations|holds consultations with", "政治協議", fTalk, "と"},
		{"agree on|agreed on|agree to|agrees to", "合意", fTalk, "と"},
		// Receptions and credentials.
		{"receives|received|receive", "会談", fReceive, "と"},
		{"receives credentials of|received credentials of|receives credentials from|accepts credentials of", "信任状を受理", fReceive, "から"},
		{"presents copy of credentials to|presented copy of credentials to|presents copies of credentials to", "信任状写しを提出", fGreet, "に"},
		{"presents credentials to|presented credentials to|presents letter of credence to", "信任状を捧呈", fGreet, "に"},
		// Visits and arrivals.
		{"pays official visit to|on official visit to|embarks on official visit to|begins official visit to", "公式訪問", fVisit, "を"},
		{"pays state visit to|on state visit to|begins state visit to", "国賓訪問", fVisit, "を"},
		{"pays working visit to|on working visit to|on visit to|pays visit to|visits|visited|visit|tours", "訪問", fVisit, "を"},
		{"to visit|will visit|to pay visit to|to pay official visit to", "訪問へ", fVisit, "を"},
		{"to meet|will meet|to hold talks with|will hold talks with|to meet with", "会談へ", fTalk, "と"},
		{"to hold phone talks with|will hold phone talks with", "電話会談へ", fTalk, "と"},
		{"arrives in|arrived in|arrive in|arrives at", "到着", fArrive, "に"},
		{"arrives to take up post|takes up post|assumes post|takes office", "着任", fArrive, ""},
		// Events attended.
		{"attends|attended|attend", "出席", fAttend, "に"},
		{"to attend|will attend", "出席へ", fAttend, "に"},
		{"takes part in|take part in|took part in|participates in|participate in|joins|join", "参加", fAttend, "に"},
		{"addresses|addressed|speaks at|delivers speech at|makes speech at", "演説", fAttend, "で"},
		{"chairs|chaired|presides over", "主宰", fAct, "を"},
		{"hosts|hosted|host", "開催", fAct, "を"},
		{"to host|will host", "開催へ", fAct, "を"},
		// Greetings and letters.
		{"congratulates|congratulate|congratulated|sends congratulatory letter to|sends congratulations to|sends congratulatory message to|" +
			"extends congratulations to", "祝賀メッセージ", fGreet, "に"},
		{"offers condolences to|expresses condolences to|sends condolences to|extends condolences to|sends condolence letter to|" +
			"offers condolences over|expresses condolences over", "弔意", fGreet, "に"},
		{"sends letter to|sends message to|writes to|addresses letter to", "書簡", fGreet, "に"},
		// Decrees, laws and agreements.
		{"signs decree|signed decree|signs order|signed order|signs executive order", "大統領令に署名", fSign, ""},
		{"signs law|signed law|signs laws|approves law", "法律に署名", fSign, ""},
		{"signs pardon decree|signed pardon decree|signs pardon order|pardons", "恩赦令に署名", fSign, ""},
		{"signs|sign|signed|ink|inks|inked", "署名", fSign, "に"},
		// Appointments.
		{"appoints|appointed as|names", "任命", fAct, "を"},
		{"dismisses|sacks|fires|relieves", "解任", fAct, "を"},
		{"appointed|named", "任命", fUndergo, ""},
		{"dismissed|relieved of|sacked|relieved of duties", "解任", fUndergo, ""},
		// Parliament and government.
		{"passes|pass|passed", "可決", fAct, "を"},
		{"adopts|adopt", "可決", fAct, "を"},
		{"approves|approve|endorses", "承認", fAct, "を"},
		{"amends|amend", "改正", fAct, "を"},
		{"ratifies|ratify|ratified", "批准", fAct, "を"},
		{"submits|submitted|presents|presented", "提出", fAct, "を"},
		{"nominates|nominate", "擁立", fAct, "を"},
		{"re-elects|reelects", "再選", fAct, "を"},
		{"elects|elect", "選出", fAct, "を"},
		// Statements.
		{"condemns|condemn|slams|slam|denounces|denounce|blasts", "非難", fAct, "を"},
		{"criticises|criticizes|criticise|criticize|criticised|criticized", "批判", fAct, "を"},
		{"rejects|reject|dismisses claims|refutes", "拒否", fAct, "を"},
		{"calls for|demands|demand|urges|urge", "要求", fAct, "を"},
		{"calls on", "呼びかけ", fAct, "に"},
		{"summons|summoned", "呼び出し", fAct, "を"},
		{"protests|protest", "抗議", fAct, "に"},
		// Security and the courts.
		{"opened fire on|open fire on|opens fire on|fired on|fire on|shelled|shell", "発砲", fAct, "に"},
		{"detains|detain|detained by", "拘束", fAct, "を"},
		{"arrests|arrest", "逮捕", fAct, "を"},
		{"break up|breaks up|busts|neutralises|neutralizes|neutralise|dismantles", "摘発", fAct, "を"},
		{"seizes|seize|seized|confiscates", "押収", fAct, "を"},
		{"prevents|thwarts|foils|prevent", "阻止", fAct, "を"},
		{"extends detention of|extend detention of|extends pre-trial detention of|prolongs detention of", "勾留延長", fAct, "の"},
		{"remands|remand", "勾留決定", fAct, "に"},
		{"upholds|uphold", "支持", fAct, "を"},
		{"sentences|sentence|jails", "判決", fAct, "に"},
		{"sentenced to|jailed for|sentenced|jailed", "判決", fUndergo, ""},
		{"detained|held in custody|held in pre-trial detention", "拘束", fUndergo, ""},
		{"arrested", "逮捕", fUndergo, ""},
		{"extradited", "身柄引き渡し", fUndergo, ""},
		{"placed under house arrest|put under house arrest", "自宅軟禁に", fUndergo, ""},
		{"transferred to house arrest|moved to house arrest", "自宅軟禁に移行", fUndergo, ""},
		{"released|freed", "釈放", fUndergo, ""},
		{"pardoned", "恩赦", fUndergo, ""},
		{"acquitted", "無罪判決", fUndergo, ""},
		{"remanded|remanded in custody", "勾留決定", fUndergo, ""},
		{"deported|expelled", "国外退去", fUndergo, ""},
		{"killed|dies|died|dead|killed in action|loses life", "死亡", fUndergo, ""},
		{"found dead", "遺体で発見", fUndergo, ""},
		{"wounded|injured|maimed|hurt", "負傷", fUndergo, ""},
		{"attacked|assaulted|stormed|vandalised|vandalized", "襲撃", fUndergo, ""},
		{"evacuated", "避難", fUndergo, ""},
		{"evacuates|evacuate", "退避", fAct, "を"},
		// Things that begin, end and take place.
		{"launches|launch", "開始", fAct, "を"},
		{"begins|begin|began|kick off|kicks off|starts|start|started|get under way|gets under way|commence|commences", "開始", fHappen, ""},
		{"opens|open", "開会", fAct, "を"},
		{"closes|close", "閉会", fAct, "を"},
		{"ends|end|ended|concludes|conclude|concluded", "終了", fHappen, ""},
		{"held|takes place|take place|took place", "開催", fHappen, ""},
		{"holds|hold|conducts|conduct|stages|stage", "実施", fAct, "を"},
		{"to hold|will hold|to conduct", "実施へ", fAct, "を"},
		{"postponed|postpones|postpone", "延期", fHappen, ""},
		{"adopted|passed|approved", "可決", fHappen, ""},
		{"launched", "開始", fHappen, ""},
		{"opened", "開設", fHappen, ""},
		{"blocks|block|bans|ban|restricts", "遮断", fAct, "を"},
		{"cancels|cancel|cancelled|canceled", "中止", fAct, "を"},
		{"commemorates|commemorate|honours|honors|mourns", "追悼", fAct, "を"},
		{"views|inspects|reviews", "視察", fAct, "を"},
		{"allows|permits", "許可", fAct, "を"},
		{"tightens|toughens", "強化", fAct, "を"},
		{"extends|extend", "延長", fAct, "を"},
	}
	var out []event
	for _, e := range def {
		for _, p := range strings.Split(e.phrases, "|") {
			out = append(out, event{words: strings.Fields(p), ja: e.ja, frame: e.frame, particle: e.particle})
		}
	}
	// Longest phrase first.
	slices.SortStableFunc(out, func(a, b event) int { return len(b.words) - len(a.words) })
	return out
}()

// findEvent finds the headline's event: the first word that starts one of
// the phrases (longest first). A verb at the very start is no verb of a
// subject.
func findEvent(ws []hword) (int, event) {
	for i := 1; i < len(ws); i++ {
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
			if ok {
				return i, ev
			}
		}
	}
	return -1, event{}
}

// clause is a headline read as a frame.
type clause struct {
	ev      event
	sides   []string // the subject: one side, or two ("Aliyev, Meloni hold talks")
	subject string   // the subject whole, for a frame of one side
	object  string
	place   string // "in Ankara"
	on      string // "on Independence Day", "on 2026 state budget"
	onWord  string // the word before on: "on", "ahead" or "during"
	onNext  bool   // the on phrase comes right after the object: its own
	reason  string // "for treason", "over earthquake"
	with    string // "with Japan", after the object
	by      string // "led by US Senator", "recruited by Iranian intelligence"
	reading string // 第三読会で, of "in third reading"
	english string
	low     string
}

// objectEnd are the words that end an object: where, when, why and with
// whom come after it.
var objectEnd = map[string]bool{"in": true, "on": true, "at": true, "during": true, "amid": true, "over": true, "for": true,
	"as": true, "after": true, "ahead": true, "following": true, "with": true, "within": true, "via": true, "despite": true, "under": true,
	"by": true, "today": true, "tomorrow": true, "yesterday": true}

// read splits a headline at its event into a clause.
func read(en string, ws []hword, vi int, ev event) clause {
	c := clause{ev: ev, english: en, low: strings.ToLower(en)}
	subj := strings.TrimSpace(en[:ws[vi].start])
	// "Azerbaijani embassy in Tehran attacked": where is in the subject.
	if i := strings.LastIndex(subj, " in "); i > 0 {
		subj, c.place = subj[:i], strings.TrimSpace(subj[i+4:])
	}
	c.sides, c.subject = splitSides(subj), subj
	after := ws[vi+len(ev.words):]
	objEnd := len(en)
	var rest []hword
	for k, w := range after {
		// A comma or a dash ends the object: "break up group, seize 62
		// kilograms"; "meets Turkish counterpart - PHOTO".
		if k > 0 && strings.ContainsAny(en[after[k-1].end:w.start], ",–—") {
			objEnd = after[k-1].end
			break
		}
		// "in", "on", "for" … end the object ("hold talks in Baku" has
		// none); "to" ends a sentence's patient ("sentences X to 9 years").
		if objectEnd[w.low] || w.low == "to" && ev.ja == "判決" && ev.frame == fAct {
			objEnd = w.start
			rest = after[k:]
			if w.low == "to" {
				rest = nil
			}
			break
		}
	}
	if len(after) > 0 && after[0].start < objEnd {
		c.object = strings.TrimSpace(en[after[0].start:objEnd])
		// "relieves Zakir Hasanov of his post": the post is the event's.
		for _, tail := range []string{" of his post", " of her post", " of his duties", " of her duties", " of duties", " of post"} {
			c.object = strings.TrimSuffix(c.object, tail)
		}
	}
	// The phrases after the object, each to the next one or a comma.
	for k := 0; k < len(rest); {
		w := rest[k]
		end := len(en)
		next := len(rest)
		for j := k + 1; j < len(rest); j++ {
			if strings.ContainsAny(en[rest[j-1].end:rest[j].start], ",–—") {
				end, next = rest[j-1].end, len(rest)
				break
			}
			if objectEnd[rest[j].low] {
				end, next = rest[j].start, j
				break
			}
		}
		if k+1 >= len(rest) || rest[k+1].start > end {
			k = next
			continue
		}
		phrase := strings.TrimSpace(en[rest[k+1].start:end])
		if w.low == "ahead" && rest[k+1].low == "of" && k+2 < len(rest) {
			phrase = strings.TrimSpace(en[rest[k+2].start:end])
		}
		switch w.low {
		case "in", "at":
			if r := readingJA(phrase); r != "" {
				c.reading = r
			} else if c.place == "" {
				c.place = phrase
			}
		case "by":
			if c.by == "" {
				c.by = phrase
			}
		case "on", "ahead", "during":
			if c.on == "" {
				c.on, c.onWord, c.onNext = phrase, w.low, k == 0
			}
		case "for", "over", "amid", "after", "following":
			if c.reason == "" {
				c.reason = phrase
			}
		case "with":
			if c.with == "" {
				c.with = phrase
			}
		}
		k = next
	}
	return c
}

// readingJA is a parliament's reading as the desk writes it ("third
// reading" → 第三読会で), or "".
func readingJA(phrase string) string {
	low := strings.ToLower(phrase)
	for en, ja := range map[string]string{"first reading": "第一読会で", "second reading": "第二読会で", "third reading": "第三読会で",
		"final reading": "最終読会で"} {
		if strings.HasSuffix(low, en) {
			return ja
		}
	}
	return ""
}

// splitSides splits a subject of two sides: "Azerbaijani FM, Iranian
// counterpart", "Ilham Aliyev and Vladimir Putin", and "Azerbaijani,
// Uzbek presidents", whose title is shared: Azerbaijani President, Uzbek
// President.
func splitSides(subj string) []string {
	var parts []string
	for _, p := range strings.Split(subj, ", ") {
		for _, q := range strings.Split(p, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				parts = append(parts, q)
			}
		}
	}
	if len(parts) != 2 {
		return []string{subj}
	}
	// A shared plural title: the last side names it for both.
	last := strings.Fields(parts[1])
	if len(strings.Fields(parts[0])) == 1 && len(last) >= 2 {
		title := last[1:]
		if t := title[len(title)-1]; pluralTitles[strings.ToLower(t)] {
			title[len(title)-1] = strings.TrimSuffix(t, "s")
			parts = []string{parts[0] + " " + strings.Join(title, " "), last[0] + " " + strings.Join(title, " ")}
		}
	}
	return parts
}

// pluralTitles are the offices two sides share in a plural: "Azerbaijani,
// Uzbek presidents".
var pluralTitles = map[string]bool{"presidents": true, "ministers": true, "fms": true, "pms": true, "speakers": true, "chiefs": true,
	"heads": true, "leaders": true, "ambassadors": true, "envoys": true, "mps": true, "premiers": true}

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
			if topic := r.topic(cmpOr(c.on, c.object)); topic != "" {
				return head + other + "と" + topic + "で合意"
			}
			r.missing = append(r.missing, cmpOr(c.on, c.object))
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
			if dest := cmpOr(obj, place); dest != "" {
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
		occ := occasionJA(cmpOr(c.on, c.reason))
		target := obj
		if objKind == homeCountry || objKind == homeSide && subjKind != homeSide {
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

// isHome reports whether a place or country is the desk's own country's.
func (r *renderer) isHome(en string) bool {
	for _, m := range r.h.G.Find(en) {
		if c := m.Term.Country; c != "" {
			return strings.EqualFold(c, r.h.Home)
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

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// finished reports whether ja is a headline lint would not call
// unfinished.
func finished(ja string) bool { return ja != "" && lint.Unfinished(ja, nil) == "" }

// hword is a word of a headline with where it stands.
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
