package portal

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/store"
)

// householdSection is a household list on its item, version and preview
// pages: the review's facts and counts always; the names by village only
// while the list is posted.
type householdSection struct {
	Facts       households.Facts
	KindName    string
	From, Until time.Time
	Counts      households.Counts
	Groups      []households.Group // nil unless the names are shown
	Why         string             // why they are not
	CSV, JSON   string
}

// householdNamesShown reports whether a list's names may be on a page at
// now: a published list, inside its posting window. Its versions follow
// the list as it stands (d), so a window closed early closes on them too.
func householdNamesShown(d store.Disclosure, now time.Time) bool {
	return !d.IsWithdrawn() && households.NamesPublic(d.PostingFrom, d.PostingUntil, now)
}

// householdSection builds the section of list d showing the rows of
// version row rowsVersion as of asOf. An officer's preview (rowsVersion 0:
// the working copy) shows the names whatever the window, for checking.
func (h *handler) householdSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, asOf time.Time) (*householdSection, error) {
	f, err := households.ParseFacts(d.Facts)
	if err != nil {
		return nil, err
	}
	s := &householdSection{Facts: f, KindName: reviewLabel(d.Kind), From: d.PostingFrom, Until: d.PostingUntil,
		Counts: f.Tally(), CSV: householdsExportPath(d.ID, "csv"), JSON: householdsExportPath(d.ID, "json")}
	preview := rowsVersion == 0 && currentUser(c) != nil
	switch {
	case !preview && !householdNamesShown(d, asOf):
		s.Why = householdsWhy(d, asOf)
		return s, nil
	case !preview && rowsVersion == 0, d.RowCount == 0:
		s.Why = "Danh sách chưa có hộ nào."
		return s, nil
	}
	rows, err := h.householdRows(c, d.ID, rowsVersion)
	if err != nil {
		return nil, err
	}
	vs, err := h.villageNames(c)
	if err != nil {
		return nil, err
	}
	s.Groups = households.ByVillage(rows, vs)
	s.Counts = households.Tally(rows, vs)
	if !preview {
		// No copy of the names outlives the window, here or downstream.
		c.Locals(localCacheUntil, households.WindowEnd(d.PostingUntil))
	}
	return s, nil
}

// showsNames reports whether an item's section shows household names:
// the page then asks search engines not to index it.
func (s *structuredSection) showsNames() bool {
	return s != nil && s.Households != nil && len(s.Households.Groups) > 0
}

// householdRows reads the rows of a version, or the working copy (0).
func (h *handler) householdRows(c *fiber.Ctx, id, rowsVersion int64) ([]households.Row, error) {
	var raw []json.RawMessage
	var err error
	if rowsVersion == 0 {
		raw, err = h.store.Rows(c.UserContext(), id)
	} else {
		raw, err = h.store.VersionRows(c.UserContext(), rowsVersion)
	}
	if err != nil {
		return nil, err
	}
	return decodeHouseholds(raw)
}

func (h *handler) villageNames(c *fiber.Ctx) ([]string, error) {
	vs, err := h.store.Villages(c.UserContext())
	if err != nil {
		return nil, err
	}
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	return names, nil
}

// householdsWhy says why a list shows no names.
func householdsWhy(d store.Disclosure, now time.Time) string {
	switch {
	case d.IsWithdrawn():
		return "Danh sách đã được rút nên họ tên chủ hộ không còn hiển thị; dưới đây chỉ còn số hộ theo thôn và phân loại."
	case d.PostingUntil.IsZero():
		return "Danh sách không có ngày kết thúc niêm yết nên họ tên chủ hộ không hiển thị trên cổng; dưới đây là số hộ theo thôn và phân loại."
	case now.Before(households.WindowStart(d.PostingFrom)):
		return fmt.Sprintf("Họ tên chủ hộ sẽ được niêm yết từ ngày %s đến hết ngày %s; trước đó chỉ có số hộ theo thôn và phân loại.", fmtDate(d.PostingFrom), fmtDate(d.PostingUntil))
	}
	return fmt.Sprintf("Thời gian niêm yết đã kết thúc lúc 24 giờ ngày %s. Để bảo vệ thông tin cá nhân của các hộ, họ tên chủ hộ chỉ được công khai trong thời gian niêm yết; nay chỉ còn số hộ theo thôn và phân loại. Người cần tra cứu danh sách xin liên hệ UBND xã.", fmtDate(d.PostingUntil))
}

// householdRowLabel names a changed row in an item's history: by name
// while the list's names are public, else only by village and class.
func householdRowLabel(d store.Disclosure, asOf time.Time, row []byte) string {
	var r households.Row
	if json.Unmarshal(row, &r) != nil {
		return ""
	}
	if householdNamesShown(d, asOf) {
		return r.Label()
	}
	return r.AnonymousLabel()
}

// reviewLabel names a list's review kind, as the legal rules name it.
func reviewLabel(kind string) string {
	if l := kindLabel(households.Category, kind); l != "" {
		return l
	}
	return "Danh sách hộ nghèo, hộ cận nghèo"
}
