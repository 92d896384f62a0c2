package rank

import "strings"

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
horoscope lottery`,
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
