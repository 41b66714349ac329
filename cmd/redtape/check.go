package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"golang.org/x/text/unicode/norm"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/analyzer/vntext"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports/findings"
)

// checkOptions are the options of the check command.
type checkOptions struct {
	// Paths are the drafts: files, or directories searched for .md, .html
	// and .txt files. With Diff set and no paths, the changed drafts.
	Paths []string
	// Format is the output format: text, json, sarif, github or markdown.
	Format string
	// FailOn is the lowest severity that fails the run; empty takes the
	// config's fail-on, else "error".
	FailOn string
	// Config is the configuration file; empty looks for .redtape.yaml from
	// the working directory up to the repository root.
	Config string
	// NoConfig skips looking for a configuration file.
	NoConfig bool
	// Diff keeps only findings on lines a change adds: a git revision to
	// diff the working tree against, or "-" for a unified diff on stdin.
	Diff string
	// Corpus lists the current procedures for the cost rule.
	Corpus []string
	// Catalog is a catalog file extending the built-in one.
	Catalog string
	// DraftFormat forces the draft reader: markdown, html or text.
	DraftFormat string
	// Metrics shows metric findings in text and Markdown output.
	Metrics bool
	// Output writes the report to this file instead of stdout.
	Output string
	// ListRules prints the rules with their configured severity and stops.
	ListRules bool
	// Input controls how corpus records are read.
	Input corpus.Options
}

func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint draft regulations (Markdown, HTML, text) like code, for CI",
		ArgsUsage: "[DRAFTS...]",
		Description: "Reads drafts and reports, with file:line:column, a paper the state already holds as data\n" +
			"(RT001), open-ended requirements (RT002), certified copies (RT003), new procedures,\n" +
			"conditions and papers (RT004-RT006), requirement words per article (RT007) and the\n" +
			"compliance-cost increase of an amended procedure (RT008, needs --corpus).\n" +
			"Configuration: .redtape.yaml; inline: <!-- redtape-disable RT002 --> ... <!-- redtape-enable RT002 -->.\n" +
			"Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (also when some\n" +
			"input could not be read), 2 usage or configuration error (also: no drafts under DRAFTS, a\n" +
			"--diff - that is empty or not a diff, a diff of drafts not found), 3 some input could not\n" +
			"be read. Piped diff paths are read from the git top level; SARIF and github output name\n" +
			"files from the repository root. See docs/check.md.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(findings.Formats(), ", ")},
			&cli.StringFlag{Name: "fail-on", Usage: "lowest severity that fails the run: error, warning or info (default: config, else error)"},
			&cli.StringFlag{Name: "config", Usage: "configuration `FILE` (default: .redtape.yaml found upward from the working directory)"},
			&cli.BoolFlag{Name: "no-config", Usage: "do not look for .redtape.yaml"},
			&cli.StringFlag{Name: "diff", Usage: "report only lines added since git revision `BASE`, or by the unified diff on stdin with -"},
			&cli.StringSliceFlag{Name: "corpus", Usage: "file or directory of the current procedures, for the cost rule (repeatable)"},
			&cli.StringFlag{Name: "catalog", Usage: "catalog `FILE` of digitised data extending the built-in one"},
			&cli.StringFlag{Name: "draft-format", Value: "auto", Usage: "draft reader: auto, markdown, html or text"},
			&cli.BoolFlag{Name: "metrics", Usage: "show metric findings (requirement words per article) in text and markdown output"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.BoolFlag{Name: "list-rules", Usage: "list the rules (id, name, severity as configured, summary) and exit"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runCheck(c.Context, checkOptions{
				Paths: c.Args().Slice(), Format: c.String("format"), FailOn: c.String("fail-on"),
				Config: c.String("config"), NoConfig: c.Bool("no-config"), Diff: c.String("diff"),
				Corpus: c.StringSlice("corpus"), Catalog: c.String("catalog"), DraftFormat: c.String("draft-format"),
				Metrics: c.Bool("metrics"), Output: c.String("output"), ListRules: c.Bool("list-rules"), Input: inputOptions(c),
			}, e)
		},
	}
}

