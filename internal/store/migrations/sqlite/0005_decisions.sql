-- The editors' choices on the week's stories: kept (in a section) or
-- dismissed. Ranking learns from them; the week page shows them.
CREATE TABLE story_decisions (
	story_id   INTEGER NOT NULL PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
	profile    TEXT    NOT NULL,
	decision   TEXT    NOT NULL CHECK (decision IN ('kept', 'dismissed')),
	section    TEXT    NOT NULL, -- the section it was kept in; '' when dismissed
	decided_by TEXT    NOT NULL,
	decided_at TEXT    NOT NULL
);
CREATE INDEX story_decisions_profile ON story_decisions (profile);
