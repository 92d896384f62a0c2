-- The archive: digests as their current content (sections, items, blocks,
-- citations), every saved revision of each, collected articles, and the
-- search index over items and articles.

CREATE TABLE digests (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	profile      TEXT        NOT NULL,
	period_from  DATE        NOT NULL,
	period_to    DATE        NOT NULL,
	title        TEXT        NOT NULL,
	subtitle     TEXT        NOT NULL,
	issuer       TEXT        NOT NULL,
	status       TEXT        NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'published')),
	version      INTEGER     NOT NULL CHECK (version > 0),
	content_hash TEXT        NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL,
	updated_at   TIMESTAMPTZ NOT NULL,
	UNIQUE (profile, period_from, period_to)
);

CREATE TABLE sections (
	id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	digest_id BIGINT  NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	number    INTEGER NOT NULL,
	key       TEXT    NOT NULL,
	title     TEXT    NOT NULL,
	UNIQUE (digest_id, position)
);

CREATE TABLE items (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	digest_id   BIGINT  NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
	section_id  BIGINT  NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	headline_ja TEXT    NOT NULL,
	headline_en TEXT    NOT NULL,
	emphasis    BOOLEAN NOT NULL,
	UNIQUE (section_id, position)
);
CREATE INDEX items_digest ON items (digest_id);

CREATE TABLE blocks (
	id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	item_id  BIGINT  NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	kind     TEXT    NOT NULL CHECK (kind IN ('paragraph', 'note', 'list')),
	text     TEXT    NOT NULL,
	entries  TEXT, -- JSON array of strings, for lists
	UNIQUE (item_id, position)
);

CREATE TABLE citations (
	id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	block_id  BIGINT  NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	outlet    TEXT    NOT NULL,
	date_text TEXT    NOT NULL,
	date      DATE, -- NULL when date_text is not a calendar date
	UNIQUE (block_id, position)
);

-- Every save of a digest, whole, as its JSON form. Rows are never changed
-- or removed (D6).
CREATE TABLE revisions (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	digest_id    BIGINT      NOT NULL REFERENCES digests (id),
	version      INTEGER     NOT NULL,
	content_hash TEXT        NOT NULL,
	content      TEXT        NOT NULL,
	author       TEXT        NOT NULL,
	source       TEXT        NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL,
	UNIQUE (digest_id, version)
);
CREATE FUNCTION revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'revisions are immutable';
END $$;
CREATE TRIGGER revisions_no_change BEFORE UPDATE OR DELETE ON revisions
FOR EACH ROW EXECUTE FUNCTION revisions_immutable();

CREATE TABLE articles (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	profile      TEXT        NOT NULL, -- the profile whose sources collected it
	outlet       TEXT        NOT NULL,
	url          TEXT        NOT NULL UNIQUE,
	published_at TIMESTAMPTZ NOT NULL,
	day          DATE        NOT NULL, -- date of publication in the desk's time zone
	title        TEXT        NOT NULL,
	text         TEXT        NOT NULL,
	lang         TEXT        NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL
);

-- Search. A document is an item or an article; its id orders documents by
-- day (day number << 24 | a counter for the day), so that the newest
-- matches come first from the primary key's order.
CREATE TABLE search_days (
	day  INTEGER PRIMARY KEY,
	next BIGINT  NOT NULL
);

-- The text as tsvectors built by internal/fulltext (never to_tsvector, so
-- that SQLite and PostgreSQL find the same things): head is the headlines
-- or title, full head and body together, uhead and ufull their Japanese
-- characters one by one.
CREATE TABLE search_docs (
	id      BIGINT   PRIMARY KEY,
	kind    TEXT     NOT NULL CHECK (kind IN ('item', 'article')),
	ref     BIGINT   NOT NULL,
	profile TEXT     NOT NULL,
	day     DATE     NOT NULL,
	section TEXT     NOT NULL,
	outlets TEXT[]   NOT NULL,
	-- profile, section and outlets folded for filtering as SQLite's tags
	-- are (REPORT.AZ → reportaz), so that both engines filter alike
	profile_tag TEXT   NOT NULL,
	section_tag TEXT   NOT NULL,
	outlet_tags TEXT[] NOT NULL,
	head    tsvector NOT NULL,
	"full"  tsvector NOT NULL,
	uhead   tsvector NOT NULL,
	ufull   tsvector NOT NULL,
	UNIQUE (kind, ref)
);
CREATE INDEX search_docs_head ON search_docs USING gin (head);
CREATE INDEX search_docs_full ON search_docs USING gin ("full");
CREATE INDEX search_docs_uhead ON search_docs USING gin (uhead);
CREATE INDEX search_docs_ufull ON search_docs USING gin (ufull);
CREATE INDEX search_docs_outlets ON search_docs USING gin (outlet_tags);
-- Items of a section, newest first: a search within a section reads them
-- rather than every document that holds its words.
CREATE INDEX search_docs_section ON search_docs (section_tag, id);
-- Statistics on many words, so that the planner knows a rare word from a
-- common one and reads the words' index for the first, the newest
-- documents for the second (the default keeps a few hundred words).
ALTER TABLE search_docs
	ALTER COLUMN head SET STATISTICS 2000,
	ALTER COLUMN "full" SET STATISTICS 2000,
	ALTER COLUMN uhead SET STATISTICS 2000,
	ALTER COLUMN ufull SET STATISTICS 2000;
