package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

// jsonFinding and jsonReport are the shape every language's checker prints
// with --json.
type jsonFinding struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Files    int           `json:"files"`
}

func formatText(findings []finding, files int) string {
	var b strings.Builder

	touched := map[string]bool{}

	for _, f := range findings {
		touched[f.path] = true
		fmt.Fprintf(&b, "%s:%d:%d %s %s\n", filepath.ToSlash(f.path), f.line, f.col, f.rule, f.message)
	}

	if len(findings) == 0 {
		fmt.Fprintf(&b, "no-excuse: %d file(s) checked, no findings\n", files)
	} else {
		fmt.Fprintf(&b, "no-excuse: %d finding(s) in %d of %d file(s)\n", len(findings), len(touched), files)
	}

	return b.String()
}

func formatJSON(findings []finding, files int) (string, error) {
	report := jsonReport{Findings: make([]jsonFinding, 0, len(findings)), Files: files}
	for _, f := range findings {
		report.Findings = append(report.Findings, jsonFinding{
			Path: filepath.ToSlash(f.path), Rule: f.rule, Message: f.message, Line: f.line, Column: f.col,
		})
	}

	out, err := json.Marshal(report)
	if err != nil {
		return "", fmt.Errorf("encoding the report: %w", err)
	}

	return string(out) + "\n", nil
}
