package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Roles of officers.
const (
	RoleAdmin   = "admin"
	RoleOfficer = "officer"
)

// ErrDuplicateLogin is returned when a login name is already taken.
var ErrDuplicateLogin = errors.New("store: login already taken")

// User is an officer who can log in.
type User struct {
	ID           int64
	Login        string
	Name         string
	Title        string
	UnitID       int64
	UnitName     string
	Role         string
	PasswordHash string
	Active       bool
	CreatedAt    time.Time
}

// IsAdmin reports whether the user administers the portal.
func (u User) IsAdmin() bool { return u.Role == RoleAdmin }

// NewUser is what it takes to create an officer account.
type NewUser struct {
	Login        string
	Name         string
	Title        string
	UnitID       int64
	Role         string
	PasswordHash string
}

// CreateUser adds an officer; actorID is who did it (0: the command line).
func (s *Store) CreateUser(ctx context.Context, nu NewUser, actorID int64) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM users WHERE login = ?", nu.Login).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrDuplicateLogin
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO users(login, name, title, unit_id, role, password_hash, active, created_at)
			VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
			nu.Login, nu.Name, nu.Title, nullID(nu.UnitID), nu.Role, nu.PasswordHash, ts(s.now()))
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return s.audit(ctx, tx, actorID, "user.create", "user", id, nu.Login+" ("+nu.Role+")")
	})
	if errors.Is(err, ErrDuplicateLogin) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("store: create user %q: %w", nu.Login, err)
	}
	return id, nil
}

const userColumns = `u.id, u.login, u.name, u.title, COALESCE(u.unit_id, 0), COALESCE(n.name, ''),
	u.role, u.password_hash, u.active, u.created_at`

// scanUser reads userColumns; before scans columns selected ahead of them.
func scanUser(row interface{ Scan(...any) error }, before ...any) (User, error) {
	var u User
	var created string
	err := row.Scan(append(before, &u.ID, &u.Login, &u.Name, &u.Title, &u.UnitID, &u.UnitName, &u.Role, &u.PasswordHash, &u.Active, &created)...)
	u.CreatedAt = parseTS(created)
	return u, err
}

// UserByLogin finds an account by its login, case-insensitively.
func (s *Store) UserByLogin(ctx context.Context, login string) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx,
		"SELECT "+userColumns+" FROM users u LEFT JOIN units n ON n.id = u.unit_id WHERE u.login = ?",
		strings.TrimSpace(login)))
	if err == sql.ErrNoRows {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("store: user %q: %w", login, err)
	}
	return u, nil
}

// Users lists every account, admins first.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.r.QueryContext(ctx,
		"SELECT "+userColumns+" FROM users u LEFT JOIN units n ON n.id = u.unit_id ORDER BY u.role, u.name")
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("store: users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers counts accounts (the first start uses it to explain how to log in).
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM users").Scan(&n)
	return n, err
}

// Session lifetimes. Idle: an officer who walks away from the office PC is
// logged out; absolute: nobody stays logged in across days.
const (
	SessionIdle     = 2 * time.Hour
	SessionAbsolute = 12 * time.Hour
)

// CreateSession stores the hash of a new session token.
func (s *Store) CreateSession(ctx context.Context, tokenHash string, userID int64) error {
	now := ts(s.now())
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Expired sessions are cleared here, off the read path.
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE seen_at < ? OR created_at < ?",
			ts(s.now().Add(-SessionIdle)), ts(s.now().Add(-SessionAbsolute))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO sessions(token_hash, user_id, created_at, seen_at) VALUES (?, ?, ?, ?)",
			tokenHash, userID, now, now)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "session.login", "user", userID, "")
	})
}

// SessionUser returns the active user of a live session and marks it seen.
// An expired or unknown session gives ErrNotFound.
func (s *Store) SessionUser(ctx context.Context, tokenHash string) (User, error) {
	var created, seen string
	// One read per request: the session and its user together.
	u, err := scanUser(s.r.QueryRowContext(ctx, "SELECT s.created_at, s.seen_at, "+userColumns+`
		FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units n ON n.id = u.unit_id
		WHERE s.token_hash = ?`, tokenHash), &created, &seen)
	if err == sql.ErrNoRows {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("store: session: %w", err)
	}
	now := s.now()
	if now.Sub(parseTS(seen)) > SessionIdle || now.Sub(parseTS(created)) > SessionAbsolute || !u.Active {
		return User{}, ErrNotFound
	}
	// Touch at most once a minute: a page view should not always be a write.
	if now.Sub(parseTS(seen)) > time.Minute {
		if _, err := s.w.ExecContext(ctx, "UPDATE sessions SET seen_at = ? WHERE token_hash = ?", ts(now), tokenHash); err != nil {
			return User{}, fmt.Errorf("store: touch session: %w", err)
		}
	}
	return u, nil
}

// DeleteSession ends a session (logout).
func (s *Store) DeleteSession(ctx context.Context, tokenHash string, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "session.logout", "user", userID, "")
	})
}

// RecordLoginFailure notes a failed login for throttling and in the audit
// log. The log names the account when the login exists; a login that does
// not exist is not kept there, since people type passwords into the wrong
// field and the log can never be cleaned.
func (s *Store) RecordLoginFailure(ctx context.Context, login string) error {
	login = strings.TrimSpace(login)
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO login_failures(login, at) VALUES (?, ?)", login, ts(s.now())); err != nil {
			return fmt.Errorf("store: login failure: %w", err)
		}
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM users WHERE login = ?", login).Scan(&id)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("store: login failure: %w", err)
		}
		return s.audit(ctx, tx, 0, "session.login_failed", "user", id, "")
	})
}

// LoginFailures counts failed logins for that login within the window.
func (s *Store) LoginFailures(ctx context.Context, login string, window time.Duration) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM login_failures WHERE login = ? AND at > ?",
		strings.TrimSpace(login), ts(s.now().Add(-window))).Scan(&n)
	return n, err
}

// ClearLoginFailures forgets failures after a successful login, and old ones.
func (s *Store) ClearLoginFailures(ctx context.Context, login string) error {
	_, err := s.w.ExecContext(ctx, "DELETE FROM login_failures WHERE login = ? OR at < ?",
		strings.TrimSpace(login), ts(s.now().Add(-24*time.Hour)))
	return err
}

// UserByID returns one account.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx,
		"SELECT "+userColumns+" FROM users u LEFT JOIN units n ON n.id = u.unit_id WHERE u.id = ?", id))
	if err == sql.ErrNoRows {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("store: user %d: %w", id, err)
	}
	return u, nil
}

// SetPassword replaces an account's password and ends its sessions, so a
// password changed after a leak locks the other holder out at once.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string, actorID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", userID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actorID, "user.password", "user", userID, "")
	})
	if err != nil {
		return fmt.Errorf("store: set password of %d: %w", userID, err)
	}
	return nil
}

// SetActive locks or unlocks an account; locking ends its sessions.
func (s *Store) SetActive(ctx context.Context, userID int64, active bool, actorID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET active = ? WHERE id = ?", active, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		action := "user.unlock"
		if !active {
			action = "user.lock"
			if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", userID); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, actorID, action, "user", userID, "")
	})
	if err != nil {
		return fmt.Errorf("store: set active of %d: %w", userID, err)
	}
	return nil
}
