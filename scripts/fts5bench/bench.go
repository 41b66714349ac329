package main

import (
	"bufio"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// classes are the query classes of the comparison, in the order printed.
// "facets" runs the two-word queries for their counts alone.
var classes = []string{"two-word", "filtered", "phrase", "facets"}

// benchQueries reads the query classes of redtape's BenchmarkSearch from
// its source (the map benchQueries of corpus/index/bench_test.go), so that
// both engines run the very queries the benchmark runs.
func benchQueries(path string) (map[string][]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, fmt.Errorf("read queries: %w", err)
	}
	out := map[string][]string{}
	var walkErr error
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "benchQueries" || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			walkErr = fmt.Errorf("read queries: benchQueries in %s is not a map literal", path)
			return false
		}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			class, err := unquote(kv.Key)
			if err != nil {
				walkErr = err
				return false
			}
			list, ok := kv.Value.(*ast.CompositeLit)
			if !ok {
				walkErr = fmt.Errorf("read queries: class %s in %s is not a list", class, path)
				return false
			}
			for _, q := range list.Elts {
				s, err := unquote(q)
				if err != nil {
					walkErr = err
					return false
				}
				out[class] = append(out[class], s)
			}
		}
		return false
	})
	if walkErr != nil {
		return nil, walkErr
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read queries: no benchQueries map in %s", path)
	}
	out["facets"] = out["two-word"]
	return out, nil
}

func unquote(e ast.Expr) (string, error) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", fmt.Errorf("read queries: %T is not a string literal", e)
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", fmt.Errorf("read queries: %s: %w", lit.Value, err)
	}
	return s, nil
}

// timing is the latency of one class on one engine.
type timing struct {
	p50, p95, cpu float64 // milliseconds; cpu per query
	runs          int
}

// measure runs each of fns n times over the queries in turn, one after
// the other for each query (so that engines compared share the machine's
// moments alike), and returns for each the 50th and 95th percentile
// latency, computed as BenchmarkSearch computes them, and its CPU time
// per query.
func measure(n, queries int, fns ...func(i int) error) ([]timing, error) {
	lat := make([][]time.Duration, len(fns))
	cpu := make([]time.Duration, len(fns))
	for i := 0; i < n; i++ {
		for k, fn := range fns {
			cpu0 := cpuTime()
			start := time.Now()
			if err := fn(i % queries); err != nil {
				return nil, err
			}
			lat[k] = append(lat[k], time.Since(start))
			cpu[k] += cpuTime() - cpu0
		}
	}
	out := make([]timing, len(fns))
	for k, l := range lat {
		sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
		pct := func(p float64) float64 {
			return float64(l[int(p*float64(len(l)-1))].Microseconds()) / 1000
		}
		out[k] = timing{p50: pct(0.50), p95: pct(0.95), cpu: float64(cpu[k].Microseconds()) / 1000 / float64(n), runs: n}
	}
	return out, nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAvg returns the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// readBenchmark reads redtape's figures from the output of
// "go test -bench BenchmarkSearch": class → timing.
func readBenchmark(r io.Reader) (map[string]timing, error) {
	out := map[string]timing{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || !strings.HasPrefix(f[0], "BenchmarkSearch/") {
			continue
		}
		class := strings.TrimPrefix(f[0], "BenchmarkSearch/")
		if i := strings.LastIndexByte(class, '-'); i > 0 {
			if _, err := strconv.Atoi(class[i+1:]); err == nil {
				class = class[:i]
			}
		}
		var t timing
		t.runs, _ = strconv.Atoi(f[1])
		for i := 2; i+1 < len(f); i++ {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "p50-ms":
				t.p50 = v
			case "p95-ms":
				t.p95 = v
			case "cpu-ms/query":
				t.cpu = v
			}
		}
		out[class] = t
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read benchmark output: %w", err)
	}
	return out, nil
}

// facetDiff compares redtape's facet counts (the first 50 values of each
// facet, the rest summed under otherKey) with FTS5's (every value) and
// describes the first difference; "" when they agree.
func facetDiff(rt, fts counts) string {
	for _, f := range facetFields {
		r, s := rt[f], fts[f]
		listed := 0
		for v, c := range r {
			if v == otherKey {
				continue
			}
			listed++
			if s[v] != c {
				return fmt.Sprintf("%s %q: redtape %d, FTS5 %d", f, v, c, s[v])
			}
		}
		rest := 0
		for v, c := range s {
			if _, ok := r[v]; !ok {
				rest += c
			}
		}
		if rest != r[otherKey] {
			return fmt.Sprintf("%s: values past the %d listed: redtape %d, FTS5 %d", f, listed, r[otherKey], rest)
		}
	}
	return ""
}

// benchOptions are what the bench command takes.
type benchOptions struct {
	db, index, queries, redtapeBench string
	n                                int
}

