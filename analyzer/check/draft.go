package check

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Format is the markup a draft is written in.
type Format string

// Draft formats.
const (
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatText     Format = "text"
)

// Formats lists the formats [Parse] reads.
func Formats() []Format { return []Format{FormatMarkdown, FormatHTML, FormatText} }

// ParseFormat returns the format named s ("md", "markdown", "html", "htm",
// "text", "txt"); the empty string and "auto" return "".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return "", nil
	case "md", "markdown":
		return FormatMarkdown, nil
	case "html", "htm", "xhtml":
		return FormatHTML, nil
	case "text", "txt", "plain":
		return FormatText, nil
	}
	return "", fmt.Errorf("unknown draft format %q (known: markdown, html, text)", s)
}

// DetectFormat picks a format from the file name, or from the content when
// the extension says nothing.
func DetectFormat(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	lower := bytes.ToLower(bytes.TrimSpace(head))
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<p>")) || bytes.Contains(lower, []byte("<div")) {
		return FormatHTML
	}
	if bytes.HasPrefix(lower, []byte("---")) || bytes.HasPrefix(lower, []byte("# ")) || bytes.Contains(lower, []byte("\n#")) {
		return FormatMarkdown
	}
	return FormatText
}

// Position is a place in a draft file: 1-based line and column, the column
// counted in Unicode code points of the line's NFC text.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Span is a half-open range of byte offsets into [Draft.Text].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Draft is one draft regulation as read: its text with positions and the
// structure found in it. Build one with [Parse].
type Draft struct {
	// Path is the file name as given.
	Path string
	// Format is the markup the draft was read as.
	Format Format
	// Meta holds the front-matter keys of a Markdown draft (title, so-hieu ...).
	Meta map[string]string
	// Text is the draft's text without markup, one paragraph per line:
	// wrapped lines are joined, headings, list markers, emphasis, tags and
	// comments removed, entities decoded. Spans index into it.
	Text string
	// Paragraphs are the lines of Text with their structural role.
	Paragraphs []Paragraph
	// Articles are the articles (Điều) in order.
	Articles []Article
	// Sentences are the sentences of the text, in order.
	Sentences []Span
	// Dossiers are the dossier lists (hồ sơ gồm ...) the draft defines.
	Dossiers []Dossier
	// Exempt are the lists the draft says need not be submitted ("không
	// phải nộp các giấy tờ sau:", "Hồ sơ không bao gồm ..."): opener and
	// items. No requirement is read inside them.
	Exempt []Span
	// Internal are the dossier lists a state body compiles or sends to
	// another ("Sở Tài chính … lập hồ sơ trình Ủy ban nhân dân cấp tỉnh …
	// Hồ sơ gồm: …"): not administrative procedures, not requirements.
	Internal []Span
	// Procedures are the procedures the draft defines.
	Procedures []ProcedureDef
	// Conditions are the business conditions the draft sets.
	Conditions []Condition
	// Directives are the redtape comments found in the draft.
	Directives []Directive

	src       string  // NFC source text
	low       string  // Text lower-cased, same offsets
	toks      []token // words of low
	offs      []int32 // offs[i] is the source offset of Text[i]; len(Text)+1 entries
	lineStart []int   // source offset of each line start
	// rows maps the text offset of each table row to whether it is a header row.
	rows map[int]bool
	// listItems holds the text offsets of list items whose marker is not in
	// the text (HTML li, Markdown "* "); headings those of heading lines.
	listItems, headings map[int]bool
}

// ErrNotText is the error [Parse] wraps when the input is not text once
// decoded: it holds a NUL character, or more than one character in
// [maxControlShare] is a control character. Binary files, archives,
// images and UTF-16 without a byte-order mark end up here; decoding them as
// Windows-1258 never fails, so without this test they would pass as drafts
// that require nothing.
var ErrNotText = errors.New("not text")

// maxControlShare bounds the control characters of a text: more than one
// in maxControlShare makes the input binary. Tab, line feed, carriage
// return, form feed and vertical tab (Word's manual line break) are not
// counted. The 62 real legal texts of ../shared/regulations and the 2,000+
// corpus records hold none; random bytes hold about one in nine.
const maxControlShare = 20

