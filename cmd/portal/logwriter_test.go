package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogWriterWritesEveryLineSoonAndAtClose: lines reach the output within
// a few flush intervals, in order, and whatever is left at Close.
func TestLogWriterWritesEveryLineSoonAndAtClose(t *testing.T) {
	var out lockedBuffer
	w := newLogWriter(&out)
	w.Write([]byte("một\n"))
	w.Write([]byte("hai\n"))
	deadline := time.Now().Add(20 * logFlushInterval)
	for out.String() != "một\nhai\n" {
		if time.Now().After(deadline) {
			t.Fatalf("after %v the output is %q", 20*logFlushInterval, out.String())
		}
		time.Sleep(logFlushInterval / 4)
	}
	w.Write([]byte("ba\n"))
	w.Close()
	if got := out.String(); got != "một\nhai\nba\n" {
		t.Fatalf("after Close the output is %q", got)
	}
}

// stalledWriter blocks every write until released, like a full pipe.
type stalledWriter struct {
	entered chan struct{}
	release chan struct{}
	lockedBuffer
}

func (s *stalledWriter) Write(p []byte) (int, error) {
	s.entered <- struct{}{}
	<-s.release
	return s.lockedBuffer.Write(p)
}

// TestLogWriterWriteDoesNotWaitForOutput: while the output is stalled in
// the middle of a flush, a line logged by a request is still taken at once.
func TestLogWriterWriteDoesNotWaitForOutput(t *testing.T) {
	out := &stalledWriter{entered: make(chan struct{}), release: make(chan struct{})}
	w := &logWriter{out: out} // no timer: the test flushes
	w.Write([]byte("một\n"))
	flushed := make(chan error)
	go func() { flushed <- w.Flush() }()
	<-out.entered // the flush is now inside out.Write
	wrote := make(chan struct{})
	go func() {
		w.Write([]byte("hai\n"))
		close(wrote)
	}()
	select {
	case <-wrote:
	case <-time.After(10 * time.Second):
		close(out.release)
		t.Fatal("a Write waited for the stalled output")
	}
	close(out.release)
	<-flushed
	go func() { <-out.entered }()
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "một\nhai\n" {
		t.Fatalf("output %q", got)
	}
}

// TestLogWriterBoundsItsBacklog: while the output takes nothing, lines past
// maxLogBacklog are dropped and counted, not kept.
func TestLogWriterBoundsItsBacklog(t *testing.T) {
	w := &logWriter{}
	line := bytes.Repeat([]byte("x"), 1<<10)
	for range 2 * maxLogBacklog / len(line) {
		w.Write(line)
	}
	if w.buf.Len() > maxLogBacklog {
		t.Fatalf("backlog %d bytes, bound %d", w.buf.Len(), maxLogBacklog)
	}
	if w.dropped == 0 {
		t.Fatal("no line counted as dropped")
	}
	var out lockedBuffer
	w.out = &out
	w.Flush()
	if !strings.Contains(out.String(), "log lines dropped") {
		t.Error("the flush does not say lines were dropped")
	}
}
