package corpus

import (
	"fmt"
	"reflect"
	"testing"
)

// TestSplitDossierQuantityCells checks where the splitter finds the quantity
// cell that ends each row of a run-together dossier table.
func TestSplitDossierQuantityCells(t *testing.T) {
	type row struct {
		Text, Quantity string
		Originals      string
		Copies         string
	}
	count := func(n *int) string {
		if n == nil {
			return "-"
		}
		return fmt.Sprint(*n)
	}
	tests := []struct {
		name string
		in   string
		want []row
	}{
		{
			name: "padded count in the paper text before the cell",
			in:   DossierHeader + "+ Tờ khai hải quan: 02 bản chính0 bản chính+ Hợp đồng: 01 bản sao0 bản chính",
			want: []row{
				{"+ Tờ khai hải quan: 02 bản chính", "0 bản chính", "0", "-"},
				{"+ Hợp đồng: 01 bản sao", "0 bản chính", "0", "-"},
			},
		},
		{
			name: "padded count before a two-part cell",
			in:   DossierHeader + "Bảng kê: 02 bản sao1 bản chính,1 bản saoĐơn đề nghị1 bản chính",
			want: []row{
				{"Bảng kê: 02 bản sao", "1 bản chính,1 bản sao", "1", "1"},
				{"Đơn đề nghị", "1 bản chính", "1", "-"},
			},
		},
		{
			name: "next paper starts with a count",
			in:   DossierHeader + "Tờ khai1 bản chính01 bản sao giấy khai sinh0 bản chính,1 bản sao",
			want: []row{
				{"Tờ khai", "1 bản chính", "1", "-"},
				{"01 bản sao giấy khai sinh", "0 bản chính,1 bản sao", "0", "1"},
			},
		},
		{
			name: "paper text ending in a date",
			in:   DossierHeader + "Quyết định ngày 01/01/20261 bản chínhĐơn0 bản chính",
			want: []row{
				{"Quyết định ngày 01/01/2026", "1 bản chính", "1", "-"},
				{"Đơn", "0 bản chính", "0", "-"},
			},
		},
		{
			name: "count in mid-sentence",
			in:   DossierHeader + "Tờ khai, trong đó nộp 02 bản chính tờ khai giấy1 bản chính",
			want: []row{
				{"Tờ khai, trong đó nộp 02 bản chính tờ khai giấy", "1 bản chính", "1", "-"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []row
			for _, p := range SplitDossier(tt.in, "f") {
				got = append(got, row{p.Text, p.Quantity, count(p.Originals), count(p.Copies)})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitDossier:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
