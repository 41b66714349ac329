// Package checktest runs draft fixtures with inline expectations against
// the checker, as analysistest does for Go analyzers. It is for tests: the
// checker itself knows nothing of expectations.
//
// An expectation is an HTML comment on the line a finding starts on:
//
//	b) Bản sao Giấy khai sinh; <!-- want RT001 `requires "Giấy khai sinh"` RT006 `requires a dossier paper` -->
//
// Each rule id is followed by a text in back quotes that the finding's
// message must contain. Every finding above metric level must be expected,
// and every expectation found, once per finding. Findings of RT010, which
// reports every procedure stating no fee, time or agency, are compared only
// in fixtures that expect one: the fixtures of other rules leave those parts
// out on purpose.
package checktest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/check"
)

// Want is one expected finding.
type Want struct {
	// Line is the 1-based line the comment stands on.
	Line int
	// Rule is the rule id.
	Rule string
	// Message is text the finding's message contains.
	Message string
}

func (w Want) String() string { return fmt.Sprintf("%d: %s `%s`", w.Line, w.Rule, w.Message) }

var (
	wantComment = regexp.MustCompile(`<!--\s*want\s(.*?)-->`)
	wantItem    = regexp.MustCompile("^\\s*(RT\\d{3})\\s+`([^`]*)`")
)

// Parse reads the expectations of a fixture's source.
func Parse(src []byte) ([]Want, error) {
	var out []Want
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range wantComment.FindAllStringSubmatch(line, -1) {
			rest := m[1]
			for strings.TrimSpace(rest) != "" {
				it := wantItem.FindStringSubmatch(rest)
				if it == nil {
					return nil, fmt.Errorf("line %d: bad want directive %q: want RULE `message` ...", i+1, m[0])
				}
				if it[2] == "" {
					return nil, fmt.Errorf("line %d: %s: empty message", i+1, it[1])
				}
				out = append(out, Want{Line: i + 1, Rule: it[1], Message: it[2]})
				rest = rest[len(it[0]):]
			}
		}
	}
	return out, nil
}

// optIn are the rules whose findings a fixture checks only when it
// expects one of them.
var optIn = map[string]bool{"RT010": true}

// Compare matches the findings above metric level against the
// expectations and returns one problem per unexpected finding and per
// expectation not found, sorted by line.
func Compare(wants []Want, findings []check.Finding) []string {
	used := make([]bool, len(wants))
	type problem struct {
		line int
		msg  string
	}
	var probs []problem
	named := map[string]bool{}
	for _, w := range wants {
		named[w.Rule] = true
	}
	for _, f := range findings {
		if f.Severity == check.SeverityMetric || optIn[f.Rule] && !named[f.Rule] {
			continue
		}
		found := false
		for i, w := range wants {
			if !used[i] && w.Line == f.Line && w.Rule == f.Rule && strings.Contains(f.Message, w.Message) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			probs = append(probs, problem{f.Line, fmt.Sprintf("%d:%d: unexpected %s `%s`", f.Line, f.Column, f.Rule, f.Message)})
		}
	}
	for i, w := range wants {
		if !used[i] {
			probs = append(probs, problem{w.Line, fmt.Sprintf("%d: missing %s `%s`", w.Line, w.Rule, w.Message)})
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].line < probs[j].line })
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.msg
	}
	return out
}
