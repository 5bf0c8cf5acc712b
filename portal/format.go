package portal

import (
	"fmt"
	"html/template"
	"maps"
	"strconv"
	"strings"
	"time"

	"minhbach/portal/rules"
	"minhbach/portal/vn"
	"minhbach/store"
)

// vietnam is the commune's time zone. Vietnam has kept UTC+7 without
// daylight saving since 1975, so a fixed zone needs no tzdata.
var vietnam = time.FixedZone("ICT", 7*60*60)

// today is the civil date in Vietnam, as a UTC midnight like stored dates.
func today(now time.Time) time.Time {
	y, m, d := now.In(vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

func fmtDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vietnam).Format("02/01/2006 15:04")
}

// fmtSize prints a byte count the Vietnamese way: "1,5 MB", "820 KB".
func fmtSize(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1024*1024:
		return strconv.FormatInt((n+512)/1024, 10) + " KB"
	default:
		s := strconv.FormatFloat(float64(n)/(1024*1024), 'f', 1, 64)
		return strings.Replace(s, ".", ",", 1) + " MB"
	}
}

var mimeLabels = map[string]string{
	mimePDF:  "PDF",
	mimeDOC:  "Word",
	mimeDOCX: "Word",
	mimeXLS:  "Excel",
	mimeXLSX: "Excel",
	mimeODT:  "OpenDocument",
	mimeODS:  "OpenDocument bảng tính",
	mimeJPEG: "Ảnh JPG",
	mimePNG:  "Ảnh PNG",
}

func categoryLabel(slug string) string {
	if c, ok := store.CategoryBySlug(slug); ok {
		return c.Label
	}
	return slug
}

// postingState describes where an item stands in its posting period.
type postingState struct {
	Label string
	Class string
}

func postingOf(d store.Disclosure, now time.Time) postingState {
	if d.IsWithdrawn() {
		return postingState{"Đã rút", "withdrawn"}
	}
	if d.IsDraft() {
		return postingState{"Bản nháp", "draft"}
	}
	t := today(now)
	switch {
	case !d.PostingFrom.IsZero() && t.Before(d.PostingFrom):
		return postingState{"Sắp niêm yết", "upcoming"}
	case !d.PostingUntil.IsZero() && t.After(d.PostingUntil):
		return postingState{"Hết thời gian niêm yết", "ended"}
	default:
		return postingState{"Đang niêm yết", "current"}
	}
}

func postingPeriod(from, until time.Time) string {
	switch {
	case from.IsZero() && until.IsZero():
		return "Không thời hạn"
	case until.IsZero():
		return "Từ " + fmtDate(from) + ", không thời hạn"
	case from.IsZero():
		return "Đến " + fmtDate(until)
	default:
		days := int(until.Sub(from).Hours()/24) + 1
		return fmt.Sprintf("%s – %s (%d ngày)", fmtDate(from), fmtDate(until), days)
	}
}

