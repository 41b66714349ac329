package query

import (
	"errors"
	"strings"
	"testing"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// requiredFields returns the fields of the term queries a record must
// match in q, and those that only add to its score.
func requiredFields(q bq.Query) (must, optional map[string]int) {
	must, optional = map[string]int{}, map[string]int{}
	var walk func(q bq.Query, required bool)
	walk = func(q bq.Query, required bool) {
		switch q := q.(type) {
		case *bq.TermQuery:
			if required {
				must[q.Field()]++
			} else {
				optional[q.Field()]++
			}
		case *bq.PhraseQuery:
			if required {
				must[q.Field()]++
			} else {
				optional[q.Field()]++
			}
		case *bq.ConjunctionQuery:
			for _, c := range q.Conjuncts {
				walk(c, required)
			}
		case *bq.DisjunctionQuery:
			for _, c := range q.Disjuncts {
				walk(c, required && len(q.Disjuncts) == 1)
			}
		case *bq.BooleanQuery:
			if q.Must != nil {
				walk(q.Must, required)
			}
			if q.Should != nil {
				// Without a must clause, bleve requires a should match.
				walk(q.Should, required && q.Must == nil)
			}
		}
	}
	walk(q, true)
	return must, optional
}

// Free-text words are required in the text field alone; the name fields
// only rank. Were the name terms part of what each word requires (a
// disjunction per word), every hit would walk three posting lists per
// word instead of one.
func TestTranslateNameBoostsOptional(t *testing.T) {
	tests := []struct {
		query    string
		must     map[string]int
		optional map[string]int
	}{
		{"giấy phép", map[string]int{fields.Text: 2}, map[string]int{fields.Name: 2, fields.NameExact: 2}},
		{"giay", map[string]int{fields.Text: 1}, map[string]int{fields.Name: 1}},
		{`"sổ hộ khẩu" level:xã`, map[string]int{fields.TextBigram: 1, fields.Level: 1}, map[string]int{fields.Name: 1}},
		{"tàu code:1.0001", map[string]int{fields.Text: 1, fields.Code: 1}, map[string]int{fields.Name: 1, fields.NameExact: 1}},
	}
	for _, tt := range tests {
		n, err := Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		q, err := TranslateWith(n, Options{Values: func(string) []string { return []string{"Cấp xã", "Cấp tỉnh"} }})
		if err != nil {
			t.Fatal(err)
		}
		must, optional := requiredFields(q)
		if !equalCounts(must, tt.must) || !equalCounts(optional, tt.optional) {
			t.Errorf("%s: required %v, optional %v; want %v, %v", tt.query, must, optional, tt.must, tt.optional)
		}
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// An error reading the terms a starred run expands to is the
// translation's error, not a query that silently finds nothing.
func TestTranslateTermsError(t *testing.T) {
	n, err := Parse("name:cấp-gi*")
	if err != nil {
		t.Fatal(err)
	}
	broken := errors.New("disk gone")
	_, err = TranslateWith(n, Options{Terms: func(string, string) ([]string, error) { return nil, broken }})
	if !errors.Is(err, broken) {
		t.Errorf("got %v, want the terms' error", err)
	}
	q, err := TranslateWith(n, Options{Terms: func(field, prefix string) ([]string, error) {
		if field != fields.Name || prefix != "gi" {
			t.Errorf("asked for %s %q", field, prefix)
		}
		return []string{"giay", "giam"}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	mq, ok := q.(*bq.MultiPhraseQuery)
	if !ok || len(mq.Terms) != 2 || len(mq.Terms[1]) != 2 || mq.Terms[0][0] != "cap" {
		t.Errorf("query %#v, want the phrase cap (giay|giam)", q)
	}
}

func TestFlagValues(t *testing.T) {
	values := []string{"id-card", "Cơ sở dữ liệu quốc gia về dân cư", "National Population Database", "", "id-card", "birth-certificate"}
	for q, ok := range map[string]bool{
		"flagged:any": true, "flagged:ID-CARD": true, `flagged:"co so du lieu quoc gia ve dan cu"`: true,
		"flagged:birth*": true, "flagged:nat*": true, "flagged:true": false, "flagged:none": false,
		`flagged:"cơ sở dữ liệu"`: false, "flagged:x*": false, "giay -flagged:none": false,
	} {
		n, err := Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		_, err = TranslateWith(n, Options{FlagValues: values})
		var qe *Error
		if ok != (err == nil) || !ok && (!errors.As(err, &qe) || qe.Query != n.String()) {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if !ok && !strings.HasPrefix(qe.Msg, "flagged: does not know ") {
			t.Errorf("%s: %s", q, qe.Msg)
		}
	}
	msg := FlagValuesMessage("true", values)
	want := `flagged: does not know "true": it takes any, birth-certificate, id-card (a catalog entry id), or the name of one of the 2 databases that "redtape catalog" lists`
	if msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
	// Without values, any value is taken.
	n, _ := Parse("flagged:true")
	if _, err := TranslateWith(n, Options{}); err != nil {
		t.Errorf("without values: %v", err)
	}
}
