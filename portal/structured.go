package portal

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/portal/land"
	"minhbach/portal/plan"
	"minhbach/portal/procedure"
	"minhbach/portal/rules"
	"minhbach/store"
)

// structuredSection is what an item's page shows of its structured content
// (budget lines, household rows, a schedule…), below the body. One field
// per kind; each kind's file builds its own.
type structuredSection struct {
	Households   *householdSection
	Budget       *budgetSection
	Reception    *receptionSection
	Contacts     *contactsSection
	Land         *landSection         // dat-dai-quy-hoach: land-use plans (land_section.go)
	Compensation *compensationSection // boi-thuong-tai-dinh-cu (land_section.go)
	Procedure    *procedureSection    // thu-tuc-hanh-chinh (procedure_section.go)
	Plan         *planSection         // ke-hoach-bao-cao/ke-hoach-papi (plan_section.go)
}

// structuredSection builds the structured part of item d's page as of
// asOf (the moment the page is rendered for), from the rows of version row
// rowsVersion (0: the working copy, for officers' previews). It returns nil
// when the item's kind has none.
func (h *handler) structuredSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, asOf time.Time) (*structuredSection, error) {
	switch {
	case d.Category == households.Category:
		s, err := h.householdSection(c, d, rowsVersion, asOf)
		if err != nil {
			return nil, err
		}
		return &structuredSection{Households: s}, nil
	case d.Category == budgetCategory:
		s, err := h.budgetSection(c, d, rowsVersion, asOf)
		if s == nil || err != nil {
			return nil, err
		}
		return &structuredSection{Budget: s}, nil
	case d.Category == receptionCategory && d.Kind == receptionKind:
		s, err := h.receptionSection(c, d, rowsVersion, asOf)
		if s == nil || err != nil {
			return nil, err
		}
		return &structuredSection{Reception: s}, nil
	case d.Category == contactsCategory && d.Kind == contactsKind:
		s, err := h.contactsSection(c, d, rowsVersion)
		if s == nil || err != nil {
			return nil, err
		}
		return &structuredSection{Contacts: s}, nil
	}
	var s structuredSection
	var err error
	switch d.Category {
	case land.CategoryPlan:
		s.Land, err = h.landSection(c, d, rowsVersion, asOf)
	case land.CategoryCompensation:
		s.Compensation, err = h.compensationSection(c, d, rowsVersion, asOf)
	case procedure.Category:
		s.Procedure, err = h.procedureSection(c, d, rowsVersion, asOf)
	case plan.Category:
		s.Plan, err = h.planSection(c, d, rowsVersion, asOf)
	}
	if err != nil || s == (structuredSection{}) {
		return nil, err
	}
	return &s, nil
}

// now is the portal's clock: the store's, which tests set, so that a
// posting window's end and the page cache's day turn together.
func (h *handler) now() time.Time { return h.store.Now() }

// kindLabel names an item's kind for people: "" for the general kind.
func kindLabel(category, kind string) string {
	if kind == "" {
		return ""
	}
	if k, ok := rules.LookupKind(category, kind); ok {
		return k.Name
	}
	return kind
}

// rowLabeler describes one row of an item for its history ("Nguyễn Văn A,
// thôn Đông"); "" keeps the row out of the list (its count stays), as a
// household list does once its posting window has ended.
type rowLabeler func(d store.Disclosure, asOf time.Time, row []byte) string

// rowLabels holds each category's labeler; kinds register theirs in their
// own file's init. A category without one is listed by row key.
var rowLabels = map[string]rowLabeler{}

func rowLabel(d store.Disclosure, asOf time.Time, row []byte) string {
	if l := rowLabels[d.Category]; l != nil {
		return l(d, asOf, row)
	}
	var head struct{ Key string }
	if json.Unmarshal(row, &head) != nil {
		return ""
	}
	return "Dòng " + head.Key
}

// rowsChange is what a version changed in an item's rows, matched by key.
type rowsChange struct {
	Added, Removed, Changed int
	// Labels of the rows, as their kind describes them; rows whose label
	// is hidden are counted only.
	AddedLabels, RemovedLabels, ChangedLabels []string
}

// Any reports whether any row changed.
func (rc rowsChange) Any() bool { return rc.Added+rc.Removed+rc.Changed > 0 }

// compareRows matches two versions' rows by key.
func compareRows(d store.Disclosure, asOf time.Time, prev, rows []json.RawMessage) rowsChange {
	var rc rowsChange
	key := func(r []byte) string {
		var head struct{ Key string }
		json.Unmarshal(r, &head)
		return head.Key
	}
	old := make(map[string][]byte, len(prev))
	for _, r := range prev {
		old[key(r)] = r
	}
	seen := make(map[string]bool, len(rows))
	add := func(labels *[]string, r []byte) {
		if l := rowLabel(d, asOf, r); l != "" && len(*labels) < maxRowLabels {
			*labels = append(*labels, l)
		}
	}
	for _, r := range rows {
		k := key(r)
		seen[k] = true
		o, ok := old[k]
		switch {
		case !ok:
			rc.Added++
			add(&rc.AddedLabels, r)
		case !bytes.Equal(o, r):
			rc.Changed++
			add(&rc.ChangedLabels, r)
		}
	}
	for _, r := range prev {
		if !seen[key(r)] {
			rc.Removed++
			add(&rc.RemovedLabels, r)
		}
	}
	return rc
}

// maxRowLabels bounds the rows a history entry names; the counts stay
// whole. A re-imported list of thousands of rows would otherwise make a
// page nobody can read.
const maxRowLabels = 50

// inForce returns the public copy of a kind's newest published item (the
// schedule, the directory in force); ok is false when none is. Withdrawn
// items are left out by the query, however many there are.
func (h *handler) inForce(ctx context.Context, category, kind string) (store.Disclosure, bool, error) {
	items, err := h.store.Disclosures(ctx, store.DisclosureFilter{Public: true, Status: store.StatusPublished,
		Category: category, Kind: kind, Limit: 1})
	if err != nil || len(items) == 0 {
		return store.Disclosure{}, false, err
	}
	// Lists read no body or files: the item's own page read does.
	d, err := h.store.PublicDisclosure(ctx, items[0].ID)
	return d, err == nil, err
}
