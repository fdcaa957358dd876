package app

import (
	"bytes"
	"testing"
)

func TestRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
	}{
		{name: "greets", args: []string{"-name", "Ada"}, wantCode: ExitOK, wantStdout: "Hello, Ada.\n"},
		{name: "shouts", args: []string{"-name", "Ada", "-style", "shout"}, wantCode: ExitOK, wantStdout: "HELLO, ADA.\n"},
		{name: "help", args: []string{"-h"}, wantCode: ExitOK},
		{name: "usage error", args: []string{"-style", "whisper"}, wantCode: ExitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := Run(tc.args, func(string) string { return "" }, &stdout, &stderr)
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d (stderr: %s)", code, tc.wantCode, stderr.String())
			}
			if stdout.String() != tc.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout.String(), tc.wantStdout)
			}
		})
	}
}
