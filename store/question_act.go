package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
)

// Actions on an item. Which are allowed in which state is the store's
// business (allowed), not only the pages': a forbidden one is ErrTransition.
const (
	ActAccept      = "accept"       // officer: publish the question (its redacted copy)
	ActReject      = "reject"       // officer: spam, abuse, duplicate; public reason
	ActForward     = "forward"      // officer: to another body, with why
	ActAssign      = "assign"       // officer: a unit and an officer
	ActNote        = "note"         // officer: a private note
	ActRequestInfo = "request_info" // officer: ask the resident; the clock pauses
	ActProvideInfo = "provide_info" // resident (or officer recording it): the clock runs again
	ActExtend      = "extend"       // officer: one extension with a public reason
	ActSaveDraft   = "save_draft"   // officer: the answer being written
	ActAnswer      = "answer"       // officer: publish the answer
	ActDismiss     = "dismiss"      // officer: close without action, with why
	ActProtect     = "protect"      // officer: into the protected class, never out
	ActReopen      = "reopen"       // resident: the answer did not help, with a reason
	ActConfirm     = "confirm"      // resident: the answer helped
	ActRate        = "rate"         // resident: satisfaction 1–5
	ActPublishFile = "publish_file" // officer: publish a file with the answer
)

// allowed lists the states each action may start from.
var allowed = map[string][]string{
	ActAccept:      {QReceived},
	ActReject:      {QReceived},
	ActForward:     {QReceived, QAccepted, QAssigned},
	ActAssign:      {QAccepted, QAssigned, QWaiting},
	ActNote:        {QReceived, QAccepted, QAssigned, QWaiting, QAnswered, QClosed, QRejected, QForwarded, QDismissed},
	ActRequestInfo: {QAccepted, QAssigned},
	ActProvideInfo: {QWaiting},
	ActExtend:      {QAccepted, QAssigned, QWaiting},
	ActSaveDraft:   {QAccepted, QAssigned, QWaiting, QAnswered},
	ActAnswer:      {QAccepted, QAssigned},
	ActDismiss:     {QReceived, QAccepted, QAssigned, QWaiting},
	ActProtect:     {QReceived, QAccepted, QAssigned, QWaiting, QAnswered, QClosed, QRejected, QForwarded, QDismissed},
	ActReopen:      {QAnswered},
	ActConfirm:     {QAnswered},
	ActRate:        {QAnswered, QClosed},
	ActPublishFile: {QAnswered, QClosed},
}

// residentActions are the only ones an asker may take, and only they.
var residentActions = map[string]bool{ActProvideInfo: true, ActReopen: true, ActConfirm: true, ActRate: true}

// Allowed reports whether action a may be taken on an item in state.
func Allowed(state, a string) bool {
	for _, s := range allowed[a] {
		if s == state {
			return true
		}
	}
	return false
}

// Rejection grounds: the public reason of a rejection.
const (
	RejectSpam      = "spam"
	RejectAbuse     = "abuse"
	RejectDuplicate = "duplicate"
	RejectOther     = "other"
)

// Action is one step taken on an item. Only the fields the action uses are
// read.
type Action struct {
	Kind string // one of the Act* actions
	// Note: the public reason (reject, forward — to whom and why, dismiss,
	// extend), the private note, the request to the resident, the
	// resident's clarification or reason to reopen.
	Note string
	// Accept: the public copy, with personal data removed.
	PublicTitle, PublicBody string
	// Accept (requests for information): complex information, on the
	// longer clock.
	Complex bool
	// Reject: the ground, and the original of a duplicate.
	Ground      string
	DuplicateOf int64
	// Assign.
	UnitID, AssigneeID int64
	// Extend: working days.
	Days int
	// SaveDraft, Answer: sanitised HTML. Apology: required when late.
	Answer, Apology string
	// Answer of a protected item: the public outcome.
	Outcome string
	// Answer: a disclosure that provides the requested information.
	DisclosureID int64
	// Rate: 1–5.
	Rating int
	// ProvideInfo recorded by an officer: the date the resident answered.
	On time.Time
	// Protect: complaint or denunciation.
	ProtectAs string
	// PublishFile: the file.
	AttachmentID int64
}

