package portal_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestAuditLogPagesByID: the audit log pages by entry id, both ways, and a
// key that is not one of ours (another spelling included) is not found.
func TestAuditLogPagesByID(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	entries, err := e.st.AuditLog(context.Background(), 1000, 0, 0)
	if err != nil || len(entries) < 10 {
		t.Fatalf("demo audit log: %d entries, %v", len(entries), err)
	}
	// Older than the fifth entry: the sixth comes first.
	fifth, sixth := entries[4], entries[5]
	r := e.get("/can-bo/nhat-ky?sau=" + itoa(fifth.ID))
	if r.status != http.StatusOK {
		t.Fatalf("older page: %d", r.status)
	}
	mustContain(t, "older page", r.body, `href="/can-bo/nhat-ky?truoc=`+itoa(sixth.ID)+`"`, `href="/can-bo/nhat-ky">`)
	for _, bad := range []string{"x", "0", "01", "-3", "1.5", itoa(entries[len(entries)-1].ID)} {
		if r := e.get("/can-bo/nhat-ky?sau=" + bad); r.status != http.StatusNotFound {
			t.Errorf("?sau=%s: %d, want 404", bad, r.status)
		}
	}
	if r := e.get("/can-bo/nhat-ky?truoc=" + itoa(sixth.ID)); r.status != http.StatusOK || strings.Contains(r.body, `rel="prev"`) {
		t.Errorf("newer page back to the start: %d, or it offers still newer entries", r.status)
	}
}