// runCheck checks the drafts, writes the report and returns errFindings
// when findings reach the failure level.
func runCheck(ctx context.Context, opts checkOptions, e *env) error {
	if !validFormat(opts.Format) {
		return usageErrorf("--format: unknown format %q (known: %s)", opts.Format, strings.Join(findings.Formats(), ", "))
	}
	draftFormat, err := check.ParseFormat(opts.DraftFormat)
	if err != nil {
		return usageErrorf("--draft-format: %v", err)
	}
	cfg, err := loadCheckConfig(opts)
	if err != nil {
		return err
	}
	failOn, err := checkFailOn(opts.FailOn, cfg.FailOn)
	if err != nil {
		return err
	}
	if opts.ListRules {
		return listRules(e.stdout, cfg)
	}
	top, root := checkRoot(ctx)
	changed, err := readChanges(ctx, opts, e)
	if err != nil {
		return err
	}
	if opts.Diff == "-" {
		resolveDiffPaths(changed, top)
	}
	if missing := missingDrafts(changed); len(missing) > 0 {
		// A gate that checks nothing must not pass: a diff taken elsewhere
		// or paths that do not resolve would leave every draft unchecked.
		where := "the working directory"
		if top != "" {
			where = "the repository root " + top + " and the working directory"
		}
		return usageErrorf("--diff %s: the diff changes drafts not found here: %s (paths resolved against %s)",
			opts.Diff, strings.Join(missing, ", "), where)
	}
	paths, fromDiff := opts.Paths, false
	if len(paths) == 0 {
		if changed == nil {
			return usageErrorf("check needs DRAFTS (files or directories), or --diff to check the changed drafts")
		}
		paths, fromDiff = changedDrafts(changed), true
	}

	m, err := checkMatcher(opts, cfg, e)
	if err != nil {
		return err
	}
	copts := check.Options{Config: cfg, Matcher: flagMatcher{m}, Format: draftFormat, Coster: costModel{cost.New(nil)}, Root: root}
	corpusPaths := opts.Corpus
	if len(corpusPaths) == 0 {
		for _, p := range cfg.Corpus {
			corpusPaths = append(corpusPaths, cfg.Resolve(p))
		}
	}
	rep := &findings.Report{Tool: "redtape", Version: toolVersion(), ShowMetrics: opts.Metrics, Root: root,
		Color: opts.Format == "text" && opts.Output == "" && isTerminal(e.stdout) && e.getenv("NO_COLOR") == ""}
	var sum corpus.Summary
	if len(corpusPaths) > 0 {
		procs, csum, err := loadInput(ctx, e, corpusPaths, opts.Input)
		if err != nil {
			return err
		}
		copts.Corpus = procs
		if csum != nil {
			sum.Errors = append(sum.Errors, csum.Errors...)
			for _, re := range csum.Errors {
				rep.Unreadable = append(rep.Unreadable, findings.Unreadable{File: re.File, Error: re.Error()})
			}
		}
	}
	checker, err := check.New(copts)
	if err != nil {
		return usageErrorf("%v", err)
	}

	files, ignored, err := expandDrafts(paths, cfg)
	if err != nil {
		return usageErrorf("%v", err)
	}
	if len(files) == 0 && ignored == 0 && !fromDiff {
		// A gate that checked nothing must not pass: a mistyped directory,
		// drafts with another extension.
		return usageErrorf("no drafts found under %s (looked for %s files)", strings.Join(paths, ", "), draftExtensionList())
	}
	rep.FailOn = failOn
	for _, r := range checker.Rules() {
		rep.Rules = append(rep.Rules, findings.RuleInfo{Rule: r, Severity: cfg.Severity(r)})
	}
	notes := map[string]bool{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if changed != nil && !changed.Touches(f) {
			continue
		}
		sum.Files++
		d, err := checker.ParseFile(f)
		if err != nil {
			sum.Errors = append(sum.Errors, &corpus.ReadError{File: f, Err: err})
			rep.Unreadable = append(rep.Unreadable, findings.Unreadable{File: f, Error: err.Error()})
			fmt.Fprintf(e.stderr, "redtape: %v\n", err)
			continue
		}
		res, err := checker.Check(ctx, d)
		if errors.Is(err, check.ErrDirective) {
			return usageErrorf("%v", err)
		}
		if err != nil {
			return err
		}
		res.Findings = changed.Filter(res.Findings)
		rep.Files = append(rep.Files, res)
		rep.Findings = append(rep.Findings, res.Findings...)
		for _, n := range res.Notes {
			if !notes[n] {
				notes[n] = true
				rep.Notes = append(rep.Notes, n)
			}
		}
	}
	if n := nothingCheckedNote(opts, paths, fromDiff, len(files), ignored, sum.Files); n != "" {
		rep.Notes = append(rep.Notes, n)
	}
	check.SortFindings(rep.Findings)
	sort.Strings(rep.Notes)

	if err := writeCheckReport(opts, e, rep); err != nil {
		return err
	}
	return checkResult(e, check.AtOrAbove(rep.Findings, failOn), &sum)
}

