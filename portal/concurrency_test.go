package portal_test

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"minhbach/portal"
	"minhbach/store"
)

// TestConcurrentRendersMatchSerialOnes loads many pages at once, as visitors
// and as an officer, and compares every body with the one rendered alone. A
// response must never carry bytes of another page (a pooled buffer handed
// to the server while the next render reuses it). Run it under -race.
func TestConcurrentRendersMatchSerialOnes(t *testing.T) {
	for _, cached := range []bool{true, false} {
		t.Run(fmt.Sprintf("page cache %v", cached), func(t *testing.T) {
			e := newEnvConfig(t, true, portal.Config{NoPageCache: !cached})
			e.login("canbo")
			officer, visitor := e.client, newClient()

			ids := e.publicIDs()
			var public []string
			public = append(public, "/", "/cong-khai", "/khong-co", "/feed.atom", "/cong-khai/xuat.csv")
			for _, c := range store.Categories[:4] {
				public = append(public, "/cong-khai/"+c.Slug)
			}
			for _, id := range ids[:8] {
				public = append(public, "/cong-khai/"+itoa(id), "/cong-khai/"+itoa(id)+"/lich-su")
			}
			fx := e.questionFixture()
			public = append(public, "/hoi-dap", "/hoi-dap?chu-de=dat-dai", "/hoi-dap?qua-han=1", "/hoi-dap/qua-han",
				"/hoi-dap/khieu-nai-to-cao", "/hoi-dap/feed.atom", "/hoi-dap/chu-de/dat-dai/feed.json", "/hoi-dap/qua-han/feed.rss",
				"/hoi-dap/xuat.json", "/hoi-dap/xuat.csv")
			for _, id := range []int64{fx.Answered, fx.Open, fx.Rejected, fx.Late, fx.Protected} {
				public = append(public, "/hoi-dap/"+itoa(id), "/hoi-dap/"+itoa(id)+"/feed.atom")
			}
			officerPaths := []string{"/can-bo", "/can-bo?trang-thai=draft", "/can-bo/cong-khai/moi", "/can-bo/mat-khau"}
			for _, id := range ids[:6] {
				officerPaths = append(officerPaths, "/can-bo/cong-khai/"+itoa(id), "/cong-khai/"+itoa(id))
			}

			type req struct {
				client *http.Client
				path   string
			}
			var reqs []req
			for _, p := range public {
				reqs = append(reqs, req{visitor, p})
			}
			for _, p := range officerPaths {
				reqs = append(reqs, req{officer, p})
			}
			fetch := func(r req) (int, string, error) {
				res, err := r.client.Get(e.url + r.path)
				if err != nil {
					return 0, "", err
				}
				defer res.Body.Close()
				b, err := io.ReadAll(res.Body)
				return res.StatusCode, string(b), err
			}
			want := make([]string, len(reqs))
			wantStatus := make([]int, len(reqs))
			for i, r := range reqs {
				status, body, err := fetch(r)
				if err != nil {
					t.Fatal(err)
				}
				want[i], wantStatus[i] = body, status
			}

			const workers, rounds = 16, 3
			var wg sync.WaitGroup
			errs := make(chan string, workers*rounds*len(reqs))
			for w := 0; w < workers; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for n := 0; n < rounds; n++ {
						for k := range reqs {
							i := (k + w*7) % len(reqs) // every worker in its own order
							status, body, err := fetch(reqs[i])
							switch {
							case err != nil:
								errs <- fmt.Sprintf("%s: %v", reqs[i].path, err)
							case status != wantStatus[i]:
								errs <- fmt.Sprintf("%s: status %d, alone %d", reqs[i].path, status, wantStatus[i])
							case body != want[i]:
								errs <- fmt.Sprintf("%s: body differs from the one rendered alone (%d bytes, alone %d)", reqs[i].path, len(body), len(want[i]))
							}
						}
					}
				}(w)
			}
			wg.Wait()
			close(errs)
			n := 0
			for msg := range errs {
				if n++; n <= 10 {
					t.Error(msg)
				}
			}
			if n > 10 {
				t.Errorf("… and %d more", n-10)
			}
		})
	}
}
