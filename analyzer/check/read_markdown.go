package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind is what a source line turned out to be.
type lineKind int

const (
	lineBlank   lineKind = iota // nothing but white space
	lineText                    // running text that may continue on the next line
	lineBreak                   // a line that stands alone (heading, table row)
	lineComment                 // nothing but comments
)

// readMarkdown extracts the text of a Markdown (md true) or plain-text draft.
// Lines are joined into paragraphs when the next line does not start a new
// structural unit (article, clause, point, list item); markup is dropped.
func readMarkdown(d *Draft, b *textBuilder, md bool) {
	src := d.src
	pos := 0
	if md {
		pos = readFrontMatter(d, src)
	}
	inComment := false
	commentStart := 0
	prev := lineBlank
	prevEnd := byte(0) // last visible character of the previous text line
	blankSince := false
	prevArticle := false // the paragraph being written opened with "Điều N."
	prevLast := ""       // last word of the previous text line
	lastRow := -1        // text offset of the last table row written
	for pos < len(src) {
		end := lineEnd(src, pos)
		raw := src[pos:end]
		// Blank out comments, keeping offsets: vis[i] is src[pos+i] or a space.
		vis := []byte(raw)
		hadComment := false
		i := 0
		for i < len(vis) {
			if inComment {
				j := strings.Index(raw[i:], "-->")
				stop := len(vis)
				if j >= 0 {
					stop = i + j + 3
				}
				for k := i; k < stop; k++ {
					vis[k] = ' '
				}
				if j >= 0 {
					d.addDirective(src[commentStart:pos+stop], d.SourcePos(commentStart).Line)
					inComment = false
				}
				hadComment = true
				i = stop
				continue
			}
			j := strings.Index(raw[i:], "<!--")
			if j < 0 {
				break
			}
			inComment, commentStart = true, pos+i+j
			i += j
		}
		if inComment {
			hadComment = true
		}
		line := strings.TrimRight(string(vis), "\r")
		kind := classifyLine(line, hadComment, md)
		switch kind {
		case lineComment:
			// Comments neither break nor join paragraphs.
		case lineBlank:
			// prev stays: a blank line may fall inside a wrapped sentence
			// of a scanned text (see below). A thematic break always ends it.
			blankSince = true
			if strings.TrimSpace(line) != "" {
				prev = lineBlank
			}
		default:
			lead, isTable, isHeading := leadingMarkup(line, md)
			body := line[lead:]
			if isTable && tableSeparator(body) {
				// The row above a separator is the table's header.
				if lastRow >= 0 {
					d.rows[lastRow] = true
				}
				break
			}
			// "* item": the star is dropped with the emphasis marks, so the
			// item is recorded here.
			star := md && len(body) > 1 && body[0] == '*' && (body[1] == ' ' || body[1] == '\t')
			structural := isHeading || isTable || star || startsUnit(body)
			join := prev == lineText && !structural && kind == lineText
			if k, _, n, _ := markerOf(body); k == ParaArticle && prev == lineText && kind == lineText && !isHeading && !isTable &&
				!strings.ContainsAny(body[:n], ".:") && openEnded(prevLast) {
				// "… Luật Đường bộ và" / "Điều 77 Luật Trật tự …": an article
				// named in a wrapped title, not one opening.
				join = true
			}
			if join && prevArticle && startsUpper(body) && !openEnded(prevLast) {
				// "Điều 2. Hồ sơ đề nghị cấp thẻ" / "Hồ sơ đề nghị … gồm:":
				// a capitalised line after an article's title line starts
				// its body, unless the title breaks after a word that needs
				// more ("Trách nhiệm của" / "Bộ Công an").
				join = false
			}
			if join && blankSince {
				// A blank line inside a wrapped sentence (seen in scanned
				// texts): join only when the sentence plainly goes on.
				join = !isTerminal(prevEnd) && startsLower(body)
			}
			if join {
				b.softBreak(pos + lead)
			} else {
				b.endParagraph()
			}
			if star {
				d.listItems[len(b.text)] = true
			}
			if isHeading {
				d.headings[len(b.text)] = true
			}
			lastRow = -1
			if isTable {
				lastRow = len(b.text)
				d.rows[lastRow] = false
			}
			writeInline(b, body, pos+lead, md, isTable)
			if !join {
				k, _, _, _ := markerOf(body)
				prevArticle = k == ParaArticle
			}
			if isHeading || isTable {
				b.endParagraph()
				prev = lineBreak
			} else {
				prev = lineText
				if t := strings.TrimRight(body, " \t"); t != "" {
					prevEnd = t[len(t)-1]
					prevLast = ""
					if f := strings.Fields(t); len(f) > 0 {
						prevLast = f[len(f)-1]
					}
				}
			}
			blankSince = false
		}
		pos = end + 1
	}
	if inComment {
		d.addDirective(src[commentStart:], d.SourcePos(commentStart).Line)
	}
}

// openEnded reports whether a line ending in word w plainly goes on: a
// comma, or a word that needs what follows ("của", "và", "về" …).
func openEnded(w string) bool {
	if strings.HasSuffix(w, ",") {
		return true
	}
	switch lowerSameLen(strings.Trim(w, "*_")) {
	case "của", "và", "về", "cho", "với", "đối", "tại", "trong", "các", "những", "hoặc", "theo", "từ", "đến", "thuộc", "là":
		return true
	}
	return false
}

