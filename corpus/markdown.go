package corpus

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/gomarkdown/markdown/ast"
	"github.com/gomarkdown/markdown/parser"
)

// This file reads Markdown procedure files (layout in
// docs/record-format.md): one procedure per level-1 heading, metadata as a
// "Label: value" list, paragraphs or two-column table after it, and one
// level-2 section per part of the procedure. Papers are list items; an item
// whose sub-list follows a case ("Trường hợp ...:", "Đối với ...:") makes a
// case for its sub-items, any other item with a sub-list is one paper with
// the sub-items as alternatives.

// markdownExtensions are the gomarkdown extensions the reader enables: no
// includes (a file must not pull in others) and no maths.
// NoEmptyLineBeforeBlock lets a list start right after a paragraph line;
// headings right after a list item or table row are separated by
// [separateHeadings].
const markdownExtensions = parser.NoIntraEmphasis | parser.Tables | parser.FencedCode |
	parser.Autolink | parser.Strikethrough | parser.SpaceHeadings | parser.BackslashLineBreak |
	parser.NoEmptyLineBeforeBlock

// MaxMarkdownDepth is how deep lists and block quotes may nest in a
// Markdown procedure: a record nested deeper is refused, reported with the
// line where the limit is passed, before it is parsed. gomarkdown copies an
// item's text once per level it is nested in, so a list nested 6,000 deep
// took 2.8–5.5 GB (issue 15); real records nest two levels, at most three.
// Documented in docs/record-format.md, "Limits".
const MaxMarkdownDepth = 32

// markdownNesting returns the deepest nesting of lists and block quotes
// that a line of text opens, as counted by [markdownLineDepth], and the
// 1-based line where it first reaches more than [MaxMarkdownDepth] (or the
// deepest line). Lines inside fenced code are not counted.
func markdownNesting(text string) (line, depth int) {
	var fence fences
	n := 0
	for len(text) > 0 {
		n++
		l := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if fence.code(l) {
			continue
		}
		if d := markdownLineDepth(l); d > depth {
			line, depth = n, d
			if d > MaxMarkdownDepth {
				return line, depth
			}
		}
	}
	return line, depth
}

// markdownLineDepth estimates the nesting a line opens: one level per
// block-quote marker and per list marker at its start, and one per two
// columns of indentation (the least a nested list item needs). It never
// counts fewer levels than the line has, so the limit holds for whatever
// the parser makes of it.
func markdownLineDepth(l string) int {
	if thematicBreak(l) {
		return 0
	}
	col, depth := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4 - col%4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return depth + col/2
		default:
			return depth + col/2
		}
	}
	return depth + col/2
}

// MaxMarkdownBrackets is how many '[' and '<' the text of one paragraph,
// list item or table row may hold: a procedure with more is refused,
// before it is parsed. gomarkdown scans ahead from each '[' for its ']'
// and destination, and from each '<' for the end of a tag, so its time
// grows with their number times the length of the text they sit in:
// 20,000 '[' on one line took 0.7 s, 80,000 over 10 s, "[[[…]]]"
// allocated 107 MB for 20 KB, and 160,000 "<a" took 1.3 s (issue 15).
// With at most 256 in one text of at most [MaxMarkdownRecordBytes], a
// record costs under half a second. A real dossier item holds one or two
// form links.
const MaxMarkdownBrackets = 256

// MaxMarkdownRecordBytes is the longest text of one Markdown procedure
// (from its level-1 heading to the next) that is parsed: a longer one is
// refused. gomarkdown allocates up to about 190 bytes per byte of text
// dense in markup (a node per backslash escape, line break or code span),
// so the limit bounds the memory one record takes to some 200 MB. Real
// procedures are under 50 KB. Documented in docs/record-format.md,
// "Limits".
const MaxMarkdownRecordBytes = 1 << 20

