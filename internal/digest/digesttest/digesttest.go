// Package digesttest makes realistic digests for tests and benchmarks:
// sections of the default profile, items with Japanese and English headlines
// built from the names, titles and events that fill a real Azerbaijan digest,
// one to three paragraphs, notes, lists and citations (some with mistyped
// dates). A generated digest satisfies every invariant of the digest model
// and of the text format, so it survives a round trip through any writer and
// reader.
package digesttest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"shuho/internal/digest"
)

// Sections are the default profile's sections, which generated digests use.
var Sections = []struct{ Key, Title string }{
	{"security", "軍事・治安関係"},
	{"domestic", "内政関連"},
	{"foreign", "外政関連"},
}

// Outlets are citation labels of the default profile.
var Outlets = []string{"TREND", "APA", "AZERTAG", "REPORT.AZ", "OC-MEDIA", "JAMNEWS", "TURAN", "EURASIANET", "PRESIDENT.AZ", "MFA"}

type person struct{ first, last, ja, title, titleJA string }

var people = []person{
	{"Ilham", "Aliyev", "アリエフ", "President", "大統領"},
	{"Ali", "Asadov", "アサドフ", "Prime Minister", "首相"},
	{"Jeyhun", "Bayramov", "バイラモフ", "Foreign Minister", "外相"},
	{"Zakir", "Hasanov", "ハサノフ", "Defense Minister", "国防相"},
	{"Vilayat", "Eyvazov", "エイヴァゾフ", "Interior Minister", "内相"},
	{"Sahiba", "Gafarova", "ガファロヴァ", "Speaker of Parliament", "国会議長"},
	{"Samir", "Sharifov", "シャリフォフ", "Finance Minister", "財務相"},
	{"Elnur", "Mammadov", "マンマドフ", "Deputy Foreign Minister", "外務次官"},
	{"Hikmat", "Hajiyev", "ハジエフ", "Presidential Aide", "大統領補佐官"},
	{"Mikayil", "Jabbarov", "ジャッバロフ", "Economy Minister", "経済相"},
}

type counterpart struct{ country, countryJA, name, ja, title, titleJA string }

var counterparts = []counterpart{
	{"Türkiye", "トルコ", "Hakan Fidan", "フィダン", "Foreign Minister", "外相"},
	{"Russia", "露", "Sergey Lavrov", "ラヴロフ", "Foreign Minister", "外相"},
	{"Kazakhstan", "カザフスタン", "Kassym-Jomart Tokayev", "トカエフ", "President", "大統領"},
	{"Georgia", "ジョージア", "Irakli Kobakhidze", "コバヒゼ", "Prime Minister", "首相"},
	{"Armenia", "アルメニア", "Ararat Mirzoyan", "ミルゾヤン", "Foreign Minister", "外相"},
	{"Iran", "イラン", "Abbas Araghchi", "アラグチ", "Foreign Minister", "外相"},
	{"Uzbekistan", "ウズベキスタン", "Shavkat Mirziyoyev", "ミルジヨーエフ", "President", "大統領"},
	{"Japan", "日本", "Takeshi Iwaya", "岩屋", "Foreign Minister", "外相"},
	{"Hungary", "ハンガリー", "Peter Szijjarto", "シーヤールトー", "Foreign Minister", "外相"},
	{"Pakistan", "パキスタン", "Shehbaz Sharif", "シャリフ", "Prime Minister", "首相"},
}

var cities = []struct{ en, ja string }{
	{"Baku", "バクー"}, {"Ganja", "ギャンジャ"}, {"Sumgayit", "スムガイト"}, {"Shusha", "シュシャ"},
	{"Nakhchivan", "ナヒチェヴァン"}, {"Lankaran", "レンコラン"}, {"Khankendi", "ハンケンディ"}, {"Aghdam", "アグダム"},
}

var topics = []string{
	"energy cooperation", "the Middle Corridor", "regional security", "humanitarian demining",
	"the peace process", "trade and investment ties", "transport and logistics", "renewable energy projects",
	"the return of internally displaced persons", "cooperation in the defense industry", "visa liberalisation",
	"cultural and educational exchanges", "the COP29 legacy", "digital development",
}

