package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/gomarkdown/markdown"
	"github.com/gomarkdown/markdown/ast"
	mdhtml "github.com/gomarkdown/markdown/html"
	"github.com/gomarkdown/markdown/parser"
)

//go:embed style.css
var stylesheet string

// printScript opens collapsed sections before printing, so paper shows
// everything the screen hides.
const printScript = `window.addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})});`

// WriteHTML writes the report as one self-contained HTML page: the same
// document as [WriteMarkdown], rendered with gomarkdown, with an embedded
// print-friendly stylesheet, charts as inline SVG and no external assets.
// Raw HTML never passes through from input text: names are escaped before
// rendering, and any HTML the Markdown still holds is printed as text.
func WriteHTML(w io.Writer, in *Input, opts Options) error {
	d, err := build(in, opts)
	if err != nil {
		return err
	}
	opts = opts.withDefaults()
	t, err := loadTexts(opts.Lang)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", opts.Lang)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", html.EscapeString(title(in, t)), stylesheet)
	for _, bl := range d.blocks {
		writeHTMLBlock(&b, d, bl)
	}
	fmt.Fprintf(&b, "</main>\n<script>%s</script>\n</body>\n</html>\n", printScript)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func writeHTMLBlock(b *strings.Builder, d *doc, bl block) {
	switch x := bl.(type) {
	case mdBlock:
		b.Write(renderMarkdown(x.text))
	case headingBlock:
		n := strconv.Itoa(x.level)
		fmt.Fprintf(b, "<h%s id=\"%s\">%s</h%s>\n\n", n, html.EscapeString(x.id), html.EscapeString(x.plain), n)
	case tocBlock:
		fmt.Fprintf(b, "<nav class=\"toc\">\n<h2>%s</h2>\n<ul>\n", html.EscapeString(x.title))
		open := false // a nested list of level-3 headings is open
		for i, h := range d.toc {
			if h.level == 3 && !open {
				if i == 0 {
					b.WriteString("<li>")
				}
				b.WriteString("\n<ul>\n")
				open = true
			} else if h.level == 2 && open {
				b.WriteString("</ul>\n")
				open = false
			}
			if i > 0 && h.level == 2 {
				b.WriteString("</li>\n")
			}
			fmt.Fprintf(b, "<li><a href=\"#%s\">%s</a>", html.EscapeString(h.id), html.EscapeString(h.plain))
			if h.level == 3 {
				b.WriteString("</li>\n")
			}
		}
		if open {
			b.WriteString("</ul>\n")
		}
		if len(d.toc) > 0 {
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n</nav>\n\n")
	case detailsBlock:
		fmt.Fprintf(b, "<details>\n<summary>%s</summary>\n", html.EscapeString(x.summary))
		for _, in := range x.body {
			writeHTMLBlock(b, d, in)
		}
		b.WriteString("</details>\n\n")
	case chartBlock:
		b.WriteString(x.c.svg())
		b.WriteString("\n\n")
	}
}

// renderMarkdown renders one Markdown block with a fresh parser (a
// gomarkdown parser is single use). Bare URLs are not turned into links
// (no Autolink extension), and the node hook keeps only links to a place
// in the document (#anchor): any other link or image, which can only come
// from outside text that slipped past escaping, is printed as its text.
func renderMarkdown(text string) []byte {
	p := parser.NewWithExtensions(parser.Tables | parser.FencedCode | parser.Strikethrough |
		parser.NoIntraEmphasis | parser.SpaceHeadings)
	r := mdhtml.NewRenderer(mdhtml.RendererOptions{RenderNodeHook: safeNodes})
	return markdown.ToHTML([]byte(text), p, r)
}

// safeNodes prints raw HTML nodes as text, and links other than
// in-document ones, and images, as their text.
func safeNodes(w io.Writer, node ast.Node, entering bool) (ast.WalkStatus, bool) {
	switch n := node.(type) {
	case *ast.HTMLBlock:
		io.WriteString(w, "<p>"+html.EscapeString(string(n.Literal))+"</p>\n")
		return ast.GoToNext, true
	case *ast.HTMLSpan:
		io.WriteString(w, html.EscapeString(string(n.Literal)))
		return ast.GoToNext, true
	case *ast.Link:
		if !fragment(n.Destination) {
			return ast.GoToNext, true // the children (the link text) are rendered
		}
	case *ast.Image:
		return ast.GoToNext, true
	}
	return ast.GoToNext, false
}

// fragment reports whether a link destination is a place in the document.
func fragment(dest []byte) bool {
	return len(dest) > 1 && dest[0] == '#' && !bytes.ContainsAny(dest, "\"<> ")
}
