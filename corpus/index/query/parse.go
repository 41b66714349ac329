// Package query is redtape's search language: a lexer and parser into a
// typed tree (each node has a String form that parses back to the same
// tree) and a translation of the tree into bleve queries over the fields of
// package fields. The syntax is documented for users in docs/query-syntax.md.
//
//	giay khai sinh                   words, all required (implicit AND)
//	"sổ hộ khẩu"                     a phrase
//	khai sinh OR khai tử             either side; AND binds tighter than OR
//	(khai sinh OR kết hôn) -nước     grouping and exclusion (also NOT)
//	ministry:"tài chính" level:xã    field filters
//	basis:104/2022/NĐ-CP code:1.00*  legal numbers, codes, trailing * for prefixes
package query

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Field filters the language knows, with what each searches.
var knownFields = map[string]string{
	"name":     "the procedure name",
	"ministry": "the ministry (part of its name is enough)",
	"sector":   "the sector (lĩnh vực)",
	"level":    "the level of government (cấp)",
	"code":     "the procedure code (exact, or a prefix with *)",
	"paper":    "the required papers",
	"basis":    "the legal basis: a document number such as 104/2022/NĐ-CP, or words",
	"flagged":  "papers flagged as held in a state database: a catalog entry id or database",
}

// Fields returns the names of the field filters, sorted.
func Fields() []string {
	out := make([]string, 0, len(knownFields))
	for f := range knownFields {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// FieldDoc returns the description of a field filter, or "" for an unknown one.
func FieldDoc(name string) string { return knownFields[name] }

// maxDepth bounds the nesting of parentheses and exclusions.
const maxDepth = 64

// Node is a node of the query tree: *And, *Or, *Not, *Term or *Phrase.
type Node interface {
	// String returns the node in query syntax; parsing it gives the same tree.
	String() string
	node()
}

// And matches what all of its nodes match.
type And struct{ Nodes []Node }

// Or matches what any of its nodes matches.
type Or struct{ Nodes []Node }

// Not matches what its node does not match.
type Not struct{ Node Node }

// Term is one word, in a field or (Field "") in all text.
type Term struct {
	Field string
	Text  string
	// Prefix is true for a word written with a trailing *: it matches any
	// word that starts with Text.
	Prefix bool
	// Pos is the 1-based character column of the word in the query.
	Pos int
}

// Phrase is a quoted run of words that must appear in this order.
type Phrase struct {
	Field string
	Text  string
	Pos   int
}

func (*And) node()    {}
func (*Or) node()     {}
func (*Not) node()    {}
func (*Term) node()   {}
func (*Phrase) node() {}

func (n *And) String() string {
	parts := make([]string, len(n.Nodes))
	for i, c := range n.Nodes {
		if _, ok := c.(*Or); ok {
			parts[i] = "(" + c.String() + ")"
		} else {
			parts[i] = c.String()
		}
	}
	return strings.Join(parts, " ")
}

func (n *Or) String() string {
	parts := make([]string, len(n.Nodes))
	for i, c := range n.Nodes {
		if _, ok := c.(*Or); ok {
			parts[i] = "(" + c.String() + ")"
		} else {
			parts[i] = c.String()
		}
	}
	return strings.Join(parts, " OR ")
}

func (n *Not) String() string {
	switch n.Node.(type) {
	case *And, *Or, *Not:
		return "-(" + n.Node.String() + ")"
	}
	return "-" + n.Node.String()
}

func (n *Term) String() string {
	s := n.Text
	if n.Prefix {
		s += "*"
	}
	if n.Field != "" {
		return n.Field + ":" + s
	}
	return s
}

func (n *Phrase) String() string {
	s := `"` + n.Text + `"`
	if n.Field != "" {
		return n.Field + ":" + s
	}
	return s
}

// Error is a malformed query, with the 1-based character column where the
// problem was found.
type Error struct {
	Query string // the query, in NFC
	Pos   int
	Msg   string
}

func (e *Error) Error() string {
	return fmt.Sprintf("query column %d: %s", e.Pos, e.Msg)
}

// Caret returns the query with a caret line under the error's column, for
// terminals.
func (e *Error) Caret() string {
	pos := e.Pos
	if pos < 1 {
		pos = 1
	}
	return e.Query + "\n" + strings.Repeat(" ", pos-1) + "^"
}

// Parse parses a query. Input is normalised to NFC first, so text typed in
// decomposed form (NFD) parses like composed text; error columns count
// characters of the NFC form.
func Parse(q string) (Node, error) {
	if !utf8.ValidString(q) {
		q = strings.ToValidUTF8(q, "\uFFFD")
	}
	q = norm.NFC.String(q)
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks}
	if len(toks) == 1 { // only EOF
		return nil, &Error{Query: q, Pos: 1, Msg: "empty query"}
	}
	n, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == tokRParen {
			return nil, p.errAt(t, "unexpected ) without a matching (")
		}
		return nil, p.errAt(t, "unexpected "+t.describe())
	}
	return n, nil
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokWord
	tokPhrase
	tokLParen
	tokRParen
	tokOr
	tokAnd
	tokNot   // NOT or a leading -
	tokField // "name:" directly followed by a value
)

