// Package feed turns feeds (RSS, Atom, JSON Feed) and list pages into
// article stubs. It comes with collecting (issue 4).
package feed
