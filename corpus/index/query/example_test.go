package query_test

import (
	"fmt"

	"github.com/redtape-vn/redtape/corpus/index/query"
)

func ExampleParse() {
	n, err := query.Parse(`giay khai sinh OR "kết hôn" -level:tỉnh`)
	if err != nil {
		panic(err)
	}
	fmt.Println(n)
	_, err = query.Parse("basis:(104/2022/NĐ-CP")
	fmt.Println(err)
	// Output:
	// giay khai sinh OR "kết hôn" -level:tỉnh
	// query column 7: ( opened here is not closed
}
