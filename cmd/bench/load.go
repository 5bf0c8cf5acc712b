package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/valyala/fasthttp"
)

// request is one kind of request a page type sends.
type request struct {
	target string // path and query
	gzip   bool
	etag   string // sent as If-None-Match: a conditional request
	cookie string
	status int // expected
}

// result is what one load round measured.
type result struct {
	n, errors int
	elapsed   time.Duration
	lat       []time.Duration
	firstErr  string
}

func (r *result) add(o result) {
	r.n += o.n
	r.errors += o.errors
	r.elapsed += o.elapsed
	r.lat = append(r.lat, o.lat...)
	if r.firstErr == "" {
		r.firstErr = o.firstErr
	}
}

func (r result) rate() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.n) / r.elapsed.Seconds()
}

// quantile of the latencies (q in 0..1); it sorts them.
func (r result) quantile(q float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	slices.Sort(r.lat)
	i := int(q * float64(len(r.lat)))
	return r.lat[min(i, len(r.lat)-1)]
}

// load sends requests from conns connections for d, as fast as answers come
// back (a closed loop, as wrk does). pick chooses each request's target; nil
// always sends req.target.
func load(addr string, req request, pick func(*rand.Rand) string, conns int, d time.Duration) result {
	hc := &fasthttp.HostClient{Addr: addr, MaxConns: conns, ReadTimeout: time.Minute, WriteTimeout: time.Minute,
		MaxIdleConnDuration: time.Minute}
	defer hc.CloseIdleConnections()
	var mu sync.Mutex
	var total result
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for w := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), uint64(start.UnixNano())))
			var res result
			res.lat = make([]time.Duration, 0, 4096)
			q, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
			defer fasthttp.ReleaseRequest(q)
			defer fasthttp.ReleaseResponse(resp)
			q.Header.Set("Accept-Encoding", "identity")
			if req.gzip {
				q.Header.Set("Accept-Encoding", "gzip")
			}
			if req.etag != "" {
				q.Header.Set("If-None-Match", req.etag)
			}
			if req.cookie != "" {
				q.Header.Set("Cookie", req.cookie)
			}
			for time.Now().Before(deadline) {
				target := req.target
				if pick != nil {
					target = pick(r)
				}
				q.SetRequestURI("http://" + addr + target)
				t0 := time.Now()
				err := hc.Do(q, resp)
				lat := time.Since(t0)
				switch {
				case err != nil:
					res.errors++
					if res.firstErr == "" {
						res.firstErr = err.Error()
					}
				case resp.StatusCode() != req.status:
					res.errors++
					if res.firstErr == "" {
						res.firstErr = fmt.Sprintf("%s: status %d", target, resp.StatusCode())
					}
				default:
					res.n++
					res.lat = append(res.lat, lat)
				}
			}
			mu.Lock()
			total.add(res)
			mu.Unlock()
		}()
	}
	wg.Wait()
	total.elapsed = time.Since(start)
	return total
}

// hostOf is the host:port of a base URL.
func hostOf(base string) string { return strings.TrimPrefix(base, "http://") }
