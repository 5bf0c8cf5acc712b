package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/portal/password"
	"minhbach/store"
)

// The test binary doubles as the server: with PORTAL_CRASH_CHILD set it
// runs `portal serve` instead of the tests, so the test can kill -9 it.
func TestMain(m *testing.M) {
	if args := os.Getenv("PORTAL_CRASH_CHILD"); args != "" {
		if err := run(strings.Fields(args)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestAcknowledgedSubmissionSurvivesKill9 kills the server right after it
// answered "saved": the draft and its file must be there on restart. This
// proves nothing is acknowledged before it is committed; surviving power
// loss rests on synchronous=FULL and the fsync of files, which a process
// kill cannot show.
func TestAcknowledgedSubmissionSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	dir := t.TempDir()
	ctx := context.Background()
	st, unit := openWithUnit(t, dir)
	hash, _ := password.Hash("mat-khau-thu-nghiem")
	if _, err := st.CreateUser(ctx, store.NewUser{Login: "canbo", Name: "Cán bộ", Role: store.RoleOfficer, PasswordHash: hash}, 0); err != nil {
		t.Fatal(err)
	}
	st.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "PORTAL_CRASH_CHILD=serve -data "+dir+" -addr "+addr)
	var logs bytes.Buffer
	child.Stderr = &logs
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	base := "http://" + addr
	waitHealthy(t, base)

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tok := csrfToken(t, client, base+"/can-bo/dang-nhap")
	res, err := client.PostForm(base+"/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {"canbo"}, "password": {"mat-khau-thu-nghiem"}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %v %v\n%s", err, res, logs.String())
	}
	res.Body.Close()

	tok = csrfToken(t, client, base+"/can-bo/cong-khai/moi")
	pdf := []byte("%PDF-1.4\n% biên bản họp\n%%EOF\n")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"_csrf": tok, "category": "thong-bao", "title": "Thông báo lưu trước khi mất điện",
		"body": "Nội dung đã xác nhận.", "unit_id": fmt.Sprint(unit), "posting_from": "2026-12-01"} {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("files", "bien-ban.pdf")
	fw.Write(pdf)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/can-bo/cong-khai", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err = client.Do(req)
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %v %v", err, res)
	}
	res.Body.Close()

	// The officer saw "saved": now the power goes.
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()

	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	items, err := st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 10})
	if err != nil || len(items) != 1 || items[0].Title != "Thông báo lưu trước khi mất điện" {
		t.Fatalf("after kill -9: %+v, %v", items, err)
	}
	d, err := st.Disclosure(ctx, items[0].ID)
	if err != nil || len(d.Attachments) != 1 {
		t.Fatalf("attachment after kill -9: %+v, %v", d.Attachments, err)
	}
	f, err := st.OpenAttachment(d.Attachments[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	if got, want := hex.EncodeToString(h.Sum(nil)), d.Attachments[0].SHA256; got != want {
		t.Fatalf("attachment bytes hash to %s, recorded %s", got, want)
	}
}

func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the server did not become healthy")
}

var csrfRe = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func csrfToken(t *testing.T, client *http.Client, page string) string {
	t.Helper()
	res, err := client.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	m := csrfRe.FindSubmatch(b)
	if m == nil {
		t.Fatalf("no CSRF token on %s (%d)", page, res.StatusCode)
	}
	return string(m[1])
}
