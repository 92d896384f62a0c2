-- The workflow (D5–D7): which revision was approved and by whom, which was
-- published and when, and every step taken.
ALTER TABLE digests ADD COLUMN approved_version INTEGER;
ALTER TABLE digests ADD COLUMN approved_by TEXT;
ALTER TABLE digests ADD COLUMN published_version INTEGER;
ALTER TABLE digests ADD COLUMN published_at TIMESTAMPTZ;

CREATE TABLE digest_events (
	id        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	digest_id BIGINT      NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
	version   INTEGER     NOT NULL,
	action    TEXT        NOT NULL,
	actor     TEXT        NOT NULL,
	at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX digest_events_digest ON digest_events (digest_id);
