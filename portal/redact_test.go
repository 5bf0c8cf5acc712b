package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"minhbach/store"
)

const privatePhone = "0987 654 321"

// publishWithPrivateData publishes an item whose first version shows a
// private mobile number in its summary and body and carries a file with it;
// the second version replaced the file, but its summary, body and reason
// still show the number.
func publishWithPrivateData(t *testing.T, st *store.Store) (id int64, old, kept store.Attachment) {
	t.Helper()
	ctx := context.Background()
	old, err := st.SaveAttachment(ctx, "danh-sach-co-so-rieng.pdf", "application/pdf", []byte("%PDF-1.4 số riêng "+privatePhone), 0)
	if err != nil {
		t.Fatal(err)
	}
	kept, err = st.SaveAttachment(ctx, "danh-sach.pdf", "application/pdf", []byte("%PDF-1.4 danh sách đã sửa"), 0)
	if err != nil {
		t.Fatal(err)
	}
	in := store.DisclosureInput{
		Category: "thong-bao", Title: "Tổ hòa giải thôn Đông",
		Summary:       "Tổ trưởng: bà Lê Thị Mai, di động " + privatePhone,
		Body:          "<p>Tổ trưởng tổ hòa giải: bà Lê Thị Mai – " + privatePhone + ".</p><p>Họp vào tối thứ Năm đầu tháng.</p>",
		AttachmentIDs: []int64{old.ID},
	}
	if id, err = st.CreateDisclosure(ctx, in, 0); err != nil {
		t.Fatal(err)
	}
	if err := st.PublishDisclosure(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	in.AttachmentIDs = []int64{kept.ID}
	if err := st.UpdateDisclosure(ctx, id, in, "Thay tệp có số "+privatePhone, 0); err != nil {
		t.Fatal(err)
	}
	return id, old, kept
}

func TestAdminRedactsPersonalDataEverywhere(t *testing.T) {
	e := newEnv(t)
	id, old, kept := publishWithPrivateData(t, e.st)
	sid := itoa(id)
	publicPages := []string{
		"/cong-khai/" + sid, "/cong-khai/" + sid + "/lich-su",
		"/cong-khai/" + sid + "/phien-ban/1", "/cong-khai/" + sid + "/phien-ban/2",
		"/feed.atom", "/feed.rss", "/feed.json", "/cong-khai/thong-bao/feed.atom",
		"/cong-khai/xuat.json", "/cong-khai/xuat.csv", "/cong-khai/thong-bao/xuat.json",
	}
	// A visitor sees the number everywhere, which fills every cache.
	visitor := newEnvSameStore(e)
	etags := map[string]string{}
	for _, p := range publicPages {
		r := visitor.get(p)
		if r.status != http.StatusOK || !strings.Contains(r.body, privatePhone) {
			t.Fatalf("before: %s: status %d, number shown %v", p, r.status, strings.Contains(r.body, privatePhone))
		}
		etags[p] = r.header.Get("ETag")
	}
	oldFile := "/tep/" + itoa(old.ID) + "/" + old.Filename
	if r := visitor.get(oldFile); r.status != http.StatusOK {
		t.Fatalf("old file before: %d", r.status)
	}

	// Officers may not redact.
	officer := newEnvSameStore(e)
	officer.login("canbo")
	if r := officer.get("/can-bo/cong-khai/" + sid + "/che"); r.status != http.StatusForbidden {
		t.Errorf("officer opens the form: %d", r.status)
	}
	tok := officer.csrf("/can-bo/cong-khai/moi")
	if r := officer.post("/can-bo/cong-khai/"+sid+"/che", url.Values{"_csrf": {tok}, "text": {privatePhone}, "reason": {"x"}, "step": {"redact"}}); r.status != http.StatusForbidden {
		t.Errorf("officer redacts: %d", r.status)
	}
	if strings.Contains(officer.get("/cong-khai/"+sid).body, "/che\"") {
		t.Error("the item page offers redaction to an officer")
	}

	e.login("admin")
	mustContain(t, "item page for an admin", e.get("/cong-khai/"+sid).body, `href="/can-bo/cong-khai/`+sid+`/che"`)
	form := e.get("/can-bo/cong-khai/" + sid + "/che")
	if form.status != http.StatusOK {
		t.Fatalf("form: %d", form.status)
	}
	// Only the file of the earlier version is offered.
	mustContain(t, "form", form.body, old.Filename, `value="`+itoa(old.ID)+`"`)
	if strings.Contains(form.body, `value="`+itoa(kept.ID)+`"`) {
		t.Error("the form offers the current version's file")
	}
	tok = e.csrf("/can-bo/cong-khai/" + sid + "/che")
	post := func(v url.Values) response {
		t.Helper()
		return e.post("/can-bo/cong-khai/"+sid+"/che", v)
	}

	// Without the CSRF token nothing happens.
	if r := post(url.Values{"text": {privatePhone}, "reason": {"Số riêng"}, "step": {"redact"}}); r.status != http.StatusForbidden {
		t.Errorf("without CSRF: %d", r.status)
	}
	// The preview says where the text is.
	r := post(url.Values{"_csrf": {tok}, "text": {privatePhone}, "step": {"preview"}})
	if r.status != http.StatusOK {
		t.Fatalf("preview: %d\n%s", r.status, r.body)
	}
	mustContain(t, "preview", r.body, "Phiên bản 1, tóm tắt: 1 chỗ", "Phiên bản 1, nội dung: 1 chỗ",
		"Phiên bản 2, tóm tắt: 1 chỗ", "Phiên bản 2, nội dung: 1 chỗ", "Phiên bản 2, lý do thay đổi: 1 chỗ", `value="`+privatePhone+`"`)
	// A reason is required; the typed values come back.
	r = post(url.Values{"_csrf": {tok}, "text": {privatePhone}, "files": {itoa(old.ID)}, "step": {"redact"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("no reason: %d", r.status)
	}
	mustContain(t, "no reason", fieldBlock(t, r.body, "reason"), "Vui lòng nhập lý do che")
	mustContain(t, "no reason", fieldBlock(t, r.body, "text"), `value="`+privatePhone+`"`)
	mustContain(t, "no reason", r.body, `value="`+itoa(old.ID)+`" checked`)
	// Text that is not there, or too short, is refused beside the field.
	for text, msg := range map[string]string{"0999 999 999": "Không tìm thấy", "09": "ít nhất 3 ký tự"} {
		r = post(url.Values{"_csrf": {tok}, "text": {text}, "reason": {"Số riêng"}, "step": {"redact"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("text %q: %d", text, r.status)
		}
		mustContain(t, "text "+text, fieldBlock(t, r.body, "text"), msg)
		mustContain(t, "text "+text, fieldBlock(t, r.body, "reason"), "Số riêng")
	}

	reason := "Số di động cá nhân của tổ trưởng, không được công khai"
	r = post(url.Values{"_csrf": {tok}, "text": {privatePhone}, "files": {itoa(old.ID)}, "reason": {reason}, "step": {"redact"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/cong-khai/"+sid {
		t.Fatalf("redact: %d %s\n%s", r.status, r.header.Get("Location"), r.body)
	}
	mustContain(t, "flash", e.get("/cong-khai/"+sid).body, "Đã che 5 chỗ và gỡ bỏ 1 tệp.")

	// The visitor's cached copies are gone: no page, feed or export shows
	// the number; each shows the mark.
	for _, p := range publicPages {
		r := visitor.get(p)
		if r.status != http.StatusOK || strings.Contains(r.body, privatePhone) {
			t.Errorf("after: %s: status %d, number shown %v", p, r.status, strings.Contains(r.body, privatePhone))
		}
		mustContain(t, p, r.body, store.RedactionMark)
		if r.header.Get("ETag") == etags[p] {
			t.Errorf("%s: same ETag as before the redaction", p)
		}
	}
	note := []string{"Thông tin đã che", "Trần Văn Hải (Công chức Văn phòng - Thống kê)", reason}
	item := visitor.get("/cong-khai/" + sid).body
	mustContain(t, "item page", item, `<mark class="redacted">[đã che]</mark>`, "đã che 5 chỗ có thông tin cá nhân trong phiên bản 1, 2")
	mustContain(t, "item page", item, note...)
	history := visitor.get("/cong-khai/" + sid + "/lich-su").body
	mustContain(t, "history", history, note...)
	mustContain(t, "history", history, old.SHA256, "Đã gỡ bỏ", "gỡ bỏ tệp “"+old.Filename+"”", `<mark class="redacted">`)
	v1 := visitor.get("/cong-khai/" + sid + "/phien-ban/1").body
	mustContain(t, "version 1", v1, note...)
	mustContain(t, "version 1", v1, "Đã gỡ bỏ", old.SHA256)
	if strings.Contains(v1, `href="/tep/`+itoa(old.ID)) {
		t.Error("version 1 still links the removed file")
	}

	// The file is gone from disk and from the address that served it.
	if _, err := os.Stat(e.st.AttachmentPath(old)); !os.IsNotExist(err) {
		t.Errorf("removed file on disk: %v", err)
	}
	r = visitor.get(oldFile)
	if r.status != http.StatusGone {
		t.Errorf("old file after: %d", r.status)
	}
	mustContain(t, "410 page", r.body, "Tệp đã được gỡ bỏ")
	if r := visitor.get("/tep/" + itoa(kept.ID) + "/" + kept.Filename); r.status != http.StatusOK {
		t.Errorf("kept file: %d", r.status)
	}

	// A stale or tampered edit form that keeps the removed file saves
	// without it.
	edit := validForm(e, e.csrf("/can-bo/cong-khai/"+sid))
	edit["keep"] = []string{itoa(kept.ID), itoa(old.ID)}
	edit.Set("reason", "Cập nhật lịch họp")
	if r := e.postMultipart("/can-bo/cong-khai/"+sid, edit); r.status != http.StatusSeeOther {
		t.Fatalf("edit after the redaction: %d\n%s", r.status, r.body)
	}
	if d, err := e.st.PublicDisclosure(context.Background(), id); err != nil || d.Version != 3 ||
		len(d.Attachments) != 1 || d.Attachments[0].ID != kept.ID {
		t.Errorf("version 3: %+v, %v", d, err)
	}

	// The audit log names the action and not the number.
	audit := e.get("/can-bo/nhat-ky").body
	mustContain(t, "audit log", audit, "Che thông tin cá nhân", reason)
	if strings.Contains(audit, privatePhone) {
		t.Error("the audit log shows the number")
	}
	e.logsMu.Lock()
	logs := e.logs.String()
	e.logsMu.Unlock()
	if strings.Contains(logs, privatePhone) {
		t.Error("the server log holds the number")
	}
}

func TestRedactionIsOnlyForPublishedItems(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	drafts, err := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	if err != nil || len(drafts) == 0 {
		t.Fatal("no draft in the demo data", err)
	}
	e.login("admin")
	if r := e.get("/can-bo/cong-khai/" + itoa(drafts[0].ID) + "/che"); r.status != http.StatusForbidden {
		t.Errorf("form for a draft: %d", r.status)
	}
	if r := e.get("/can-bo/cong-khai/999999/che"); r.status != http.StatusNotFound {
		t.Errorf("form for no item: %d", r.status)
	}
}
