// Package rank sorts stories into the profile's sections and rates their
// relevance to the desk. It comes with drafting (issue 5).
package rank
