package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/reports/estimate"
	"github.com/redtape-vn/redtape/reports/golden"
)

var estimateFixtures = filepath.Join("..", "..", "testdata", "estimate")

// estimateEnv returns an env writing to buffers, its clock fixed.
func estimateEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.now = func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }
	return e, &out, &errb
}

func pairArgs(extra ...string) []string {
	args := []string{"redtape", "estimate",
		"--baseline", filepath.Join(estimateFixtures, "baseline.jsonl"),
		"--current", filepath.Join(estimateFixtures, "current.jsonl"),
		"--params", filepath.Join(estimateFixtures, "params.yaml")}
	return append(args, extra...)
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenFile(t, filepath.Join(estimateFixtures, "golden", name), got)
}

// goldenFile compares got with the golden file at path, or rewrites the
// file under -update. Any command's test can use it.
func goldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.File(t, path, got)
}

func TestEstimateGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"pair.txt", pairArgs("--top", "3", "--lang", "en")},
		{"pair.vi.txt", pairArgs("--top", "3")},
		{"pair.json", pairArgs("--format", "json", "--target", "30%")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, out, errb := estimateEnv()
			if code := run(context.Background(), tc.args, e); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb)
			}
			checkGolden(t, tc.name, out.Bytes())
		})
	}
}

// TestEstimateJSON checks the hand-worked figures (see
// analyzer/compare.TestHandWorked) as the JSON contract carries them.
func TestEstimateJSON(t *testing.T) {
	e, out, errb := estimateEnv()
	if code := run(context.Background(), pairArgs("--format", "json", "--target", "40"), e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var rep struct {
		Schema      string           `json:"schema"`
		Target      json.Number      `json:"target"`
		HourlyValue json.Number      `json:"hourly_value"`
		Demo        bool             `json:"demo"`
		Parameters  []estimate.Param `json:"parameters"`
		Scenarios   []struct {
			Name        string `json:"name"`
			Regulations struct {
				Percent json.Number `json:"percent"`
				Gap     json.Number `json:"gap"`
			} `json:"regulations"`
			Conditions struct {
				Cut int         `json:"cut"`
				Gap json.Number `json:"gap"`
			} `json:"conditions"`
			Cost struct {
				Before        json.Number `json:"before"`
				After         json.Number `json:"after"`
				Saving        json.Number `json:"saving"`
				Percent       json.Number `json:"percent"`
				Gap           json.Number `json:"gap"`
				AssumedBefore json.Number `json:"assumed_percent_before"`
			} `json:"cost"`
			TopCuts []struct {
				ID     string      `json:"id"`
				Saving json.Number `json:"saving"`
			} `json:"top_cuts"`
			Ministries []struct {
				Name    string `json:"name"`
				TopCuts []struct {
					ID string `json:"id"`
				} `json:"top_cuts"`
			} `json:"ministries"`
		} `json:"scenarios"`
	}
	dec := json.NewDecoder(out)
	dec.UseNumber()
	if err := dec.Decode(&rep); err != nil {
		t.Fatal(err)
	}
	if rep.Schema != "redtape.estimate/v1" || rep.Target != "40" || rep.HourlyValue != "10000" || rep.Demo {
		t.Errorf("header = %q %s %s %v", rep.Schema, rep.Target, rep.HourlyValue, rep.Demo)
	}
	if len(rep.Scenarios) != 2 {
		t.Fatalf("%d scenarios", len(rep.Scenarios))
	}
	s := rep.Scenarios[0]
	if s.Name != "current" || s.Regulations.Percent != "42.86" || s.Regulations.Gap != "0" || s.Conditions.Cut != 1 || s.Conditions.Gap != "6.67" {
		t.Errorf("current regulations = %+v, conditions = %+v", s.Regulations, s.Conditions)
	}
	c := s.Cost
	if c.Before != "1802750000" || c.After != "1227750000" || c.Saving != "575000000" || c.Percent != "31.9" || c.Gap != "8.1" || c.AssumedBefore != "43.97" {
		t.Errorf("current cost = %+v", c)
	}
	if len(s.TopCuts) != 2 || s.TopCuts[0].ID != "T.001" || s.TopCuts[0].Saving != "535000000" {
		t.Errorf("top cuts = %+v", s.TopCuts)
	}
	if len(s.Ministries) != 2 || s.Ministries[0].Name != "Bộ Tài chính" || len(s.Ministries[0].TopCuts) != 2 || len(s.Ministries[1].TopCuts) != 0 {
		t.Errorf("ministries = %+v", s.Ministries)
	}
	// The business registration certificate is held in the national
	// business registration database: flags applied removes at least it.
	f := rep.Scenarios[1]
	fAfter, _ := cost.ParseAmount(f.Cost.After.String())
	cAfter, _ := cost.ParseAmount(c.After.String())
	if f.Name != "flags_applied" || fAfter.Cmp(cAfter) >= 0 {
		t.Errorf("flags applied after = %s, want below %s", f.Cost.After, c.After)
	}
	// The parameters say where each figure came from.
	origins := map[string]string{}
	for _, p := range rep.Parameters {
		origins[p.Name] = p.Origin
	}
	if o := origins["time_value.monthly_income"]; !strings.HasSuffix(o, "params.yaml") {
		t.Errorf("monthly income origin = %q", o)
	}
	if len(rep.Parameters) == 0 {
		t.Error("no parameters listed")
	}
}

func TestEstimateDemo(t *testing.T) {
	e, out, errb := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "estimate", "--format", "json"}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var rep estimate.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if !rep.Demo || len(rep.Scenarios) != 1 || rep.Scenarios[0].Name != "flags_applied" {
		t.Errorf("demo = %v, scenarios = %d", rep.Demo, len(rep.Scenarios))
	}
	if !rep.Baseline.BuiltIn || !rep.Current.BuiltIn {
		t.Errorf("built_in = %v, %v; want both true", rep.Baseline.BuiltIn, rep.Current.BuiltIn)
	}
	if rep.Scenarios[0].Procedures.Baseline == 0 {
		t.Error("demo corpus is empty")
	}
	// Removing flagged papers never raises the cost.
	if rep.Scenarios[0].Cost.Saving.Sign() < 0 {
		t.Errorf("flags applied raised the cost: %s", rep.Scenarios[0].Cost.Saving)
	}
	// The first line says the demo corpus is compared with itself, in
	// either language.
	for _, tc := range []struct{ lang, prefix, says string }{
		{"en", "DEMO:", "demo corpus is compared with itself"},
		{"vi", "BẢN MẪU:", "được so sánh với chính nó"},
	} {
		e, out, _ = estimateEnv()
		if code := run(context.Background(), []string{"redtape", "estimate", "--lang", tc.lang}, e); code != exitOK {
			t.Fatalf("text exit %d", code)
		}
		first, _, _ := strings.Cut(out.String(), "\n")
		if !strings.HasPrefix(first, tc.prefix) || !strings.Contains(first, tc.says) {
			t.Errorf("%s: first line does not say the demo corpus is compared with itself: %q", tc.lang, first)
		}
	}
	// Real inputs are not called built-in.
	e, out, errb = estimateEnv()
	if code := run(context.Background(), pairArgs("--format", "json"), e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	rep = estimate.Report{}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Demo || rep.Baseline.BuiltIn || rep.Current.BuiltIn {
		t.Errorf("given inputs reported as built-in: demo %v, %v, %v", rep.Demo, rep.Baseline.BuiltIn, rep.Current.BuiltIn)
	}
	for _, lang := range []string{"en", "vi"} {
		e, out, _ = estimateEnv()
		if code := run(context.Background(), pairArgs("--lang", lang), e); code != exitOK {
			t.Fatalf("text exit %d", code)
		}
		for _, demo := range []string{"DEMO", "built-in demo", "BẢN MẪU", "thủ tục mẫu"} {
			if strings.Contains(out.String(), demo) {
				t.Errorf("%s: text output of given inputs mentions the demo (%q):\n%s", lang, demo, out)
			}
		}
	}
}

// Every amount of the JSON has its exact value beside it, which the
// rounded number agrees with, and exact values add up without loss.
func TestEstimateExact(t *testing.T) {
	e, out, errb := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "estimate", "--format", "json"}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	dec := json.NewDecoder(out)
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	// The keys each object's exact values must cover.
	want := map[string][]string{
		"report":    {"hourly_value", "target"},
		"count":     {"abolished_percent", "gap", "net_percent", "percent", "simplified_percent"},
		"cost":      {"after", "after_assumed", "assumed_percent_after", "assumed_percent_before", "baseline_percent", "baseline_saving", "before", "before_assumed", "gap", "new_cost", "percent", "saving"},
		"cut":       {"after", "before", "saving"},
		"parameter": {"value"},
	}
	kind := func(obj map[string]any) string {
		switch {
		case obj["schema"] != nil:
			return "report"
		case obj["cut_means"] != nil:
			return "count"
		case obj["new_cost"] != nil:
			return "cost"
		case obj["status"] != nil && obj["papers_removed"] != nil:
			return "cut"
		case obj["origin"] != nil:
			return "parameter"
		}
		return ""
	}
	seen := map[string]int{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			if k := kind(v); k != "" {
				seen[k]++
				exact, _ := v["exact"].(map[string]any)
				var keys []string
				for key, x := range exact {
					keys = append(keys, key)
					a, err := cost.ParseAmount(x.(string))
					num, ok := v[key].(json.Number)
					if err != nil || !ok || a.Decimal(2) != num.String() {
						t.Errorf("%s %s: exact %v does not round to %v", k, key, x, v[key])
					}
				}
				slices.Sort(keys)
				if !slices.Equal(keys, want[k]) {
					t.Errorf("%s: exact values for %v, want %v", k, keys, want[k])
				}
			}
			for key, x := range v {
				if key != "exact" {
					walk(x)
				}
			}
		}
	}
	walk(doc)
	for k := range want {
		if seen[k] == 0 {
			t.Errorf("no %s object met", k)
		}
	}
	// 5,400,000 / 22 / 8 exactly; the rounded number is 30681.82.
	if ex := doc["exact"].(map[string]any)["hourly_value"]; ex != "337500/11" || doc["hourly_value"].(json.Number) != "30681.82" {
		t.Errorf("hourly value %v, exact %v", doc["hourly_value"], ex)
	}
	// before − after = saving, exactly.
	c := doc["scenarios"].([]any)[0].(map[string]any)["cost"].(map[string]any)["exact"].(map[string]any)
	amount := func(key string) cost.Amount {
		a, err := cost.ParseAmount(c[key].(string))
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		return a
	}
	if got := amount("before").Sub(amount("after")); got.Cmp(amount("saving")) != 0 {
		t.Errorf("before − after = %s, saving %s", got.Exact(), c["saving"])
	}
}

