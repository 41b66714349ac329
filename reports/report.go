package reports

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// Lang is the language of a report's headings and prose.
type Lang = i18n.Lang

// Languages.
const (
	Vietnamese = i18n.Vietnamese
	English    = i18n.English
)

// ParseLang reads "vi" or "en"; empty means Vietnamese.
func ParseLang(s string) (Lang, error) { return i18n.ParseLang(s) }

// Options shape a report.
type Options struct {
	// Lang is the language; empty means Vietnamese.
	Lang Lang
	// Top is how many rows the ranked tables show before the rest is
	// collapsed or counted; 0 means 20.
	Top int
	// MaxList is how many rows a collapsed list shows before it only counts
	// the rest; 0 means 500.
	MaxList int
}

// Kept returns how many entries of each list of a report's input these
// options can show: an input whose lists keep that many renders as one
// that keeps them all.
func (o Options) Kept() int {
	o = o.withDefaults()
	return max(o.Top, 10) + o.MaxList
}

func (o Options) withDefaults() Options {
	if o.Lang == "" {
		o.Lang = Vietnamese
	}
	if o.Top <= 0 {
		o.Top = 20
	}
	if o.MaxList <= 0 {
		o.MaxList = 500
	}
	return o
}

// WriteMarkdown writes the report as Markdown.
func WriteMarkdown(w io.Writer, in *Input, opts Options) error {
	d, err := build(in, opts)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, d.markdown())
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// writer builds the document of one report.
type writer struct {
	in   *Input
	opts Options
	t    *texts
	nf   numbers
	d    *doc
}

func build(in *Input, opts Options) (*doc, error) {
	opts = opts.withDefaults()
	t, err := loadTexts(opts.Lang)
	if err != nil {
		return nil, err
	}
	w := &writer{in: in, opts: opts, t: t, nf: numbersFor(opts.Lang), d: newDoc()}
	w.header()
	w.summary()
	w.targets()
	w.ministries()
	w.sectors()
	w.databases()
	w.decisions()
	w.opportunities()
	w.changes()
	w.appendix()
	return w.d, nil
}

// f formats text key with args (already escaped Markdown).
func (w *writer) f(key string, args ...any) string { return w.t.Get(key, args...) }

// fn formats text key, in its form for the number n, with args.
func (w *writer) fn(key string, n int, args ...any) string { return w.t.Count(key, int64(n), args...) }

// cnt writes n with the noun of key: "3 thủ tục", "1 procedure".
func (w *writer) cnt(key string, n int) string { return w.fn(key, n, w.nf.Int(int64(n))) }

func (w *writer) date() string {
	g := w.in.Generated.UTC()
	if w.opts.Lang == English {
		return g.Format("2006-01-02")
	}
	return g.Format("02/01/2006")
}

// day writes a YYYY-MM-DD date in the report's convention; anything else
// is printed as given.
func (w *writer) day(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil || w.opts.Lang == English {
		return s
	}
	return d.Format("02/01/2006")
}

var (
	dmyRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`) })
	dMonY = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\b`)
	})
)

// dates writes the dates of a text from the catalog in the report's
// convention (docs/reports.md): 01/07/2024 in Vietnamese, 2024-07-01 in
// English, whether the text wrote 1/7/2024 or 1 Jul 2024. Anything that
// is not a valid date stays as written.
func (w *writer) dates(s string) string {
	out := func(d time.Time) string {
		if w.opts.Lang == English {
			return d.Format("2006-01-02")
		}
		return d.Format("02/01/2006")
	}
	s = dmyRE().ReplaceAllStringFunc(s, func(m string) string {
		d, err := time.Parse("2/1/2006", m)
		if err != nil {
			return m
		}
		return out(d)
	})
	return dMonY().ReplaceAllStringFunc(s, func(m string) string {
		f := strings.Fields(m)
		d, err := time.Parse("2 Jan 2006", f[0]+" "+f[1][:3]+" "+f[2])
		if err != nil {
			return m
		}
		return out(d)
	})
}

// glossRE finds an English passage quoted from a source and glossed in
// parentheses: 'The rules that forbid asking again' (các quy định …).
var glossRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`'([A-Za-z][A-Za-z ,\-]*)' \(([^()]+)\)`) })

// quoted prints, in a Vietnamese report, an English passage a catalog
// text quotes with a Vietnamese gloss as the gloss alone, in quotes.
func (w *writer) quoted(s string) string {
	if w.opts.Lang != Vietnamese {
		return s
	}
	return glossRE().ReplaceAllString(s, "“$2”")
}

// loc picks the Vietnamese text vi in a Vietnamese report when there is
// one, else the English text en.
func (w *writer) loc(en, vi string) string {
	if w.opts.Lang == Vietnamese && vi != "" {
		return vi
	}
	return en
}