// markdownLimit returns why text, the text of one procedure, is not
// parsed, and the 1-based line it concerns; "" when it is within the
// limits ([MaxMarkdownRecordBytes], [MaxMarkdownDepth],
// [MaxMarkdownBrackets]).
func markdownLimit(text string) (line int, why string) {
	if len(text) > MaxMarkdownRecordBytes {
		return 1, fmt.Sprintf("%d bytes of Markdown in one procedure (the limit is %d)", len(text), MaxMarkdownRecordBytes)
	}
	if line, depth := markdownNesting(text); depth > MaxMarkdownDepth {
		return line, fmt.Sprintf("lists or quotes nested %d levels deep (the limit is %d)", depth, MaxMarkdownDepth)
	}
	if line, n := markdownBrackets(text); n > MaxMarkdownBrackets {
		return line, fmt.Sprintf("more than %d '[' and '<' in one paragraph, list item or table row (the limit is %d)", MaxMarkdownBrackets, MaxMarkdownBrackets)
	}
	return 0, ""
}

// markdownBrackets returns the most '[' and '<' that the text of one
// paragraph, list item or table row of text holds outside fenced code,
// and the 1-based line where that text starts; it stops at the first text
// over [MaxMarkdownBrackets]. A paragraph is a run of non-blank lines; a
// list item starts at its marker; a table row is one line.
func markdownBrackets(text string) (line, most int) {
	if strings.Count(text, "[")+strings.Count(text, "<") <= MaxMarkdownBrackets {
		return 0, 0
	}
	var fence fences
	n, start := 0, 0
	for i := 1; len(text) > 0; i++ {
		l := text
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			l, text = text[:j], text[j+1:]
		} else {
			text = ""
		}
		t := strings.TrimSpace(l)
		if t == "" {
			n = 0
			continue
		}
		if fence.code(l) {
			n = 0
			continue
		}
		if n == 0 || strings.HasPrefix(t, "|") || markdownLineDepth(l) > 0 && !thematicBreak(l) && listItemStart(t) {
			n, start = 0, i
		}
		n += strings.Count(l, "[") + strings.Count(l, "<")
		if n > most {
			line, most = start, n
			if most > MaxMarkdownBrackets {
				return line, most
			}
		}
	}
	return line, most
}

// listItemStart reports whether t, a line with its indentation trimmed,
// starts a list item or a block quote.
func listItemStart(t string) bool {
	if t[0] == '>' {
		return true
	}
	if (t[0] == '-' || t[0] == '*' || t[0] == '+') && len(t) > 1 && (t[1] == ' ' || t[1] == '\t') {
		return true
	}
	j := 0
	for j < len(t) && j < 9 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	return j > 0 && j+1 < len(t) && (t[j] == '.' || t[j] == ')') && (t[j+1] == ' ' || t[j+1] == '\t')
}

// thematicBreak reports whether l is a line of one of '-', '*' and '_'
// (with spaces or tabs between them): a rule, not list items.
func thematicBreak(l string) bool {
	var mark byte
	for i := 0; i < len(l); i++ {
		switch c := l[i]; c {
		case ' ', '\t', '\r':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
		default:
			return false
		}
	}
	return mark != 0
}

// parseMarkdown parses the text of one procedure with a new parser (a
// gomarkdown parser is single use).
func parseMarkdown(text string) ast.Node {
	return parser.NewWithExtensions(markdownExtensions).Parse([]byte(separateHeadings(text)))
}

// atxHeadingRE matches an ATX heading line at the left margin.
var atxHeadingRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#{1,6}(?:[ \t]|$)`) })

