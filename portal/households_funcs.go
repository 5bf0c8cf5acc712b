package portal

import (
	"html/template"

	"minhbach/portal/households"
	"minhbach/portal/vn"
)

// The pages of household lists, and what their templates call.
func init() {
	pageNames = append(pageNames, "households_index", "households_edit", "households_row")
	overviews[households.Category] = overview{householdsPath, "Tổng quan danh sách hộ nghèo, hộ cận nghèo theo năm"}
	rowLabels[households.Category] = householdRowLabel
}

func householdFuncs() template.FuncMap {
	return template.FuncMap{
		"hhNum":                       func(n int) string { return vn.Number(int64(n)) },
		"householdsExportPath":        householdsExportPath,
		"householdsOfficerPath":       householdsOfficerPath,
		"householdsOfficerActionPath": householdsOfficerActionPath,
		"householdRowPath":            householdRowPath,
		"householdRowDeletePath":      householdRowDeletePath,
		"householdsTemplatePath":      householdsTemplatePath,
		"householdVillageOptions":     householdVillageOptions,
		"householdClassOptions":       householdClassOptions,
	}
}
