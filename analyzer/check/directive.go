package check

import (
	"errors"
	"fmt"
	"strings"
)

// ErrDirective is wrapped by the error [Checker.Check] returns when a
// redtape-disable or redtape-enable comment names a rule that does not
// exist: a typo there would silently suppress nothing, so the run stops as
// for an unknown rule in the configuration.
var ErrDirective = errors.New("bad redtape directive")

// checkDirectives returns an error naming, with file and line, every rule
// of d's suppression directives that is neither a rule id nor a name.
func checkDirectives(d *Draft, rules []*Rule) error {
	var errs []error
	for _, dir := range d.Directives {
		for _, r := range dir.Rules {
			if lookupRule(rules, r) == nil {
				errs = append(errs, fmt.Errorf("%s:%d: redtape-%s: unknown rule %q", d.Path, dir.Line, dir.Kind, r))
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrDirective, errors.Join(errs...))
}

// Directive kinds.
const (
	DirDisable         = "disable"           // <!-- redtape-disable [RULE ...] -->
	DirEnable          = "enable"            // <!-- redtape-enable [RULE ...] -->
	DirDisableNextLine = "disable-next-line" // <!-- redtape-disable-next-line [RULE ...] -->
	DirDisableLine     = "disable-line"      // <!-- redtape-disable-line [RULE ...] -->
)

// Directive is a redtape comment in a draft.
type Directive struct {
	// Kind is one of the Dir* constants.
	Kind string
	// Rules are the rule ids or names the directive names; empty means all.
	Rules []string
	// Line is the 1-based source line the comment starts on.
	Line int
}

// addDirective records the comment text c ("<!-- ... -->") found on line.
func (d *Draft) addDirective(c string, line int) {
	c = strings.TrimPrefix(c, "<!--")
	c = strings.TrimSuffix(c, "-->")
	c = strings.TrimSpace(c)
	rest, ok := strings.CutPrefix(c, "redtape-")
	if !ok {
		return
	}
	fields := strings.Fields(strings.ReplaceAll(rest, ",", " "))
	if len(fields) == 0 {
		return
	}
	switch fields[0] {
	case DirDisable, DirEnable, DirDisableNextLine, DirDisableLine:
	default:
		return
	}
	var rules []string
	for _, f := range fields[1:] {
		if f == "--" { // the rest is a comment: <!-- redtape-disable RT002 -- reason -->
			break
		}
		rules = append(rules, f)
	}
	d.Directives = append(d.Directives, Directive{Kind: fields[0], Rules: rules, Line: line})
}

// suppressor answers whether a finding of a rule on a line is disabled by
// the draft's directives.
type suppressor struct {
	// ranges per rule key ("" for all rules): disabled line intervals.
	ranges map[string][][2]int
}

const lineMax = int(^uint(0) >> 1)

func newSuppressor(d *Draft) *suppressor {
	s := &suppressor{ranges: map[string][][2]int{}}
	open := map[string]int{}
	keys := func(dir Directive) []string {
		if len(dir.Rules) == 0 {
			return []string{""}
		}
		return dir.Rules
	}
	for _, dir := range d.Directives {
		switch dir.Kind {
		case DirDisable:
			for _, k := range keys(dir) {
				if _, ok := open[k]; !ok {
					open[k] = dir.Line
				}
			}
		case DirEnable:
			for _, k := range keys(dir) {
				if k == "" {
					for k2, from := range open {
						s.ranges[k2] = append(s.ranges[k2], [2]int{from, dir.Line})
					}
					open = map[string]int{}
					continue
				}
				if from, ok := open[k]; ok {
					s.ranges[k] = append(s.ranges[k], [2]int{from, dir.Line})
					delete(open, k)
				}
			}
		case DirDisableNextLine:
			for _, k := range keys(dir) {
				s.ranges[k] = append(s.ranges[k], [2]int{dir.Line + 1, dir.Line + 1})
			}
		case DirDisableLine:
			for _, k := range keys(dir) {
				s.ranges[k] = append(s.ranges[k], [2]int{dir.Line, dir.Line})
			}
		}
	}
	for k, from := range open {
		s.ranges[k] = append(s.ranges[k], [2]int{from, lineMax})
	}
	return s
}

// suppressed reports whether a finding of rule (id and name) at line is off.
func (s *suppressor) suppressed(id, name string, line int) bool {
	for _, k := range []string{"", id, name} {
		for _, r := range s.ranges[k] {
			if line >= r[0] && line <= r[1] {
				return true
			}
		}
	}
	return false
}
