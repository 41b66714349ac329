package reports

import (
	"fmt"
	"github.com/redtape-vn/redtape/internal/textfmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// barChart is progress by group: for each label, the cut achieved and the
// cut with flags applied, in percent, against a target line.
type barChart struct {
	title     string
	labels    []string
	achieved  []float64
	potential []float64
	target    float64
	// legend texts: achieved, potential, target.
	legendAchieved, legendPotential, legendTarget string
	nf                                            numbers
}

// axis returns the ends of the percentage axis and the step between its
// ticks: round numbers (a step of 5, 10, 20, 25, 50 or 100, at most 6 of
// them) spanning every value, half again the target, and zero. The top is
// at most 100; the bottom is below zero only when a value is (a cut that
// made things costlier), and at most −100: a bar below that is drawn to
// the edge and its label gives the figure.
func (c *barChart) axis() (lo, hi, step float64) {
	mx, mn := c.target*1.5, 0.0
	for i := range c.labels {
		mx = math.Max(mx, math.Max(c.achieved[i], c.potential[i]))
		mn = math.Min(mn, math.Min(c.achieved[i], c.potential[i]))
	}
	mx, mn = math.Min(mx, 100), math.Max(mn, -100)
	for _, step = range []float64{5, 10, 20, 25, 50, 100} {
		lo, hi = math.Floor(mn/step)*step, math.Ceil(mx/step)*step
		if hi == lo {
			hi = lo + step
		}
		if (hi-lo)/step <= 6 {
			break
		}
	}
	return lo, hi, step
}

// mermaid writes the chart as a Mermaid xychart (rendered by GitHub, GitLab
// and most Markdown viewers): the flags-applied bar drawn first, the
// achieved bar over it, the target as a line.
func (c *barChart) mermaid() string {
	var b strings.Builder
	b.WriteString("```mermaid\nxychart-beta horizontal\n")
	fmt.Fprintf(&b, "    title %s\n", mermaidQuote(c.title))
	b.WriteString("    x-axis [")
	for i, l := range c.labels {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(mermaidQuote(shorten(l, 40)))
	}
	b.WriteString("]\n")
	lo, hi, _ := c.axis()
	fmt.Fprintf(&b, "    y-axis \"%%\" %s --> %s\n", plain1(lo), plain1(hi))
	b.WriteString("    bar " + series(c.potential) + "\n")
	b.WriteString("    bar " + series(c.achieved) + "\n")
	t := make([]float64, len(c.labels))
	for i := range t {
		t[i] = c.target
	}
	b.WriteString("    line " + series(t) + "\n```")
	return b.String()
}

// mermaidQuote quotes a label for Mermaid. Mermaid draws labels as HTML,
// so the characters that make markup or entities (< > &) are replaced by
// look-alikes that stay text; quotes, backticks and the characters Mermaid
// reads itself (# ;) are replaced or dropped; control and bidi characters
// are escaped (textfmt.Printable).
func mermaidQuote(s string) string {
	s = strings.NewReplacer("\"", "'", "\n", " ", "\r", " ", "`", "'", "#", "", ";", ",",
		"<", "‹", ">", "›", "&", "＆").Replace(textfmt.Printable(s))
	return "\"" + s + "\""
}

func series(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = plain1(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// plain1 prints v with at most one decimal and a dot, for chart syntax.
func plain1(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// shorten returns a chart label: s with its control and bidi characters
// escaped (textfmt.Printable), clipped to n characters.
func shorten(s string, n int) string { return textfmt.Clip(textfmt.Printable(s), n) }

// Chart geometry, in SVG user units.
const (
	svgWidth  = 760
	svgLabelW = 250
	svgBarW   = 400
	svgRowH   = 26
	svgTop    = 40
)

// svg writes the chart as inline SVG, the same figure as the Mermaid block.
// Bars grow from the zero line, to the left for a negative value; the
// value label follows the longer bar and, where it would cross the target
// line, is moved past it.
func (c *barChart) svg() string {
	lo, hi, step := c.axis()
	n := len(c.labels)
	height := svgTop + n*svgRowH + 56
	x0 := float64(svgLabelW)
	pos := func(v float64) float64 { return x0 + (math.Max(lo, math.Min(v, hi))-lo)/(hi-lo)*svgBarW }
	zero := pos(0)
	span := func(v float64) (x, w float64) {
		p := pos(v)
		return math.Min(zero, p), math.Abs(p - zero)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s">`,
		svgWidth, height, html.EscapeString(textfmt.Printable(c.title)))
	fmt.Fprintf(&b, `<text x="0" y="18" class="ct">%s</text>`, html.EscapeString(textfmt.Printable(c.title)))
	bottom := svgTop + n*svgRowH
	for v := lo; v <= hi+step/2; v += step {
		x := pos(v)
		class := "grid"
		if v == 0 && lo < 0 {
			class = "zero"
		}
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="%s"/>`, x, svgTop-6, x, bottom, class)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="tick">%s</text>`, x, bottom+14, html.EscapeString(c.nf.Target(v)))
	}
	tx := pos(c.target)
	var labels strings.Builder // drawn after the target line, over it
	for i, l := range c.labels {
		y := svgTop + i*svgRowH
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="lab">%s</text>`, x0-8, y+15, html.EscapeString(shorten(l, 38)))
		px, pw := span(c.potential[i])
		ax, aw := span(c.achieved[i])
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="18" class="pot"/>`, px, y+2, pw)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="10" class="ach"/>`, ax, y+6, aw)
		label := c.nf.Pct(c.achieved[i]) + " → " + c.nf.Pct(c.potential[i])
		lx := math.Max(zero, math.Max(px+pw, ax+aw)) + 6
		if w := textWidth(label); lx-3 < tx && tx < lx+w+3 {
			lx = tx + 6
		}
		fmt.Fprintf(&labels, `<text x="%.1f" y="%d" class="val">%s</text>`, lx, y+15, html.EscapeString(label))
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="tgt"/>`, tx, svgTop-6, tx, bottom)
	b.WriteString(labels.String())
	// Legend under the axis, items placed by an estimate of their width.
	ly := bottom + 36
	lx := 0.0
	next := func(text string) float64 {
		x := lx
		lx += 18 + textWidth(text) + 24
		return x
	}
	x := next(c.legendPotential)
	fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="14" height="12" class="pot"/><text x="%.1f" y="%d" class="leg">%s</text>`,
		x, ly-10, x+18, ly, html.EscapeString(c.legendPotential))
	x = next(c.legendAchieved)
	fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="14" height="8" class="ach"/><text x="%.1f" y="%d" class="leg">%s</text>`,
		x, ly-8, x+18, ly, html.EscapeString(c.legendAchieved))
	x = next(c.legendTarget)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="tgt"/><text x="%.1f" y="%d" class="leg">%s</text>`,
		x+7, ly-12, x+7, ly+2, x+18, ly, html.EscapeString(c.legendTarget))
	b.WriteString(`</svg></figure>`)
	return b.String()
}

// textWidth estimates the width of 11px chart text: about 6.5 units a letter.
func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * 6.5 }

// bar draws progress as text for the Markdown headline: █ achieved,
// ▒ added by the flags, ░ the rest, │ the target; width cells for 0–100 %.
func bar(achieved, potential, target float64, width int) string {
	cell := func(v float64) int {
		n := int(math.Round(math.Max(0, math.Min(v, 100)) / 100 * float64(width)))
		return n
	}
	a, p, t := cell(achieved), cell(potential), cell(target)
	if p < a {
		p = a
	}
	var b strings.Builder
	for i := 0; i < width; i++ {
		if i == t {
			b.WriteString("│")
		}
		switch {
		case i < a:
			b.WriteString("█")
		case i < p:
			b.WriteString("▒")
		default:
			b.WriteString("░")
		}
	}
	if t >= width {
		b.WriteString("│")
	}
	return b.String()
}
