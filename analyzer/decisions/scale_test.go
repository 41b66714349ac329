package decisions

import (
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes Parse allocates reading a one-row file whose
// paper is text and "Giấy phép", so that the row names a paper.
func allocated(t *testing.T, text string) uint64 {
	t.Helper()
	data := []byte("# schema: " + Schema + "\n# title: T\n# source: S\ncode,paper\n1.000001,\"" + text + "Giấy phép\"\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	l, err := Parse("long.csv", data, nil)
	runtime.ReadMemStats(&after)
	if err != nil || l.Len() != 1 {
		t.Fatalf("%.40q...: %.200v", text, err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestParseLongPaperLinear reads rows whose paper lists a phrase many
// times, in the shapes that made Parse quadratic (each name read the rest
// of the text: 2,000 "Giấy khai sinh, " took 4 s and 1 GB), and checks
// that eight times the text allocates about eight times the memory, not
// sixty-four times.
func TestParseLongPaperLinear(t *testing.T) {
	for _, unit := range []string{
		"Giấy khai sinh, ",      // a list of papers
		"giấy chứng nhận x ",    // names embedded without commas
		"bản sao ",              // copy words only
		"hoặc bản sao giấy tờ ", // separators each followed by copy words
		"(Giấy phép) ",          // papers in brackets
		"Căn cước công dân và ", // "và" before a paper's head
	} {
		small := allocated(t, strings.Repeat(unit, 250))
		large := allocated(t, strings.Repeat(unit, 2000))
		if large > 16*small {
			t.Errorf("%q: 250 times allocate %d bytes, 2,000 times %d (%.0f×)", unit, small, large, float64(large)/float64(small))
		}
	}
}
