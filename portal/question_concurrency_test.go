package portal_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"sync"
	"testing"
	"time"

	"minhbach/portal/abuse"
)

// TestConcurrentAskersEachGetTheirOwnCode: residents sending at the same
// moment, each from their own phone, each get a receipt with their own
// code, which opens their own item. Run it under -race.
func TestConcurrentAskersEachGetTheirOwnCode(t *testing.T) {
	e := newAskEnv(t, func(l *abuse.Limits) { l.Rates[abuse.Question] = abuse.Rate{N: 1000, Per: time.Hour} })
	const n = 16
	before := e.count("SELECT COUNT(*) FROM questions")
	type result struct {
		i    int
		code string
		err  error
	}
	results := make(chan result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, err := askAlone(e.url, fmt.Sprintf("Câu hỏi số %d về đường thôn", i))
			results <- result{i, code, err}
		}()
	}
	wg.Wait()
	close(results)
	seen := map[string]bool{}
	for r := range results {
		if r.err != nil {
			t.Errorf("asker %d: %v", r.i, r.err)
			continue
		}
		if seen[r.code] {
			t.Errorf("code %s given twice", r.code)
		}
		seen[r.code] = true
		q := e.questionOf(r.code)
		if q.Title != fmt.Sprintf("Câu hỏi số %d về đường thôn", r.i) {
			t.Errorf("asker %d's code opens %q", r.i, q.Title)
		}
	}
	if got := e.count("SELECT COUNT(*) FROM questions") - before; got != n {
		t.Errorf("%d questions saved, want %d", got, n)
	}
}

// askAlone is one resident on their own phone: open the form, send it,
// read the receipt. It returns errors rather than failing the test, as it
// runs on its own goroutine.
func askAlone(base, title string) (string, error) {
	c := newClient()
	res, err := c.Get(base + "/hoi-dap/gui")
	if err != nil {
		return "", err
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m, s := csrfRe.FindSubmatch(page), stampRe.FindSubmatch(page)
	if m == nil || s == nil {
		return "", fmt.Errorf("form without csrf or stamp: %d", res.StatusCode)
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range map[string]string{"_csrf": string(m[1]), "_t": string(s[1]), "kind": "question", "title": title,
		"body": "Nội dung " + title, "topic": "xay-dung", "contact": "0912 345 678"} {
		w.WriteField(k, v)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/hoi-dap/gui", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err = c.Do(req)
	if err != nil {
		return "", err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return "", fmt.Errorf("ask: %d", res.StatusCode)
	}
	res, err = c.Get(base + "/tra-cuu/bien-nhan")
	if err != nil {
		return "", err
	}
	receipt, _ := io.ReadAll(res.Body)
	res.Body.Close()
	code := codeRe.Find(receipt)
	if res.StatusCode != http.StatusOK || code == nil {
		return "", fmt.Errorf("receipt: %d without a code", res.StatusCode)
	}
	return string(code), nil
}
