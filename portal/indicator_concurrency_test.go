package portal_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentFirstValuesOneWins: officers who all open the empty form
// of one period and save at once. Exactly one value becomes the first of
// the period; every other officer gets the conflict message with that
// value, and nothing of theirs is stored. Run under -race.
func TestConcurrentFirstValuesOneWins(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("canbo")
	tok := e.csrf(indicatorURL(planID, valueKey))
	const n = 8
	type result struct {
		status int
		body   string
	}
	results := make([]result, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			for k, vs := range valueForm(tok, planID, "2026-05-01", "9"+itoa(int64(i)), "2026-05-01:0", "") {
				mw.WriteField(k, vs[0])
			}
			w, _ := mw.CreateFormFile("file", "bao-cao.pdf")
			w.Write(pdf)
			mw.Close()
			req, _ := http.NewRequest(http.MethodPost, e.url+"/can-bo/chi-so/"+valueKey, &buf)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			<-start
			res, err := e.client.Do(req)
			if err != nil {
				results[i] = result{status: -1, body: err.Error()}
				return
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			results[i] = result{res.StatusCode, string(b)}
		}()
	}
	close(start)
	wg.Wait()
	vs := mustValues(t, e, planID)
	if len(vs) != 1 {
		t.Fatalf("%d values in force", len(vs))
	}
	winner := fmtShare(vs[0].Value)
	won := 0
	for i, r := range results {
		switch r.status {
		case http.StatusSeeOther:
			won++
		case http.StatusConflict:
			mustContain(t, "loser", r.body, "Trong lúc bạn nhập", "tháng 5/2026: "+winner+" %", `value="9`+itoa(int64(i))+`"`)
		default:
			t.Errorf("request %d: %d %.200s", i, r.status, r.body)
		}
	}
	if won != 1 {
		t.Errorf("%d first values won", won)
	}
	hist, err := e.st.IndicatorValueHistory(t.Context(), planID, valueKey)
	if err != nil || len(hist) != 1 {
		t.Errorf("history: %d %v", len(hist), err)
	}
}

// fmtShare writes a value as the pages do: "96,5".
func fmtShare(v float64) string {
	return strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", ",")
}
