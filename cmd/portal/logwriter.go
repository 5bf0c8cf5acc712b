package main

import (
	"bytes"
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
	mu   sync.Mutex
	buf  bytes.Buffer
	out  io.Writer
	stop chan struct{}
	done chan struct{}
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

// Write keeps a copy of p; slog hands it one whole line at a time.
func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// Flush writes out what has been collected.
func (w *logWriter) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len() == 0 {
		return nil
	}
	_, err := w.out.Write(w.buf.Bytes())
	w.buf.Reset()
	return err
}

// Close writes out the rest and stops the timer.
func (w *logWriter) Close() error {
	close(w.stop)
	<-w.done
	return nil
}