func (w *writer) header() {
	w.d.md("# " + esc(title(w.in, w.t)))
	sc := w.in.Scope
	var meta []string
	meta = append(meta, w.f("meta_date", w.date()))
	switch {
	case sc.Ministry == "" && sc.Sector == "":
		meta = append(meta, w.f("meta_scope_all"))
	default:
		if sc.Ministry != "" {
			meta = append(meta, w.f("meta_scope_ministry", w.matched(sc.Ministry, sc.Ministries)))
		}
		if sc.Sector != "" {
			meta = append(meta, w.f("meta_scope_sector", w.matched(sc.Sector, sc.Sectors)))
		}
	}
	if sc.Corpus == "" {
		meta = append(meta, w.f("meta_corpus_demo", w.cnt("n_procedures", sc.Procedures)))
	} else {
		meta = append(meta, w.f("meta_corpus", code(sc.Corpus), w.cnt("n_procedures", sc.Procedures), w.cnt("n_files", sc.Files)))
	}
	if n := sc.ReadErrors + sc.BaselineReadErrors; n > 0 {
		meta = append(meta, w.fn("meta_read_errors", n, w.nf.Int(int64(n))))
	}
	if sc.Baseline != "" {
		meta = append(meta, w.f("meta_baseline", code(sc.Baseline), w.cnt("n_procedures", sc.BaselineProcedures)))
		if w.in.Total.Procedures.Baseline == 0 {
			meta = append(meta, w.f("meta_baseline_empty"))
		}
	} else {
		meta = append(meta, w.f("meta_no_baseline"))
	}
	meta = append(meta, w.f("meta_in_scope", w.nf.Int(int64(w.in.Total.Procedures.Current))))
	if sc.AsOf != "" {
		meta = append(meta, w.f("meta_asof", w.day(sc.AsOf)))
	}
	w.d.md("- " + strings.Join(meta, "\n- "))
	w.d.add(tocBlock{title: w.f("toc")})
}

// maxNames is how many matched names the header lists before counting the rest.
const maxNames = 8

// matched lists the names a --ministry or --sector filter matched, with
// the text searched for when it is not the one name matched.
func (w *writer) matched(query string, names []string) string {
	if len(names) == 0 {
		return esc(query)
	}
	shown := names[:min(len(names), maxNames)]
	q := make([]string, len(shown))
	for i, n := range shown {
		q[i] = w.name(n)
	}
	s := strings.Join(q, "; ")
	if rest := len(names) - len(shown); rest > 0 {
		s = w.fn("names_more", rest, s, w.nf.Int(int64(rest)))
	}
	if len(names) != 1 || names[0] != query {
		s = w.f("meta_scope_query", s, esc(query))
	}
	return s
}

// title is the report's title: the one given, else the default, naming
// the ministry when the report is narrowed to one.
func title(in *Input, t *texts) string {
	if in.Title != "" {
		return in.Title
	}
	s := t.Get("title")
	if in.Scope.Ministry != "" && len(in.Ministries) == 1 && in.Ministries[0].Name != "" {
		s += " — " + in.Ministries[0].Name
	}
	return s
}

// tocBlock marks where the table of contents goes.
type tocBlock struct{ title string }

func (tocBlock) isBlock() {}

// progress formats "n (p)" for a count cut.
func (w *writer) cut(n int, pct float64) string {
	return w.nf.Int(int64(n)) + " (" + w.nf.Pct(pct) + ")"
}

func (w *writer) gap(pct float64) string {
	g := w.in.Target - pct
	if g <= 0.05 {
		return w.f("met")
	}
	return w.f("gap_points", w.nf.Dec(g, 1))
}

// reach is the verdict on a target beside a cut achieved and a cut within
// reach with the flagged papers dropped: "met" only when the cut achieved
// meets it; "within reach" when only dropping the flagged papers would.
func (w *writer) reach(achieved, within float64) string {
	if w.in.Target-achieved <= 0.05 {
		return w.f("met")
	}
	if w.in.Target-within <= 0.05 {
		return w.f("within_reach", w.nf.Dec(w.in.Target-achieved, 1))
	}
	return w.gap(within)
}

