package draft

import (
	"slices"
	"strings"

	"shuho/internal/glossary"
)

// Headline is a Japanese headline drafted from an English one. JA is a
// complete headline in the desk's form, or empty: what the drafter could
// not make a headline of is offered as Gist (what it found: the names, or
// the headline with the English words it could not write), for an editor
// to finish beside the field, never in it.
type Headline struct {
	JA   string `json:"headline_ja"`
	Gist string `json:"gist,omitempty"`
	// Unknown are the names the glossary lacks, rendered by rule: each
	// wants a reviewer's eye.
	Unknown []string `json:"unknown_names"`
	// Check are the glossary's terms the headline used that are past
	// their check-by day on the article's day (an office holder whose
	// term may have ended): each wants checking before it is trusted.
	Check []string `json:"check,omitempty"`
	// Engine says how it was made: "template" (a past headline of the
	// archive with its slots filled), "rules", or "gist" (no headline form
	// was recognised, or a word could not be written: JA is empty).
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

// Translate drafts the Japanese headline of an English one; body, the
// story's text, names the people a headline gives only by title. The
// office holders are today's.
func (h *Headliner) Translate(en, body string) Headline { return h.TranslateOn(en, body, "") }

// TranslateOn drafts as Translate does for an article of day (YYYY-MM-DD):
// an office named without its holder ("the Turkish Foreign Minister") is
// named from the one who held it that day, and a term past its check-by
// day is reported. A draft that lint would call unfinished (only names,
// no event) is given as the gist, with JA empty.
func (h *Headliner) TranslateOn(en, body, day string) Headline {
	hl := h.translate(en, body, day)
	if hl.JA != "" && !finished(hl.JA) {
		hl.Gist, hl.JA, hl.Engine = hl.JA, "", "gist"
	}
	return hl
}

func (h *Headliner) translate(en, body, day string) Headline {
	en = cleanHeadline(en)
	if en == "" {
		return Headline{Engine: "rules"}
	}
	if h.Memory != nil {
		if hl, ok := h.Memory.Translate(en, body, day); ok {
			return hl
		}
	}
	if hl, ok := h.sourced(en, body, day); ok {
		return hl
	}
	hl, _ := h.rules(en, body, day)
	return hl
}

// rules drafts a headline from its frame, and says whose it is: the
// subject's kind (homeCountry when the headline's subject goes unwritten)
// and the head written for it ("外務省、").
func (h *Headliner) rules(en, body, day string) (Headline, *renderer) {
	r := &renderer{h: h, body: body, day: day}
	ws := hwords(en)
	vi, ev := findEvent(ws)
	if vi < 0 {
		return r.gist(en, ""), r
	}
	ja := r.headlineOf(read(en, ws, vi, ev))
	if ja == "" || len(r.missing) > 0 {
		return r.gist(en, ja), r
	}
	return Headline{JA: ja, Unknown: r.unknown, Check: r.stale, Engine: "rules"}, r
}

// sourced drafts a headline that names its source before a colon:
// "MFA: Azerbaijan condemns …", "Hikmet Hajiyev: …", "MoD: Armenian
// armed forces opened fire …". What follows is the source's word, not
// the desk's: when it speaks for the country (its subject is the home
// country, unwritten) the source is the subject (外務省、…を非難);
// otherwise it is reported as said (国防省、アルメニア軍が…に発砲と発表;
// a person's words と発言). Only when the rest drafts whole; a quotation
// that does not is left empty.
func (h *Headliner) sourced(en, body, day string) (Headline, bool) {
	i := strings.Index(en, ": ")
	if i <= 0 || i >= len(en)/2 {
		return Headline{}, false
	}
	if ms := h.G.Find(en[:i]); len(ms) == 0 || ms[0].Start != 0 {
		return Headline{}, false
	}
	said := strings.TrimSpace(en[i+2:])
	if q := []rune(said); len(q) > 2 && strings.ContainsRune(`'"‘“`, q[0]) && strings.ContainsRune(`'"’”`, q[len(q)-1]) {
		said = string(q[1 : len(q)-1])
	}
	rest, rr := h.rules(said, body, day)
	if rest.Engine == "gist" || rest.JA == "" {
		return Headline{}, false
	}
	r := renderer{h: h, body: body, day: day}
	src, title, person, kind := r.side(en[:i], "", nil)
	if src == "" || len(r.missing) > 0 {
		return Headline{}, false
	}
	rest.Unknown = append(rest.Unknown, r.unknown...)
	rest.Check = append(rest.Check, r.stale...)
	switch {
	case kind == homeCountry:
		return rest, true // "Azerbaijan: …" is the country's own word
	case rr.subjKind == homeCountry:
		rest.JA = src + "、" + rest.JA
		return rest, true
	}
	verb := "と発表"
	if kind == sidePerson || person != nil || title != "" {
		verb = "と発言"
	}
	ja := rest.JA
	if rr.head != "" && strings.HasPrefix(ja, rr.head) {
		// Its subject is the subject of what was said: アルメニア軍が….
		ja = strings.TrimSuffix(rr.head, "、") + "が" + ja[len(rr.head):]
	}
	rest.JA = src + "、" + ja + verb
	return rest, true
}

// cleanHeadline drops what outlets add to a headline that is no part of
// it: "- PHOTO", "(VIDEO)", "UPDATED", a closing full stop.
func cleanHeadline(en string) string {
	en = strings.TrimSpace(en)
	for {
		low := strings.ToLower(en)
		cut := false
		for _, tag := range []string{"photo", "photos", "video", "videos", "updated", "update", "infographics", "exclusive"} {
			for _, form := range []string{" - " + tag, " – " + tag, " — " + tag, " (" + tag + ")", " [" + tag + "]"} {
				if strings.HasSuffix(low, form) {
					en, cut = strings.TrimSpace(en[:len(en)-len(form)]), true
				}
			}
		}
		if !cut {
			break
		}
	}
	for _, p := range []string{"BREAKING: ", "UPDATE: ", "Breaking: ", "Exclusive: "} {
		en = strings.TrimPrefix(en, p)
	}
	return strings.TrimSuffix(en, ".")
}

// gist is the headline when no sentence form was recognised: the names the
// glossary knows, in order, for the editor to finish.
func (r *renderer) gist(en, partial string) Headline {
	if partial != "" {
		// The headline as far as it could be written, with the English
		// words it could not: a start for the editor.
		if len(r.missing) > 0 {
			partial += "［" + strings.Join(r.missing, " ") + "］"
		}
		return Headline{Gist: partial, Unknown: r.unknown, Check: r.stale, Engine: "gist"}
	}
	var parts []string
	for _, m := range r.h.G.Find(en) {
		ja := termJA(r.h.G, m.Term)
		if !slices.Contains(parts, ja) {
			parts = append(parts, ja)
		}
	}
	return Headline{Gist: strings.Join(parts, "、"), Unknown: r.unknown, Check: r.stale, Engine: "gist"}
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
