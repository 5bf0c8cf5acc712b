package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
)

// Question states. Honest states only: "answered" means the answer is
// published; a rejected item's text never becomes public, only its reason.
const (
	QReceived  = "received"  // sent, not yet triaged; not public
	QAccepted  = "accepted"  // the question is public, nobody assigned yet
	QAssigned  = "assigned"  // a unit (and officer) handles it
	QWaiting   = "waiting"   // waiting for the resident's clarification; the clock pauses
	QAnswered  = "answered"  // the answer is published
	QClosed    = "closed"    // the asker confirmed the answer helped
	QRejected  = "rejected"  // spam, abuse, duplicate: public reason only
	QForwarded = "forwarded" // not the commune's competence: sent to another body
	QDismissed = "dismissed" // closed without action, with why
)

// QuestionsSchema is the schema version that added questions: a database
// at an older version (being upgraded) has none.
const QuestionsSchema = 5

// Channels through which an item reaches the commune.
const (
	ChannelWeb            = "web"
	ChannelPhone          = "phone"
	ChannelLetter         = "letter"
	ChannelInPerson       = "in_person"
	ChannelReceptionDay   = "reception_day"
	ChannelNationalPortal = "national_portal"
)

// Channels lists the channels in the order forms show them.
func Channels() []string {
	return []string{ChannelWeb, ChannelPhone, ChannelLetter, ChannelInPerson, ChannelReceptionDay, ChannelNationalPortal}
}

// Refusals of the question lifecycle. Pages map them to 409 with a message.
var (
	ErrTransition        = errors.New("store: that action is not allowed in the item's state")
	ErrAlreadyReceived   = errors.New("store: an identical submission was already received")
	ErrApologyRequired   = errors.New("store: a late answer needs an apology")
	ErrTooManyReopens    = errors.New("store: the item was reopened the most times allowed")
	ErrExtensionUsed     = errors.New("store: the item was already extended in this cycle")
	ErrExtensionTooLong  = errors.New("store: the extension is longer than allowed")
	ErrProtectedForever  = errors.New("store: a protected item stays protected")
	ErrNoCalendar        = errors.New("store: no working-day calendar set")
	ErrDuplicateOriginal = errors.New("store: the original of a duplicate must be a public item")
)

// Question is an item a resident sent. For officers it is the whole item;
// PublicQuestion and the public lists return a copy with everything private
// emptied (see Public).
type Question struct {
	ID          int64
	Kind        string
	Protected   bool
	State       string
	Topic       string
	VillageID   int64
	VillageName string
	Channel     string
	NationalRef string
	AskerName   string
	NamePublic  bool
	Contact     string
	ReceivedOn  time.Time
	ReceivedAt  time.Time
	ClockStart  time.Time
	TriageDays  int
	ReplyDays   int
	Extension   int
	Paused      int
	PausedSince time.Time
	DueOn       time.Time
	UnitID      int64
	UnitName    string
	AssigneeID  int64
	Assignee    string
	// The first answer: when, the due date then in force.
	FirstAnsweredAt time.Time
	FirstDueOn      time.Time
	AnsweredAt      time.Time
	// Who answered last: their unit and title (public), name (officers).
	AnsweredBy   int64
	AnswerUnit   string
	AnswerTitle  string
	ReopenCount  int
	Satisfaction int // 0: not rated
	ConfirmedAt  time.Time
	DuplicateOf  int64
	DisclosureID int64
	Redacted     bool
	UpdatedAt    time.Time
	CreatedBy    int64
	CreatedAt    time.Time
	Title        string
	PublicTitle  string
	Reason       string
	Apology      string
	Outcome      string
	Answer       string
	AnswerDraft  string
	PublicBody   string
	Body         string
	Files        []QuestionFile
}

// QuestionFile is a file sent with a question or its answer.
type QuestionFile struct {
	Attachment
	FromAsker bool
	Public    bool
	Stripped  string // what was removed from a photo before it was stored
}

// Listed reports whether the item appears in public lists.
func (q Question) Listed() bool { return q.State != QReceived && !q.Protected }

// TextPublic reports whether the item's (redacted) title and body are
// public: it was accepted and is not protected.
func (q Question) TextPublic() bool { return q.Listed() && q.PublicTitle != "" }

// IsOpen reports whether the item still awaits the commune.
func (q Question) IsOpen() bool {
	switch q.State {
	case QReceived, QAccepted, QAssigned, QWaiting:
		return true
	}
	return false
}

