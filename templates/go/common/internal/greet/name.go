package greet

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxNameLength is the longest name, in characters, that NewName accepts.
const MaxNameLength = 64

// EmptyNameError is returned by NewName for a name that is blank once trimmed.
type EmptyNameError struct{}

func (*EmptyNameError) Error() string {
	return "name is empty"
}

// NameTooLongError is returned by NewName for a name over MaxNameLength characters.
type NameTooLongError struct {
	Length int
}

func (e *NameTooLongError) Error() string {
	return "name has " + strconv.Itoa(e.Length) + " characters, the limit is " + strconv.Itoa(MaxNameLength)
}

// Name is a validated, trimmed name. Its field is unexported, so a Name can only be built by
// NewName and cannot change afterwards.
type Name struct {
	value string
}

// NewName trims raw and checks that it is neither empty nor too long.
func NewName(raw string) (Name, error) {
	trimmed := strings.TrimSpace(raw)
	if trimmed == "" {
		return Name{}, &EmptyNameError{}
	}
	if n := utf8.RuneCountInString(trimmed); n > MaxNameLength {
		return Name{}, &NameTooLongError{Length: n}
	}
	return Name{value: trimmed}, nil
}

// String returns the name as text.
func (n Name) String() string {
	return n.value
}
