package store

import (
	"context"
	"fmt"
)

// HasDemoData reports whether the database holds the fictional demo data:
// the settings say so, or the oldest disclosure is marked demo (in case the
// mark was lost from the settings). Demo data only goes into an empty
// database, and its first item is published and so can never be deleted:
// reading that one row keeps the check instant on a portal with a million
// disclosures, where scanning them all would slow every start.
func (s *Store) HasDemoData(ctx context.Context) (bool, error) {
	var demo bool
	err := s.r.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM settings WHERE key = 'demo' AND value = '1')
		OR COALESCE((SELECT demo FROM disclosures ORDER BY id LIMIT 1), 0) = 1`).Scan(&demo)
	if err != nil {
		return false, fmt.Errorf("store: has demo data: %w", err)
	}
	return demo, nil
}