// separateHeadings puts a blank line before every ATX heading at the left
// margin (outside fenced code) that follows a non-blank line. Headings need
// no blank line before them in Markdown, but gomarkdown takes a heading
// right after a list item into the item ("- Mã thủ tục: 7.7\n## Trình tự
// thực hiện" would be one item) and one right after a table row into the
// table. Line numbers are counted before this, so the added lines do not
// shift them.
func separateHeadings(text string) string {
	if !strings.Contains(text, "\n#") {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	var b strings.Builder
	b.Grow(len(text) + 64)
	var fence fences
	prevBlank := true
	for _, l := range lines {
		trimmed := strings.TrimRight(l, "\r\n")
		if !fence.code(trimmed) && !prevBlank && atxHeadingRE().MatchString(trimmed) {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		prevBlank = strings.TrimSpace(l) == ""
	}
	return b.String()
}

func markdownReader() reader {
	return reader{
		name: "markdown",
		exts: []string{".md", ".markdown"},
		skip: skipMarkdown,
		read: func(ctx context.Context, file, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
			if looksBinary(text) {
				fail(&ReadError{Err: errBinaryMarkdown})
				return nil
			}
			chunks, pre := splitMarkdownH1(text)
			if len(chunks) == 0 {
				fail(&ReadError{Line: 1, Err: errNoMarkdownProcedure})
				return nil
			}
			if pre.text != "" && !isHTMLComment(pre.text) {
				fail(markdownPreamble(pre))
			}
			for i, c := range chunks {
				if err := ctx.Err(); err != nil {
					return err
				}
				rec := 0
				if len(chunks) > 1 {
					rec = i + 1
				}
				if line, why := markdownLimit(c.text); why != "" {
					fail(&ReadError{Line: c.line + line - 1, Record: rec, Err: fmt.Errorf("%s: record not read", why)})
					continue
				}
				p, known := readMarkdownProcedure(parseMarkdown(c.text))
				if err := validateRecord(p); err != nil {
					fail(&ReadError{Line: c.line, Record: rec, Err: err})
					continue
				}
				if !known {
					fail(&ReadError{Line: c.line, Record: rec, Err: fmt.Errorf("heading %q has no procedure fields (Mã thủ tục: ..., or sections such as ## Thành phần hồ sơ): not a procedure", shortText(p.Name, 60))})
					continue
				}
				p.Source = Source{File: file, Format: "markdown", Record: rec, Line: c.line}
				if err := emit(p); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

// skipMarkdown skips a Markdown file met while walking a directory that
// holds no procedure at all (a README, notes): no level-1 heading starts a
// procedure (see [readMarkdownProcedure]). Named directly, such a file is
// reported as unreadable, since it was asked for. A file with one
// procedure or more is read, and its other headings are reported.
func skipMarkdown(_, text string, found bool) string {
	if !found || looksBinary(text) {
		// Binary data named .md is not a README: it is reported.
		return ""
	}
	chunks, _ := splitMarkdownH1(text)
	for _, c := range chunks {
		if _, why := markdownLimit(c.text); why != "" {
			return "" // not parsed: the read reports it
		}
		// Stops at the first procedure: in a procedure file, the first.
		if _, known := readMarkdownProcedure(parseMarkdown(c.text)); known {
			return ""
		}
	}
	if len(chunks) == 0 {
		return "Markdown without a level-1 heading, not a procedure record"
	}
	return "Markdown without procedure fields (Mã thủ tục: ..., or sections such as ## Thành phần hồ sơ), not a procedure record"
}

type markdownError string

func (e markdownError) Error() string { return string(e) }

const errNoMarkdownProcedure = markdownError("no procedure: a procedure starts with a level-1 heading (# Name)")

const errBinaryMarkdown = markdownError("binary data, not Markdown text")

// markdownChunk is the text of one procedure and the line of its heading.
type markdownChunk struct {
	text string
	line int
}

var (
	atxH1RE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}#(?:[ \t]|$)`) })
	setextH1RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}=+[ \t]*$`) })
	fenceRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("^ {0,3}(```|~~~)") })
)

// fences follows fenced code blocks (``` or ~~~ at the left margin)
// through the lines of a text, given one by one to code.
type fences struct{ open string }

// code reports whether line l opens or closes a fenced code block or lies
// inside one.
func (f *fences) code(l string) bool {
	if m := fenceRE().FindStringSubmatch(l); m != nil {
		switch {
		case f.open == "":
			f.open = m[1]
		case m[1] == f.open:
			f.open = ""
		}
		return true
	}
	return f.open != ""
}

// markdownPreamble reports the non-blank text before a file's first
// level-1 heading, which belongs to no procedure: an error when it holds
// what only a procedure has (a code, a section of papers, channels, steps,
// fees or time), since that content is lost; otherwise (a note on what the
// file holds) a warning.
func markdownPreamble(pre markdownChunk) *ReadError {
	where := fmt.Sprintf("line %d", pre.line)
	if last := pre.line + strings.Count(strings.TrimRightFunc(pre.text, unicode.IsSpace), "\n"); last > pre.line {
		where = fmt.Sprintf("lines %d–%d", pre.line, last)
	}
	if line, why := markdownLimit(pre.text); why != "" {
		return &ReadError{Line: pre.line + line - 1, Err: fmt.Errorf("text before the first level-1 heading (%s): %s: not read", where, why)}
	}
	// Read as if it were a procedure under a heading of its own.
	_, known := readMarkdownProcedure(parseMarkdown("# -\n\n" + pre.text))
	if known {
		return &ReadError{Line: pre.line, Err: fmt.Errorf("text before the first level-1 heading (%s) has procedure fields but no procedure heading (# Name): not read", where)}
	}
	return &ReadError{Line: pre.line, Err: warningf("text before the first level-1 heading (%s) belongs to no procedure: not read", where)}
}

// isHTMLComment reports whether s is one HTML comment, which Markdown
// does not show: a file may start with a note to its readers that way.
func isHTMLComment(s string) bool {
	s = strings.TrimSpace(s)
	// "<!-->" and "<!--->" open and close in overlapping characters: at
	// least "<!---->" is needed for the two ends to stand apart.
	return len(s) >= len("<!---->") && strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") && !strings.Contains(s[4:len(s)-3], "-->")
}

// splitMarkdownH1 cuts text before each level-1 heading (ATX "# Name" or
// setext "Name\n===") outside fenced code. pre holds the text before the
// first heading, from its first non-blank line, or "" when that is blank.
func splitMarkdownH1(text string) (chunks []markdownChunk, pre markdownChunk) {
	lines := strings.SplitAfter(text, "\n")
	var starts []int
	var fence fences
	for i, l := range lines {
		trimmed := strings.TrimRight(l, "\r\n")
		if fence.code(trimmed) {
			continue
		}
		switch {
		case atxH1RE().MatchString(trimmed):
			starts = append(starts, i)
		case setextH1RE().MatchString(trimmed) && i > 0 && strings.TrimSpace(lines[i-1]) != "" &&
			(len(starts) == 0 || starts[len(starts)-1] != i-1) && !isListOrQuote(lines[i-1]):
			starts = append(starts, i-1)
		}
	}
	preEnd := len(lines)
	if len(starts) > 0 {
		preEnd = starts[0]
	}
	for i := 0; i < preEnd; i++ {
		if strings.TrimSpace(lines[i]) != "" {
			pre = markdownChunk{text: strings.Join(lines[i:preEnd], ""), line: i + 1}
			break
		}
	}
	for k, s := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		chunks = append(chunks, markdownChunk{text: strings.Join(lines[s:end], ""), line: s + 1})
	}
	return chunks, pre
}

func isListOrQuote(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "-") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "+") || strings.HasPrefix(t, ">") || strings.HasPrefix(t, "|")
}

