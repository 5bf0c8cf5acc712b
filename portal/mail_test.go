package portal_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"io"
	"log"
	"log/slog"
	"math/big"
	"mime"
	"net"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"minhbach/portal"
	"minhbach/store"
)

// smtpSink is a real SMTP server on loopback (emersion/go-smtp) that keeps
// what it receives. It refuses the first refuseData messages with a 451,
// and every recipient when refuseRcpt is set.
type smtpSink struct {
	addr       string
	port       int
	user, pass string

	mu         sync.Mutex
	msgs       []sinkMessage
	tries      int // DATA commands seen
	refuseData int
	refuseRcpt bool
}

type sinkMessage struct {
	from, to string
	data     []byte
	tls      bool
	authed   string
}

type sinkSession struct {
	sink   *smtpSink
	conn   *smtp.Conn
	msg    sinkMessage
	authed string
}

func (s *sinkSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *sinkSession) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != s.sink.user || pass != s.sink.pass {
			return errors.New("invalid credentials")
		}
		s.authed = user
		return nil
	}), nil
}

func (s *sinkSession) Mail(from string, _ *smtp.MailOptions) error {
	if s.sink.user != "" && s.authed == "" {
		return smtp.ErrAuthRequired
	}
	s.msg.from = from
	return nil
}

func (s *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.sink.mu.Lock()
	defer s.sink.mu.Unlock()
	if s.sink.refuseRcpt {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "<" + to + ">: no such user"}
	}
	s.msg.to = to
	return nil
}

func (s *sinkSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.sink.mu.Lock()
	defer s.sink.mu.Unlock()
	s.sink.tries++
	if s.sink.refuseData > 0 {
		s.sink.refuseData--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "busy, try again later for " + s.msg.to}
	}
	m := s.msg
	m.data = b
	_, m.tls = s.conn.TLSConnectionState()
	m.authed = s.authed
	s.sink.msgs = append(s.sink.msgs, m)
	return nil
}

func (s *sinkSession) Reset()        { s.msg = sinkMessage{} }
func (s *sinkSession) Logout() error { return nil }

// newSMTPSink starts the server: with a certificate for STARTTLS (or, when
// implicit, TLS from the first byte), or plain when cert is nil.
func newSMTPSink(t *testing.T, cert *tls.Certificate, implicit bool) *smtpSink {
	t.Helper()
	sink := &smtpSink{}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &sinkSession{sink: sink, conn: c}, nil
	}))
	srv.Domain = "localhost"
	srv.ErrorLog = log.New(io.Discard, "", 0)
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if cert != nil {
		conf := &tls.Config{Certificates: []tls.Certificate{*cert}}
		if implicit {
			ln = tls.NewListener(ln, conf)
		} else {
			srv.TLSConfig = conf
		}
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	sink.addr = ln.Addr().String()
	sink.port = ln.Addr().(*net.TCPAddr).Port
	return sink
}

func (s *smtpSink) received() []sinkMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]sinkMessage(nil), s.msgs...)
}

func (s *smtpSink) dataTries() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tries
}

