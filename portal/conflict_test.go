package portal_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestTwoOfficersOnOneItemGetConflictNotServerError: when another officer
// acted first, the store's refusal becomes a 409 page saying what happened,
// and an edit in progress keeps what was typed.
func TestTwoOfficersOnOneItemGetConflictNotServerError(t *testing.T) {
	a := newEnv(t)
	a.login("admin")
	b := newEnvSameStore(a)
	b.login("canbo")

	// Both open the same draft; B publishes it while A is still editing.
	tokA := a.csrf("/can-bo/cong-khai/moi")
	r := a.postMultipart("/can-bo/cong-khai", validForm(a, tokA))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d", r.status)
	}
	sid := itoa(lastID(t, r.header.Get("Location")))
	tokA = a.csrf("/can-bo/cong-khai/" + sid)
	tokB := b.csrf("/can-bo/cong-khai/" + sid)
	if r := b.post("/can-bo/cong-khai/"+sid+"/cong-bo", url.Values{"_csrf": {tokB}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish by B: %d", r.status)
	}
	edit := validForm(a, tokA)
	edit.Set("title", "Tiêu đề A vừa sửa")
	r = a.postMultipart("/can-bo/cong-khai/"+sid, edit)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("edit of a draft published meanwhile: %d, want 422", r.status)
	}
	mustContain(t, "edit after publish", r.body, "Tiêu đề A vừa sửa")
	mustContain(t, "reason field", fieldBlock(t, r.body, "reason"), "lý do thay đổi", "field-error")

	// B withdraws it; A's withdrawal, sent from the form A had open, is a
	// conflict, not a server error.
	if r := b.post("/can-bo/cong-khai/"+sid+"/rut", url.Values{"_csrf": {tokB}, "reason": {"Lý do của B"}}); r.status != http.StatusSeeOther {
		t.Fatalf("withdraw by B: %d", r.status)
	}
	r = a.post("/can-bo/cong-khai/"+sid+"/rut", url.Values{"_csrf": {tokA}, "reason": {"Lý do của A"}})
	if r.status != http.StatusConflict {
		t.Fatalf("second withdrawal: %d, want 409\n%s", r.status, r.body)
	}
	mustContain(t, "409 page", r.body, "vừa được rút")
	// An edit of the withdrawn item, and a second publication, too.
	edit.Set("reason", "Sửa sau khi rút")
	if r := a.postMultipart("/can-bo/cong-khai/"+sid, edit); r.status != http.StatusConflict {
		t.Fatalf("edit of a withdrawn item: %d, want 409", r.status)
	}
	if r := a.post("/can-bo/cong-khai/"+sid+"/xoa", url.Values{"_csrf": {tokA}}); r.status != http.StatusConflict {
		t.Fatalf("delete of a public item: %d, want 409", r.status)
	}
	a.logsMu.Lock()
	defer a.logsMu.Unlock()
	if strings.Contains(a.logs.String(), "status=500") {
		t.Errorf("a conflict was logged as a server error:\n%s", a.logs.String())
	}
}
