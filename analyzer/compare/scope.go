package compare

import (
	"strings"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Scope is who a procedure concerns, as the Government counts it: the
// published reduction figures under Resolutions 68/NQ-CP (2020) and
// 66/NQ-CP (2025) are for procedures related to business (thủ tục hành
// chính liên quan đến hoạt động kinh doanh).
type Scope string

// Scopes.
const (
	// ScopeBusiness: the subjects (đối tượng thực hiện) include an
	// enterprise, a co-operative, a household business or another
	// organisation.
	ScopeBusiness Scope = "business"
	// ScopeCitizen: every subject is a person (công dân, người nước ngoài,
	// cán bộ, công chức, ...).
	ScopeCitizen Scope = "citizen"
	// ScopeOther: the subjects are party or state bodies only (Tổ chức
	// Đảng, cơ quan nhà nước): neither business nor citizens.
	ScopeOther Scope = "other"
	// ScopeUnknown: the record states no subject, or none that is
	// recognised; never counted in business or citizen.
	ScopeUnknown Scope = "unknown"
	// ScopeAll takes every procedure, for filters.
	ScopeAll Scope = "all"
)

// Scopes lists the scopes in the order reports show them.
var Scopes = []Scope{ScopeBusiness, ScopeCitizen, ScopeOther, ScopeUnknown}

// Folded phrases that place a subject in a scope, checked in this order
// as whole words. Party and state bodies are checked before organisations,
// since "Tổ chức Đảng" is a party body, not a business.
var (
	businessWords = []string{"doanh nghiep", "hop tac xa", "htx", "ho kinh doanh", "to hop tac", "nha dau tu",
		"thuong nhan", "co so kinh doanh", "co so san xuat", "chu dau tu", "to chuc tin dung"}
	otherWords  = []string{"to chuc dang", "co quan nha nuoc", "co quan hanh chinh", "co quan dang"}
	orgWords    = []string{"to chuc"}
	personWords = []string{"cong dan", "ca nhan", "nguoi", "can bo", "cong chuc", "vien chuc", "dang vien",
		"ho gia dinh", "thuong binh", "benh binh", "cuu chien binh", "quan nhan", "hoc sinh", "sinh vien", "tre em"}
)

// ScopeOf classifies a procedure by its subjects: business when any
// subject is an enterprise, co-operative, household business or other
// organisation; citizen when every recognised subject is a person; other
// when the subjects are party or state bodies only; unknown when no subject
// is stated or recognised. It also returns the subject that decided (empty
// for unknown).
func ScopeOf(p *corpus.Procedure) (Scope, string) {
	return scopeOfWith(p, subjectScope)
}

// scopeOfWith is ScopeOf with each subject classified by classify
// ([subjectScope], or one that remembers its results).
func scopeOfWith(p *corpus.Procedure, classify func(string) Scope) (Scope, string) {
	var citizen, other string
	for _, s := range p.Subjects {
		switch classify(s) {
		case ScopeBusiness:
			return ScopeBusiness, s
		case ScopeCitizen:
			if citizen == "" {
				citizen = s
			}
		case ScopeOther:
			if other == "" {
				other = s
			}
		}
	}
	switch {
	case citizen != "":
		return ScopeCitizen, citizen
	case other != "":
		return ScopeOther, other
	}
	return ScopeUnknown, ""
}

// subjectScope classifies one subject as published.
func subjectScope(subject string) Scope {
	k := " " + strings.Join(vntext.FoldedWords(subject), " ") + " "
	has := func(words []string) bool {
		for _, w := range words {
			if strings.Contains(k, " "+w+" ") {
				return true
			}
		}
		return false
	}
	// "Tổ chức (không bao gồm doanh nghiệp, HTX)" names enterprises only to
	// exclude them: it is an organisation all the same, business either way.
	switch {
	case has(businessWords):
		return ScopeBusiness
	case has(otherWords):
		return ScopeOther
	case has(orgWords):
		return ScopeBusiness
	case has(personWords):
		return ScopeCitizen
	}
	return ScopeUnknown
}

// InScope reports whether p falls in scope; the empty scope and ScopeAll take
// every procedure. ScopeCitizen takes citizen-only procedures.
func InScope(p *corpus.Procedure, scope Scope) bool {
	if scope == "" || scope == ScopeAll {
		return true
	}
	s, _ := ScopeOf(p)
	return s == scope
}

// FilterScope returns the procedures of procs in scope (see [InScope]),
// in order.
func FilterScope(procs []*corpus.Procedure, scope Scope) []*corpus.Procedure {
	var out []*corpus.Procedure
	for _, p := range procs {
		if InScope(p, scope) {
			out = append(out, p)
		}
	}
	return out
}

// ScopeCounts counts procs per scope.
func ScopeCounts(procs []*corpus.Procedure) map[Scope]int {
	n := map[Scope]int{}
	for _, p := range procs {
		s, _ := ScopeOf(p)
		n[s]++
	}
	return n
}