// testCert is a self-signed certificate for 127.0.0.1 and localhost, and a
// pool that trusts it.
func testCert(t *testing.T) (*tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mail test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(c)
	return &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// fastMail is a sender configuration for tests: short waits, the test CA.
func fastMail(pool *x509.CertPool) portal.Config {
	return portal.Config{Mail: portal.MailConfig{Poll: 20 * time.Millisecond, RetryFirst: time.Millisecond, RootCAs: pool}}
}

// useSMTP saves the mail server settings straight into the store.
func useSMTP(t *testing.T, e *env, m store.SMTP) {
	t.Helper()
	ctx := context.Background()
	st, err := e.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.SMTP = m
	if err := e.st.SaveSettings(ctx, st, 0); err != nil {
		t.Fatal(err)
	}
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const (
	asker        = "nguoi.hoi@example.vn"
	smtpPassword = "Mk-SMTP-bí-mật-42"
	trackingLink = "https://congkhai.trungtrac.example/tra-cuu"
	trackingCode = "TT-7K3M-9QXD-4FX"
)

// enqueueQuestionMail queues what the question lifecycle queues when an
// item is answered, and returns its outbox id.
func enqueueQuestionMail(t *testing.T, e *env, kind string) int64 {
	t.Helper()
	ctx := context.Background()
	st, err := e.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	subject, body := portal.QuestionMail(st, kind, trackingLink, trackingCode, "Đường thôn Đông bị ngập")
	id, err := e.st.EnqueueMail(ctx, store.Mail{Kind: "question." + kind, Ref: 42, Recipient: asker, Subject: subject, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func mailRecord(t *testing.T, e *env, id int64) store.MailRecord {
	t.Helper()
	r, err := e.st.MailRecord(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestMailReachesARealSMTPServer(t *testing.T) {
	cert, pool := testCert(t)
	for _, c := range []struct {
		name     string
		mode     string
		implicit bool
		user     string
	}{
		{"STARTTLS with a login", store.SMTPStartTLS, false, "thongbao"},
		{"implicit TLS with a login", store.SMTPImplicitTLS, true, "thongbao"},
		{"local relay without TLS", store.SMTPNoTLS, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			sinkCert := cert
			if c.mode == store.SMTPNoTLS {
				sinkCert = nil
			}
			sink := newSMTPSink(t, sinkCert, c.implicit)
			sink.user, sink.pass = c.user, smtpPassword
			e := newEnvConfig(t, true, fastMail(pool))
			useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: c.mode, Username: c.user, Password: smtpPassword, From: "thongbao@trungtrac.example"})
			id := enqueueQuestionMail(t, e, portal.QuestionAnswered)
			eventually(t, "the message", func() bool { return len(sink.received()) == 1 })
			got := sink.received()[0]
			if got.to != asker || got.from != "thongbao@trungtrac.example" || got.tls != (c.mode != store.SMTPNoTLS) || got.authed != c.user {
				t.Errorf("envelope = %s → %s, tls %v, login %q", got.from, got.to, got.tls, got.authed)
			}
			checkMessage(t, got.data)
			eventually(t, "the outbox to record it", func() bool { return !mailRecord(t, e, id).SentAt.IsZero() })
			if r := mailRecord(t, e, id); r.Recipient != "" || r.Body != "" || r.Attempts != 1 {
				t.Errorf("sent record = %+v", r)
			}
			logs := e.logText()
			mustContain(t, "log", logs, "mail sent", "mail="+strconv.FormatInt(id, 10))
			for _, secret := range []string{asker, smtpPassword, trackingCode} {
				if strings.Contains(logs, secret) {
					t.Errorf("the log holds %q:\n%s", secret, logs)
				}
			}
		})
	}
}

// checkMessage reads the message as a mail client would.
func checkMessage(t *testing.T, data []byte) {
	t.Helper()
	for i, b := range data {
		if b == '\n' && (i == 0 || data[i-1] != '\r') {
			t.Fatalf("bare LF at byte %d", i)
		}
	}
	head, _, _ := strings.Cut(string(data), "\r\n\r\n")
	for _, line := range strings.Split(head, "\r\n") {
		if strings.Contains(line, "=?") && len(line) > 76 {
			t.Errorf("a line with encoded words is %d characters long: %q", len(line), line)
		}
		for _, r := range line {
			if r > 127 {
				t.Fatalf("8-bit header line %q", line)
			}
		}
	}
	m, err := mail.ReadMessage(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if subject != "Câu hỏi của ông/bà đã được trả lời – xã Trung Trắc" {
		t.Errorf("subject = %q", subject)
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "Cổng công khai xã Trung Trắc" || from[0].Address != "thongbao@trungtrac.example" {
		t.Errorf("From = %v, %v", from, err)
	}
	if to, err := m.Header.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != asker {
		t.Errorf("To = %v, %v", to, err)
	}
	if _, err := m.Header.Date(); err != nil {
		t.Errorf("Date: %v", err)
	}
	if id := m.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@trungtrac.example>") {
		t.Errorf("Message-ID = %q", id)
	}
	for k, want := range map[string]string{"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "base64"} {
		if got := m.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	raw, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, m.Body))
	if err != nil {
		t.Fatal(err)
	}
	body := string(raw)
	mustContain(t, "body", body, "Kính gửi ông/bà", "«Đường thôn Đông bị ngập»", "đã được trả lời", trackingLink+"\r\n", "gửi tự động")
}

func TestMailIsRetriedWhenTheServerAsksToWait(t *testing.T) {
	sink := newSMTPSink(t, nil, false)
	sink.refuseData = 1
	e := newEnvConfig(t, true, fastMail(nil))
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	id := enqueueQuestionMail(t, e, portal.QuestionForwarded)
	eventually(t, "the second try", func() bool { return len(sink.received()) == 1 })
	eventually(t, "the outbox to record it", func() bool { return !mailRecord(t, e, id).SentAt.IsZero() })
	if r := mailRecord(t, e, id); r.Attempts != 2 || sink.dataTries() != 2 {
		t.Errorf("attempts = %d (server saw %d), want 2", r.Attempts, sink.dataTries())
	}
	logs := e.logText()
	mustContain(t, "log", logs, "will retry", "451")
	if strings.Contains(logs, asker) {
		t.Errorf("the server's reply put the address in the log:\n%s", logs)
	}
}

func TestMailIsGivenUpAfterTheLastTry(t *testing.T) {
	sink := newSMTPSink(t, nil, false)
	sink.refuseData = 1000
	e := newEnvConfig(t, true, fastMail(nil))
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	id := enqueueQuestionMail(t, e, portal.QuestionRejected)
	eventually(t, "the last try", func() bool { return !mailRecord(t, e, id).GaveUpAt.IsZero() })
	r := mailRecord(t, e, id)
	if r.Attempts != store.MailMaxAttempts || sink.dataTries() != store.MailMaxAttempts {
		t.Errorf("attempts = %d (server saw %d), want %d", r.Attempts, sink.dataTries(), store.MailMaxAttempts)
	}
	if r.Recipient != "" || r.Body != "" || strings.Contains(r.LastError, asker) || !strings.Contains(r.LastError, "451") {
		t.Errorf("given-up record = %+v", r)
	}
	mustContain(t, "log", e.logText(), "mail given up")
	// The administrator sees it on the settings page, without the address.
	e.login("admin")
	status := e.get("/can-bo/cai-dat").body
	mustContain(t, "outbox status", status, "0 thư chờ gửi", "thư số "+strconv.FormatInt(id, 10), "đã bỏ lúc", "451")
	if strings.Contains(status, asker) {
		t.Error("the settings page shows the recipient")
	}
}

func TestMailToAnUnknownMailboxIsNotRetried(t *testing.T) {
	sink := newSMTPSink(t, nil, false)
	sink.refuseRcpt = true
	e := newEnvConfig(t, true, fastMail(nil))
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	id := enqueueQuestionMail(t, e, portal.QuestionAnswered)
	eventually(t, "the refusal", func() bool { return !mailRecord(t, e, id).GaveUpAt.IsZero() })
	if r := mailRecord(t, e, id); r.Attempts != 1 || strings.Contains(r.LastError, asker) || !strings.Contains(r.LastError, "550") {
		t.Errorf("record = %+v", r)
	}
}

func TestMailIsNeverSentInClearWhenSTARTTLSIsRequired(t *testing.T) {
	sink := newSMTPSink(t, nil, false) // offers no STARTTLS
	sink.user, sink.pass = "thongbao", smtpPassword
	e := newEnvConfig(t, true, fastMail(nil))
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPStartTLS, Username: "thongbao", Password: smtpPassword, From: "thongbao@trungtrac.example"})
	id := enqueueQuestionMail(t, e, portal.QuestionAnswered)
	eventually(t, "a failed try", func() bool { return mailRecord(t, e, id).Attempts >= 2 })
	r := mailRecord(t, e, id)
	if len(sink.received()) != 0 || !strings.Contains(r.LastError, "STARTTLS") || r.Recipient != asker {
		t.Errorf("record = %+v, %d delivered", r, len(sink.received()))
	}
}

func TestMailWaitsForAServerToBeSetUp(t *testing.T) {
	sink := newSMTPSink(t, nil, false)
	e := newEnvConfig(t, true, fastMail(nil))
	ctx := context.Background()
	st, _ := e.st.Settings(ctx)
	if st.MailEnabled() {
		t.Fatal("mail is on without a server")
	}
	id := enqueueQuestionMail(t, e, portal.QuestionAnswered)
	// Polls pass without a server: the message stays queued, untried.
	for i := 0; i < 5; i++ {
		time.Sleep(20 * time.Millisecond)
		if r := mailRecord(t, e, id); r.Attempts != 0 || !r.SentAt.IsZero() {
			t.Fatalf("tried without a server: %+v", r)
		}
	}
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	eventually(t, "the message", func() bool { return len(sink.received()) == 1 })
}

func TestQuestionMailSaysWhatHappened(t *testing.T) {
	st := store.Settings{CommuneName: "xã Trung Trắc"}
	for kind, want := range map[string][]string{
		portal.QuestionAnswered:  {"đã được trả lời", "xác nhận câu trả lời"},
		portal.QuestionForwarded: {"chuyển đến cơ quan có thẩm quyền", "nơi nhận"},
		portal.QuestionRejected:  {"không được tiếp nhận", "lý do"},
	} {
		subject, body := portal.QuestionMail(st, kind, trackingLink, trackingCode, "  Đèn   đường\nhỏng ")
		mustContain(t, kind+" subject", subject, want[0], "xã Trung Trắc")
		mustContain(t, kind+" body", body, want[0], want[1], "«Đèn đường hỏng»", trackingLink, trackingCode, "gửi tự động", "đừng chia sẻ")
		if strings.ContainsAny(subject, "\r\n") {
			t.Errorf("%s: subject has a line break", kind)
		}
	}
}

// logText is what the portal logged so far.
func (e *env) logText() string {
	e.logsMu.Lock()
	defer e.logsMu.Unlock()
	return e.logs.String()
}

// stuckServer accepts connections and never says a word.
func stuckServer(t *testing.T) (port int, accepted <-chan struct{}) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan struct{}, 100)
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			ch <- struct{}{}
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().(*net.TCPAddr).Port, ch
}

