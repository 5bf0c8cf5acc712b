package portal

import (
	"html/template"
	"strings"
)

// receptionFuncs are the template functions of the reception schedule
// and the directory.
func receptionFuncs() template.FuncMap {
	return template.FuncMap{
		"tel":                 telURI,
		"weekdayLabel":        weekdayLabel,
		"receptionPath":       func() string { return receptionPath },
		"receptionICSPath":    func() string { return receptionICSPath },
		"contactsPath":        func() string { return contactsPath },
		"contactCardPath":     contactCardPath,
		"officerSchedulePath": officerSchedulePath,
		"officerContactsPath": officerContactsPath,
	}
}

// telURI is a phone number as a tel: link wants it: digits and a
// leading +.
func telURI(phone string) string {
	var b strings.Builder
	for i, r := range phone {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func init() {
	pageNames = append(pageNames, "reception", "contacts", "schedule_edit", "contacts_edit")
}
