// Package cluster decides which collected articles are the same article and
// which tell the same event. It gives an article address one canonical form
// (CanonicalURL, Canonical), finds exact duplicates by a hash of the
// normalised text (TextHash) and near duplicates (a wire copy lightly edited
// by another outlet) by the overlap of word shingles, and groups the articles
// of a sliding window (72 hours by default) into stories by the TF-IDF
// similarity of their titles, leads and (at half weight) bodies, datelines
// and the outlet's own name left out (Index). Beside the words, what tells
// events apart (event.go): two articles whose titles each name someone the
// other article never mentions, or tell kinds of event that exclude each
// other (a call, a meeting, a letter), never share a story. It is a pure
// stage: no I/O.
//
// The thresholds are tuned on testdata/labelled.jsonl (titles and leads)
// and the sample week of full-length articles (internal/sample), and
// checked on testdata/heldout.jsonl and testdata/heldout-full.jsonl;
// TestStoryQuality reports the figures.
package cluster
