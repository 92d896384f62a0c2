package draft

import (
	"strings"
	"testing"
)

// TestProposeEmphasis: what the desk bolds is proposed bold with its
// reason, what only looks like it (a deadline, a commission, a
// presidential decree on the budget) is not, and the archive's habit for a
// kind of event stands over the built-in kinds.
func TestProposeEmphasis(t *testing.T) {
	tests := []struct {
		en, ja, body string
		want         bool
		reason       string
	}{
		{"Azerbaijani serviceman killed by sniper fire", "軍人殉職", "", true, "a death"},
		{"Parliament extends deadline for NGO registration", "", "", false, ""},
		{"Election Commission approves calendar", "", "", false, ""},
		{"Blast near Azerbaijani embassy in Tehran", "", "", true, "attack"},
		{"FM Bayramov meets Japanese counterpart", "バイラモフ外相、岩屋外務大臣と会談", "", true, "Japan"},
		{"President Ilham Aliyev holds phone call with President of Kazakhstan", "", "", true, "head of state"},
		{"Presidential Administration holds seminar", "", "", false, ""},
		{"Milli Majlis passes 2027 state budget in first reading", "", "", false, ""},
	}
	for _, tt := range tests {
		got := ProposeEmphasis(tt.en, tt.ja, tt.body, nil)
		if got.On != tt.want || tt.reason != "" && !strings.Contains(got.Reason, tt.reason) {
			t.Errorf("%q: %+v, want %v (%s)", tt.en, got, tt.want, tt.reason)
		}
	}
	// The desk never bolds its budget readings, and bolds its calls
	// whoever makes them: the archive's habit decides.
	past := EmphasisHistory{}
	for range 5 {
		past.Add("Milli Majlis passes state budget in second reading", false)
		past.Add("FM Bayramov holds phone call with Hungarian counterpart", true)
	}
	if got := ProposeEmphasis("FM Bayramov holds phone call with Slovak counterpart", "", "", past); !got.On || !strings.Contains(got.Reason, "5 of its 5") {
		t.Errorf("the archive's calls: %+v", got)
	}
	if got := ProposeEmphasis("Milli Majlis passes state budget in third reading", "", "", past); got.On || !strings.Contains(got.Reason, "0 of its 5") {
		t.Errorf("the archive's budget readings: %+v", got)
	}
}