// readMarkdownProcedure reads the procedure of one chunk: its H1 and what
// follows. known reports whether the chunk has what only a procedure has: a
// procedure code, or a section of papers, channels, steps, fees or time.
// Labels such as "Cơ quan ban hành" or "Căn cứ pháp lý" also head other
// documents (regulations), so they do not count.
func readMarkdownProcedure(doc ast.Node) (p *Procedure, known bool) {
	p = &Procedure{}
	var extra sectionExtras
	key := "" // folded label of the current H2 section; "" for metadata
	cas := "" // current H3 case inside the dossier section
	for _, n := range doc.GetChildren() {
		switch n := n.(type) {
		case *ast.Heading:
			switch {
			case n.Level == 1 && p.Name == "":
				p.Name = oneLine(mdText(n))
			case n.Level == 2:
				key, cas = labelKey(mdText(n)), ""
				known = known || procedureSection(fieldOf(key))
			case n.Level >= 3 && fieldOf(key) == fieldPapers:
				cas = oneLine(mdText(n))
			}
		case *ast.List:
			readMarkdownList(p, &extra, key, cas, n)
		case *ast.Table:
			readMarkdownTable(p, &extra, key, cas, n)
		case *ast.Paragraph, *ast.BlockQuote:
			if key == "" || fieldOf(key) == fieldNone {
				// Metadata: each line of the paragraph is a "Label: value".
				for _, l := range textLines(mdText(n)) {
					if k, v, ok := strings.Cut(l, ":"); ok {
						applyField(p, &extra, labelKey(k), textLines(v))
					}
				}
				continue
			}
			// Elsewhere a paragraph is one item, however it is wrapped.
			lines := []string{oneLine(mdText(n))}
			if fieldOf(key) == fieldPapers {
				// "Hồ sơ gồm:" introduces the list; it is not a paper.
				lines = dropIntroLines(lines)
			}
			applyField(p, &extra, key, lines)
		}
	}
	extra.apply(p)
	return p, known || p.Code != ""
}

