package compare

import (
	"context"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// TestScopeOf classifies subjects as published in ../shared/corpus (the 16
// values of doi_tuong_thuc_hien found there, and their combinations).
func TestScopeOf(t *testing.T) {
	for _, tc := range []struct {
		subjects []string
		want     Scope
		decided  string
	}{
		{[]string{"Doanh nghiệp"}, ScopeBusiness, "Doanh nghiệp"},
		{[]string{"Công dân Việt Nam", "Doanh nghiệp có vốn đầu tư nước ngoài"}, ScopeBusiness, "Doanh nghiệp có vốn đầu tư nước ngoài"},
		{[]string{"Hợp tác xã"}, ScopeBusiness, "Hợp tác xã"},
		{[]string{"Doanh nghiệp Việt Nam"}, ScopeBusiness, "Doanh nghiệp Việt Nam"},
		{[]string{"Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"}, ScopeBusiness, "Tổ chức (không bao gồm doanh nghiệp, HTX)"},
		{[]string{"Người nước ngoài", "Tổ chức nước ngoài"}, ScopeBusiness, "Tổ chức nước ngoài"},
		{[]string{"Hộ kinh doanh"}, ScopeBusiness, "Hộ kinh doanh"},
		{[]string{"Công dân Việt Nam"}, ScopeCitizen, "Công dân Việt Nam"},
		{[]string{"Người Việt Nam định cư ở nước ngoài", "Người nước ngoài"}, ScopeCitizen, "Người Việt Nam định cư ở nước ngoài"},
		{[]string{"Người nước ngoài cư trú tại Việt Nam"}, ScopeCitizen, "Người nước ngoài cư trú tại Việt Nam"},
		{[]string{"Cán bộ, công chức, viên chức"}, ScopeCitizen, "Cán bộ, công chức, viên chức"},
		{[]string{"Cán bộ", "công chức", "viên chức"}, ScopeCitizen, "Cán bộ"},
		{[]string{"Tổ chức Đảng", "Đảng viên"}, ScopeCitizen, "Đảng viên"},
		{[]string{"Tổ chức Đảng"}, ScopeOther, "Tổ chức Đảng"},
		{[]string{"Không xác định"}, ScopeUnknown, ""},
		{nil, ScopeUnknown, ""},
	} {
		p := &corpus.Procedure{Subjects: tc.subjects}
		got, by := ScopeOf(p)
		if got != tc.want || by != tc.decided {
			t.Errorf("ScopeOf(%q) = %s by %q, want %s by %q", tc.subjects, got, by, tc.want, tc.decided)
		}
		if !InScope(p, ScopeAll) || !InScope(p, "") || InScope(p, tc.want) != true {
			t.Errorf("InScope(%q) wrong", tc.subjects)
		}
	}
}

func TestFilterScope(t *testing.T) {
	procs := []*corpus.Procedure{
		{Code: "B", Subjects: []string{"Doanh nghiệp"}},
		{Code: "C", Subjects: []string{"Công dân Việt Nam"}},
		{Code: "U"},
	}
	for scope, want := range map[Scope]string{ScopeBusiness: "B", ScopeCitizen: "C", ScopeUnknown: "U", ScopeAll: "BCU"} {
		got := ""
		for _, p := range FilterScope(procs, scope) {
			got += p.Code
		}
		if got != want {
			t.Errorf("FilterScope(%s) = %s, want %s", scope, got, want)
		}
	}
	if n := ScopeCounts(procs); n[ScopeBusiness] != 1 || n[ScopeCitizen] != 1 || n[ScopeUnknown] != 1 {
		t.Errorf("ScopeCounts = %v", n)
	}
}

func TestCompareScopes(t *testing.T) {
	base := []*corpus.Procedure{
		{Code: "B", Name: "B", Subjects: []string{"Doanh nghiệp"}, Papers: []corpus.Paper{{Text: "Tờ khai"}, {Text: "Điều lệ"}}},
		{Code: "C", Name: "C", Subjects: []string{"Công dân Việt Nam"}, Papers: []corpus.Paper{{Text: "Tờ khai"}}},
		{Code: "X", Name: "X", Papers: []corpus.Paper{{Text: "Tờ khai"}}},
	}
	cur := []*corpus.Procedure{
		{Code: "B", Name: "B", Subjects: []string{"Doanh nghiệp"}, Papers: []corpus.Paper{{Text: "Tờ khai"}}},
		{Code: "C", Name: "C", Subjects: []string{"Công dân Việt Nam"}, Papers: []corpus.Paper{{Text: "Tờ khai"}}},
		{Code: "X", Name: "X", Subjects: []string{"Hợp tác xã"}, Papers: []corpus.Paper{{Text: "Tờ khai"}}},
	}
	res, err := Compare(context.Background(), base, cur, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[Scope][2]int{}
	var order []Scope
	for _, st := range res.Scenarios[0].Scopes {
		got[st.Scope] = [2]int{st.Procedures.Baseline, st.Papers.Cut}
		order = append(order, st.Scope)
	}
	// X states no subject in the baseline: it takes the current's scope.
	want := map[Scope][2]int{ScopeBusiness: {2, 1}, ScopeCitizen: {1, 0}}
	if len(got) != len(want) || got[ScopeBusiness] != want[ScopeBusiness] || got[ScopeCitizen] != want[ScopeCitizen] {
		t.Errorf("scopes (procedures, papers cut) %v, want %v", got, want)
	}
	if len(order) != 2 || order[0] != ScopeBusiness {
		t.Errorf("order %v", order)
	}
}