func (w *writer) summary() {
	in, tot := w.in, &w.in.Total
	w.d.heading(2, w.f("h_summary"))
	lead := w.f("summary_target", w.nf.Target(in.Target))
	if len(in.Targets) > 0 {
		lead += " " + w.f("summary_targets_link", w.anchor("h_targets"))
	}
	w.d.md(lead)
	// Headline bars.
	rows := []struct {
		label               string
		achieved, potential float64
	}{
		{w.f("bar_regulations"), tot.Regulations.Percent, tot.Regulations.PercentFlags},
		{w.f("bar_cost"), tot.Cost.Percent, tot.Cost.PercentFlags},
	}
	width := 0
	for _, r := range rows {
		width = max(width, len([]rune(r.label)))
	}
	var b strings.Builder
	b.WriteString("```text\n")
	for _, r := range rows {
		pad := strings.Repeat(" ", width-len([]rune(r.label)))
		fmt.Fprintf(&b, "%s%s  %s  %s → %s\n", r.label, pad, bar(r.achieved, r.potential, in.Target, 50),
			w.nf.Pct(r.achieved), w.nf.Pct(r.potential))
	}
	b.WriteString(strings.Repeat(" ", width+2) + w.f("bar_legend", w.nf.Target(in.Target)) + "\n```")
	w.d.md(b.String())

	// Key figures.
	row := func(label string, c Count) []string {
		return []string{label, w.nf.Int(int64(c.Baseline)), w.cut(c.Cut, c.Percent), w.cut(c.CutFlags, c.PercentFlags), w.reach(c.Percent, c.PercentFlags)}
	}
	money := tot.Cost
	about := mostlyAssumed(money.AssumedShare)
	rowsT := [][]string{
		row("**"+w.f("unit_regulations")+"**", tot.Regulations),
		row(w.f("unit_procedures"), tot.Procedures),
		row(w.f("unit_conditions"), tot.Conditions),
		row(w.f("unit_papers"), tot.Papers),
		{"**" + w.f("unit_cost") + "**", w.nf.MoneyAbout(money.Before, about), w.nf.MoneyAbout(money.Saving, about) + " (" + w.nf.Pct(money.Percent) + ")",
			w.nf.MoneyAbout(money.SavingFlags, about) + " (" + w.nf.Pct(money.PercentFlags) + ")", w.reach(money.Percent, money.PercentFlags)},
	}
	if tm := tot.Time; tm.Procedures > 0 && tm.Baseline > 0 {
		rowsT = append(rowsT, []string{w.f("unit_time", w.nf.Int(int64(tm.Procedures))), w.nf.Dec(tm.Baseline, 1),
			w.nf.Pct(tm.Percent), w.nf.Pct(tm.PercentFlags), "—"})
	}
	w.d.md(table([]string{w.f("col_unit"), w.f("col_baseline"), w.f("col_achieved"), w.f("col_flags"), w.f("col_gap")}, "lrrrr", rowsT) +
		"\n" + w.f("summary_units_note"))

	// Findings in a sentence each.
	var bullets []string
	if tot.FlaggedPapers > 0 {
		bullets = append(bullets, w.fn("summary_flagged", tot.FlaggedPapers, w.cnt("n_papers", tot.FlaggedPapers), w.cnt("n_procedures", tot.FlaggedProcedures),
			w.cnt("n_databases", len(in.Databases)), w.nf.ShortAbout(money.SavingFlags-money.Saving, about), w.nf.Pct(money.PercentFlags-money.Percent)))
		// Why the count of the ranking is smaller.
		last := &bullets[len(bullets)-1]
		if rest := tot.FlaggedProcedures - in.opportunities(); rest > 0 {
			*last += " " + w.f("summary_reconcile_rank", w.cnt("n_procedures", in.opportunities()), w.cnt("n_procedures", rest))
		}
	} else {
		bullets = append(bullets, w.f("summary_no_flags"))
	}
	if st := tot.States; st.MostPeople.Papers > 0 {
		bullets = append(bullets, w.fn("summary_most_people", st.MostPeople.Papers, w.cnt("n_papers", st.MostPeople.Papers),
			w.cnt("n_procedures", st.MostPeople.Procedures)))
	}
	if st := tot.States; st.Achieved.Papers > 0 {
		bullets = append(bullets, w.fn("summary_achieved", st.Achieved.Papers, w.cnt("n_papers", st.Achieved.Papers),
			w.cnt("n_procedures", st.Achieved.Procedures)))
	}
	if len(in.Opportunities) > 0 {
		o := in.Opportunities[0]
		bullets = append(bullets, w.f("summary_top", procLabel(o.ProcedureRef), w.name(o.Ministry), w.nf.ShortAbout(o.Saving, mostlyAssumed(o.AssumedShare))))
	}
	if len(in.Databases) > 0 {
		db := in.Databases[0]
		bullets = append(bullets, w.f("summary_top_db", esc(w.loc(db.Name, db.NameVi)), w.cnt("n_papers", db.Papers), w.cnt("n_procedures", db.procedures())))
	}
	if in.Changes != nil {
		s := in.Changes.Statuses
		bullets = append(bullets, w.f("summary_changes", w.cnt("n_procedures", s["abolished"]), w.nf.Int(int64(s["simplified"])),
			w.nf.Int(int64(s["heavier"])), w.nf.Int(int64(s["mixed"])), w.nf.Int(int64(s["new"]))))
	}
	bullets = append(bullets, w.f("summary_assumed", w.nf.Share(money.AssumedShare),
		w.nf.Int(int64(in.Method.VolumesAssumed)), w.cnt("n_procedures", tot.Procedures.Current), w.anchor("h_appendix")))
	w.d.md("- " + strings.Join(bullets, "\n- "))
}

// anchor is the id the heading of text key gets (the first heading with
// that text), for links to a section written later.
func (w *writer) anchor(key string) string { return slug(w.t.Plain(key)) }

// name escapes a ministry or sector name; an empty one is "not stated".
func (w *writer) name(s string) string {
	if s == "" {
		return "*" + w.f("not_stated") + "*"
	}
	return esc(s)
}

