package reports

import (
	"fmt"
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

// top returns the upper end of the percentage axis: a multiple of 10 above
// every value and half again the target, at most 100.
func (c *barChart) top() float64 {
	m := c.target * 1.5
	for i := range c.labels {
		m = math.Max(m, math.Max(c.achieved[i], c.potential[i]))
	}
	t := math.Ceil(m/10) * 10
	if t < 10 {
		t = 10
	}
	return math.Min(t, 100)
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
	fmt.Fprintf(&b, "    y-axis \"%%\" 0 --> %s\n", plain1(c.top()))
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
// reads itself (# ;) are replaced or dropped.
func mermaidQuote(s string) string {
	s = strings.NewReplacer("\"", "'", "\n", " ", "\r", " ", "`", "'", "#", "", ";", ",",
		"<", "‹", ">", "›", "&", "＆").Replace(s)
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

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Chart geometry, in SVG user units.
const (
	svgWidth  = 760
	svgLabelW = 250
	svgBarW   = 400
	svgRowH   = 26
	svgTop    = 40
)

// svg writes the chart as inline SVG, the same figure as the Mermaid block.
func (c *barChart) svg() string {
	top := c.top()
	n := len(c.labels)
	height := svgTop + n*svgRowH + 56
	x0 := float64(svgLabelW)
	scale := func(v float64) float64 { return math.Max(0, math.Min(v, top)) / top * svgBarW }
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s">`,
		svgWidth, height, html.EscapeString(c.title))
	fmt.Fprintf(&b, `<text x="0" y="18" class="ct">%s</text>`, html.EscapeString(c.title))
	bottom := svgTop + n*svgRowH
	for _, f := range []float64{0, 0.25, 0.5, 0.75, 1} {
		x := x0 + f*svgBarW
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="grid"/>`, x, svgTop-6, x, bottom)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="tick">%s</text>`, x, bottom+14, html.EscapeString(c.nf.Target(f*top)))
	}
	for i, l := range c.labels {
		y := svgTop + i*svgRowH
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="lab">%s</text>`, x0-8, y+15, html.EscapeString(shorten(l, 38)))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="18" class="pot"/>`, x0, y+2, scale(c.potential[i]))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="10" class="ach"/>`, x0, y+6, scale(c.achieved[i]))
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="val">%s</text>`, x0+scale(c.potential[i])+6, y+15,
			html.EscapeString(c.nf.Pct(c.achieved[i])+" → "+c.nf.Pct(c.potential[i])))
	}
	tx := x0 + scale(c.target)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="tgt"/>`, tx, svgTop-6, tx, bottom)
	// Legend under the axis, items placed by an estimate of their width
	// (about 6.5 units a letter at 11px).
	ly := bottom + 36
	lx := 0.0
	next := func(text string) float64 {
		x := lx
		lx += 18 + float64(utf8.RuneCountInString(text))*6.5 + 24
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
