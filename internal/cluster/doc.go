// Package cluster decides which collected articles are the same article and
// which tell the same event. It gives an article address one canonical form
// (CanonicalURL, Canonical), finds exact duplicates by a hash of the
// normalised text (TextHash) and near duplicates (a wire copy lightly edited
// by another outlet) by the overlap of word shingles, and groups the articles
// of a sliding window (72 hours by default) into stories by the TF-IDF
// similarity of their titles and leads (Index). It is a pure stage: no I/O.
//
// The thresholds are tuned on testdata/labelled.json and checked on
// testdata/heldout.json; TestStoryQuality reports the figures.
package cluster