type token struct {
	kind tokKind
	text string
	pos  int // 1-based column
}

func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of query"
	case tokWord:
		return fmt.Sprintf("word %q", t.text)
	case tokPhrase:
		return fmt.Sprintf("phrase %q", t.text)
	case tokLParen:
		return "("
	case tokRParen:
		return ")"
	case tokOr:
		return "OR"
	case tokAnd:
		return "AND"
	case tokNot:
		return "exclusion"
	case tokField:
		return t.text + ":"
	}
	return "token"
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u3000'
}

// isWordEnd reports whether r ends a bare word.
func isWordEnd(r rune) bool { return isSpace(r) || r == '(' || r == ')' || r == '"' }

func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}

// startsToken reports whether rs[i] begins a token rather than continuing
// a word: it follows nothing, a space, a parenthesis or a closing quote
// ("x"-y excludes y, as "x" -y does).
func startsToken(rs []rune, i int) bool {
	if i == 0 {
		return true
	}
	r := rs[i-1]
	return isSpace(r) || r == '(' || r == ')' || r == '"'
}

func lex(q string) ([]token, error) {
	rs := []rune(q)
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		col := i + 1
		switch {
		case isSpace(r):
			i++
		case r == '(':
			toks = append(toks, token{tokLParen, "(", col})
			i++
		case r == ')':
			toks = append(toks, token{tokRParen, ")", col})
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if j == len(rs) {
				return nil, &Error{Query: q, Pos: col, Msg: "phrase opened here is not closed with \""}
			}
			toks = append(toks, token{tokPhrase, string(rs[i+1 : j]), col})
			i = j + 1
		case r == '-' && startsToken(rs, i) && i+1 < len(rs) && !isSpace(rs[i+1]) && rs[i+1] != ')':
			toks = append(toks, token{tokNot, "-", col})
			i++
		case r == '-' && startsToken(rs, i):
			// A dangling "-": at the end, before a space or a ")".
			return nil, &Error{Query: q, Pos: col, Msg: "nothing to exclude after - (write -word, with no space after the -)"}
		default:
			j := i
			for j < len(rs) && !isWordEnd(rs[j]) {
				j++
			}
			word := string(rs[i:j])
			if k := strings.IndexByte(word, ':'); k > 0 && isFieldName(word[:k]) {
				name := strings.ToLower(word[:k])
				if _, ok := knownFields[name]; !ok {
					return nil, &Error{Query: q, Pos: col, Msg: fmt.Sprintf("unknown field %q (known: %s)", word[:k], strings.Join(Fields(), ", "))}
				}
				toks = append(toks, token{tokField, name, col})
				i += k + 1
				if i == len(rs) || isSpace(rs[i]) || rs[i] == ')' {
					return nil, &Error{Query: q, Pos: col, Msg: fmt.Sprintf("field %s: has no value", name)}
				}
				continue
			}
			switch word {
			case "OR", "||":
				toks = append(toks, token{tokOr, word, col})
			case "AND", "&&":
				toks = append(toks, token{tokAnd, word, col})
			case "NOT":
				toks = append(toks, token{tokNot, word, col})
			default:
				toks = append(toks, token{tokWord, word, col})
			}
			i = j
		}
	}
	return append(toks, token{tokEOF, "", len(rs) + 1}), nil
}