var incidents = []struct{ en, ja, body string }{
	{"Suspicious object found in %s, residents evacuated", "%sで不審物発見、住民が一時避難",
		"Police cordoned off the area and residents of two adjacent buildings were evacuated for about three hours."},
	{"Serviceman killed by mine explosion near %s", "%s近郊で地雷爆発、軍人1名が殉職",
		"The Defense Ministry said that the serviceman was killed while performing engineering tasks."},
	{"Drug smuggling attempt foiled near %s", "%s近郊で麻薬密輸を阻止",
		"Border guards detained two suspects and seized more than forty kilograms of narcotics."},
	{"Court sentences former official in %s", "%sで元高官に実刑判決",
		"The court found the defendant guilty of abuse of office and sentenced him to nine years in prison."},
	{"Fire at industrial site in %s, no casualties", "%sの工業施設で火災、死傷者なし",
		"The Emergency Situations Ministry said that firefighters extinguished the blaze within two hours."},
}

var filler = []string{
	"The sides stressed the importance of regular political dialogue.",
	"Both sides expressed satisfaction with the current level of bilateral relations.",
	"The parties also exchanged views on regional and international issues.",
	"It was noted that the next round of consultations will be held in the first half of next year.",
	"A number of documents were signed following the meeting.",
	"The minister emphasised that the issue remains a priority for the government.",
	"Experts said that the decision could have a significant impact on the region.",
	"The statement added that an investigation has been launched.",
}

// Options shape a generated digest.
type Options struct {
	// Items is the number of items in all; they are spread over the three
	// sections, the first section taking the remainder.
	Items int
	// Start is the first day of the period; the zero Date means a Saturday
	// chosen at random in 2016–2026.
	Start digest.Date
	// InvalidDates is the share (0–1) of citations whose date is mistyped.
	InvalidDates float64
}

// Digest returns a generated digest. The same generator state gives the
// same digest.
func Digest(r *rand.Rand, o Options) *digest.Digest {
	start := o.Start
	if start.IsZero() {
		start = digest.NewDate(2016, time.January, 2).AddDays(7 * r.IntN(540)) // a Saturday
	}
	d := &digest.Digest{
		Profile:  "az",
		Title:    "アゼルバイジャン政治・治安情報",
		Subtitle: "(公開情報とりまとめ)",
		Period:   digest.Period{From: start, To: start.AddDays(6)},
		Issuer:   "在アゼルバイジャン大使館",
	}
	g := gen{r: r, o: o, period: d.Period}
	for i, s := range Sections {
		n := o.Items / len(Sections)
		if i == 0 {
			n += o.Items % len(Sections)
		}
		sec := digest.Section{Number: i + 1, Key: s.Key, Title: s.Title}
		for range n {
			sec.Items = append(sec.Items, g.item(s.Key))
		}
		d.Sections = append(d.Sections, sec)
	}
	return d
}

type gen struct {
	r      *rand.Rand
	o      Options
	period digest.Period
}

func (g *gen) pick(n int) int { return g.r.IntN(n) }

func (g *gen) day() digest.Date { return g.period.From.AddDays(g.pick(7)) }

func (g *gen) citation(d digest.Date) digest.Citation {
	c := digest.Citation{Outlet: Outlets[g.pick(len(Outlets))], Date: d, DateText: digest.CitationDate(d)}
	if g.o.InvalidDates > 0 && g.r.Float64() < g.o.InvalidDates {
		c.DateText += "6" // the typo the spec shows: 20.11.20266
		c.Date = digest.Date{}
	}
	return c
}

