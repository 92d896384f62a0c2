-- The editors' choices on what is one event: two articles put in one
-- story (same = 1) or apart (same = 0). Every later clustering keeps them.
CREATE TABLE story_links (
	a          BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the lower id
	b          BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	profile    TEXT    NOT NULL,
	same       INTEGER NOT NULL CHECK (same IN (0, 1)),
	decided_by TEXT    NOT NULL,
	decided_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (a, b),
	CHECK (a < b)
);
CREATE INDEX story_links_b ON story_links (b);