func TestEstimateErrors(t *testing.T) {
	dir := t.TempDir()
	badParams := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badParams, []byte("online_share: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(estimateFixtures, "baseline.jsonl")
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"format", []string{"--format", "xml"}, exitUsage, "--format"},
		{"lang", []string{"--lang", "fr"}, exitUsage, `language "fr" is not vi or en`},
		{"lang with json", []string{"--lang", "de", "--format", "json"}, exitUsage, "not vi or en"},
		{"target zero", []string{"--target", "0"}, exitUsage, "--target"},
		{"target text", []string{"--target", "twenty"}, exitUsage, "--target"},
		{"target above 100", []string{"--target", "120"}, exitUsage, "--target"},
		{"top", []string{"--top", "-1"}, exitUsage, "--top"},
		{"baseline only", []string{"--baseline", base}, exitUsage, "both --baseline and --current"},
		{"bad params", []string{"--params", badParams}, exitUsage, "online_share"},
		{"missing params", []string{"--params", filepath.Join(dir, "none.yaml")}, exitUsage, "--params"},
		{"missing input", []string{"--baseline", base, "--current", filepath.Join(dir, "none.jsonl")}, exitUsage, "none.jsonl"},
		{"arguments", []string{base}, exitUsage, "no arguments"},
		{"as-of", []string{"--as-of", "23/11/2026"}, exitUsage, "--as-of"},
		{"catalog", []string{"--catalog", filepath.Join(dir, "none.yaml")}, exitUsage, "--catalog"},
		{"ministries missing", []string{"--ministries", filepath.Join(dir, "none.yaml")}, exitUsage, "--ministries"},
		{"ministries invalid", []string{"--ministries", badParams}, exitUsage, "--ministries"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, _, errb := estimateEnv()
			code := run(context.Background(), append([]string{"redtape", "estimate"}, tc.args...), e)
			if code != tc.code || !strings.Contains(errb.String(), tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errb, tc.code, tc.msg)
			}
		})
	}
}

