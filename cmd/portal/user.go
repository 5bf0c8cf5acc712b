package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"minhbach/portal/password"
	"minhbach/store"
)

// userAdd creates an account. The password is never a flag (flags show in
// the process list and shell history): see newPassword.
func userAdd(args []string, stdin io.Reader) error {
	fs, data := newFlags("user add")
	login := fs.String("login", "", "tên đăng nhập")
	name := fs.String("name", "", "họ và tên")
	title := fs.String("title", "", "chức danh")
	role := fs.String("role", store.RoleOfficer, "admin (quản trị) hoặc officer (cán bộ)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *login == "" || *name == "" {
		return errors.New("cần có -login và -name")
	}
	if *role != store.RoleAdmin && *role != store.RoleOfficer {
		return errors.New("-role phải là admin hoặc officer")
	}
	hash, err := newPassword(stdin, os.Stderr)
	if err != nil {
		return err
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		_, err := st.CreateUser(ctx, store.NewUser{Login: *login, Name: *name, Title: *title, Role: *role, PasswordHash: hash}, 0)
		if errors.Is(err, store.ErrDuplicateLogin) {
			return fmt.Errorf("tên đăng nhập %q đã có người dùng", *login)
		}
		if err != nil {
			return err
		}
		fmt.Printf("đã tạo tài khoản %q (%s)\n", *login, *role)
		return nil
	})
}

// userPassword sets a new password for an account, for the administrator
// who forgot theirs; it also unlocks the account.
func userPassword(args []string, stdin io.Reader) error {
	fs, data := newFlags("user password")
	login := fs.String("login", "", "tên đăng nhập")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *login == "" {
		return errors.New("cần có -login")
	}
	hash, err := newPassword(stdin, os.Stderr)
	if err != nil {
		return err
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		u, err := st.UserByLogin(ctx, *login)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("không có tài khoản %q", *login)
		}
		if err != nil {
			return err
		}
		if err := st.SetPassword(ctx, u.ID, hash, 0); err != nil {
			return err
		}
		if !u.Active {
			if err := st.SetActive(ctx, u.ID, true, 0); err != nil {
				return err
			}
		}
		fmt.Printf("đã đặt mật khẩu mới cho %q\n", *login)
		return nil
	})
}

// newPassword reads a new password and hashes it. At a terminal it asks on
// prompt, without echo, then asks again and refuses a mismatch: a typo
// nobody saw would lock the administrator out. From a pipe or a file it
// reads one line, so a script passes the password once.
func newPassword(stdin io.Reader, prompt io.Writer) (string, error) {
	read, atTerminal := passwordReader(stdin, prompt)
	pass, err := read("Mật khẩu mới: ")
	if err != nil {
		return "", err
	}
	hash, err := password.Hash(pass)
	if err != nil {
		return "", fmt.Errorf("mật khẩu cần ít nhất %d ký tự và nhiều nhất 72 byte", password.MinLength)
	}
	if atTerminal {
		again, err := read("Nhập lại mật khẩu: ")
		if err != nil {
			return "", err
		}
		if again != pass {
			return "", errors.New("hai lần nhập mật khẩu không khớp; chưa thay đổi gì")
		}
	}
	return hash, nil
}

// passwordReader returns how to read one password from stdin, and whether
// stdin is a terminal.
func passwordReader(stdin io.Reader, prompt io.Writer) (read func(label string) (string, error), atTerminal bool) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return func(label string) (string, error) {
			fmt.Fprint(prompt, label)
			b, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(prompt)
			if err != nil {
				return "", fmt.Errorf("đọc mật khẩu: %w", err)
			}
			return string(b), nil
		}, true
	}
	return func(string) (string, error) {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			return "", errors.New("không có mật khẩu ở đầu vào chuẩn (stdin)")
		}
		return strings.TrimRight(line, "\r\n"), nil
	}, false
}