// bench runs every class on FTS5, takes redtape's figures from its
// benchmark's output (the facets class, which the benchmark lacks, is
// timed here through the library), compares hit counts and prints it all.
func bench(ctx context.Context, w io.Writer, o benchOptions) error {
	qs, err := benchQueries(o.queries)
	if err != nil {
		return err
	}
	rtTimes := map[string]timing{}
	if o.redtapeBench != "" {
		f, err := os.Open(o.redtapeBench)
		if err != nil {
			return fmt.Errorf("redtape benchmark output: %w", err)
		}
		rtTimes, err = readBenchmark(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	translated := map[string]ftsQuery{}
	for _, class := range classes {
		for _, q := range qs[class] {
			if translated[q], err = translate(q); err != nil {
				return err
			}
		}
	}

	fts, facetLoad, err := openFTS(ctx, o.db)
	if err != nil {
		return err
	}
	defer fts.Close()
	fmt.Fprintf(w, "FTS5: reading the facet values of every record once: %.1f ms (load average %s)\n",
		float64(facetLoad.Microseconds())/1000, loadAvg())

	var rt *redtapeEngine
	if o.index != "" {
		ix, err := openIndex(o.index)
		if err != nil {
			return err
		}
		defer ix.Close()
		rt = &redtapeEngine{ix: ix}
		// Read the facet sets before timing, as the benchmark does.
		if _, err := rt.search(ctx, qs["facets"][0]); err != nil {
			return err
		}
	}

	ftsTimes := map[string]timing{}
	ftsLoad := map[string]string{}
	for _, class := range classes {
		list := qs[class]
		fns := []func(int) error{func(i int) error {
			_, err := fts.search(ctx, translated[list[i]], class != "facets")
			return err
		}}
		// BenchmarkSearch has no facets class: redtape's is timed here,
		// each query run on both engines in turn.
		if class == "facets" && rt != nil {
			fns = append(fns, func(i int) error {
				_, err := rt.search(ctx, list[i])
				return err
			})
		}
		before := loadAvg()
		ts, err := measure(o.n, len(list), fns...)
		if err != nil {
			return err
		}
		ftsTimes[class] = ts[0]
		if len(ts) > 1 {
			ts[1].runs = -ts[1].runs // timed here, not by BenchmarkSearch
			rtTimes[class] = ts[1]
		}
		ftsLoad[class] = before + " → " + loadAvg()
	}

	fmt.Fprintf(w, "\n%-9s %-18s %-18s %-16s %s\n", "class", "redtape p50/p95", "FTS5 p50/p95", "FTS5÷redtape", "CPU ms/query redtape, FTS5; load average while FTS5 ran")
	for _, class := range classes {
		r, ok := rtTimes[class]
		f := ftsTimes[class]
		rs, ratio, rcpu := "-", "-", "-"
		if ok {
			rs = fmt.Sprintf("%.1f / %.1f ms", r.p50, r.p95)
			ratio = fmt.Sprintf("%s / %s", times(f.p50, r.p50), times(f.p95, r.p95))
			rcpu = fmt.Sprintf("%.1f", r.cpu)
		}
		fmt.Fprintf(w, "%-9s %-18s %-18s %-16s %s, %.1f; %s\n", class, rs,
			fmt.Sprintf("%.1f / %.1f ms", f.p50, f.p95), ratio, rcpu, f.cpu, ftsLoad[class])
	}
	if r, ok := rtTimes["facets"]; ok && r.runs < 0 {
		fmt.Fprintln(w, "(facets: the two-word queries for their total and facet counts; redtape through index.Search, one hit, no snippets, timed here in turn with FTS5; the other redtape rows are BenchmarkSearch's)")
	}

	if rt == nil {
		return nil
	}
	fmt.Fprintf(w, "\nhit counts (load average %s)\n", loadAvg())
	fmt.Fprintf(w, "%-9s %-45s %9s %9s  %s\n", "class", "query", "redtape", "FTS5", "agree")
	agree, all := 0, 0
	for _, class := range classes {
		for _, q := range qs[class] {
			ra, err := rt.search(ctx, q)
			if err != nil {
				return err
			}
			fa, err := fts.search(ctx, translated[q], false)
			if err != nil {
				return err
			}
			verdict := "yes"
			if ra.total != fa.total {
				verdict = "NO"
			} else if class == "facets" {
				if d := facetDiff(ra.facets, fa.facets); d != "" {
					verdict = "NO, facets differ: " + d
				} else {
					verdict = "yes, and every facet count"
				}
			}
			all++
			if strings.HasPrefix(verdict, "yes") {
				agree++
			}
			fmt.Fprintf(w, "%-9s %-45s %9d %9d  %s\n", class, q, ra.total, fa.total, verdict)
		}
	}
	fmt.Fprintf(w, "agree on %d of %d (load average %s)\n", agree, all, loadAvg())
	return nil
}

// times writes how many times a is b.
func times(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f×", a/b)
}
