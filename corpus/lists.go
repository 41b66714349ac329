package corpus

// Splitting helpers shared by the paper readers: list items, list markers,
// separators outside parentheses.

import (
	"regexp"
	"strings"
	"sync"
)

// listItemRe finds list markers "a)", "b)", "-", "+" at the start of items.
var listItemRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[;\n]|\.\s)\s*(?:[a-zđ]\)|[-+•]|\d{1,2}[.)])\s*`)
})

// listMarkerFoldRe matches a list marker at the start of folded text.
var listMarkerFoldRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[-+*•]+|\(?[a-z]{1,4}\)|\d{1,2}[.)/]|[a-z]\.)\s*`)
})

// trimFoldedMarker removes a list marker from the start of folded text.
func trimFoldedMarker(f string) string {
	return strings.TrimSpace(listMarkerFoldRe().ReplaceAllString(f, ""))
}

// splitOutsideParens splits s at sep where sep is not inside parentheses.
func splitOutsideParens(s, sep string) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 { // "a)" closes nothing
				depth--
			}
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			out = append(out, s[last:i])
			last = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[last:])
}

// splitListItems splits text at list markers ("a)", "-", "+", "1.").
func splitListItems(text string) []string {
	locs := listItemRe().FindAllStringIndex(text, -1)
	if len(locs) < 2 {
		return nil
	}
	var out []string
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if item := strings.Trim(text[l[1]:end], " ;.\n"); item != "" {
			out = append(out, item)
		}
	}
	return out
}
