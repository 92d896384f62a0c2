package rank

import (
	"slices"
	"strings"
)

// lexicon holds the cues a desk that follows a country's politics and
// security reads stories by, one phrase a line, per class. They are the
// built-in model's examples: what it knows before the archive teaches it
// the desk's own choices, and what keeps a class alive that the archive
// never shows (nothing "not for the digest" is ever imported).
var lexicon = map[string]string{
	"security": `
armed forces army military troops soldiers servicemen serviceman officer
defense ministry defence ministry ministry of defense minister of defense defense minister
chief of the general staff general staff colonel general lieutenant general major general
military exercises joint exercises drills tactical exercises live-fire command-staff exercises
military cooperation defense cooperation defence industry military education military attache
border incident border guards state border service border violation border shelling
ceasefire violation shelling sniper fire positions of the army armed provocation
landmine mine explosion mine victim anti-tank mine anti-personnel mine demining mine clearance ANAMA
killed wounded injured died martyr shehid soldier died military serviceman died
terrorist terrorism terror attack counter-terrorism extremism radical religious group
state security service SSS intelligence espionage spy spying treason high treason
police operation special operation detained armed group weapons ammunition seized
drug smuggling narcotics trafficking border smuggling
missile drone UAV air defense air defence fighter jets warships navy naval
weapons purchase arms supply military hardware military equipment
NATO partnership peacekeeping peacekeepers military base
internal troops national guard emergency situations ministry explosion blast
suspicious object bomb threat evacuated cordoned off
cyber attack hacker attack
defense ministers held talks defence ministers meeting defense minister met his counterpart
defense ministry delegation military delegation visited military cooperation plan signed
trilateral meeting of defense ministers military attache chiefs of general staff
border agencies border services meeting border troops border checkpoint
security council secretary national security adviser intelligence chiefs
new military unit military unit commissioned military units servicemen conditions
call-up for active military service conscription law on military service reserve servicemen
humanitarian demining mine clearance agreement landmine maps
detained for calling for violent seizure of power coup attempt sabotage`,
	"domestic": `
signed decree presidential decree signed an order appointed dismissed relieved of duties
appointment decree on awarding pardon decree amnesty act
milli majlis parliament plenary session first reading second reading third reading bill draft law
speaker of parliament MPs member of parliament deputies parliamentary committee
state budget budget revenues expenditures tax code constitution amendment
election elections presidential election parliamentary election municipal elections by-election
central election commission CEC polling stations voter turnout candidate registration
political party opposition party ruling party new azerbaijan party popular front musavat
cabinet of ministers prime minister government reshuffle minister appointed deputy minister appointed
court trial sentenced verdict prison term years in prison acquitted appeal court hearing
grave crimes court supreme court constitutional court prosecutor general's office charges indictment
arrested detained pre-trial detention house arrest criminal case investigation
journalist journalists media outlet independent media press freedom media law
activist activists human rights defender civil society NGO political prisoners hunger strike
ombudsman human rights commissioner protest rally demonstration
corruption bribery embezzlement abuse of office
ministry of justice ministry of internal affairs police chief governor head of executive power
reform public administration civil service social policy pensions
religious affairs state committee diaspora committee
president visited district region opening of new facilities inauguration of a school hospital road
chaired a meeting on socio-economic development regional development program
national leader heydar aliyev grave alley of honors anniversary commemoration
commemorates victims of tragedy mourning day tribute martyrs
interview to local tv channels address to the nation new year address reception on the occasion of
great return resettlement former idps liberated territories reconstruction housing`,
	"foreign": `
foreign minister ministry of foreign affairs FM foreign affairs minister deputy foreign minister
held talks met with meeting with received delegation discussed bilateral relations
telephone conversation phone call phone conversation held a phone talk
official visit state visit working visit arrived on a visit visit to
summit heads of state summit international forum conference general assembly session
ambassador presented credentials credentials copy of credentials new ambassador envoy
embassy consulate diplomatic relations diplomatic note protest note summoned ambassador
congratulatory letter congratulated on national day independence day congratulations message
condolences letter of condolence expressed condolences
peace treaty peace agreement peace process normalization delimitation border commission
Armenia Armenian Yerevan Pashinyan Mirzoyan Russia Russian Kremlin Moscow Lavrov Putin
Turkiye Turkey Turkish Ankara Erdogan Georgia Georgian Tbilisi Iran Iranian Tehran
Kazakhstan Uzbekistan Turkmenistan Kyrgyzstan Tajikistan Central Asia
European Union EU European Commission European Council European Parliament Brussels
United States US Washington State Department United Nations UN Secretary-General
OSCE PACE Council of Europe Organization of Turkic States OTS OIC Non-Aligned Movement CIS SCO
memorandum of understanding intergovernmental commission agreement signed cooperation agreement
strategic partnership allied relations bilateral cooperation regional cooperation
sanctions resolution statement of the foreign ministry spokesperson
international transport route Middle Corridor transit corridor Zangezur corridor
COP climate conference UN General Assembly
France French Paris Germany German Berlin Italy Italian Rome United Kingdom British London
China Chinese Beijing Japan Japanese Tokyo India Pakistan Pakistani Islamabad Israel Israeli
Ukraine Ukrainian Kyiv Belarus Hungary Hungarian Serbia Romania Poland Greece Bulgaria Albania
Saudi Arabia UAE Emirates Qatar Egypt Jordan Kuwait Oman Bahrain Iraq Syria Lebanon Afghanistan
South Korea Indonesia Malaysia Vietnam Mongolia Brazil Canada Australia
Moldova Lithuania Latvia Estonia Czech Slovakia Austria Switzerland Netherlands Belgium Spain Portugal
counterpart foreign counterpart his counterpart bilateral agenda visit of the delegation
holds talks with president met with president of talks with prime minister of talks with his counterpart`,
	"none": `
oil price brent barrel azeri light crude price oil prices fell rose
exchange rate manat dollar euro rate central bank currency auction
stock market shares index bonds trading volume market capitalization
bank loans deposits insurance company profit revenue quarterly results
company opened plant factory production output export import trade turnover tonnes
tourism tourists hotel resort flights airline airport passenger traffic
football match league championship goal scored coach club team player
wrestling judo boxing chess tournament medal gold medal olympic athletes sport sports
concert festival exhibition museum theatre film premiere music art culture artist
weather forecast temperature rain snow wind degrees sunny cloudy precipitation
traffic road accident car crash road works metro bus
recipe fashion celebrity lifestyle health tips
advertisement promo discount sale offer subscribe our channel follow us
horoscope lottery
GDP gross domestic product economic growth non-oil sector non-oil exports inflation consumer prices year on year
exports imports customs statistics trade turnover trading partner State Statistics Committee percent increase
investment investors investment projects industrial park free economic zone business forum entrepreneurs
companies startup venture funding round holding acquisition stake subsidiary shareholders net profit assets
oil production barrels per day oil field gas field offshore block production sharing agreement exploration drilling
renewable energy solar power plant wind farm megawatts gigawatt electricity generation utility tariffs subscribers
banking sector loan portfolio eurobonds refinancing rate mortgage credit cards payments fintech
cargo freight tonnes containers TEU railway railways trains port logistics cargo transportation
flights airline passengers passenger traffic airport routes tickets direct flights
mobile operator 5G network internet app digital services artificial intelligence AI IT technology
festival concert exhibition opera ballet theatre film festival premiere museum gallery book fair poetry literature
mugham jazz carpets restoration heritage singer composer actor Eurovision podcast anniversary of the agency
football club Premier League Champions League match goals head coach players national team qualifier World Cup
European championship gold medal silver bronze wrestlers judoka gymnastics Grand Prix Formula 1 marathon grandmaster
weather forecast forecasters hydrometeorology temperature degrees hot weather cold spell fog humidity
hurricane storm floods landslides wildfire earthquake magnitude power outage
tourists tourism hotel occupancy ski resort visitors tourist flow
health ministry flu vaccination hospital patients doctors school students universities admission exams
road accident collided car minibus truck fire broke out firefighters extinguished shopping centre`,
}