// procLabel is "Name (code)" escaped.
func procLabel(p ProcedureRef) string {
	if p.Code == "" || p.Code == p.Name {
		return esc(p.Name)
	}
	return esc(p.Name) + " (" + code(p.Code) + ")"
}

// groupTable writes the table of ministries or sectors; costs and savings
// are the printed cost columns of the groups (see rankedTable).
func (w *writer) groupTable(first string, groups []Tally, costs, savings []string) string {
	head := []string{first, w.f("col_procedures"), w.f("col_flagged_procs"), w.f("col_flagged_papers"),
		w.f("col_partly_papers"), w.f("col_looked_up_papers"),
		w.f("col_reg_cut"), w.f("col_cost_year"), w.f("col_saving_flags"), w.f("col_cost_cut")}
	var rows [][]string
	for i, g := range groups {
		rows = append(rows, []string{
			w.name(g.Name),
			w.nf.Int(int64(g.Procedures.Current)),
			w.nf.Int(int64(g.FlaggedProcedures)),
			w.nf.Int(int64(g.FlaggedPapers)),
			w.nf.Int(int64(g.States.MostPeople.Papers)),
			w.nf.Int(int64(g.States.Achieved.Papers)),
			w.nf.Pct(g.Regulations.Percent) + " → " + w.nf.Pct(g.Regulations.PercentFlags),
			costs[i],
			savings[i],
			w.nf.Pct(g.Cost.Percent) + " → " + w.nf.Pct(g.Cost.PercentFlags),
		})
	}
	return table(head, "lrrrrrrrrr", rows)
}

// rankedTable shows the first Top groups and collapses the rest.
// Its cost columns add up to the whole report's figures as printed.
func (w *writer) rankedTable(first string, groups []Tally, moreKey string) {
	costs, savings := make([]int64, len(groups)), make([]int64, len(groups))
	for i, g := range groups {
		costs[i], savings[i] = g.Cost.After, g.Cost.SavingFlags-g.Cost.Saving
	}
	tot := w.in.Total.Cost
	about := mostlyAssumed(tot.AssumedShare)
	costCol := w.nf.moneyColumn(costs, tot.After, about)
	savingCol := w.nf.moneyColumn(savings, tot.SavingFlags-tot.Saving, about)
	w.collapse(len(groups), w.opts.Top, moreKey, "hint_groups", func(from, to int) string {
		return w.groupTable(first, groups[from:to], costCol[from:to], savingCol[from:to])
	})
}

// collapse shows the first shown of n rows (rendered by render) and puts
// the rest, at most MaxList of them, in a collapsed block that says how
// many were left out and, by the text hintKey, how to list them all.
func (w *writer) collapse(n, shown int, moreKey, hintKey string, render func(from, to int) string) {
	if n <= shown {
		w.d.md(render(0, n))
		return
	}
	w.d.md(render(0, shown))
	end := min(n, shown+w.opts.MaxList)
	body := []block{mdBlock{render(shown, end)}}
	if end < n {
		body = append(body, mdBlock{w.fn("more_not_listed", n-end, w.nf.Int(int64(n-end))) + " " + w.f(hintKey)})
	}
	w.d.add(detailsBlock{summary: w.t.PlainCount(moreKey, int64(n-shown), w.nf.Int(int64(n-shown))), body: body})
}

func (w *writer) chart(title string, groups []Tally, cost bool) *barChart {
	c := &barChart{title: title, target: w.in.Target, nf: w.nf,
		legendAchieved: w.t.Plain("legend_achieved"), legendPotential: w.t.Plain("legend_flags"),
		legendTarget: w.t.Plain("legend_target", w.nf.Target(w.in.Target))}
	n := min(len(groups), 12)
	for _, g := range groups[:n] {
		label := g.Name
		if label == "" {
			label = w.t.Plain("not_stated")
		}
		c.labels = append(c.labels, label)
		if cost {
			c.achieved = append(c.achieved, g.Cost.Percent)
			c.potential = append(c.potential, g.Cost.PercentFlags)
		} else {
			c.achieved = append(c.achieved, g.Regulations.Percent)
			c.potential = append(c.potential, g.Regulations.PercentFlags)
		}
	}
	return c
}

// targets sets the cuts beside the target asked for and every preset in
// force on the report's date.
func (w *writer) targets() {
	if len(w.in.Targets) == 0 {
		return
	}
	w.d.heading(2, w.f("h_targets"))
	var rows [][]string
	var cites []string
	seen := map[string]bool{}
	for _, g := range w.in.Targets {
		name := code(g.Preset)
		if g.Asked {
			name = "**" + name + "**"
		}
		achieved, within, gap := w.f("not_measured"), "", ""
		if g.Measured {
			achieved, within = w.nf.Pct(g.Achieved), w.nf.Pct(g.WithinReach)
			gap = w.f("met")
			if !g.Met {
				gap = w.f("gap_points", w.nf.Dec(g.Target-g.Achieved, 1))
			}
		}
		rows = append(rows, []string{name, w.f("target_unit_" + g.Unit), w.nf.Pct(g.Target), achieved, within, gap})
		if c := w.loc(g.Citation, g.CitationVi); c != "" && !seen[g.Preset] {
			seen[g.Preset] = true
			cites = append(cites, code(g.Preset)+": "+esc(c))
		}
	}
	w.d.md(w.f("targets_lead"))
	w.d.md(table([]string{w.f("col_target"), w.f("col_unit"), w.f("col_asks"), w.f("col_achieved"), w.f("col_flags"), w.f("col_gap")}, "llrrrl", rows))
	if len(cites) > 0 {
		w.d.md("- " + strings.Join(cites, "\n- "))
	}
}

