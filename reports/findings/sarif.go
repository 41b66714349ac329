package findings

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/check"
)

// SARIF 2.1.0 document, with the properties GitHub code scanning reads.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool                 `json:"tool"`
	Results           []sarifResult             `json:"results"`
	ColumnKind        string                    `json:"columnKind"`
	OriginalURIBaseID map[string]sarifArtifactL `json:"originalUriBaseIds,omitempty"`
	Invocations       []sarifInvocation         `json:"invocations"`
	Properties        map[string]any            `json:"properties,omitempty"`
}

// sarifInvocation says whether the run read everything: an input that
// could not be read is a tool execution notification of level error.
type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string              `json:"level"`
	Message   sarifText           `json:"message"`
	Locations []sarifFileLocation `json:"locations,omitempty"`
}

// sarifFileLocation is a location naming a whole file, without a region.
type sarifFileLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifactL `json:"artifactLocation"`
	} `json:"physicalLocation"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	SemanticVer    string      `json:"semanticVersion,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level   string `json:"level"`
	Enabled bool   `json:"enabled"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactL `json:"artifactLocation"`
	Region           sarifRegion    `json:"region"`
}

type sarifArtifactL struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s check.Severity) string {
	switch s {
	case check.SeverityError:
		return "error"
	case check.SeverityWarning:
		return "warning"
	case check.SeverityInfo:
		return "note"
	}
	return "none"
}

// WriteSARIF writes a SARIF 2.1.0 log for GitHub code scanning. Every
// registered rule is listed with its stable id; metric findings are left
// out of the results (their totals are in the run's properties). Each result
// carries two partial fingerprints: redtape's own, stable when lines move,
// and primaryLocationLineHash, a hash of the line's text and its occurrence.
// Inputs that could not be read make the invocation unsuccessful, each with
// an error notification naming the file.
func WriteSARIF(w io.Writer, r *Report) error {
	run := sarifRun{ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	run.Tool.Driver = sarifDriver{Name: r.Tool, Version: r.Version, InformationURI: "https://github.com/redtape-vn/redtape"}
	index := map[string]int{}
	for i, ri := range r.Rules {
		index[ri.ID] = i
		sev := ri.Severity
		enabled := sev != check.SeverityOff
		if !enabled {
			sev = ri.Rule.Severity
		}
		help := ri.Doc
		if len(ri.Sources) > 0 {
			help += "\n\nSources: " + strings.Join(ri.Sources, "; ")
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: ri.ID, Name: ri.Name,
			ShortDescription:     sarifText{Text: ri.Summary},
			FullDescription:      sarifText{Text: ri.Doc},
			Help:                 sarifText{Text: help, Markdown: help + "\n\n[Documentation](" + DocsBase + ri.ID + ".md)"},
			HelpURI:              DocsBase + ri.ID + ".md",
			DefaultConfiguration: sarifConfig{Level: sarifLevel(sev), Enabled: enabled},
			Properties:           map[string]any{"tags": []string{"redtape", "regulation", ri.Name}, "precision": "medium"},
		})
	}
	lineSeen := map[string]int{}
	for _, f := range r.Findings() {
		if f.Severity <= check.SeverityMetric {
			continue
		}
		idx, ok := index[f.Rule]
		if !ok {
			return fmt.Errorf("sarif: finding of unregistered rule %s", f.Rule)
		}
		uri, base := sarifURI(r.repoPath(f.File))
		msg := f.Message
		if f.Fix != "" {
			msg += ". Fix: " + f.Fix
		}
		lk := f.Rule + "\x00" + r.repoPath(f.File) + "\x00" + f.Snippet
		n := lineSeen[lk]
		lineSeen[lk] = n + 1
		sum := sha256.Sum256([]byte(lk))
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity), Message: sarifText{Text: msg},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactL{URI: uri, URIBaseID: base},
				Region:           sarifRegion{StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn},
			}}},
			PartialFingerprints: map[string]string{
				"redtapeFinding/v1":       f.Fingerprint,
				"primaryLocationLineHash": fmt.Sprintf("%s:%d", hex.EncodeToString(sum[:8]), n+1),
			},
		}
		if f.Snippet != "" {
			res.Locations[0].PhysicalLocation.Region.Snippet = &sarifText{Text: f.Snippet}
		}
		if f.Fix != "" {
			res.Properties = map[string]any{"fix": f.Fix}
		}
		run.Results = append(run.Results, res)
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Unreadable) == 0}
	for _, u := range r.Unreadable {
		n := sarifNotification{Level: "error", Message: sarifText{Text: u.Error}}
		if u.File != "" {
			var loc sarifFileLocation
			loc.PhysicalLocation.ArtifactLocation.URI, loc.PhysicalLocation.ArtifactLocation.URIBaseID = sarifURI(r.repoPath(u.File))
			n.Locations = []sarifFileLocation{loc}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	t := r.totals()
	run.Properties = map[string]any{
		"procedures": t.Procedures, "dossiers": t.Dossiers, "papers": t.Papers,
		"conditions": t.Conditions, "requirementWords": t.RequirementWords,
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifURI turns a file path into a URI reference: relative paths stay
// relative to the source root (%SRCROOT%), absolute paths become file URIs.
func sarifURI(p string) (string, string) {
	slash := filepath.ToSlash(filepath.Clean(p))
	if filepath.IsAbs(p) {
		u := url.URL{Scheme: "file", Path: slash}
		return u.String(), ""
	}
	slash = strings.TrimPrefix(slash, "./")
	u := url.URL{Path: slash}
	return u.String(), "%SRCROOT%"
}
