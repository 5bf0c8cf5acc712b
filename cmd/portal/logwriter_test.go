package main

import (
	"bytes"
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
