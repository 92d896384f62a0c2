-- An article's own address when it was found under another (a
-- syndicator's copy, a wire's link to another host, a redirect): the
-- article is known under both, so that the outlet's own copy and the
-- syndicator's are one article. And where its text came from: the page,
-- or the feed's own copy when the page could not be read.
ALTER TABLE articles ADD COLUMN canonical TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN text_from TEXT NOT NULL DEFAULT 'page' CHECK (text_from IN ('page', 'feed'));
CREATE INDEX articles_canonical ON articles (canonical) WHERE canonical <> '';