// A record that cannot be read is reported, the rest estimated, exit 3.
func TestEstimateInputFailed(t *testing.T) {
	dir := t.TempDir()
	cur, err := os.ReadFile(filepath.Join(estimateFixtures, "current.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "current.jsonl")
	if err := os.WriteFile(broken, append(cur, []byte("{not json\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	e, out, errb := estimateEnv()
	args := []string{"redtape", "estimate", "--baseline", filepath.Join(estimateFixtures, "baseline.jsonl"), "--current", broken}
	if code := run(context.Background(), args, e); code != exitInputFailed {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitInputFailed, errb)
	}
	if !strings.Contains(out.String(), "(4 thủ tục)") || !strings.Contains(errb.String(), "record 5") {
		t.Errorf("output:\n%s\nstderr:\n%s", out, errb)
	}
}

// --lang changes the words and the numbers of the text output, never the
// JSON: the same bytes in either language and without the flag.
func TestEstimateLang(t *testing.T) {
	outputs := map[string]string{}
	for _, args := range [][]string{
		{"--format", "json"}, {"--format", "json", "--lang", "en"}, {"--format", "json", "--lang", "vi"},
		{}, {"--lang", "vi"}, {"--lang", "EN"},
	} {
		e, out, errb := estimateEnv()
		if code := run(context.Background(), pairArgs(args...), e); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		outputs[strings.Join(args, " ")] = out.String()
	}
	js := outputs["--format json"]
	if outputs["--format json --lang en"] != js || outputs["--format json --lang vi"] != js {
		t.Error("the JSON output changes with --lang")
	}
	vi, en := outputs["--lang vi"], outputs["--lang EN"]
	if outputs[""] != vi {
		t.Error("the text output without --lang is not the Vietnamese one")
	}
	for _, want := range []string{"Kỳ gốc:", "Chi phí tuân thủ (đồng/năm): trước 1.802.750.000", "= cắt giảm 31,90 % (đạt)", "điểm phần trăm", "23/11/2026"} {
		if !strings.Contains(vi, want) {
			t.Errorf("the Vietnamese text lacks %q", want)
		}
	}
	for _, want := range []string{"Baseline:", "Compliance cost (VND/yr): before 1,802,750,000", "= 31.90% cut (met)", "2026-11-23"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English text lacks %q", want)
		}
	}
	for _, english := range []string{"Baseline", "Compliance cost", "procedures", "points short", "1,802,750,000", "31.90%"} {
		if strings.Contains(vi, english) {
			t.Errorf("the Vietnamese text holds %q", english)
		}
	}
}