// lexiconExamples are the lexicon's lines as examples, each weighing a few
// archive items.
func lexiconExamples() []Example {
	var out []Example
	for class, text := range lexicon {
		for _, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, Example{Class: class, Text: line, Weight: 3})
			}
		}
	}
	return out
}

// importance are the cues of what a desk ranks first: heads of state and
// government, then ministers, parliament, elections, courts, arrests, the
// armed forces, border and security incidents, foreign visits and calls.
// Each is a phrase of folded words with its weight.
var importance = []struct {
	phrase string
	weight float64
}{
	{"president", 1}, {"prime minister", 1}, {"head of state", 1}, {"first vice president", 0.9},
	{"killed", 1}, {"died", 0.9}, {"explosion", 0.9}, {"terror", 0.9}, {"shelling", 0.9}, {"border", 0.8},
	{"minister", 0.8}, {"parliament", 0.8}, {"milli majlis", 0.8}, {"election", 0.8}, {"speaker", 0.7},
	{"court", 0.8}, {"sentenced", 0.8}, {"arrested", 0.8}, {"detained", 0.8}, {"trial", 0.7},
	{"armed forces", 0.8}, {"army", 0.7}, {"military", 0.7}, {"security service", 0.8}, {"espionage", 0.9},
	{"visit", 0.7}, {"talks", 0.7}, {"phone call", 0.7}, {"telephone conversation", 0.7}, {"met", 0.6},
	{"peace", 0.8}, {"treaty", 0.8}, {"ambassador", 0.6}, {"decree", 0.7}, {"journalist", 0.7},
	{"sanctions", 0.7}, {"protest", 0.7}, {"opposition", 0.7},
}

