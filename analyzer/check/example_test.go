package check_test

import (
	"context"
	"fmt"

	"github.com/redtape-vn/redtape/analyzer/check"
)

func ExampleParse() {
	src := "### Điều 3. Hồ sơ đề nghị cấp phép\n\n" +
		"Hồ sơ đề nghị cấp phép gồm:\n\n" +
		"a) Đơn đề nghị;\n\n" +
		"b) Bản sao có chứng thực hợp đồng thuê nhà;\n\n" +
		"c) Các giấy tờ khác có liên quan.\n"
	d, err := check.Parse("draft.md", []byte(src), "")
	if err != nil {
		panic(err)
	}
	a := d.Articles[0]
	fmt.Printf("Article %s: %s\n", a.Label, a.Title)
	for _, ds := range d.Dossiers {
		fmt.Printf("dossier for %q:\n", ds.Name)
		for _, it := range ds.Items {
			p := d.Pos(it.Start)
			fmt.Printf("  %d:%d %s\n", p.Line, p.Column, d.TextOf(it))
		}
	}
	// Output:
	// Article 3: Hồ sơ đề nghị cấp phép
	// dossier for "cấp phép":
	//   5:4 Đơn đề nghị
	//   7:4 Bản sao có chứng thực hợp đồng thuê nhà
	//   9:4 Các giấy tờ khác có liên quan
}

func ExampleChecker_Check() {
	c, err := check.New(check.Options{}) // no catalog wired: RT001 does not run
	if err != nil {
		panic(err)
	}
	d, err := c.Parse("draft.md", []byte("Hồ sơ gồm: đơn đề nghị; bản sao có chứng thực hợp đồng; tài liệu khác (nếu có).\n"))
	if err != nil {
		panic(err)
	}
	res, err := c.Check(context.Background(), d)
	if err != nil {
		panic(err)
	}
	for _, f := range res.Findings {
		if f.Severity >= check.SeverityWarning {
			fmt.Printf("%d:%d %s %s %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Name)
		}
	}
	// Output:
	// 1:25 warning RT003 certified-copy
	// 1:57 warning RT002 catch-all-requirement
}
