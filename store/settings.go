package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
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

	SMTP SMTP // the mail server for notifications to residents
}

// SMTP is the mail server the portal sends notifications through. Without
// a host, mail is off.
type SMTP struct {
	Host     string
	Port     int // 0: the usual port of the TLS mode
	Username string
	Password string // never shown, logged or audited
	From     string // the sender address: thongbao@xa.gov.vn
	TLS      string // SMTPStartTLS, SMTPImplicitTLS or SMTPNoTLS
}

// TLS modes of the mail server.
const (
	SMTPStartTLS    = "starttls" // plain connection upgraded with STARTTLS (port 587)
	SMTPImplicitTLS = "tls"      // TLS from the first byte (port 465)
	SMTPNoTLS       = "none"     // a relay on this machine or network (port 25)
)

// MailEnabled reports whether an administrator has set up a mail server
// (and the portal's address, which the links in the mail need): without
// one, nothing is queued for residents.
func (st Settings) MailEnabled() bool {
	return st.SMTP.Host != "" && st.SMTP.From != "" && st.PortalURL != ""
}

// Addr is host:port, with the usual port of the TLS mode when none is set.
func (m SMTP) Addr() string {
	port := m.Port
	if port == 0 {
		switch m.TLS {
		case SMTPImplicitTLS:
			port = 465
		case SMTPNoTLS:
			port = 25
		default:
			port = 587
		}
	}
	return net.JoinHostPort(m.Host, strconv.Itoa(port))
}

func (st Settings) values() map[string]string {
	demo := "0"
	if st.Demo {
		demo = "1"
	}
	port := ""
	if st.SMTP.Port != 0 {
		port = strconv.Itoa(st.SMTP.Port)
	}
	return map[string]string{
		"commune_name": st.CommuneName, "district": st.District, "province": st.Province,
		"address": st.Address, "phone": st.Phone, "email": st.Email,
		"portal_url": st.PortalURL, "demo": demo, "secret": st.Secret,
		"smtp_host": st.SMTP.Host, "smtp_port": port, "smtp_username": st.SMTP.Username,
		"smtp_password": st.SMTP.Password, "smtp_from": st.SMTP.From, "smtp_tls": st.SMTP.TLS,
	}
}

// Settings reads the commune settings. A missing key reads as empty.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	vals, err := settingValues(ctx, s.r)
	if err != nil {
		return Settings{}, err
	}
	port, _ := strconv.Atoi(vals["smtp_port"])
	return Settings{
		CommuneName: vals["commune_name"], District: vals["district"], Province: vals["province"],
		Address: vals["address"], Phone: vals["phone"], Email: vals["email"],
		PortalURL: vals["portal_url"], Demo: vals["demo"] == "1", Secret: vals["secret"],
		SMTP: SMTP{
			Host: vals["smtp_host"], Port: port, Username: vals["smtp_username"],
			Password: vals["smtp_password"], From: vals["smtp_from"], TLS: vals["smtp_tls"],
		},
	}, nil
}

// settingValues reads the settings table as keys and values.
func settingValues(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return nil, fmt.Errorf("store: settings: %w", err)
	}
	defer rows.Close()
	vals := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("store: settings: %w", err)
		}
		vals[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: settings: %w", err)
	}
	return vals, nil
}

// SaveSettings writes every setting; an empty secret keeps the current one
// (or makes one the first time). The audit entry names the settings that
// changed, never their values.
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
		cur, err := settingValues(ctx, tx)
		if err != nil {
			return err
		}
		var changed []string
		for k, v := range st.values() {
			if cur[k] != v && k != "secret" {
				changed = append(changed, k)
			}
			if _, err := tx.ExecContext(ctx,
				"INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				k, v); err != nil {
				return fmt.Errorf("store: save setting %s: %w", k, err)
			}
		}
		slices.Sort(changed)
		return s.audit(ctx, tx, userID, "settings.save", "settings", 0, strings.Join(changed, ", "))
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
