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
// names, legal citations) for use inline in Markdown, in a paragraph or a
// table cell: every character Markdown or HTML would read as markup is
// backslash-escaped, and line breaks become spaces. "<script>" stays text,
// "[x](javascript:…)" is no link and "|" does not end a cell.
func Markdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	prevSpace := true
	for _, r := range s {
		switch r {
		case '\n', '\r', '\t':
			r = ' '
		}
		if r == ' ' && prevSpace && b.Len() > 0 {
			continue // collapse runs of space
		}
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '#', '!', '{', '}':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		prevSpace = r == ' '
	}
	return strings.TrimRight(b.String(), " ")
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
