// Package abuse keeps bots and floods off the public write forms (a
// comment on a draft, a question, a tracking-code lookup) without a
// CAPTCHA, which a resident on a cheap phone should never have to solve.
// It holds no database and imports no web framework; every public form
// uses it the same way:
//
//	// When rendering the form:
//	stamp := guard.Stamp(secret, "comment:12")   // hidden field abuse.StampField
//	//   plus an empty, hidden text field named abuse.HoneypotField
//
//	// On submit, before validating or saving anything:
//	if err := guard.CheckForm(secret, "comment:12", c.FormValue(abuse.StampField),
//	        c.FormValue(abuse.HoneypotField)); err != nil {
//	    // err is a *Refusal: show Message with Status; when Resend is
//	    // true, re-show the form with the typed values and a new stamp.
//	}
//	// ... validate; then, just before saving:
//	if err := guard.Allow(abuse.Comment, c.IP()); err != nil {
//	    // a *Refusal with Status 429 and RetryAfter for the header
//	}
//	// ... and let the store find an identical earlier submission by
//	// abuse.DupKey(body, name, contact): answer "already received".
//
// Refused submissions save nothing: the checks run before the store is
// called. The limits are named values (see DefaultLimits); a benchmark
// raises them by passing its own Limits to New, and can print them with
// Limits.String.
package abuse

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Action names what a limit counts. Each action has its own budget per
// address: a resident who asked a question can still comment.
type Action string

// The actions of the public forms.
const (
	Question Action = "question" // a question or feedback sent at /hoi-dap/gui
	Comment  Action = "comment"  // a comment on a draft open for comment
	Lookup   Action = "lookup"   // a tracking-code lookup
)

// Rate is N events per Per for one address.
type Rate struct {
	N   int
	Per time.Duration
}

func (r Rate) String() string { return fmt.Sprintf("%d/%s", r.N, r.Per) }

// Default limits. A whole village may reach the portal through one
// address of a mobile carrier (carrier-grade NAT) or the commune office's
// one line, so the numbers are per address, not per person, and generous:
// they stop a script, not a village meeting where thirty people comment
// on a draft in the same hour.
var (
	// QuestionRate: a reception day where residents send questions from
	// the commune hall's Wi-Fi stays well under 20 an hour.
	QuestionRate = Rate{N: 20, Per: time.Hour}
	// CommentRate: a village meeting on a draft, each household sending
	// its comment from phones on one carrier address.
	CommentRate = Rate{N: 30, Per: time.Hour}
	// LookupRate: honest lookups are a few codes, often mistyped once or
	// twice; 30 in 10 minutes per address is 4,320 a day, against
	// 32^10 ≈ 10^15 possible codes, so codes cannot be enumerated.
	LookupRate = Rate{N: 30, Per: 10 * time.Minute}
	// MinFillTime: no one reads a form and types a comment in under 3
	// seconds; a script posting on sight does.
	MinFillTime = 3 * time.Second
	// MaxFormAge: a form left open longer (a phone put away overnight) is
	// shown again with what was typed and a fresh stamp, so a stamp
	// copied once cannot be reused for ever.
	MaxFormAge = 24 * time.Hour
)

// Limits are the values a Guard enforces.
type Limits struct {
	Rates   map[Action]Rate
	MinFill time.Duration
	MaxAge  time.Duration
}

// DefaultLimits are the named values above.
func DefaultLimits() Limits {
	return Limits{
		Rates:   map[Action]Rate{Question: QuestionRate, Comment: CommentRate, Lookup: LookupRate},
		MinFill: MinFillTime,
		MaxAge:  MaxFormAge,
	}
}

// String describes the limits in one line, for a benchmark's output.
func (l Limits) String() string {
	var b strings.Builder
	for i, a := range []Action{Question, Comment, Lookup} {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", a, l.Rates[a])
	}
	fmt.Fprintf(&b, "; fill time %s to %s", l.MinFill, l.MaxAge)
	return b.String()
}

// Kind tells refusals apart.
type Kind int

// The kinds of refusal.
const (
	Honeypot Kind = iota + 1 // the hidden field was filled: a bot
	NoStamp                  // the form stamp is missing or forged
	TooFast                  // sent sooner than MinFill after the form was shown
	Stale                    // the form was shown more than MaxAge ago
	Limited                  // the address used up its rate for the action
)

// Refusal is why a submission was not accepted, with what to tell the
// sender. Nothing of the submission was kept.
type Refusal struct {
	Kind    Kind
	Status  int    // HTTP status to answer with
	Message string // Vietnamese, for the sender
	// Resend: show the form again with the typed values (and a new stamp)
	// rather than an error page.
	Resend bool
	// RetryAfter is when the address may send again (Limited only).
	RetryAfter time.Duration
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("abuse: refused (kind %d)", r.Kind)
}

// RetryAfterSeconds is the value of a Retry-After header: whole seconds,
// at least 1.
func (r *Refusal) RetryAfterSeconds() int {
	s := int((r.RetryAfter + time.Second - 1) / time.Second)
	return max(s, 1)
}

// As returns err's Refusal, or nil when err is not one.
func As(err error) *Refusal {
	var r *Refusal
	if errors.As(err, &r) {
		return r
	}
	return nil
}

var (
	refuseHoneypot = &Refusal{Kind: Honeypot, Status: 400,
		Message: "Biểu mẫu có một ô ẩn dành để chặn máy tự động đã bị điền nên nội dung chưa được gửi. " +
			"Nếu bạn là người gửi, hãy tải lại trang và gửi lại (để trống mọi ô không hiện trên màn hình)."}
	refuseNoStamp = &Refusal{Kind: NoStamp, Status: 400,
		Message: "Biểu mẫu không hợp lệ hoặc đã bị thay đổi nên nội dung chưa được gửi. Hãy tải lại trang rồi gửi lại."}
	refuseTooFast = &Refusal{Kind: TooFast, Status: 400,
		Message: "Biểu mẫu được gửi quá nhanh sau khi mở nên nội dung chưa được gửi (để chặn máy tự động). " +
			"Hãy bấm nút Quay lại của trình duyệt, đợi vài giây rồi gửi lại."}
	refuseStale = &Refusal{Kind: Stale, Status: 422, Resend: true,
		Message: "Trang này đã mở quá lâu nên nội dung chưa được gửi. Nội dung bạn nhập vẫn còn dưới đây: hãy kiểm tra rồi bấm gửi lại."}
)