// Act takes one step on item id. It checks the step is allowed in the
// item's current state and by this actor, inside the same transaction that
// makes it, so two officers acting at once cannot both succeed where only
// one may.
func (s *Store) Act(ctx context.Context, id int64, a Action, by Actor) error {
	cal, err := s.calendar()
	if err != nil {
		return err
	}
	if by.UserID == 0 && !by.Resident {
		return fmt.Errorf("store: act %s: no actor", a.Kind)
	}
	if by.Resident != residentActions[a.Kind] && !(a.Kind == ActProvideInfo && by.UserID != 0) {
		return ErrTransition
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		q, err := s.question(ctx, tx, "q.id = ?", id)
		if err != nil {
			return err
		}
		if !Allowed(q.State, a.Kind) {
			return ErrTransition
		}
		t := &transition{s: s, ctx: ctx, tx: tx, q: q, a: a, by: by, cal: cal, now: s.now()}
		t.today = civilDate(t.now)
		if err := t.apply(); err != nil {
			return err
		}
		if by.UserID != 0 {
			return s.audit(ctx, tx, by.UserID, "question."+a.Kind, "question", id, "")
		}
		return nil
	})
	if err != nil && !isRefusal(err) {
		return fmt.Errorf("store: question %d %s: %w", id, a.Kind, err)
	}
	return err
}

func isRefusal(err error) bool {
	for _, r := range []error{ErrNotFound, ErrTransition, ErrApologyRequired, ErrTooManyReopens, ErrExtensionUsed,
		ErrExtensionTooLong, ErrProtectedForever, ErrReasonRequired, ErrDuplicateOriginal, ErrInvalid} {
		if errors.Is(err, r) {
			return true
		}
	}
	return false
}

// ErrInvalid is a step whose values are out of range (a rating of 7, a
// protection as something that is not a protected kind).
var ErrInvalid = errors.New("store: invalid value for the action")

// transition is one Act in progress.
type transition struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	q     Question
	a     Action
	by    Actor
	cal   qclock.Calendar
	now   time.Time
	today time.Time
	// stmts, when set, prepares the transition's statements once for a
	// whole bulk load (LoadQuestions).
	stmts *stmtCache
}

// conn is where the transition's statements go.
func (t *transition) conn() execQueryer {
	if t.stmts != nil {
		return t.stmts
	}
	return t.tx
}

func (t *transition) exec(query string, args ...any) error {
	_, err := t.conn().ExecContext(t.ctx, query, args...)
	return err
}

// set updates columns of the item; public marks a public change (lists
// page by updated_at).
func (t *transition) set(public bool, cols string, args ...any) error {
	if public {
		cols += ", updated_at = ?"
		args = append(args, ts(t.now))
	}
	args = append(args, t.q.ID)
	return t.exec("UPDATE questions SET "+cols+" WHERE id = ?", args...)
}

func (t *transition) event(action, state string, private bool, days int, ref int64, note string) error {
	return t.s.event(t.ctx, t.conn(), t.now, t.q.ID, t.by, action, state, private, days, ref, note)
}

// due recomputes the due date from the item's clock after a change.
func (t *transition) due(q Question) string { return fmtDate(q.Clock().Due(t.cal)) }

// ended is called when an item reaches a state the commune is done with:
// the mail code goes (except after an answer, which the asker may reopen)
// and a requester's identity gets its erasure date.
func (t *transition) ended(keepMailCode bool) error {
	if !keepMailCode {
		if err := t.exec("UPDATE questions SET mail_code = '' WHERE id = ?", t.q.ID); err != nil {
			return err
		}
	}
	if t.q.Kind != rules.KindInfoRequest {
		return nil
	}
	keep, err := limit(t.ctx, t.conn(), t.q.Kind, t.q.Topic, rules.LimitIdentityKeep)
	if err != nil {
		return err
	}
	return t.exec("UPDATE question_identities SET erase_after = ? WHERE question_id = ?",
		fmtDate(t.today.AddDate(0, 0, keep)), t.q.ID)
}

func need(s string) error {
	if strings.TrimSpace(s) == "" {
		return ErrReasonRequired
	}
	return nil
}