// decisions lists, by ministry, the rows of the Government's decisions on
// papers replaced by data that the published procedures do not apply yet.
func (w *writer) decisions() {
	d := w.in.Decisions
	if d == nil {
		return
	}
	w.d.heading(2, w.f("h_decisions"))
	w.d.md(w.f("decisions_lead", w.nf.Int(int64(d.Judged)), w.nf.Int(int64(d.Applied)), w.nf.Int(int64(d.NotApplied)), w.nf.Int(int64(d.PaperNotFound))))
	var rows [][]string
	for _, m := range d.Ministries {
		rows = append(rows, []string{w.name(m.Name), w.nf.Int(int64(m.NotApplied)), w.nf.Int(int64(m.Applied)), w.nf.Int(int64(m.PaperNotFound))})
	}
	w.d.md(table([]string{w.f("col_ministry"), w.f("col_not_applied"), w.f("col_applied"), w.f("col_paper_not_found")}, "lrrr", rows))
	if len(d.Pending) == 0 {
		return
	}
	w.d.md(w.f("decisions_pending"))
	w.collapse(len(d.Pending), w.opts.Top, "more_decisions", "hint_groups", func(from, to int) string {
		var prows [][]string
		for _, p := range d.Pending[from:to] {
			prows = append(prows, []string{procLabel(p.ProcedureRef), w.name(p.Ministry), esc(shorten(p.Paper, 160)), esc(w.loc(p.Citation, p.CitationVi))})
		}
		return table([]string{w.f("col_procedure"), w.f("col_ministry"), w.f("col_paper_still_asked"), w.f("col_decision")}, "llll", prows)
	})
}

func (w *writer) ministries() {
	w.d.heading(2, w.f("h_ministries"))
	gs := w.in.Ministries
	if len(gs) == 0 {
		w.d.md(w.f("none"))
		return
	}
	w.d.add(chartBlock{w.chart(w.t.Plain("chart_regulations"), gs, false)})
	w.d.add(chartBlock{w.chart(w.t.Plain("chart_cost"), gs, true)})
	note := w.f("chart_note", w.nf.Target(w.in.Target))
	if len(gs) > 12 {
		note += " " + w.f("chart_top", w.nf.Int(12), w.nf.Int(int64(len(gs))))
	}
	w.d.md(note)
	w.rankedTable(w.f("col_ministry"), gs, "more_ministries")
}

func (w *writer) sectors() {
	w.d.heading(2, w.f("h_sectors"))
	if len(w.in.Sectors) == 0 {
		w.d.md(w.f("none"))
		return
	}
	w.d.md(w.fn("sectors_lead", len(w.in.Sectors), w.nf.Int(int64(len(w.in.Sectors)))))
	w.rankedTable(w.f("col_sector"), w.in.Sectors, "more_sectors")
}

func (w *writer) databases() {
	w.d.heading(2, w.f("h_databases"))
	dbs := w.in.Databases
	if len(dbs) == 0 {
		w.d.md(w.f("summary_no_flags"))
		return
	}
	w.d.md(w.f("databases_lead"))
	var rows [][]string
	for _, db := range dbs {
		rows = append(rows, []string{esc(w.loc(db.Name, db.NameVi)), esc(w.loc(db.Owner, db.OwnerVi)), w.nf.Int(int64(db.Papers)), w.nf.Int(int64(db.procedures()))})
	}
	w.d.md(table([]string{w.f("col_database"), w.f("col_owner"), w.f("col_flagged_papers"), w.f("col_procedures")}, "llrr", rows))
	for _, db := range dbs {
		w.d.heading(3, w.loc(db.Name, db.NameVi))
		w.d.md(w.f("db_meta", esc(w.loc(db.Owner, db.OwnerVi)), w.nf.Int(int64(db.Papers)), w.nf.Int(int64(db.procedures()))))
		var basis []string
		for _, bs := range db.Basis {
			line := esc(w.loc(bs.Citation, bs.CitationVi))
			if bs.Status != "" && bs.Status != "law" {
				line += " — *" + w.f("status_"+bs.Status) + "*"
			}
			if note := w.loc(bs.Note, bs.NoteVi); note != "" {
				line += " " + w.f("note_paren", esc(w.dates(w.quoted(note))))
			}
			basis = append(basis, line)
		}
		if len(basis) > 0 {
			w.d.md(w.f("db_basis") + "\n\n- " + strings.Join(basis, "\n- "))
		}
		var erows [][]string
		for _, e := range db.Entries {
			name := esc(e.Name)
			if w.opts.Lang == English && e.English != "" {
				name = esc(e.English) + " (" + esc(e.Name) + ")"
			}
			erows = append(erows, []string{name, w.f("coverage_" + e.Coverage), w.nf.Int(int64(e.Papers))})
		}
		w.d.md(table([]string{w.f("col_paper"), w.f("col_coverage"), w.f("col_flagged_papers")}, "llr", erows))
		w.procList(db.Procedures, db.ProceduresOmitted, "", "more_procedures", "hint_flagged")
	}
}

