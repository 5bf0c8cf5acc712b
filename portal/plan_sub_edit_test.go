package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"minhbach/portal/plan"
	"minhbach/seeds"
)

// subFormValues is the sub-component form as the page fills it.
func subFormValues(tok, stamp string, s plan.Sub) url.Values {
	f := url.Values{"_csrf": {tok}, "stamp": {stamp}, "name": {s.Name}, "tasks": {strings.Join(s.Tasks, "\n")},
		"results": {strings.Join(s.Results, "\n")}, "lead": {s.Lead}, "partners": {s.Partners}, "time_frame": {s.TimeFrame}}
	num := func(v float64) string { return strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", ",") }
	for i, in := range s.Indicators {
		p := "ind-" + strconv.Itoa(i) + "-"
		f.Set(p+"slug", in.Slug)
		f.Set(p+"name", in.Name)
		f.Set(p+"period", in.Period)
		if t := in.Target; t != nil {
			f.Set(p+"direction", t.Direction)
			f.Set(p+"target", num(t.Value))
			f.Set(p+"source", t.Source)
			f.Set(p+"target-note", t.Note)
		}
		if in.Min != nil {
			f.Set(p+"min", num(*in.Min))
		}
		if in.Max != nil {
			f.Set(p+"max", num(*in.Max))
		}
		if in.Evidence {
			f.Set(p+"evidence", "1")
		}
	}
	return f
}

var planStampRe = regexp.MustCompile(`name="stamp" value="([^"]*)"`)

func TestEditingATargetMakesAVersionWithTheChangedRow(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("canbo")
	ctx := context.Background()
	path := "/can-bo/cong-khai/" + itoa(planID) + "/ke-hoach/6c"
	page := e.get(path)
	if page.status != http.StatusOK {
		t.Fatalf("form: %d", page.status)
	}
	_, sub, _ := seeds.Plan2023().CopyFor(2026).Sub("6c")
	mustContain(t, "form", page.body, sub.Name, "Chỉ số 1", "Chỉ số 3", "Lý do thay đổi", `name="ind-0-slug"`)
	tok, stamp := e.csrf(path), field(t, planStampRe, page.body)
	before, _ := e.st.Disclosure(ctx, planID)

	// Unchanged, without a reason, with a bad target and with duplicate slugs: refused, as typed.
	f := subFormValues(tok, stamp, sub)
	f.Set("reason", "x")
	r := e.post(path, f)
	mustContain(t, "unchanged", r.body, "Nội dung chưa khác gì bản đang lưu.")
	f = subFormValues(tok, stamp, sub)
	f.Set("ind-0-target", "96")
	mustContain(t, "no reason", e.post(path, f).body, "Vui lòng nhập lý do thay đổi")
	f.Set("reason", "Huyện giao chỉ tiêu mới")
	f.Set("ind-0-target", "chín sáu")
	r = e.post(path, f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad target: %d", r.status)
	}
	mustContain(t, "bad target", r.body, "Chỉ tiêu phải là một số", `value="chín sáu"`, "Huyện giao chỉ tiêu mới")
	f.Set("ind-0-target", "96")
	f.Set("ind-1-slug", f.Get("ind-0-slug"))
	mustContain(t, "plan.Check", e.post(path, f).body, "Chỉ số 6c/ho-so-dung-han bị trùng.")
	f.Set("ind-1-slug", sub.Indicators[1].Slug)
	f.Set("ind-2-min", "100")
	f.Set("ind-2-max", "0")
	mustContain(t, "range", e.post(path, f).body, "Giới hạn trên phải lớn hơn hoặc bằng giới hạn dưới.")
	f.Set("ind-2-min", "0")
	f.Set("ind-2-max", "100")

	r = e.post(path, f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	after, _ := e.st.Disclosure(ctx, planID)
	if after.Version != before.Version+1 {
		t.Fatalf("version %d → %d", before.Version, after.Version)
	}
	hist := e.get("/cong-khai/" + itoa(planID) + "/lich-su").body
	mustContain(t, "history", hist, "Huyện giao chỉ tiêu mới", "Sửa 1 dòng: 6c – "+sub.Name)
	_, _, in, _ := planRows(t, e, planID).Indicator(valueKey)
	if in.Target == nil || in.Target.Value != 96 {
		t.Errorf("target: %+v", in.Target)
	}
	// The stale form of before is refused rather than undoing the change.
	f.Set("ind-0-target", "97")
	if r := e.post(path, f); r.status != http.StatusConflict {
		t.Errorf("stale form: %d", r.status)
	}

	// Once a value is stored under a slug, the slug cannot change.
	tok = e.csrf(indicatorURL(planID, valueKey))
	if r := e.postMultipart("/can-bo/chi-so/"+valueKey, valueForm(tok, planID, "2026-05-01", "96", "2026-05-01:0", ""), upload{"file", "a.pdf", pdf}); r.status != http.StatusSeeOther {
		t.Fatalf("value: %d", r.status)
	}
	page = e.get(path)
	mustContain(t, "locked", page.body, "<code>ho-so-dung-han</code>")
	if strings.Contains(page.body, `name="ind-0-slug"`) {
		t.Error("a slug with values is editable")
	}
	_, sub, _ = planRows(t, e, planID).Sub("6c")
	f = subFormValues(tok, field(t, planStampRe, page.body), sub)
	f.Set("ind-0-slug", "doi-ma")
	f.Set("ind-0-name", "Hồ sơ giải quyết đúng hạn (đổi tên)")
	f.Set("reason", "Đổi tên chỉ số")
	if r := e.post(path, f); r.status != http.StatusSeeOther {
		t.Fatalf("rename: %d\n%s", r.status, r.body)
	}
	if _, _, in, ok := planRows(t, e, planID).Indicator(valueKey); !ok || in.Name != "Hồ sơ giải quyết đúng hạn (đổi tên)" {
		t.Errorf("slug changed or name not saved: %+v %v", in, ok)
	}
}

// planOf is a plan disclosure's working copy.
func planRows(t *testing.T, e *env, id int64) plan.Plan {
	t.Helper()
	d, err := e.st.Disclosure(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := e.st.Rows(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Decode(d.Facts, rows)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
