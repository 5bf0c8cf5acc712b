package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"minhbach/store"
)

// TestRetiredUnitKeepsItsNameOnPages: an administrator renames then
// retires the unit that leads a published item. The item's public page
// and its versions keep the name it was published with, the unit leaves
// the form's choices, the audit log names both changes.
func TestRetiredUnitKeepsItsNameOnPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	items, err := e.st.Disclosures(ctx, store.DisclosureFilter{Public: true, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var item store.Disclosure
	for _, d := range items {
		if d.UnitID != 0 {
			item = d
			break
		}
	}
	if item.ID == 0 {
		t.Fatal("no public item with a unit in the demo")
	}
	oldName := item.UnitName
	e.login("admin")
	tok := e.csrf("/can-bo/don-vi")
	unit := "/can-bo/don-vi/" + itoa(item.UnitID)

	// A rename onto another unit's name is refused beside the field.
	units, _ := e.st.Units(ctx)
	var other string
	for _, u := range units {
		if u.ID != item.UnitID {
			other = u.Name
			break
		}
	}
	r := e.post(unit+"/doi-ten", url.Values{"_csrf": {tok}, "name": {strings.ToUpper(other)}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("rename onto %q: %d", other, r.status)
	}
	mustContain(t, "rename error", r.body, `id="unit-`+itoa(item.UnitID)+`-error"`, "đã có trong danh sách", `value="`+strings.ToUpper(other)+`"`)

	if r := e.post(unit+"/doi-ten", url.Values{"_csrf": {tok}, "name": {"Bộ phận Một cửa (đổi tên)"}}); r.status != http.StatusSeeOther {
		t.Fatalf("rename: %d %s", r.status, r.body)
	}
	if r := e.post(unit+"/ngung", url.Values{"_csrf": {tok}, "retire": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("retire: %d", r.status)
	}
	page := e.get("/can-bo/don-vi").body
	mustContain(t, "places page", page, "Bộ phận Một cửa (đổi tên)", "(đã ngừng sử dụng)", "Dùng lại “Bộ phận Một cửa (đổi tên)”")
	if form := e.get("/can-bo/cong-khai/moi").body; strings.Contains(form, "Bộ phận Một cửa (đổi tên)") || strings.Contains(form, ">"+oldName+"</option>") {
		t.Error("a retired unit is still offered in the disclosure form")
	}
	pub := e.get("/cong-khai/" + itoa(item.ID)).body
	mustContain(t, "published item", pub, oldName)
	if strings.Contains(pub, "Bộ phận Một cửa (đổi tên)") {
		t.Error("the published item shows the new name")
	}
	mustContain(t, "version page", e.get("/cong-khai/"+itoa(item.ID)+"/phien-ban/1").body, oldName)
	mustContain(t, "audit log", e.get("/can-bo/nhat-ky").body, "Đổi tên đơn vị", "Ngừng sử dụng đơn vị")

	// Adding the retired name again points at the line to restore.
	r = e.post("/can-bo/don-vi", url.Values{"_csrf": {tok}, "name": {"bộ phận một cửa (đổi tên)"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "đã ngừng sử dụng") {
		t.Errorf("adding a retired name: %d", r.status)
	}
	if r := e.post(unit+"/ngung", url.Values{"_csrf": {tok}, "retire": {"0"}}); r.status != http.StatusSeeOther {
		t.Fatalf("restore: %d", r.status)
	}
	mustContain(t, "restored in the form", e.get("/can-bo/cong-khai/moi").body, "Bộ phận Một cửa (đổi tên)")

	// Officers cannot.
	o := newEnvSameStore(e)
	o.login("canbo")
	if r := o.post(unit+"/ngung", url.Values{"_csrf": {o.csrf("/can-bo")}, "retire": {"1"}}); r.status != http.StatusForbidden {
		t.Errorf("officer retires a unit: %d", r.status)
	}
}
