package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hirebot/hirebot/knowledge/wording"
)

// The subset of SARIF 2.1.0 that hirebot check writes: one run, the rule
// table as the tool's rules, one result per quoted place.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		ShortDescription     sarifText      `json:"shortDescription"`
		FullDescription      sarifText      `json:"fullDescription"`
		Help                 sarifText      `json:"help"`
		DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
		Properties           sarifRuleProps `json:"properties"`
	}
	sarifRuleProps struct {
		Severity      string   `json:"severity"` // hirebot's severity: info, warning, review or error
		Category      string   `json:"category"`
		Jurisdictions []string `json:"jurisdictions,omitempty"`
		Citation      string   `json:"citation"`
		Tags          []string `json:"tags"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID     string           `json:"ruleId"`
		RuleIndex  int              `json:"ruleIndex"`
		Level      string           `json:"level"`
		Message    sarifText        `json:"message"`
		Locations  []sarifLocation  `json:"locations"`
		Properties sarifResultProps `json:"properties"`
	}
	// sarifResultProps carry what SARIF's levels cannot say: hirebot's
	// severity ("review" is reported at level warning) and, for a review
	// finding, the classifier's confidence.
	sarifResultProps struct {
		Severity   string  `json:"severity"`
		Confidence float64 `json:"confidence,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

// sarifLevel maps a severity onto SARIF's levels; review, which SARIF
// lacks, is a warning (the result's properties say "review").
func sarifLevel(s wording.Severity) string {
	switch s {
	case wording.Error:
		return "error"
	case wording.Warning, wording.Review:
		return "warning"
	}
	return "note"
}

// writeSARIF writes the report as a SARIF 2.1.0 log. Each quote becomes a
// result at the line and column where it first appears in text; findings
// about the whole ad point at line 1.
func writeSARIF(w io.Writer, name, text string, r wording.Report, c *wording.Checker) error {
	rules := c.Rules()
	index := map[string]int{}
	driver := sarifDriver{Name: "hirebot check"}
	for i, rule := range rules {
		index[rule.ID] = i
		var full []string
		for _, s := range rule.Sources {
			full = append(full, s.Full)
		}
		short, _, _ := strings.Cut(rule.Message, ". ")
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   rule.ID,
			ShortDescription:     sarifText{strings.TrimSuffix(short, ".") + "."},
			FullDescription:      sarifText{rule.Message},
			Help:                 sarifText{"Fix: " + rule.Fix + "\nSources:\n" + strings.Join(full, "\n")},
			DefaultConfiguration: sarifConfig{sarifLevel(rule.Severity)},
			Properties: sarifRuleProps{Severity: rule.Severity.String(), Category: rule.Category, Jurisdictions: rule.Jurisdictions(),
				Citation: rule.Citation(), Tags: []string{"job-description", rule.Category}},
		})
	}
	uri := filepath.ToSlash(name)
	if name == "-" {
		uri = "stdin"
	}
	results := []sarifResult{}
	for _, f := range r.Findings {
		for _, q := range f.Quotes {
			msg := f.Why + " Fix: " + f.Fix + " (" + f.Cite() + ")"
			if q.Text != "" {
				msg = fmt.Sprintf("%q in %s: %s", q.Text, q.Where, msg)
			}
			results = append(results, sarifResult{
				RuleID: f.RuleID, RuleIndex: index[f.RuleID], Level: sarifLevel(f.Severity),
				Message: sarifText{msg},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: uri}, Region: locate(text, q.Text),
				}}},
				Properties: sarifResultProps{Severity: f.Severity.String(), Confidence: f.Confidence},
			})
		}
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("write SARIF report: %w", err)
	}
	return nil
}

// locate finds quote in text, ignoring case and differences in white
// space, and returns its line and columns (1-based, in characters); line 1
// when the quote is empty or not found as one line.
func locate(text, quote string) sarifRegion {
	if quote == "" {
		return sarifRegion{StartLine: 1}
	}
	want := strings.ToLower(quote)
	for i, line := range strings.Split(text, "\n") {
		norm := strings.ToLower(strings.Join(strings.Fields(line), " "))
		if !strings.Contains(norm, want) {
			continue
		}
		// The column is the first place whose normalised rest starts with
		// the quote.
		for off, r := range line {
			if unicode.IsSpace(r) {
				continue
			}
			if strings.HasPrefix(strings.ToLower(strings.Join(strings.Fields(line[off:]), " ")), want) {
				start := utf8.RuneCountInString(line[:off]) + 1
				return sarifRegion{StartLine: i + 1, StartColumn: start, EndColumn: start + utf8.RuneCountInString(quote)}
			}
		}
		return sarifRegion{StartLine: i + 1}
	}
	return sarifRegion{StartLine: 1}
}
