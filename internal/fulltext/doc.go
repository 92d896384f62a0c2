// Package fulltext turns text into the index tokens that both search engines
// store, and a user's query into what both engines match, so that SQLite
// (FTS5) and PostgreSQL (tsvector) find the same documents by construction:
// neither engine ever tokenizes on its own.
//
// A text is analyzed into two token streams. The main stream holds the words
// (runs of letters and digits outside Japanese, folded to lower case and to
// plain Latin letters, so that Əliyev, ƏLİYEV and Aliyev are one token) and,
// for each run of Japanese characters, its overlapping bigrams (ハサノフ →
// ハサ サノ ノフ), or the character itself when the run has one. The uni
// stream holds every Japanese character on its own. A query of one Japanese
// character matches in the uni stream; of two, one bigram; of more, the
// phrase of its bigrams: so any Japanese substring is found, as a reader
// expects from a language without spaces.
//
// For FTS5, the tokens are joined by spaces into columns of a table with the
// ascii tokenizer, which splits on ASCII characters other than letters and
// digits and keeps every non-ASCII byte: the tokens made here are ASCII
// [a-z0-9] or non-ASCII letters, so it finds exactly these tokens again. For
// PostgreSQL, they become tsvector and tsquery literals, to be cast with
// ::tsvector and ::tsquery (never to_tsvector, which would tokenize again).
//
// Highlight and Snippet find the matches of a query in the original text by
// the same analysis, so that what is highlighted is what the engines matched.
//
// The package is pure: no I/O, no state, safe for concurrent use.
package fulltext
