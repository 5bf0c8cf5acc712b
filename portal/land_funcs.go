package portal

import (
	"html/template"

	"minhbach/portal/land"
	"minhbach/portal/procedure"
)

// landFuncs are the template functions of the land, compensation and
// procedure pages.
func landFuncs() template.FuncMap {
	return template.FuncMap{
		"landOverviewPath":             func() string { return landOverviewPath },
		"proceduresPath":               func() string { return proceduresPath },
		"proceduresFieldPath":          proceduresFieldPath,
		"proceduresExportPath":         proceduresExportPath,
		"askAboutPath":                 askAboutPath,
		"planQuestionsPath":            planQuestionsPath,
		"officerPlanFactsPath":         officerPlanFactsPath,
		"officerCompensationFactsPath": officerCompensationFactsPath,
		"officerProcedureFactsPath":    officerProcedureFactsPath,
		"procedureField":               func(slug string) procedure.Field { f, _ := procedure.FieldBySlug(slug); return f },
	}
}

func init() {
	overviews[land.CategoryPlan] = overview{landOverviewPath, "Quy hoạch, kế hoạch sử dụng đất kèm bản đồ"}
	overviews[land.CategoryCompensation] = overview{landOverviewPath + "#boi-thuong", "Các phương án bồi thường đang niêm yết và đã niêm yết"}
	overviews[procedure.Category] = overview{proceduresPath, "Danh mục thủ tục hành chính theo lĩnh vực, biểu mẫu tải về"}
}
