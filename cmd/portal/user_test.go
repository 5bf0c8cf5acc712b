package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/creack/pty"

	"minhbach/portal/password"
	"minhbach/store"
)

// At a terminal the password is asked twice and a mismatch changes
// nothing. The child gets a real pseudo-terminal as its stdin, so the test
// goes through term.IsTerminal and term.ReadPassword as a person would.
func TestUserAddAtATerminalAsksTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process; skipped in -short mode")
	}
	dir := t.TempDir()
	const good = "mot-mat-khau-dai"
	cases := []struct {
		name, again string
		wantOut     string
		wantErr     bool
	}{
		{"a typo the second time", "mot-mat-khau-dal", "hai lần nhập mật khẩu không khớp", true},
		{"the same twice", good, `đã tạo tài khoản "chutich" (admin)`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := atTerminal(t, "user add -data "+dir+" -login chutich -name An -role admin", good, c.again)
			if (err != nil) != c.wantErr || !strings.Contains(out, c.wantOut) {
				t.Fatalf("exit %v, output:\n%s\nwant %q", err, out, c.wantOut)
			}
		})
	}

	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByLogin(context.Background(), "chutich")
	if err != nil || !password.Check(u.PasswordHash, good) {
		t.Fatalf("account after the terminal session: %+v, %v", u, err)
	}
}

// atTerminal runs the portal command args with a pseudo-terminal as its
// stdin, stdout and stderr, types first and again at the two password
// prompts, and returns what the terminal showed and how the command exited.
func atTerminal(t *testing.T, args, first, again string) (string, error) {
	t.Helper()
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "PORTAL_CRASH_CHILD="+args)
	tty, err := pty.Start(child)
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	chunks := make(chan string)
	go func() {
		defer close(chunks)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			if n > 0 {
				chunks <- string(buf[:n])
			}
			if err != nil { // EIO once the child has exited
				return
			}
		}
	}()
	var out strings.Builder
	answer := func(prompt, line string) {
		for !strings.Contains(out.String(), prompt) {
			s, ok := <-chunks
			if !ok {
				t.Fatalf("the command ended before asking %q:\n%s", prompt, out.String())
			}
			out.WriteString(s)
		}
		if _, err := tty.WriteString(line + "\r"); err != nil { // Enter sends CR
			t.Fatal(err)
		}
	}
	answer("Mật khẩu mới: ", first)
	answer("Nhập lại mật khẩu: ", again)
	for s := range chunks {
		out.WriteString(s)
	}
	return out.String(), child.Wait()
}

// From a pipe the password is one line, read once: a script that pipes it
// in is not asked again.
func TestUserPasswordFromAPipeReadsOneLine(t *testing.T) {
	dir := t.TempDir()
	if err := userAdd([]string{"-data", dir, "-login", "chutich", "-name", "An", "-role", "admin"}, strings.NewReader("mat-khau-ban-dau\n")); err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// A second, different line would be a mismatch at a terminal; from a
	// pipe it is not read at all.
	if _, err := w.WriteString("mat-khau-tu-script\nmot-dong-khac-han\n"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if err := userPassword([]string{"-data", dir, "-login", "chutich"}, r); err != nil {
		t.Fatalf("user password from a pipe: %v", err)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByLogin(context.Background(), "chutich")
	if err != nil || !password.Check(u.PasswordHash, "mat-khau-tu-script") {
		t.Fatalf("password after the pipe: %v", err)
	}
}
