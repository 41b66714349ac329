package reports

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The axis has round ticks, spans every value and the target, and goes
// below zero only for negative values.
func TestChartAxis(t *testing.T) {
	for _, tc := range []struct {
		name                string
		achieved, potential []float64
		target              float64
		lo, hi, step        float64
	}{
		{"small", []float64{0, 1}, []float64{2, 3}, 20, 0, 30, 5},
		{"up to 70", []float64{0, 33.3}, []float64{66.7, 50}, 20, 0, 80, 20},
		{"negative", []float64{0, -43.3}, []float64{8, -19.6}, 20, -60, 40, 20},
		{"full", []float64{100}, []float64{100}, 20, 0, 100, 20},
		{"far below", []float64{-900}, []float64{-241.5}, 20, -100, 50, 25},
		{"target 30", []float64{0}, []float64{12}, 30, 0, 50, 10},
	} {
		c := &barChart{target: tc.target, achieved: tc.achieved, potential: tc.potential, labels: make([]string, len(tc.achieved))}
		lo, hi, step := c.axis()
		if lo != tc.lo || hi != tc.hi || step != tc.step {
			t.Errorf("%s: axis %v..%v step %v, want %v..%v step %v", tc.name, lo, hi, step, tc.lo, tc.hi, tc.step)
		}
		if n := (hi - lo) / step; n > 6 || n != float64(int(n)) {
			t.Errorf("%s: %v ticks", tc.name, n)
		}
	}
}

var (
	rectRE  = regexp.MustCompile(`<rect x="([-0-9.]+)" y="(\d+)" width="([0-9.]+)" height="18" class="pot"/>`)
	valRE   = regexp.MustCompile(`<text x="([0-9.]+)" y="\d+" class="val">([^<]+)</text>`)
	tgtRE   = regexp.MustCompile(`<line x1="([0-9.]+)" y1="\d+" x2="[0-9.]+" y2="\d+" class="tgt"/>`)
	zeroRE  = regexp.MustCompile(`class="zero"`)
	tickRE  = regexp.MustCompile(`class="tick">([^<]+)<`)
	yAxisRE = regexp.MustCompile(`y-axis "%" (-?\d+) --> (\d+)`)
)

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A negative value is a bar to the left of the zero line in the SVG and
// within the Mermaid axis; value labels never sit across the target line.
func TestChartNegativeAndLabels(t *testing.T) {
	c := &barChart{title: "t", target: 20, nf: numbersFor(Vietnamese),
		labels: []string{"A", "B", "C"}, achieved: []float64{0, -43.3, 15}, potential: []float64{8, -19.6, 17}}
	svg := c.svg()
	if !zeroRE.MatchString(svg) {
		t.Error("no zero line on an axis below zero")
	}
	var ticks []string
	for _, m := range tickRE.FindAllStringSubmatch(svg, -1) {
		ticks = append(ticks, m[1])
	}
	if got := strings.Join(ticks, " "); got != "−60 % −40 % −20 % 0 % 20 % 40 %" {
		t.Errorf("ticks %s", got)
	}
	rects := rectRE.FindAllStringSubmatch(svg, -1)
	if len(rects) != 3 {
		t.Fatalf("%d bars", len(rects))
	}
	tx := num(t, tgtRE.FindStringSubmatch(svg)[1])
	zeroX := num(t, rects[0][1]) // A's bar starts at zero
	if bx, bw := num(t, rects[1][1]), num(t, rects[1][3]); bx >= zeroX || bx+bw > zeroX+0.1 || bw < 50 {
		t.Errorf("negative bar at x=%v width %v, zero at %v", bx, bw, zeroX)
	}
	for _, m := range valRE.FindAllStringSubmatch(svg, -1) {
		x, w := num(t, m[1]), textWidth(m[2])
		if x < tx && tx < x+w {
			t.Errorf("label %q spans %v..%v across the target line at %v", m[2], x, x+w, tx)
		}
	}
	md := c.mermaid()
	m := yAxisRE.FindStringSubmatch(md)
	if m == nil || num(t, m[1]) > -43.3 || num(t, m[2]) < 20 {
		t.Errorf("Mermaid axis does not hold the values: %s", md)
	}
}

// TestChartLabelsEscapeControls: a name holding a terminal escape or a
// bidi control (a hostile record's ministry) reaches neither chart raw;
// it is written as a Go escape, as in the report's tables.
func TestChartLabelsEscapeControls(t *testing.T) {
	c := &barChart{title: "t\u202e", target: 20, nf: numbersFor(Vietnamese),
		labels: []string{"Bộ \x1b[31mĐỏ", "Bộ \u202eX\a"}, achieved: []float64{1, 2}, potential: []float64{3, 4}}
	for name, out := range map[string]string{"mermaid": c.mermaid(), "svg": c.svg()} {
		if i := strings.IndexFunc(out, func(r rune) bool { return r == 0x1b || r == '\a' || r == 0x202e }); i >= 0 {
			t.Errorf("%s holds a raw control at %d: %q", name, i, out[max(0, i-20):min(len(out), i+20)])
		}
		if !strings.Contains(out, `\x1b[31m`) || !strings.Contains(out, `\u202e`) {
			t.Errorf("%s does not show the escapes: %q", name, out)
		}
	}
}
