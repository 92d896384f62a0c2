-- The workflow (D5–D7): which revision was approved and by whom, which was
-- published and when, and every step taken.
ALTER TABLE digests ADD COLUMN approved_version INTEGER;
ALTER TABLE digests ADD COLUMN approved_by TEXT;
ALTER TABLE digests ADD COLUMN published_version INTEGER;
ALTER TABLE digests ADD COLUMN published_at TEXT;

CREATE TABLE digest_events (
	id        INTEGER PRIMARY KEY,
	digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
	version   INTEGER NOT NULL,
	action    TEXT    NOT NULL,
	actor     TEXT    NOT NULL,
	at        TEXT    NOT NULL
);
CREATE INDEX digest_events_digest ON digest_events (digest_id);
