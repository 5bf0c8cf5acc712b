package rules

import "testing"

func TestEveryRuleNamesItsSource(t *testing.T) {
	all := map[string]Posting{"": General()}
	for k, v := range byCategory {
		all[k] = v
	}
	for cat, p := range all {
		if p.Source == "" || p.Rule == "" {
			t.Errorf("%q: rule or source missing", cat)
		}
		if p.Permanent == (p.Days > 0) {
			t.Errorf("%q: must be either permanent or a number of days", cat)
		}
	}
	if PostingFor("khong-co").Days != DefaultPostingDays || !PostingFor("dat-dai-quy-hoach").Permanent || PostingFor("ho-ngheo").Days != 3 {
		t.Error("PostingFor does not pick the category's rule")
	}
}
