package main

import (
	"flag"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/target"
)

// assessArgs are the options of estimate and report that shape the one
// assessment both print: they are read the same way for both.
type assessArgs struct {
	// Target is a preset name or a percentage, as typed.
	Target string
	// Params, Catalog, Volumes, Costs and Ministries are files; empty for
	// the built-in defaults or none.
	Params, Catalog, Volumes, Costs, Ministries, Decisions string
	// AsOf is the day (YYYY-MM-DD) whose catalog entries apply; empty for today.
	AsOf string
	// Scope is business, citizen, other, unknown or all.
	Scope string
}

// assessFlags are the command-line options of assessArgs.
func assessFlags() []cli.Flag {
	return []cli.Flag{
		&lazyStringFlag{StringFlag: &cli.StringFlag{Name: "target"}, fill: func(f *cli.StringFlag) {
			f.Value = target.Default().Name
			f.Usage = "target: a preset (" + strings.Join(target.Names(), ", ") +
				") or a percentage; the report also sets its figures beside every preset in force"
		}},
		&cli.StringFlag{Name: "params", Usage: "cost parameter `FILE` (YAML or JSON) laid over the built-in defaults"},
		&cli.StringFlag{Name: "catalog", Usage: "catalog `FILE` of digitised data extending (or, with replace: true, replacing) the built-in one"},
		&cli.StringFlag{Name: "as-of", Usage: "use the catalog entries and legal bases in force on `DATE` (YYYY-MM-DD; default today)"},
		&cli.StringFlag{Name: "volumes", Usage: "annual volumes `FILE` (CSV: code, dossiers_per_year, period, source) instead of the assumed default"},
		&cli.StringFlag{Name: "costs", Usage: "official cost sheets `FILE` (Circular 02/2017/TT-VPCP figures per procedure, before and after) that replace the model's"},
		decisionsFlag(),
		&cli.StringFlag{Name: "ministries", Usage: "ministry renaming `FILE` (schema redtape.ministries/v1) replacing the built-in 2025 renamings"},
		&cli.StringFlag{Name: "scope", Value: string(compare.ScopeAll), Usage: "only procedures of this scope: business (subjects include enterprises, co-operatives, household businesses or organisations), citizen, other, unknown or all"},
	}
}

// lazyStringFlag is a string option whose default and usage are filled in
// on first use (its help printed, the command line parsed) rather than when
// the app is built: the --target option's come from the presets file, which
// "redtape --help" and the other commands need not read. The methods that
// read Value or Usage fill them first; the rest (name, category,
// visibility) are the StringFlag's own.
type lazyStringFlag struct {
	*cli.StringFlag
	once sync.Once
	fill func(*cli.StringFlag)
}

func (f *lazyStringFlag) filled() *cli.StringFlag {
	f.once.Do(func() { f.fill(f.StringFlag) })
	return f.StringFlag
}

func (f *lazyStringFlag) String() string                { return f.filled().String() }
func (f *lazyStringFlag) Apply(set *flag.FlagSet) error { return f.filled().Apply(set) }
func (f *lazyStringFlag) GetUsage() string              { return f.filled().GetUsage() }
func (f *lazyStringFlag) GetValue() string              { return f.filled().GetValue() }
func (f *lazyStringFlag) GetDefaultText() string        { return f.filled().GetDefaultText() }

// readAssessArgs reads the options of assessFlags from c.
func readAssessArgs(c *cli.Context) assessArgs {
	return assessArgs{Target: c.String("target"), Params: c.String("params"), Catalog: c.String("catalog"), AsOf: c.String("as-of"),
		Volumes: c.String("volumes"), Costs: c.String("costs"), Ministries: c.String("ministries"), Scope: c.String("scope"),
		Decisions: c.String("decisions")}
}

// options loads every file the arguments name and returns the assessment
// options and the day of the catalog. Every mistake is a usage error
// naming the option and, where there is one, the file and line.
func (a assessArgs) options(e *env) (assess.Options, time.Time, error) {
	var opts assess.Options
	var err error
	t := a.Target
	if t == "" {
		t = target.Default().Name
	}
	if opts.Target, err = target.Parse(t); err != nil {
		return opts, time.Time{}, usageErrorf("--target: %v", err)
	}
	scope := compare.Scope(a.Scope)
	switch scope {
	case "", compare.ScopeAll, compare.ScopeBusiness, compare.ScopeCitizen, compare.ScopeOther, compare.ScopeUnknown:
		opts.Scope = scope
	default:
		return opts, time.Time{}, usageErrorf("--scope %q: want business, citizen, other, unknown or all", a.Scope)
	}
	if a.Params != "" {
		if opts.Params, err = cost.LoadParamsFile(a.Params); err != nil {
			return opts, time.Time{}, usageErrorf("--params: %v", err)
		}
	}
	if a.Volumes != "" {
		if opts.Volumes, err = cost.LoadVolumesFile(a.Volumes); err != nil {
			return opts, time.Time{}, usageErrorf("--volumes: %v", err)
		}
	}
	if a.Costs != "" {
		if opts.Sheets, err = cost.LoadSheetsFile(a.Costs); err != nil {
			return opts, time.Time{}, usageErrorf("--costs: %v", err)
		}
	}
	if a.Ministries != "" {
		data, err := os.ReadFile(a.Ministries)
		if err != nil {
			return opts, time.Time{}, usageErrorf("--ministries: %v", err)
		}
		if opts.Ministries, err = compare.ParseMinistries(data); err != nil {
			return opts, time.Time{}, usageErrorf("--ministries: %v", err)
		}
	}
	if opts.Decisions, err = loadDecisions(a.Decisions); err != nil {
		return opts, time.Time{}, err
	}
	cat, day, err := loadCatalog(a.Catalog, a.AsOf, e)
	if err != nil {
		return opts, day, err
	}
	opts.Catalog = cat
	return opts, day, nil
}

// decisionsFlag is the --decisions option of flag, estimate and report.
func decisionsFlag() cli.Flag {
	return &cli.StringFlag{Name: "decisions", Usage: "list of the Government's decisions `FILE` (schema redtape.decisions/v1) extending, or with '# replace: true' replacing, the built-in Resolution 66.7/2025/NQ-CP Appendix I"}
}

// loadDecisions loads the built-in list of decisions, extended or replaced
// by the file at path when given.
func loadDecisions(path string) (*decisions.List, error) {
	list, err := assess.Decisions(path)
	if err != nil {
		return nil, usageErrorf("--decisions: %v", err)
	}
	return list, nil
}
