package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"minhbach/store"
)

// An administrator removes a name an officer left in a published answer:
// the public page shows the mark and the reason, never the name; an
// officer who is not an administrator cannot do it.
func TestAdministratorRedactsAPublishedQuestion(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	officer, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	id, err := e.st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: "redact", Kind: "question", Topic: "khac", Channel: store.ChannelWeb,
		Title: "Hỏi", Body: "Hỏi về lệ phí"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	by := store.Actor{UserID: officer.ID}
	for _, a := range []store.Action{{Kind: store.ActAccept, PublicTitle: "Hỏi", PublicBody: "Hỏi về lệ phí"},
		{Kind: store.ActAnswer, Answer: "<p>Gửi ông Lại Văn Lộ: lệ phí 50.000 đồng.</p>"}} {
		if err := e.st.Act(ctx, id, a, by); err != nil {
			t.Fatal(err)
		}
	}
	path := "/can-bo/hoi-dap/" + itoa(id)

	e.login("canbo")
	r := e.post(path+"/che", url.Values{"_csrf": {e.csrf(path)}, "redact_text": {"Lại Văn Lộ"}, "redact_reason": {"Tên người hỏi"}})
	if r.status != http.StatusForbidden {
		t.Errorf("an officer redacted: status %d", r.status)
	}

	e.client = newClient()
	e.login("admin")
	r = e.post(path+"/che", url.Values{"_csrf": {e.csrf(path)}, "redact_text": {"Không có"}, "redact_reason": {"x"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "không có trong nội dung công khai") {
		t.Errorf("absent text: status %d", r.status)
	}
	r = e.post(path+"/che", url.Values{"_csrf": {e.csrf(path)}, "redact_text": {"Lại Văn Lộ"}, "redact_reason": {"Tên người hỏi không công khai"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("redaction: status %d\n%s", r.status, r.body)
	}

	e.client = newClient()
	r = e.get("/hoi-dap/" + itoa(id))
	if strings.Contains(r.body, "Lại Văn Lộ") {
		t.Error("the public page still shows the name")
	}
	mustContain(t, "public page", r.body, "[đã che]", "đã che 1 chỗ", "Tên người hỏi không công khai")
}
