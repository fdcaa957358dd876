package greet

import "strconv"

// Style selects how a greeting is rendered. The zero value is not a valid style.
type Style int

// The styles a greeting can take.
const (
	StylePlain Style = iota + 1
	StyleShout
)

// UnknownStyleError is returned for text that names no Style.
type UnknownStyleError struct {
	Text string
}

func (e *UnknownStyleError) Error() string {
	return "unknown style " + strconv.Quote(e.Text) + " (want plain or shout)"
}

// ParseStyle maps the text form of a style ("plain" or "shout") to its Style.
func ParseStyle(text string) (Style, error) {
	switch text {
	case "plain":
		return StylePlain, nil
	case "shout":
		return StyleShout, nil
	default:
		return 0, &UnknownStyleError{Text: text}
	}
}

// String returns the text form that ParseStyle accepts.
func (s Style) String() string {
	switch s {
	case StylePlain:
		return "plain"
	case StyleShout:
		return "shout"
	}
	return "style(" + strconv.Itoa(int(s)) + ")"
}
