package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

func testMail(to string) Mail {
	return Mail{Kind: "question.answered", Ref: 7, Recipient: to, Subject: "Câu hỏi đã được trả lời", Body: "Xem tại https://xa.example/tra-cuu/TT-7K3M9-QXD4F\n"}
}

func nudged(s *Store) bool {
	select {
	case <-s.MailQueued():
		return true
	default:
		return false
	}
}

func TestMailOutboxSendsOnceAndForgetsTheAddress(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	if _, err := s.EnqueueMail(ctx, testMail("nguoihoi@example.vn")); err != nil {
		t.Fatal(err)
	}
	if !nudged(s) {
		t.Error("a committed enqueue did not nudge the sender")
	}
	due, err := s.DueMail(ctx, clock.Now(), 10)
	if err != nil || len(due) != 1 {
		t.Fatalf("DueMail = %v, %v", due, err)
	}
	m := due[0]
	if m.Recipient != "nguoihoi@example.vn" || m.Kind != "question.answered" || m.Ref != 7 || m.Attempts != 0 || !m.CreatedAt.Equal(clock.Now()) {
		t.Errorf("due mail = %+v", m)
	}
	if err := s.MarkMailSent(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.DueMail(ctx, clock.Now().Add(time.Hour), 10); len(due) != 0 {
		t.Errorf("sent mail still due: %+v", due)
	}
	r, err := s.MailRecord(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Recipient != "" || r.Body != "" || r.Subject != "" || r.SentAt.IsZero() || r.Attempts != 1 || r.Kind != "question.answered" || r.Ref != 7 {
		t.Errorf("sent record = %+v; want kind and ref kept, address and text gone", r)
	}
	if err := s.MarkMailSent(ctx, m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("marking a sent message sent again: %v", err)
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '%@%' OR body LIKE '%tra-cuu%'"); n != 0 {
		t.Errorf("%d finished rows keep an address or a link", n)
	}
}

func TestMailRetriesWithBackoffThenGivesUp(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	if _, err := s.EnqueueMail(ctx, testMail("a@example.vn")); err != nil {
		t.Fatal(err)
	}
	id := mustDue(t, s, clock.Now())[0].ID
	for try := 1; try < MailMaxAttempts; try++ {
		next := clock.Now().Add(MailBackoff(try, MailRetryFirst))
		gaveUp, err := s.MarkMailFailed(ctx, id, "451 4.3.0 thử lại sau", next)
		if err != nil || gaveUp {
			t.Fatalf("try %d: gaveUp %v, %v", try, gaveUp, err)
		}
		if due, _ := s.DueMail(ctx, next.Add(-time.Microsecond), 10); len(due) != 0 {
			t.Fatalf("try %d: due before its next attempt", try)
		}
		clock.Advance(next.Sub(clock.Now()))
		due := mustDue(t, s, clock.Now())
		if due[0].Attempts != try {
			t.Fatalf("attempts = %d, want %d", due[0].Attempts, try)
		}
	}
	gaveUp, err := s.MarkMailFailed(ctx, id, "451 4.3.0 thử lại sau", clock.Now().Add(time.Hour))
	if err != nil || !gaveUp {
		t.Fatalf("last try: gaveUp %v, %v", gaveUp, err)
	}
	r, _ := s.MailRecord(ctx, id)
	if r.GaveUpAt.IsZero() || r.Recipient != "" || r.Body != "" || r.Attempts != MailMaxAttempts || r.LastError != "451 4.3.0 thử lại sau" {
		t.Errorf("given-up record = %+v", r)
	}
	if due, _ := s.DueMail(ctx, clock.Now().Add(48*time.Hour), 10); len(due) != 0 {
		t.Error("a given-up message is still due")
	}
}

func TestMailRefusedForGoodIsGivenUpAtOnce(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	if _, err := s.EnqueueMail(ctx, testMail("khongco@example.vn")); err != nil {
		t.Fatal(err)
	}
	id := mustDue(t, s, clock.Now())[0].ID
	if gaveUp, err := s.MarkMailFailed(ctx, id, "550 5.1.1 no such user", time.Time{}); err != nil || !gaveUp {
		t.Fatalf("permanent failure: gaveUp %v, %v", gaveUp, err)
	}
	if _, err := s.MarkMailFailed(ctx, id, "again", clock.Now()); !errors.Is(err, ErrNotFound) {
		t.Errorf("failing a given-up message: %v", err)
	}
}

func TestMailBackoffDoublesUpToTheCap(t *testing.T) {
	for _, c := range []struct {
		failures int
		want     time.Duration
	}{{1, time.Minute}, {2, 2 * time.Minute}, {4, 8 * time.Minute}, {9, 256 * time.Minute}, {10, MailRetryMax}, {100, MailRetryMax}} {
		if got := MailBackoff(c.failures, MailRetryFirst); got != c.want {
			t.Errorf("MailBackoff(%d) = %v, want %v", c.failures, got, c.want)
		}
	}
	if got := MailBackoff(3, time.Millisecond); got != 4*time.Millisecond {
		t.Errorf("MailBackoff(3, 1ms) = %v", got)
	}
}

func TestMailIsQueuedWithItsCauseOrNotAtAll(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	boom := errors.New("the change failed")
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.enqueueMail(ctx, tx, testMail("a@example.vn")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if due, _ := s.DueMail(ctx, clock.Now(), 10); len(due) != 0 {
		t.Error("mail of a rolled-back change was queued")
	}
	if nudged(s) {
		t.Error("a rolled-back enqueue nudged the sender")
	}
	// Two messages in one committed change: one nudge, both due.
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, to := range []string{"a@example.vn", "b@example.vn"} {
			if err := s.enqueueMail(ctx, tx, testMail(to)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !nudged(s) || nudged(s) {
		t.Error("want exactly one nudge for one commit")
	}
	if due := mustDue(t, s, clock.Now()); len(due) != 2 {
		t.Errorf("due = %d, want 2", len(due))
	}
}

func TestMailRefusesHeaderInjectionAndBadAddresses(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	for _, to := range []string{"", "khong-phai-dia-chi", "a@example.vn\r\nBcc: x@example.vn", "Tên <a@example.vn>",
		"a@example.vn, b@example.vn", "a@localhost", "a@@example.vn"} {
		if _, err := s.EnqueueMail(ctx, testMail(to)); !errors.Is(err, ErrBadMail) {
			t.Errorf("recipient %q: %v, want ErrBadMail", to, err)
		}
	}
	m := testMail("a@example.vn")
	m.Subject = "Chào\r\nBcc: x@example.vn"
	if _, err := s.EnqueueMail(ctx, m); !errors.Is(err, ErrBadMail) {
		t.Errorf("subject with a line break: %v", err)
	}
	m = testMail("a@example.vn")
	m.Body = " "
	if _, err := s.EnqueueMail(ctx, m); !errors.Is(err, ErrBadMail) {
		t.Errorf("empty body: %v", err)
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM mail_outbox"); n != 0 {
		t.Errorf("%d refused messages were queued", n)
	}
}

func TestMailOutboxConstraintsHold(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	if _, err := s.EnqueueMail(ctx, testMail("a@example.vn")); err != nil {
		t.Fatal(err)
	}
	id := mustDue(t, s, clock.Now())[0].ID
	// Finishing a message without forgetting its address is refused by the
	// database itself.
	if _, err := s.w.ExecContext(ctx, "UPDATE mail_outbox SET sent_at = 'x' WHERE id = ?", id); err == nil ||
		!strings.Contains(err.Error(), "CHECK") {
		t.Errorf("sent with its address kept: %v", err)
	}
}

func TestQueuedMailSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EnqueueMail(ctx, testMail("a@example.vn")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	due, err := s.DueMail(ctx, time.Now(), 10)
	if err != nil || len(due) != 1 || due[0].Recipient != "a@example.vn" {
		t.Fatalf("after reopening: %+v, %v", due, err)
	}
}

func mustDue(t *testing.T, s *Store, now time.Time) []Mail {
	t.Helper()
	due, err := s.DueMail(context.Background(), now, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) == 0 {
		t.Fatal("no mail due")
	}
	return due
}

func TestSMTPSettingsAreKeptAndAuditedWithoutThePassword(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	admin := mustUser(t, s, "admin")
	st, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.MailEnabled() {
		t.Fatal("mail is on without a server")
	}
	st.CommuneName, st.PortalURL = "xã Trung Trắc", "https://congkhai.example.vn"
	st.SMTP = SMTP{Host: "mail.example.vn", Port: 2525, Username: "thongbao", Password: "mật-khẩu-bí-mật-9", From: "thongbao@example.vn", TLS: SMTPStartTLS}
	if err := s.SaveSettings(ctx, st, admin); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.SMTP != st.SMTP || !got.MailEnabled() || got.SMTP.Addr() != "mail.example.vn:2525" {
		t.Errorf("SMTP settings = %+v", got.SMTP)
	}
	log, err := s.AuditLog(ctx, 1, 0, 0)
	if err != nil || len(log) != 1 {
		t.Fatal(log, err)
	}
	if d := log[0].Detail; !strings.Contains(d, "smtp_password") || !strings.Contains(d, "smtp_host") || strings.Contains(d, "mật-khẩu") {
		t.Errorf("audit detail = %q; want the changed keys and no password", d)
	}
	for _, c := range []struct {
		mode string
		want string
	}{{SMTPImplicitTLS, "mail.example.vn:465"}, {SMTPNoTLS, "mail.example.vn:25"}, {SMTPStartTLS, "mail.example.vn:587"}} {
		if got := (SMTP{Host: "mail.example.vn", TLS: c.mode}).Addr(); got != c.want {
			t.Errorf("Addr(%s) = %s, want %s", c.mode, got, c.want)
		}
	}
}

func TestMailStatusTellsWhatWaitsAndWhatFailed(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	st, err := s.MailStatus(ctx)
	if err != nil || st.Pending != 0 || !st.LastSentAt.IsZero() || st.Failure != nil {
		t.Fatalf("empty outbox: %+v, %v", st, err)
	}
	sent, _ := s.EnqueueMail(ctx, testMail("a@example.vn"))
	failing, _ := s.EnqueueMail(ctx, testMail("b@example.vn"))
	if _, err := s.EnqueueMail(ctx, testMail("c@example.vn")); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkMailSent(ctx, sent); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkMailFailed(ctx, failing, "connect: connection refused", clock.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	st, err = s.MailStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pending != 2 || !st.LastSentAt.Equal(clock.Now()) || st.Failure == nil || st.Failure.ID != failing ||
		st.Failure.LastError != "connect: connection refused" || st.Failure.Recipient != "" || st.Failure.Body != "" {
		t.Errorf("status = %+v, failure %+v", st, st.Failure)
	}
}
