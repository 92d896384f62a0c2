package draft

import (
	"slices"
	"strings"
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
