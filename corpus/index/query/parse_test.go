package query

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string // want is the String form
		typ      string // type of the root node
	}{
		{"giay khai sinh", "giay khai sinh", "*query.And"},
		{"khai", "khai", "*query.Term"},
		{`"sổ hộ khẩu"`, `"sổ hộ khẩu"`, "*query.Phrase"},
		{`"  sổ   hộ khẩu "`, `"sổ hộ khẩu"`, "*query.Phrase"},
		{"a b OR c", "a b OR c", "*query.Or"},
		{"a (b OR c)", "a (b OR c)", "*query.And"},
		{"a OR b OR c", "a OR b OR c", "*query.Or"},
		{"(a OR b) OR c", "a OR b OR c", "*query.Or"},
		{"a AND b", "a b", "*query.And"},
		{"a && b || c", "a b OR c", "*query.Or"},
		{"-a", "-a", "*query.Not"},
		{"NOT a", "-a", "*query.Not"},
		{"--a", "--a", "*query.Not"},
		{"NOT -a", "a", "*query.Term"},
		{"a -(b c)", "a -(b c)", "*query.And"},
		// A - right after a closing quote or parenthesis excludes, as after a space.
		{`"x"-y`, `"x" -y`, "*query.And"},
		{`(a b)-c`, `a b -c`, "*query.And"},
		{"a-b", "a-b", "*query.Term"},
		{`a -"b c"`, `a -"b c"`, "*query.And"},
		{"a-b", "a-b", "*query.Term"},
		{"khai*", "khai*", "*query.Term"},
		{"khai**", "khai*", "*query.Term"},
		{"ministry:tài", "ministry:tài", "*query.Term"},
		{"MINISTRY:tài", "ministry:tài", "*query.Term"},
		{`ministry:"tài chính" level:xã`, `ministry:"tài chính" level:xã`, "*query.And"},
		{"basis:104/2022/NĐ-CP", "basis:104/2022/NĐ-CP", "*query.Term"},
		{"code:1.000*", "code:1.000*", "*query.Term"},
		{"sector:(thuế OR \"hải quan\")", `sector:thuế OR sector:"hải quan"`, "*query.Or"},
		{"level:(tỉnh -xã)", "level:tỉnh -level:xã", "*query.And"},
		{"-sector:thuế giấy", "-sector:thuế giấy", "*query.And"},
		{"name:-x", "name:-x", "*query.Term"},
		{"Điều 5: 8:00", "Điều 5: 8:00", "*query.And"},
		{"((a))", "a", "*query.Term"},
		{norm.NFD.String("giấy"), "giấy", "*query.Term"},
	}
	for _, tt := range tests {
		n, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := n.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		if got := typeName(n); got != tt.typ {
			t.Errorf("Parse(%q) is %s, want %s", tt.in, got, tt.typ)
		}
	}
}

func typeName(n Node) string {
	switch n.(type) {
	case *And:
		return "*query.And"
	case *Or:
		return "*query.Or"
	case *Not:
		return "*query.Not"
	case *Term:
		return "*query.Term"
	case *Phrase:
		return "*query.Phrase"
	}
	return "?"
}

func TestParseTree(t *testing.T) {
	n, err := Parse(`giay -"sổ hộ" (x OR basis:1/2020*)`)
	if err != nil {
		t.Fatal(err)
	}
	and := n.(*And)
	if len(and.Nodes) != 3 {
		t.Fatalf("want 3 nodes, got %d", len(and.Nodes))
	}
	if term := and.Nodes[0].(*Term); term.Text != "giay" || term.Pos != 1 {
		t.Errorf("first term %+v", term)
	}
	if ph := and.Nodes[1].(*Not).Node.(*Phrase); ph.Text != "sổ hộ" || ph.Pos != 7 {
		t.Errorf("phrase %+v", ph)
	}
	or := and.Nodes[2].(*Or)
	if b := or.Nodes[1].(*Term); b.Field != "basis" || b.Text != "1/2020" || !b.Prefix || b.Pos != 21 {
		t.Errorf("basis term %+v", b)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		pos  int
		want string
	}{
		{"", 1, "empty query"},
		{"   ", 1, "empty query"},
		{`"sổ hộ`, 1, "not closed"},
		{`a ""`, 3, "empty phrase"},
		{"(a", 1, "not closed"},
		{"a)", 2, "without a matching ("},
		{"()", 1, "empty parentheses"},
		{`"0"-`, 4, "nothing to exclude"},
		{"a OR", 3, "both sides"},
		{"OR a", 1, "both sides"},
		{"a OR OR b", 3, "both sides"},
		{"a AND", 3, "both sides"},
		{"NOT", 1, "nothing to exclude"},
		{"a NOT", 3, "nothing to exclude"},
		{"giay -", 6, "nothing to exclude after -"},
		{"giay - khai", 6, "nothing to exclude after -"},
		{"(a -)", 4, "nothing to exclude after -"},
		{"-", 1, "nothing to exclude after -"},
		// A word of dashes alone, right after an excluding -.
		{"--", 2, "nothing to exclude after -"},
		{"a --*", 4, "nothing to exclude after -"},
		{" -(--)--", 5, "nothing to exclude after -"},
		{"foo:bar", 1, `unknown field "foo"`},
		{"ministry:", 1, "has no value"},
		{"ministry: x", 1, "has no value"},
		{"name:code:x", 1, "needs a word"},
		{"*", 1, "* needs"},
		{"a (b OR) c", 6, "both sides"},
		{strings.Repeat("(", 100) + "a" + strings.Repeat(")", 100), 66, "nested"},
		{"ký hiệu)", 8, "without a matching"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%q) = %v, want a *Error", tt.in, err)
			continue
		}
		if qe.Pos != tt.pos || !strings.Contains(qe.Msg, tt.want) {
			t.Errorf("Parse(%q) error at %d %q, want at %d containing %q", tt.in, qe.Pos, qe.Msg, tt.pos, tt.want)
		}
	}
}

func TestErrorCaret(t *testing.T) {
	_, err := Parse("giấy (khai")
	var qe *Error
	if !errors.As(err, &qe) {
		t.Fatal(err)
	}
	if got, want := qe.Caret(), "giấy (khai\n     ^"; got != want {
		t.Errorf("Caret() = %q, want %q", got, want)
	}
}

func TestSparseBigrams(t *testing.T) {
	tests := map[string][]string{
		"a b":       {"a b"},
		"a b c":     {"a b", "b c"},
		"a b c d":   {"a b", "", "c d"},
		"a b c d e": {"a b", "", "c d", "d e"},
	}
	for in, want := range tests {
		words := strings.Fields(in)
		var bi []string
		for i := 0; i+1 < len(words); i++ {
			bi = append(bi, words[i]+" "+words[i+1])
		}
		if got := sparseBigrams(bi); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("sparseBigrams(%q) = %q, want %q", bi, got, want)
		}
	}
}
