// Package auth holds the pieces of identity that need care: password
// hashes (argon2id), session and API tokens (random, stored as hashes),
// roles and what each may do, and the limiter that slows password
// guessing. It stores nothing: the archive keeps users, sessions and
// tokens, by their hashes.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"
)

// Role is what a user may do. Each role may do what the ones before it
// may.
type Role string

// The roles, weakest first.
const (
	Viewer   Role = "viewer"
	Editor   Role = "editor"
	Approver Role = "approver"
	Admin    Role = "admin"
)

// Roles lists the roles, weakest first.
var Roles = []Role{Viewer, Editor, Approver, Admin}

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() >= 0 }

// AtLeast reports whether r may do what min may: an approver may edit, an
// admin may approve. An unknown role may do nothing.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// The argon2id parameters: OWASP's recommended minimum (19 MiB, two
// passes, one lane), which costs tens of milliseconds: slow for a guesser,
// quick for a user.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// ErrWeakPassword is a password too short to be accepted.
var ErrWeakPassword = fmt.Errorf("a password needs at least %d characters", MinPasswordLength)

// HashPassword returns the argon2id hash of a password in the PHC string
// form ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
func HashPassword(password string) (string, error) {
	if len([]rune(password)) < MinPasswordLength {
		return "", ErrWeakPassword
	}
	salt := make([]byte, saltLen)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// dummyHash is checked against when a user does not exist, so that a
// missing user costs the same time as a wrong password (A1).
var dummyHash = func() string {
	h, err := HashPassword("no user has this password, ever")
	if err != nil {
		panic(err)
	}
	return h
}()

// CheckPassword reports whether password matches hash. An empty hash (no
// such user, or a user without a password) is checked against a dummy,
// taking the same time, and never matches.
func CheckPassword(hash, password string) bool {
	if hash == "" {
		checkPassword(dummyHash, password)
		return false
	}
	return checkPassword(hash, password)
}

func checkPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	// "", "argon2id", "v=19", "m=…,t=…,p=…", salt, key
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<20 || t == 0 || t > 10 || p == 0 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return false
	}
	key, err := enc.DecodeString(parts[5])
	if err != nil || len(key) == 0 || len(key) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// NewToken returns a new random token of 256 bits (A2, A5), base64url,
// to be given to its holder once; the archive keeps TokenHash of it.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// TokenHash is what the archive keeps of a token: its SHA-256, in hex. A
// token is random and long, so a fast hash is enough; a stolen table of
// hashes gives no token.
func TokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// GeneratePassword returns a random password of 20 characters from an
// alphabet without look-alikes, for an account made without one.
func GeneratePassword() string {
	const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// ErrLimited is a login refused because of too many failures.
var ErrLimited = errors.New("too many failed sign-ins; wait and try again")

// Limiter slows password guessing (A1): after Max failures within Window
// for one account, or for one address, further attempts for it are
// refused until the window has passed the oldest failure. A success
// clears the account's failures.
type Limiter struct {
	Max    int
	Window time.Duration
	Now    func() time.Time

	mu    sync.Mutex
	fails map[string][]time.Time
}

// NewLimiter returns a limiter of 5 failures in 15 minutes.
func NewLimiter() *Limiter {
	return &Limiter{Max: 5, Window: 15 * time.Minute, Now: time.Now, fails: map[string][]time.Time{}}
}

func (l *Limiter) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// Allow reports whether an attempt for account from address may be made.
func (l *Limiter) Allow(account, address string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range []string{"u:" + strings.ToLower(account), "a:" + address} {
		if len(l.recent(k, now)) >= l.Max {
			return false
		}
	}
	return true
}

// Fail records a failed attempt.
func (l *Limiter) Fail(account, address string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fails == nil {
		l.fails = map[string][]time.Time{}
	}
	now := l.now()
	for _, k := range []string{"u:" + strings.ToLower(account), "a:" + address} {
		l.fails[k] = append(l.recent(k, now), now)
	}
	// Forget keys whose failures have all expired, so that a stream of
	// made-up names cannot grow the map without bound.
	if len(l.fails) > 10000 {
		for k := range l.fails {
			if len(l.recent(k, now)) == 0 {
				delete(l.fails, k)
			}
		}
	}
}

// Succeed clears the account's failures (not the address's: one good
// password from an address does not excuse its guessing at others).
func (l *Limiter) Succeed(account string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, "u:"+strings.ToLower(account))
}

func (l *Limiter) recent(k string, now time.Time) []time.Time {
	ts := l.fails[k]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= l.Window {
		i++
	}
	ts = ts[i:]
	if len(ts) == 0 {
		delete(l.fails, k)
		return nil
	}
	l.fails[k] = ts
	return ts
}
