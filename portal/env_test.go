package portal_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"minhbach/portal"
	"minhbach/portal/password"
	"minhbach/seeds"
	"minhbach/store"
)

const demoPassword = "test-demo-password"

// env is a portal on a real SQLite file in a temp dir, served on loopback.
type env struct {
	t      *testing.T
	st     *store.Store
	url    string
	client *http.Client
	logs   *bytes.Buffer
	logsMu *sync.Mutex
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, true)
}

// newEnvWith starts a portal with the demo data, or (demo false) a fresh
// installation with one administrator, login "admin", and nothing else.
func newEnvWith(t testing.TB, demo bool) *env {
	t.Helper()
	return newEnvConfig(t, demo, portal.Config{})
}

// newEnvConfig is newEnvWith with the application's configuration; Store
// and Log are filled in.
func newEnvConfig(t testing.TB, demo bool, cfg portal.Config) *env {
	t.Helper()
	return newEnvSeeded(t, demo, seeds.Options{DemoPassword: demoPassword}, cfg)
}

// newQuestionEnv is newEnv without the demo questions, for tests that count
// the questions they make.
func newQuestionEnv(t testing.TB) *env {
	t.Helper()
	return newEnvSeeded(t, true, seeds.Options{DemoPassword: demoPassword, NoQuestions: true}, portal.Config{})
}

func newEnvSeeded(t testing.TB, demo bool, opts seeds.Options, cfg portal.Config) *env {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		t.Fatal(err)
	}
	if demo {
		if _, err := seeds.Load(ctx, st, opts); err != nil {
			t.Fatal(err)
		}
	} else {
		hash, err := password.Hash(demoPassword)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateUser(ctx, store.NewUser{Login: "admin", Name: "Quản trị", Role: store.RoleAdmin, PasswordHash: hash}, 0); err != nil {
			t.Fatal(err)
		}
	}
	logs := &bytes.Buffer{}
	lw := &lockedWriter{w: logs}
	cfg.Store, cfg.Log, cfg.AccessLog = st, slog.New(slog.NewTextHandler(lw, nil)), lw
	app, err := portal.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() {
		app.Shutdown()
		st.Close()
	})
	e := &env{st: st, url: "http://" + ln.Addr().String(), logs: logs, logsMu: &lw.mu}
	if tt, ok := t.(*testing.T); ok {
		e.t = tt
	}
	e.client = newClient()
	watchPrivacy(t, e)
	return e
}

func newClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// lockedWriter lets the server's goroutines log into one buffer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

type response struct {
	status int
	header http.Header
	body   string
}

func (e *env) do(req *http.Request) response {
	e.t.Helper()
	res, err := e.client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	recordVisitorPage(req, e.client.Jar, string(b), e.st.Now())
	return response{res.StatusCode, res.Header, string(b)}
}

func (e *env) get(path string) response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.url+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.do(req)
}

func (e *env) post(path string, form url.Values) response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return e.do(req)
}

type upload struct {
	field, name string
	data        []byte
}

func (e *env) postMultipart(path string, form url.Values, files ...upload) response {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			e.t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, e.url+path, &buf)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return e.do(req)
}

var csrfRe = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf opens a page with a form and returns its token.
func (e *env) csrf(path string) string {
	e.t.Helper()
	r := e.get(path)
	m := csrfRe.FindStringSubmatch(r.body)
	if m == nil {
		e.t.Fatalf("no CSRF token on %s (status %d)", path, r.status)
	}
	return m[1]
}

// login logs in as a demo account.
func (e *env) login(login string) {
	e.t.Helper()
	tok := e.csrf("/can-bo/dang-nhap")
	r := e.post("/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {login}, "password": {demoPassword}})
	if r.status != http.StatusSeeOther {
		e.t.Fatalf("login %s: status %d\n%s", login, r.status, r.body)
	}
}

func (e *env) publicIDs() []int64 {
	e.t.Helper()
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Limit: 1000})
	if err != nil {
		e.t.Fatal(err)
	}
	var ids []int64
	for _, d := range items {
		ids = append(ids, d.ID)
	}
	return ids
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}

func itoa(n int64) string { return fmt.Sprint(n) }
