// Package extract finds the main text, title, date and language of an
// article page. It comes with collecting (issue 4).
package extract
