package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

type jsonFinding struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
}

type jsonReport struct {
	Findings     []jsonFinding `json:"findings"`
	FilesChecked int           `json:"filesChecked"`
}

func formatText(findings []finding, filesChecked int) string {
	var b strings.Builder

	for _, f := range findings {
		fmt.Fprintf(&b, "%s:%d:%d %s %s\n", filepath.ToSlash(f.path), f.line, f.col, f.rule, f.message)
	}

	fmt.Fprintf(&b, "no-excuse: %d finding(s) in %d file(s) checked\n", len(findings), filesChecked)

	return b.String()
}

func formatJSON(findings []finding, filesChecked int) (string, error) {
	report := jsonReport{Findings: make([]jsonFinding, 0, len(findings)), FilesChecked: filesChecked}
	for _, f := range findings {
		report.Findings = append(report.Findings, jsonFinding{
			Path: filepath.ToSlash(f.path), Rule: f.rule, Message: f.message, Line: f.line, Col: f.col,
		})
	}

	out, err := json.Marshal(report)
	if err != nil {
		return "", fmt.Errorf("encoding the report: %w", err)
	}

	return string(out) + "\n", nil
}
