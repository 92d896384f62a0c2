-- Pages that could not be fetched or read, tried again later and less
-- often, and given up after a few attempts (a page with no article text, a
-- page that is gone).
CREATE TABLE page_failures (
	url        TEXT    PRIMARY KEY,
	attempts   INTEGER NOT NULL,
	last_error TEXT    NOT NULL,
	next_try   TIMESTAMPTZ NOT NULL
);
