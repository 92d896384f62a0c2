package words

import "testing"

func TestReasonText(t *testing.T) {
	for _, tc := range []struct{ lang, source, want string }{
		{"ja", "editor", "編集"},
		{"en", "editor (merged)", "edited (merged with another save)"},
		{"ja", "restore of version 3", "第3版に戻す"},
		{"en", "week: story 17", "story 17 added from the week"},
		{"ja", "import: digests/2026-11-20.txt", "取り込み：digests/2026-11-20.txt"},
		{"ja", "something new", "something new"},
	} {
		if got := Reason(tc.lang, tc.source); got != tc.want {
			t.Errorf("Reason(%s, %q) = %q, want %q", tc.lang, tc.source, got, tc.want)
		}
	}
	if got := Engine("ja", "template"); got != "過去の見出しから" {
		t.Errorf("engine: %q", got)
	}
}

// TestBothLanguages: every word exists in both languages.
func TestBothLanguages(t *testing.T) {
	Each(func(key, ja, en string) {
		if ja == "" || en == "" {
			t.Errorf("%s lacks a language", key)
		}
	})
}
