package draft

import "strings"

// The words of English headlines the drafter knows without the glossary:
// numbers, the nouns of the news with their Japanese, the words a headline
// may leave out, and the capitalised words that name nobody. A word of a
// headline that is none of these, no glossary term and no name is missing:
// the headline is then not drafted, rather than drafted without it.

var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "hundred": "100"}

// people are the nouns that count people (名); other counts are of things (件).
var people = map[string]bool{"journalists": true, "activists": true, "soldiers": true, "servicemen": true, "people": true, "residents": true,
	"suspects": true, "citizens": true, "officers": true, "officials": true, "members": true, "persons": true, "men": true, "women": true,
	"mps": true, "deputies": true, "defendants": true, "employees": true, "civilians": true, "workers": true, "civilian": true, "soldier": true,
	"serviceman": true, "journalist": true, "man": true, "woman": true, "prisoners": true, "judges": true, "deminers": true, "deminer": true,
	"conscript": true, "conscripts": true, "migrants": true, "nationals": true, "staff": true, "dealers": true, "smugglers": true, "pilots": true,
	"spies": true, "protesters": true, "drivers": true, "diplomats": true, "hostages": true, "peacekeepers": true}

// nouns are the common words of headlines with their Japanese, for the
// phrases the glossary does not name. An empty Japanese is a word the
// headline keeps only in English ("draft" of "draft law": the desk writes
// 法案).
var nouns = map[string]string{
	"government": "政府", "delegation": "代表団", "parliamentary": "議会", "parliament": "国会", "journalist": "記者", "journalists": "記者",
	"independent": "独立系", "activist": "活動家", "activists": "活動家", "opposition": "野党", "soldier": "兵士", "soldiers": "兵士",
	"serviceman": "軍人", "servicemen": "軍人", "residents": "住民", "resident": "住民", "police": "警察", "suspects": "容疑者", "suspect": "容疑者",
	"state": "国家", "budget": "予算案", "draft": "", "law": "法", "laws": "法", "bill": "法案", "decree": "大統領令", "agreement": "協定",
	"memorandum": "覚書", "resolution": "決議", "protocol": "議定書", "exercises": "演習", "drills": "演習", "exercise": "演習",
	"joint": "合同", "military": "軍事", "election": "選挙", "elections": "選挙", "presidential": "大統領", "municipal": "地方議会",
	"peace": "和平", "treaty": "条約", "talks": "協議", "border": "国境", "commission": "委員会", "mine": "地雷", "explosion": "爆発",
	"court": "裁判所", "trial": "公判", "embassy": "大使館", "consulate": "総領事館", "ministry": "省", "minister": "大臣",
	"cooperation": "協力", "forum": "フォーラム", "summit": "首脳会議", "conference": "会議", "session": "会期", "meeting": "会議",
	"army": "軍", "armed": "", "forces": "軍", "troops": "部隊", "drone": "無人機", "drones": "無人機", "object": "物体", "suspicious": "不審",
	"heads": "首脳", "consultative": "協議", "leaders": "首脳", "countries": "諸国", "states": "諸国",
	"terror": "テロ", "terrorist": "テロ", "attack": "攻撃", "prison": "刑務所", "constitution": "憲法", "amendments": "改正案", "amendment": "改正案",
	"tactical": "戦術", "group": "グループ", "drug-smuggling": "麻薬密輸", "smuggling": "密輸", "drug": "麻薬", "drugs": "麻薬", "newly": "", "appointed": "新任", "incoming": "新任", "outgoing": "離任",
	"ambassadors": "大使", "ambassador": "大使", "bilateral": "二国間", "agenda": "議題", "relations": "関係", "ties": "関係",
	"delimitation": "画定", "commissions": "委員会", "regular": "定例", "deminer": "地雷除去作業員", "deminers": "地雷除去作業員", "ordnance": "不発弾",
	"strategic": "戦略的", "partnership": "パートナーシップ", "energy": "エネルギー", "transport": "運輸", "trade": "貿易",
	"investment": "投資", "security": "安全保障", "defense": "国防", "defence": "国防", "industry": "産業", "humanitarian": "人道",
	// People and their roles.
	"civilian": "住民", "civilians": "住民", "man": "男", "men": "男", "woman": "女性", "women": "女性", "citizen": "国民", "citizens": "国民",
	"national": "国民", "nationals": "国民", "researcher": "研究者", "scholar": "研究者", "conscript": "兵士", "conscripts": "兵士",
	"officer": "将校", "officers": "将校", "official": "当局者", "officials": "当局者", "plus": "プラス", "grave": "墓所", "prisoners": "受刑者", "prisoner": "受刑者",
	"judges": "裁判官", "judge": "裁判官", "staff": "関係者", "founder": "創設者", "editor": "編集長", "director": "局長",
	"dealers": "密売人", "smugglers": "密輸業者", "migrants": "移民", "pilots": "操縦士", "observers": "監視団", "observer": "監視団",
	"candidates": "候補者", "candidate": "候補者", "members": "メンバー", "member": "メンバー", "deputies": "議員", "mps": "議員", "mp": "議員",
	"politician": "政治家", "leader": "指導者", "chairman": "議長", "spokesman": "報道官", "spokesperson": "報道官", "spokeswoman": "報道官",
	"defendants": "被告", "victims": "犠牲者", "families": "家族", "refugees": "難民", "idps": "国内避難民", "former": "元", "ex": "元",
	// Bodies.
	"cabinet": "内閣", "council": "評議会", "committee": "委員会", "agency": "庁", "office": "事務所", "party": "党",
	"parties": "政党", "navy": "海軍", "air": "空", "force": "軍", "guards": "警備隊", "guard": "警備兵", "unit": "部隊", "units": "部隊",
	"special": "特殊", "crime": "犯罪", "organised": "組織", "organized": "組織", "criminal": "刑事", "code": "法典", "electoral": "選挙",
	"supreme": "最高", "constitutional": "憲法", "appeals": "控訴", "prosecutor": "検察", "prosecutor's": "検察", "media": "メディア",
	"tv": "テレビ", "channel": "チャンネル", "channels": "チャンネル", "outlet": "メディア", "outlets": "メディア", "website": "サイト", "websites": "サイト",
	"news": "ニュース", "ngos": "NGO", "ngo": "NGO", "union": "連合", "trade-union": "労働組合", "headquarters": "本部", "hq": "本部",
	"executive": "行政府", "power": "", "city": "市", "district": "地区", "region": "地域", "village": "村", "capital": "首都",
	// Matters.
	"cybercrime": "サイバー犯罪", "espionage": "スパイ", "spying": "スパイ", "treason": "国家反逆罪", "corruption": "汚職", "bribery": "収賄",
	"fraud": "詐欺", "murder": "殺人", "smuggled": "密輸", "weapons": "武器", "ammunition": "弾薬", "heroin": "ヘロイン", "grain": "穀物",
	"transit": "通過輸送", "census": "国勢調査", "population": "人口", "call-up": "召集", "service's": "", "socio-economic": "社会経済",
	"development": "発展", "results": "結果", "preliminary": "暫定", "turnout": "投票率", "vote": "投票", "voting": "投票", "referendum": "国民投票",
	"by-elections": "補欠選挙", "by-election": "補欠選挙", "rally": "集会", "protest": "抗議", "protests": "抗議", "demonstration": "デモ",
	"immunity": "不逮捕特権", "detention": "勾留", "sentence": "刑", "verdict": "判決", "appeal": "控訴", "charges": "容疑", "case": "事件",
	"investigation": "捜査", "release": "釈放", "pardon": "恩赦", "statement": "声明", "report": "報告書", "declaration": "宣言",
	"program": "計画", "programme": "計画", "plan": "計画", "strategy": "戦略", "calendar": "日程", "schedule": "日程", "calls": "呼びかけ",
	"visit": "訪問", "reception": "レセプション", "ceremony": "式典", "opening": "開所式", "anniversary": "周年", "day": "日",
	"consultations": "協議", "political": "政治", "economic": "経済", "education": "教育", "science": "科学", "health": "保健",
	"culture": "文化", "cultural": "文化", "events": "行事", "event": "行事", "youth": "青年", "human": "", "rights": "人権",
	"water": "水", "shortages": "不足", "land": "土地", "farmland": "農地", "mines": "地雷", "landmine": "地雷", "blast": "爆発",
	"fire": "発砲", "ceasefire": "停戦", "shelling": "砲撃", "positions": "陣地", "direction": "方面", "accident": "事故", "vehicle": "車両",
	"earthquake": "地震", "flood": "洪水", "floods": "洪水", "disaster": "災害", "emergency": "非常事態", "evacuation": "避難",
	"fighter": "戦闘機", "jets": "", "aircraft": "航空機", "helicopter": "ヘリコプター", "batch": "", "navy's": "海軍",
	"operational-tactical": "作戦戦術", "large-scale": "大規模", "command-staff": "指揮幕僚", "live-fire": "実弾", "combat": "戦闘",
	"nuclear": "核", "missile": "ミサイル", "missiles": "ミサイル", "sanctions": "制裁", "visa": "ビザ", "gas": "ガス", "oil": "石油",
	"pipeline": "パイプライン", "corridor": "回廊", "railway": "鉄道", "road": "道路", "airport": "空港", "port": "港",
	"sovereignty": "主権", "independence": "独立", "victory": "戦勝", "republic": "共和国", "salvation": "救国", "solidarity": "連帯",
	"martyrs": "殉教者", "tragedy": "悲劇", "genocide": "ジェノサイド", "memory": "追悼", "commemoration": "追悼",
	"first": "第一", "second": "第二", "third": "第三", "reading": "読会", "spring": "春季", "autumn": "秋季", "annual": "年次",
	"next": "次回", "regular-meeting": "定例会合", "high-level": "ハイレベル", "working": "作業", "trilateral": "3か国", "multilateral": "多国間",
	"top": "最高", "judicial": "司法", "legal": "法務", "interstate": "国家間", "economy": "経済", "ecology": "環境", "natural": "天然", "resources": "資源", "finance": "財務", "justice": "法務", "labour": "労働",
	"agriculture": "農業", "digital": "デジタル", "suspected": "", "alleged": "", "active": "", "access": "アクセス",
	"international": "国際", "regional": "地域", "global": "世界", "foreign": "外国", "foreign-funded": "外国資金による",
	// Events, things and people of the week's news the table lacked.
	"parade": "パレード", "hospital": "病院", "equipment": "装備", "spy": "スパイ", "spies": "スパイ", "protesters": "抗議参加者",
	"dialogue": "対話", "document": "文書", "documents": "文書", "satellite": "衛星", "diplomat": "外交官", "diplomats": "外交官",
	"apology": "謝罪", "driver": "運転手", "drivers": "運転手", "truck": "トラック", "flight": "飛行", "operational": "作戦",
	"informal": "非公式", "plenary": "本会議", "first-half": "上半期", "peacekeepers": "平和維持部隊", "aid": "支援", "funds": "資金",
	"ministerial": "閣僚", "extraordinary": "臨時", "facilities": "施設", "facility": "施設", "school": "学校", "monument": "記念碑",
	"memorial": "記念碑", "complex": "施設", "hostages": "人質", "refugee": "難民", "hearing": "公判", "hearings": "公判",
}

