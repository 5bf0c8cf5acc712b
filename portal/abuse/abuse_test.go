package abuse

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable time for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)} }

const secret = "server-secret"

func TestCheckForm(t *testing.T) {
	ck := newClock()
	g := New(DefaultLimits(), ck.now)
	good := g.Stamp(secret, "comment:1")
	tamper := []byte(good)
	tamper[3] ^= 1 // another issue time, same MAC
	tests := []struct {
		name     string
		wait     time.Duration
		secret   string
		form     string
		stamp    string
		honeypot string
		want     Kind // 0: accepted
	}{
		{"after the minimum fill time", MinFillTime, secret, "comment:1", good, "", 0},
		{"an hour later", time.Hour, secret, "comment:1", good, "", 0},
		{"just within the maximum age", MaxFormAge, secret, "comment:1", good, "", 0},
		{"too fast", MinFillTime - time.Millisecond, secret, "comment:1", good, "", TooFast},
		{"immediately", 0, secret, "comment:1", good, "", TooFast},
		{"too old", MaxFormAge + time.Second, secret, "comment:1", good, "", Stale},
		{"honeypot filled", time.Minute, secret, "comment:1", good, "http://spam.example", Honeypot},
		{"honeypot beats a missing stamp", time.Minute, secret, "comment:1", "", "x", Honeypot},
		{"blank honeypot is empty", time.Minute, secret, "comment:1", good, "  ", 0},
		{"missing stamp", time.Minute, secret, "comment:1", "", "", NoStamp},
		{"garbage stamp", time.Minute, secret, "comment:1", "not-a-stamp!", "", NoStamp},
		{"re-dated stamp", time.Minute, secret, "comment:1", string(tamper), "", NoStamp},
		{"stamp of another form", time.Minute, secret, "comment:2", good, "", NoStamp},
		{"another server's secret", time.Minute, "other-secret", "comment:1", good, "", NoStamp},
		{"no secret", time.Minute, "", "comment:1", good, "", NoStamp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ck := newClock()
			g := New(DefaultLimits(), ck.now)
			ck.advance(tt.wait)
			err := g.CheckForm(tt.secret, tt.form, tt.stamp, tt.honeypot)
			r := As(err)
			switch {
			case tt.want == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != 0 && (r == nil || r.Kind != tt.want):
				t.Fatalf("got %v, want kind %d", err, tt.want)
			case r != nil && (r.Message == "" || r.Status < 400):
				t.Fatalf("refusal without message or status: %+v", r)
			case r != nil && r.Resend != (tt.want == Stale):
				t.Fatalf("Resend = %v for kind %d", r.Resend, r.Kind)
			}
		})
	}
}

// A stamp minted by hand from a chosen time, as a bot would try, is
// refused unless it carries the server's MAC.
func TestStampCannotBeBackdated(t *testing.T) {
	ck := newClock()
	g := New(DefaultLimits(), ck.now)
	forged := stampAt("guessed", "comment:1", ck.now().Add(-time.Hour))
	if r := As(g.CheckForm(secret, "comment:1", forged, "")); r == nil || r.Kind != NoStamp {
		t.Fatalf("forged stamp: %v", r)
	}
	real := stampAt(secret, "comment:1", ck.now().Add(-time.Hour))
	if err := g.CheckForm(secret, "comment:1", real, ""); err != nil {
		t.Fatalf("real stamp refused: %v", err)
	}
}