// procTable lists procedures with their papers, and their annual cost
// under the heading of text costKey unless it is empty.
func (w *writer) procTable(ps []ProcedureRef, costKey string) string {
	withCost := costKey != ""
	head := []string{w.f("col_code"), w.f("col_procedure"), w.f("col_ministry"), w.f("col_papers_concerned")}
	align := "lllr"
	if withCost {
		head, align = append(head, w.f(costKey)), align+"r"
	}
	var rows [][]string
	for _, p := range ps {
		r := []string{code(p.Code), esc(p.Name), w.name(p.Ministry), w.nf.Int(int64(p.Papers))}
		if withCost {
			r = append(r, w.nf.MoneyAbout(p.Annual, mostlyAssumed(w.in.Total.Cost.AssumedShare)))
		}
		rows = append(rows, r)
	}
	return table(head, align, rows)
}

// procList shows up to 10 procedures, the rest collapsed; omitted counts
// those after the last of ps, left out of it.
func (w *writer) procList(ps []ProcedureRef, omitted int, costKey, moreKey, hintKey string) {
	w.collapse(len(ps)+omitted, 10, moreKey, hintKey, func(from, to int) string {
		return w.procTable(ps[min(from, len(ps)):min(to, len(ps))], costKey)
	})
}

func (w *writer) opportunities() {
	w.d.heading(2, w.f("h_opportunities"))
	ops := w.in.Opportunities
	if len(ops) == 0 {
		w.d.md(w.f("summary_no_flags"))
		return
	}
	w.d.md(w.f("opportunities_lead"))
	n := min(len(ops), w.opts.Top)
	var rows [][]string
	for i, o := range ops[:n] {
		vol := w.nf.Int(o.Volume)
		if !o.VolumeMeasured {
			vol += " " + w.f("assumed_mark")
		}
		dbs := make([]string, len(o.Databases))
		for j, d := range o.Databases {
			vi := ""
			if j < len(o.DatabasesVi) {
				vi = o.DatabasesVi[j]
			}
			dbs[j] = esc(w.loc(d, vi))
		}
		rows = append(rows, []string{itoa(i + 1), code(o.Code), esc(o.Name), w.name(o.Ministry), w.nf.Int(int64(o.Papers)),
			strings.Join(dbs, "; "), w.nf.MoneyAbout(o.Saving, mostlyAssumed(o.AssumedShare)), w.nf.Pct(o.Percent), vol, w.nf.Share(o.AssumedShare)})
	}
	w.d.md(table([]string{"#", w.f("col_code"), w.f("col_procedure"), w.f("col_ministry"), w.f("col_flagged_papers"),
		w.f("col_database"), w.f("col_saving_year"), w.f("col_of_cost"), w.f("col_volume"), w.f("col_assumed")}, "rlllrlrrrr", rows))
	if rest := len(ops) - n + w.in.OpportunitiesOmitted; rest > 0 {
		sum := w.in.OpportunitiesOmittedSaving
		for _, o := range ops[n:] {
			sum += o.Saving
		}
		w.d.md(w.fn("opportunities_rest", rest, w.nf.Int(int64(rest)), w.nf.MoneyAbout(sum, mostlyAssumed(w.in.Total.Cost.AssumedShare))))
	}
	w.driverNote(ops[:n])
}

// driverShare is the share of the ranked saving above which one kind of
// cost costed by unconfirmed parameters gets a note.
const driverShare = 0.5

// driverNote warns when most of the saving of the ranked procedures comes
// from one kind of cost whose parameters are unconfirmed (a default
// figure the ranking then rests on). The cost model's figure for papers of
// no recognised kind applies to every such paper alike and is not one.
func (w *writer) driverNote(ops []Opportunity) {
	var total int64
	parts := map[string]int64{}
	params := map[string][]string{}
	for _, o := range ops {
		total += o.Saving
		for _, p := range o.Parts {
			if p.Default {
				continue // one figure for every ordinary paper: it scales the savings, it does not order them
			}
			parts[p.Key] += p.Saving
			for _, name := range p.Params {
				if !slices.Contains(params[p.Key], name) {
					params[p.Key] = append(params[p.Key], name)
				}
			}
		}
	}
	best := ""
	for k, v := range parts {
		if best == "" || v > parts[best] || (v == parts[best] && k < best) {
			best = k
		}
	}
	if best == "" || total <= 0 || float64(parts[best]) < driverShare*float64(total) {
		return
	}
	byName := map[string]Param{}
	for _, p := range w.in.Method.Params {
		byName[p.Name] = p
	}
	var figures []string
	for _, name := range params[best] {
		if p, ok := byName[name]; ok && p.Unconfirmed {
			figures = append(figures, code(name)+" = "+w.nf.Num(p.Value))
		}
	}
	if len(figures) == 0 {
		return
	}
	sort.Strings(figures)
	w.d.md(w.f("opportunities_driver", w.nf.Share(float64(parts[best])/float64(total)), w.cnt("n_procedures", len(ops)),
		code(best), strings.Join(figures, ", ")))
}

