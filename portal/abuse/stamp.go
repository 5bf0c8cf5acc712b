package abuse

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strings"
	"time"
)

// Field names of the two hidden controls every public write form carries.
const (
	// StampField holds the form stamp (see Guard.Stamp).
	StampField = "_t"
	// HoneypotField is a text field hidden from people (off screen, out of
	// the tab order, labelled "leave empty") that bots fill. The name looks
	// like a field worth filling.
	HoneypotField = "website"
)

// stampMACBytes is the length of the MAC kept in a stamp: 128 bits.
const stampMACBytes = 16

// Stamp returns the token to put in a form's StampField when it is shown:
// the time now, signed with secret (the server's secret, never shown) for
// the form named form ("comment:12"), so a stamp cannot be forged, moved
// to another form or re-dated.
func (g *Guard) Stamp(secret, form string) string {
	return stampAt(secret, form, g.now())
}

func stampAt(secret, form string, t time.Time) string {
	var b [8 + stampMACBytes]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.UnixMilli()))
	copy(b[8:], stampMAC(secret, form, b[:8]))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func stampMAC(secret, form string, when []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("form-stamp:"))
	m.Write([]byte(form))
	m.Write([]byte{0})
	m.Write(when)
	return m.Sum(nil)[:stampMACBytes]
}

// CheckForm checks a submitted form's honeypot and stamp: nil, or a
// *Refusal (Honeypot, NoStamp, TooFast or Stale). An empty secret refuses
// every stamp: an unreadable secret must not become a guessable key.
func (g *Guard) CheckForm(secret, form, stamp, honeypot string) error {
	if strings.TrimSpace(honeypot) != "" {
		return refuseHoneypot
	}
	issued, ok := parseStamp(secret, form, stamp)
	if !ok {
		return refuseNoStamp
	}
	age := g.now().Sub(issued)
	switch {
	case age < g.limits.MinFill:
		return refuseTooFast
	case age > g.limits.MaxAge:
		return refuseStale
	}
	return nil
}

func parseStamp(secret, form, stamp string) (time.Time, bool) {
	if secret == "" || stamp == "" {
		return time.Time{}, false
	}
	b, err := base64.RawURLEncoding.DecodeString(stamp)
	if err != nil || len(b) != 8+stampMACBytes {
		return time.Time{}, false
	}
	if !hmac.Equal(b[8:], stampMAC(secret, form, b[:8])) {
		return time.Time{}, false
	}
	return time.UnixMilli(int64(binary.BigEndian.Uint64(b[:8]))), true
}
