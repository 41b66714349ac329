package target

import (
	"time"

	"github.com/redtape-vn/redtape/analyzer/cost"
)

// Gap is how far a measured cut is from one preset's target for one unit.
type Gap struct {
	// Preset names the preset; Unit is what is cut.
	Preset string `json:"preset"`
	Unit   Unit   `json:"unit"`
	// Target is the percentage the preset asks for.
	Target cost.Amount `json:"target"`
	// Measured is false when the cut of Unit was not measured: Achieved
	// and Short are then zero and mean nothing.
	Measured bool `json:"measured"`
	// Achieved is the measured cut in percent.
	Achieved cost.Amount `json:"achieved"`
	// Short is Target − Achieved in percentage points, 0 once met.
	Short cost.Amount `json:"short"`
	// Met is true when Achieved reaches Target.
	Met bool `json:"met"`
}

// Gaps returns the gap to each preset's target for each of its units, in
// the order of presets and of [Units]. achieved holds the measured cut in
// percent per unit; a unit missing from it gives a Gap with Measured false,
// so that a report says the cut was not measured rather than leave the
// target out.
func Gaps(presets []Preset, achieved map[Unit]cost.Amount) []Gap {
	var out []Gap
	for _, p := range presets {
		for _, u := range Units() {
			want, ok := p.Percent[u]
			if !ok {
				continue
			}
			g := Gap{Preset: p.Name, Unit: u, Target: want}
			if a, ok := achieved[u]; ok {
				g.Measured, g.Achieved = true, a
				g.Met = a.Cmp(want) >= 0
				if !g.Met {
					g.Short = want.Sub(a)
				}
			}
			out = append(out, g)
		}
	}
	return out
}

// Shown returns the presets a report dated day sets its figures beside:
// the target asked for first (a plain percentage included), then every
// preset in force on day that is not the one asked for.
func Shown(asked Target, day time.Time) []Preset {
	out := []Preset{asked.Preset}
	for _, p := range InForce(day) {
		if asked.Custom || p.Name != asked.Name {
			out = append(out, p)
		}
	}
	return out
}
