package draft

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/lint"
)

// Completer is a language model behind a chat interface: the one small
// interface drafting asks models through (internal/chat speaks the
// OpenAI-compatible protocol over the guarded client; tests fake it).
type Completer interface {
	// Complete answers a user message under a system message.
	Complete(ctx context.Context, system, user string) (string, error)
	// Model names the model, for the record of what drafted a text.
	Model() string
}

// Model asks a language model for drafts and checks every answer before
// it is offered: shuho works without one.
type Model struct {
	c   Completer
	g   *glossary.Glossary
	now func() time.Time
}

// NewModel returns a drafter that asks c, puts g's terms in its prompts and
// checks its answers against them.
func NewModel(c Completer, g *glossary.Glossary) *Model {
	return &Model{c: c, g: g, now: time.Now}
}

// Suggestion is a model's draft, checked: it records what made it and
// when, as every drafted text does.
type Suggestion struct {
	Text   string    `json:"text"`
	Engine string    `json:"engine"` // "model"
	Model  string    `json:"model"`
	At     time.Time `json:"at"`
}

// ErrRejected is an answer that failed the checks: it is not offered.
var ErrRejected = errors.New("the model's answer failed the checks")

// maxHeadline is the longest Japanese headline offered, in characters.
const maxHeadline = 60

// Headline asks for the Japanese headline of an English one.
func (m *Model) Headline(ctx context.Context, en, body string) (Suggestion, error) {
	terms := m.terms(en + "\n" + body)
	var b strings.Builder
	b.WriteString("Write the Japanese headline of this news item for an embassy's weekly digest. House style: 体言止め (end on a noun), ")
	b.WriteString("the subject followed by 、, no 。, people as surname and title (e.g. アリエフ大統領, バイラモフ外相), ")
	b.WriteString("foreign officials as surname・country and title (トカエフ・カザフスタン大統領). Answer with the headline only, one line.\n")
	if len(terms) > 0 {
		b.WriteString("Write these names exactly as given:\n")
		for _, t := range terms {
			fmt.Fprintf(&b, "- %s → %s\n", t.EN, headlineForm(t))
		}
	}
	fmt.Fprintf(&b, "\nEnglish headline: %s\n", en)
	if body != "" {
		fmt.Fprintf(&b, "Text: %s\n", lead(body, 150))
	}
	text, err := m.c.Complete(ctx, system, b.String())
	if err != nil {
		return Suggestion{}, err
	}
	text = strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "「」\"'"))
	if problems := m.checkHeadline(text, terms); len(problems) > 0 {
		return Suggestion{}, fmt.Errorf("%w: %s", ErrRejected, strings.Join(problems, "; "))
	}
	return Suggestion{Text: text, Engine: "model", Model: m.c.Model(), At: m.now().UTC()}, nil
}

// Summary asks for a summary of a story's text in English, of one to
// three paragraphs and at most maxWords words.
func (m *Model) Summary(ctx context.Context, title, text string, maxWords int) (Suggestion, error) {
	if maxWords <= 0 {
		maxWords = 120
	}
	prompt := fmt.Sprintf("Summarise this news article for a diplomatic weekly digest in English: one to three short paragraphs, "+
		"at most %d words in all, neutral, past tense, facts only, every name, number and date exactly as in the text, nothing that "+
		"is not in the text. Answer with the summary only.\n\nTitle: %s\n\nText: %s\n", maxWords, title, lead(text, 1200))
	out, err := m.c.Complete(ctx, system, prompt)
	if err != nil {
		return Suggestion{}, err
	}
	out = strings.TrimSpace(out)
	var problems []string
	paras := paragraphs(out)
	words := len(strings.Fields(out))
	switch {
	case out == "":
		problems = append(problems, "the answer is empty")
	case len(paras) > 3:
		problems = append(problems, fmt.Sprintf("%d paragraphs, more than three", len(paras)))
	}
	if words > maxWords {
		problems = append(problems, fmt.Sprintf("%d words, more than %d", words, maxWords))
	}
	for _, f := range Check(out, title, text) {
		problems = append(problems, f.String())
	}
	if len(problems) > 0 {
		return Suggestion{}, fmt.Errorf("%w: %s", ErrRejected, strings.Join(problems, "; "))
	}
	return Suggestion{Text: strings.Join(paras, "\n\n"), Engine: "model", Model: m.c.Model(), At: m.now().UTC()}, nil
}

// terms are the glossary's terms named in a text, the ones a prompt gives.
func (m *Model) terms(text string) []*digest.Term {
	var out []*digest.Term
	seen := map[*digest.Term]bool{}
	for _, mt := range m.g.Find(text) {
		if !seen[mt.Term] && mt.Term.Kind != digest.Adjective {
			seen[mt.Term] = true
			out = append(out, mt.Term)
		}
	}
	return out
}

func headlineForm(t *digest.Term) string {
	if t.Kind == digest.Person && t.Short != "" {
		return t.Short + " (full name " + t.JA + ")"
	}
	return t.JA
}

// checkHeadline lists what is wrong with a model's headline: the house
// style, the length, and the glossary's spellings of the names the English
// gives.
func (m *Model) checkHeadline(text string, terms []*digest.Term) []string {
	var problems []string
	switch {
	case text == "":
		return []string{"the answer is empty"}
	case strings.ContainsAny(text, "\n\r"):
		problems = append(problems, "more than one line")
	case strings.HasSuffix(text, "。"):
		problems = append(problems, "it ends with 。")
	}
	if n := utf8.RuneCountInString(text); n > maxHeadline {
		problems = append(problems, fmt.Sprintf("%d characters, more than %d", n, maxHeadline))
	}
	if why := lint.Unfinished(text, nil); why != "" {
		problems = append(problems, why)
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r < utf8.RuneSelf && unicode.IsLetter(r)) }) {
		if w != strings.ToUpper(w) {
			problems = append(problems, fmt.Sprintf("the Latin word %q (only acronyms are written in Latin letters)", w))
			break
		}
	}
	for _, t := range terms {
		if t.Kind == digest.Title {
			continue
		}
		form := t.JA
		if t.Kind == digest.Person && t.Short != "" {
			form = t.Short
		}
		variants := t.JAVariants
		if t.Kind == digest.Person {
			// The desk's surname terms ("Aliyev": not アリーエフ) hold
			// the spellings it refuses.
			for _, p := range m.g.Surname(t.EN) {
				variants = append(variants, p.JAVariants...)
			}
		}
		for _, v := range variants {
			if strings.Contains(text, v) && !strings.Contains(form, v) {
				problems = append(problems, fmt.Sprintf("%s written %s, not %s", t.EN, v, form))
			}
		}
		if t.Kind == digest.Person && !strings.Contains(text, form) {
			problems = append(problems, fmt.Sprintf("%s is not written %s", t.EN, form))
		}
	}
	return problems
}

// system is the system message of every request.
const system = "You draft texts for the political desk of a Japanese embassy. You follow the house style and the glossary exactly and add nothing that is not in the source."

// lead returns about the first n words of text.
func lead(text string, n int) string {
	fs := strings.Fields(text)
	if len(fs) > n {
		fs = fs[:n]
	}
	return strings.Join(fs, " ")
}
