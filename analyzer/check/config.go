package check

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/redtape-vn/redtape/internal/i18n"
)

// ConfigName is the file name [FindConfig] looks for.
const ConfigName = ".redtape.yaml"

// Default thresholds.
const (
	// DefaultCostIncreasePercent is the cost increase above which RT008
	// reports: any increase of more than 10% of the current cost per dossier.
	// A policy choice, not a legal figure.
	DefaultCostIncreasePercent = 10.0
	// DefaultRequirementWordsPerArticle is 0: RT007 only measures unless a
	// threshold is set.
	DefaultRequirementWordsPerArticle = 0
)

// Config is the configuration of check, read from .redtape.yaml in the
// repository being checked:
//
//	rules:
//	  RT002: off              # or a mapping: {severity: info}
//	  certified-copy: error   # ids or names
//	thresholds:
//	  cost-increase-percent: 10
//	  requirement-words-per-article: 25
//	catalog: data/catalog.yaml   # override the flag catalog
//	corpus: [procedures/]        # current corpus for RT008
//	ignore: ["drafts/archive/**"]
//	fail-on: warning
//	lang: en                     # language of text, Markdown and GitHub output
type Config struct {
	Rules      map[string]RuleConfig `yaml:"rules"`
	Thresholds Thresholds            `yaml:"thresholds"`
	// Catalog is a catalog file to use instead of the built-in one.
	Catalog string `yaml:"catalog"`
	// Corpus lists procedure files or directories of the current corpus.
	Corpus []string `yaml:"corpus"`
	// Ignore lists path patterns (with ** for any depth) not to check.
	Ignore []string `yaml:"ignore"`
	// FailOn is the default of --fail-on.
	FailOn string `yaml:"fail-on"`
	// Lang is the default of --lang: "vi" or "en", the language of the
	// text, Markdown and GitHub outputs; empty leaves the command's
	// default (vi).
	Lang string `yaml:"lang"`

	// Dir is the directory of the config file; relative paths in it
	// resolve against it. Empty for a config not read from a file.
	Dir string `yaml:"-"`
	// Path is the config file as named; errors found in it name it.
	// Empty for a config not read from a file.
	Path string `yaml:"-"`
}

// RuleConfig is the configuration of one rule.
type RuleConfig struct {
	Severity string `yaml:"severity"`
}

// UnmarshalYAML accepts a bare severity ("RT002: off") or a mapping.
func (r *RuleConfig) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		r.Severity = n.Value
		return nil
	}
	type plain RuleConfig
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = RuleConfig(p)
	return nil
}

// Thresholds are the numbers rules compare against.
type Thresholds struct {
	// CostIncreasePercent: RT008 reports increases above this.
	CostIncreasePercent *float64 `yaml:"cost-increase-percent"`
	// RequirementWordsPerArticle: RT007 reports articles above this at its
	// severity; 0 only measures.
	RequirementWordsPerArticle *int `yaml:"requirement-words-per-article"`
}

// SetDefaults fills the thresholds left unset.
func (c *Config) SetDefaults() {
	if c.Thresholds.CostIncreasePercent == nil {
		v := DefaultCostIncreasePercent
		c.Thresholds.CostIncreasePercent = &v
	}
	if c.Thresholds.RequirementWordsPerArticle == nil {
		v := DefaultRequirementWordsPerArticle
		c.Thresholds.RequirementWordsPerArticle = &v
	}
}

// ParseConfig reads a configuration; unknown keys are errors.
func ParseConfig(data []byte) (*Config, error) {
	var c Config
	if len(bytes.TrimSpace(data)) == 0 {
		return &c, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return &c, nil
}

// LoadConfig reads the configuration file at path.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := ParseConfig(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Dir, c.Path = filepath.Dir(path), path
	return c, nil
}

// OpenConfig reads the configuration at path or, when path is empty and
// search is set, the .redtape.yaml found from the working directory up to
// the repository root, and validates it against the rules, so that its
// mistakes (fail-on included) are reported against the file. With no file
// it returns an empty configuration.
func OpenConfig(path string, search bool) (*Config, error) {
	if path == "" && search {
		found, err := FindConfig(".")
		if err != nil {
			return nil, err
		}
		path = found
	}
	if path == "" {
		return &Config{}, nil
	}
	cfg, err := LoadConfig(path)
	if err != nil {
		return nil, err
	}
	rules, err := Rules()
	if err != nil {
		return nil, err
	}
	if err := cfg.Validate(rules); err != nil {
		return nil, err
	}
	return cfg, nil
}