func (w *writer) changes() {
	w.d.heading(2, w.f("h_changes"))
	ch := w.in.Changes
	if ch == nil {
		w.d.md(w.f("changes_no_baseline", w.anchor("h_input")))
		return
	}
	var rows [][]string
	for _, s := range []string{"abolished", "simplified", "mixed", "heavier", "unchanged", "new"} {
		rows = append(rows, []string{w.f("status_" + s), w.nf.Int(int64(ch.Statuses[s]))})
	}
	w.d.md(table([]string{w.f("col_status"), w.f("col_procedures")}, "lr", rows) + "\n" + w.f("changes_note"))
	w.d.heading(3, w.f("h_added"))
	if added := len(ch.Added) + ch.AddedOmitted; added == 0 {
		w.d.md(w.f("none"))
	} else {
		w.d.md(w.fn("added_lead", added, w.nf.Int(int64(added)), w.nf.MoneyAbout(ch.AddedCost, mostlyAssumed(w.in.Total.Cost.AssumedShare))))
		w.procList(ch.Added, ch.AddedOmitted, "col_cost_year", "more_procedures", "hint_changes")
	}
	w.d.heading(3, w.f("h_abolished"))
	if abolished := len(ch.Abolished) + ch.AbolishedOmitted; abolished == 0 {
		w.d.md(w.f("none"))
	} else {
		w.d.md(w.fn("abolished_lead", abolished, w.nf.Int(int64(abolished)), w.nf.MoneyAbout(ch.AbolishedCost, mostlyAssumed(w.in.Total.Cost.AssumedShare))))
		w.procList(ch.Abolished, ch.AbolishedOmitted, "col_cost_baseline", "more_procedures", "hint_changes")
	}
}

