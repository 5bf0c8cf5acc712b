package main

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"
)

// logFlushInterval is how long a log line may wait in memory before it is
// written: the longest a line is late, and what a crash can lose.
const logFlushInterval = 100 * time.Millisecond

// logWriter collects log lines in memory and writes them out together, at
// most every logFlushInterval: under load, thousands of request lines a
// second cost a few writes instead of a system call each.
type logWriter struct {
	mu      sync.Mutex // guards buf and dropped only: a Write never waits for out
	buf     bytes.Buffer
	dropped int          // lines refused since the last flush, past maxLogBacklog
	spare   bytes.Buffer // the buffer being written out; guarded by outMu
	outMu   sync.Mutex   // one write to out at a time, in order
	out     io.Writer
	stop    chan struct{}
	done    chan struct{}
}

func newLogWriter(out io.Writer) *logWriter {
	w := &logWriter{out: out, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		t := time.NewTicker(logFlushInterval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				w.Flush()
			case <-w.stop:
				w.Flush()
				return
			}
		}
	}()
	return w
}

// maxLogBacklog bounds the lines kept while the output does not take them
// (a paused terminal, a full pipe): past it, lines are counted and dropped
// rather than filling the memory.
const maxLogBacklog = 16 << 20

// Write keeps a copy of p; slog hands it one whole line at a time.
func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len()+len(p) > maxLogBacklog {
		w.dropped++
		return len(p), nil
	}
	return w.buf.Write(p)
}

// Flush writes out what has been collected. The lines are taken under the
// lock and written without it: a slow or stalled output (a paused
// terminal, a full pipe) must not hold up a request that logs an error.
func (w *logWriter) Flush() error {
	w.outMu.Lock()
	defer w.outMu.Unlock()
	w.mu.Lock()
	w.buf, w.spare = w.spare, w.buf
	dropped := w.dropped
	w.dropped = 0
	w.mu.Unlock()
	if dropped > 0 {
		fmt.Fprintf(&w.spare, "time=%s level=WARN msg=\"log lines dropped: the output did not take them\" lines=%d\n",
			time.Now().Format("2006-01-02T15:04:05.000Z07:00"), dropped)
	}
	if w.spare.Len() == 0 {
		return nil
	}
	_, err := w.out.Write(w.spare.Bytes())
	w.spare.Reset()
	return err
}

// Close writes out the rest and stops the timer.
func (w *logWriter) Close() error {
	close(w.stop)
	<-w.done
	return nil
}
