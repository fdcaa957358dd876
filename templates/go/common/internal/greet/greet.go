// Package greet renders greetings. It is the domain logic: no I/O, no globals, no flags.
package greet

import "strings"

// Greeting renders the greeting for name in the given style.
func Greeting(name Name, style Style) (string, error) {
	plain := "Hello, " + name.String() + "."
	switch style {
	case StylePlain:
		return plain, nil
	case StyleShout:
		return strings.ToUpper(plain), nil
	}
	// Unreachable for styles built by ParseStyle; guards a Style made by a bare conversion.
	return "", &UnknownStyleError{Text: style.String()}
}
