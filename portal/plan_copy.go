package portal

import (
	"context"
	"fmt"
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// planCopy starts the next year's plan: a draft copy of a published plan
// for another year, with every row, task and indicator. Officers then edit
// it on the draft's pages and publish it as any other item, with versions
// and reasons from then on.
func (h *handler) planCopy(c *fiber.Ctx) error {
	ctx := c.UserContext()
	d, p, ok, err := h.officerPlan(c)
	if err != nil {
		return err
	}
	if !ok {
		return errNotFound()
	}
	if !d.IsPublished() {
		return errConflict("Chỉ sao chép được kế hoạch đang công khai. Hãy chọn kế hoạch của một năm đã công bố.")
	}
	raw := formText(c, "nam")
	errs := fieldErrors{}
	year, err := strconv.Atoi(raw)
	switch {
	case raw == "":
		errs["nam"] = "Vui lòng nhập năm của kế hoạch mới."
	case err != nil || year < 2000 || year > 2100:
		errs["nam"] = "Năm không hợp lệ: nhập bốn chữ số, ví dụ " + strconv.Itoa(p.Year+1) + "."
	default:
		other, err := h.planOfYear(ctx, year)
		if err != nil {
			return err
		}
		if other.ID != 0 {
			state := "đang công khai"
			if other.IsDraft() {
				state = "bản nháp"
			}
			errs["nam"] = fmt.Sprintf("Năm %d đã có kế hoạch (%s): “%s”. Hãy sửa kế hoạch đó thay vì tạo thêm.", year, state, other.Title)
		}
	}
	if len(errs) > 0 {
		return h.renderIndicators(c, raw, errs)
	}
	cp := p.CopyFor(year)
	facts, rows, err := plan.Encode(cp)
	if err != nil {
		return err
	}
	title := cp.Title
	if title == "" || title == p.Title {
		title = fmt.Sprintf("Kế hoạch nâng cao Chỉ số PAPI năm %d", year)
	}
	body := fmt.Sprintf("<p>Kế hoạch năm %d, sao chép từ “%s”. Hãy sửa nhiệm vụ, kết quả dự kiến và chỉ tiêu theo văn bản kế hoạch của năm, ghi số và ngày ban hành, đính kèm văn bản rồi công khai.</p>",
		year, template.HTMLEscapeString(d.Title))
	id, err := h.store.CreateDisclosure(ctx, store.DisclosureInput{
		Category: plan.Category, Kind: plan.Kind, Title: title,
		Summary: fmt.Sprintf("Bản nháp kế hoạch năm %d, sao chép từ kế hoạch năm %d.", year, p.Year), Body: h.sanitize(body),
		LegalBasis: d.LegalBasis, UnitID: d.UnitID, PostingFrom: today(h.now()), Facts: facts, Rows: rows,
	}, currentUser(c).ID)
	if err != nil {
		return err
	}
	h.setFlash(c, fmt.Sprintf("Đã tạo bản nháp kế hoạch năm %d từ kế hoạch năm %d. Sửa nội dung, nhiệm vụ và chỉ tiêu rồi công khai.", year, p.Year))
	return c.Redirect(officerItemPath(id), fiber.StatusSeeOther)
}

// planOfYear is a plan disclosure of year, draft or published; zero when
// there is none. A withdrawn plan leaves its year free.
func (h *handler) planOfYear(ctx context.Context, year int) (store.Disclosure, error) {
	items, err := h.store.Disclosures(ctx, store.DisclosureFilter{Category: plan.Category, Kind: plan.Kind, Limit: maxPlans})
	if err != nil {
		return store.Disclosure{}, err
	}
	for _, it := range items {
		if !it.IsWithdrawn() && planYear(it) == year {
			return it, nil
		}
	}
	return store.Disclosure{}, nil
}
