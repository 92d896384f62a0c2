// Package feed turns feeds (RSS, Atom, JSON Feed) and list pages into
// article stubs.
package feed