func (t *transition) apply() error {
	q, a := t.q, t.a
	switch a.Kind {
	case ActAccept:
		state := QAccepted
		q.State = state
		reply := q.ReplyDays
		if a.Complex && q.Kind == rules.KindInfoRequest {
			n, err := limit(t.ctx, t.tx, q.Kind, q.Topic, rules.LimitReplyComplex)
			if err != nil {
				return err
			}
			reply = n
		}
		q.ReplyDays = reply
		clockStart := q.ClockStart
		if q.Protected {
			// Complaints and denunciations: the clock starts at acceptance,
			// and their text is never public.
			clockStart = t.today
			q.ClockStart = clockStart
			a.PublicTitle, a.PublicBody = "", ""
		} else if need(a.PublicTitle) != nil || need(a.PublicBody) != nil {
			return ErrReasonRequired
		}
		redacted := !q.Protected && (a.PublicTitle != q.Title || a.PublicBody != q.Body)
		if err := t.set(true, "state = ?, public_title = ?, public_body = ?, redacted = ?, reply_days = ?, clock_start = ?, due_on = ?",
			state, a.PublicTitle, a.PublicBody, redacted, reply, fmtDate(clockStart), t.due(q)); err != nil {
			return err
		}
		note := ""
		if a.Complex {
			note = "complex"
		}
		return t.event("accepted", state, false, 0, 0, note)

	case ActReject:
		if err := need(a.Ground); err != nil {
			return err
		}
		switch a.Ground {
		case RejectSpam, RejectAbuse, RejectDuplicate, RejectOther:
		default:
			return ErrInvalid
		}
		// A refused request for information names its legal ground (Law
		// on Access to Information 104/2016, Art. 31: refusal in writing with
		// its grounds).
		if a.Ground == RejectOther || q.Kind == rules.KindInfoRequest {
			if err := need(a.Note); err != nil {
				return err
			}
		}
		var dup any
		if a.Ground == RejectDuplicate {
			var listed bool
			err := t.tx.QueryRowContext(t.ctx, "SELECT listed FROM questions WHERE id = ?", a.DuplicateOf).Scan(&listed)
			if errors.Is(err, sql.ErrNoRows) || (err == nil && (!listed || a.DuplicateOf == q.ID)) {
				return ErrDuplicateOriginal
			}
			if err != nil {
				return err
			}
			dup = a.DuplicateOf
		}
		reason := a.Ground
		if strings.TrimSpace(a.Note) != "" {
			reason += ": " + strings.TrimSpace(a.Note)
		}
		if err := t.set(true, "state = ?, reason = ?, duplicate_of = ?", QRejected, reason, dup); err != nil {
			return err
		}
		if err := t.event("rejected", QRejected, false, 0, a.DuplicateOf, reason); err != nil {
			return err
		}
		if err := t.notify("rejected"); err != nil {
			return err
		}
		return t.ended(false)

	case ActForward:
		if err := need(a.Note); err != nil {
			return err
		}
		if err := t.set(true, "state = ?, reason = ?", QForwarded, a.Note); err != nil {
			return err
		}
		if err := t.event("forwarded", QForwarded, false, 0, 0, a.Note); err != nil {
			return err
		}
		if err := t.notify("forwarded"); err != nil {
			return err
		}
		return t.ended(false)

	case ActAssign:
		if a.UnitID == 0 {
			return ErrInvalid
		}
		if a.AssigneeID != 0 {
			var unit sql.NullInt64
			err := t.conn().QueryRowContext(t.ctx, "SELECT unit_id FROM users WHERE id = ? AND active = 1", a.AssigneeID).Scan(&unit)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrInvalid
			}
			if err != nil {
				return err
			}
		}
		state := QAssigned
		if q.State == QWaiting {
			state = QWaiting
		}
		if err := t.set(true, "state = ?, unit_id = ?, assignee_id = ?", state, a.UnitID, nullID(a.AssigneeID)); err != nil {
			return err
		}
		var unitName string
		if err := t.conn().QueryRowContext(t.ctx, "SELECT name FROM units WHERE id = ?", a.UnitID).Scan(&unitName); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrInvalid
			}
			return err
		}
		return t.event("assigned", state, false, 0, a.UnitID, unitName)

	case ActNote:
		if err := need(a.Note); err != nil {
			return err
		}
		return t.event("note", q.State, true, 0, 0, a.Note)

	case ActRequestInfo:
		if err := need(a.Note); err != nil {
			return err
		}
		if err := t.set(true, "state = ?, paused_since = ?", QWaiting, fmtDate(t.today)); err != nil {
			return err
		}
		return t.event("info_requested", QWaiting, false, 0, 0, a.Note)

	case ActProvideInfo:
		if err := need(a.Note); err != nil {
			return err
		}
		on := t.today
		if t.by.UserID != 0 && !a.On.IsZero() {
			if a.On.Before(q.PausedSince) || a.On.After(t.today) {
				return ErrInvalid
			}
			on = a.On
		}
		q.Paused += q.Clock().PauseDays(t.cal, q.PausedSince, on)
		q.PausedSince = time.Time{}
		state := QAccepted
		if q.UnitID != 0 {
			state = QAssigned
		}
		q.State = state
		if err := t.set(true, "state = ?, paused_days = ?, paused_since = '', due_on = ?", state, q.Paused, t.due(q)); err != nil {
			return err
		}
		// The clarification may carry personal data: the asker and
		// officers see it, the public sees that the clock ran again.
		return t.event("info_provided", state, false, 0, 0, a.Note)

	case ActExtend:
		if err := need(a.Note); err != nil {
			return err
		}
		if q.Extension > 0 {
			return ErrExtensionUsed
		}
		max, err := limit(t.ctx, t.tx, q.Kind, q.Topic, rules.LimitExtension)
		if err != nil {
			return err
		}
		if a.Days < 1 || a.Days > max {
			return ErrExtensionTooLong
		}
		q.Extension = a.Days
		if err := t.set(true, "extension_days = ?, due_on = ?", a.Days, t.due(q)); err != nil {
			return err
		}
		return t.event("extended", q.State, false, a.Days, 0, a.Note)

	case ActSaveDraft:
		return t.set(false, "answer_draft = ?", a.Answer)

	case ActAnswer:
		if err := need(a.Answer); err != nil {
			return err
		}
		late := t.today.After(q.DueOn)
		if late && q.FirstAnsweredAt.IsZero() && strings.TrimSpace(a.Apology) == "" {
			return ErrApologyRequired
		}
		apology := strings.TrimSpace(a.Apology)
		if !late {
			apology = q.Apology
		}
		cols := "state = ?, answer = ?, answer_draft = '', apology = ?, answered_at = ?, answered_by = ?, outcome = ?, disclosure_id = ?"
		args := []any{QAnswered, a.Answer, apology, ts(t.now), t.by.UserID, a.Outcome, nullID(a.DisclosureID)}
		if q.FirstAnsweredAt.IsZero() {
			cols += ", first_answered_at = ?, first_due_on = ?"
			args = append(args, ts(t.now), fmtDate(q.DueOn))
			if t.s.questionStats() {
				// The response statistics' days taken (migration 0014).
				cols += ", first_answer_days = ?"
				args = append(args, q.Clock().Taken(t.cal, t.today))
			}
		}
		if err := t.set(true, cols, args...); err != nil {
			return err
		}
		note := ""
		if late {
			note = "late"
		}
		if err := t.event("answered", QAnswered, false, 0, a.DisclosureID, note); err != nil {
			return err
		}
		if err := t.notify("answered"); err != nil {
			return err
		}
		return t.ended(true)

	case ActDismiss:
		if err := need(a.Note); err != nil {
			return err
		}
		if err := t.set(true, "state = ?, reason = ?", QDismissed, a.Note); err != nil {
			return err
		}
		if err := t.event("dismissed", QDismissed, false, 0, 0, a.Note); err != nil {
			return err
		}
		return t.ended(false)

	case ActProtect:
		if q.Protected {
			return ErrProtectedForever
		}
		if !rules.Protected(a.ProtectAs) {
			return ErrInvalid
		}
		// The public copy goes with the protection: nothing of the item
		// stays public but its kind, state and outcome.
		if err := t.set(true, "protected = 1, kind = ?, public_title = '', public_body = '', name_public = 0",
			a.ProtectAs); err != nil {
			return err
		}
		if err := t.exec("UPDATE question_files SET public = 0 WHERE question_id = ?", q.ID); err != nil {
			return err
		}
		return t.event("protected", q.State, false, 0, 0, "")

	case ActReopen:
		if err := need(a.Note); err != nil {
			return err
		}
		if q.ReopenCount >= rules.MaxReopens {
			return ErrTooManyReopens
		}
		state := QAccepted
		if q.UnitID != 0 {
			state = QAssigned
		}
		// A new cycle: the clock starts again today.
		q.ClockStart, q.Paused, q.Extension, q.PausedSince = t.today, 0, 0, time.Time{}
		if err := t.set(true, "state = ?, reopen_count = reopen_count + 1, clock_start = ?, paused_days = 0, extension_days = 0, due_on = ?",
			state, fmtDate(t.today), t.due(q)); err != nil {
			return err
		}
		return t.event("reopened", state, false, 0, 0, a.Note)

	case ActConfirm:
		if err := t.set(true, "state = ?, confirmed_at = ?", QClosed, ts(t.now)); err != nil {
			return err
		}
		if err := t.event("confirmed", QClosed, false, 0, 0, ""); err != nil {
			return err
		}
		return t.ended(false)

	case ActRate:
		if a.Rating < 1 || a.Rating > 5 {
			return ErrInvalid
		}
		if err := t.set(false, "satisfaction = ?", a.Rating); err != nil {
			return err
		}
		return t.event("rated", q.State, false, a.Rating, 0, "")

	case ActPublishFile:
		if q.Protected {
			return ErrTransition
		}
		res, err := t.tx.ExecContext(t.ctx, "UPDATE question_files SET public = 1 WHERE question_id = ? AND attachment_id = ?",
			q.ID, a.AttachmentID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if err := t.exec("UPDATE questions SET updated_at = ? WHERE id = ?", ts(t.now), q.ID); err != nil {
			return err
		}
		return t.event("file_published", q.State, false, 0, a.AttachmentID, "")
	}
	return fmt.Errorf("store: unknown action %q", a.Kind)
}

