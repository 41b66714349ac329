// Package textfmt holds the small text helpers every output of redtape
// shares: one line from many, a clipped string, text from outside made
// safe in Markdown, aligned columns, and a writer that keeps the first
// error. Each exists once here so that every command escapes and clips
// alike.
package textfmt

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// OneLine joins the words of s with single spaces: line breaks, tabs and
// runs of space become one space, and s is trimmed.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Clip shortens s to at most n characters, ending with "…" when cut (the
// space before the mark dropped). n below 1 counts as 1.
func Clip(s string, n int) string {
	n = max(n, 1)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " \t\n") + "…"
}

// Markdown escapes text from outside (procedure names, papers, database
// names, legal citations, file names) for use inline in Markdown, in a
// paragraph or a table cell, so that it shows as written and does nothing
// else: control characters are made visible as in [Terminal] and line
// breaks become spaces; every character Markdown or HTML would read as
// markup is backslash-escaped, so "<script>" stays text, "[x](javascript:…)"
// is no link, "![](http://…)" no image and "|" ends no cell; and the colon
// of "scheme://" and the dot of "www." are escaped, so a bare address is
// not made a link by renderers that link such text. Spaces are kept as
// they are, so that pieces of one text escaped apart join as they were.
func Markdown(s string) string {
	s = Terminal(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '#', '!', '{', '}':
			b.WriteByte('\\')
		case ':':
			if strings.HasPrefix(s[i+1:], "//") {
				b.WriteByte('\\')
			}
		case '.':
			if t := b.String(); len(t) >= 3 && strings.EqualFold(t[len(t)-3:], "www") {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Terminal makes text from records, file names or a query safe to print on
// a terminal or in a CI log, where a control character could move the
// cursor, recolour the screen or, after a line break, start a workflow
// command ("::error ..."): line and paragraph breaks and tabs become
// spaces; other control characters (C0, DEL, C1), the bidirectional
// controls that reorder what is shown (U+202A–U+202E, U+2066–U+2069) and
// invalid bytes are written as visible escapes (\x1b, \u202e, \xff).
func Terminal(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) || r == '\t' || r == '\n' || r == '\r' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				fmt.Fprintf(&b, "\\x%02x", s[i])
			} else {
				b.WriteRune(r)
			}
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Printable returns s safe to print on a terminal or in a CI log: control
// characters (C0, DEL, C1), the Unicode line and paragraph separators, bidi
// controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) and bytes
// that are not UTF-8 are written as Go escapes ("\n", "\x1b", "\u202e").
// A file name holding a newline then "::error" cannot start a GitHub
// Actions workflow command, and one holding U+202E cannot print reversed.
// Backslashes are kept as they are, so Printable of printable text is that
// text, and escaping twice changes nothing.
func Printable(s string) string {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == utf8.RuneError:
			b.WriteRune(r) // a U+FFFD written as such
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether r must not reach a terminal as it is: a
// control character (C0, DEL, C1), a line or paragraph separator, a
// bidirectional mark or control (U+061C, U+200E–U+200F, U+202A–U+202E,
// U+2066–U+2069), or the mark of an invalid byte. Terminal and Printable
// escape the same runes.
func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\u2028' || r == '\u2029' ||
		r == '\u061c' || r == '\u200e' || r == '\u200f' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == utf8.RuneError
}

// Columns writes rows as aligned columns, the first to the left and the
// others (numbers) to the right, each line indented by two spaces.
func Columns(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, cell := range r {
			n := utf8.RuneCountInString(cell)
			if i >= len(width) {
				width = append(width, n)
			} else if n > width[i] {
				width[i] = n
			}
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString(" ")
		for i, cell := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(cell))
			b.WriteString(" ")
			if i == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(" " + pad + cell)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// Writer writes to W until a write fails, then keeps that first error
// and writes nothing more, so that printing code stays linear and checks
// Err once at the end.
type Writer struct {
	W   io.Writer
	Err error
}

// Write writes p unless an earlier write failed.
func (w *Writer) Write(p []byte) (int, error) {
	if w.Err != nil {
		return 0, w.Err
	}
	n, err := w.W.Write(p)
	w.Err = err
	return n, err
}

// Printf formats to the writer.
func (w *Writer) Printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }

// TerminalWriter writes to W what [Terminal] would, but keeps line breaks
// and tabs (the layout of a table): the writer of a text output meant for
// a terminal or a CI log, so that no control character or bidirectional
// control from a record reaches it whatever the printing code forgot.
type TerminalWriter struct{ W io.Writer }

// Write writes p with every unsafe rune but '\n' and '\t' made visible. It
// reports len(p) written when the escaped text was written whole.
func (t TerminalWriter) Write(p []byte) (int, error) {
	s := string(p)
	clean := true
	for _, r := range s {
		if r != '\n' && r != '\t' && (unsafeRune(r) || r == '\r') {
			clean = false
			break
		}
	}
	if clean {
		return t.W.Write(p)
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		for j, cell := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(Terminal(cell))
		}
	}
	if _, err := io.WriteString(t.W, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