func TestAllow(t *testing.T) {
	tests := []struct {
		action Action
		rate   Rate
	}{
		{Question, QuestionRate},
		{Comment, CommentRate},
		{Lookup, LookupRate},
	}
	for _, tt := range tests {
		t.Run(string(tt.action), func(t *testing.T) {
			ck := newClock()
			g := New(DefaultLimits(), ck.now)
			for i := range tt.rate.N {
				if err := g.Allow(tt.action, "203.0.113.7"); err != nil {
					t.Fatalf("event %d of %d refused: %v", i+1, tt.rate.N, err)
				}
			}
			err := g.Allow(tt.action, "203.0.113.7")
			r := As(err)
			if r == nil || r.Kind != Limited || r.Status != 429 {
				t.Fatalf("event %d: got %v, want a 429 refusal", tt.rate.N+1, err)
			}
			step := tt.rate.Per / time.Duration(tt.rate.N)
			if r.RetryAfter <= 0 || r.RetryAfter > step {
				t.Errorf("RetryAfter = %s, want in (0, %s]", r.RetryAfter, step)
			}
			mins := int((step + time.Minute - 1) / time.Minute)
			want := fmt.Sprintf("Vui lòng thử lại sau %d phút.", mins)
			if !strings.Contains(r.Message, want) || !strings.HasPrefix(r.Message, "Bạn đã gửi quá nhiều lần") {
				t.Errorf("message %q, want it to contain %q", r.Message, want)
			}
			// Other addresses and other actions are not affected.
			if err := g.Allow(tt.action, "203.0.113.8"); err != nil {
				t.Errorf("another address refused: %v", err)
			}
			other := Comment
			if tt.action == Comment {
				other = Question
			}
			if err := g.Allow(other, "203.0.113.7"); err != nil {
				t.Errorf("another action refused: %v", err)
			}
			// After RetryAfter, exactly one more event fits.
			ck.advance(r.RetryAfter)
			if err := g.Allow(tt.action, "203.0.113.7"); err != nil {
				t.Errorf("after RetryAfter: %v", err)
			}
			if err := g.Allow(tt.action, "203.0.113.7"); err == nil {
				t.Error("two events fitted after one RetryAfter")
			}
			// After a whole period the full budget is back.
			ck.advance(tt.rate.Per)
			for i := range tt.rate.N {
				if err := g.Allow(tt.action, "203.0.113.7"); err != nil {
					t.Fatalf("after a period, event %d refused: %v", i+1, err)
				}
			}
		})
	}
}

func TestAllowCountsIPv6ByPrefix(t *testing.T) {
	ck := newClock()
	g := New(Limits{Rates: map[Action]Rate{Comment: {N: 2, Per: time.Hour}}}, ck.now)
	for _, a := range []string{"2001:db8:1:2::1", "2001:db8:1:2:ffff::9"} {
		if err := g.Allow(Comment, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Allow(Comment, "2001:db8:1:2:abcd::1"); err == nil {
		t.Error("a third address of the same /64 was let through")
	}
	if err := g.Allow(Comment, "2001:db8:1:3::1"); err != nil {
		t.Errorf("another /64 refused: %v", err)
	}
	if err := g.Allow(Comment, "::ffff:198.51.100.1"); err != nil {
		t.Errorf("mapped IPv4: %v", err)
	}
	if err := g.Allow(Comment, "198.51.100.1"); err != nil {
		t.Errorf("IPv4 after its mapped form: %v", err)
	}
	if err := g.Allow(Comment, "198.51.100.1"); err == nil {
		t.Error("a mapped IPv4 address and its plain form counted apart")
	}
}

// Raised limits (the benchmark's) are what the guard enforces, and an
// action without a rate is not limited.
func TestRaisedLimits(t *testing.T) {
	l := DefaultLimits()
	l.Rates[Comment] = Rate{N: 1000, Per: time.Hour}
	delete(l.Rates, Lookup)
	g := New(l, newClock().now)
	for i := range 1000 {
		if err := g.Allow(Comment, "192.0.2.1"); err != nil {
			t.Fatalf("event %d: %v", i+1, err)
		}
		if err := g.Allow(Lookup, "192.0.2.1"); err != nil {
			t.Fatalf("unlimited action refused: %v", err)
		}
	}
	if !strings.Contains(g.Limits().String(), "comment 1000/1h0m0s") {
		t.Errorf("String() = %q", g.Limits().String())
	}
	if DefaultLimits().Rates[Comment] != CommentRate {
		t.Error("raising a copy changed the defaults")
	}
}

// Idle addresses are forgotten, so memory stays bounded.
func TestIdleAddressesAreEvicted(t *testing.T) {
	ck := newClock()
	g := New(DefaultLimits(), ck.now)
	for i := range 1000 {
		g.Allow(Lookup, fmt.Sprintf("10.0.%d.%d", i/256, i%256))
	}
	if n := g.keys(Lookup); n != 1000 {
		t.Fatalf("keys = %d, want 1000", n)
	}
	ck.advance(LookupRate.Per + sweepEvery)
	g.Allow(Lookup, "10.9.9.9")
	if n := g.keys(Lookup); n != 1 {
		t.Errorf("after the idle period keys = %d, want 1", n)
	}
}

func TestKeysAreBounded(t *testing.T) {
	g := New(DefaultLimits(), newClock().now)
	for i := range maxKeys + 100 {
		g.Allow(Comment, fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	}
	if n := g.keys(Comment); n > maxKeys {
		t.Errorf("keys = %d, want at most %d", n, maxKeys)
	}
}

// Under concurrent use exactly N events of one address pass, whatever
// the interleaving (run with -race).
func TestAllowConcurrent(t *testing.T) {
	ck := newClock()
	g := New(DefaultLimits(), ck.now)
	const workers, each = 16, 10
	var wg sync.WaitGroup
	var mu sync.Mutex
	passed := map[string]int{}
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				for _, a := range []string{"198.51.100.1", "198.51.100.2"} {
					if g.Allow(Comment, a) == nil {
						mu.Lock()
						passed[a]++
						mu.Unlock()
					}
				}
				g.Stamp(secret, fmt.Sprint("comment:", w))
				g.CheckForm(secret, "comment:1", "", "")
			}
		}()
	}
	wg.Wait()
	for _, a := range []string{"198.51.100.1", "198.51.100.2"} {
		if passed[a] != CommentRate.N {
			t.Errorf("%s: %d passed, want %d", a, passed[a], CommentRate.N)
		}
	}
}

