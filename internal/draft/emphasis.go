package draft

import (
	"fmt"
	"strings"
)

// The desk bolds its most important items: in a real issue, 9 of 23 —
// deaths, attacks near its missions, the heads of state's calls and
// letters, whatever touches Japan. The drafter proposes the same, from
// the kind of event and from what the desk itself bolded in its archive,
// and says why; the editor decides.

// EventKind is the kind of event an English headline reports, as the
// drafter reads it: the Japanese of its event ("電話会談", "死亡"), or ""
// when it reads none. Past items of one kind tell how the desk treats the
// kind.
func EventKind(en string) string {
	ws := hwords(cleanHeadline(en))
	if _, ev := findEvent(ws); ev.ja != "" {
		return ev.ja
	}
	return ""
}

// EmphasisHistory counts, by event kind, the archive's items and how many
// of them the desk bolded.
type EmphasisHistory map[string]struct{ Bold, All int }

// Add counts one past item.
func (h EmphasisHistory) Add(en string, bold bool) {
	k := EventKind(en)
	if k == "" {
		return
	}
	c := h[k]
	c.All++
	if bold {
		c.Bold++
	}
	h[k] = c
}

// Emphasis is the drafter's proposal for an item's emphasis.
type Emphasis struct {
	On     bool   `json:"on"`
	Reason string `json:"reason,omitempty"`
}

// leaderEvents are the events of heads of state and government the desk
// bolds: their calls, meetings and letters.
var leaderEvents = map[string]bool{"電話会談": true, "会談": true, "祝賀メッセージ": true, "弔意": true, "書簡": true, "国賓訪問": true, "公式訪問": true}

// ProposeEmphasis proposes whether an item is bolded, and why: en is its
// English headline, ja its drafted Japanese one (may be empty), body the
// story's text, past what the desk bolded before.
// The archive's habit for the kind, with enough examples, stands over the
// built-in kinds.
func ProposeEmphasis(en, ja, body string, past EmphasisHistory) Emphasis {
	kind := EventKind(en)
	if c, ok := past[kind]; ok && kind != "" && c.All >= 4 {
		rate := float64(c.Bold) / float64(c.All)
		switch {
		case rate >= 0.5:
			return Emphasis{On: true, Reason: fmt.Sprintf("the desk bolded %d of its %d past items of this kind (%s)", c.Bold, c.All, kind)}
		case rate <= 0.1:
			return Emphasis{Reason: fmt.Sprintf("the desk bolded %d of its %d past items of this kind (%s)", c.Bold, c.All, kind)}
		}
	}
	text := en + " " + lead(body, 80)
	switch {
	case kind == "死亡" || kind == "遺体で発見" || hasWord(text, "killed", "dies", "died", "dead", "death", "deaths"):
		return Emphasis{On: true, Reason: "a death"}
	case hasWord(text, "attack", "attacked", "explosion", "blast", "shelling", "shooting", "shootout", "gunfire") &&
		hasWord(text, "embassy", "consulate", "japan", "japanese"):
		return Emphasis{On: true, Reason: "an attack near a diplomatic mission or touching Japan"}
	case hasWord(text, "japan", "japanese", "tokyo") || strings.Contains(ja, "日本") || strings.Contains(ja, "天皇"):
		return Emphasis{On: true, Reason: "it touches Japan"}
	case leaderEvents[kind] && hasWord(en, "president", "aliyev", "pm", "king", "emir", "chancellor") || leaderEvents[kind] && strings.Contains(strings.ToLower(en), "prime minister"):
		return Emphasis{On: true, Reason: "the head of state's " + kind}
	}
	return Emphasis{}
}