// Clock is the item's deadline clock (see portal/qclock).
func (q Question) Clock() qclock.Clock {
	c := qclock.Clock{
		Start: q.ClockStart, ReplyDays: q.ReplyDays, Extension: q.Extension,
		Paused: q.Paused, PausedSince: q.PausedSince, CalendarDays: rules.CalendarDays(q.Kind),
	}
	if q.State == QReceived && rules.Protected(q.Kind) {
		c.Start = time.Time{} // a complaint's reply clock starts at acceptance
	}
	return c
}

// AnsweredOnTime reports whether the first answer came by its due date;
// false while there is none.
func (q Question) AnsweredOnTime() bool {
	return !q.FirstAnsweredAt.IsZero() && !civilDate(q.FirstAnsweredAt).After(q.FirstDueOn)
}

// Public is the copy of the item that anyone may see: the redacted text
// when the text is public, never the contact, the original text, the
// asker's name unless they chose to show it, the draft answer, or private
// files. A protected item keeps only its kind, state and public outcome.
func (q Question) Public() Question {
	p := q
	p.Contact, p.Body, p.Title, p.AnswerDraft = "", "", "", ""
	p.AssigneeID, p.Assignee, p.CreatedBy = 0, "", 0
	if !p.NamePublic {
		p.AskerName = ""
	}
	if !q.TextPublic() {
		p.PublicTitle, p.PublicBody = "", ""
	}
	if q.Protected {
		p.AskerName, p.Answer, p.Apology, p.Topic, p.VillageID, p.VillageName = "", "", "", "", 0, ""
		p.Reason, p.NationalRef, p.Channel = "", "", ""
	}
	p.Files = nil
	for _, f := range q.Files {
		if f.Public && !q.Protected {
			p.Files = append(p.Files, f)
		}
	}
	return p
}

// civilDate is the date in Vietnam of an instant, as a UTC midnight.
func civilDate(t time.Time) time.Time { return civilToday(t) }

// calendarHolder lets the calendar be swapped while requests run.
type calendarHolder struct{ c qclock.Calendar }

// SetCalendar sets the working-day calendar the store computes due dates
// with. The portal sets it from the holidays table and again after every
// change to it (then calls RecomputeDueDates).
func (s *Store) SetCalendar(c qclock.Calendar) { s.cal.Store(&calendarHolder{c}) }

func (s *Store) calendar() (qclock.Calendar, error) {
	h := s.cal.Load()
	if h == nil || h.c == nil {
		return nil, ErrNoCalendar
	}
	return h.c, nil
}

// limit is the clock value in force for a kind, topic and name: an
// administrator's value for the topic, else for the kind, else the
// legal default.
func limit(ctx context.Context, q queryer, kind, topic, name string) (int, error) {
	var days int
	err := q.QueryRowContext(ctx, `
		SELECT days FROM question_limits WHERE kind = ? AND name = ? AND topic IN (?, '')
		ORDER BY topic DESC LIMIT 1`, kind, name, topic).Scan(&days)
	if err == nil {
		return days, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: limit %s: %w", name, err)
	}
	l, ok := rules.DefaultLimit(kind, name)
	if !ok {
		return 0, fmt.Errorf("store: no limit %q for %s", name, kind)
	}
	return l.Days, nil
}

// questionColumns are read by scanQuestion, in order.
const questionColumns = `q.id, q.kind, q.protected, q.state, q.topic, COALESCE(q.village_id, 0), COALESCE(v.name, ''),
	q.channel, q.national_ref, q.asker_name, q.name_public, q.contact, q.received_on, q.received_at, q.clock_start,
	q.triage_days, q.reply_days, q.extension_days, q.paused_days, q.paused_since, q.due_on,
	COALESCE(q.unit_id, 0), COALESCE(un.name, ''), COALESCE(q.assignee_id, 0), COALESCE(asg.name, ''),
	q.first_answered_at, q.first_due_on, q.answered_at, COALESCE(q.answered_by, 0),
	COALESCE((SELECT un2.name FROM users ab JOIN units un2 ON un2.id = ab.unit_id WHERE ab.id = q.answered_by), ''),
	COALESCE((SELECT ab.title FROM users ab WHERE ab.id = q.answered_by), ''),
	q.reopen_count, COALESCE(q.satisfaction, 0), q.confirmed_at, COALESCE(q.duplicate_of, 0), COALESCE(q.disclosure_id, 0),
	q.redacted, q.updated_at, COALESCE(q.created_by, 0), q.created_at,
	q.title, q.public_title, q.reason, q.apology, q.outcome, q.answer, q.answer_draft, q.public_body, q.body`

