package cluster

import (
	"strings"
	"testing"
)

// article is a full-length article for the table below: its lead, then
// the boilerplate every outlet adds, which names no one.
func article(lead string) string {
	return lead + "\n\n" + strings.Repeat("The sides discussed the prospects of cooperation in the political, economic and humanitarian "+
		"spheres, and stressed the importance of regular contacts at all levels for the further development of relations. ", 5)
}

// TestNearEvents: articles of one topic, day and official that tell
// different events are apart, whatever words they share; one event told
// by two outlets in their own words is not.
func TestNearEvents(t *testing.T) {
	home := map[string]bool{"azerbaijan": true, "azerbaijani": true}
	tests := []struct {
		name      string
		t1, l1    string
		t2, l2    string
		wantApart bool
	}{
		{"two leaders' letters",
			"Kassym-Jomart Tokayev congratulates Ilham Aliyev", "President of Kazakhstan Kassym-Jomart Tokayev sent a letter of congratulations to President Ilham Aliyev on his victory in the election.",
			"Shavkat Mirziyoyev congratulates Ilham Aliyev", "President of Uzbekistan Shavkat Mirziyoyev sent a letter of congratulations to President Ilham Aliyev on his victory in the election.", true},
		{"one official's two meetings",
			"Jeyhun Bayramov meets Hungarian Deputy Foreign Minister", "Foreign Minister Jeyhun Bayramov met Hungarian Deputy Foreign Minister Levente Magyar in Baku on Monday.",
			"Jeyhun Bayramov meets Secretary General of Economic Cooperation Organization", "Foreign Minister Jeyhun Bayramov met Khusrav Noziri, Secretary General of the Economic Cooperation Organization (ECO), in Baku on Monday.", true},
		{"two missions at one commission",
			"CIS observers meet CEC chairman Mazahir Panahov", "Observers of the CIS mission met the chairman of the Central Election Commission Mazahir Panahov.",
			"OTS observers meet CEC chairman Mazahir Panahov", "Observers of the Organization of Turkic States met the chairman of the Central Election Commission Mazahir Panahov.", true},
		{"a call and a meeting",
			"Ilham Aliyev holds phone call with Recep Tayyip Erdogan", "President Ilham Aliyev had a phone conversation with President of Türkiye Recep Tayyip Erdogan.",
			"Ilham Aliyev meets Recep Tayyip Erdogan", "President Ilham Aliyev met President of Türkiye Recep Tayyip Erdogan in Ankara.", true},
		{"a detention and a verdict",
			"Journalist Sevda Karimli detained", "Police detained the journalist Sevda Karimli in Baku.",
			"Journalist Sevda Karimli sentenced to eight years", "A court in Baku sentenced the journalist Sevda Karimli to eight years in prison.", true},
		{"one meeting, two outlets",
			"Azerbaijani FM meets Hungarian counterpart", "Foreign Minister Jeyhun Bayramov met Hungarian Foreign Minister Peter Szijjarto in Baku.",
			"Jeyhun Bayramov, Peter Szijjarto discuss energy", "Azerbaijani Foreign Minister Jeyhun Bayramov and his Hungarian counterpart Peter Szijjarto discussed energy in Baku.", false},
		{"one letter, two wordings",
			"Tokayev congratulates Ilham Aliyev on election victory", "Kazakh President Kassym-Jomart Tokayev sent a congratulatory letter to Ilham Aliyev.",
			"Ilham Aliyev receives congratulatory letter from Kazakh President", "President Ilham Aliyev received a letter from President of Kazakhstan Kassym-Jomart Tokayev.", false},
		{"a remand of those detained",
			"Four Araz Media journalists detained", "Police detained four journalists of the outlet Araz Media in Baku.",
			"Araz Media journalists remanded in custody", "A Baku court remanded the four Araz Media journalists in custody for four months.", false},
		{"a claim and its denial",
			"Armenian armed forces fired at Azerbaijani positions in Kalbajar direction", "The Ministry of Defense said Armenian armed forces fired at Azerbaijani army positions in the Kalbajar direction overnight.",
			"Armenian Defense Ministry refutes Azerbaijani claim of shooting in Kalbajar", "The Armenian Defense Ministry said the claim that its units fired at Azerbaijani army positions in the Kalbajar direction was false.", true},
		{"a ministry's rejection is its statement",
			"Azerbaijan's MFA rejects European Parliament resolution", "The Ministry of Foreign Affairs rejected the resolution of the European Parliament on Azerbaijan as biased.",
			"Statement of the Ministry of Foreign Affairs on the resolution of the European Parliament", "The Ministry of Foreign Affairs issued a statement rejecting the resolution of the European Parliament as biased.", false},
		{"one denial, two wordings",
			"Armenia denies firing on Kalbajar border", "Armenia's Defense Ministry denied that its units had fired at Azerbaijani army positions in the Kalbajar direction.",
			"Armenian Defense Ministry refutes Azerbaijani claims of shooting in Kalbajar", "The Armenian Defense Ministry said the claims that its units fired at Azerbaijani army positions in the Kalbajar direction were false.", false},
		{"a refusal is no denial",
			"Opposition denied venue for Popular Front rally", "The city authorities refused the Popular Front permission to hold its rally in Baku on Sunday.",
			"City authorities refuse Popular Front permission for rally", "The Baku city authorities refused the Popular Front permission to hold its rally on Sunday.", false},
		{"shooting in two directions, the second recalling the first below its lead",
			"Armenian armed forces fired at Azerbaijani positions in Kalbajar", "The Ministry of Defense said Armenian armed forces fired at Azerbaijani army positions in the Kalbajar direction overnight.",
			"Armenian armed forces fired at Azerbaijani positions in Sadarak", "The Ministry of Defense said Armenian armed forces fired at Azerbaijani army positions in the Sadarak district of Nakhchivan.\n\nA day earlier positions in the Kalbajar direction had come under fire.", true},
		{"an outlet's two turnout readings",
			"CEC: Voter turnout at 10:00 stands at 6.43%", "The Central Election Commission said turnout stood at 6.43 percent at 10:00.",
			"CEC: Voter turnout in parliamentary election stands at 37.24%", "The Central Election Commission said turnout stood at 37.24 percent when polls closed.", true},
		{"a lead too short to tell",
			"Bayramov meets Georgian counterpart in Tbilisi", "",
			"Jeyhun Bayramov, Maka Botchorishvili discuss regional security", "", false},
	}
	for _, tt := range tests {
		sig := func(title, l string) signature {
			if l == "" {
				return signatureOf(title, "APA", words("The ministers met."), 3, home)
			}
			lead, _, _ := strings.Cut(l, "\n\n") // below: the body
			return signatureOf(title, "APA", words(article(l)), len(words(lead)), home)
		}
		a, b := sig(tt.t1, tt.l1), sig(tt.t2, tt.l2)
		if got := apart(&a, &b); got != tt.wantApart {
			t.Errorf("%s: apart = %v, want %v (names %v / %v, kinds %b / %b)", tt.name, got, tt.wantApart, a.names, b.names, a.kinds, b.kinds)
		}
		if apart(&a, &b) != apart(&b, &a) {
			t.Errorf("%s: apart is not symmetric", tt.name)
		}
	}
}
