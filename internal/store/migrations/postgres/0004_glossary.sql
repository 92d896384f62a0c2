-- The desk's own glossary terms, added or imported, which override the
-- built-in seed and the profile's terms: one row per profile, kind and
-- folded English form, the term whole as JSON.
CREATE TABLE glossary_terms (
	profile    TEXT        NOT NULL,
	kind       TEXT        NOT NULL,
	key        TEXT        NOT NULL, -- the folded English form
	term       JSONB       NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (profile, kind, key)
);