// RecomputeDueDates recomputes the due date of every open item with the
// calendar in use: after an administrator changes the holidays table.
func (s *Store) RecomputeDueDates(ctx context.Context) (int, error) {
	cal, err := s.calendar()
	if err != nil {
		return 0, err
	}
	changed := 0
	err = s.tx(ctx, func(tx *sql.Tx) error {
		// Only the clock's facts: every start runs this over every open
		// item (46,000 of a million), so no joins and no long text.
		rows, err := tx.QueryContext(ctx, `
			SELECT id, kind, state, protected, received_on, clock_start, triage_days, reply_days,
				extension_days, paused_days, paused_since, due_on
			FROM questions WHERE open = 1`)
		if err != nil {
			return err
		}
		var qs []Question
		for rows.Next() {
			var q Question
			var received, start, paused, due string
			if err := rows.Scan(&q.ID, &q.Kind, &q.State, &q.Protected, &received, &start, &q.TriageDays, &q.ReplyDays,
				&q.Extension, &q.Paused, &paused, &due); err != nil {
				rows.Close()
				return err
			}
			q.ReceivedOn, q.ClockStart, q.PausedSince, q.DueOn = parseDate(received), parseDate(start), parseDate(paused), parseDate(due)
			qs = append(qs, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, q := range qs {
			var due time.Time
			if q.State == QReceived && q.Protected {
				due = qclock.TriageDue(cal, q.ReceivedOn, q.TriageDays, false)
			} else {
				due = q.Clock().Due(cal)
			}
			if due.Equal(q.DueOn) {
				continue
			}
			if _, err := tx.ExecContext(ctx, "UPDATE questions SET due_on = ? WHERE id = ?", fmtDate(due), q.ID); err != nil {
				return err
			}
			changed++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: recompute due dates: %w", err)
	}
	return changed, nil
}

// EraseExpiredIdentities erases the identities of requesters whose
// requests ended longer ago than the period kept.
func (s *Store) EraseExpiredIdentities(ctx context.Context) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM question_identities WHERE erase_after <> '' AND erase_after <= ?",
			fmtDate(civilDate(s.now())))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: erase identities: %w", err)
	}
	return int(n), nil
}

// QuestionIdentity reads a requester's identity (officers only);
// ErrNotFound when there is none or it was erased.
func (s *Store) QuestionIdentity(ctx context.Context, id int64) (Identity, error) {
	var in Identity
	err := s.r.QueryRowContext(ctx, "SELECT full_name, address, id_number FROM question_identities WHERE question_id = ?", id).
		Scan(&in.FullName, &in.Address, &in.IDNumber)
	if errors.Is(err, sql.ErrNoRows) {
		return in, ErrNotFound
	}
	if err != nil {
		return in, fmt.Errorf("store: identity: %w", err)
	}
	return in, nil
}

// MailComposer writes the message that tells an asker what became of their
// item: kind is "answered", "forwarded" or "rejected"; code is their
// tracking code; title the title they wrote.
type MailComposer func(st Settings, kind, code, title string) (subject, body string)

type composerHolder struct{ f MailComposer }

// SetMailComposer sets how the store words the mail it queues when an
// item is answered, forwarded or rejected. Without one, or without a mail
// server in the settings, no mail is queued.
func (s *Store) SetMailComposer(f MailComposer) { s.composer.Store(&composerHolder{f}) }

// notify queues the asker's mail inside the transition's transaction, when
// they left an e-mail address (the code is kept only then) and a mail
// server is set up.
func (t *transition) notify(kind string) error {
	h := t.s.composer.Load()
	if h == nil || h.f == nil {
		return nil
	}
	var code, contact, title string
	err := t.tx.QueryRowContext(t.ctx, "SELECT mail_code, contact, title FROM questions WHERE id = ?", t.q.ID).
		Scan(&code, &contact, &title)
	if err != nil {
		return err
	}
	if code == "" || !IsMailAddress(contact) {
		return nil
	}
	st, err := t.s.Settings(t.ctx)
	if err != nil {
		return err
	}
	if !st.MailEnabled() {
		return nil
	}
	subject, body := h.f(st, kind, code, title)
	return t.s.enqueueMail(t.ctx, t.tx, Mail{Kind: "question." + kind, Ref: t.q.ID, Recipient: contact, Subject: subject, Body: body})
}
