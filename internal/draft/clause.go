package draft

import (
	"strings"
	"unicode"
)

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
	// "Russian ambassador summoned to MFA": the one summoned is the
	// subject of the English and the object of the event; who summoned
	// is after "to" or "by" (外務省、…大使を呼び出し).
	if ev.ja == "呼び出し" && strings.HasSuffix(ws[vi].low, "ed") && len(after) > 1 && (after[0].low == "to" || after[0].low == "by") {
		agent := after[1:]
		for k, w := range agent {
			if objectEnd[w.low] || k > 0 && strings.ContainsAny(en[agent[k-1].end:w.start], ",–—") {
				agent = agent[:k]
				break
			}
		}
		if len(agent) > 0 {
			who := strings.TrimSpace(en[agent[0].start:agent[len(agent)-1].end])
			rebuilt := who + " " + ws[vi].raw + " " + subj + en[agent[len(agent)-1].end:]
			return read(rebuilt, hwords(rebuilt), len(hwords(who)), ev)
		}
	}
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
