package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Village is a thôn of the commune.
type Village struct {
	ID   int64
	Name string
}

// Unit is an office or organisation of the commune (UBND xã, Công an xã…).
type Unit struct {
	ID   int64
	Name string
}

// Villages lists the commune's villages in their order.
func (s *Store) Villages(ctx context.Context) ([]Village, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, name FROM villages ORDER BY position, id")
	if err != nil {
		return nil, fmt.Errorf("store: villages: %w", err)
	}
	defer rows.Close()
	var out []Village
	for rows.Next() {
		var v Village
		if err := rows.Scan(&v.ID, &v.Name); err != nil {
			return nil, fmt.Errorf("store: villages: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Units lists the commune's units in their order.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, name FROM units ORDER BY position, id")
	if err != nil {
		return nil, fmt.Errorf("store: units: %w", err)
	}
	defer rows.Close()
	var out []Unit
	for rows.Next() {
		var u Unit
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, fmt.Errorf("store: units: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// AddVillage adds a village (or returns the existing one of that name).
func (s *Store) AddVillage(ctx context.Context, name string, userID int64) (int64, error) {
	return s.addNamed(ctx, "villages", name, userID)
}

// AddUnit adds a unit (or returns the existing one of that name).
func (s *Store) AddUnit(ctx context.Context, name string, userID int64) (int64, error) {
	return s.addNamed(ctx, "units", name, userID)
}

// addNamed inserts into villages or units; table is one of our own names,
// never user input.
func (s *Store) addNamed(ctx context.Context, table, name string, userID int64) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE name = ?", name).Scan(&id)
		if err == nil {
			return nil
		}
		if err != sql.ErrNoRows {
			return err
		}
		res, err := tx.ExecContext(ctx,
			"INSERT INTO "+table+"(name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM "+table+"))", name)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return s.audit(ctx, tx, userID, table+".add", table, id, name)
	})
	if err != nil {
		return 0, fmt.Errorf("store: add %s %q: %w", table, name, err)
	}
	return id, nil
}
