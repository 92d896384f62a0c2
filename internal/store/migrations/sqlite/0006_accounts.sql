-- Accounts: users with their role and password hash (argon2id), sessions
-- and API tokens kept only as hashes of the tokens (A1, A2, A5).
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT    NOT NULL UNIQUE,
	role          TEXT    NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
	password_hash TEXT    NOT NULL,
	lang          TEXT    NOT NULL DEFAULT 'ja',
	disabled      INTEGER NOT NULL DEFAULT 0,
	created_at    TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT    PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf       TEXT    NOT NULL,
	created_at TEXT    NOT NULL,
	expires_at TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name       TEXT    NOT NULL,
	token_hash TEXT    NOT NULL UNIQUE,
	created_at TEXT    NOT NULL,
	revoked_at TEXT
);