func (w *writer) appendix() {
	in, m := w.in, &w.in.Method
	w.d.heading(2, w.f("h_appendix"))
	w.d.heading(3, w.f("h_method"))
	w.d.md(w.f("method_regulations") + "\n\n" + w.f("method_cost", w.nf.Money(int64(m.HourlyValue+0.5))) + "\n\n" +
		w.f("method_flags") + "\n\n" + w.f("method_scenarios"))

	w.d.heading(3, w.f("h_assumptions"))
	tot := in.Total
	rows := [][]string{
		{w.f("fig_counts"), w.nf.Pct(0), w.f("fig_counts_note")},
		{w.f("fig_cost"), w.nf.Share(tot.Cost.AssumedShare), w.f("fig_cost_note")},
		{w.f("fig_saving"), w.nf.Share(m.SavingAssumedShare), w.f("fig_saving_note")},
		{w.f("fig_volume"), w.nf.Pct(pct(m.VolumesAssumed, tot.Procedures.Current)),
			w.f("fig_of_procedures", w.nf.Int(int64(m.VolumesAssumed)), w.cnt("n_procedures", tot.Procedures.Current))},
		{w.f("fig_fees"), w.nf.Pct(pct(m.FeesUnknown, tot.Procedures.Current)),
			w.f("fig_fees_note", w.nf.Int(int64(m.FeesUnknown)), w.cnt("n_procedures", tot.Procedures.Current))},
		{w.f("fig_time"), w.nf.Pct(pct(m.TimeUnknown, tot.Procedures.Current)),
			w.f("fig_time_note", w.nf.Int(int64(m.TimeUnknown)), w.cnt("n_procedures", tot.Procedures.Current))},
	}
	w.d.md(table([]string{w.f("col_figure"), w.f("col_assumed_share"), w.f("col_note")}, "lrl", rows))
	w.d.md(w.f("measured_share", w.nf.Share(m.MeasuredShare), w.nf.Int(int64(m.FromSheet))))
	if len(m.Attributed) > 0 || len(m.Unattributed) > 0 {
		var parts []string
		for _, ev := range m.Attributed {
			parts = append(parts, w.f("evidence_"+ev.Evidence, w.nf.Int(int64(ev.Records))))
		}
		w.d.md(w.f("attribution_lead", strings.Join(parts, ", "), w.cnt("n_procedures", len(m.Unattributed))))
		if len(m.Unattributed) > 0 {
			w.collapse(len(m.Unattributed), w.opts.Top, "more_procedures_unattributed", "hint_groups", func(from, to int) string {
				var rows [][]string
				for _, p := range m.Unattributed[from:to] {
					rows = append(rows, []string{procLabel(p)})
				}
				return table([]string{w.f("col_procedure")}, "l", rows)
			})
		}
	}
	if len(m.CollectFirst) > 0 {
		var crows [][]string
		for _, p := range m.CollectFirst {
			crows = append(crows, []string{procLabel(p), w.name(p.Ministry), w.nf.Int(p.Volume), w.nf.MoneyAbout(p.Annual, true)})
		}
		w.d.md(w.f("collect_first_lead"))
		w.d.md(table([]string{w.f("col_procedure"), w.f("col_ministry"), w.f("col_volume_assumed"), w.f("col_cost_year")}, "llrr", crows))
	}

	w.d.heading(3, w.f("h_params"))
	var prows [][]string
	quoted := false // a unit or source quoted in English in a Vietnamese report
	for _, p := range m.Params {
		if w.opts.Lang == Vietnamese && (p.UnitVi == "" && p.Unit != "" || p.SourceVi == "" && p.Source != "") {
			quoted = true
		}
		unc := ""
		if p.Unconfirmed {
			unc = w.f("yes")
		}
		src := esc(w.loc(p.Source, p.SourceVi))
		if p.Origin != "" && p.Origin != "built-in" {
			src += " " + w.f("note_paren", w.f("set_in", code(p.Origin)))
		}
		prows = append(prows, []string{code(p.Name), w.nf.Num(p.Value), esc(w.loc(p.Unit, p.UnitVi)), esc(p.AsOf), src, unc})
	}
	lead := w.f("params_lead", w.files(m.ParamFiles))
	if quoted {
		lead += " " + w.f("params_quoted")
	}
	w.d.md(lead)
	w.d.md(table([]string{w.f("col_param"), w.f("col_value"), w.f("col_unit_param"), w.f("col_asof"), w.f("col_source"), w.f("col_unconfirmed")}, "lrllll", prows))

	w.d.heading(3, w.f("h_sources"))
	w.d.md(w.f("sources_lead", w.files(m.CatalogFiles)))
	var drows [][]string
	docs := append([]Document(nil), m.Documents...)
	sort.SliceStable(docs, func(i, j int) bool {
		return w.loc(docs[i].Title, docs[i].TitleVi) < w.loc(docs[j].Title, docs[j].TitleVi)
	})
	for _, doc := range docs {
		src := esc(w.dates(w.quoted(w.loc(doc.Source, doc.SourceVi))))
		if doc.SourceFile != "" {
			src = code(doc.SourceFile) + src
		}
		drows = append(drows, []string{esc(w.loc(doc.Title, doc.TitleVi)), w.f("status_" + doc.Status), src})
	}
	if len(drows) > 0 {
		w.d.md(table([]string{w.f("col_document"), w.f("col_certainty"), w.f("col_source")}, "lll", drows))
	}
	w.d.md(w.f("sources_refs"))

	w.d.heading(3, w.f("h_input"))
	sc := in.Scope
	lines := []string{w.f("input_current", w.cnt("n_procedures", sc.Procedures), w.cnt("n_files", sc.Files), w.cnt("n_unreadable", sc.ReadErrors))}
	if sc.Baseline != "" {
		lines = append(lines, w.f("input_baseline", w.cnt("n_procedures", sc.BaselineProcedures), w.cnt("n_files", sc.BaselineFiles),
			w.cnt("n_unreadable", sc.BaselineReadErrors)))
	}
	if sc.Corpus == "" {
		lines = append(lines, w.f("input_demo"))
	}
	if sc.Baseline == "" {
		lines = append(lines, w.f("input_no_baseline"))
	}
	lines = append(lines, w.f("input_options"), w.f("input_repro"))
	w.d.md("- " + strings.Join(lines, "\n- "))
	w.unread("input_unread_current", sc.Unread)
	if sc.Baseline != "" {
		w.unread("input_unread_baseline", sc.BaselineUnread)
	}
}

// unread names the files and records of one input the report does not
// rest on, the first MaxUnreadListed by name and the rest counted.
func (w *writer) unread(lead string, list []Unread) {
	if len(list) == 0 {
		return
	}
	w.d.md(w.f(lead))
	var items []string
	for i, u := range list {
		if i == MaxUnreadListed {
			items = append(items, w.fn("input_unread_more", len(list)-i, w.nf.Int(int64(len(list)-i))))
			break
		}
		kind := "input_unread_failed"
		if u.Skipped {
			kind = "input_unread_skipped"
		}
		items = append(items, w.f(kind, code(textfmt.OneLine(u.Place)), esc(u.Reason)))
	}
	w.d.md("- " + strings.Join(items, "\n- "))
}

// files lists file names; the built-in files are named as such.
func (w *writer) files(fs []string) string {
	q := make([]string, len(fs))
	for i, f := range fs {
		if f == "built-in" || strings.HasSuffix(f, "(built in)") {
			q[i] = w.f("builtin")
			continue
		}
		q[i] = code(f)
	}
	return strings.Join(q, ", ")
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of) * 100
}
