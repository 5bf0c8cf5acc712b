package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"minhbach/store"
)

// publishVia creates an item through the officers' form and publishes it.
func publishVia(t *testing.T, e *env, form url.Values) int64 {
	t.Helper()
	r := e.postMultipart("/can-bo/cong-khai", form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: status %d\n%s", r.status, r.body)
	}
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatal("no draft", err)
	}
	id := items[0].ID
	tok := e.csrf("/can-bo/cong-khai/" + itoa(id) + "/xem-truoc")
	if r := e.post("/can-bo/cong-khai/"+itoa(id)+"/cong-bo", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: status %d\n%s", r.status, r.body)
	}
	return id
}

// TestLegalClockOnItemPage: the decision date and kind an officer enters
// give the page its verdict, computed against the rule in force; a kind
// that does not fit the category is refused beside its field.
func TestLegalClockOnItemPage(t *testing.T) {
	e := newEnvWith(t, false)
	if _, err := e.st.AddUnit(context.Background(), "UBND xã", 0); err != nil {
		t.Fatal(err)
	}
	e.login("admin")
	tok := e.csrf("/can-bo/cong-khai/moi")

	bad := validForm(e, tok)
	bad.Set("kind", "du-toan")
	r := e.postMultipart("/can-bo/cong-khai", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a budget kind on a notice: status %d", r.status)
	}
	mustContain(t, "kind error", r.body, `id="kind-error"`, "không có loại này", "Dự toán ngân sách")

	f := validForm(e, tok)
	// Published today; decided long before: late by the general rule.
	decided := time.Now().AddDate(0, 0, -40)
	f.Set("decided_on", decided.Format("2006-01-02"))
	id := publishVia(t, e, f)
	d, err := e.st.PublicDisclosure(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rule, ok := d.ClockRuleValue(); !ok || rule.DueDays != 5 || !rule.DueWorking {
		t.Fatalf("frozen rule: %+v", rule)
	}
	page := e.browser().get("/cong-khai/" + itoa(id))
	mustContain(t, "item page", page.body, "Thời hạn công khai", "Công khai chậm", "ngày làm việc", "Theo quy định nào?",
		"Luật Thực hiện dân chủ ở cơ sở", "/quy-dinh-cong-khai")

	// On time when the decision was today.
	f2 := validForm(e, tok)
	f2.Set("title", "Thông báo đúng hạn")
	f2.Set("decided_on", time.Now().Format("2006-01-02"))
	id2 := publishVia(t, e, f2)
	mustContain(t, "on-time page", e.browser().get("/cong-khai/"+itoa(id2)).body, "Công khai đúng hạn")
}

// TestDisclosureRulesPage: everyone reads the rules with their sources;
// an administrator adds a change from a date, and bad input comes back
// with the errors beside the fields and what was typed.
func TestDisclosureRulesPage(t *testing.T) {
	e := newEnvWith(t, false)
	pub := e.browser().get("/quy-dinh-cong-khai")
	if pub.status != http.StatusOK {
		t.Fatalf("public rules: %d", pub.status)
	}
	mustContain(t, "rules", pub.body, "Dự toán ngân sách được HĐND xã quyết định", "Thông tư 343/2016/TT-BTC",
		"Chưa xác nhận", "Đang áp dụng", "Luật Đất đai 2024, Điều 87")
	if strings.Contains(pub.body, `name="due_days"`) {
		t.Fatal("the public page has the administrators' form")
	}
	if r := e.get("/can-bo/quy-dinh-cong-khai"); r.status == http.StatusOK {
		t.Fatal("the officers' rules page answers without a login")
	}
	e.login("admin")
	tok := e.csrf("/can-bo/quy-dinh-cong-khai")
	r := e.post("/can-bo/quy-dinh-cong-khai", url.Values{"_csrf": {tok}, "kind": {"ngan-sach/du-toan"},
		"effective_from": {"31/02/2026"}, "due_days": {"abc"}, "due_unit": {"lich"}, "post_unit": {"lich"},
		"rule": {"Công khai trong 20 ngày"}, "source": {""}, "confidence": {"M"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad rule: status %d", r.status)
	}
	mustContain(t, "errors", r.body, `id="effective_from-error"`, `id="due_days-error"`, `id="source-error"`, "Công khai trong 20 ngày")
	r = e.post("/can-bo/quy-dinh-cong-khai", url.Values{"_csrf": {tok}, "kind": {"ngan-sach/du-toan"},
		"effective_from": {"2026-03-01"}, "due_days": {"20"}, "due_unit": {"lich"}, "post_days": {"30"}, "post_unit": {"lich"},
		"rule": {"Công khai trong 20 ngày kể từ ngày HĐND xã quyết định."}, "source": {"Nghị định 73/2026/NĐ-CP, Điều 37"},
		"confidence": {"H"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("good rule: status %d\n%s", r.status, r.body)
	}
	all, err := e.st.DisclosureRules(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	last := all[len(all)-1]
	if last.Kind != "ngan-sach/du-toan" || last.DueDays != 20 || last.DueWorking || last.ID == 0 {
		t.Fatalf("saved rule: %+v", last)
	}
	mustContain(t, "after the change", e.browser().get("/quy-dinh-cong-khai").body, "01/03/2026", "Nghị định 73/2026/NĐ-CP, Điều 37")
}

// TestInternalDisclosureStaysInside: an item for the commune's officers
// (row 2b) is read by logged-in officers and is nowhere a visitor can reach.
func TestInternalDisclosureStaysInside(t *testing.T) {
	e := newEnvWith(t, false)
	if _, err := e.st.AddUnit(context.Background(), "UBND xã", 0); err != nil {
		t.Fatal(err)
	}
	e.login("admin")
	tok := e.csrf("/can-bo/cong-khai/moi")
	f := validForm(e, tok)
	f.Set("category", "noi-bo-nhan-su")
	f.Set("title", "Quyết định nâng bậc lương quý IV")
	id := publishVia(t, e, f)

	officer := e.get("/cong-khai/" + itoa(id))
	if officer.status != http.StatusOK {
		t.Fatalf("officer reads the internal item: %d", officer.status)
	}
	mustContain(t, "officer page", officer.body, "Công khai trong nội bộ", `name="robots" content="noindex`)
	mustContain(t, "officer category", e.get("/cong-khai/noi-bo-nhan-su").body, "Quyết định nâng bậc lương")

	v := e.browser()
	for _, path := range []string{"/cong-khai/" + itoa(id), "/cong-khai/" + itoa(id) + "/lich-su",
		"/cong-khai/" + itoa(id) + "/phien-ban/1", "/cong-khai/noi-bo-nhan-su",
		"/cong-khai/noi-bo-nhan-su/feed.rss", "/cong-khai/noi-bo-nhan-su/xuat.csv"} {
		if r := v.get(path); r.status != http.StatusNotFound {
			t.Errorf("visitor %s: status %d, want 404", path, r.status)
		}
	}
	for _, path := range []string{"/", "/cong-khai", "/feed.rss", "/feed.json", "/cong-khai/xuat.csv", "/cong-khai/xuat.json"} {
		r := v.get(path)
		if strings.Contains(r.body, "nâng bậc lương") || strings.Contains(r.body, "noi-bo-nhan-su") {
			t.Errorf("visitor %s shows the internal item", path)
		}
	}

	// A public item cannot be moved inside once published.
	f2 := validForm(e, tok)
	f2.Set("title", "Thông báo công khai")
	pubID := publishVia(t, e, f2)
	tok = e.csrf("/can-bo/cong-khai/" + itoa(pubID))
	f3 := validForm(e, tok)
	f3.Set("category", "noi-bo-ke-hoach")
	f3.Set("reason", "Chuyển mục")
	r := e.postMultipart("/can-bo/cong-khai/"+itoa(pubID), f3)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "không thể chuyển thành tin nội bộ") {
		t.Fatalf("moving a public item inside: status %d", r.status)
	}
}

// TestHistoryShowsChangedRows: a version that changed an item's rows lists
// the rows added, removed and changed, matched by key.
func TestHistoryShowsChangedRows(t *testing.T) {
	e := newEnvWith(t, false)
	ctx := context.Background()
	row := func(key, name string) json.RawMessage {
		b, _ := json.Marshal(map[string]string{"key": key, "name": name})
		return b
	}
	id, err := e.st.CreateDisclosure(ctx, store.DisclosureInput{Category: "thong-bao", Title: "Danh sách", Body: "<p>x</p>",
		Rows: []json.RawMessage{row("a", "một"), row("b", "hai"), row("c", "ba")}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.PublishDisclosure(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	d, _ := e.st.Disclosure(ctx, id)
	in := d.Input()
	in.Rows = []json.RawMessage{row("a", "một"), row("b", "HAI"), row("d", "bốn")}
	if err := e.st.UpdateDisclosure(ctx, id, in, "Cập nhật danh sách", 0); err != nil {
		t.Fatal(err)
	}
	page := e.browser().get("/cong-khai/" + itoa(id) + "/lich-su")
	mustContain(t, "history", page.body, "Thêm 1 dòng", "Bớt 1 dòng", "Sửa 1 dòng", "Dòng d", "Dòng c", "Dòng b")
}
