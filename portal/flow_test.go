package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"minhbach/store"
)

func regexpFind(t *testing.T, body, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no match for %s", re)
	}
	return m[1]
}

func lastID(t *testing.T, loc string) int64 {
	t.Helper()
	m := regexp.MustCompile(`/cong-khai/(\d+)`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("no id in %q", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func TestDraftPublishEditWithdraw(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	r := e.postMultipart("/can-bo/cong-khai", validForm(e, tok), upload{"files", "lich-tiem.docx", minimalDOCX(t)})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", r.status, r.body)
	}
	id := lastID(t, r.header.Get("Location"))
	sid := itoa(id)

	// A draft is private: not on the public page, not in the feed.
	anon := newEnvSameStore(e)
	if r := anon.get("/cong-khai/" + sid); r.status != http.StatusNotFound {
		t.Fatalf("draft is public: %d", r.status)
	}
	d, _ := e.st.Disclosure(context.Background(), id)
	if r := anon.get(strings.TrimPrefix(attachmentPath(d.Attachments[0]), "")); r.status != http.StatusNotFound {
		t.Fatalf("draft attachment is public: %d", r.status)
	}
	if strings.Contains(anon.get("/feed.atom").body, "lịch tiêm chủng") {
		t.Fatal("draft in feed")
	}

	// Preview shows the draft with the publish button.
	p := e.get("/can-bo/cong-khai/" + sid + "/xem-truoc")
	mustContain(t, "preview", p.body, "Bản xem trước", "Thông báo lịch tiêm chủng tháng 12", "<li>Thôn Đông: sáng</li>", "lich-tiem.docx")
	r = e.post("/can-bo/cong-khai/"+sid+"/cong-bo", url.Values{"_csrf": {tok}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.status)
	}
	pub := anon.get("/cong-khai/" + sid)
	mustContain(t, "public page", pub.body, "Thông báo lịch tiêm chủng tháng 12", "01/12/2026 – 15/12/2026 (15 ngày)", "lich-tiem.docx", "Đăng lần đầu")
	if r := anon.get(attachmentPath(d.Attachments[0])); r.status != http.StatusOK {
		t.Fatalf("published attachment: %d", r.status)
	}

	// Saving it unchanged, even with a reason, makes no empty version.
	same := validForm(e, tok)
	same.Set("keep", itoa(d.Attachments[0].ID))
	same.Set("reason", "Lưu lại")
	r = e.postMultipart("/can-bo/cong-khai/"+sid, same)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("unchanged edit: %d", r.status)
	}
	mustContain(t, "unchanged edit", fieldBlock(t, r.body, "reason"), "chưa khác gì phiên bản đang công khai")

	// An edit of a public item needs a reason and makes version 2.
	f := validForm(e, tok)
	f.Set("title", "Thông báo lịch tiêm chủng tháng 12 (điều chỉnh)")
	f.Set("body", "Trạm y tế xã tổ chức tiêm chủng vào ngày 12/12.")
	r = e.postMultipart("/can-bo/cong-khai/"+sid, f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("edit without reason: %d", r.status)
	}
	mustContain(t, "reason field", fieldBlock(t, r.body, "reason"), "Vui lòng nhập lý do thay đổi")
	mustContain(t, "kept title", r.body, "(điều chỉnh)")
	if v, _ := e.st.PublicDisclosure(context.Background(), id); v.Version != 1 {
		t.Fatalf("refused edit changed the item: version %d", v.Version)
	}
	f.Set("reason", "Đổi ngày tiêm do trùng lịch họp")
	r = e.postMultipart("/can-bo/cong-khai/"+sid, f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", r.status, r.body)
	}
	pub = anon.get("/cong-khai/" + sid)
	mustContain(t, "edited page", pub.body, "(điều chỉnh)", "Phiên bản 2", "Đổi ngày tiêm do trùng lịch họp")
	hist := anon.get("/cong-khai/" + sid + "/lich-su")
	mustContain(t, "history", hist.body, "Đổi ngày tiêm do trùng lịch họp", "<ins>", "<del>", "Tiêu đề", "lich-tiem.docx")
	v1 := anon.get("/cong-khai/" + sid + "/phien-ban/1")
	mustContain(t, "version 1", v1.body, "Thôn Đông: sáng")

	// Withdrawal needs a reason; the item stays public, marked withdrawn.
	r = e.post("/can-bo/cong-khai/"+sid+"/rut", url.Values{"_csrf": {tok}, "reason": {""}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("withdraw without reason: %d", r.status)
	}
	r = e.post("/can-bo/cong-khai/"+sid+"/rut", url.Values{"_csrf": {tok}, "reason": {"Trạm y tế hoãn đợt tiêm"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.status)
	}
	pub = anon.get("/cong-khai/" + sid)
	if pub.status != http.StatusOK {
		t.Fatalf("withdrawn page: %d", pub.status)
	}
	mustContain(t, "withdrawn page", pub.body, "Đã rút", "Trạm y tế hoãn đợt tiêm", "(điều chỉnh)")
	if r := anon.get("/cong-khai/" + sid + "/phien-ban/1"); r.status != http.StatusOK {
		t.Fatalf("old version after withdrawal: %d", r.status)
	}
	// A withdrawn item cannot be edited.
	if r := e.postMultipart("/can-bo/cong-khai/"+sid, f); r.status != http.StatusConflict {
		t.Fatalf("edit withdrawn: %d", r.status)
	}

	// Every step is in the audit log.
	log, err := e.st.AuditLog(context.Background(), 50, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range log {
		if a.EntityID == id {
			seen[a.Action] = true
		}
	}
	for _, want := range []string{"disclosure.create", "disclosure.publish", "disclosure.revise", "disclosure.withdraw"} {
		if !seen[want] {
			t.Errorf("audit log lacks %s", want)
		}
	}
}

func attachmentPath(a store.Attachment) string {
	return "/tep/" + itoa(a.ID) + "/" + url.PathEscape(a.Filename)
}

func TestLogoutEndsSession(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf("/can-bo")
	if r := e.post("/can-bo/dang-xuat", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("logout: %d", r.status)
	}
	if r := e.get("/can-bo"); r.status != http.StatusSeeOther {
		t.Fatalf("after logout /can-bo gives %d", r.status)
	}
}

func TestDraftsCanBeDeletedButPublishedItemsCannot(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	ctx := context.Background()
	drafts, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	pub, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Public: true, Status: store.StatusPublished, Limit: 1})
	d, p := itoa(drafts[0].ID), itoa(pub[0].ID)
	mustContain(t, "draft preview", e.get("/can-bo/cong-khai/"+d+"/xem-truoc").body, `href="/can-bo/cong-khai/`+d+`/xoa"`)
	tok := e.csrf("/can-bo/cong-khai/" + d + "/xoa")
	if r := e.get("/can-bo/cong-khai/" + p + "/xoa"); r.status != http.StatusConflict {
		t.Errorf("delete form of a published item: %d", r.status)
	}
	if r := e.post("/can-bo/cong-khai/"+p+"/xoa", url.Values{"_csrf": {tok}}); r.status != http.StatusConflict {
		t.Errorf("deleting a published item: %d", r.status)
	}
	if _, err := e.st.PublicDisclosure(ctx, pub[0].ID); err != nil {
		t.Fatalf("published item after a refused delete: %v", err)
	}
	r := e.post("/can-bo/cong-khai/"+d+"/xoa", url.Values{"_csrf": {tok}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("delete draft: %d", r.status)
	}
	if r := e.get("/can-bo/cong-khai/" + d + "/xem-truoc"); r.status != http.StatusNotFound {
		t.Errorf("deleted draft still opens: %d", r.status)
	}
}
