package check

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/corpus"
)

// SchemaVersion names the JSON output of check (see reports/findings). It
// changes only when a field changes meaning or is removed.
const SchemaVersion = "redtape.check/v1"

// PaperMention is a digitised paper a text requires, as the flag catalog
// finds it.
type PaperMention struct {
	// Start and End are byte offsets into the text given to the matcher.
	Start, End int
	// Entry is the catalog entry id.
	Entry string
	// Paper is the paper's name as the catalog gives it.
	Paper string
	// Database is the database that holds the data.
	Database string
	// DatabaseVi names the database in Vietnamese; empty when the catalog
	// gives no Vietnamese name.
	DatabaseVi string
	// Basis is the legal basis that lets an agency look it up: citations
	// separated by "; ". BasisVi cites the same in Vietnamese, one citation
	// for each of Basis; empty when not given.
	Basis, BasisVi string
}

// PaperMatcher finds the digitised papers a sentence requires.
type PaperMatcher interface {
	Mentions(text string) []PaperMention
}

// Coster prices one procedure: the compliance cost of one dossier, in đồng.
type Coster interface {
	Cost(p *corpus.Procedure) (float64, error)
}

// Metric is a measurement a metric rule reports.
type Metric struct {
	// Name names the measure, e.g. "requirement_words".
	Name string `json:"name"`
	// Value is the measure.
	Value float64 `json:"value"`
	// Detail breaks the value down, e.g. by word.
	Detail map[string]int `json:"detail,omitempty"`
}

