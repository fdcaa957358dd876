package greet

import (
	"errors"
	"strings"
	"testing"
)

func TestNewName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		raw       string
		want      string
		wantEmpty bool
	}{
		{name: "keeps a plain name", raw: "Ada", want: "Ada"},
		{name: "trims spaces", raw: "  Ada  ", want: "Ada"},
		{name: "rejects a blank name", raw: " \t", wantEmpty: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := NewName(tc.raw)
			var empty *EmptyNameError
			if errors.As(err, &empty) != tc.wantEmpty {
				t.Fatalf("NewName(%q) error = %v, want empty-name error: %t", tc.raw, err, tc.wantEmpty)
			}
			if got.String() != tc.want {
				t.Errorf("NewName(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

func TestNewNameTooLong(t *testing.T) {
	t.Parallel()
	_, err := NewName(strings.Repeat("é", MaxNameLength+1))
	var tooLong *NameTooLongError
	if !errors.As(err, &tooLong) {
		t.Fatalf("error = %v, want a *NameTooLongError", err)
	}
	if tooLong.Length != MaxNameLength+1 {
		t.Errorf("Length = %d, want %d", tooLong.Length, MaxNameLength+1)
	}
}

func TestGreeting(t *testing.T) {
	t.Parallel()
	ada, err := NewName("Ada")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		style Style
		want  string
	}{
		{style: StylePlain, want: "Hello, Ada."},
		{style: StyleShout, want: "HELLO, ADA."},
	}
	for _, tc := range tests {
		t.Run(tc.style.String(), func(t *testing.T) {
			t.Parallel()
			got, err := Greeting(ada, tc.style)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Greeting(Ada, %v) = %q, want %q", tc.style, got, tc.want)
			}
		})
	}
}

func TestParseStyle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text    string
		want    Style
		wantErr bool
	}{
		{text: "plain", want: StylePlain},
		{text: "shout", want: StyleShout},
		{text: "whisper", wantErr: true},
		{text: "", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			t.Parallel()
			got, err := ParseStyle(tc.text)
			var unknown *UnknownStyleError
			if errors.As(err, &unknown) != tc.wantErr {
				t.Fatalf("ParseStyle(%q) error = %v, want error: %t", tc.text, err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("ParseStyle(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
