package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shuho/internal/auth"
	"shuho/internal/store"
)

func TestUserCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	env := map[string]string{"SHUHO_DB": db}
	// Generated and printed once when no terminal and no --password-stdin.
	r := shuho(t, "", env, "user", "add", "aysel", "--role", "admin")
	r.want(t, 0, "user aysel (admin) added", "")
	m := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(r.stdout)
	if m == nil || len(m[1]) != 20 {
		t.Fatalf("no generated password:\n%s", r.stdout)
	}
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.UserByName(context.Background(), "aysel")
	s.Close()
	if err != nil || !auth.CheckPassword(u.PasswordHash, m[1]) || strings.Contains(u.PasswordHash, m[1]) {
		t.Errorf("the stored hash does not check the printed password: %v", err)
	}
	shuho(t, "a long enough password\n", env, "user", "add", "kenji", "--role", "editor", "--password-stdin").want(t, 0, "kenji (editor) added", "")
	shuho(t, "short\n", env, "user", "add", "mari", "--role", "viewer", "--password-stdin").want(t, 2, "", "at least 10 characters")
	shuho(t, "", env, "user", "add", "aysel", "--role", "admin").want(t, 2, "", "exists already")
	shuho(t, "", env, "user", "add", "x", "--role", "root").want(t, 2, "", "expected viewer, editor, approver or admin")
	shuho(t, "", env, "user", "role", "kenji", "approver").want(t, 0, "kenji is now approver", "")
	shuho(t, "", env, "user", "disable", "kenji").want(t, 0, "kenji disabled", "")
	list := shuho(t, "", env, "user", "list")
	list.want(t, 0, "aysel", "")
	if !regexp.MustCompile(`kenji\s+approver\s+ja\s+disabled`).MatchString(list.stdout) {
		t.Errorf("list:\n%s", list.stdout)
	}
	tok := shuho(t, "", env, "user", "token", "aysel", "--name", "newsroom")
	tok.want(t, 0, "token 1 of aysel: ", "")
	shuho(t, "", env, "user", "token", "aysel").want(t, 2, "", "--name")
	tl := shuho(t, "", env, "user", "tokens")
	if !strings.Contains(tl.stdout, "newsroom") || strings.Contains(tl.stdout, strings.Fields(strings.SplitAfter(tok.stdout, ": ")[1])[0]) {
		t.Errorf("tokens list:\n%s", tl.stdout)
	}
	shuho(t, "", env, "user", "revoke", "1").want(t, 0, "token 1 revoked", "")
	shuho(t, "", env, "user", "revoke", "1").want(t, 1, "", "not found")
	shuho(t, "", env, "user", "passwd", "nobody").want(t, 1, "", "not found")
}
