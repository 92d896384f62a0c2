package draft

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeModel is a model at the seam: it answers what the test tells it to
// and records each prompt.
type fakeModel struct {
	answer  string
	err     error
	prompts []string
}

func (f *fakeModel) Complete(ctx context.Context, system, user string) (string, error) {
	f.prompts = append(f.prompts, user)
	return f.answer, f.err
}

func (f *fakeModel) Model() string { return "test-model" }

func TestModelHeadline(t *testing.T) {
	f := &fakeModel{}
	m := NewModel(f, azGlossary(t))
	m.now = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }
	en := "President Ilham Aliyev holds phone call with President of Kazakhstan"
	body := "President Ilham Aliyev held a telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev."

	f.answer = "アリエフ大統領、トカエフ・カザフスタン大統領と電話会談"
	s, err := m.Headline(context.Background(), en, body)
	if err != nil || s.Text != f.answer || s.Engine != "model" || s.Model != "test-model" || !s.At.Equal(m.now()) {
		t.Fatalf("a good answer: %+v, %v", s, err)
	}
	if !strings.Contains(f.prompts[0], "Ilham Aliyev → アリエフ") || !strings.Contains(f.prompts[0], "Kassym-Jomart Tokayev → トカエフ") {
		t.Errorf("the prompt lacks the glossary's terms:\n%s", f.prompts[0])
	}

	for _, bad := range []struct{ answer, want string }{
		{"アリーエフ大統領、トカエフ・カザフスタン大統領と電話会談。", "ends with 。"},
		{"アリーエフ大統領、トカエフ・カザフスタン大統領と電話会談", "アリーエフ"},
		{"大統領、カザフスタン大統領と電話会談", "is not written アリエフ"},
		{"President Aliyev talks to Tokayev", "no Japanese"},
		{strings.Repeat("会談", 40), "characters"},
		{"", "empty"},
	} {
		f.answer = bad.answer
		_, err := m.Headline(context.Background(), en, body)
		if !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("answer %q: %v, want a rejection holding %q", bad.answer, err, bad.want)
		}
	}
}

func TestModelSummary(t *testing.T) {
	f := &fakeModel{}
	m := NewModel(f, azGlossary(t))
	text := "On November 16, Defense Minister Zakir Hasanov held talks with Yasar Guler in Ankara. The ministers reviewed the plan for 2026."
	f.answer = "On November 16, Defense Minister Zakir Hasanov held talks with Yasar Guler in Ankara.\n\nThe ministers reviewed the plan for 2026."
	s, err := m.Summary(context.Background(), "Ministers meet", text, 120)
	if err != nil || !strings.HasPrefix(s.Text, "On November 16") || s.Model != "test-model" {
		t.Fatalf("a good summary: %+v, %v", s, err)
	}
	f.answer = "On November 17, Hasanov met Hulusi Akar and agreed on 12 projects."
	if _, err := m.Summary(context.Background(), "Ministers meet", text, 120); !errors.Is(err, ErrRejected) ||
		!strings.Contains(err.Error(), "November 17") || !strings.Contains(err.Error(), "Hulusi Akar") || !strings.Contains(err.Error(), `"12"`) {
		t.Errorf("an invented summary: %v", err)
	}
	f.answer = strings.Repeat("The ministers reviewed the plan. ", 30)
	if _, err := m.Summary(context.Background(), "Ministers meet", text, 120); !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), "words") {
		t.Errorf("a long summary: %v", err)
	}
}

// TestModelFailure: a model that fails is an error, passed on as it came.
func TestModelFailure(t *testing.T) {
	f := &fakeModel{err: errors.New("model m at http://x: HTTP 429 Too Many Requests: rate limited")}
	if _, err := NewModel(f, azGlossary(t)).Headline(context.Background(), "FM Bayramov visits Geneva", ""); err == nil || !strings.Contains(err.Error(), "rate limited") {
		t.Errorf("a failing model: %v", err)
	}
}