// frames are kinds of story whose section follows from what happens in
// them, not from what they speak of, where the words mislead the model:
// a foreign leader's congratulations on an election speak of the
// election, and foreign observers of an election speak of the OSCE. The
// first frame whose cue a story for the digest holds, and whose condition
// on the people and places it names is met, gives its section if the
// model put the story in one of the frame's from classes. A cue is
// a phrase of folded words; one that ends in "*" matches words that begin
// so ("congratulat*": congratulates, congratulated, congratulatory).
var frames = []struct {
	class string
	// from are the classes the model gives that the frame overrides.
	from []string
	// abroad: the frame holds only when the story names another
	// country's people or places, or an international organisation;
	// home: only when it names no other country's.
	abroad, home bool
	cues         string
}{
	// Messages between the head of state and foreign leaders, whatever
	// their occasion (a victory, a national day, a disaster), are the
	// conduct of foreign relations.
	{class: "foreign", from: []string{"domestic", "security", None}, abroad: true,
		cues: `congratulat* | condolence* | sent a letter | sent a message | letter to | message to | greetings to | felicitat*`},
	// The running of an election at home — its commissions, its polling
	// stations, its observers, home or foreign — is domestic politics.
	{class: "domestic", from: []string{"foreign", "security"}, home: true,
		cues: `election commission | electoral commission | cec | observation mission | observer* | election observ* | polling station* | voter turnout | turnout | ballot* | precinct*`},
	// A protest at home is domestic politics, whatever it is about
	// (compensation, a landfill, prices).
	{class: "domestic", from: []string{None}, home: true,
		cues: `protest* | rally | rallies | picket* | hunger strike`},
	// A court or an arrest is domestic by its words, but espionage,
	// terrorism, armed and organised crime, trafficking and extradition
	// are the desk's security, and so is military service.
	{class: "security", from: []string{"domestic", None},
		cues: `espionage | spy* | spied | terror* | extradit* | organised crime | organized crime | criminal group | crime group | drug trafficking | narcotic* | heroin | weapon* | firearm* | pistol* | militant* | armed group | sabotage | military service`},
	// Ambassadors, resolutions of foreign parliaments, summits, visits
	// and agreements with another country are foreign affairs even when
	// a decree, a parliament or the president's own words tell them.
	{class: "foreign", from: []string{"domestic"}, abroad: true,
		cues: `ambassador* | embassy | envoy* | resolution* | foreign ministry | ministry of foreign affairs | summit* | on a state visit | state visit to | on an official visit | official visit to | on a working visit | working visit to | sign* agreement* | sign* deal* | signed an agreement | signing of | high level segment | conference of the parties | cop2* | cop3*`},
	// A meeting or a call with another country's people is diplomacy,
	// even when what they discussed (investment, trade, energy) is the
	// words of business.
	{class: "foreign", from: []string{None}, abroad: true,
		cues: `meet | meets | met with | held talks | hold talks | holds talks | talks with | receiv* the | phone call | telephone conversation`},
}

