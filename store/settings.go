package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
)

// Settings describe the commune that runs the portal. Level names and
// authorities live here, not in code: since July 2025 Vietnam has two levels
// of local government and communes differ.
type Settings struct {
	CommuneName string // "xã Trung Trắc"
	District    string // may be empty after the 2025 reform
	Province    string
	Address     string
	Phone       string
	Email       string
	PortalURL   string // public base URL, used in feeds
	Demo        bool   // the data is fictional demo data
	Secret      string // server secret for CSRF tokens; never shown
}

func (st Settings) values() map[string]string {
	demo := "0"
	if st.Demo {
		demo = "1"
	}
	return map[string]string{
		"commune_name": st.CommuneName, "district": st.District, "province": st.Province,
		"address": st.Address, "phone": st.Phone, "email": st.Email,
		"portal_url": st.PortalURL, "demo": demo, "secret": st.Secret,
	}
}

// Settings reads the commune settings. A missing key reads as empty.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return Settings{}, fmt.Errorf("store: settings: %w", err)
	}
	defer rows.Close()
	vals := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return Settings{}, fmt.Errorf("store: settings: %w", err)
		}
		vals[k] = v
	}
	if err := rows.Err(); err != nil {
		return Settings{}, fmt.Errorf("store: settings: %w", err)
	}
	return Settings{
		CommuneName: vals["commune_name"], District: vals["district"], Province: vals["province"],
		Address: vals["address"], Phone: vals["phone"], Email: vals["email"],
		PortalURL: vals["portal_url"], Demo: vals["demo"] == "1", Secret: vals["secret"],
	}, nil
}

// SaveSettings writes every setting; an empty secret keeps the current one
// (or makes one the first time).
func (s *Store) SaveSettings(ctx context.Context, st Settings, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if st.Secret == "" {
			var cur string
			err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'secret'").Scan(&cur)
			if err != nil && err != sql.ErrNoRows {
				return err
			}
			st.Secret = cur
			if st.Secret == "" {
				b := make([]byte, 32)
				if _, err := rand.Read(b); err != nil {
					return err
				}
				st.Secret = hex.EncodeToString(b)
			}
		}
		for k, v := range st.values() {
			if _, err := tx.ExecContext(ctx,
				"INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				k, v); err != nil {
				return fmt.Errorf("store: save setting %s: %w", k, err)
			}
		}
		return s.audit(ctx, tx, userID, "settings.save", "settings", 0, "")
	})
}

// EnsureSecret makes the server secret if there is none yet.
func (s *Store) EnsureSecret(ctx context.Context) (string, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return "", err
	}
	if st.Secret != "" {
		return st.Secret, nil
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	secret := hex.EncodeToString(b)
	_, err = s.w.ExecContext(ctx, "INSERT INTO settings(key, value) VALUES ('secret', ?) ON CONFLICT(key) DO NOTHING", secret)
	if err != nil {
		return "", fmt.Errorf("store: save secret: %w", err)
	}
	st, err = s.Settings(ctx)
	return st.Secret, err
}
