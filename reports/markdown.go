package reports

import (
	"github.com/redtape-vn/redtape/internal/textfmt"
	"strings"
	"unicode"
)

// A document is a list of blocks, written as Markdown by [WriteMarkdown]
// and as HTML by [WriteHTML]. Blocks that Markdown cannot express in a way
// gomarkdown renders (collapsed sections, charts) are their own kinds, so
// each output renders them natively.
type block interface{ isBlock() }

// mdBlock is Markdown text: one or more paragraphs, tables, lists.
type mdBlock struct{ text string }

// headingBlock is a section heading with its anchor.
type headingBlock struct {
	level int
	text  string // Markdown inline text, already escaped
	plain string // the text as given
	id    string // anchor
}

// detailsBlock is a collapsed part: a summary line and the blocks it hides.
type detailsBlock struct {
	summary string // plain text, not escaped
	body    []block
}

// chartBlock is a bar chart: a Mermaid block in Markdown, inline SVG in HTML.
type chartBlock struct{ c *barChart }

func (mdBlock) isBlock()      {}
func (headingBlock) isBlock() {}
func (detailsBlock) isBlock() {}
func (chartBlock) isBlock()   {}

// doc builds a document.
type doc struct {
	blocks []block
	ids    map[string]int
	toc    []headingBlock
}

func newDoc() *doc { return &doc{ids: map[string]int{}} }

// heading adds a heading whose anchor is made from its text the way common
// Markdown viewers (GitHub, GitLab, VS Code) make it, so links from the
// table of contents work in Markdown and HTML alike.
func (d *doc) heading(level int, plain string) headingBlock {
	id := slug(plain)
	if id == "" {
		id = "section"
	}
	if n, ok := d.ids[id]; ok {
		d.ids[id] = n + 1
		id = id + "-" + itoa(n+1)
	} else {
		d.ids[id] = 0
	}
	h := headingBlock{level: level, text: esc(plain), plain: plain, id: id}
	d.blocks = append(d.blocks, h)
	if level == 2 || level == 3 {
		d.toc = append(d.toc, h)
	}
	return h
}

func (d *doc) md(text string) { d.blocks = append(d.blocks, mdBlock{text}) }

func (d *doc) add(b ...block) { d.blocks = append(d.blocks, b...) }

// slug lowercases s, keeps letters, digits, spaces, '-' and '_', and turns
// spaces into '-', as GitHub does for heading anchors.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// esc escapes text from outside for use inline in Markdown (see
// textfmt.Markdown), runs of space collapsed and trailing space dropped.
func esc(s string) string {
	s = textfmt.Markdown(s)
	var b strings.Builder
	b.Grow(len(s))
	prevSpace := false
	for _, r := range s {
		if r == ' ' && prevSpace {
			continue
		}
		b.WriteRune(r)
		prevSpace = r == ' '
	}
	return strings.TrimRight(b.String(), " ")
}

// code wraps s in a code span, safe for table cells.
func code(s string) string {
	s = strings.NewReplacer("`", "'", "|", "¦", "\n", " ").Replace(s)
	return "`" + s + "`"
}

// table writes a Markdown table; align holds one of 'l', 'r' per column.
func table(head []string, align string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("|")
	for _, h := range head {
		b.WriteString(" " + h + " |")
	}
	b.WriteString("\n|")
	for i := range head {
		if i < len(align) && align[i] == 'r' {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteByte('\n')
	for _, r := range rows {
		b.WriteString("|")
		for _, c := range r {
			if c == "" {
				c = " "
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
