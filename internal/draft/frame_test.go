package draft

import (
	"slices"
	"strings"
	"testing"

	"shuho/internal/lint"
)

// TestEventFrames drafts each kind of event the desk reports in its own
// form, from headlines in the shapes of the outlets' own: two sides named
// by name or by office only, a side named from the office holder on the
// article's day, events framed by a verb that is no event (hold, pay,
// take part), and words never run together.
func TestEventFrames(t *testing.T) {
	h := &Headliner{G: azGlossary(t), Home: "AZ"}
	tests := []struct{ kind, en, body, day, want string }{
		// Talks, meetings and calls.
		{"talks", "Ilham Aliyev, Giorgia Meloni hold talks in Baku", "", "2025-09-10", "アリエフ大統領、メローニ伊首相と会談"},
		{"talks", "Ilham Aliyev and Vladimir Putin meet in Dushanbe", "", "2025-10-09", "アリエフ大統領、プーチン露大統領と会談"},
		{"talks", "Jeyhun Bayramov, Sergey Lavrov hold phone talks", "", "2025-07-01", "バイラモフ外相、ラヴロフ露外相と電話会談"},
		{"talks by office", "Azerbaijani, Uzbek presidents hold talks in Tashkent", "", "2025-08-20", "アリエフ大統領、ミルジヨーエフ・ウズベキスタン大統領と会談"},
		{"talks by office", "Azerbaijani FM, Iranian counterpart discuss bilateral agenda over phone", "", "2025-05-05", "バイラモフ外相、アラグチ・イラン外相と電話会談"},
		{"talks by office", "Azerbaijani, Armenian FMs meet in Abu Dhabi", "", "2025-07-10", "バイラモフ外相、ミルゾヤン・アルメニア外相と会談"},
		{"receives", "President Ilham Aliyev receives Iranian Foreign Minister", "", "2025-03-01", "アリエフ大統領、アラグチ・イラン外相と会談"},
		{"receives", "Zakir Hasanov receives Chinese military delegation", "", "", "ハサノフ国防相、中国軍事代表団と会談"},
		{"head of state by country", "President Ilham Aliyev meets Chinese President Xi Jinping", "", "", "アリエフ大統領、習近平中国国家主席と会談"},
		{"countries", "Azerbaijan, Hungary hold political consultations", "", "", "ハンガリーと政治協議"},
		// Visits and events attended.
		{"visit", "Ilham Aliyev on state visit to Turkmenistan", "", "", "アリエフ大統領、トルクメニスタンを国賓訪問"},
		{"visit", "Pakistani PM Shehbaz Sharif arrives in Baku on official visit", "", "", "シャリフ・パキスタン首相、バクーを訪問"},
		{"visit", "Kallas visits Baku as EU and Azerbaijan restart talks on new agreement", "", "", "カラス上級代表、バクーを訪問"},
		{"attend", "President Ilham Aliyev attends European Political Community summit in Tirana", "", "", "アリエフ大統領、ティラナでの欧州政治共同体首脳会議に出席"},
		// Letters, congratulations, condolences.
		{"letter", "Ilham Aliyev sends condolences to Kassym-Jomart Tokayev", "", "", "アリエフ大統領、トカエフ・カザフスタン大統領に弔意"},
		{"letter", "Erdogan congratulates Azerbaijan on Victory Day", "", "", "エルドアン・トルコ大統領、戦勝記念日に際し祝賀メッセージ"},
		// Appointments, dismissals, ambassadors.
		{"appointment", "Ilham Aliyev appoints new Deputy Minister of Economy", "", "", "アリエフ大統領、経済次官を任命"},
		{"appointment", "New Azerbaijani ambassador to Georgia arrives in Tbilisi", "", "", "新任の駐ジョージア大使、トビリシに着任"},
		{"credentials", "New Georgian ambassador presents copy of credentials to FM Bayramov", "", "", "新任の駐アゼルバイジャン・ジョージア大使、バイラモフ外相に信任状写しを提出"},
		// Decrees and laws.
		{"decree", "President Ilham Aliyev signs order on call-up for active military service", "", "", "アリエフ大統領、兵役の召集に関する大統領令に署名"},
		{"law", "Milli Majlis adopts amendments to Electoral Code", "", "", "国会、選挙法典改正案を可決"},
		// Trials, verdicts, arrests.
		{"verdict", "Researcher Bahruz Samadov sentenced to 15 years for treason", "", "", "研究者サマドフ氏に国家反逆罪で禁錮15年の判決"},
		{"verdict", "Azerbaijan sentences Abzas Media journalists to up to nine years in prison", "", "", "アブザス・メディア記者に最長禁錮9年の判決"},
		{"arrest", "SSS detains Azerbaijani citizen recruited by Iranian intelligence", "", "", ""},
		{"arrest", "Police detain 11 suspected drug dealers in Baku", "", "", "警察、バクーで麻薬密売人11名を拘束"},
		{"house arrest", "Journalist Aytaj Tapdig transferred to house arrest", "", "", "タプディグ記者、自宅軟禁に移行"},
		{"extradition", "Ex-police officer extradited from Türkiye on corruption charges", "", "", "元警察将校、トルコから身柄引き渡し"},
		// Deaths and injuries.
		{"incident", "Civilian injured in mine explosion in Aghdam", "A civilian was injured", "", "アグダムで地雷爆発、住民1名負傷"},
		{"on duty", "Azerbaijani serviceman killed by sniper fire", "", "", "軍人殉職"},
		{"on duty, where", "Azerbaijani soldier killed in Kalbajar", "", "", "ケルベジェルで兵士1名殉職"}, // Kalbajar as the foreign ministry writes it
		// Incidents abroad touching the country: its people and missions
		// named as its own, the place first.
		{"abroad", "Azerbaijani embassy in Tehran attacked", "", "", "テヘランでアゼルバイジャン大使館襲撃"},
		{"abroad", "Two Azerbaijani citizens killed in Yekaterinburg", "", "", "エカテリンブルグでアゼルバイジャン国民2名死亡"},
		{"abroad", "Azerbaijani citizens detained in Russia", "", "", "ロシアでアゼルバイジャン国民拘束"},
		// Exercises.
		{"exercise", "Azerbaijani Army launches large-scale operational-tactical exercises", "", "", "アゼルバイジャン軍、大規模作戦戦術演習を開始"},
		// Statements.
		{"statement", "Milli Majlis slams European Parliament resolution on Azerbaijan", "", "", "国会、欧州議会決議を非難"},
		// Elections.
		{"election", "Municipal elections held amid low turnout", "", "", "地方議会選挙を実施"},
		// Agreements.
		{"agreement", "Azerbaijan, Türkiye sign protocol on military education", "", "", "トルコと軍事教育議定書に署名"},
		{"dismissal", "Deputy Prosecutor General dismissed", "", "", "副検事総長を解任"},
		{"appointment", "Ilham Aliyev appoints new head of Shamkir district executive power", "", "", "アリエフ大統領、シャムキル地区行政府長を任命"},
		{"the desk's own", "Azerbaijan's parliament amends law on military service", "", "", "国会、兵役に関する法を改正"},
		{"from", "Azerbaijani Air Force receives new batch of fighter jets from Pakistan", "", "", "空軍、パキスタンからの戦闘機を受領"},
		{"access to", "Azerbaijan blocks access to more independent news websites", "", "", "独立系ニュースサイトへのアクセスを遮断"},
		// Shapes that once gave a false headline.
		{"dismissal", "Ilham Aliyev relieves Zakir Hasanov of his post", "", "2025-01-01", "アリエフ大統領、ハサノフ国防相を解任"},
		{"a guest hosted", "Ilham Aliyev to host Turkish President", "", "2025-01-01", "アリエフ大統領、エルドアン・トルコ大統領と会談へ"},
		{"reading", "Parliament passes bill in second reading", "", "", "国会、法案を第二読会で可決"},
		{"mine on duty", "Azerbaijani serviceman killed in mine explosion in Kalbajar", "", "", "ケルベジェルで地雷爆発、軍人1名殉職"},
		{"new appointee", "Azerbaijan names new ambassador to Japan", "", "2025-01-01", "新任の駐日大使を任命"},
		// Where, with whom and against what an act was: never dropped.
		{"act abroad", "Azerbaijan condemns terrorist attack in Pakistan", "", "", "パキスタンでのテロ攻撃を非難"},
		{"attack on", "Azerbaijani MFA condemns attack on Saudi Arabia", "", "", "外務省、サウジアラビアへの攻撃を非難"},
		{"with whom", "Milli Majlis ratifies agreement with Uzbekistan", "", "", "国会、ウズベキスタンとの協定を批准"},
		{"meeting on", "President Ilham Aliyev chairs meeting on socio-economic development", "", "", "アリエフ大統領、社会経済発展に関する会議を主宰"},
		{"where held", "Azerbaijani Navy holds exercises in Caspian Sea", "", "", "海軍、カスピ海での演習を実施"},
		{"election abroad", "Presidential election held in Georgia", "", "", "ジョージアで大統領選挙を実施"},
		{"embassy", "Azerbaijan opens embassy in Ethiopia", "", "", "エチオピアに大使館を開設"},
		{"satellite", "Azerbaijan launches new satellite", "", "", "衛星を打ち上げ"},
		// What is hosted: a body or an event is held, a city is where.
		{"host a body", "Azerbaijan to host COP29", "", "", "COP29を開催へ"},
		{"host in a city", "Baku to host OSCE conference", "", "", "バクーで欧州安全保障協力機構会議開催へ"},
		{"host a summit", "Ilham Aliyev hosts summit of Organization of Turkic States", "", "", "アリエフ大統領、チュルク諸国機構の首脳会議を主宰"},
		// One subject whose "and" is inside it.
		{"one subject", "Joint exercises of Azerbaijan and Türkiye end", "", "", "アゼルバイジャン・トルコの合同演習終了"},
		// A home place the glossary gives no country is no place abroad.
		{"home place", "Azerbaijani soldier killed in Lachin", "", "", "ラチンで兵士1名殉職"},
		{"where arrested", "Journalist arrested in Baku", "", "", "バクーで記者逮捕"},
		// A source before a colon: the country's word as the source's,
		// another's reported as said.
		{"source", "MFA: Azerbaijan condemns terrorist attack in Pakistan", "", "", "外務省、パキスタンでのテロ攻撃を非難"},
		{"source reports", "MoD: Armenian armed forces opened fire on Azerbaijani positions in Lachin direction", "", "",
			"国防省、アルメニア軍がラチン方面での陣地に発砲と発表"},
		{"speaker", "Hikmet Hajiyev: Armenian forces opened fire on Azerbaijani positions", "", "", "ハジエフ大統領補佐官、アルメニア軍が陣地に発砲と発言"},
		// Ambassadors: another country's is the one posted here unless
		// the phrase says otherwise, named from the holder of the day;
		// one summoned is the object; one coming or going says so.
		{"ambassador here", "Azerbaijani FM receives Turkish ambassador", "", "2025-06-01", "バイラモフ外相、アクギュン駐アゼルバイジャン・トルコ大使と会談"},
		{"ambassador summoned", "Turkish ambassador summoned to Foreign Ministry", "", "2025-06-01", "外務省、アクギュン駐アゼルバイジャン・トルコ大使を呼び出し"},
		{"ambassador leaving", "President Ilham Aliyev receives outgoing British ambassador", "", "", "アリエフ大統領、離任する駐アゼルバイジャン英大使と会談"},
		{"ambassador of Japan", "Deputy FM Yalchin Rafiyev meets Japanese Ambassador", "", "2025-01-10", "ラフィエフ外務次官、渡辺駐アゼルバイジャン日本大使と会談"},
		{"ambassador credentials", "New Japanese ambassador presents credentials to Ilham Aliyev", "", "", "新任の駐アゼルバイジャン日本大使、アリエフ大統領に信任状を捧呈"},
		{"ambassador elsewhere", "Turkish ambassador to Georgia visits Baku", "", "", "駐ジョージア・トルコ大使、バクーを訪問"},
	}
	for _, tt := range tests {
		got := h.TranslateOn(tt.en, tt.body, tt.day)
		if got.JA != tt.want {
			t.Errorf("%s: %q\n got %q (%s, gist %q)\nwant %q", tt.kind, tt.en, got.JA, got.Engine, got.Gist, tt.want)
		}
		// The rules themselves write no unfinished headline: the safety
		// net of TranslateOn is not what keeps these clean.
		if raw := h.translate(tt.en, tt.body, tt.day); raw.JA != "" && lint.Unfinished(raw.JA, nil) != "" {
			t.Errorf("%s: the rules wrote %q, unfinished", tt.kind, raw.JA)
		}
		for _, w := range strings.Fields(tt.en) {
			if len(w) > 3 && strings.Contains(got.JA, w) && strings.ToUpper(w) != w {
				t.Errorf("%s: %q keeps the English %q", tt.kind, got.JA, w)
			}
		}
	}
}

