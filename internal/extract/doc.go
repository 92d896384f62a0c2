// Package extract finds the main text, title, date and language of an
// article page.
//
// It is a pure stage: it gets the bytes of a page that fetch has already
// decoded to UTF-8 and does no I/O. The main-content heuristics are
// go-trafilatura's, with its readability and dom-distiller fallbacks; this
// package adds the limits that make hostile pages safe to feed it (P4), the
// allow-list sanitizer every stored HTML fragment goes through (H1), and the
// metadata the digest needs in the form it needs it: a canonical URL, a
// publication time that keeps the time of day, and a BCP 47 language.
package extract
