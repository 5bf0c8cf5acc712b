package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/budget"
	"minhbach/store"
)

// budgetSection builds the budget part of an item's page from the rows of
// the version rowsVersion (the working copy's when 0 on the officers'
// preview: see structuredSection). Items without facts (published before
// budgets were structured) have no section: their text carries them.
func (h *handler) budgetSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, asOf time.Time) (*budgetSection, error) {
	facts, ok := budgetFacts(d)
	if !ok || d.Kind == "" {
		return nil, nil
	}
	ctx := c.UserContext()
	var doc budget.Document
	var err error
	if rowsVersion == 0 {
		rows, err := h.store.Rows(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		doc, err = budgetDocumentOf(rows)
	} else {
		doc, err = h.budgetDocument(ctx, rowsVersion)
	}
	if err != nil {
		return nil, err
	}
	others, err := h.budgetOtherYears(c, d, facts)
	if err != nil {
		return nil, err
	}
	s := newBudgetSection(d.ID, d.Kind, facts, doc, others)
	s.Version = rowsVersion != 0 && rowsVersion != d.RowsVersion
	return s, nil
}

// budgetOtherYears are the totals of the same stage in other years: the
// public documents, one a year (the latest changed), withdrawn ones left
// out. A quarterly report compares with the same quarter.
func (h *handler) budgetOtherYears(c *fiber.Ctx, d store.Disclosure, facts budget.Facts) ([]yearTotals, error) {
	items, _, err := h.publicBudgetItems(c.UserContext())
	if err != nil {
		return nil, err
	}
	var out []yearTotals
	seen := map[int]bool{facts.Year: true}
	for _, it := range items {
		if it.Stage != d.Kind || it.Facts.Quarter != facts.Quarter || seen[it.Facts.Year] || it.D.IsWithdrawn() {
			continue
		}
		doc, err := h.budgetDocument(c.UserContext(), it.D.RowsVersion)
		if err != nil {
			return nil, err
		}
		if doc.Len() == 0 {
			continue
		}
		seen[it.Facts.Year] = true
		t := yearTotals{Year: it.Facts.Year, ItemID: it.D.ID, Revenue: doc.Revenue.Plan, Expenditure: doc.Expenditure.Plan}
		if budget.HasActual(d.Kind) {
			t.Revenue, t.Expenditure = doc.Revenue.Actual, doc.Expenditure.Actual
		}
		out = append(out, t)
	}
	return out, nil
}