func (g *gen) item(section string) digest.Item {
	d := g.day()
	on := fmt.Sprintf("On %s %d, ", d.Month, d.Day)
	var it digest.Item
	var body []string
	switch {
	case section == "security" && g.pick(2) == 0:
		inc := incidents[g.pick(len(incidents))]
		c := cities[g.pick(len(cities))]
		it.HeadlineEN = fmt.Sprintf(inc.en, c.en)
		it.HeadlineJA = fmt.Sprintf(inc.ja, c.ja)
		body = append(body, on+"an incident was reported in "+c.en+". "+inc.body)
	case section == "foreign":
		p := people[g.pick(len(people))]
		c := counterparts[g.pick(len(counterparts))]
		topic := topics[g.pick(len(topics))]
		if g.pick(2) == 0 {
			it.HeadlineEN = fmt.Sprintf("%s %s holds phone call with %s of %s", p.title, p.last, c.title, c.country)
			it.HeadlineJA = fmt.Sprintf("%s%s、%s%s（%s）と電話会談", p.ja, p.titleJA, c.ja, c.titleJA, c.countryJA)
			body = append(body, fmt.Sprintf("%s%s %s %s held a telephone conversation with %s of %s %s. The sides discussed %s.",
				on, p.title, p.first, p.last, c.title, c.country, c.name, topic))
		} else {
			city := cities[g.pick(3)]
			it.HeadlineEN = fmt.Sprintf("%s %s meets %s of %s in %s", p.title, p.last, c.title, c.country, city.en)
			it.HeadlineJA = fmt.Sprintf("%s%s、%s%s（%s）と会談", p.ja, p.titleJA, c.ja, c.titleJA, c.countryJA)
			body = append(body, fmt.Sprintf("%s%s %s %s met with %s of %s %s in %s. The meeting focused on %s.",
				on, p.title, p.first, p.last, c.title, c.country, c.name, city.en, topic))
		}
	default:
		p := people[g.pick(len(people))]
		topic := topics[g.pick(len(topics))]
		it.HeadlineEN = fmt.Sprintf("%s %s chairs meeting on %s", p.title, p.last, topic)
		it.HeadlineJA = fmt.Sprintf("%s%s、%sに関する会議を主宰", p.ja, p.titleJA, jaTopic(topic))
		body = append(body, fmt.Sprintf("%s%s %s %s chaired a meeting on %s in %s.", on, p.title, p.first, p.last, topic, cities[0].en))
	}
	for range g.pick(3) {
		body[len(body)-1] += " " + filler[g.pick(len(filler))]
		if g.pick(2) == 0 {
			body = append(body, filler[g.pick(len(filler))])
		}
	}
	it.Emphasis = g.pick(8) == 0
	for i, text := range body {
		b := digest.Block{Kind: digest.Paragraph, Text: text}
		if i == len(body)-1 {
			b.Citations = append(b.Citations, g.citation(d))
			if g.pick(6) == 0 {
				b.Citations = append(b.Citations, g.citation(d))
			}
		}
		it.Blocks = append(it.Blocks, b)
	}
	switch g.pick(10) {
	case 0:
		f := filler[g.pick(len(filler))]
		it.Blocks = append(it.Blocks, digest.Block{Kind: digest.Note,
			Text:      "According to an independent outlet, " + strings.ToLower(f[:1]) + f[1:],
			Citations: []digest.Citation{g.citation(g.day())}})
	case 1:
		last := &it.Blocks[len(it.Blocks)-1]
		cits := last.Citations
		last.Citations = nil
		last.Text = strings.TrimSuffix(last.Text, ".") + ", and held meetings with:"
		var entries []string
		for range 1 + g.pick(3) {
			c := counterparts[g.pick(len(counterparts))]
			entries = append(entries, fmt.Sprintf("%s of %s: *The sides discussed %s.*", c.title, c.country, topics[g.pick(len(topics))]))
		}
		it.Blocks = append(it.Blocks, digest.Block{Kind: digest.List, Entries: entries, Citations: cits})
	}
	return it
}

func jaTopic(topic string) string { return jaTopics[topic] }

var jaTopics = map[string]string{
	"energy cooperation": "エネルギー協力", "the Middle Corridor": "中部回廊", "regional security": "地域の安全保障",
	"humanitarian demining": "人道的地雷除去", "the peace process": "和平プロセス", "trade and investment ties": "貿易・投資",
	"transport and logistics": "運輸・物流", "renewable energy projects": "再生可能エネルギー",
	"the return of internally displaced persons": "国内避難民の帰還", "cooperation in the defense industry": "防衛産業協力",
	"visa liberalisation": "査証緩和", "cultural and educational exchanges": "文化・教育交流", "the COP29 legacy": "COP29の成果",
	"digital development": "デジタル開発",
}