// checkMatcher loads the catalog of digitised data as estimate loads it
// (estimateMatcher in estimate.go): the built-in catalog extended by
// --catalog, else by the config's catalog, validated, legal bases in force
// on e.now. A bad catalog is a usage error naming where it was set: the
// flag, or the configuration file.
func checkMatcher(opts checkOptions, cfg *check.Config, e *env) (*flags.Matcher, error) {
	if opts.Catalog != "" || cfg.Catalog == "" {
		return estimateMatcher(opts.Catalog, e)
	}
	cat, err := catalog.Default()
	if err != nil {
		return nil, err
	}
	path := cfg.Resolve(cfg.Catalog)
	if cat, err = catalog.Load(path, cat); err != nil {
		where := "config"
		if cfg.Path != "" {
			where = cfg.Path
		}
		return nil, usageErrorf("%s: catalog: %v", where, err)
	}
	return flags.NewMatcher(cat.InForce(e.now())), nil
}

// checkResult is the error runCheck ends with. Findings at or above
// --fail-on win over unreadable inputs (exit 1, not 3): exitCode tests
// errFindings first, so both are joined and the unreadable inputs, already
// listed on stderr and in the report, are summed up on stderr here.
func checkResult(e *env, failed bool, sum *corpus.Summary) error {
	inputErr := inputResult(sum)
	switch {
	case failed && inputErr != nil:
		fmt.Fprintf(e.stderr, "redtape: %v\n", inputErr)
		return errors.Join(errFindings, inputErr)
	case failed:
		return errFindings
	}
	return inputErr
}

// nothingCheckedNote explains a run that checked no draft without it being
// an error: the diff touches none of the drafts, or the configuration
// ignores every one. It returns "" when some draft was checked.
func nothingCheckedNote(opts checkOptions, paths []string, fromDiff bool, found, ignored, checked int) string {
	switch {
	case checked > 0:
		return ""
	case found == 0 && ignored > 0:
		return fmt.Sprintf("the configuration ignores every draft under %s (ignored: %d); nothing was checked",
			strings.Join(paths, ", "), ignored)
	case found == 0:
		return fmt.Sprintf("--diff %s changes no draft (%s file); nothing was checked", opts.Diff, draftExtensionList())
	}
	return fmt.Sprintf("--diff %s adds no line to the %d drafts under %s; nothing was checked", opts.Diff, found, strings.Join(paths, ", "))
}

