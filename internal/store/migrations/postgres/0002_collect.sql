-- Collecting: the sources the desk reads with their polling state and
-- leases (several workers share them), a record of each poll for the
-- sources page, the stories that group articles of one event, and claims
-- on pages being fetched so that no page is fetched twice.

CREATE TABLE sources (
	id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	profile       TEXT        NOT NULL,
	key           TEXT        NOT NULL,
	outlet        TEXT        NOT NULL,
	kind          TEXT        NOT NULL,
	url           TEXT        NOT NULL,
	interval_s    INTEGER     NOT NULL CHECK (interval_s > 0), -- as the profile says
	active        INTEGER     NOT NULL DEFAULT 1,  -- 0: no longer in the profile; kept for its history
	next_poll     TIMESTAMPTZ NOT NULL,            -- when it is due
	current_s     INTEGER     NOT NULL,            -- the interval after adapting to the source's pace and errors
	etag          TEXT        NOT NULL DEFAULT '',
	last_modified TEXT        NOT NULL DEFAULT '',
	last_success  TIMESTAMPTZ,
	last_error    TEXT        NOT NULL DEFAULT '',
	last_error_at TIMESTAMPTZ,
	errors        INTEGER     NOT NULL DEFAULT 0,  -- failures in a row
	errors_total  INTEGER     NOT NULL DEFAULT 0,
	lease_owner   TEXT        NOT NULL DEFAULT '',
	lease_until   TIMESTAMPTZ,
	UNIQUE (profile, key)
);

CREATE TABLE source_runs (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source_id   BIGINT      NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	started_at  TIMESTAMPTZ NOT NULL,
	duration_ms INTEGER     NOT NULL,
	new         INTEGER     NOT NULL,
	duplicate   INTEGER     NOT NULL,
	failed      INTEGER     NOT NULL,
	error       TEXT        NOT NULL
);
CREATE INDEX source_runs_source ON source_runs (source_id, started_at);

-- A story's id is the id of its first article.
CREATE TABLE stories (
	id       BIGINT      PRIMARY KEY,
	profile  TEXT        NOT NULL,
	title    TEXT        NOT NULL,
	first_at TIMESTAMPTZ NOT NULL,
	last_at  TIMESTAMPTZ NOT NULL,
	articles INTEGER     NOT NULL,
	outlets  TEXT        NOT NULL -- labels, one a line
);
CREATE INDEX stories_profile_last ON stories (profile, last_at);

ALTER TABLE articles ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN html TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN duplicate_of BIGINT REFERENCES articles (id);
ALTER TABLE articles ADD COLUMN story_id BIGINT REFERENCES stories (id);
ALTER TABLE articles ADD COLUMN clustered INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_profile_published ON articles (profile, published_at);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_unclustered ON articles (profile, published_at) WHERE clustered = 0;

CREATE TABLE page_claims (
	url   TEXT        PRIMARY KEY,
	owner TEXT        NOT NULL,
	until TIMESTAMPTZ NOT NULL
);

-- Named locks with an expiry, for work one process at a time does (the
-- clustering of a profile's new articles).
CREATE TABLE locks (
	name  TEXT        PRIMARY KEY,
	owner TEXT        NOT NULL,
	until TIMESTAMPTZ NOT NULL
);