// Parse reads a draft. With format empty it is detected from the name and
// content. Input is decoded to UTF-8 (a UTF-16 byte-order mark is honoured,
// invalid UTF-8 is read as Windows-1258) and normalised to NFC; positions
// count in the normalised text. Input that is not text once decoded (see
// [ErrNotText]) is an error; otherwise Parse never fails on malformed
// markup: what cannot be understood is kept as text.
func Parse(name string, data []byte, format Format) (*Draft, error) {
	lx, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	return ParseWith(name, data, format, lx)
}

// defaultLexicon parses the embedded lexicon once; the result is never
// written after.
var defaultLexicon = sync.OnceValues(DefaultLexicon)

// ParseWith is [Parse] with the vocabulary of lx for finding dossier lists,
// procedures and conditions.
func ParseWith(name string, data []byte, format Format, lx *Lexicon) (*Draft, error) {
	src, err := decodeDraft(data)
	if err != nil {
		return nil, fmt.Errorf("read draft %s: %w", name, err)
	}
	if format == "" {
		format = DetectFormat(name, data)
	}
	d := &Draft{Path: name, Format: format, Meta: map[string]string{}, src: src, rows: map[int]bool{}, listItems: map[int]bool{}, headings: map[int]bool{}}
	d.lineStart = lineStarts(src)
	b := &textBuilder{text: make([]byte, 0, len(src)+1), offs: make([]int32, 0, len(src)+2)}
	switch format {
	case FormatHTML:
		readHTML(d, b)
	case FormatMarkdown:
		readMarkdown(d, b, true)
	default:
		readMarkdown(d, b, false)
	}
	b.endParagraph()
	d.Text = string(b.text)
	d.offs = append(b.offs, int32(len(src)))
	analyse(d, lx)
	return d, nil
}

// decodeDraft turns raw bytes into NFC UTF-8.
func decodeDraft(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode UTF-16: %w", err)
		}
		data = out
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case !utf8.Valid(data):
		out, err := charmap.Windows1258.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode Windows-1258: %w", err)
		}
		data = out
	}
	if err := checkText(data); err != nil {
		return "", err
	}
	if norm.NFC.IsNormal(data) {
		return string(data), nil
	}
	return norm.NFC.String(string(data)), nil
}

// checkText returns an error wrapping [ErrNotText] when the UTF-8 text
// data holds a NUL or too many control characters (C0 but for the white
// space ones, DEL, C1).
func checkText(data []byte) error {
	nul, ctl, n := 0, 0, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c&0xC0 != 0x80 { // the first byte of a character
			n++
		}
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7F:
			ctl++
		case c == 0xC2 && i+1 < len(data) && data[i+1] >= 0x80 && data[i+1] < 0xA0: // U+0080-U+009F
			ctl++
		}
	}
	switch {
	case nul > 0:
		return fmt.Errorf("%w: %d NUL characters (a binary file, or UTF-16 without a byte-order mark)", ErrNotText, nul)
	case ctl*maxControlShare > n:
		return fmt.Errorf("%w: %d of its %d characters are control characters (a binary file?)", ErrNotText, ctl, n)
	}
	return nil
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Source returns the draft's NFC source text.
func (d *Draft) Source() string { return d.src }

// SourceOffset returns the byte offset in [Draft.Source] of byte off of
// [Draft.Text].
func (d *Draft) SourceOffset(off int) int {
	if off < 0 {
		off = 0
	}
	if off >= len(d.offs) {
		off = len(d.offs) - 1
	}
	return int(d.offs[off])
}

// Pos returns the position of byte off of [Draft.Text].
func (d *Draft) Pos(off int) Position { return d.SourcePos(d.SourceOffset(off)) }

