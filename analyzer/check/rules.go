package check

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed data/rules.yaml
var rulesYAML []byte

// Severity orders findings. Metric findings are measurements: they never
// fail a build.
type Severity int

// Severities, from the least to the most serious. SeverityOff disables a rule.
const (
	SeverityOff Severity = iota
	SeverityMetric
	SeverityInfo
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"off", "metric", "info", "warning", "error"}

// String returns the severity's name.
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "unknown"
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseFailOn reads the lowest severity that fails a run: flag, else the
// configuration's fail-on, else "error". Only error, warning and info
// qualify.
func ParseFailOn(flag, fromConfig string) (Severity, error) {
	v := flag
	if v == "" {
		v = fromConfig
	}
	if v == "" {
		v = "error"
	}
	s, err := ParseSeverity(v)
	if err != nil || s < SeverityInfo {
		return 0, fmt.Errorf("%q is not error, warning or info", v)
	}
	return s, nil
}

// ParseSeverity reads "off", "metric", "info" (or "note"), "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none", "disable", "disabled":
		return SeverityOff, nil
	case "metric":
		return SeverityMetric, nil
	case "info", "note", "notice":
		return SeverityInfo, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want off, metric, info, warning or error)", s)
}

// Rule is one check. Its ID never changes.
type Rule struct {
	// ID is the stable id, e.g. "RT001".
	ID string
	// Name is a stable readable alias, e.g. "digitised-paper".
	Name string
	// Summary is one line saying what the rule finds.
	Summary string
	// Doc is a paragraph of documentation; docs/rules/<ID>.md has the full page.
	Doc string
	// Severity is the default severity.
	Severity Severity
	// Sources are the legal texts and studies the rule rests on, with what
	// is unsure marked.
	Sources []string
	// Run reports the rule's findings on one draft through the pass.
	Run func(*Pass)
}

// DocPath returns the repository path of the rule's documentation page.
func (r *Rule) DocPath() string { return "docs/rules/" + r.ID + ".md" }

// runs maps rule ids to their code.
var runs = map[string]func(*Pass){
	"RT001": runDigitisedPaper,
	"RT002": runCatchAll,
	"RT003": runCertifiedCopy,
	"RT004": runNewProcedure,
	"RT005": runNewCondition,
	"RT006": runNewPaper,
	"RT007": runRequirementWords,
	"RT008": runCostIncrease,
	"RT009": runDecisionReplaced,
	"RT010": runProcedureElements,
	"RT011": runUnnamedIssuer,
	"RT012": runDelegatedProcedure,
	"RT013": runOpenDemand,
	"RT014": runIssuedHere,
}

var ruleID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^RT[0-9]{3}$`) })
var ruleName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9-]*$`) })

// Rules returns the registered rules in id order, read from the embedded
// data/rules.yaml and validated against the rule code; their messages
// (data/messages.yaml) are validated too.
func Rules() ([]*Rule, error) {
	if err := loadMessages(); err != nil {
		return nil, err
	}
	return parseRules(rulesYAML)
}

func parseRules(data []byte) ([]*Rule, error) {
	var doc struct {
		Version int `yaml:"version"`
		Rules   []struct {
			ID       string   `yaml:"id"`
			Name     string   `yaml:"name"`
			Severity string   `yaml:"severity"`
			Summary  string   `yaml:"summary"`
			Doc      string   `yaml:"doc"`
			Sources  []string `yaml:"sources"`
		} `yaml:"rules"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	if doc.Version != 1 {
		return nil, fmt.Errorf("rules: unsupported version %d", doc.Version)
	}
	var errs []error
	seen := map[string]bool{}
	var out []*Rule
	for _, r := range doc.Rules {
		sev, err := ParseSeverity(r.Severity)
		switch {
		case !ruleID().MatchString(r.ID):
			errs = append(errs, fmt.Errorf("rule %q: id must look like RT001", r.ID))
		case !ruleName().MatchString(r.Name):
			errs = append(errs, fmt.Errorf("rule %s: bad name %q", r.ID, r.Name))
		case seen[r.ID] || seen[r.Name]:
			errs = append(errs, fmt.Errorf("rule %s: duplicate id or name", r.ID))
		case err != nil || sev == SeverityOff:
			errs = append(errs, fmt.Errorf("rule %s: bad default severity %q", r.ID, r.Severity))
		case r.Summary == "" || r.Doc == "" || len(r.Sources) == 0:
			errs = append(errs, fmt.Errorf("rule %s: summary, doc and sources are required", r.ID))
		case runs[r.ID] == nil:
			errs = append(errs, fmt.Errorf("rule %s: no code", r.ID))
		}
		seen[r.ID], seen[r.Name] = true, true
		out = append(out, &Rule{ID: r.ID, Name: r.Name, Summary: r.Summary, Doc: strings.TrimSpace(r.Doc),
			Severity: sev, Sources: r.Sources, Run: runs[r.ID]})
	}
	for id := range runs {
		if !seen[id] {
			errs = append(errs, fmt.Errorf("rule %s: code without an entry in rules.yaml", id))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("rules: %w", errors.Join(errs...))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// lookupRule finds a rule by id or name.
func lookupRule(rules []*Rule, key string) *Rule {
	for _, r := range rules {
		if strings.EqualFold(r.ID, key) || r.Name == key {
			return r
		}
	}
	return nil
}
