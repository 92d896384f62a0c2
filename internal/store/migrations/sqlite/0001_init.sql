-- The archive: digests as their current content (sections, items, blocks,
-- citations), every saved revision of each, collected articles, and the
-- search index over items and articles.

CREATE TABLE digests (
	id           INTEGER PRIMARY KEY,
	profile      TEXT    NOT NULL,
	period_from  TEXT    NOT NULL, -- ISO date
	period_to    TEXT    NOT NULL,
	title        TEXT    NOT NULL,
	subtitle     TEXT    NOT NULL,
	issuer       TEXT    NOT NULL,
	status       TEXT    NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'published')),
	version      INTEGER NOT NULL CHECK (version > 0),
	content_hash TEXT    NOT NULL,
	created_at   TEXT    NOT NULL, -- RFC 3339, UTC
	updated_at   TEXT    NOT NULL,
	UNIQUE (profile, period_from, period_to)
);

CREATE TABLE sections (
	id        INTEGER PRIMARY KEY,
	digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	number    INTEGER NOT NULL,
	key       TEXT    NOT NULL,
	title     TEXT    NOT NULL,
	UNIQUE (digest_id, position)
);

CREATE TABLE items (
	id          INTEGER PRIMARY KEY,
	digest_id   INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
	section_id  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	headline_ja TEXT    NOT NULL,
	headline_en TEXT    NOT NULL,
	emphasis    INTEGER NOT NULL,
	UNIQUE (section_id, position)
);
CREATE INDEX items_digest ON items (digest_id);

CREATE TABLE blocks (
	id       INTEGER PRIMARY KEY,
	item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	kind     TEXT    NOT NULL CHECK (kind IN ('paragraph', 'note', 'list')),
	text     TEXT    NOT NULL,
	entries  TEXT, -- JSON array of strings, for lists
	UNIQUE (item_id, position)
);

CREATE TABLE citations (
	id        INTEGER PRIMARY KEY,
	block_id  INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	outlet    TEXT    NOT NULL,
	date_text TEXT    NOT NULL,
	date      TEXT, -- ISO date, NULL when date_text is not a calendar date
	UNIQUE (block_id, position)
);

-- Every save of a digest, whole, as its JSON form. Rows are never changed
-- or removed (D6).
CREATE TABLE revisions (
	id           INTEGER PRIMARY KEY,
	digest_id    INTEGER NOT NULL REFERENCES digests (id),
	version      INTEGER NOT NULL,
	content_hash TEXT    NOT NULL,
	content      TEXT    NOT NULL,
	author       TEXT    NOT NULL,
	source       TEXT    NOT NULL,
	created_at   TEXT    NOT NULL,
	UNIQUE (digest_id, version)
);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;

CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	profile      TEXT NOT NULL, -- the profile whose sources collected it
	outlet       TEXT NOT NULL,
	url          TEXT NOT NULL UNIQUE,
	published_at TEXT NOT NULL, -- RFC 3339, UTC
	day          TEXT NOT NULL, -- ISO date of publication in the desk's time zone
	title        TEXT NOT NULL,
	text         TEXT NOT NULL,
	lang         TEXT NOT NULL,
	created_at   TEXT NOT NULL
);

-- Search. A document is an item or an article; its id orders documents by
-- day (day number << 24 | a counter for the day), so that the index can
-- give the newest matches first without sorting them.
CREATE TABLE search_days (
	day  INTEGER PRIMARY KEY,
	next INTEGER NOT NULL
);

CREATE TABLE search_docs (
	id      INTEGER PRIMARY KEY,
	kind    TEXT    NOT NULL CHECK (kind IN ('item', 'article')),
	ref     INTEGER NOT NULL, -- items.id or articles.id
	profile TEXT    NOT NULL,
	day     TEXT    NOT NULL,
	section TEXT    NOT NULL,
	outlets TEXT    NOT NULL, -- labels, one a line
	UNIQUE (kind, ref)
);

-- The text, as tokens made by internal/fulltext (the index never tokenizes
-- on its own, so SQLite and PostgreSQL find the same things): head is the
-- headlines or title, body the rest, uhead and ubody their Japanese
-- characters one by one, tags the filters (kind, profile, section, outlets).
CREATE VIRTUAL TABLE search_fts USING fts5 (
	head, body, uhead, ubody, tags,
	content = '', contentless_delete = 1, tokenize = 'ascii'
);

-- The headlines and titles again, on their own: a search for what is in
-- the headlines then reads only the headlines' index, however common its
-- words are in the bodies.
CREATE VIRTUAL TABLE search_heads USING fts5 (
	head, uhead, tags,
	content = '', contentless_delete = 1, tokenize = 'ascii'
);