// readMarkdownList reads a list in the section named by key.
func readMarkdownList(p *Procedure, extra *sectionExtras, key, cas string, list *ast.List) {
	switch fieldOf(key) {
	case fieldNone:
		for _, it := range list.Children {
			if k, v, ok := strings.Cut(oneLine(mdItemText(it)), ":"); ok {
				applyField(p, extra, labelKey(k), textLines(v))
			}
		}
	case fieldPapers:
		p.Papers = append(p.Papers, markdownPapers(list, cas)...)
	case fieldChannels:
		for _, it := range list.Children {
			if ch, ok := markdownChannel(oneLine(mdItemText(it))); ok {
				p.Channels = append(p.Channels, ch)
			}
		}
	default:
		var lines []string
		for _, it := range list.Children {
			if l := oneLine(mdItemText(it)); l != "" {
				lines = append(lines, l)
			}
			if sub := mdSubList(it); sub != nil {
				for _, s := range sub.Children {
					if l := oneLine(mdItemText(s)); l != "" {
						lines = append(lines, l)
					}
				}
			}
		}
		if fieldOf(key) == fieldSteps {
			// Each item is one step, even without "Bước N:".
			p.Steps = append(p.Steps, lines...)
			return
		}
		applyField(p, extra, key, lines)
	}
}

var caseLeadRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(trường hợp|đối với|nếu)\b`) })

// markdownPapers reads the papers of a dossier list. Each item is
// "text | Số lượng: ... | Mẫu: ..." (the parts after the text are
// optional); links in an item are its forms.
func markdownPapers(list *ast.List, cas string) []Paper {
	var out []Paper
	for _, it := range list.Children {
		text := oneLine(mdItemText(it))
		sub := mdSubList(it)
		if sub != nil && caseLeadRE().MatchString(text) {
			out = append(out, markdownPapers(sub, strings.TrimRight(text, " :"))...)
			continue
		}
		paper := markdownPaper(text, mdLinks(it))
		if paper.Text == "" {
			continue
		}
		if paper.Case == "" {
			paper.Case = cas
		}
		if sub != nil {
			for _, s := range sub.Children {
				if alt := oneLine(mdItemText(s)); alt != "" {
					paper.Alternatives = append(paper.Alternatives, alt)
				}
			}
		}
		out = append(out, paper)
	}
	return out
}

// markdownPaper builds a paper from an item's text and its links.
func markdownPaper(text string, links []string) Paper {
	parts := strings.Split(text, " | ")
	name := strings.TrimSpace(parts[0])
	var qty []string
	var forms []string
	for _, part := range parts[1:] {
		k, v, ok := strings.Cut(part, ":")
		key := labelKey(k)
		switch {
		case ok && (key == "so luong" || strings.HasPrefix(key, "so luong ")):
			qty = append(qty, strings.TrimSpace(v))
		case ok && (key == "ban chinh" || key == "ban sao"):
			qty = append(qty, strings.TrimSpace(part))
		case ok && (strings.HasPrefix(key, "mau") || strings.HasPrefix(key, "bieu mau") || strings.HasPrefix(key, "to khai")):
			for _, f := range strings.Split(v, ",") {
				if f = strings.TrimSpace(f); f != "" {
					forms = append(forms, f)
				}
			}
		case looksLikeQuantity(part):
			qty = append(qty, strings.TrimSpace(part))
		default:
			name += " | " + part
		}
	}
	for _, l := range links {
		if !containsString(forms, l) {
			forms = append(forms, l)
		}
	}
	var papers paperList
	papers.add(name, strings.Join(qty, " - "), strings.Join(forms, "\n"))
	papers.flushCaseForms()
	if len(papers.papers) == 0 {
		return Paper{}
	}
	return papers.papers[0]
}

// markdownChannel reads a channel item: "Trực tuyến | 10 ngày làm việc |
// Lệ phí: 50.000 đồng | description", where the parts after the channel
// may carry labels ("Thời hạn:", "Phí:", "Mô tả:") or come in that order.
func markdownChannel(text string) (Channel, bool) {
	parts := strings.Split(text, " | ")
	mode := strings.TrimSpace(parts[0])
	if k, v, ok := strings.Cut(mode, ":"); ok && fieldOf(labelKey(k)) == fieldChannels || labelKey(k) == "hinh thuc nop" {
		mode = strings.TrimSpace(v)
	}
	var slots [3]string // time, fees, description
	next := 0
	for _, part := range parts[1:] {
		part = strings.TrimSpace(part)
		k, v, ok := strings.Cut(part, ":")
		key := labelKey(k)
		slot := -1
		if ok {
			switch f := fieldOf(key); {
			case f == fieldTime || strings.HasPrefix(key, "thoi han") || strings.HasPrefix(key, "thoi gian"):
				slot, part = 0, strings.TrimSpace(v)
			case f == fieldFees:
				slot = 1 // keep "Lệ phí:" in the fee text: it says the kind
			case key == "mo ta":
				slot, part = 2, strings.TrimSpace(v)
			}
		}
		if slot < 0 {
			for next < len(slots) && slots[next] != "" {
				next++
			}
			if next == len(slots) {
				slots[2] += " | " + part
				continue
			}
			slot = next
		}
		slots[slot] = part
	}
	if stated(mode) == "" && slots[0] == "" && slots[1] == "" {
		return Channel{}, false
	}
	return newChannel(mode, slots[0], slots[1], slots[2]), true
}

// readMarkdownTable reads a table: metadata rows (label | value) before the
// first section, channels, papers or legal basis by their column headers in
// the sections of those names, and rows as lines elsewhere.
func readMarkdownTable(p *Procedure, extra *sectionExtras, key, cas string, t *ast.Table) {
	var headers []string
	var rows [][]string
	var rowLinks [][][]string
	ast.WalkFunc(t, func(n ast.Node, entering bool) ast.WalkStatus {
		row, ok := n.(*ast.TableRow)
		if !ok || !entering {
			return ast.GoToNext
		}
		var cells []string
		var links [][]string
		for _, c := range row.Children {
			cells = append(cells, strings.Join(textLines(mdText(c)), "\n"))
			links = append(links, mdLinks(c))
		}
		if _, head := row.Parent.(*ast.TableHeader); head {
			for _, c := range cells {
				headers = append(headers, labelKey(c))
			}
		} else {
			rows = append(rows, cells)
			rowLinks = append(rowLinks, links)
		}
		return ast.SkipChildren
	})
	col := func(cells []string, prefixes ...string) string {
		for _, pre := range prefixes {
			for i, h := range headers {
				if i < len(cells) && (h == pre || strings.HasPrefix(h, pre+" ")) {
					return cells[i]
				}
			}
		}
		return ""
	}
	f := fieldOf(key)
	if key == "" || f == fieldNone {
		// Label | value rows; the header row is a pair too.
		if len(headers) == 2 {
			rows = append([][]string{{headers[0], headers[1]}}, rows...)
		}
		for _, r := range rows {
			if len(r) >= 2 {
				applyField(p, extra, labelKey(r[0]), textLines(r[1]))
			}
		}
		return
	}
	switch f {
	case fieldChannels:
		for _, r := range rows {
			mode := col(r, "hinh thuc")
			tm, fee := col(r, "thoi han", "thoi gian"), col(r, "phi", "le phi")
			if stated(mode) != "" || stated(tm) != "" || stated(fee) != "" {
				p.Channels = append(p.Channels, newChannel(mode, tm, fee, col(r, "mo ta")))
			}
		}
	case fieldPapers:
		var papers paperList
		papers.cas = cas
		for i, r := range rows {
			qty := columnQuantity(col(r, "so luong"), col(r, "ban chinh", "so luong ban chinh"), col(r, "ban sao", "so luong ban sao"))
			forms := textLines(col(r, "mau don", "to khai", "bieu mau", "mau"))
			for j, h := range headers {
				if strings.HasPrefix(h, "mau") || strings.HasPrefix(h, "bieu mau") || strings.HasPrefix(h, "to khai") {
					if j < len(rowLinks[i]) && len(rowLinks[i][j]) > 0 {
						forms = rowLinks[i][j]
					}
				}
			}
			papers.add(col(r, "ten giay to", "ten ho so", "thanh phan", "giay to", "ten"), qty, strings.Join(forms, "\n"))
		}
		papers.flushCaseForms()
		p.Papers = append(p.Papers, papers.papers...)
	case fieldLegal:
		for _, r := range rows {
			if ref, ok := newLegalRef(col(r, "so ky hieu", "so hieu", "ma van ban", "so van ban"), col(r, "trich yeu", "ten van ban", "noi dung"),
				col(r, "co quan ban hanh"), col(r, "ngay ban hanh"), col(r, "ngay hieu luc", "hieu luc")); ok {
				p.LegalBasis = append(p.LegalBasis, ref)
			}
		}
	default:
		var lines []string
		for _, r := range rows {
			lines = append(lines, strings.Join(r, " "))
		}
		applyField(p, extra, key, lines)
	}
}

// mdText returns the text of a node, with line breaks where the source
// has them (gomarkdown keeps the line ends of a paragraph in its text) and
// after each paragraph, item, heading, row and cell.
func mdText(n ast.Node) string {
	var b strings.Builder
	ast.WalkFunc(n, func(n ast.Node, entering bool) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Literal)
			}
		case *ast.Code:
			if entering {
				b.Write(n.Literal)
			}
		case *ast.CodeBlock:
			if entering {
				b.Write(n.Literal)
				b.WriteByte('\n')
			}
		case *ast.Softbreak:
			if entering {
				b.WriteByte('\n')
			}
		case *ast.Hardbreak:
			if entering {
				b.WriteByte('\n')
			}
		case *ast.HTMLSpan, *ast.HTMLBlock:
			return ast.SkipChildren
		case *ast.Paragraph, *ast.ListItem, *ast.Heading, *ast.TableRow, *ast.TableCell:
			if !entering {
				b.WriteByte('\n')
			}
		}
		return ast.GoToNext
	})
	return b.String()
}

// mdItemText returns the text of a list item without its sub-lists.
func mdItemText(it ast.Node) string {
	var b strings.Builder
	for _, c := range it.GetChildren() {
		if _, ok := c.(*ast.List); ok {
			continue
		}
		b.WriteString(mdText(c))
	}
	return b.String()
}

// mdSubList returns the first list nested in an item, or nil.
func mdSubList(it ast.Node) *ast.List {
	for _, c := range it.GetChildren() {
		if l, ok := c.(*ast.List); ok && len(l.Children) > 0 {
			return l
		}
	}
	return nil
}

// mdLinks returns the form names of the links in n outside sub-lists: the
// link text, or the file name of its target when the text is empty.
func mdLinks(n ast.Node) []string {
	var out []string
	for _, c := range n.GetChildren() {
		if _, ok := c.(*ast.List); ok {
			continue
		}
		ast.WalkFunc(c, func(n ast.Node, entering bool) ast.WalkStatus {
			l, ok := n.(*ast.Link)
			if !ok || !entering {
				return ast.GoToNext
			}
			name := oneLine(mdText(l))
			if name == "" || strings.Contains(name, "://") {
				name = path.Base(string(l.Destination))
			}
			if name != "" && name != "." && name != "/" && !containsString(out, name) {
				out = append(out, name)
			}
			return ast.SkipChildren
		})
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dropIntroLines drops lines ending in a colon, which introduce a list.
func dropIntroLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.HasSuffix(l, ":") {
			out = append(out, l)
		}
	}
	return out
}

// shortText cuts s to n characters.
func shortText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// procedureSection reports whether a section of this field marks a
// procedure (and not, say, a regulation that also has a legal basis).
func procedureSection(f field) bool {
	switch f {
	case fieldCode, fieldPapers, fieldChannels, fieldSteps, fieldFees, fieldTime:
		return true
	}
	return false
}
