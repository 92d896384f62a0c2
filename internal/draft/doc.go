// Package draft writes the first draft of a digest: summaries and Japanese
// headlines, with model backends behind one small interface. It comes with
// drafting (issue 5).
package draft
