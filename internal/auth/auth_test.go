package auth

import (
	"strings"
	"testing"
	"time"
)

func TestPasswords(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q", h)
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Errorf("two hashes of one password are equal: no salt")
	}
	for _, tt := range []struct {
		hash, pw string
		want     bool
	}{
		{h, "correct horse battery", true},
		{h, "correct horse batter", false},
		{h, "", false},
		{"", "correct horse battery", false},
		{"$argon2id$v=19$m=19456,t=2,p=1$bad", "x", false},
		{"$bcrypt$whatever", "x", false},
		{strings.Replace(h, "t=2", "t=99", 1), "correct horse battery", false},
	} {
		if got := CheckPassword(tt.hash, tt.pw); got != tt.want {
			t.Errorf("CheckPassword(%.30q, %q) = %v", tt.hash, tt.pw, got)
		}
	}
	if _, err := HashPassword("short"); err != ErrWeakPassword {
		t.Errorf("a short password: %v", err)
	}
}

// TestMissingUserCostsTheSame: checking against no hash takes about as
// long as against a real one (A1).
func TestMissingUserCostsTheSame(t *testing.T) {
	h, _ := HashPassword("correct horse battery")
	timeOf := func(hash string) time.Duration {
		start := time.Now()
		for range 5 {
			CheckPassword(hash, "wrong password here")
		}
		return time.Since(start)
	}
	real, missing := timeOf(h), timeOf("")
	if missing < real/3 || missing > real*3 {
		t.Errorf("a missing user %v, a wrong password %v", missing, real)
	}
}

func TestTokens(t *testing.T) {
	a, b := NewToken(), NewToken()
	if a == b || len(a) < 43 {
		t.Errorf("tokens %q %q", a, b)
	}
	// One hash a token, the same each time (a sign-in finds it again),
	// another for another token.
	if TokenHash(a) == a || len(TokenHash(a)) != 64 || TokenHash(a) != TokenHash(strings.Clone(a)) || TokenHash(a) == TokenHash(b) {
		t.Errorf("hash %q", TokenHash(a))
	}
	p := GeneratePassword()
	if len(p) != 20 || strings.ContainsAny(p, "0O1lI") {
		t.Errorf("generated %q", p)
	}
}

func TestRoles(t *testing.T) {
	if !Admin.AtLeast(Approver) || !Approver.AtLeast(Editor) || Editor.AtLeast(Approver) || Viewer.AtLeast(Editor) || Role("root").AtLeast(Viewer) {
		t.Errorf("role order wrong")
	}
	if Role("root").Valid() || !Viewer.Valid() {
		t.Errorf("Valid wrong")
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	l := &Limiter{Max: 3, Window: 10 * time.Minute, Now: func() time.Time { return now }}
	for range 3 {
		if !l.Allow("aysel", "10.0.0.1") {
			t.Fatal("refused before the limit")
		}
		l.Fail("aysel", "10.0.0.1")
	}
	if l.Allow("Aysel", "10.0.0.2") {
		t.Errorf("the account is not limited (case aside)")
	}
	if l.Allow("kenji", "10.0.0.1") {
		t.Errorf("the address is not limited")
	}
	if !l.Allow("kenji", "10.0.0.3") {
		t.Errorf("another account from another address was limited")
	}
	now = now.Add(11 * time.Minute)
	if !l.Allow("aysel", "10.0.0.1") {
		t.Errorf("still limited after the window")
	}
	l.Fail("kenji", "10.0.0.9")
	l.Succeed("kenji")
	if len(l.fails["u:kenji"]) != 0 || len(l.fails["a:10.0.0.9"]) != 1 {
		t.Errorf("success did not clear the account alone: %v", l.fails)
	}
}