// cued is what a text's cues say: the weight of its strongest importance
// cue, and which frames' cues it holds.
type cued struct {
	importance float64
	frames     uint64
}

// cues reads the cues of a text.
func cues(text string) cued { return cuesOf(foldWords(text)) }

// cuesOf reads the cues of folded words in one pass: each word is looked
// up by its first letters among the cues that begin so.
func cuesOf(ws []string) cued {
	var c cued
	for i, w := range ws {
		for _, e := range cueIndex[key(w)] {
			if !e.matches(ws[i:]) {
				continue
			}
			if e.frame >= 0 {
				c.frames |= 1 << e.frame
			} else {
				c.importance = max(c.importance, e.weight)
			}
		}
	}
	return c
}

// frameSection is the section a frame gives a story with cues c that
// names w and that the model puts in class, or "" when no frame holds.
func frameSection(c cued, w where, class string) string {
	for i, f := range frames {
		if c.frames&(1<<i) == 0 || f.abroad && !w.abroad && !w.intl || f.home && w.abroad {
			continue
		}
		// The first frame that holds decides: one that leaves the
		// model's class as it is keeps later frames out.
		if slices.Contains(f.from, class) {
			return f.class
		}
		return ""
	}
	return ""
}

// cue is a phrase of folded words; with prefix, its last word matches
// words that begin with it. It is a frame's (frame ≥ 0) or an importance
// cue with its weight.
type cue struct {
	words  []string
	prefix bool
	frame  int
	weight float64
}

func (e cue) matches(ws []string) bool {
	if len(ws) < len(e.words) {
		return false
	}
	last := len(e.words) - 1
	for j, w := range e.words {
		if j == last && e.prefix {
			return strings.HasPrefix(ws[j], w)
		}
		if ws[j] != w {
			return false
		}
	}
	return true
}

// key is the index key of a word: its first three bytes, which a prefix
// cue of three letters or more shares with the words it matches.
func key(w string) string { return w[:min(len(w), 3)] }

func newCue(phrase string, frame int, weight float64) cue {
	return cue{words: foldWords(phrase), prefix: strings.HasSuffix(phrase, "*"), frame: frame, weight: weight}
}

// cueIndex holds the importance and frame cues by the key of their first
// word.
var cueIndex = func() map[string][]cue {
	m := map[string][]cue{}
	add := func(e cue) {
		if len(e.words) == 0 {
			return
		}
		k := key(e.words[0])
		m[k] = append(m[k], e)
	}
	for _, c := range importance {
		add(newCue(c.phrase, -1, c.weight))
	}
	if len(frames) > 64 {
		panic("rank: more than 64 frames")
	}
	for i, f := range frames {
		for _, p := range strings.Split(f.cues, "|") {
			if p = strings.TrimSpace(p); p != "" {
				add(newCue(p, i, 0))
			}
		}
	}
	return m
}()