// readFrontMatter reads a YAML front matter block of simple "key: value"
// lines at the start of src into d.Meta and returns the offset after it.
func readFrontMatter(d *Draft, src string) int {
	if !strings.HasPrefix(src, "---\n") && !strings.HasPrefix(src, "---\r\n") {
		return 0
	}
	start := strings.IndexByte(src, '\n') + 1
	pos := start
	for pos < len(src) {
		end := lineEnd(src, pos)
		line := strings.TrimRight(src[pos:end], "\r")
		if line == "---" || line == "..." {
			return min(end+1, len(src))
		}
		if k, v, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "-") {
			v = strings.Trim(strings.TrimSpace(v), `"'`)
			if v != "" {
				d.Meta[strings.TrimSpace(k)] = v
			}
		}
		pos = end + 1
	}
	return 0 // no closing line: not front matter
}

func classifyLine(line string, hadComment, md bool) lineKind {
	if strings.TrimSpace(line) == "" {
		if hadComment {
			return lineComment
		}
		return lineBlank
	}
	if md && isRule(strings.TrimSpace(line)) {
		return lineBlank // thematic break or setext heading underline
	}
	return lineText
}

// leadingMarkup returns the length of the markup that opens line (indent,
// block quotes, heading marks, list bullets) and whether the line is a table
// row or a heading.
func leadingMarkup(line string, md bool) (n int, table, heading bool) {
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if !md {
			break
		}
		if i < len(line) && line[i] == '>' {
			i++
			continue
		}
		break
	}
	if md {
		j := i
		for j < len(line) && line[j] == '#' && j-i < 6 {
			j++
		}
		if j > i && (j == len(line) || line[j] == ' ' || line[j] == '\t') {
			heading = true
			i = j
		} else if i < len(line) && line[i] == '|' {
			table = true
			i++
		}
	}
	// List bullets: "-", "*", "+", "•" followed by a space.
	if !heading && !table && i < len(line) {
		switch {
		case (line[i] == '-' || line[i] == '*' || line[i] == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			if line[i] == '*' && i+1 < len(line) && line[i+1] == '*' {
				break
			}
			// Keep the dash: it is the item's marker for structure.
		case strings.HasPrefix(line[i:], "•"):
		}
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i, table, heading
}

// tableSeparator reports whether a table row (without its first pipe) is a
// header separator such as "---|:---:|".
func tableSeparator(s string) bool {
	dash := false
	for _, r := range s {
		switch r {
		case '-':
			dash = true
		case ':', '|', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// writeInline writes the Markdown inline text s (starting at source offset
// at) without its markup.
func writeInline(b *textBuilder, s string, at int, md, table bool) {
	if !md {
		b.write(s, at)
		return
	}
	i := 0
	flushFrom := 0
	flush := func(to int) {
		if to > flushFrom {
			b.write(s[flushFrom:to], at+flushFrom)
		}
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			flush(i)
			i++
			flushFrom = i
			i++
			continue
		case c == '*' || c == '`':
			flush(i)
			i++
			flushFrom = i
			continue
		case c == '_' && (i+1 < len(s) && s[i+1] == '_' || !wordAround(s, i)):
			flush(i)
			i++
			flushFrom = i
			continue
		case c == '|' && table:
			flush(i)
			rest := strings.TrimSpace(s[i+1:])
			if rest != "" {
				b.space = false
				b.writeSynthetic(";", at+i)
				b.softBreak(at + i)
			}
			i++
			flushFrom = i
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			flush(i)
			i++
			flushFrom = i
			continue
		case c == '[':
			if close := strings.Index(s[i:], "]("); close > 0 {
				if paren := strings.IndexByte(s[i+close:], ')'); paren > 0 {
					flush(i)
					b.write(s[i+1:i+close], at+i+1)
					i = i + close + paren + 1
					flushFrom = i
					continue
				}
			}
		case c == '<':
			if j := strings.IndexByte(s[i:], '>'); j > 1 && isTagStart(s[i+1:]) {
				flush(i)
				b.softBreak(at + i)
				i += j + 1
				flushFrom = i
				continue
			}
		}
		i++
	}
	flush(len(s))
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || c == '`' || c == '|' || c == '*' || c == '_' || c == '#' || c == '+' || c == '-' || c == '<' || c == '>'
}

func isTagStart(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c == '/' && len(s) > 1 {
		c = s[1]
	}
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// wordAround reports whether the byte at i sits between two word characters.
func wordAround(s string, i int) bool {
	if i == 0 || i+1 >= len(s) {
		return false
	}
	r1, _ := utf8.DecodeLastRuneInString(s[:i])
	r2, _ := utf8.DecodeRuneInString(s[i+1:])
	return isWordRune(r1) && isWordRune(r2)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isTerminal reports whether c ends a sentence or a list item.
func isTerminal(c byte) bool {
	switch c {
	case '.', ';', ':', '!', '?':
		return true
	}
	return false
}

func startsLower(s string) bool {
	s = strings.TrimLeft(s, " \t*_")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// lineEnd returns the offset of the newline ending the line that starts at
// pos, or len(src) for the last line.
func lineEnd(src string, pos int) int {
	if i := strings.IndexByte(src[pos:], '\n'); i >= 0 {
		return pos + i
	}
	return len(src)
}

// isRule reports whether t is a Markdown thematic break or setext heading
// underline: three or more of one of "-", "=", "*", "_" (spaces allowed).
func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '=' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}
