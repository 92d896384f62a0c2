// Package pipeline is the imperative shell that runs the stages:
// collecting (polling the sources, fetching and extracting the pages,
// storing them in batches, clustering), drafting a week, importing the
// archive's digests (text, JSON, Word, PDF: the document readers are
// packages of their own), and finding the fonts of the program's digest
// writer once. Mail is an adapter of its own (package mailer).
package pipeline