// TestHolderByRule: an office holder the glossary knows by no Japanese
// form names the office, his name written by rule and reported unknown.
func TestHolderByRule(t *testing.T) {
	h := &Headliner{G: azGlossary(t), Home: "AZ"}
	got := h.TranslateOn("British Ambassador visits Shusha", "", "2026-06-10")
	if !strings.HasSuffix(got.JA, "駐アゼルバイジャン英大使、シュシャを訪問") || got.JA == "駐アゼルバイジャン英大使、シュシャを訪問" || !slices.Contains(got.Unknown, "Norman") {
		t.Errorf("an unnamed holder: %+v", got)
	}
	// A lesser office holds a greater one's words, never its holder;
	// the one the glossary knows is its own.
	for en, want := range map[string]string{
		"Iranian Assistant Foreign Minister visits Baku":          "アラグチ",
		"Japanese State Minister for Foreign Affairs visits Baku": "日本の外務副大臣、",
	} {
		got := h.TranslateOn(en, "", "2026-06-10")
		if strings.HasPrefix(want, "アラグチ") == strings.Contains(got.JA+got.Gist, want) {
			t.Errorf("%s: %+v", en, got)
		}
	}
}

// TestNoFalseHeadline: what the drafter cannot write whole it leaves
// empty, with what it found as the gist: a common word it has no Japanese
// for, a headline with no event, a quotation.
func TestNoFalseHeadline(t *testing.T) {
	h := &Headliner{G: azGlossary(t), Home: "AZ"}
	for _, tt := range []struct{ en, gist string }{
		{"Cabinet approves Second State Program on Great Return", "［"},
		{"Azerbaijani army gets new drones", ""},                                          // no verdict
		{"President Ilham Aliyev receives delegation led by US Senator", "by US Senator"}, // who leads is whom
		{"Azerbaijan, Russia agree on new border checkpoint", "［"},                        // what was agreed
		{"Wildlife smuggler sentenced to five years", "［"},                                // no life sentence
		{"Ilham Aliyev to attend Antalya Diplomacy Forum", "Antalya Diplomacy"},           // no rule for an event's name
		{"Ilham Aliyev: 'Armenia must change its constitution'", "アリエフ"},
		{"Aliyev, Erdogan", "アリエフ、エルドアン"},
		{"Mehriban Aliyeva meets President of European Council", "European Council"}, // another body's office, never the home one's
		{"Activist Bakhtiyar Hajiyev sentenced to 10 years", "Bakhtiyar"},            // a namesake of the glossary's Hajiyev
		{"Ilham Aliyev, Erdogan attend summit in Ankara", "Erdogan"},                 // two sides, one frame of one side
		{"President Ilham Aliyev chairs meeting on Great Return", "Great Return"},    // what the meeting is on
		{"Jeyhun Bayramov: 'Armenia must amend its constitution'", "バイラモフ"},          // a quotation not written whole
	} {
		got := h.Translate(tt.en, "")
		if got.JA != "" || got.Engine != "gist" || !strings.Contains(got.Gist, tt.gist) {
			t.Errorf("%q: %+v, want no headline and a gist holding %q", tt.en, got, tt.gist)
		}
	}
}

// TestFutureAndDetention: "to attend" is ahead (出席へ); held in custody
// is a detention, never an event held.
func TestFutureAndDetention(t *testing.T) {
	h := &Headliner{G: azGlossary(t), Home: "AZ"}
	if got := h.Translate("Ilham Aliyev to attend SCO summit in Astana", ""); !strings.HasSuffix(got.JA, "に出席へ") {
		t.Errorf("to attend: %+v", got)
	}
	if got := h.Translate("Journalist held in custody", ""); strings.Contains(got.JA+got.Gist, "開催") {
		t.Errorf("held in custody: %+v", got)
	}
}