type parser struct {
	q    string
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *parser) errAt(t token, msg string) error {
	return &Error{Query: p.q, Pos: t.pos, Msg: msg}
}

// or = and { OR and }
func (p *parser) or(depth int) (Node, error) {
	first, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	nodes := []Node{first}
	for p.peek().kind == tokOr {
		op := p.next()
		if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
			return nil, p.errAt(op, "OR needs a term on both sides")
		}
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 1 {
		return first, nil
	}
	return &Or{Nodes: flattenOr(nodes)}, nil
}

func flattenOr(nodes []Node) []Node {
	var out []Node
	for _, n := range nodes {
		if o, ok := n.(*Or); ok {
			out = append(out, o.Nodes...)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// and = unary { [AND] unary }
func (p *parser) and(depth int) (Node, error) {
	var nodes []Node
	for {
		t := p.peek()
		switch t.kind {
		case tokEOF, tokRParen, tokOr:
			if len(nodes) == 0 {
				if t.kind == tokOr {
					return nil, p.errAt(t, "OR needs a term on both sides")
				}
				if t.kind == tokRParen {
					return nil, p.errAt(t, "empty parentheses or unexpected )")
				}
				return nil, p.errAt(t, "expected a term")
			}
			if len(nodes) == 1 {
				return nodes[0], nil
			}
			return &And{Nodes: flattenAnd(nodes)}, nil
		case tokAnd:
			p.next()
			if len(nodes) == 0 {
				return nil, p.errAt(t, "AND needs a term on both sides")
			}
			if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
				return nil, p.errAt(t, "AND needs a term on both sides")
			}
			continue
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
}

func flattenAnd(nodes []Node) []Node {
	var out []Node
	for _, n := range nodes {
		if a, ok := n.(*And); ok {
			out = append(out, a.Nodes...)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// unary = (NOT | "-") unary | primary
func (p *parser) unary(depth int) (Node, error) {
	if depth > maxDepth {
		return nil, p.errAt(p.peek(), fmt.Sprintf("query nested more than %d deep", maxDepth))
	}
	t := p.peek()
	if t.kind == tokNot {
		p.next()
		if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
			return nil, p.errAt(t, "nothing to exclude after "+t.text)
		}
		n, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		if inner, ok := n.(*Not); ok { // --x is x
			return inner.Node, nil
		}
		return &Not{Node: n}, nil
	}
	return p.primary(depth, "")
}

// primary = "(" or ")" | field ":" value | word | phrase
func (p *parser) primary(depth int, field string) (Node, error) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		if p.peek().kind == tokRParen {
			return nil, p.errAt(t, "empty parentheses")
		}
		var n Node
		var err error
		if field != "" {
			n, err = p.fieldGroup(depth+1, field)
		} else {
			n, err = p.or(depth + 1)
		}
		if err != nil {
			return nil, err
		}
		if p.peek().kind != tokRParen {
			return nil, p.errAt(t, "( opened here is not closed")
		}
		p.next()
		return n, nil
	case tokWord:
		return p.word(t, field)
	case tokPhrase:
		text := strings.Join(strings.FieldsFunc(t.text, isSpace), " ")
		if text == "" {
			return nil, p.errAt(t, "empty phrase")
		}
		return &Phrase{Field: field, Text: text, Pos: t.pos}, nil
	case tokField:
		if field != "" {
			return nil, p.errAt(t, fmt.Sprintf("field %s: inside %s:", t.text, field))
		}
		switch p.peek().kind {
		case tokWord, tokPhrase, tokLParen:
			n, err := p.primary(depth, t.text)
			if err != nil {
				return nil, err
			}
			switch n := n.(type) {
			case *Term:
				n.Pos = t.pos
			case *Phrase:
				n.Pos = t.pos
			}
			return n, nil
		}
		return nil, p.errAt(t, fmt.Sprintf("field %s: needs a word, a \"phrase\" or (...) right after the colon", t.text))
	case tokEOF:
		return nil, p.errAt(t, "expected a term at end of query")
	}
	return nil, p.errAt(t, "unexpected "+t.describe())
}

// fieldGroup parses the inside of field:( ... ): words, phrases, OR, AND,
// exclusions and nested groups, all in field.
func (p *parser) fieldGroup(depth int, field string) (Node, error) {
	if depth > maxDepth {
		return nil, p.errAt(p.peek(), fmt.Sprintf("query nested more than %d deep", maxDepth))
	}
	var ors []Node
	var ands []Node
	flush := func(at token) error {
		switch len(ands) {
		case 0:
			return p.errAt(at, "OR needs a term on both sides")
		case 1:
			ors = append(ors, ands[0])
		default:
			ors = append(ors, &And{Nodes: flattenAnd(ands)})
		}
		ands = nil
		return nil
	}
	for {
		t := p.peek()
		switch t.kind {
		case tokRParen, tokEOF:
			if err := flush(t); err != nil {
				return nil, err
			}
			if len(ors) == 1 {
				return ors[0], nil
			}
			return &Or{Nodes: flattenOr(ors)}, nil
		case tokOr:
			p.next()
			if err := flush(t); err != nil {
				return nil, err
			}
			if k := p.peek().kind; k == tokRParen || k == tokEOF || k == tokOr {
				return nil, p.errAt(t, "OR needs a term on both sides")
			}
		case tokAnd:
			p.next()
		case tokNot:
			p.next()
			n, err := p.fieldOperand(depth, field, t)
			if err != nil {
				return nil, err
			}
			if inner, ok := n.(*Not); ok {
				ands = append(ands, inner.Node)
			} else {
				ands = append(ands, &Not{Node: n})
			}
		default:
			n, err := p.fieldOperand(depth, field, t)
			if err != nil {
				return nil, err
			}
			ands = append(ands, n)
		}
	}
}

func (p *parser) fieldOperand(depth int, field string, at token) (Node, error) {
	switch p.peek().kind {
	case tokWord, tokPhrase, tokLParen:
		return p.primary(depth, field)
	case tokNot:
		t := p.next()
		n, err := p.fieldOperand(depth+1, field, t)
		if err != nil {
			return nil, err
		}
		return &Not{Node: n}, nil
	}
	return nil, p.errAt(at, "expected a value for "+field+":")
}

func (p *parser) word(t token, field string) (Node, error) {
	text := t.text
	prefix := false
	if strings.HasSuffix(text, "*") {
		text = strings.TrimRight(text, "*")
		prefix = true
		if text == "" {
			return nil, p.errAt(t, "* needs some letters before it")
		}
	}
	// A free word of dashes alone ("--" reads as - and the word "-";
	// "--*" as - and "-*") is nothing to search, and printed back it
	// would read as a dangling -.
	if field == "" && strings.Trim(text, "-") == "" {
		return nil, p.errAt(t, "nothing to exclude after - (write -word, with no space after the -)")
	}
	return &Term{Field: field, Text: text, Prefix: prefix, Pos: t.pos}, nil
}