// Damage returns canonical digest text as it arrives when copied out of a
// Word or PDF file, with every kind of damage the text format's reader
// repairs: paragraphs cut by page breaks (with and without page numbers,
// halves starting in lower or upper case), page numbers between blocks,
// trailing spaces, full-width citations and digits, headline pairs without
// a blank line, CRLF line ends, a byte order mark and no end marker. The
// reader must return the digest the text was written from.
func Damage(r *rand.Rand, canonical []byte) []byte {
	lines := strings.Split(string(canonical), "\n")
	var out []string
	page := 2
	pageNumber := func() string {
		page++
		switch r.IntN(3) {
		case 0:
			return fmt.Sprintf("- %d -", page)
		case 1:
			return fmt.Sprint(page)
		}
		return fmt.Sprintf("- %d/%d -", page, page+5)
	}
	inBody := false
	headline := false // the next non-blank line is an English headline
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		en := headline && l != ""
		if l != "" {
			headline = strings.HasPrefix(l, "●")
		}
		switch {
		case strings.HasPrefix(l, "1. "):
			inBody = true
		case strings.HasPrefix(l, "● ") && r.IntN(3) == 0 && i+2 < len(lines) && lines[i+1] == "":
			out = append(out, l, lines[i+2])
			i += 2
			headline = false
			continue
		case l == "*****END*****" && r.IntN(2) == 0:
			continue
		case inBody && l == "" && r.IntN(12) == 0:
			out = append(out, "", pageNumber())
		case inBody && !en && r.IntN(3) == 0 && !strings.HasPrefix(l, "●") && !strings.HasPrefix(l, "- ") && len(l) > 60:
			if a, b, mid, ok := split(r, l); ok {
				if mid {
					out = append(out, a, "", pageNumber(), "", b)
				} else if r.IntN(2) == 0 {
					out = append(out, a+"   ", "", b)
				} else {
					out = append(out, a, "", pageNumber(), "", b)
				}
				continue
			}
		}
		if r.IntN(4) == 0 {
			l = fullWidthCitation(l)
		}
		if l != "" && r.IntN(6) == 0 {
			l += strings.Repeat(" ", 1+r.IntN(3))
		}
		out = append(out, l)
	}
	text := strings.Join(out, "\r\n")
	if r.IntN(2) == 0 {
		text = "\uFEFF" + text
	}
	return []byte(text)
}