// FindConfig looks for .redtape.yaml in dir and its parents, stopping at
// the root of a git repository. It returns "" when there is none.
func FindConfig(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	for {
		p := filepath.Join(abs, ConfigName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("config: %w", err)
		}
		if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs = parent
	}
}

// Validate checks rule keys, severities, thresholds, patterns, fail-on and lang;
// the error names the file the configuration was read from.
func (c *Config) Validate(rules []*Rule) error {
	var errs []error
	for k, rc := range c.Rules {
		if lookupRule(rules, k) == nil {
			errs = append(errs, fmt.Errorf("rules: unknown rule %q", k))
		}
		if _, err := ParseSeverity(rc.Severity); err != nil {
			errs = append(errs, fmt.Errorf("rules.%s: %w", k, err))
		}
	}
	if v := c.Thresholds.CostIncreasePercent; v != nil && *v < 0 {
		errs = append(errs, fmt.Errorf("thresholds.cost-increase-percent: %v is negative", *v))
	}
	if v := c.Thresholds.RequirementWordsPerArticle; v != nil && *v < 0 {
		errs = append(errs, fmt.Errorf("thresholds.requirement-words-per-article: %v is negative", *v))
	}
	for _, p := range c.Ignore {
		if _, err := path.Match(strings.ReplaceAll(p, "**", "*"), ""); err != nil {
			errs = append(errs, fmt.Errorf("ignore: bad pattern %q: %w", p, err))
		}
	}
	if c.Lang != "" {
		if _, err := i18n.ParseLang(c.Lang); err != nil {
			errs = append(errs, fmt.Errorf("lang: %w", err))
		}
	}
	if c.FailOn != "" {
		if s, err := ParseSeverity(c.FailOn); err != nil || s < SeverityInfo {
			errs = append(errs, fmt.Errorf("fail-on: %q is not error, warning or info", c.FailOn))
		}
	}
	if len(errs) > 0 {
		where := "config"
		if c.Path != "" {
			where = c.Path
		}
		return fmt.Errorf("%s: %w", where, errors.Join(errs...))
	}
	return nil
}

// Severity returns the severity configured for r (by id or name), or its
// default.
func (c *Config) Severity(r *Rule) Severity {
	for _, k := range []string{r.ID, r.Name} {
		if rc, ok := c.Rules[k]; ok {
			s, _ := ParseSeverity(rc.Severity)
			return s
		}
	}
	return r.Severity
}

// Resolve returns p relative to the config's directory when it is relative.
func (c *Config) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// Ignored reports whether file matches an ignore pattern. Patterns are
// slash-separated, relative to the config's directory; "**" matches any
// number of directories, other parts follow path.Match; a pattern without a
// slash matches a file or directory name at any depth.
func (c *Config) Ignored(file string) bool {
	if len(c.Ignore) == 0 {
		return false
	}
	rel := file
	if c.Dir != "" {
		if a, err := filepath.Abs(file); err == nil {
			if d, err := filepath.Abs(c.Dir); err == nil {
				if r, err := filepath.Rel(d, a); err == nil && !strings.HasPrefix(r, "..") {
					rel = r
				}
			}
		}
	}
	rel = filepath.ToSlash(filepath.Clean(rel))
	segs := strings.Split(rel, "/")
	for _, p := range c.Ignore {
		p = strings.Trim(p, "/")
		if globMatch(strings.Split(p, "/"), segs) {
			return true
		}
		// A pattern without a slash matches a name at any depth, as in .gitignore.
		if !strings.Contains(p, "/") {
			for _, s := range segs {
				if ok, _ := path.Match(p, s); ok {
					return true
				}
			}
		}
	}
	return false
}

// globMatch matches path segments against pattern segments, "**" standing
// for zero or more segments. A pattern naming a directory matches what is
// under it.
func globMatch(pat, segs []string) bool {
	if len(pat) == 0 {
		return true // a directory pattern covers everything below it
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if globMatch(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], segs[0]); !ok {
		return false
	}
	return globMatch(pat[1:], segs[1:])
}