// compounds are pairs of words whose Japanese is not the two words'.
var compounds = map[string]string{"political parties": "政党", "political party": "政党", "political prisoners": "政治犯",
	"state budget": "国家予算案", "armed forces": "軍", "air force": "空軍", "special forces": "特殊部隊", "joint declaration": "共同宣言",
	"joint statement": "共同声明", "organised crime": "組織犯罪", "organized crime": "組織犯罪", "house arrest": "自宅軟禁",
	"trade union": "労働組合", "human rights": "人権", "criminal code": "刑法", "electoral code": "選挙法典", "military unit": "部隊",
	"interstate council": "国家間評議会", "press service": "報道部", "law enforcement": "法執行機関", "security council": "安全保障会議",
	"general staff": "参謀本部", "military service": "兵役", "national leader": "国父", "peace treaty": "平和条約", "peace agreement": "和平合意",
	"border guards": "国境警備隊", "border guard": "国境警備兵", "official meeting": "会議", "official reception": "公式レセプション",
	"official ceremony": "式典", "official visit": "公式訪問", "prison terms": "実刑", "prison term": "実刑", "news websites": "ニュースサイト",
	"cabinet meeting": "閣議", "victory day": "戦勝記念日", "ministerial council": "閣僚理事会", "plenary session": "本会議",
	"military parade": "軍事パレード", "military hospital": "軍病院", "military equipment": "軍装備", "peace process": "和平プロセス",
	"truck drivers": "トラック運転手", "humanitarian aid": "人道支援", "extraordinary session": "臨時会期"}

