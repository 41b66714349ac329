package target

import (
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/cost"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		name     string
		custom   bool
		headline string
		percent  map[Unit]string
	}{
		{"", "nq68", false, "20", map[Unit]string{Regulations: "20", Cost: "20"}},
		{"nq68", "nq68", false, "20", map[Unit]string{Regulations: "20", Cost: "20"}},
		{" NQ66-2025 ", "nq66-2025", false, "30", map[Unit]string{Conditions: "30", Cost: "30", Time: "30"}},
		{"nq66-2026", "nq66-2026", false, "50", map[Unit]string{Conditions: "100", Cost: "50", Time: "50"}},
		{"20", "20%", true, "20", map[Unit]string{Regulations: "20", Conditions: "20", Cost: "20", Time: "20"}},
		{"20%", "20%", true, "20", nil},
		{" 12.5 % ", "12.5%", true, "25/2", nil},
		{"100", "100%", true, "100", nil},
		{"0.01", "0.01%", true, "1/100", nil},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got.Name != tt.name || got.Custom != tt.custom || got.Headline().Exact() != tt.headline {
			t.Errorf("Parse(%q) = %s custom=%v headline %s, want %s %v %s", tt.in, got.Name, got.Custom, got.Headline().Exact(), tt.name, tt.custom, tt.headline)
		}
		if tt.percent != nil {
			if len(got.Percent) != len(tt.percent) {
				t.Errorf("Parse(%q): %d units, want %d", tt.in, len(got.Percent), len(tt.percent))
			}
			for u, want := range tt.percent {
				if v, ok := got.PercentOf(u); !ok || v.Exact() != want {
					t.Errorf("Parse(%q).PercentOf(%s) = %s %v, want %s", tt.in, u, v.Exact(), ok, want)
				}
			}
		}
		if !tt.custom && got.Citation == "" {
			t.Errorf("Parse(%q): preset cites nothing", tt.in)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"0", "0%", "-5", "100.01", "101", "abc", "nq66", "20%%", "1e1", "5/7", "0x14", ".5", "5.", "1,5", "20 %x", "Inf", "NaN",
		"4p7040000", "1e1000000", strings.Repeat("9", 70)} {
		got, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", in, got.Name)
			continue
		}
		if !strings.Contains(err.Error(), "nq68, nq66-2025, nq66-2026") {
			t.Errorf("Parse(%q): error %q does not list the presets", in, err)
		}
	}
}

func TestPresetsValid(t *testing.T) {
	ps := Presets()
	if len(ps) != 3 {
		t.Fatalf("%d presets, want 3", len(ps))
	}
	for _, p := range ps {
		if p.Citation == "" || p.BaselineYear == 0 || p.From.IsZero() || p.Until.Before(p.From) || len(p.Percent) == 0 {
			t.Errorf("preset %s incomplete: %+v", p.Name, p)
		}
	}
	if d := Default(); d.Name != "nq68" {
		t.Errorf("default %s, want nq68", d.Name)
	}
	if _, ok := Lookup("NQ66-2026"); !ok {
		t.Error("Lookup ignores case: want nq66-2026 found")
	}
}

func TestInForce(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		day  time.Time
		want string
	}{
		{day("2019-12-31"), ""},
		{day("2020-05-12"), "nq68"},
		{day("2025-03-25"), "nq68"},
		{day("2025-03-26"), "nq68 nq66-2025"},
		{day("2025-12-31").Add(23 * time.Hour), "nq68 nq66-2025"},
		{time.Date(2026, 1, 1, 0, 30, 0, 0, time.FixedZone("ICT", 7*3600)), "nq66-2026"},
		{day("2026-12-06"), "nq66-2026"},
		{day("2027-01-01"), ""},
	}
	for _, tt := range tests {
		var names []string
		for _, p := range InForce(tt.day) {
			names = append(names, p.Name)
		}
		if got := strings.Join(names, " "); got != tt.want {
			t.Errorf("InForce(%s) = %q, want %q", tt.day, got, tt.want)
		}
	}
}

