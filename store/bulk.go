package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"minhbach/portal/rules"
)

// HistoryVersion is one published state of an item given to LoadHistory.
type HistoryVersion struct {
	DisclosureInput           // the content of this version; AttachmentIDs are its files
	Reason          string    // why it changed; required from the second version on
	PublishedAt     time.Time // not before the previous version
}

// HistoryItem is a disclosure with everything that happened to it.
type HistoryItem struct {
	CreatedAt time.Time
	// Draft is the working copy of an item never published (empty History).
	Draft DisclosureInput
	// History lists the published versions, oldest first; the newest is the
	// working copy, as after a normal publication.
	History        []HistoryVersion
	WithdrawnAt    time.Time // zero: not withdrawn
	WithdrawReason string
}

// LoadHistory writes many items with their whole history in one
// transaction: the rows, versions, attachment sets and audit entries that
// CreateDisclosure, PublishDisclosure, UpdateDisclosure and
// WithdrawDisclosure would have written one step at a time, with the times
// given instead of the clock. The database's own rules hold as for those
// (versions are only inserted, the public change counter moves). It exists
// for loading large data sets (benchmarks, imports), where one durable
// transaction per step would take hours. It returns the new items' ids.
func (s *Store) LoadHistory(ctx context.Context, items []HistoryItem, userID int64) ([]int64, error) {
	for i, it := range items {
		if err := it.check(); err != nil {
			return nil, fmt.Errorf("store: load history: item %d: %w", i, err)
		}
	}
	ids := make([]int64, 0, len(items))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, err := newHistoryLoader(ctx, tx)
		if err != nil {
			return err
		}
		defer l.close()
		var all []rules.DisclosureRule
		if s.structured() {
			if all, err = loadRules(ctx, tx); err != nil {
				return err
			}
		}
		var log []auditRow
		for _, it := range items {
			id, rows, err := l.item(ctx, it, nullID(userID))
			if err != nil {
				return err
			}
			if len(it.History) > 0 && all != nil {
				// As PublishDisclosure would have, on the day of the first version.
				if err := freezeRule(ctx, tx, id, all, civilToday(it.History[0].PublishedAt)); err != nil {
					return err
				}
			}
			ids = append(ids, id)
			log = append(log, rows...)
		}
		// The audit log reads in time order, as if the steps had happened.
		sort.SliceStable(log, func(a, b int) bool { return log[a].at < log[b].at })
		for _, r := range log {
			if _, err := l.insAudit.ExecContext(ctx, r.at, nullID(userID), r.action, r.id, r.detail); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: load history: %w", err)
	}
	return ids, nil
}

func (it HistoryItem) check() error {
	// The bulk path writes plain items; structured content goes through
	// CreateDisclosure and UpdateDisclosure, which validate its rows.
	if it.Draft.hasStructured() {
		return errors.New("structured content cannot be bulk-loaded")
	}
	var last time.Time
	for i, v := range it.History {
		if v.hasStructured() {
			return errors.New("structured content cannot be bulk-loaded")
		}
		if i > 0 && v.Reason == "" {
			return ErrReasonRequired
		}
		if v.PublishedAt.Before(last) || v.PublishedAt.Before(it.CreatedAt) {
			return errors.New("versions out of time order")
		}
		last = v.PublishedAt
	}
	if !it.WithdrawnAt.IsZero() {
		if len(it.History) == 0 {
			return ErrNotFound
		}
		if it.WithdrawReason == "" {
			return ErrReasonRequired
		}
		if it.WithdrawnAt.Before(last) {
			return errors.New("withdrawn before its last version")
		}
	}
	return nil
}

type auditRow struct {
	at, action, detail string
	id                 int64
}

// historyLoader holds the statements LoadHistory repeats.
type historyLoader struct {
	units                                            map[int64]string
	insItem, insWorking, insVersion, insVersionFiles *sql.Stmt
	insAudit                                         *sql.Stmt
}

