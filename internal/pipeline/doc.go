// Package pipeline is the imperative shell that runs the stages:
// collecting (polling the sources, fetching and extracting the pages,
// storing them in batches, clustering), drafting a week, importing the
// archive's digests (text, JSON, Word, PDF: the document readers are
// packages of their own), rendering and mailing a digest.
package pipeline
