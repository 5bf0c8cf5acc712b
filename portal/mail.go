package portal

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/smtp"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"minhbach/store"
)

// The sender of the mail outbox. Requests only queue mail (in the store,
// with the change that causes it); one goroutine sends it.
const (
	// mailPoll is how often the sender looks for mail that is due: retries,
	// and mail queued by another process. Mail queued by this one is sent
	// at once (the store nudges the sender).
	mailPoll = time.Minute
	// mailDialTimeout bounds connecting to the mail server, and
	// mailSessionTimeout one whole conversation with it.
	mailDialTimeout    = 20 * time.Second
	mailSessionTimeout = 2 * time.Minute
	// mailBatch is how many messages one look at the outbox takes.
	mailBatch = 20
)

// MailConfig tunes the sender; zero values take the defaults above.
type MailConfig struct {
	Off            bool          // send nothing (the mail stays queued)
	Poll           time.Duration // mailPoll
	RetryFirst     time.Duration // the first retry delay, store.MailRetryFirst
	DialTimeout    time.Duration // mailDialTimeout
	SessionTimeout time.Duration // mailSessionTimeout
	// RootCAs are the certificate authorities the mail server's
	// certificate must chain to; nil means the system's.
	RootCAs *x509.CertPool
}

// mailer sends the outbox's due mail, one message per connection.
type mailer struct {
	st  *store.Store
	log *slog.Logger
	cfg MailConfig

	mu      sync.Mutex
	started bool
	stopped bool
	cancel  context.CancelFunc
	done    chan struct{}
}

func newMailer(st *store.Store, log *slog.Logger, cfg MailConfig) *mailer {
	if cfg.Poll <= 0 {
		cfg.Poll = mailPoll
	}
	if cfg.RetryFirst <= 0 {
		cfg.RetryFirst = store.MailRetryFirst
	}
	if cfg.DialTimeout <= 0 {
		cfg.DialTimeout = mailDialTimeout
	}
	if cfg.SessionTimeout <= 0 {
		cfg.SessionTimeout = mailSessionTimeout
	}
	return &mailer{st: st, log: log, cfg: cfg, done: make(chan struct{})}
}

// start runs the sender, once; after stop it does nothing.
func (m *mailer) start() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.started || m.stopped {
		return
	}
	m.started = true
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	go m.run(ctx)
}

// stop ends the sender and waits for it. A message being sent is dropped
// from the conversation and stays due.
func (m *mailer) stop() {
	m.mu.Lock()
	started := m.started
	m.stopped = true
	if m.cancel != nil {
		m.cancel()
	}
	m.mu.Unlock()
	if started {
		<-m.done
	}
}

func (m *mailer) run(ctx context.Context) {
	defer close(m.done)
	tick := time.NewTimer(0)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-m.st.MailQueued():
		}
		m.sendDue(ctx)
		tick.Reset(m.cfg.Poll)
	}
}

// sendDue sends what is due now, batch after batch.
func (m *mailer) sendDue(ctx context.Context) {
	for ctx.Err() == nil {
		due, err := m.st.DueMail(ctx, m.st.Now(), mailBatch)
		if err != nil {
			m.log.Error("mail: read outbox", "err", err)
			return
		}
		if len(due) == 0 {
			return
		}
		st, err := m.st.Settings(ctx)
		if err != nil {
			m.log.Error("mail: read settings", "err", err)
			return
		}
		if st.SMTP.Host == "" || st.SMTP.From == "" {
			return // the mail waits until a server is set up again
		}
		for _, msg := range due {
			if ctx.Err() != nil || !m.deliver(ctx, st, msg) {
				return
			}
		}
		if len(due) < mailBatch {
			return
		}
	}
}

// deliver tries one message and records the outcome; false means the
// outcome could not be recorded (stop for now).
func (m *mailer) deliver(ctx context.Context, st store.Settings, msg store.Mail) bool {
	fromName := "Cổng công khai"
	if st.CommuneName != "" {
		fromName += " " + st.CommuneName
	}
	data, err := formatMessage(fromName, st.SMTP.From, msg.Recipient, msg.Subject, msg.Body, m.st.Now())
	if err == nil {
		err = m.send(ctx, st, msg.Recipient, data)
	}
	if ctx.Err() != nil {
		return false // shutting down: it stays due
	}
	if err == nil {
		if err := m.st.MarkMailSent(ctx, msg.ID); err != nil {
			m.log.Error("mail: record sent", "mail", msg.ID, "err", err)
			return false
		}
		m.log.Info("mail sent", "mail", msg.ID, "kind", msg.Kind, "attempt", msg.Attempts+1)
		return true
	}
	reason := scrubAddresses(err.Error())
	next := m.st.Now().Add(store.MailBackoff(msg.Attempts+1, m.cfg.RetryFirst))
	if permanentMailError(err) {
		next = time.Time{}
	}
	gaveUp, merr := m.st.MarkMailFailed(ctx, msg.ID, reason, next)
	if merr != nil {
		m.log.Error("mail: record failure", "mail", msg.ID, "err", merr)
		return false
	}
	if gaveUp {
		m.log.Error("mail given up", "mail", msg.ID, "kind", msg.Kind, "attempt", msg.Attempts+1, "err", reason)
	} else {
		m.log.Warn("mail not sent, will retry", "mail", msg.ID, "kind", msg.Kind, "attempt", msg.Attempts+1, "retry_at", next.UTC().Format(time.RFC3339), "err", reason)
	}
	return true
}

