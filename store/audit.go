package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AuditEntry is one officer action.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64
	UserName string
	Action   string
	Entity   string
	EntityID int64
	// EntityName names what was acted on, as it is now: an account's name
	// and login, an item's title; empty when it is gone or has no name.
	EntityName string
	Detail     string
}

// audit records an action inside the transaction that performs it, so the
// log and the change commit or fail together. userID 0 means the system
// (the command line or the seeder).
func (s *Store) audit(ctx context.Context, tx *sql.Tx, userID int64, action, entity string, entityID int64, detail string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
		ts(s.now()), nullID(userID), action, entity, entityID, detail)
	if err != nil {
		return fmt.Errorf("store: audit %s: %w", action, err)
	}
	return nil
}

// Audit records an action that changes nothing else (a login, a logout).
func (s *Store) Audit(ctx context.Context, userID int64, action, entity string, entityID int64, detail string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, userID, action, entity, entityID, detail)
	})
}

// AuditLog lists up to limit entries, newest first, each with the name of
// what it touched. Pages go by key: a non-zero olderThan lists the entries
// before that id, a non-zero newerThan the ones after it (the closest ones,
// still newest first).
func (s *Store) AuditLog(ctx context.Context, limit int, olderThan, newerThan int64) ([]AuditEntry, error) {
	const cols = `SELECT a.id, a.at, COALESCE(a.user_id, 0), COALESCE(u.name, ''), a.action, a.entity, a.entity_id,
			COALESCE(t.name || ' (' || t.login || ')', d.title, ''), a.detail
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		LEFT JOIN users t ON a.entity = 'user' AND t.id = a.entity_id
		LEFT JOIN disclosures d ON a.entity = 'disclosure' AND d.id = a.entity_id`
	var rows *sql.Rows
	var err error
	switch {
	case olderThan > 0:
		rows, err = s.r.QueryContext(ctx, cols+" WHERE a.id < ? ORDER BY a.id DESC LIMIT ?", olderThan, limit)
	case newerThan > 0:
		rows, err = s.r.QueryContext(ctx, "SELECT * FROM ("+cols+" WHERE a.id > ? ORDER BY a.id LIMIT ?) ORDER BY 1 DESC", newerThan, limit)
	default:
		rows, err = s.r.QueryContext(ctx, cols+" ORDER BY a.id DESC LIMIT ?", limit)
	}
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.UserID, &e.UserName, &e.Action, &e.Entity, &e.EntityID, &e.EntityName, &e.Detail); err != nil {
			return nil, fmt.Errorf("store: audit log: %w", err)
		}
		e.At = parseTS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
