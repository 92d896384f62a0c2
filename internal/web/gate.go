package web

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"shuho/internal/auth"
	"shuho/internal/lint"
	"shuho/internal/store"
	"shuho/internal/words"
)

// The review's gates. A digest is submitted, approved and published only
// when the checks find no error in it, unless an approver, approving or
// publishing, goes over them with a written reason, which the history keeps
// and the digest's page shows. And the approver of a version is never its
// last editor, unless the profile is a desk of one (four eyes). The pages
// and the API ask the same gate.

// overrideMark opens the note of a step taken over the checks' errors;
// the pages say so in the reader's language (see noteText).
const overrideMark = "!override: "

// noteText is a step's note as the pages show it.
func noteText(lang, note string) string {
	if reason, ok := strings.CutPrefix(note, overrideMark); ok {
		return text(lang, "step.overrode") + reason
	}
	return note
}

// gateError is a step the gate refuses, with the checks' errors if they
// are the reason: its message is a word of the catalogue (key) with its
// figures.
type gateError struct {
	key      string
	args     []any
	findings []lint.Finding
}

func (e *gateError) Error() string { return e.In("en") }

// In is the refusal in lang.
func (e *gateError) In(lang string) string { return fmt.Sprintf(words.Text(lang, e.key), e.args...) }

// gate decides whether actor, of role, may take step a on digest id as it
// stands, and returns the note to keep with the step.
func (s *Server) gate(ctx context.Context, id int64, a store.Action, actor string, role auth.Role, override string) (string, error) {
	if a != store.Submit && a != store.Approve && a != store.Publish {
		return "", nil
	}
	d, _, err := s.Store.DigestByID(ctx, id)
	if err != nil {
		return "", err
	}
	var errs []lint.Finding
	for _, f := range lint.Check(d, s.Profile, nil) {
		if f.Severity == lint.Error {
			errs = append(errs, f)
		}
	}
	override = strings.TrimSpace(override)
	note := ""
	if len(errs) > 0 {
		if a == store.Submit || !role.AtLeast("approver") || override == "" {
			key := "gate.errors"
			if a != store.Submit && role.AtLeast("approver") {
				key = "gate.override"
			}
			return "", &gateError{key, []any{len(errs)}, errs}
		}
		note = overrideMark + override
	}
	if a == store.Approve && !s.Profile.OneDesk {
		version, author, err := s.Store.LastChange(ctx, id)
		if err != nil {
			return "", err
		}
		if author == actor {
			return "", &gateError{key: "gate.foureyes", args: []any{actor, version}}
		}
	}
	return note, nil
}

// asGateError reports whether err is the gate's refusal.
func asGateError(err error) (*gateError, bool) {
	var g *gateError
	ok := errors.As(err, &g)
	return g, ok
}