const questionFrom = ` FROM questions q
	LEFT JOIN villages v ON v.id = q.village_id
	LEFT JOIN units un ON un.id = q.unit_id
	LEFT JOIN users asg ON asg.id = q.assignee_id`

func scanQuestion(row interface{ Scan(...any) error }) (Question, error) {
	var q Question
	var received, receivedAt, clockStart, pausedSince, due, firstAt, firstDue, answeredAt, confirmed, updated, created string
	err := row.Scan(&q.ID, &q.Kind, &q.Protected, &q.State, &q.Topic, &q.VillageID, &q.VillageName,
		&q.Channel, &q.NationalRef, &q.AskerName, &q.NamePublic, &q.Contact, &received, &receivedAt, &clockStart,
		&q.TriageDays, &q.ReplyDays, &q.Extension, &q.Paused, &pausedSince, &due,
		&q.UnitID, &q.UnitName, &q.AssigneeID, &q.Assignee,
		&firstAt, &firstDue, &answeredAt, &q.AnsweredBy, &q.AnswerUnit, &q.AnswerTitle,
		&q.ReopenCount, &q.Satisfaction, &confirmed, &q.DuplicateOf, &q.DisclosureID,
		&q.Redacted, &updated, &q.CreatedBy, &created,
		&q.Title, &q.PublicTitle, &q.Reason, &q.Apology, &q.Outcome, &q.Answer, &q.AnswerDraft, &q.PublicBody, &q.Body)
	if err != nil {
		return q, err
	}
	q.ReceivedOn, q.ReceivedAt, q.ClockStart = parseDate(received), parseTS(receivedAt), parseDate(clockStart)
	q.PausedSince, q.DueOn = parseDate(pausedSince), parseDate(due)
	q.FirstAnsweredAt, q.FirstDueOn, q.AnsweredAt = parseTS(firstAt), parseDate(firstDue), parseTS(answeredAt)
	q.ConfirmedAt, q.UpdatedAt, q.CreatedAt = parseTS(confirmed), parseTS(updated), parseTS(created)
	return q, nil
}

// Question reads an item whole, for officers.
func (s *Store) Question(ctx context.Context, id int64) (Question, error) {
	return s.question(ctx, s.r, "q.id = ?", id)
}

// QuestionByCode reads the item a tracking code opens, given the code's
// hash (tracking.Code.Hash).
func (s *Store) QuestionByCode(ctx context.Context, codeHash string) (Question, error) {
	return s.question(ctx, s.r, "q.code_hash = ?", codeHash)
}

// PublicQuestion reads the public copy of a listed item. Items not yet
// triaged and protected items are not found.
func (s *Store) PublicQuestion(ctx context.Context, id int64) (Question, error) {
	q, err := s.question(ctx, s.r, "q.id = ? AND q.listed", id)
	if err != nil {
		return q, err
	}
	return q.Public(), nil
}