func TestGap(t *testing.T) {
	p, _ := Lookup("nq66-2026")
	if g, ok := p.Gap(Cost, cost.Int(29)); !ok || g.Exact() != "21" {
		t.Errorf("gap to 50%% cost at 29%% = %s %v, want 21", g.Exact(), ok)
	}
	if _, ok := p.Gap(Regulations, cost.Int(29)); ok {
		t.Error("nq66-2026 sets no regulations target, want no gap")
	}
}

// TestLoadRejects: the preset file is validated at load.
func TestLoadRejects(t *testing.T) {
	good := string(presetsYAML)
	for name, data := range map[string]string{
		"schema":        strings.Replace(good, "schema: redtape.targets/v1", "schema: v0", 1),
		"default":       strings.Replace(good, "default: nq68", "default: nq99", 1),
		"percent range": strings.Replace(good, "regulations: 20", "regulations: 120", 1),
		"unit":          strings.Replace(good, "regulations: 20", "rules: 20", 1),
		"dates":         strings.Replace(good, `until: "2025-12-31"`, `until: "2019-12-31"`, 1),
		"citation":      strings.Replace(good, "    citation: \"Resolution 68", "    citation_old: \"Resolution 68", 1),
		"duplicate":     strings.Replace(good, "name: nq66-2025", "name: nq68", 1),
	} {
		if _, _, err := load([]byte(data)); err == nil {
			t.Errorf("%s: load accepted a broken file", name)
		}
	}
}

// FuzzParse: Parse never panics, and what it accepts is a preset or a
// percentage above 0 and at most 100 that reads back the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"nq68", "nq66-2025", "20", "20%", "12.5", "0", "101", "1e1000000", "4p7040000", " 7 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		if err != nil {
			return
		}
		if !got.Custom {
			if _, ok := Lookup(got.Name); !ok {
				t.Fatalf("%q: preset %s not listed", s, got.Name)
			}
			return
		}
		h := got.Headline()
		if h.Sign() <= 0 || h.Cmp(cost.Int(100)) > 0 {
			t.Fatalf("%q: percentage %s out of range", s, h.Exact())
		}
		again, err := Parse(got.Name)
		if err != nil || again.Headline().Cmp(h) != 0 {
			t.Fatalf("%q: name %s reads back as %v (%v)", s, got.Name, again.Headline(), err)
		}
	})
}

// TestPresetsAreCopies: changing what Presets returns changes nothing else.
func TestPresetsAreCopies(t *testing.T) {
	ps := Presets()
	ps[0].Percent[Cost] = cost.Int(99)
	ps[0].Name = "x"
	if p := Presets()[0]; p.Name != "nq68" || p.Percent[Cost].Exact() != "20" {
		t.Errorf("presets changed through a copy: %s %s", p.Name, p.Percent[Cost].Exact())
	}
}

func TestGapsAndShown(t *testing.T) {
	day := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	var names []string
	for _, p := range Shown(Default(), day) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "nq68 nq66-2026" {
		t.Errorf("shown on %s: %s, want nq68 nq66-2026", day.Format(time.DateOnly), got)
	}
	asked, _ := Parse("nq66-2026")
	if got := len(Shown(asked, day)); got != 1 {
		t.Errorf("nq66-2026 asked and in force: shown %d times, want once", got)
	}
	gaps := Gaps(Shown(Default(), day), map[Unit]cost.Amount{Regulations: cost.Int(25), Cost: cost.Int(29)})
	var rows []string
	for _, g := range gaps {
		rows = append(rows, string(g.Unit)+":"+g.Target.Exact()+":"+g.Short.Exact()+":"+map[bool]string{true: "met", false: "-"}[g.Met]+":"+map[bool]string{true: "m", false: "unmeasured"}[g.Measured])
	}
	want := "regulations:20:0:met:m cost:20:0:met:m conditions:100:0:-:unmeasured cost:50:21:-:m time:50:0:-:unmeasured"
	if got := strings.Join(rows, " "); got != want {
		t.Errorf("gaps\n got %s\nwant %s", got, want)
	}
}
