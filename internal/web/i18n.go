package web

import "shuho/internal/words"

// text returns a page's word in a language (see package words).
func text(lang, key string) string { return words.Text(lang, key) }
