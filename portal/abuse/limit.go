package abuse

import (
	"fmt"
	"net/netip"
	"sync"
	"time"
)

// maxKeys bounds the addresses remembered per action. Past it, after
// idle addresses are dropped, arbitrary ones are forgotten too: that
// forgives a few senders early rather than letting a flood of addresses
// grow memory without bound.
const maxKeys = 50_000

// sweepEvery is how often idle addresses are dropped.
const sweepEvery = time.Minute

// Guard enforces Limits. It is safe for concurrent use. Counts live in
// memory: a restart forgets them, which only ever favours senders.
type Guard struct {
	limits Limits
	clock  func() time.Time

	mu        sync.Mutex
	buckets   map[Action]map[string]*bucket
	lastSweep time.Time
}

// bucket is a token bucket: it holds up to Rate.N tokens, refilled at
// N per Per; each event takes one. A burst of N is allowed at once, then
// one more every Per/N: smoother than a fixed window, which would allow
// 2N around the window's edge.
type bucket struct {
	tokens float64
	at     time.Time // when tokens was computed
}

// New returns a Guard for limits; now is its clock (nil: time.Now), which
// tests replace to make time pass.
func New(limits Limits, now func() time.Time) *Guard {
	if now == nil {
		now = time.Now
	}
	return &Guard{limits: limits, clock: now, buckets: map[Action]map[string]*bucket{}}
}

// Limits returns the limits g enforces.
func (g *Guard) Limits() Limits { return g.limits }

func (g *Guard) now() time.Time { return g.clock() }

// Allow counts one action from addr: nil, or a *Refusal of kind Limited
// with status 429, a Vietnamese message and RetryAfter. An action without
// a rate in the limits is not limited. IPv6 addresses count by their /64,
// which one subscriber usually holds whole.
func (g *Guard) Allow(action Action, addr string) error {
	rate, ok := g.limits.Rates[action]
	if !ok || rate.N <= 0 || rate.Per <= 0 {
		return nil
	}
	key := addrKey(addr)
	now := g.now()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sweep(now)
	m := g.buckets[action]
	if m == nil {
		m = map[string]*bucket{}
		g.buckets[action] = m
	}
	b := m[key]
	if b == nil {
		if len(m) >= maxKeys {
			for k := range m {
				delete(m, k)
				if len(m) < maxKeys {
					break
				}
			}
		}
		b = &bucket{tokens: float64(rate.N), at: now}
		m[key] = b
	}
	b.refill(rate, now)
	if b.tokens >= 1 {
		b.tokens--
		return nil
	}
	wait := time.Duration((1 - b.tokens) * float64(rate.Per) / float64(rate.N))
	return &Refusal{Kind: Limited, Status: 429, RetryAfter: wait, Message: limitMessage(wait)}
}

func (b *bucket) refill(r Rate, now time.Time) {
	if el := now.Sub(b.at); el > 0 {
		b.tokens = min(float64(r.N), b.tokens+float64(r.N)*float64(el)/float64(r.Per))
		b.at = now
	}
}

// sweep drops the buckets that are full again: an address idle that long
// is no different from one never seen. The caller holds g.mu.
func (g *Guard) sweep(now time.Time) {
	if now.Sub(g.lastSweep) < sweepEvery {
		return
	}
	g.lastSweep = now
	for action, m := range g.buckets {
		rate := g.limits.Rates[action]
		for k, b := range m {
			if now.Sub(b.at) >= rate.Per {
				delete(m, k)
			}
		}
	}
}

// keys reports how many addresses g remembers for action (tests).
func (g *Guard) keys(action Action) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.buckets[action])
}

// addrKey is the address limits count by: an IPv4 address, or an IPv6
// address's /64; anything unparsable as given.
func addrKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	ip = ip.Unmap()
	if ip.Is4() {
		return ip.String()
	}
	p, err := ip.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// limitMessage tells the sender when to try again, in whole minutes.
func limitMessage(wait time.Duration) string {
	mins := int((wait + time.Minute - 1) / time.Minute)
	mins = max(mins, 1)
	return fmt.Sprintf("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %d phút.", mins)
}
