package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"minhbach/portal/password"
	"minhbach/store"
)

// serveOutput starts `portal serve` on dir in a child process, waits until
// it answers /healthz (by then it has said everything it says at start),
// stops it and returns what it wrote to stderr.
func serveOutput(t *testing.T, dir string, extra ...string) string {
	t.Helper()
	args := append([]string{"serve", "-data", dir, "-addr", "127.0.0.1:0"}, extra...)
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "PORTAL_CRASH_CHILD="+strings.Join(args, " "))
	stderr, err := child.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Wait()
	defer child.Process.Kill()

	var mu sync.Mutex
	var out bytes.Buffer
	urlFound := make(chan string, 1)
	done := make(chan struct{})
	urlRe := regexp.MustCompile(`đang chạy tại (http://\S+)`)
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			out.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if m := urlRe.FindStringSubmatch(sc.Text()); m != nil {
				urlFound <- m[1]
			}
		}
	}()
	select {
	case base := <-urlFound:
		waitHealthy(t, base)
	case <-done:
		t.Fatalf("the server stopped before serving:\n%s", out.String())
	}
	child.Process.Kill()
	<-done
	mu.Lock()
	defer mu.Unlock()
	return out.String()
}

func TestServeWarnsAboutDemoDataWithoutDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers; skipped in -short mode")
	}
	demoDir := filepath.Join(t.TempDir(), "data")
	if err := run([]string{"seed", "-data", demoDir}); err != nil {
		t.Fatal(err)
	}
	emptyDir := filepath.Join(t.TempDir(), "du-lieu")

	cases := []struct {
		name     string
		dir      string
		extra    []string
		want     []string
		dontWant []string
	}{
		{"demo data, started without -demo", demoDir, nil,
			[]string{"CẢNH BÁO", demoDir + " chứa dữ liệu minh họa", "Tài khoản admin, canbo", `"minhbach-demo"`, "-data /var/lib/minhbach"},
			nil},
		{"demo data with -demo, as the README's first command", demoDir, []string{"-demo"},
			[]string{"tài khoản minh họa: admin"},
			[]string{"CẢNH BÁO"}},
		{"a new database", emptyDir, nil,
			// The test binary, like go run, lives in a go-build directory.
			[]string{"Chưa có tài khoản cán bộ", "go run -tags sqlite_fts5 ./cmd/portal user add -data " + emptyDir + " -login admin"},
			[]string{"CẢNH BÁO"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := serveOutput(t, c.dir, c.extra...)
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("stderr lacks %q:\n%s", w, out)
				}
			}
			for _, w := range c.dontWant {
				if strings.Contains(out, w) {
					t.Errorf("stderr has %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestDemoWarning(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := run([]string{"seed", "-data", dir}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	warning := func() string {
		t.Helper()
		w, err := demoWarning(ctx, st, dir)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}

	if w := warning(); !strings.Contains(w, "dữ liệu minh họa") || !strings.Contains(w, "Tài khoản admin, canbo") {
		t.Fatalf("seeded database:\n%s", w)
	}
	// The demo passwords changed: the data is still fictional.
	hash, _ := password.Hash("mot-mat-khau-rieng")
	for _, login := range []string{"admin", "canbo"} {
		u, err := st.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetPassword(ctx, u.ID, hash, 0); err != nil {
			t.Fatal(err)
		}
	}
	if w := warning(); !strings.Contains(w, "dữ liệu minh họa") || strings.Contains(w, "Tài khoản") {
		t.Fatalf("seeded database, passwords changed:\n%s", w)
	}
	// Nor does losing the demo mark from the settings make it real.
	settings, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings.Demo = false
	if err := st.SaveSettings(ctx, settings, 0); err != nil {
		t.Fatal(err)
	}
	if w := warning(); !strings.Contains(w, "dữ liệu minh họa") {
		t.Fatalf("seeded database, settings not marked demo:\n%s", w)
	}

	// A real database whose administrator chose the demo password.
	real := t.TempDir()
	if err := userAdd([]string{"-data", real, "-login", "admin", "-name", "Nguyễn Văn An", "-role", "admin"}, strings.NewReader("mot-mat-khau-rieng\n")); err != nil {
		t.Fatal(err)
	}
	st2, err := store.Open(real)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if w, err := demoWarning(ctx, st2, real); err != nil || w != "" {
		t.Fatalf("real database: %q, %v", w, err)
	}
	if err := userPassword([]string{"-data", real, "-login", "admin"}, strings.NewReader(demoPassword+"\n")); err != nil {
		t.Fatal(err)
	}
	if w, _ := demoWarning(ctx, st2, real); !strings.Contains(w, "Tài khoản admin vẫn đăng nhập được") || strings.Contains(w, "dữ liệu minh họa") {
		t.Fatalf("real database, demo password:\n%s", w)
	}
}

func TestSelfCommand(t *testing.T) {
	cases := []struct{ arg0, want string }{
		{"/tmp/go-build1234/b001/exe/portal", "go run -tags sqlite_fts5 ./cmd/portal"},
		{"./portal-server", "./portal-server"},
		{"portal", "portal"},
		{"/opt/minh bạch/portal", "'/opt/minh bạch/portal'"},
		{"/opt/it's/portal", `'/opt/it'\''s/portal'`},
	}
	for _, c := range cases {
		if got := selfCommand(c.arg0); got != c.want {
			t.Errorf("selfCommand(%q) = %q, want %q", c.arg0, got, c.want)
		}
	}
}
