// Package rank sorts stories into the profile's sections (or out of the
// digest) and rates their relevance to a desk that follows a country's
// politics and security. Its model learns from labelled examples: the
// built-in cues, the archive's items, the editors' choices. It is pure.
package rank
