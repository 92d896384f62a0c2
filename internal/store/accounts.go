package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"shuho/internal/auth"
	"shuho/internal/digest"
)

// User is an account.
type User struct {
	ID       int64
	Name     string
	Role     auth.Role
	Lang     string // "ja" or "en": the language of the pages
	Disabled bool
	// PasswordHash is the argon2id hash; it never leaves the server.
	PasswordHash string
	Created      time.Time
}

// ErrExists is a name that is taken.
var ErrExists = errors.New("exists already")

// checkUserName accepts a user name: 1 to 64 letters, digits, ".", "_",
// "-" and "@", so that a name is safe in a log line and a page.
func checkUserName(name string) error {
	if name == "" || len([]rune(name)) > 64 {
		return fmt.Errorf("user name %q: expected 1 to 64 characters: %w", name, digest.ErrInvalid)
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@", r) {
			return fmt.Errorf("user name %q: only letters, digits and . _ - @: %w", name, digest.ErrInvalid)
		}
	}
	return nil
}

// CreateUser adds an account with a password hash made by auth.
func (s *Store) CreateUser(ctx context.Context, name string, role auth.Role, passwordHash, lang string) (User, error) {
	if err := checkUserName(name); err != nil {
		return User{}, err
	}
	if !role.Valid() {
		return User{}, fmt.Errorf("role %q: expected viewer, editor, approver or admin: %w", role, digest.ErrInvalid)
	}
	if lang != "en" {
		lang = "ja"
	}
	u := User{Name: name, Role: role, Lang: lang, PasswordHash: passwordHash, Created: s.now().UTC()}
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO users (name, role, password_hash, lang, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
			ON CONFLICT (name) DO NOTHING RETURNING id`, name, string(role), passwordHash, lang, s.timeArg(u.Created)).Scan(&u.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("user %s: %w", name, ErrExists)
		}
		return err
	})
	return u, err
}

const userCols = `id, name, role, lang, disabled, password_hash, created_at`

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var role string
	var disabled int
	var created timeCol
	if err := row.Scan(&u.ID, &u.Name, &role, &u.Lang, &disabled, &u.PasswordHash, &created); err != nil {
		return u, err
	}
	u.Role, u.Disabled, u.Created = auth.Role(role), disabled != 0, created.t
	return u, nil
}

// UserByName returns the account of a name, or digest.ErrNotFound.
func (s *Store) UserByName(ctx context.Context, name string) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE name = $1`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("user %s: %w", name, digest.ErrNotFound)
	}
	return u, err
}

// Users returns every account, by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UpdateUser changes an account's role, password hash (when not empty),
// language and whether it is disabled. A new password or a disabled
// account ends the account's sessions.
func (s *Store) UpdateUser(ctx context.Context, name string, role auth.Role, passwordHash, lang string, disabled bool) error {
	if !role.Valid() {
		return fmt.Errorf("role %q: expected viewer, editor, approver or admin: %w", role, digest.ErrInvalid)
	}
	dis := 0
	if disabled {
		dis = 1
	}
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `UPDATE users SET role = $2, lang = $3, disabled = $4, updated_at = $5,
			password_hash = CASE WHEN $6 = '' THEN password_hash ELSE $6 END WHERE name = $1 RETURNING id`,
			name, string(role), lang, dis, s.timeArg(s.now()), passwordHash).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("user %s: %w", name, digest.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if passwordHash != "" || disabled {
			_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
		}
		return err
	})
}

// Session is a signed-in user's session, as a request sees it.
type Session struct {
	User User
	// CSRF is the session's token for forms (A3).
	CSRF    string
	Expires time.Time
}

// CreateSession stores a new session of a user by its token's hash, with
// its CSRF token, for ttl.
func (s *Store) CreateSession(ctx context.Context, userID int64, tokenHash, csrf string, ttl time.Duration) error {
	now := s.now().UTC()
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		// Expired sessions go as new ones come.
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, s.timeArg(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
			tokenHash, userID, csrf, s.timeArg(now), s.timeArg(now.Add(ttl)))
		return err
	})
}

// SessionByToken returns the live session of a token's hash, or
// digest.ErrNotFound (none, expired, or its user disabled).
func (s *Store) SessionByToken(ctx context.Context, tokenHash string) (Session, error) {
	var ss Session
	var exp timeCol
	row := s.r.QueryRowContext(ctx, `SELECT u.id, u.name, u.role, u.lang, u.disabled, u.password_hash, u.created_at, s.csrf, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`, tokenHash)
	var role string
	var disabled int
	var created timeCol
	err := row.Scan(&ss.User.ID, &ss.User.Name, &role, &ss.User.Lang, &disabled, &ss.User.PasswordHash, &created, &ss.CSRF, &exp)
	if errors.Is(err, sql.ErrNoRows) || err == nil && (disabled != 0 || !exp.t.After(s.now())) {
		return Session{}, fmt.Errorf("session: %w", digest.ErrNotFound)
	}
	if err != nil {
		return Session{}, err
	}
	ss.User.Role, ss.User.Created, ss.Expires = auth.Role(role), created.t, exp.t
	return ss, nil
}

// DeleteSession ends a session (sign-out).
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
		return err
	})
}

// APIToken is a token for the JSON API, as listed (never the token).
type APIToken struct {
	ID      int64
	User    string
	Name    string
	Created time.Time
	Revoked bool
}

// CreateAPIToken stores a token of a user by its hash.
func (s *Store) CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) (APIToken, error) {
	t := APIToken{Name: name, Created: s.now().UTC()}
	if strings.TrimSpace(name) == "" || len(name) > 100 {
		return t, fmt.Errorf("token name %q: expected 1 to 100 characters: %w", name, digest.ErrInvalid)
	}
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			userID, name, tokenHash, s.timeArg(t.Created)).Scan(&t.ID)
	})
	return t, err
}

// UserByAPIToken returns the user of a live token's hash, or
// digest.ErrNotFound (none, revoked, or its user disabled).
func (s *Store) UserByAPIToken(ctx context.Context, tokenHash string) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT u.id, u.name, u.role, u.lang, u.disabled, u.password_hash, u.created_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) || err == nil && u.Disabled {
		return User{}, fmt.Errorf("API token: %w", digest.ErrNotFound)
	}
	return u, err
}

// APITokens lists the tokens, newest first.
func (s *Store) APITokens(ctx context.Context) ([]APIToken, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT t.id, u.name, t.name, t.created_at, t.revoked_at IS NOT NULL
		FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var created timeCol
		if err := rows.Scan(&t.ID, &t.User, &t.Name, &created, &t.Revoked); err != nil {
			return nil, err
		}
		t.Created = created.t
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken revokes a token by its number; digest.ErrNotFound when
// there is no such token.
func (s *Store) RevokeAPIToken(ctx context.Context, id int64) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, id, s.timeArg(s.now()))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("API token %d: %w", id, digest.ErrNotFound)
		}
		return nil
	})
}
