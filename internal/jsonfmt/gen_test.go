package jsonfmt

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"shuho/internal/digest"
)

// A generator of random digests that keep the model's invariants (trimmed,
// one-line strings; a title; valid kinds and block shapes; citations whose
// Date is what their DateText stands for; nil for every empty slice), with
// the strings that are hard to get right in JSON: Japanese, markup, <, & and
// quotes, backslashes, control characters, runs of spaces, U+3000 inside a
// string, emoji and U+2028's neighbours.

var (
	wordsJA = []string{
		"アゼルバイジャン", "国防相", "会談", "大統領", "外相", "訪問", "国会", "可決",
		"「", "」", "（", "）", "・", "、", "。", "露", "ヴ", "２０２６年", "第一読会",
		"在アゼルバイジャン大使館", "ギャンジャ", "避難", "**重要**", "*注*",
	}
	wordsEN = []string{
		"Azerbaijan", "Defense", "Minister", "meets", "counterpart", "in", "Baku",
		"the", "of", "EU–Azerbaijan", "R&D", "<b>", "a < b", "x > y", `"quoted"`,
		`back\slash`, "*italic*", "**bold**", "50%", "Türkiye", "Əliyev", "🇦🇿",
		"tab\there", "two  spaces", "wide\u3000space", "nbsp\u00a0here", "ctl\x01",
		"nul\x00", "\ufffd", "it's", "{braces}", "[brackets]", "semi;colon",
	}
	outlets       = []string{"APA", "TREND", "REPORT.AZ", "OC-MEDIA", "AZERTAG", "TURAN", "USCIRF.GOV"}
	keys          = []string{"security", "domestic", "foreign", ""}
	badDateTexts  = []string{"20.11.20266", "31.02.2026", "29.02.2027", "00.01.2026", "16/11/2026", "2026", "1.13.2026", "16.11.26"}
	surroundSpace = []string{"", "", "", " ", "\u3000", "\t"}
)

// randString returns a trimmed one-line string of up to n words, empty when
// n is 0, in Japanese, English or both.
func randString(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString(surroundSpace[r.IntN(len(surroundSpace))])
	for i := range r.IntN(n + 1) {
		if i > 0 && r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
		if r.IntN(2) == 0 {
			b.WriteString(wordsJA[r.IntN(len(wordsJA))])
		} else {
			b.WriteString(wordsEN[r.IntN(len(wordsEN))])
		}
	}
	b.WriteString(surroundSpace[r.IntN(len(surroundSpace))])
	return strings.TrimSpace(b.String())
}

// randPeriodDate returns a non-zero date that YYYY-MM-DD can hold, now and
// then one that does not exist, which the model keeps as written.
func randPeriodDate(r *rand.Rand) digest.Date {
	switch r.IntN(10) {
	case 0:
		return digest.NewDate(2026, time.February, 30)
	case 1:
		return digest.NewDate(r.IntN(10000), time.Month(r.IntN(100)), 1+r.IntN(99))
	}
	return digest.NewDate(1990+r.IntN(50), time.Month(1+r.IntN(12)), 1+r.IntN(28))
}

// randCitation returns a citation with a date as written in the forms that
// occur: two-digit, one-digit, and mistyped.
func randCitation(r *rand.Rand) digest.Citation {
	c := digest.Citation{Outlet: outlets[r.IntN(len(outlets))]}
	if r.IntN(5) == 0 {
		c.DateText = badDateTexts[r.IntN(len(badDateTexts))]
	} else {
		y, m, d := 2000+r.IntN(40), 1+r.IntN(12), 1+r.IntN(31)
		if r.IntN(3) == 0 {
			c.DateText = fmt.Sprintf("%d.%d.%04d", d, m, y)
		} else {
			c.DateText = fmt.Sprintf("%02d.%02d.%04d", d, m, y)
		}
	}
	c.Date = digest.ParseCitationDate(c.DateText) // zero for 31.11 and the like
	return c
}

func randBlock(r *rand.Rand) digest.Block {
	var b digest.Block
	switch r.IntN(5) {
	case 0:
		b.Kind = digest.Note
		b.Text = randString(r, 12)
	case 1:
		b.Kind = digest.List
		for range r.IntN(5) {
			b.Entries = append(b.Entries, randString(r, 8))
		}
	default:
		b.Kind = digest.Paragraph
		b.Text = randString(r, 30)
	}
	for range r.IntN(4) - 1 { // no citation half the time
		b.Citations = append(b.Citations, randCitation(r))
	}
	return b
}

func randItem(r *rand.Rand) digest.Item {
	it := digest.Item{
		HeadlineJA: randString(r, 6),
		HeadlineEN: randString(r, 10),
		Emphasis:   r.IntN(4) == 0,
	}
	for range r.IntN(5) {
		it.Blocks = append(it.Blocks, randBlock(r))
	}
	return it
}

// randDigest returns a random digest of up to maxItems items per section.
func randDigest(r *rand.Rand, maxItems int) *digest.Digest {
	d := &digest.Digest{
		Profile:  []string{"az", "", "ge"}[r.IntN(3)],
		Title:    randString(r, 4),
		Subtitle: randString(r, 3),
		Period:   digest.Period{From: randPeriodDate(r), To: randPeriodDate(r)},
		Issuer:   randString(r, 3),
	}
	if d.Title == "" {
		d.Title = "アゼルバイジャン政治・治安情報"
	}
	for i := range r.IntN(5) {
		s := digest.Section{Number: i + 1, Key: keys[r.IntN(len(keys))], Title: randString(r, 3)}
		if r.IntN(8) == 0 {
			s.Number = r.IntN(20) // numbering is lint's business, kept as written
		}
		for range r.IntN(maxItems + 1) {
			s.Items = append(s.Items, randItem(r))
		}
		d.Sections = append(d.Sections, s)
	}
	return d
}

// bigDigest returns a digest of n items in three sections, for benchmarks.
func bigDigest(r *rand.Rand, n int) *digest.Digest {
	d := randDigest(r, 0)
	d.Sections = nil
	for i := range 3 {
		s := digest.Section{Number: i + 1, Key: keys[i], Title: randString(r, 2)}
		for j := i; j < n; j += 3 {
			s.Items = append(s.Items, randItem(r))
		}
		d.Sections = append(d.Sections, s)
	}
	return d
}