func templateFuncs(st *staticFiles) template.FuncMap {
	m := template.FuncMap{
		"date":                  fmtDate,
		"datetime":              fmtDateTime,
		"isodate":               func(t time.Time) string { return t.Format("2006-01-02") },
		"isotime":               func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"size":                  fmtSize,
		"num":                   vn.Number,
		"static":                st.url,
		"category":              categoryLabel,
		"kindLabel":             kindLabel,
		"confidence":            confidenceLabel,
		"rulesPath":             func() string { return rulesPath },
		"officerRulesPath":      func() string { return officerRulesPath },
		"budgetPath":            func() string { return budgetPath },
		"householdsPath":        func() string { return householdsPath },
		"overviewOf":            overviewOf,
		"overviewLinks":         overviewLinks,
		"disclosureKindOptions": disclosureKindOptions,
		"categories":            func() []store.Category { return store.Categories },
		"mimeLabel":             func(m string) string { return mimeLabels[m] },
		"posting":               func(d store.Disclosure) postingState { return postingOf(d, time.Now()) },
		"postingPeriod":         postingPeriod,
		"add":                   func(a, b int) int { return a + b },
		"attachmentURL":         attachmentURL,
		"filename":              cleanFilename, // names stored before uploads were cleaned
		"field":                 newFormField,
		"itemPath":              itemPath,
		"itemHistoryPath":       itemHistoryPath,
		"itemVersionPath":       itemVersionPath,
		"categoryPath":          categoryPath,
		"feedPath":              feedPath,
		"exportPath":            exportPath,
		"officerItemPath":       officerItemPath,
		"officerItemActionPath": officerItemActionPath,
		"userPath":              userPath,
		"userActionPath":        userActionPath,
		"categoryOptions":       categoryOptions,
		"unitOptions":           unitOptions,
		"roleOptions":           roleOptions,
		"postingRule":           rules.PostingFor,
		"actionLabel":           actionLabel,
		"redacted":              markRedacted,
		"entityLabel":           func(e string) string { return entityLabels[e] },
		"holidaysPath":          func() string { return holidaysPath },
		"holidaysActionPath":    holidaysActionPath,
		"holidayKinds":          func() []fieldOption { return holidayKinds },
		"yearAnchor":            yearAnchor,
	}
	maps.Copy(m, questionFuncs())
	maps.Copy(m, commentFuncs)
	maps.Copy(m, officerQuestionFuncs())
	maps.Copy(m, householdFuncs())
	maps.Copy(m, receptionFuncs())
	maps.Copy(m, landFuncs())
	maps.Copy(m, indicatorOfficerFuncs())
	return m
}

func attachmentURL(a store.Attachment) string {
	return filesPath + itoa(a.ID) + "/" + urlSafeName(a.Filename)
}

// urlSafeName keeps a file name readable in a URL path segment.
func urlSafeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '/' || r == '\\' || r == '?' || r == '#' || r == '%' || r < 0x20:
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// actionLabels name audit-log actions for officers.
var actionLabels = map[string]string{
	"attachment.upload":       "Tải tệp lên",
	"disclosure.create":       "Tạo bản nháp",
	"disclosure.edit_draft":   "Sửa bản nháp",
	"disclosure.delete_draft": "Xóa bản nháp",
	"disclosure.publish":      "Công khai tin",
	"disclosure.revise":       "Đăng phiên bản mới",
	"disclosure.withdraw":     "Rút tin",
	"disclosure.redact":       "Che thông tin cá nhân",
	"session.login":           "Đăng nhập",
	"session.login_failed":    "Đăng nhập sai",
	"session.logout":          "Đăng xuất",
	"settings.save":           "Sửa thông tin xã",
	"units.add":               "Thêm đơn vị",
	"villages.add":            "Thêm thôn",
	"user.create":             "Tạo tài khoản",
	"user.password":           "Đặt mật khẩu mới",
	"user.lock":               "Khóa tài khoản",
	"user.unlock":             "Mở khóa tài khoản",
	"backup.create":           "Sao lưu dữ liệu",
	"holidays.seed":           "Tạo bảng ngày nghỉ theo Bộ luật Lao động",
	"holidays.save":           "Lưu ngày nghỉ, ngày làm bù",
	"holidays.delete":         "Xóa ngày nghỉ, ngày làm bù",
	"holidays.confirm":        "Xác nhận lịch nghỉ của năm",
	"comments.window":         "Đặt thời gian lấy ý kiến",
	"comment.accept":          "Duyệt ý kiến góp ý",
	"comment.reject":          "Từ chối ý kiến góp ý",
	"comment.decision":        "Ghi kết quả tiếp thu ý kiến",
	"comments.synthesis":      "Công bố bảng tổng hợp tiếp thu, giải trình",
}

// entityLabels name what an audit-log entry is about, when it is not an
// item or an account.
var entityLabels = map[string]string{
	"attachment": "Tệp đính kèm",
	"settings":   "Thông tin xã",
	"units":      "Đơn vị",
	"villages":   "Thôn",
	"holidays":   "Bảng ngày nghỉ",
}

func actionLabel(action string) string {
	if l, ok := actionLabels[action]; ok {
		return l
	}
	return action
}

// confidenceLabel says how sure the portal is of a legal value.
func confidenceLabel(c string) string {
	if l, ok := confidenceLabels[c]; ok {
		return l
	}
	return c
}
