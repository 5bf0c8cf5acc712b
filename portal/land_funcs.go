package portal

import (
	"html/template"

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