// EndPos returns the position just after the span s, on the line of its
// last character.
func (d *Draft) EndPos(s Span) Position {
	if s.End <= s.Start {
		return d.Pos(s.Start)
	}
	// The last character's first byte: a column counts code points, and a
	// continuation byte would count the character once more ("trú").
	last := s.End - 1
	for last > s.Start && !utf8.RuneStart(d.Text[last]) {
		last--
	}
	so := d.SourceOffset(last)
	p := d.SourcePos(so)
	p.Column++
	return p
}

// SourcePos returns the position of byte offset off of [Draft.Source].
func (d *Draft) SourcePos(off int) Position {
	if off > len(d.src) {
		off = len(d.src)
	}
	if off < 0 {
		off = 0
	}
	line := sort.Search(len(d.lineStart), func(i int) bool { return d.lineStart[i] > off }) - 1
	if line < 0 {
		line = 0
	}
	col := utf8.RuneCountInString(d.src[d.lineStart[line]:off]) + 1
	return Position{Line: line + 1, Column: col}
}

// LineText returns source line n (1-based) without its line ending.
func (d *Draft) LineText(n int) string {
	if n < 1 || n > len(d.lineStart) {
		return ""
	}
	start := d.lineStart[n-1]
	end := len(d.src)
	if n < len(d.lineStart) {
		end = d.lineStart[n] - 1
	}
	return strings.TrimRight(d.src[start:end], "\r")
}

// Lines returns the number of source lines.
func (d *Draft) Lines() int { return len(d.lineStart) }

// TextOf returns the text of span s.
func (d *Draft) TextOf(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// ParagraphAt returns the index of the paragraph holding byte off of
// [Draft.Text], or -1.
func (d *Draft) ParagraphAt(off int) int {
	i := sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].End > off })
	if i < len(d.Paragraphs) && d.Paragraphs[i].Start <= off {
		return i
	}
	return -1
}

// ArticleAt returns the index of the article holding byte off of
// [Draft.Text], or -1 when off lies before the first article.
func (d *Draft) ArticleAt(off int) int {
	i := sort.Search(len(d.Articles), func(i int) bool { return d.Articles[i].Body.Start > off }) - 1
	if i >= 0 && d.Articles[i].Body.End > off {
		return i
	}
	return -1
}

// textBuilder accumulates extracted text with the source offset of every byte.
type textBuilder struct {
	text    []byte
	offs    []int32
	inPara  bool // the current paragraph has text
	space   bool // a space is pending before the next text
	spaceAt int
}

// write appends s, which starts at source offset at and is copied byte for
// byte from the source.
func (b *textBuilder) write(s string, at int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			if b.inPara && !b.space {
				b.space, b.spaceAt = true, at+i
			}
			continue
		}
		if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 { // no-break space
			if b.inPara && !b.space {
				b.space, b.spaceAt = true, at+i
			}
			i++
			continue
		}
		b.flushSpace()
		b.text = append(b.text, c)
		b.offs = append(b.offs, int32(at+i))
		b.inPara = true
	}
}

// writeSynthetic appends s, which replaces the source text at offset at
// (a decoded entity, a table separator).
func (b *textBuilder) writeSynthetic(s string, at int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' {
			if b.inPara && !b.space {
				b.space, b.spaceAt = true, at
			}
			continue
		}
		b.flushSpace()
		b.text = append(b.text, c)
		b.offs = append(b.offs, int32(at))
		b.inPara = true
	}
}

// softBreak separates words (a joined line break) without ending the paragraph.
func (b *textBuilder) softBreak(at int) {
	if b.inPara && !b.space {
		b.space, b.spaceAt = true, at
	}
}

func (b *textBuilder) flushSpace() {
	if b.space {
		b.text = append(b.text, ' ')
		b.offs = append(b.offs, int32(b.spaceAt))
		b.space = false
	}
}

// endParagraph closes the current paragraph with a newline.
func (b *textBuilder) endParagraph() {
	b.space = false
	if !b.inPara {
		return
	}
	at := int32(0)
	if n := len(b.offs); n > 0 {
		at = b.offs[n-1] + 1
	}
	b.text = append(b.text, '\n')
	b.offs = append(b.offs, at)
	b.inPara = false
}
