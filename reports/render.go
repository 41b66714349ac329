package reports

import (
	"html"
	"strings"
)

// markdown writes the document as Markdown.
func (d *doc) markdown() string {
	var b strings.Builder
	for _, bl := range d.blocks {
		writeMarkdownBlock(&b, d, bl)
	}
	return b.String()
}

func writeMarkdownBlock(b *strings.Builder, d *doc, bl block) {
	switch x := bl.(type) {
	case mdBlock:
		b.WriteString(strings.TrimRight(x.text, "\n"))
		b.WriteString("\n\n")
	case headingBlock:
		b.WriteString(strings.Repeat("#", x.level) + " " + x.text + "\n\n")
	case tocBlock:
		b.WriteString("## " + esc(x.title) + "\n\n")
		for _, h := range d.toc {
			b.WriteString(strings.Repeat("  ", h.level-2) + "- [" + h.text + "](#" + h.id + ")\n")
		}
		b.WriteString("\n")
	case detailsBlock:
		// A blank line after <summary> lets viewers (GitHub, GitLab)
		// render the Markdown inside.
		b.WriteString("<details>\n<summary>" + html.EscapeString(x.summary) + "</summary>\n\n")
		for _, in := range x.body {
			writeMarkdownBlock(b, d, in)
		}
		b.WriteString("</details>\n\n")
	case chartBlock:
		b.WriteString(x.c.mermaid())
		b.WriteString("\n\n")
	}
}