// split cuts a paragraph line at a space before its citation where the rest
// starts in lower case, or (mid true) where it starts in upper case after a
// word that cannot end a sentence: the reader heals the first kind always,
// the second when a page number stands between.
func split(r *rand.Rand, l string) (a, b string, mid, ok bool) {
	end := strings.LastIndex(l, " (")
	if end < 0 {
		end = len(l)
	}
	var cuts []int
	for i := 1; i < end-1; i++ {
		if l[i] != ' ' || l[i-1] == ' ' || l[i+1] == ' ' {
			continue
		}
		prev, next := l[i-1], l[i+1]
		lower := next >= 'a' && next <= 'z'
		upperAfterWord := next >= 'A' && next <= 'Z' && (prev >= 'a' && prev <= 'z')
		if lower || upperAfterWord {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return "", "", false, false
	}
	i := cuts[r.IntN(len(cuts))]
	next := l[i+1]
	return l[:i], l[i+1:], next >= 'A' && next <= 'Z', true
}

// fullWidthCitation writes a line's trailing citation with full-width
// parentheses, slash and digits, as Japanese word processors do.
func fullWidthCitation(l string) string {
	open := strings.LastIndex(l, " (")
	if open < 0 || !strings.HasSuffix(l, ")") || !strings.Contains(l[open:], " / ") {
		return l
	}
	var b strings.Builder
	b.WriteString(l[:open+1])
	for _, c := range l[open+1:] {
		switch {
		case c == '(':
			b.WriteRune('（')
		case c == ')':
			b.WriteRune('）')
		case c == '/':
			b.WriteRune('／')
		case c >= '0' && c <= '9':
			b.WriteRune(c - '0' + '０')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Articles: realistic English news of an Azerbaijan week, for search
// benchmarks. Most are politics and security in the wire services' style;
// some are business, sport, culture and weather, as a real feed is.

var extraTopics = []struct{ title, lead string }{
	{"SOCAR signs gas supply deal with %s", "The State Oil Company of Azerbaijan signed a long-term agreement on natural gas supplies with partners from %s."},
	{"Azerbaijani wrestlers win medals at championship in %s", "The national team won three gold and two bronze medals at the European championship held in %s."},
	{"Exhibition of carpets opens in %s", "An exhibition of traditional Azerbaijani carpets opened at the national museum in %s, attracting hundreds of visitors."},
	{"Heavy rain expected in %s this week", "The National Hydrometeorology Department warned of heavy rain and strong winds in %s and surrounding districts."},
	{"Central Bank keeps refinancing rate unchanged", "The Central Bank of Azerbaijan decided to keep the refinancing rate unchanged, citing stable inflation expectations in %s."},
	{"New metro station to open in %s", "Officials announced that construction of a new metro station in %s is nearing completion and will open next year."},
}

var extraSentences = []string{
	"Analysts expect the decision to support economic growth and attract foreign investment.",
	"The event was attended by government officials, members of parliament and representatives of the diplomatic corps.",
	"According to the statement, the project will be implemented in several stages over the next three years.",
	"Local residents welcomed the initiative, saying it would create new jobs in the region.",
	"The ministry said that all necessary measures had been taken to ensure public safety.",
	"Observers noted that the talks took place in a constructive atmosphere.",
	"The agreement covers cooperation in energy, transport, agriculture and education.",
	"Officials said that the volume of trade between the two countries grew by fifteen percent last year.",
	"The organisers said that the festival would become an annual event.",
	"Prices for basic food products remained stable, according to the State Statistics Committee.",
	"Rescue teams were sent to the area, and no casualties were reported.",
	"The court will announce its verdict at the next hearing scheduled for later this month.",
}

// Article returns a generated article published on day, with a URL that
// holds n so that articles never collide.
func Article(r *rand.Rand, n int, day digest.Date) digest.Article {
	c := cities[r.IntN(len(cities))]
	var title string
	var paras []string
	switch k := r.IntN(10); {
	case k < 3:
		p := people[r.IntN(len(people))]
		cp := counterparts[r.IntN(len(counterparts))]
		topic := topics[r.IntN(len(topics))]
		title = fmt.Sprintf("%s %s meets %s of %s", p.title, p.last, cp.title, cp.country)
		paras = append(paras, fmt.Sprintf("%s %s %s met with %s of %s %s in %s on %s %d. The sides discussed %s and prospects for cooperation.",
			p.title, p.first, p.last, cp.title, cp.country, cp.name, c.en, day.Month, day.Day, topic))
	case k < 5:
		inc := incidents[r.IntN(len(incidents))]
		title = fmt.Sprintf(inc.en, c.en)
		paras = append(paras, fmt.Sprintf("An incident was reported in %s on %s %d. %s", c.en, day.Month, day.Day, inc.body))
	case k < 7:
		p := people[r.IntN(len(people))]
		topic := topics[r.IntN(len(topics))]
		title = fmt.Sprintf("%s %s addresses conference on %s", p.title, p.last, topic)
		paras = append(paras, fmt.Sprintf("%s %s %s addressed an international conference on %s held in %s.", p.title, p.first, p.last, topic, c.en))
	default:
		x := extraTopics[r.IntN(len(extraTopics))]
		place := c.en
		if strings.Contains(x.title, "with %s") {
			place = counterparts[r.IntN(len(counterparts))].country
		}
		title = x.title
		if strings.Contains(title, "%s") {
			title = fmt.Sprintf(title, place)
		}
		paras = append(paras, fmt.Sprintf(x.lead, place))
	}
	for range 3 + r.IntN(5) {
		var sents []string
		for range 2 + r.IntN(3) {
			if r.IntN(2) == 0 {
				sents = append(sents, filler[r.IntN(len(filler))])
			} else {
				sents = append(sents, extraSentences[r.IntN(len(extraSentences))])
			}
		}
		paras = append(paras, strings.Join(sents, " "))
	}
	hour := r.IntN(24)
	return digest.Article{
		Outlet:    Outlets[r.IntN(len(Outlets))],
		URL:       fmt.Sprintf("https://news.example/%d", n),
		Published: time.Date(day.Year, day.Month, day.Day, hour, r.IntN(60), 0, 0, time.UTC),
		Title:     title,
		Text:      strings.Join(paras, "\n\n"),
		Lang:      "en",
	}
}