func TestAStuckMailServerTimesOutAndBlocksNoRequest(t *testing.T) {
	port, accepted := stuckServer(t)
	cfg := fastMail(nil)
	cfg.Mail.SessionTimeout = 200 * time.Millisecond
	e := newEnvConfig(t, true, cfg)
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	id := enqueueQuestionMail(t, e, portal.QuestionAnswered)
	<-accepted
	// While the sender waits on the server, pages are served.
	if r := e.get("/"); r.status != http.StatusOK {
		t.Fatalf("home while mail is stuck: %d", r.status)
	}
	eventually(t, "the session to time out", func() bool { return mailRecord(t, e, id).Attempts >= 1 })
	if r := mailRecord(t, e, id); !strings.Contains(r.LastError, "timeout") || !r.SentAt.IsZero() {
		t.Errorf("record = %+v", r)
	}
}

func TestShutdownDoesNotWaitForAStuckMailServer(t *testing.T) {
	port, accepted := stuckServer(t)
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	app, err := portal.New(portal.Config{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), AccessLog: io.Discard,
		Mail: portal.MailConfig{Poll: 20 * time.Millisecond, SessionTimeout: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	sets, _ := st.Settings(ctx)
	sets.PortalURL = "https://congkhai.trungtrac.example"
	sets.SMTP = store.SMTP{Host: "127.0.0.1", Port: port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"}
	if err := st.SaveSettings(ctx, sets, 0); err != nil {
		t.Fatal(err)
	}
	id, err := st.EnqueueMail(ctx, store.Mail{Kind: "question.answered", Recipient: asker, Subject: "Tiêu đề", Body: "Nội dung"})
	if err != nil {
		t.Fatal(err)
	}
	<-accepted
	done := make(chan error, 1)
	go func() { done <- app.Shutdown() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("shutdown waits for the mail server")
	}
	// The message was not sent: it stays due for the next start.
	r, err := st.MailRecord(ctx, id)
	if err != nil || !r.SentAt.IsZero() || !r.GaveUpAt.IsZero() || r.Recipient != asker {
		t.Errorf("after shutdown: %+v, %v", r, err)
	}
}

// The question lifecycle queues the asker's mail itself: answering an item
// whose asker left an e-mail address sends them the tracking page and
// their code; an asker who left a phone number gets nothing.
func TestAnsweredQuestionMailsTheAsker(t *testing.T) {
	ctx := context.Background()
	sink := newSMTPSink(t, nil, false)
	e := newEnvConfig(t, true, fastMail(nil))
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	officer, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	ask := func(contact, mailCode string) int64 {
		id, err := e.st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: "h-" + contact, MailCode: mailCode, Kind: "question",
			Topic: "xay-dung", Channel: store.ChannelWeb, Title: "Đường thôn Đông bị ngập", Body: "Xin hỏi khi nào sửa?",
			Contact: contact}, 0)
		if err != nil {
			t.Fatal(err)
		}
		by := store.Actor{UserID: officer.ID}
		for _, a := range []store.Action{
			{Kind: store.ActAccept, PublicTitle: "Đường thôn Đông bị ngập", PublicBody: "Xin hỏi khi nào sửa?"},
			{Kind: store.ActAnswer, Answer: "<p>Tháng sau.</p>"},
		} {
			if err := e.st.Act(ctx, id, a, by); err != nil {
				t.Fatal(err)
			}
		}
		return id
	}
	ask("0912345678", "")
	ask(asker, trackingCode)
	eventually(t, "the asker's mail", func() bool { return len(sink.received()) == 1 })
	got := sink.received()[0]
	if got.to != asker {
		t.Fatalf("mail went to %q", got.to)
	}
	m, err := mail.ReadMessage(strings.NewReader(string(got.data)))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, m.Body))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "body", string(raw), "«Đường thôn Đông bị ngập»", "đã được trả lời", "/tra-cuu\r\n", trackingCode)
	if strings.Contains(e.logText(), trackingCode) {
		t.Error("the log holds the tracking code")
	}
}
