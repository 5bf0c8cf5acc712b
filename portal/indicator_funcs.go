package portal

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"minhbach/portal/plan"
)

// The officers' pages of the plan's indicators, and what their templates
// call.
func init() {
	pageNames = append(pageNames, "indicators_officer", "indicator_officer", "indicator_unlink", "plan_sub_edit")
	// The store's audit actions for values and links (store/indicator.go).
	actionLabels["indicator_value"] = "Nhập số liệu chỉ số"
	actionLabels["indicator_value_corrected"] = "Sửa số liệu chỉ số"
	actionLabels["indicator_linked"] = "Gắn văn bản chứng minh chỉ số"
	actionLabels["indicator_unlinked"] = "Bỏ liên kết văn bản khỏi chỉ số"
}

func indicatorOfficerFuncs() template.FuncMap {
	return template.FuncMap{
		"officerIndicatorsPath":      func() string { return officerIndicatorsPath },
		"officerIndicatorsPlanPath":  officerIndicatorsPlanPath,
		"officerIndicatorPath":       officerIndicatorPath,
		"officerIndicatorActionPath": officerIndicatorActionPath,
		"officerPlanSubPath":         officerPlanSubPath,
		"officerPlanCopyPath":        func() string { return officerPlanCopyPath },
		"indicatorPeriodOptions":     indicatorPeriodOptions,
		"targetDirectionOptions":     targetDirectionOptions,
		"targetSourceOptions":        targetSourceOptions,
		"unitNote":                   unitNote,
		"rangeHint":                  rangeHint,
		"unlinkPath": func(planID int64, key string, disclosureID int64) string {
			return officerIndicatorActionPath(key, "bo-lien-ket") + "?" + paramPlan + "=" + itoa(planID) + "&van-ban=" + itoa(disclosureID)
		},
	}
}

// Officers' pages of the plan's indicators.
const (
	officerIndicatorsPath = "/can-bo/chi-so"
	officerPlanCopyPath   = officerIndicatorsPath + "/sao-chep"
)

// officerIndicatorsYearPath lists the indicators of a year's published plan.
func officerIndicatorsYearPath(year int) string {
	return officerIndicatorsPath + "?nam=" + strconv.Itoa(year)
}

// officerIndicatorsPlanPath lists the indicators of one plan disclosure.
func officerIndicatorsPlanPath(planID int64) string {
	return officerIndicatorsPath + "?" + paramPlan + "=" + itoa(planID)
}

// keyPath is an indicator key as path segments: "6c/ho-so-dung-han".
func keyPath(key string) string {
	sub, slug, _ := strings.Cut(key, "/")
	return url.PathEscape(sub) + "/" + url.PathEscape(slug)
}

// officerIndicatorActionPath is where a form of an indicator's page posts:
// "" (a value), "lien-ket" (a link), "bo-lien-ket" (remove a link). The
// plan travels in the form.
func officerIndicatorActionPath(key, action string) string {
	p := officerIndicatorsPath + "/" + keyPath(key)
	if action != "" {
		p += "/" + action
	}
	return p
}

// officerIndicatorPath is an indicator's page for a plan.
func officerIndicatorPath(planID int64, key string) string {
	return officerIndicatorActionPath(key, "") + "?" + paramPlan + "=" + itoa(planID)
}

// officerIndicatorPeriodPath is an entered indicator's page with a period
// chosen in its form.
func officerIndicatorPeriodPath(planID int64, key string, start time.Time) string {
	return officerIndicatorPath(planID, key) + "&ky=" + isoDate(start)
}

// officerPlanSubPath is the form of one sub-component of a plan.
func officerPlanSubPath(planID int64, subKey string) string {
	return officerItemActionPath(planID, "ke-hoach") + "/" + url.PathEscape(subKey)
}

// unitNote is the unit after a label: " (%)"; "" for none.
func unitNote(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}

// rangeHint tells the officer what a value may be and how to write it.
func rangeHint(in plan.Indicator) string {
	s := ""
	switch {
	case in.Min != nil && in.Max != nil:
		s = "Từ " + fmtDecimal(*in.Min) + " đến " + fmtDecimal(*in.Max) + ". "
	case in.Min != nil:
		s = "Không nhỏ hơn " + fmtDecimal(*in.Min) + ". "
	case in.Max != nil:
		s = "Không lớn hơn " + fmtDecimal(*in.Max) + ". "
	}
	return s + "Số thập phân viết bằng dấu phẩy hoặc dấu chấm, ví dụ 96,5."
}