// send hands one message to the mail server: TLS as the settings say
// (STARTTLS is required in that mode, never skipped), PLAIN authentication
// only over TLS or to this machine (net/smtp refuses otherwise).
func (m *mailer) send(ctx context.Context, st store.Settings, to string, data []byte) error {
	ctx, cancel := context.WithTimeout(ctx, m.cfg.SessionTimeout)
	defer cancel()
	err := m.session(ctx, st, to, data)
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		// Whichever of the deadline or the closed socket ended it.
		return fmt.Errorf("session timeout after %v: %w", m.cfg.SessionTimeout, err)
	}
	return err
}

// session is one conversation with the mail server, ended when ctx is.
func (m *mailer) session(ctx context.Context, st store.Settings, to string, data []byte) error {
	cfg := st.SMTP
	d := net.Dialer{Timeout: m.cfg.DialTimeout}
	conn, err := d.DialContext(ctx, "tcp", cfg.Addr())
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	// The deadline bounds every read and write; closing on cancel ends a
	// conversation at shutdown.
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	raw := conn
	defer context.AfterFunc(ctx, func() { raw.Close() })()
	tlsConf := &tls.Config{ServerName: cfg.Host, RootCAs: m.cfg.RootCAs, MinVersion: tls.VersionTLS12}
	if cfg.TLS == store.SMTPImplicitTLS {
		tc := tls.Client(conn, tlsConf)
		if err := tc.HandshakeContext(ctx); err != nil {
			return fmt.Errorf("tls: %w", err)
		}
		conn = tc
	}
	c, err := smtp.NewClient(conn, cfg.Host)
	if err != nil {
		return fmt.Errorf("greeting: %w", err)
	}
	defer c.Close()
	if err := c.Hello(heloName(st.PortalURL)); err != nil {
		return fmt.Errorf("hello: %w", err)
	}
	if cfg.TLS == store.SMTPStartTLS || cfg.TLS == "" {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return errors.New("the server does not offer STARTTLS")
		}
		if err := c.StartTLS(tlsConf); err != nil {
			return fmt.Errorf("starttls: %w", err)
		}
	}
	if cfg.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host)); err != nil {
			return fmt.Errorf("auth: %w", err)
		}
	}
	if err := c.Mail(cfg.From); err != nil {
		return fmt.Errorf("mail from: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		return recipientError{fmt.Errorf("rcpt to: %w", err)}
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("data: %w", err)
	}
	// The server has taken the message; a failed goodbye changes nothing.
	c.Quit()
	return nil
}

// heloName is the name the portal gives itself: its public host name, or
// localhost when none is set.
func heloName(portalURL string) string {
	if u, err := url.Parse(portalURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "localhost"
}

// recipientError is the server's answer to the recipient address.
type recipientError struct{ err error }

func (e recipientError) Error() string { return e.err.Error() }
func (e recipientError) Unwrap() error { return e.err }

// permanentMailError reports whether the server refused the recipient for
// good (a 5xx reply to RCPT TO: no such mailbox): trying again cannot help.
// Every other failure, a 5xx to the login included (an administrator may
// fix the settings), is retried.
func permanentMailError(err error) bool {
	var re recipientError
	var te *textproto.Error
	return errors.As(err, &re) && errors.As(err, &te) && te.Code >= 500 && te.Code < 600
}

// mailAddressRe finds anything shaped like an address in a server's reply.
var mailAddressRe = regexp.MustCompile(`[^\s<>"'(),;:\[\]]+@[^\s<>"'(),;:\[\]]+`)

// scrubAddresses removes addresses from an error before it is logged or
// kept: servers often repeat the recipient in their replies.
func scrubAddresses(s string) string {
	return strings.ToValidUTF8(mailAddressRe.ReplaceAllString(s, "<địa chỉ>"), "?")
}
