package store_test

import (
	"errors"
	"testing"
	"time"

	"shuho/internal/auth"
	"shuho/internal/digest"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

func TestAccounts(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			u, err := s.CreateUser(ctx, "aysel", auth.Admin, "$argon2id$fake", "en")
			if err != nil || u.ID == 0 {
				t.Fatalf("CreateUser: %+v, %v", u, err)
			}
			if _, err := s.CreateUser(ctx, "aysel", auth.Viewer, "x", ""); !errors.Is(err, store.ErrExists) {
				t.Errorf("a second aysel: %v", err)
			}
			for _, bad := range []string{"", "a b", "<script>", "x\n"} {
				if _, err := s.CreateUser(ctx, bad, auth.Viewer, "x", ""); !errors.Is(err, digest.ErrInvalid) {
					t.Errorf("name %q: %v", bad, err)
				}
			}
			if _, err := s.CreateUser(ctx, "kenji", "root", "x", ""); !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("role root: %v", err)
			}
			got, err := s.UserByName(ctx, "aysel")
			if err != nil || got.Role != auth.Admin || got.Lang != "en" || got.PasswordHash != "$argon2id$fake" {
				t.Errorf("UserByName: %+v, %v", got, err)
			}
			if _, err := s.UserByName(ctx, "nobody"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("nobody: %v", err)
			}

			// Sessions: live, expired, ended by sign-out or a new password.
			if err := s.CreateSession(ctx, u.ID, "hash-1", "csrf-1", time.Hour); err != nil {
				t.Fatal(err)
			}
			ss, err := s.SessionByToken(ctx, "hash-1")
			if err != nil || ss.User.Name != "aysel" || ss.CSRF != "csrf-1" {
				t.Errorf("SessionByToken: %+v, %v", ss, err)
			}
			if err := s.CreateSession(ctx, u.ID, "hash-old", "c", -time.Minute); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SessionByToken(ctx, "hash-old"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("an expired session: %v", err)
			}
			if err := s.UpdateUser(ctx, "aysel", auth.Admin, "$argon2id$new", "ja", false); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SessionByToken(ctx, "hash-1"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a session after a new password: %v", err)
			}
			if err := s.CreateSession(ctx, u.ID, "hash-2", "c", time.Hour); err != nil {
				t.Fatal(err)
			}
			if err := s.DeleteSession(ctx, "hash-2"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SessionByToken(ctx, "hash-2"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a session after sign-out: %v", err)
			}

			// API tokens: live, revoked, a disabled user's.
			tok, err := s.CreateAPIToken(ctx, u.ID, "newsroom script", "tok-hash")
			if err != nil {
				t.Fatal(err)
			}
			if who, err := s.UserByAPIToken(ctx, "tok-hash"); err != nil || who.Name != "aysel" {
				t.Errorf("UserByAPIToken: %+v, %v", who, err)
			}
			list, err := s.APITokens(ctx)
			if err != nil || len(list) != 1 || list[0].Name != "newsroom script" || list[0].User != "aysel" || list[0].Revoked {
				t.Errorf("APITokens: %+v, %v", list, err)
			}
			if err := s.RevokeAPIToken(ctx, tok.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.UserByAPIToken(ctx, "tok-hash"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a revoked token: %v", err)
			}
			if err := s.RevokeAPIToken(ctx, tok.ID); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("revoked twice: %v", err)
			}
			tok2, _ := s.CreateAPIToken(ctx, u.ID, "second", "tok-hash-2")
			if err := s.UpdateUser(ctx, "aysel", auth.Admin, "", "ja", true); err != nil {
				t.Fatal(err)
			}
			if _, err := s.UserByAPIToken(ctx, "tok-hash-2"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a disabled user's token %d: %v", tok2.ID, err)
			}
			if got, _ := s.UserByName(ctx, "aysel"); got.PasswordHash != "$argon2id$new" || !got.Disabled {
				t.Errorf("an empty hash changed the password, or disabling failed: %+v", got)
			}
			users, err := s.Users(ctx)
			if err != nil || len(users) != 1 {
				t.Errorf("Users: %d, %v", len(users), err)
			}
		})
	}
}