func TestDupKey(t *testing.T) {
	base := DupKey("Đề nghị mở rộng đường thôn Đông", "Nguyễn Văn A")
	same := []struct {
		name  string
		parts []string
	}{
		{"case", []string{"đề nghị MỞ RỘNG đường thôn đông", "nguyễn văn a"}},
		{"white space", []string{"  Đề nghị   mở rộng\n\nđường\tthôn Đông ", "Nguyễn  Văn A"}},
		{"NFD from a phone", []string{"Đe\u0302\u0300 nghi\u0323 mơ\u0309 ro\u0323\u0302ng đươ\u0300ng tho\u0302n Đông", "Nguye\u0302\u0303n Văn A"}},
	}
	for _, tt := range same {
		if got := DupKey(tt.parts...); got != base {
			t.Errorf("%s: key differs", tt.name)
		}
	}
	differ := []struct {
		name  string
		parts []string
	}{
		{"another tone mark", []string{"Đề nghị mở rộng đường thôn Đồng", "Nguyễn Văn A"}},
		{"another name", []string{"Đề nghị mở rộng đường thôn Đông", "Nguyễn Văn B"}},
		{"parts moved", []string{"Đề nghị mở rộng đường thôn", "Đông Nguyễn Văn A"}},
		{"one part", []string{"Đề nghị mở rộng đường thôn Đông Nguyễn Văn A"}},
	}
	for _, tt := range differ {
		if got := DupKey(tt.parts...); got == base {
			t.Errorf("%s: same key", tt.name)
		}
	}
	if len(base) != 64 {
		t.Errorf("key %q is not a hex SHA-256", base)
	}
}

func TestRetryAfterSeconds(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want int
	}{{0, 1}, {time.Millisecond, 1}, {time.Second, 1}, {1500 * time.Millisecond, 2}, {3 * time.Minute, 180}} {
		if got := (&Refusal{RetryAfter: tt.d}).RetryAfterSeconds(); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.d, got, tt.want)
		}
	}
}