func (s *Store) question(ctx context.Context, db queryer, where string, arg any) (Question, error) {
	q, err := scanQuestion(db.QueryRowContext(ctx, "SELECT "+questionColumns+questionFrom+" WHERE "+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return q, ErrNotFound
	}
	if err != nil {
		return q, fmt.Errorf("store: question: %w", err)
	}
	q.Files, err = questionFiles(ctx, db, q.ID)
	return q, err
}

func questionFiles(ctx context.Context, db queryer, id int64) ([]QuestionFile, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT a.id, a.sha256, a.size, a.mime, a.filename, a.created_at, f.from_asker, f.public, f.stripped
		FROM question_files f JOIN attachments a ON a.id = f.attachment_id
		WHERE f.question_id = ? ORDER BY f.position`, id)
	if err != nil {
		return nil, fmt.Errorf("store: question files: %w", err)
	}
	defer rows.Close()
	var out []QuestionFile
	for rows.Next() {
		var f QuestionFile
		var created string
		if err := rows.Scan(&f.ID, &f.SHA256, &f.Size, &f.MIME, &f.Filename, &created, &f.FromAsker, &f.Public, &f.Stripped); err != nil {
			return nil, fmt.Errorf("store: question files: %w", err)
		}
		f.CreatedAt = parseTS(created)
		out = append(out, f)
	}
	return out, rows.Err()
}

// NewQuestion is what a resident sends, or what an officer records on a
// resident's behalf.
type NewQuestion struct {
	CodeHash    string // hash of the tracking code given to the asker
	MailCode    string // the code itself, only when Contact is an e-mail address
	Kind        string
	Topic       string
	VillageID   int64
	Channel     string
	NationalRef string
	Title       string
	Body        string
	AskerName   string
	NamePublic  bool
	Contact     string
	// ReceivedOn is the civil date the item reached the commune: the clock
	// starts then. Zero means today (a web submission).
	ReceivedOn time.Time
	// The citizen reception session where it was raised (see
	// QuestionReception); "" none.
	ReceptionSession string
	ReceptionLabel   string
	// DupKey recognises an identical resubmission (empty: no check).
	DupKey   string
	Identity *Identity
	Files    []NewQuestionFile
	// AboutID is the disclosure the question is about (0: none); it must
	// be public (ErrAboutNotPublic).
	AboutID int64
}

// NewQuestionFile is an uploaded file to attach.
type NewQuestionFile struct {
	AttachmentID int64
	Stripped     string
}

// Identity is what the Law on Access to Information (Art. 24) asks of a
// requester. Officers only; erased a named period after the request ends.
type Identity struct {
	FullName string
	Address  string
	IDNumber string
}

// DuplicateWindow is how far back an identical submission is recognised.
const DuplicateWindow = 30 * 24 * time.Hour

// SubmitQuestion saves a new item and its first event. An identical
// resubmission (same DupKey within DuplicateWindow) saves nothing and
// returns ErrAlreadyReceived. userID is the officer recording an item on a
// resident's behalf, 0 for a resident.
func (s *Store) SubmitQuestion(ctx context.Context, nq NewQuestion, userID int64) (int64, error) {
	cal, err := s.calendar()
	if err != nil {
		return 0, err
	}
	if rules.Protected(nq.Kind) && nq.NamePublic {
		nq.NamePublic = false
	}
	now := s.now()
	received := nq.ReceivedOn
	if received.IsZero() {
		received = civilDate(now)
	}
	var id int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if nq.DupKey != "" {
			var n int
			err := tx.QueryRowContext(ctx, dupQuery,
				nq.DupKey, ts(now.Add(-DuplicateWindow))).Scan(&n)
			if err != nil {
				return err
			}
			if n > 0 {
				return ErrAlreadyReceived
			}
		}
		triage, err := limit(ctx, tx, nq.Kind, nq.Topic, rules.LimitTriage)
		if err != nil {
			return err
		}
		reply, err := limit(ctx, tx, nq.Kind, nq.Topic, rules.LimitReply)
		if err != nil {
			return err
		}
		clock := qclock.Clock{Start: received, ReplyDays: reply, CalendarDays: rules.CalendarDays(nq.Kind)}
		// Until an officer triages it, an item is due for triage; a
		// complaint's reply clock starts only at acceptance.
		due := clock.Due(cal)
		if rules.Protected(nq.Kind) {
			due = qclock.TriageDue(cal, received, triage, false)
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO questions(code_hash, kind, protected, state, topic, village_id, channel, national_ref,
				asker_name, name_public, contact, mail_code, received_on, received_at, clock_start,
				triage_days, reply_days, due_on, dup_key, updated_at, created_by, created_at, title, body)
			VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			nq.CodeHash, nq.Kind, rules.Protected(nq.Kind), nq.Topic, nullID(nq.VillageID), nq.Channel, nq.NationalRef,
			nq.AskerName, nq.NamePublic, nq.Contact, nq.MailCode, fmtDate(received), ts(now), fmtDate(received),
			triage, reply, fmtDate(due), nq.DupKey, ts(now), nullID(userID), ts(now), nq.Title, nq.Body)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		if nq.ReceptionSession != "" {
			if err := setReception(ctx, tx, id, nq.ReceptionSession, nq.ReceptionLabel); err != nil {
				return err
			}
		}
		if nq.AboutID != 0 {
			if err := setAbout(ctx, tx, id, nq.AboutID); err != nil {
				return err
			}
		}
		for i, f := range nq.Files {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO question_files(question_id, attachment_id, from_asker, public, stripped, position)
				VALUES (?, ?, 1, 0, ?, ?)`, id, f.AttachmentID, f.Stripped, i); err != nil {
				return err
			}
		}
		if nq.Identity != nil {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO question_identities(question_id, full_name, address, id_number) VALUES (?, ?, ?, ?)`,
				id, nq.Identity.FullName, nq.Identity.Address, nq.Identity.IDNumber); err != nil {
				return err
			}
		}
		actor := Actor{Resident: userID == 0, UserID: userID}
		note := ""
		if nq.Channel != ChannelWeb {
			note = nq.Channel
		}
		if err := s.event(ctx, tx, now, id, actor, "received", QReceived, false, 0, 0, note); err != nil {
			return err
		}
		if userID != 0 {
			return s.audit(ctx, tx, userID, "question.record", "question", id, nq.Channel)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrAlreadyReceived) || errors.Is(err, ErrAboutNotPublic) {
			return 0, err
		}
		return 0, fmt.Errorf("store: submit question: %w", err)
	}
	return id, nil
}

// Actor is who acts on an item: an officer (UserID), the asker through
// their tracking code (Resident), or the system.
type Actor struct {
	UserID   int64
	Resident bool
}

func (a Actor) kind() string {
	switch {
	case a.UserID != 0:
		return "officer"
	case a.Resident:
		return "resident"
	}
	return "system"
}

// event appends one event, stamping the officer's unit and title as they
// are now (the public history shows those, not the name).
func (s *Store) event(ctx context.Context, tx execQueryer, at time.Time, id int64, a Actor, action, state string, private bool, days int, ref int64, note string) error {
	var unit, title string
	if a.UserID != 0 {
		err := tx.QueryRowContext(ctx, `
			SELECT COALESCE(un.name, ''), u.title FROM users u LEFT JOIN units un ON un.id = u.unit_id
			WHERE u.id = ?`, a.UserID).Scan(&unit, &title)
		if err != nil {
			return fmt.Errorf("store: event actor: %w", err)
		}
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO question_events(question_id, at, actor, user_id, action, state, private, days, ref_id, unit_name, user_title, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, ts(at), a.kind(), nullID(a.UserID), action, state, private, days, nullID(ref), unit, title, note)
	if err != nil {
		return fmt.Errorf("store: question event: %w", err)
	}
	return nil
}

// QuestionEvent is one entry of an item's history.
type QuestionEvent struct {
	ID        int64
	At        time.Time
	Actor     string // officer, resident, system
	UserID    int64
	UserName  string // officers only
	Action    string
	State     string
	Private   bool
	Days      int
	RefID     int64
	UnitName  string
	UserTitle string
	Note      string
}

// Audiences of an item's history.
const (
	ForPublic  = iota // the public history: no private events, only public notes
	ForAsker          // the asker's page: adds the exchanges with the asker
	ForOfficer        // everything
)

// publicNotes are the actions whose note is public: the public reasons.
var publicNotes = map[string]bool{
	"rejected": true, "forwarded": true, "dismissed": true, "extended": true, "protected": true,
}

// askerNotes are the notes the asker also sees: their exchanges with the
// commune.
var askerNotes = map[string]bool{"info_requested": true, "info_provided": true, "reopened": true}

// QuestionEvents lists an item's history, oldest first, as an audience may
// see it.
func (s *Store) QuestionEvents(ctx context.Context, id int64, audience int) ([]QuestionEvent, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT e.id, e.at, e.actor, COALESCE(e.user_id, 0), COALESCE(u.name, ''), e.action, e.state, e.private,
			e.days, COALESCE(e.ref_id, 0), e.unit_name, e.user_title, e.note
		FROM question_events e LEFT JOIN users u ON u.id = e.user_id
		WHERE e.question_id = ? ORDER BY e.id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: question events: %w", err)
	}
	defer rows.Close()
	var out []QuestionEvent
	for rows.Next() {
		var e QuestionEvent
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.UserID, &e.UserName, &e.Action, &e.State, &e.Private,
			&e.Days, &e.RefID, &e.UnitName, &e.UserTitle, &e.Note); err != nil {
			return nil, fmt.Errorf("store: question events: %w", err)
		}
		e.At = parseTS(at)
		if audience != ForOfficer {
			if e.Private {
				continue
			}
			e.UserName, e.UserID = "", 0
			if !publicNotes[e.Action] && !(audience == ForAsker && askerNotes[e.Action]) {
				e.Note = ""
			}
			if e.Action == "received" {
				e.Note = "" // the channel is shown from the item
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
