package portal

import (
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// logRequests logs method, path, status and duration; never the query
// string, the client address or form values, which may be personal data.
// It runs the error handler itself, so the line has the final status.
func (h *handler) logRequests(c *fiber.Ctx) error {
	start := c.Context().Time() // taken by the server when the request arrived
	if err := c.Next(); err != nil {
		if herr := h.handleError(c, err); herr != nil {
			return herr
		}
	}
	if strings.HasPrefix(c.Path(), "/static/") {
		return nil
	}
	refusal, _ := c.Locals(localRefusal).(string)
	h.access.add(accessEntry{at: start, method: c.Method(), path: c.Path(), status: c.Response().StatusCode(),
		took: time.Since(start), refusal: refusal})
	return nil
}

const localRefusal = "refusal"

// accessLogQueue is how many lines may wait for the writer; past that,
// lines are counted as dropped rather than making requests wait.
const accessLogQueue = 8192

// accessLog writes request lines from one goroutine: a request hands its
// line over without a lock or a write of its own, so logging never
// serialises requests. The goroutine formats the lines itself, in the text
// format of log/slog that the rest of the log uses, and writes whatever has
// queued up in one call.
type accessLog struct {
	out     io.Writer
	queue   chan accessEntry
	dropped atomic.Int64
}

type accessEntry struct {
	at           time.Time
	method, path string
	status       int
	took         time.Duration
	refusal      string
	written      chan struct{} // not a line: closed once the lines before it are written
}

func newAccessLog(out io.Writer) *accessLog {
	a := &accessLog{out: out, queue: make(chan accessEntry, accessLogQueue)}
	go a.run()
	return a
}

func (a *accessLog) add(e accessEntry) {
	select {
	case a.queue <- e:
	default:
		a.dropped.Add(1)
	}
}

func (a *accessLog) run() {
	var buf []byte
	var written []chan struct{}
	for e := range a.queue {
		buf, written = buf[:0], written[:0]
		// Take what else is waiting, and write it all at once.
		for n := 0; ; n++ {
			if e.written != nil {
				written = append(written, e.written)
			} else {
				buf = appendAccessLine(buf, e)
			}
			if n == 256 {
				break
			}
			var more bool
			select {
			case e = <-a.queue:
				more = true
			default:
			}
			if !more {
				break
			}
		}
		if d := a.dropped.Swap(0); d > 0 {
			buf = append(buf, "time="...)
			buf = time.Now().AppendFormat(buf, logTimeLayout)
			buf = append(buf, " level=WARN msg=\"access log lines dropped: the log could not keep up\" lines="...)
			buf = strconv.AppendInt(buf, d, 10)
			buf = append(buf, '\n')
		}
		if len(buf) > 0 {
			a.out.Write(buf)
		}
		for _, ch := range written {
			close(ch)
		}
	}
}

// flush waits until every line handed over before it is written.
func (a *accessLog) flush() {
	done := make(chan struct{})
	a.queue <- accessEntry{written: done}
	<-done
}

// logTimeLayout is the time as log/slog's text handler writes it.
const logTimeLayout = "2006-01-02T15:04:05.000Z07:00"

// appendAccessLine writes e as slog's text handler would have:
// time=… level=INFO msg=request method=GET path=/ status=200 ms=0.
func appendAccessLine(b []byte, e accessEntry) []byte {
	b = append(b, "time="...)
	b = e.at.AppendFormat(b, logTimeLayout)
	b = append(b, " level=INFO msg=request method="...)
	b = appendLogValue(b, e.method)
	b = append(b, " path="...)
	b = appendLogValue(b, e.path)
	b = append(b, " status="...)
	b = strconv.AppendInt(b, int64(e.status), 10)
	b = append(b, " ms="...)
	b = strconv.AppendInt(b, e.took.Milliseconds(), 10)
	if e.refusal != "" {
		b = append(b, " err="...)
		b = appendLogValue(b, e.refusal)
	}
	return append(b, '\n')
}

// appendLogValue quotes a value the way slog does when it has to: when it
// is empty or holds spaces, quotes, '=' or anything unprintable.
func appendLogValue(b []byte, s string) []byte {
	if s == "" || !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool {
		return r == ' ' || r == '"' || r == '=' || !unicode.IsPrint(r)
	}) >= 0 {
		return strconv.AppendQuote(b, s)
	}
	return append(b, s...)
}
