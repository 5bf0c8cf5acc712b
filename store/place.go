package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Village is a thôn of the commune.
type Village struct {
	ID      int64
	Name    string
	Retired time.Time // zero while in use
}

// Unit is an office or organisation of the commune (UBND xã, Công an xã…).
type Unit struct {
	ID      int64
	Name    string
	Retired time.Time // zero while in use
}

// ErrNameTaken is returned when renaming a village or unit to the name of
// another one.
var ErrNameTaken = errors.New("store: another village or unit has that name")

// Villages lists the villages in use, in their order: the forms' choices.
func (s *Store) Villages(ctx context.Context) ([]Village, error) {
	return listNamed[Village](ctx, s, "villages", false)
}

// AllVillages lists every village, retired ones included.
func (s *Store) AllVillages(ctx context.Context) ([]Village, error) {
	return listNamed[Village](ctx, s, "villages", true)
}

// Units lists the units in use, in their order: the forms' choices.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	return listNamed[Unit](ctx, s, "units", false)
}

// AllUnits lists every unit, retired ones included.
func (s *Store) AllUnits(ctx context.Context) ([]Unit, error) {
	return listNamed[Unit](ctx, s, "units", true)
}

// listNamed reads villages or units; table is one of our own names, never
// user input.
func listNamed[T Village | Unit](ctx context.Context, s *Store, table string, retired bool) ([]T, error) {
	q := "SELECT id, name, retired_at FROM " + table
	switch {
	case s.schema.Load() < ReceptionSchema:
		// A released schema being seeded in a test, before it is upgraded:
		// nothing is retired yet.
		q = "SELECT id, name, '' FROM " + table
	case !retired:
		q += " WHERE retired_at = ''"
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY position, id")
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", table, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var id int64
		var name, at string
		if err := rows.Scan(&id, &name, &at); err != nil {
			return nil, fmt.Errorf("store: %s: %w", table, err)
		}
		out = append(out, T{ID: id, Name: name, Retired: parseTS(at)})
	}
	return out, rows.Err()
}

// RenameVillage gives a village a new name. Published versions keep the
// names they were published with; questions show the new one.
func (s *Store) RenameVillage(ctx context.Context, id int64, name string, userID int64) error {
	return s.renameNamed(ctx, "villages", id, name, userID)
}

// RenameUnit gives a unit a new name (see RenameVillage).
func (s *Store) RenameUnit(ctx context.Context, id int64, name string, userID int64) error {
	return s.renameNamed(ctx, "units", id, name, userID)
}

// RetireVillage takes a village out of the forms' choices (retire true) or
// puts it back. What points at it keeps its name.
func (s *Store) RetireVillage(ctx context.Context, id int64, retire bool, userID int64) error {
	return s.retireNamed(ctx, "villages", id, retire, userID)
}

// RetireUnit takes a unit out of the forms' choices or puts it back.
func (s *Store) RetireUnit(ctx context.Context, id int64, retire bool, userID int64) error {
	return s.retireNamed(ctx, "units", id, retire, userID)
}

func (s *Store) renameNamed(ctx context.Context, table string, id int64, name string, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var old string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM "+table+" WHERE id = ?", id).Scan(&old); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if old == name {
			return nil
		}
		var other int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE name = ? COLLATE NOCASE AND id <> ?", name, id).Scan(&other)
		if err == nil {
			return ErrNameTaken
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET name = ? WHERE id = ?", name, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, table+".rename", table, id, old+" → "+name)
	})
	if err != nil {
		return fmt.Errorf("store: rename %s %d: %w", strings.TrimSuffix(table, "s"), id, err)
	}
	return nil
}

func (s *Store) retireNamed(ctx context.Context, table string, id int64, retire bool, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var name, at string
		if err := tx.QueryRowContext(ctx, "SELECT name, retired_at FROM "+table+" WHERE id = ?", id).Scan(&name, &at); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if (at != "") == retire {
			return nil
		}
		action, value := table+".restore", ""
		if retire {
			action, value = table+".retire", ts(s.now())
		}
		if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET retired_at = ? WHERE id = ?", value, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, action, table, id, name)
	})
	if err != nil {
		return fmt.Errorf("store: retire %s %d: %w", strings.TrimSuffix(table, "s"), id, err)
	}
	return nil
}

// AddVillage adds a village (or returns the existing one of that name,
// even a retired one: the caller checks).
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
