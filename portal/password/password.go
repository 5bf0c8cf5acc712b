// Package password hashes and checks officers' passwords with bcrypt.
package password

import (
	"errors"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// MinLength is the shortest password accepted, in characters.
const MinLength = 10

// cost is bcrypt's work factor: about 50 ms on the office's 2-core machine,
// slow for an attacker, unnoticeable at login.
const cost = 11

// ErrTooShort is returned for a password under MinLength characters.
var ErrTooShort = errors.New("password: too short")

// ErrTooLong is returned for a password bcrypt would silently truncate.
var ErrTooLong = errors.New("password: longer than 72 bytes")

// Hash returns the bcrypt hash of a new password after checking its length.
func Hash(plain string) (string, error) {
	if utf8.RuneCountInString(plain) < MinLength {
		return "", ErrTooShort
	}
	if len(plain) > 72 {
		return "", ErrTooLong
	}
	b, err := bcrypt.GenerateFromPassword([]byte(plain), cost)
	return string(b), err
}

// Check reports whether plain matches the hash.
func Check(hash, plain string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(plain)) == nil
}

// dummy is compared against when the login does not exist, so that a wrong
// login takes as long as a wrong password.
var dummy, _ = bcrypt.GenerateFromPassword([]byte("minh-bach-timing-pad"), cost)

// CheckNone spends the time of a real check and returns false.
func CheckNone(plain string) bool {
	bcrypt.CompareHashAndPassword(dummy, []byte(plain))
	return false
}
