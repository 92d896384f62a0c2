package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
)

// Action is a step of the workflow.
type Action string

// The workflow's steps: draft → review → approved → published, and back.
const (
	Submit   Action = "submit"   // draft → review
	Withdraw Action = "withdraw" // review → draft, approved → review
	Approve  Action = "approve"  // review → approved, bound to the version seen
	Publish  Action = "publish"  // approved → published; again: nothing
	// Reopen is no step anyone takes: a change saved to an approved or
	// published digest, which sends it back to review (its history says so).
	Reopen Action = "reopen"
)

// Workflow is where a digest stands.
type Workflow struct {
	Info
	ApprovedVersion  int
	ApprovedBy       string
	PublishedVersion int
	PublishedAt      time.Time
}

// Step takes a step of a digest's workflow as actor. version is the
// version the actor saw: an approval binds to it (D7), and a step taken on
// a version that has moved on is an error wrapping digest.ErrConflict
// (D5). A step the status does not allow wraps digest.ErrInvalid.
// Publishing what is published already changes nothing (D7: a double
// click publishes once); done reports whether the step changed anything.
//
// note is what the actor said with the step (a reason, a comment); it is
// kept in the history.
func (s *Store) Step(ctx context.Context, id int64, a Action, version int, actor, note string) (w Workflow, done bool, err error) {
	err = s.txRetry(ctx, func(tx *sql.Tx) error {
		done = false
		lock := ""
		if s.engine == Postgres {
			lock = " FOR UPDATE"
		}
		var status string
		var cur int
		var pub sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT status, version, published_version FROM digests WHERE id = $1`+lock, id).Scan(&status, &cur, &pub)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("digest %d: %w", id, digest.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if a == Publish && Status(status) == Published && pub.Valid && int(pub.Int64) == cur {
			return nil // published already, this very version
		}
		if version != cur {
			return fmt.Errorf("digest %d is at version %d; the %s was made on version %d: %w", id, cur, a, version, digest.ErrConflict)
		}
		now := s.timeArg(s.now())
		var q string
		args := []any{id}
		switch {
		case a == Submit && Status(status) == Draft:
			q = `UPDATE digests SET status = 'review' WHERE id = $1`
		case a == Withdraw && Status(status) == InReview:
			q = `UPDATE digests SET status = 'draft' WHERE id = $1`
		case a == Withdraw && Status(status) == Approved:
			q = `UPDATE digests SET status = 'review', approved_version = NULL, approved_by = NULL WHERE id = $1`
		case a == Approve && Status(status) == InReview:
			q, args = `UPDATE digests SET status = 'approved', approved_version = version, approved_by = $2 WHERE id = $1`, append(args, actor)
		case a == Publish && Status(status) == Approved:
			q, args = `UPDATE digests SET status = 'published', published_version = approved_version, published_at = $2 WHERE id = $1`, append(args, now)
		default:
			return fmt.Errorf("digest %d is %s: it cannot be %s: %w", id, status, map[Action]string{Submit: "submitted", Withdraw: "withdrawn",
				Approve: "approved", Publish: "published"}[a], digest.ErrInvalid)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
		done = true
		_, err = tx.ExecContext(ctx, `INSERT INTO digest_events (digest_id, version, action, actor, at, note) VALUES ($1, $2, $3, $4, $5, $6)`,
			id, cur, string(a), actor, now, note)
		return err
	})
	if err != nil {
		return Workflow{}, false, err
	}
	w, err = s.WorkflowOf(ctx, id)
	return w, done, err
}

// WorkflowOf returns where a digest stands.
func (s *Store) WorkflowOf(ctx context.Context, id int64) (Workflow, error) {
	var w Workflow
	var status string
	var created, updated, pubAt timeCol
	var av, pv sql.NullInt64
	var ab sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT id, version, status, content_hash, created_at, updated_at, approved_version, approved_by,
		published_version, published_at FROM digests WHERE id = $1`, id).Scan(&w.ID, &w.Version, &status, &w.Hash, &created, &updated, &av, &ab, &pv, &pubAt)
	if errors.Is(err, sql.ErrNoRows) {
		return w, fmt.Errorf("digest %d: %w", id, digest.ErrNotFound)
	}
	if err != nil {
		return w, err
	}
	w.Status, w.CreatedAt, w.UpdatedAt = Status(status), created.t, updated.t
	w.ApprovedVersion, w.ApprovedBy, w.PublishedVersion, w.PublishedAt = int(av.Int64), ab.String, int(pv.Int64), pubAt.t
	return w, nil
}

// Event is a step taken in a digest's workflow.
type Event struct {
	Version int
	Action  Action
	Actor   string
	At      time.Time
	// Note is what the actor said with the step.
	Note string
}

// Events returns a digest's workflow steps, oldest first.
func (s *Store) Events(ctx context.Context, id int64) ([]Event, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT version, action, actor, at, note FROM digest_events WHERE digest_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var a string
		var at timeCol
		if err := rows.Scan(&e.Version, &a, &e.Actor, &at, &e.Note); err != nil {
			return nil, err
		}
		e.Action, e.At = Action(a), at.t
		out = append(out, e)
	}
	return out, rows.Err()
}

// PublishedDigest is a digest as it went out: the published revision's
// content, whatever edits came after.
type PublishedDigest struct {
	ID          int64
	Version     int
	PublishedAt time.Time
	Digest      *digest.Digest
}

// Published returns the profile's published digests, newest week first,
// at most limit (0: all), each with the content of its published version
// (an imported digest, published when it came, with its current content).
func (s *Store) Published(ctx context.Context, profile string, limit int) ([]PublishedDigest, error) {
	q := `SELECT d.id, COALESCE(d.published_version, d.version), COALESCE(d.published_at, d.updated_at), r.content
		FROM digests d JOIN revisions r ON r.digest_id = d.id AND r.version = COALESCE(d.published_version, d.version)
		WHERE d.profile = $1 AND (d.published_version IS NOT NULL OR d.status = 'published')
		ORDER BY d.period_to DESC, d.id DESC`
	args := []any{profile}
	if limit > 0 {
		q += ` LIMIT $2`
		args = append(args, limit)
	}
	var out []PublishedDigest
	err := each(ctx, s.r, q, args, func(rows *sql.Rows) error {
		var p PublishedDigest
		var at timeCol
		var content string
		if err := rows.Scan(&p.ID, &p.Version, &at, &content); err != nil {
			return err
		}
		d, err := jsonfmt.Decode([]byte(content))
		if err != nil {
			return fmt.Errorf("revision %d of digest %d: %w", p.Version, p.ID, err)
		}
		p.PublishedAt, p.Digest = at.t, d
		out = append(out, p)
		return nil
	})
	return out, err
}

// LastChange returns the version of a digest's newest revision and its
// author, without reading any revision's content.
func (s *Store) LastChange(ctx context.Context, id int64) (version int, author string, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT version, author FROM revisions WHERE digest_id = $1 ORDER BY version DESC LIMIT 1`, id).Scan(&version, &author)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("digest %d has no revision: %w", id, digest.ErrNotFound)
	}
	return version, author, err
}
