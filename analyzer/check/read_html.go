package check

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that end a paragraph, so their texts are
// never glued together ("đề nghịBản sao").
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Td: true, atom.Th: true, atom.Tr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Br: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Pre: true,
	atom.Dt: true, atom.Dd: true, atom.Hr: true, atom.Body: true, atom.Title: true, atom.Caption: true,
}

// headingAtoms are the heading elements: their text is a heading unless it
// opens an article ("Điều 5.").
var headingAtoms = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// readHTML extracts the text of an HTML draft, one paragraph per block
// element, with comments read as directives.
func readHTML(d *Draft, b *textBuilder) {
	src := d.src
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	pos := 0
	skip := 0 // depth inside script/style
	cell := false
	row := -1 // text offset of the current table row
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		raw := z.Raw()
		at := pos
		pos += len(raw)
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			writeHTMLText(b, src[at:pos], at)
		case html.CommentToken:
			d.addDirective(src[at:pos], d.SourcePos(at).Line)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			switch {
			case a == atom.Td || a == atom.Th:
				// Cells of one row stay one paragraph, separated by ";".
				if tt == html.StartTagToken && cell {
					b.space = false
					b.writeSynthetic(";", at)
					b.softBreak(at)
				}
				if tt == html.StartTagToken && !cell {
					b.endParagraph()
					row = len(b.text)
					d.rows[row] = false
				}
				if a == atom.Th && row >= 0 {
					d.rows[row] = true
				}
				cell = tt == html.StartTagToken || cell
			case a == atom.Tr || a == atom.Table:
				cell = false
				row = -1
				b.endParagraph()
			case cell && row >= 0 && a != atom.Ul && a != atom.Ol && a != atom.Li:
				// Word puts every cell's text in a <p> (<td><p>1</p></td>
				// <td><p>Đơn đề nghị</p></td>): blocks inside a cell
				// keep the row one paragraph.
				b.softBreak(at)
			case blockAtoms[a]:
				cell = false
				b.endParagraph()
				if a == atom.Li && tt == html.StartTagToken {
					// A list item is an item even without "a)" or "-".
					d.listItems[len(b.text)] = true
				}
				if headingAtoms[a] && tt == html.StartTagToken {
					d.headings[len(b.text)] = true
				}
			}
		}
	}
}

// writeHTMLText writes raw HTML text (with entities) starting at source offset at.
func writeHTMLText(b *textBuilder, raw string, at int) {
	i := 0
	from := 0
	for i < len(raw) {
		if raw[i] != '&' {
			i++
			continue
		}
		end := strings.IndexByte(raw[i:min(len(raw), i+40)], ';')
		if end < 0 {
			i++
			continue
		}
		ent := raw[i : i+end+1]
		dec := html.UnescapeString(ent)
		if dec == ent {
			i++
			continue
		}
		if i > from {
			b.write(raw[from:i], at+from)
		}
		if dec == "\u00a0" {
			b.softBreak(at + i)
		} else {
			b.writeSynthetic(dec, at+i)
		}
		i += end + 1
		from = i
	}
	if from < len(raw) {
		b.write(raw[from:], at+from)
	}
}
