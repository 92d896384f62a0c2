-- An article's HTML in a table of its own: it is written once and read
-- when someone opens the article, while the article's row is read and
-- rewritten by clustering (its story set), which then no longer carries
-- the HTML along.
CREATE TABLE article_html (
	article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	html       TEXT NOT NULL
);
INSERT INTO article_html (article_id, html) SELECT id, html FROM articles WHERE html <> '';
ALTER TABLE articles DROP COLUMN html;