// listRules prints the registry: id, name, severity as configured (the
// default in brackets when the config changes it), summary.
func listRules(w io.Writer, cfg *check.Config) error {
	rules, err := check.Rules()
	if err != nil {
		return err
	}
	if err := cfg.Validate(rules); err != nil {
		return usageErrorf("%v", err)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range rules {
		sev := cfg.Severity(r).String()
		if sev != r.Severity.String() {
			sev += " [" + r.Severity.String() + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, sev, r.Summary)
	}
	return tw.Flush()
}

func validFormat(f string) bool {
	for _, k := range findings.Formats() {
		if f == k {
			return true
		}
	}
	return false
}

// loadCheckConfig reads the configuration named by opts or found upward
// from the working directory; a broken file is a usage error.
func loadCheckConfig(opts checkOptions) (*check.Config, error) {
	path := opts.Config
	if path == "" && !opts.NoConfig {
		found, err := check.FindConfig(".")
		if err != nil {
			return nil, usageErrorf("%v", err)
		}
		path = found
	}
	if path == "" {
		return &check.Config{}, nil
	}
	cfg, err := check.LoadConfig(path)
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	// Validated here, before --fail-on falls back to it, so its mistakes
	// (fail-on included) are reported against the file, not a flag.
	rules, err := check.Rules()
	if err != nil {
		return nil, err
	}
	if err := cfg.Validate(rules); err != nil {
		return nil, usageErrorf("%v", err)
	}
	return cfg, nil
}

// checkFailOn reads --fail-on, falling back to the config and then "error".
func checkFailOn(flag, fromConfig string) (check.Severity, error) {
	v := flag
	if v == "" {
		v = fromConfig
	}
	if v == "" {
		v = "error"
	}
	s, err := check.ParseSeverity(v)
	if err != nil || s < check.SeverityInfo {
		return 0, usageErrorf("--fail-on: %q is not error, warning or info", v)
	}
	return s, nil
}

// readChanges reads the diff asked for: nil when none.
func readChanges(ctx context.Context, opts checkOptions, e *env) (*check.ChangedLines, error) {
	switch opts.Diff {
	case "":
		return nil, nil
	case "-":
		ch, err := check.ParseDiff(e.stdin)
		switch {
		case errors.Is(err, check.ErrNotDiff):
			return nil, usageErrorf("--diff -: standard input: %v; pipe in the output of git diff or diff -u", err)
		case err != nil:
			return nil, usageErrorf("--diff -: %v", err)
		case ch.Empty():
			// A failed or empty git diff upstream of the pipe must not pass
			// the gate; --diff BASE is the way to allow "no change".
			return nil, usageErrorf("--diff -: standard input is empty: no diff to check against (did the command before the pipe fail?); use --diff BASE, or leave out --diff to check whole drafts")
		}
		return ch, nil
	}
	if strings.HasPrefix(opts.Diff, "-") {
		return nil, usageErrorf("--diff: %q is not a revision", opts.Diff)
	}
	args := []string{"diff", "--no-color", "--no-ext-diff", "--relative", "-U0", opts.Diff, "--"}
	args = append(args, opts.Paths...)
	cmd := exec.CommandContext(ctx, "git", args...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, usageErrorf("--diff %s: git diff failed: %v: %s", opts.Diff, err, strings.TrimSpace(stderr.String()))
	}
	ch, err := check.ParseDiff(&out)
	if err != nil {
		return nil, fmt.Errorf("--diff %s: %w", opts.Diff, err)
	}
	return ch, nil
}

// checkRoot returns the git top level of the working directory ("" outside
// a repository or without git) and the root machine output names files
// from: the top level, else the working directory.
func checkRoot(ctx context.Context) (top, root string) {
	out, err := exec.CommandContext(ctx, "git", "rev-parse", "--show-toplevel").Output()
	if err == nil {
		top = strings.TrimSpace(string(out))
	}
	if top != "" {
		return top, top
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", ""
	}
	return "", wd
}

// resolveDiffPaths makes the paths of a piped diff name files from the
// working directory. git diff writes paths relative to the repository root
// whatever directory it runs in, so inside a repository each path is read
// from the top level; a path that exists only relative to the working
// directory (git diff --relative, diff -u) is kept.
func resolveDiffPaths(ch *check.ChangedLines, top string) {
	if ch == nil || top == "" {
		return
	}
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	ch.MapFiles(func(name string) string {
		if filepath.IsAbs(name) {
			return name
		}
		atTop := filepath.Join(top, filepath.FromSlash(name))
		rel, err := filepath.Rel(wd, atTop)
		if err != nil {
			return name
		}
		if _, err := os.Stat(atTop); err != nil {
			if _, err := os.Stat(filepath.FromSlash(name)); err == nil {
				return name
			}
		}
		return rel
	})
}

// missingDrafts lists the drafts (by extension) a diff adds lines to that
// do not exist from the working directory, sorted.
func missingDrafts(ch *check.ChangedLines) []string {
	if ch == nil {
		return nil
	}
	var out []string
	for _, f := range ch.Files() {
		if !draftExtensions[strings.ToLower(filepath.Ext(f))] {
			continue
		}
		if _, err := os.Stat(filepath.FromSlash(f)); err != nil {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// draftExtensions are the files a directory walk and a diff pick up.
var draftExtensions = map[string]bool{".md": true, ".markdown": true, ".html": true, ".htm": true, ".txt": true}

// changedDrafts returns the drafts a diff changes that still exist.
func changedDrafts(ch *check.ChangedLines) []string {
	var out []string
	for _, f := range ch.Files() {
		if !draftExtensions[strings.ToLower(filepath.Ext(f))] {
			continue
		}
		if st, err := os.Stat(filepath.FromSlash(f)); err == nil && !st.IsDir() {
			out = append(out, filepath.FromSlash(f))
		}
	}
	sort.Strings(out)
	return out
}

// draftExtensionList names the draft extensions for messages.
func draftExtensionList() string {
	exts := make([]string, 0, len(draftExtensions))
	for x := range draftExtensions {
		exts = append(exts, x)
	}
	sort.Strings(exts)
	return strings.Join(exts, ", ")
}

// expandDrafts lists the draft files under paths, sorted per argument,
// leaving out hidden entries and ignored paths, and counts the drafts and
// directories the configuration ignores. Files named directly are kept whatever their
// extension, unless ignored.
func expandDrafts(paths []string, cfg *check.Config) (files []string, ignored int, err error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, 0, fmt.Errorf("read %s: %w", p, err)
		}
		if !st.IsDir() {
			if cfg.Ignored(p) {
				ignored++
			} else {
				files = append(files, p)
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if cfg.Ignored(path) {
				if d.IsDir() && path != p {
					ignored++
					return filepath.SkipDir
				}
				if !d.IsDir() && draftExtensions[strings.ToLower(filepath.Ext(path))] {
					ignored++
				}
				return nil
			}
			if !d.IsDir() && draftExtensions[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, 0, fmt.Errorf("walk %s: %w", p, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, ignored, nil
}

// writeCheckReport writes the report to stdout or to opts.Output.
func writeCheckReport(opts checkOptions, e *env, rep *findings.Report) error {
	var w io.Writer = e.stdout
	if opts.Output != "" {
		f, err := os.Create(opts.Output)
		if err != nil {
			return fmt.Errorf("--output: %w", err)
		}
		defer f.Close()
		w = f
		if err := findings.Write(w, opts.Format, rep); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return f.Close()
	}
	if err := findings.Write(w, opts.Format, rep); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// toolVersion is the version reported in machine output.
func toolVersion() string { return "0.1.0" }

// flagMatcher adapts the flag catalog's matcher to the checker. Only
// requirements whose every alternative the catalog covers are passed on:
// "hộ chiếu hoặc CCCD" lets a person pick a paper the state may not hold.
type flagMatcher struct{ m *flags.Matcher }

// Mentions finds the digitised papers text requires, with the database and
// legal basis of each.
func (f flagMatcher) Mentions(text string) []check.PaperMention {
	var out []check.PaperMention
	for _, mm := range f.m.Mentions(text) {
		if !mm.AllCovered {
			continue
		}
		e := f.m.Catalog().Entry(mm.Entry)
		if e == nil || !sameSyllables(mm.Text, e, mm.Matched) {
			continue
		}
		var bases []string
		for _, b := range e.Basis {
			bases = append(bases, b.String())
		}
		out = append(out, check.PaperMention{Start: mm.Start, End: mm.End, Entry: e.ID, Paper: e.Name,
			Database: e.Database, Basis: strings.Join(bases, "; ")})
	}
	return out
}

// sameSyllables reports whether text, which the matcher found on folded
// words, also has the tones of a catalog variant: folding merges "giấy
// chứng từ" (a voucher) with "giấy chứng tử" (a death certificate). Text
// typed without diacritics is accepted; tone marks are compared per syllable
// whatever vowel carries them ("khoẻ" = "khỏe").
func sameSyllables(text string, e *catalog.Entry, matched string) bool {
	if vntext.Fold(text) == strings.ToLower(text) {
		return true
	}
	want := syllableKeys(text)
	for _, v := range append([]string{e.Name}, e.Variants...) {
		if strings.Join(vntext.FoldedWords(v), " ") != matched {
			continue
		}
		if slices.Equal(syllableKeys(v), want) {
			return true
		}
	}
	return false
}

// syllableKeys returns each word of s lower-cased with its tone mark moved
// to the end, so tone placement does not matter.
func syllableKeys(s string) []string {
	var keys []string
	for _, w := range vntext.Words(strings.ToLower(s)) {
		var base, tone []rune
		for _, r := range norm.NFD.String(w) {
			switch r {
			case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
				tone = append(tone, r)
			default:
				base = append(base, r)
			}
		}
		keys = append(keys, norm.NFC.String(string(base))+string(tone))
	}
	return keys
}

// costModel adapts the Standard Cost Model to the checker: the cost of one
// dossier in đồng.
type costModel struct{ m *cost.Model }

// Cost returns the unit cost of p.
func (c costModel) Cost(p *corpus.Procedure) (float64, error) {
	pc := c.m.Procedure(p)
	if pc == nil {
		return 0, errors.New("cost model returned nothing")
	}
	v, _ := pc.Unit.Rat().Float64()
	return v, nil
}