// Finding is one thing a rule found in a draft.
type Finding struct {
	// File is the draft's path as given.
	File string `json:"file"`
	// Line and Column locate the start (1-based; columns in code points),
	// EndLine and EndColumn the end, exclusive.
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"end_line"`
	EndColumn int `json:"end_column"`
	// Rule is the stable rule id ("RT001"), Name its readable alias.
	Rule string `json:"rule"`
	Name string `json:"name"`
	// Severity is the rule's configured severity.
	Severity Severity `json:"severity"`
	// Message says what was found, quoting the draft.
	Message string `json:"message"`
	// Fix says what to write instead, where the rule knows.
	Fix string `json:"fix,omitempty"`
	// Msg and FixMsg are Message and Fix in both languages (see
	// [Finding.Text]); zero for a finding read back from JSON. Machine
	// output never reads them: it keeps the English texts.
	Msg    Message `json:"-"`
	FixMsg Message `json:"-"`
	// Snippet is the text the finding is about.
	Snippet string `json:"snippet,omitempty"`
	// Article is the label of the article holding the finding.
	Article string `json:"article,omitempty"`
	// Metric is set by metric rules.
	Metric *Metric `json:"metric,omitempty"`
	// Fingerprint identifies the finding across runs: it does not change
	// when lines move (rule, file, the sentence's text, occurrence).
	Fingerprint string `json:"fingerprint"`

	key string // normalised text the fingerprint is computed from
}

// Pass is what a rule sees while checking one draft.
type Pass struct {
	Draft   *Draft
	Rule    *Rule
	Lexicon *Lexicon
	Config  *Config
	// Matcher finds digitised papers; nil when no catalog is wired.
	Matcher PaperMatcher
	// Coster prices procedures; nil when no cost model is wired.
	Coster Coster

	decisions *decisionIndex

	corpus   *corpusIndex
	shared   *shared
	severity Severity
	out      *[]Finding
	res      *FileResult
}

// shared holds what several rules compute from one draft, once per
// [Checker.Check]: the requirement contexts, the catch-alls RT002 reports
// (RT013 leaves them to it) and the papers the draft's procedures issue.
type shared struct {
	units, catchAll []Span
	issued          []issuedPaper
	unitsOK, caOK   bool
	issuedOK        bool
}

// Report records a finding at span s of the draft's text: what was
// found, and what to write instead (zero when the rule does not know).
func (p *Pass) Report(s Span, msg, fix Message) *Finding {
	d := p.Draft
	start, end := d.Pos(s.Start), d.EndPos(s)
	f := Finding{
		File: d.Path, Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
		Rule: p.Rule.ID, Name: p.Rule.Name, Severity: p.severity, Message: msg.String(), Fix: fix.String(),
		Msg: msg, FixMsg: fix,
		Snippet: snippet(d.TextOf(s)),
	}
	if a := d.ArticleAt(s.Start); a >= 0 {
		f.Article = d.Articles[a].Label
	}
	sent := d.SentenceAt(s.Start)
	f.key = strings.Join(strings.Fields(d.low[max(sent.Start, 0):max(sent.End, sent.Start)]), " ") + "\x00" + d.low[s.Start:s.End]
	*p.out = append(*p.out, f)
	return &(*p.out)[len(*p.out)-1]
}

// Note records a remark about the run (a rule that could not work).
func (p *Pass) Note(m Message) { p.res.addNote(m) }

// addNote adds a note unless the result holds it already.
func (r *FileResult) addNote(m Message) {
	n := m.String()
	for _, x := range r.Notes {
		if x == n {
			return
		}
	}
	r.Notes = append(r.Notes, n)
	if r.noteMsgs == nil {
		r.noteMsgs = map[string]Message{}
	}
	r.noteMsgs[n] = m
}

func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		return string(r[:157]) + "..."
	}
	return s
}

// Options configure a [Checker].
type Options struct {
	// Config is the configuration; nil means the defaults.
	Config *Config
	// Matcher finds digitised papers (rule RT001); nil disables that rule
	// with a note.
	Matcher PaperMatcher
	// Corpus is the current corpus, for rule RT008.
	Corpus []*corpus.Procedure
	// Coster prices procedures, for rule RT008.
	Coster Coster
	// Decisions is the list of the Government's decisions on papers
	// replaced by data, for rule RT009; nil disables that rule with a note.
	Decisions *decisions.List
	// Lexicon overrides the embedded vocabulary.
	Lexicon *Lexicon
	// Format forces the draft format; empty detects it per file.
	Format Format
	// Root is the directory fingerprints locate drafts from: the
	// repository root inside a git repository, else the working directory
	// (see [RootPath]). A draft's fingerprints then do not change with the
	// directory the check runs in. Empty hashes the path as given.
	Root string
}

// Checker runs the rules over drafts. It is safe for concurrent use once built.
type Checker struct {
	opts   Options
	rules  []*Rule
	lx     *Lexicon
	cfg    *Config
	corpus *corpusIndex
	dec    *decisionIndex
}

// New builds a checker, validating the configuration against the rules.
func New(opts Options) (*Checker, error) {
	rules, err := Rules()
	if err != nil {
		return nil, err
	}
	lx := opts.Lexicon
	if lx == nil {
		if lx, err = defaultLexicon(); err != nil {
			return nil, err
		}
	}
	cfg := opts.Config
	if cfg == nil {
		cfg = &Config{}
	}
	cfg.SetDefaults()
	if err := cfg.Validate(rules); err != nil {
		return nil, err
	}
	return &Checker{opts: opts, rules: rules, lx: lx, cfg: cfg, corpus: newCorpusIndex(opts.Corpus),
		dec: newDecisionIndex(opts.Decisions)}, nil
}

// Rules returns the checker's rules in id order.
func (c *Checker) Rules() []*Rule { return c.rules }

// Config returns the configuration in use, with defaults set.
func (c *Checker) Config() *Config { return c.cfg }

// Tally counts what drafts define and how many findings were suppressed.
type Tally struct {
	// Articles, Procedures, Dossiers, Papers and Conditions count what the
	// drafts define; RequirementWords sums RT007 over their articles.
	Articles         int `json:"articles"`
	Procedures       int `json:"procedures"`
	Dossiers         int `json:"dossiers"`
	Papers           int `json:"papers"`
	Conditions       int `json:"conditions"`
	RequirementWords int `json:"requirement_words"`
	// Suppressed counts findings turned off by inline directives.
	Suppressed int `json:"suppressed"`
}

// Add adds o to t.
func (t *Tally) Add(o Tally) {
	t.Articles += o.Articles
	t.Procedures += o.Procedures
	t.Dossiers += o.Dossiers
	t.Papers += o.Papers
	t.Conditions += o.Conditions
	t.RequirementWords += o.RequirementWords
	t.Suppressed += o.Suppressed
}

// FileResult is what checking one draft found.
type FileResult struct {
	// Path is the draft's path as given; Format the reader used.
	Path   string `json:"path"`
	Format Format `json:"format"`
	Tally
	// Findings are sorted by line, column and rule.
	Findings []Finding `json:"-"`
	// Notes are remarks about rules that could not run, in English.
	Notes []string `json:"-"`

	noteMsgs map[string]Message // the notes in both languages, by English text
}

// ParseFile reads and parses the draft at path. A file that is not text
// (see [ErrNotText]) is an error naming the file.
func (c *Checker) ParseFile(path string) (*Draft, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read draft: %w", err)
	}
	return c.Parse(path, data)
}

// Parse parses a draft held in memory with the checker's vocabulary.
func (c *Checker) Parse(name string, data []byte) (*Draft, error) {
	return ParseWith(name, data, c.opts.Format, c.lx)
}

// Check runs every enabled rule over d. A suppression directive naming an
// unknown rule is an error wrapping [ErrDirective].
func (c *Checker) Check(ctx context.Context, d *Draft) (*FileResult, error) {
	if err := checkDirectives(d, c.rules); err != nil {
		return nil, err
	}
	res := &FileResult{Path: d.Path, Format: d.Format, Tally: Tally{Articles: len(d.Articles), Procedures: len(d.Procedures),
		Dossiers: len(d.Dossiers), Conditions: len(d.Conditions)}}
	for _, ds := range d.Dossiers {
		res.Papers += len(ds.Items)
	}
	var all []Finding
	sh := &shared{}
	for _, r := range c.rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sev := c.cfg.Severity(r)
		if sev == SeverityOff {
			continue
		}
		p := &Pass{Draft: d, Rule: r, Lexicon: c.lx, Config: c.cfg, Matcher: c.opts.Matcher, Coster: c.opts.Coster, decisions: c.dec,
			corpus: c.corpus, shared: sh, severity: sev, out: &all, res: res}
		r.Run(p)
	}
	sup := newSuppressor(d)
	kept := all[:0]
	for _, f := range all {
		if sup.suppressed(f.Rule, f.Name, f.Line) {
			res.Suppressed++
			continue
		}
		if f.Metric != nil && f.Metric.Name == metricRequirementWords {
			res.RequirementWords += int(f.Metric.Value)
		}
		kept = append(kept, f)
	}
	SortFindings(kept)
	fingerprint(kept, RootPath(c.opts.Root, d.Path))
	res.Findings = kept
	return res, nil
}

// SortFindings sorts findings by file, line, column and rule.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// fingerprint sets the fingerprint of sorted findings of one draft: a hash
// of the rule, the draft's path (file, relative to the root), the normalised
// sentence and matched text, and the occurrence number among findings with
// the same key.
func fingerprint(fs []Finding, file string) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		k := f.Rule + "\x00" + file + "\x00" + f.key
		n := seen[k]
		seen[k] = n + 1
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", k, n)))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
}

// RootPath returns path as machine output names it: slash-separated and
// relative to root when it lies under root (root is the repository root or
// the working directory), else cleaned as given. Paths are compared after
// resolving symbolic links, so "/tmp/x" and its real path agree.
func RootPath(root, path string) string {
	if root == "" {
		return cleanPath(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return cleanPath(path)
	}
	rel, ok := relUnder(root, abs)
	if !ok {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			if realRoot, err := filepath.EvalSymlinks(root); err == nil {
				rel, ok = relUnder(realRoot, real)
			}
		}
	}
	if !ok {
		return cleanPath(path)
	}
	return cleanPath(rel)
}

// relUnder returns path relative to root when it lies under it.
func relUnder(root, path string) (string, bool) {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// AtOrAbove reports whether any finding has a severity at or above min.
func AtOrAbove(fs []Finding, min Severity) bool {
	for _, f := range fs {
		if f.Severity >= min && f.Severity > SeverityMetric {
			return true
		}
	}
	return false
}