// fillers are the words a Japanese headline leaves out without loss.
var fillers = map[string]bool{"the": true, "a": true, "an": true, "new": true, "its": true, "his": true, "her": true, "their": true,
	"several": true, "some": true, "more": true, "another": true, "of": true, "to": true, "by": true, "from": true, "into": true,
	"with": true, "also": true, "other": true, "this": true, "that": true, "these": true, "those": true, "own": true, "up": true,
	"about": true, "out": true, "own's": true, "next-generation": true, "s": true, "'s": true, "led": true}

// nameLike reports whether a capitalised word of a headline may be a name:
// headlines capitalise common words too ("Consultative Meeting of Heads
// of State"), which by rule would become katakana nonsense. A word with
// the ending of an English common word, or one of the words headlines
// capitalise most, is taken for no name.
func nameLike(low string) bool {
	if commonCaps[low] || len(low) < 2 {
		return false
	}
	if _, ok := nouns[low]; ok {
		return false
	}
	for _, suf := range []string{"tive", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ing", "ship", "ical", "ary",
		"ory", "ous", "ful", "less", "ism", "ist", "ize", "ise", "ated", "ates", "ions", "ments", "ries", "ers", "ral", "nal"} {
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
		department house senate government cabinet administration commission delegation embassy ambassador
		emperor king queen pope crown prince plenipotentiary extraordinary`) {
		m[w] = true
	}
	return m
}()

var ranks = map[string]bool{"colonel": true, "general": true, "lieutenant": true, "major": true, "captain": true, "admiral": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "professor": true, "ambassador": true, "extraordinary": true, "plenipotentiary": true,
	"and": true, "his": true, "her": true, "excellency": true, "rear": true, "vice": true, "brigadier": true}
