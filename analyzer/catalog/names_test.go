package catalog

import (
	"fmt"
	"strings"
	"testing"
)

func TestArticleVi(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Art. 4.1.a", "điểm a khoản 1 Điều 4", true},
		{"Art. 4.10", "khoản 10 Điều 4", true},
		{"Art. 17", "Điều 17", true},
		{"Art 20.3", "khoản 3 Điều 20", true},
		{"Article 9.6", "khoản 6 Điều 9", true},
		{"Art. 4.2.đ", "điểm đ khoản 2 Điều 4", true},
		{"Art. 4.1b", "điểm b khoản 1 Điều 4", true},
		{"Art. 4.a", "điểm a Điều 4", true},
		{"Art. 12a", "Điều 12a", true},
		{" Art. 18.4 ", "khoản 4 Điều 18", true},
		{"", "", false},
		{"Art. 4, 5", "", false},
		{"Annex II", "", false},
		{"Điều 4", "", false},
		{"Art. 4.1.a.ii", "", false},
	}
	for _, tt := range tests {
		got, ok := ArticleVi(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ArticleVi(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCitation(t *testing.T) {
	b := Basis{Title: "Resolution 66.7/2025/NQ-CP", TitleVi: "Nghị quyết 66.7/2025/NQ-CP", Article: "Art. 4.1.a", Status: Law}
	tests := []struct {
		b    Basis
		l    Lang
		want string
	}{
		{b, English, "Resolution 66.7/2025/NQ-CP Art. 4.1.a"},
		{b, Vietnamese, "điểm a khoản 1 Điều 4 Nghị quyết 66.7/2025/NQ-CP"},
		{Basis{Title: "Decree X", Article: "Art. 2.1"}, Vietnamese, "Decree X Art. 2.1"}, // no Vietnamese title: English, not a mix
		{Basis{Title: "Decree X", TitleVi: "Nghị định X", Article: "Annex II"}, Vietnamese, "Nghị định X Annex II"},
		{Basis{Title: "Decree X", TitleVi: "Nghị định X"}, Vietnamese, "Nghị định X"},
		{Basis{Title: "Decree X", TitleVi: "Nghị định X", Article: "Art. 3"}, English, "Decree X Art. 3"},
	}
	for _, tt := range tests {
		if got := tt.b.Citation(tt.l); got != tt.want {
			t.Errorf("%+v in %s: %q, want %q", tt.b, tt.l, got, tt.want)
		}
	}
}

// Every built-in entry and document has its Vietnamese names, every entry
// says whether its database name is a translation, and the entries naming
// one database agree.
func TestDefaultVietnameseNames(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Entries {
		if e.DatabaseVi == "" || e.OwnerVi == "" {
			t.Errorf("%s: no Vietnamese database or owner name", e.ID)
		}
		if e.DatabaseVi == e.Database || !strings.HasPrefix(e.OwnerVi, "B") {
			t.Errorf("%s: Vietnamese names look English: %q, %q", e.ID, e.DatabaseVi, e.OwnerVi)
		}
		marked := 0
		for _, s := range e.Sources {
			if strings.HasPrefix(s, "Vietnamese database name") {
				marked++
			}
		}
		if marked != 1 {
			t.Errorf("%s: %d sources for the Vietnamese name, want 1", e.ID, marked)
		}
		for _, b := range e.Basis {
			if b.TitleVi == "" || (b.Note != "" && b.NoteVi == "") {
				t.Errorf("%s: basis %s lacks a Vietnamese title or note", e.ID, b.Document)
			}
		}
	}
	for id, d := range c.Documents {
		if d.TitleVi == "" || d.SourceVi == "" {
			t.Errorf("document %s lacks a Vietnamese title or source", id)
		}
	}
	for id, want := range map[string][2]string{
		"id-card":               {"Cơ sở dữ liệu quốc gia về dân cư và Cơ sở dữ liệu căn cước", "Bộ Công an"},
		"health-insurance-card": {"Cơ sở dữ liệu quốc gia về bảo hiểm", "Bảo hiểm xã hội Việt Nam (Bộ Tài chính)"},
		"business-registration": {"Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "Bộ Tài chính"},
		"criminal-record":       {"Cơ sở dữ liệu lý lịch tư pháp", "Bộ Công an (từ năm 2025)"},
	} {
		e := c.Entry(id)
		if e.DatabaseIn(Vietnamese) != want[0] || e.OwnerIn(Vietnamese) != want[1] || e.DatabaseIn(English) != e.Database || e.OwnerIn(English) != e.Owner {
			t.Errorf("%s: %q (%q), want %q (%q)", id, e.DatabaseIn(Vietnamese), e.OwnerIn(Vietnamese), want[0], want[1])
		}
	}
}

func TestVietnameseNamesInferredAndChecked(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// A user entry naming a built-in database and owner in English gets
	// their Vietnamese names; one naming a new database falls back to English.
	user := strings.Replace(okFile, `database: "Pet DB"`, `database: "Civil-status e-database"`, 1)
	user = strings.Replace(user, `owner: "Ministry of Pets"`, `owner: "Ministry of Justice"`, 1)
	c, err := Parse("user.yaml", []byte(user), base)
	if err != nil {
		t.Fatal(err)
	}
	e := c.Entry("pet-licence")
	if e.DatabaseVi != "Cơ sở dữ liệu hộ tịch điện tử" || e.OwnerVi != "Bộ Tư pháp" {
		t.Errorf("inferred %q, %q", e.DatabaseVi, e.OwnerVi)
	}
	c, err = Parse("new.yaml", []byte(okFile), base)
	if err != nil {
		t.Fatal(err)
	}
	if e := c.Entry("pet-licence"); e.DatabaseVi != "" || e.DatabaseIn(Vietnamese) != "Pet DB" || e.OwnerIn(Vietnamese) != "Ministry of Pets" {
		t.Errorf("fallback: %q, %q", e.DatabaseIn(Vietnamese), e.OwnerIn(Vietnamese))
	}
	// Names given are tidied; the base catalog's entries are not changed.
	tidyFile := strings.Replace(okFile, `owner: "Ministry of Pets"`, "owner: \"Ministry of Pets\"\n    owner_vi: \"  Bộ   Thú cưng \"\n    database_vi: \"CSDL thú cưng\"", 1)
	c, err = Parse("tidy.yaml", []byte(tidyFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := c.Entry("pet-licence"); e.OwnerVi != "Bộ Thú cưng" || e.DatabaseVi != "CSDL thú cưng" {
		t.Errorf("tidied: %q, %q", e.OwnerVi, e.DatabaseVi)
	}
	if base.Entry("marriage-certificate").DatabaseVi != "Cơ sở dữ liệu hộ tịch điện tử" {
		t.Error("base changed")
	}
	// Errors: a name without letters; two names for one database or owner.
	for _, tt := range []struct{ name, data, want string }{
		{"no letters", strings.Replace(okFile, `owner: "Ministry of Pets"`, "owner: \"Ministry of Pets\"\n    owner_vi: \"--\"", 1), `owner_vi "--" has no letters`},
		{"bad title", strings.Replace(okFile, `title: "Law X",`, `title: "Law X", title_vi: "1/2",`, 1), `title_vi "1/2" has no letters`},
		{"two names", strings.Replace(user, `owner: "Ministry of Justice"`, "owner: \"Ministry of Justice\"\n    database_vi: \"CSDL hộ tịch\"", 1),
			`entry pet-licence: database_vi "CSDL hộ tịch" differs from "Cơ sở dữ liệu hộ tịch điện tử" given by entry marriage-certificate for the same database "Civil-status e-database"`},
	} {
		var b *Catalog
		if tt.name == "two names" {
			b = base
		}
		_, err := Parse("x.yaml", []byte(tt.data), b)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.yaml") {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func ExampleBasis_Citation() {
	c, _ := Default()
	e := c.Entry("criminal-record")
	fmt.Println(e.DatabaseIn(Vietnamese), "—", e.OwnerIn(Vietnamese))
	fmt.Println(e.DatabaseIn(English), "—", e.OwnerIn(English))
	for _, b := range e.Basis[:1] {
		fmt.Println(b.Citation(Vietnamese))
		fmt.Println(b.Citation(English))
	}
	// Output:
	// Cơ sở dữ liệu lý lịch tư pháp — Bộ Công an (từ năm 2025)
	// Criminal-record database — Ministry of Public Security (since 2025)
	// khoản 8 Điều 4 Nghị quyết 66.7/2025/NQ-CP
	// Resolution 66.7/2025/NQ-CP Art. 4.8
}
