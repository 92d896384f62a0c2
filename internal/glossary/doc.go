// Package glossary holds how the desk writes names in Japanese, transliterates
// the names it lacks and remembers past headlines. It comes with drafting
// (issue 5).
package glossary
