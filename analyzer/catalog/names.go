package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Lang selects the language names and citations are given in.
type Lang string

// Languages of names.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// DatabaseIn names the entry's database in language l: the Vietnamese name
// when l is [Vietnamese] and the catalog gives one, else the English name.
func (e *Entry) DatabaseIn(l Lang) string { return pick(l, e.DatabaseVi, e.Database) }

// OwnerIn names the database's owner in language l, as [Entry.DatabaseIn] does.
func (e *Entry) OwnerIn(l Lang) string { return pick(l, e.OwnerVi, e.Owner) }

// TitleIn names the document in language l, falling back to the English title.
func (d *Document) TitleIn(l Lang) string { return pick(l, d.TitleVi, d.Title) }

// SourceIn says where the document's facts come from in language l,
// falling back to the English text.
func (d *Document) SourceIn(l Lang) string { return pick(l, d.SourceVi, d.Source) }

// NoteIn is the basis's note in language l, falling back to the English note.
func (b Basis) NoteIn(l Lang) string { return pick(l, b.NoteVi, b.Note) }

func pick(l Lang, vi, en string) string {
	if l == Vietnamese && vi != "" {
		return vi
	}
	return en
}

// Citation cites the basis without its status mark. In English it is the
// title and the article as written ("Resolution 66.7/2025/NQ-CP Art.
// 4.1.a"); in Vietnamese the article comes first, as Vietnamese legal
// writing cites it ("điểm a khoản 1 Điều 4 Nghị quyết 66.7/2025/NQ-CP"),
// when it is written "Art. N", "Art. N.M" or "Art. N.M.x"; any other
// article is kept as written after the title. Without a Vietnamese title
// the English citation stands in Vietnamese too, rather than a mix.
func (b Basis) Citation(l Lang) string {
	if l != Vietnamese || b.TitleVi == "" {
		return strings.TrimSpace(b.Title + " " + b.Article)
	}
	if b.Article == "" {
		return b.TitleVi
	}
	if a, ok := ArticleVi(b.Article); ok {
		return a + " " + b.TitleVi
	}
	return b.TitleVi + " " + b.Article
}

// articleRE reads "Art. 4", "Art. 4.1", "Art. 4.1.a", "Art. 4.a" (also
// "Article", "Art 4", "Art. 4.1a"); points run a, b, c, d, đ, e ...
var articleRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:art(?:icle)?)\.?\s*(\d+[a-z]?)(?:\.(\d+))?(?:\.?([a-zđ]))?$`)
})

// ArticleVi writes an article reference of the catalog ("Art. 4.1.a") the
// Vietnamese way ("điểm a khoản 1 Điều 4"); ok is false when the reference
// is not of the form "Art. N[.M[.x]]".
func ArticleVi(article string) (vi string, ok bool) {
	m := articleRE().FindStringSubmatch(strings.TrimSpace(article))
	if m == nil {
		return "", false
	}
	parts := []string{"Điều " + m[1]}
	if m[2] != "" {
		parts = append([]string{"khoản " + m[2]}, parts...)
	}
	if m[3] != "" {
		parts = append([]string{"điểm " + m[3]}, parts...) // "Art. 4.a": a point of an article without clauses
	}
	return strings.Join(parts, " "), true
}

// checkVi validates an optional Vietnamese name or text: when given, it
// must hold letters.
func checkVi(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if strings.IndexFunc(v, unicode.IsLetter) < 0 {
		return fmt.Errorf("%s %q has no letters", field, v)
	}
	return nil
}

// tidy puts a name in NFC with single spaces.
func tidy(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return vntext.CollapseSpace(vntext.NFC(s))
}

// nameVietnamese gives every entry without a Vietnamese database or owner
// name the one another entry gives the same English name, so a user entry
// naming a built-in database ("Civil-status e-database") is shown in
// Vietnamese too. Two entries giving one English name two different
// Vietnamese names are an error: reports group papers by database and
// print one name. Entries are copied before they are changed, since base
// catalogs share them.
func nameVietnamese(file string, entries []*Entry) error {
	type given struct{ vi, by string }
	var errs []error
	table := func(en func(*Entry) string, vi func(*Entry) string, field string) map[string]given {
		m := map[string]given{}
		for _, e := range entries {
			v := vi(e)
			if v == "" {
				continue
			}
			k := en(e)
			g, ok := m[k]
			switch {
			case !ok:
				m[k] = given{v, e.ID}
			case g.vi != v:
				errs = append(errs, fmt.Errorf("catalog %s: entry %s: %s %q differs from %q given by entry %s for the same %s %q",
					file, e.ID, field, v, g.vi, g.by, strings.TrimSuffix(field, "_vi"), k))
			}
		}
		return m
	}
	dbs := table(func(e *Entry) string { return e.Database }, func(e *Entry) string { return e.DatabaseVi }, "database_vi")
	owners := table(func(e *Entry) string { return e.Owner }, func(e *Entry) string { return e.OwnerVi }, "owner_vi")
	if len(errs) > 0 {
		sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
		return errors.Join(errs...)
	}
	for i, e := range entries {
		dv, ov := e.DatabaseVi, e.OwnerVi
		if dv == "" {
			dv = dbs[e.Database].vi
		}
		if ov == "" {
			ov = owners[e.Owner].vi
		}
		if dv != e.DatabaseVi || ov != e.OwnerVi {
			ne := *e
			ne.DatabaseVi, ne.OwnerVi = dv, ov
			entries[i] = &ne
		}
	}
	return nil
}