func newHistoryLoader(ctx context.Context, tx *sql.Tx) (*historyLoader, error) {
	l := &historyLoader{units: map[int64]string{}}
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM units")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, err
		}
		l.units[id] = name
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&l.insItem, `INSERT INTO disclosures(category, status, title, summary, body, legal_basis, unit_id,
			posting_from, posting_until, current_version, first_published, updated_at, withdrawn_at,
			withdraw_reason, demo, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&l.insWorking, "INSERT INTO disclosure_attachments(disclosure_id, attachment_id, position) VALUES (?, ?, ?)"},
		{&l.insVersion, `INSERT INTO disclosure_versions(disclosure_id, version, category, title, summary, body,
			legal_basis, unit_name, posting_from, posting_until, reason, published_at, published_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&l.insVersionFiles, "INSERT INTO version_attachments(version_id, attachment_id, position) VALUES (?, ?, ?)"},
		{&l.insAudit, "INSERT INTO audit_log(at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, 'disclosure', ?, ?)"},
	} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.query); err != nil {
			l.close()
			return nil, err
		}
	}
	return l, nil
}

func (l *historyLoader) close() {
	for _, s := range []*sql.Stmt{l.insItem, l.insWorking, l.insVersion, l.insVersionFiles, l.insAudit} {
		if s != nil {
			s.Close()
		}
	}
}

// item writes one item and returns its id and the audit entries it makes.
func (l *historyLoader) item(ctx context.Context, it HistoryItem, user any) (int64, []auditRow, error) {
	work, status, first, updated := it.Draft, StatusDraft, "", ts(it.CreatedAt)
	if n := len(it.History); n > 0 {
		work, status = it.History[n-1].DisclosureInput, StatusPublished
		first, updated = ts(it.History[0].PublishedAt), ts(it.History[n-1].PublishedAt)
	}
	if !it.WithdrawnAt.IsZero() {
		status, updated = StatusWithdrawn, ts(it.WithdrawnAt)
	}
	res, err := l.insItem.ExecContext(ctx, work.Category, status, work.Title, work.Summary, work.Body,
		work.LegalBasis, nullID(work.UnitID), fmtDate(work.PostingFrom), fmtDate(work.PostingUntil),
		len(it.History), first, updated, ts(it.WithdrawnAt), it.WithdrawReason, work.Demo, user, ts(it.CreatedAt))
	if err != nil {
		return 0, nil, err
	}
	id, _ := res.LastInsertId()
	if err := insertFiles(ctx, l.insWorking, id, work.AttachmentIDs); err != nil {
		return 0, nil, err
	}
	log := []auditRow{{ts(it.CreatedAt), "disclosure.create", work.Title, id}}
	for i, v := range it.History {
		res, err := l.insVersion.ExecContext(ctx, id, i+1, v.Category, v.Title, v.Summary, v.Body, v.LegalBasis,
			l.units[v.UnitID], fmtDate(v.PostingFrom), fmtDate(v.PostingUntil), v.Reason, ts(v.PublishedAt), user)
		if err != nil {
			return 0, nil, err
		}
		vid, _ := res.LastInsertId()
		if err := insertFiles(ctx, l.insVersionFiles, vid, v.AttachmentIDs); err != nil {
			return 0, nil, err
		}
		if i == 0 {
			log = append(log, auditRow{ts(v.PublishedAt), "disclosure.publish", "", id})
		} else {
			log = append(log, auditRow{ts(v.PublishedAt), "disclosure.revise", v.Reason, id})
		}
	}
	if !it.WithdrawnAt.IsZero() {
		log = append(log, auditRow{ts(it.WithdrawnAt), "disclosure.withdraw", it.WithdrawReason, id})
	}
	return id, log, nil
}

// insertFiles writes an attachment set in order, skipping repeats as
// setWorkingAttachments does.
func insertFiles(ctx context.Context, stmt *sql.Stmt, owner int64, ids []int64) error {
	seen := map[int64]bool{}
	for i, aid := range ids {
		if seen[aid] {
			continue
		}
		seen[aid] = true
		if _, err := stmt.ExecContext(ctx, owner, aid, i); err != nil {
			return err
		}
	}
	return nil
}
