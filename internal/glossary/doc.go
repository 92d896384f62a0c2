// Package glossary holds how the desk writes names in Japanese: terms
// (people, places, organisations, titles, countries, country adjectives)
// with their English forms and spellings, found in a text whatever the
// spelling (Əliyev, Aliyev, Aliev); the seed shipped with shuho (seed/);
// and the transliteration rules that render a name the glossary lacks, as
// Japanese media write such names, flagged for review. It is pure: the
// desk's own terms come in from the archive.
package glossary
