package corpus

import (
	"context"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocBytes returns the bytes allocated while f runs.
//
// The count is the process's, so that other goroutines allocating at the
// same time (tests running in parallel, the runtime) can only add to it:
// f runs three times and the least count is taken.
func allocBytes(f func()) uint64 {
	least := uint64(math.MaxUint64)
	for range 3 {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		f()
		runtime.ReadMemStats(&m1)
		least = min(least, m1.TotalAlloc-m0.TotalAlloc)
	}
	return least
}

// deepList is a Markdown procedure whose dossier list nests depth levels
// deep, one item a level (the shape of issue 15: 6,000 deep took 2.8–5.5 GB).
func deepList(depth int) string {
	var b strings.Builder
	b.WriteString("# Thủ tục\n\n- Mã thủ tục: 9.900001\n\n## Thành phần hồ sơ\n\n")
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- Giấy tờ\n")
	}
	return b.String()
}

func readString(t *testing.T, name, text string) ([]*Procedure, *Summary) {
	t.Helper()
	var procs []*Procedure
	sum, err := ReadData(context.Background(), name, []byte(text), Options{}, func(p *Procedure) error {
		procs = append(procs, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return procs, sum
}

func TestMarkdownDepthLimit(t *testing.T) {
	procs, sum := loadAll(t, []string{filepath.Join("..", "testdata", "hardening", "deep-list.md")}, Options{})
	if len(procs) != 1 || procs[0].Code != "9.900002" {
		t.Fatalf("read %d procedures, want only the one nested within the limit", len(procs))
	}
	if len(sum.Errors) != 1 {
		t.Fatalf("errors %v, want the deep record refused", sum.Errors)
	}
	e := sum.Errors[0]
	// The first item over the limit is the 33rd, on line 7+32.
	if e.Line != 39 || e.Record != 1 || !strings.Contains(e.Error(), "nested 33 levels deep (the limit is 32)") {
		t.Errorf("error %q (line %d, record %d)", e, e.Line, e.Record)
	}
	// Exactly at the limit, the record is read.
	if procs, sum := readString(t, "x.md", deepList(MaxMarkdownDepth)); len(procs) != 1 || sum.Failed() {
		t.Errorf("depth %d: %d procedures, errors %v", MaxMarkdownDepth, len(procs), sum.Errors)
	}
	// Quotes and rules.
	quotes := "# Thủ tục\n\n- Mã thủ tục: 9.900001\n\n" + strings.Repeat(">", 40) + " x\n"
	if _, sum := readString(t, "x.md", quotes); !sum.Failed() {
		t.Errorf("quotes 40 deep read")
	}
	rule := "# Thủ tục\n\n- Mã thủ tục: 9.900001\n\n" + strings.Repeat("- ", 60) + "\n\ntext\n"
	if procs, sum := readString(t, "x.md", rule); len(procs) != 1 || sum.Failed() {
		t.Errorf("a rule of 60 dashes refused: %v", sum.Errors)
	}
}

// bytesPerInputByte bounds what reading a refused record may allocate per
// byte of input; the race detector's own allocations double it.
func bytesPerInputByte() float64 {
	if raceDetector {
		return 16
	}
	return 8
}

// TestMarkdownDepthBoundedMemory reads the deep-list shape at two sizes:
// refused before parsing, its memory grows with the input and no faster.
// Before the limit, 2,000 levels (4 MB) allocated 535 MB.
func TestMarkdownDepthBoundedMemory(t *testing.T) {
	small, large := deepList(1000), deepList(2000) // 1 MB and 4 MB
	var a, b uint64
	a = allocBytes(func() { readString(t, "x.md", small) })
	b = allocBytes(func() { readString(t, "x.md", large) })
	perByte := float64(b) / float64(len(large))
	t.Logf("%d bytes: %d allocated; %d bytes: %d allocated (%.1f a byte)", len(small), a, len(large), b, perByte)
	if limit := bytesPerInputByte(); perByte > limit {
		t.Errorf("%.1f bytes allocated per input byte, want at most %.0f", perByte, limit)
	}
	if growth, size := float64(b)/float64(a), float64(len(large))/float64(len(small)); growth > 1.5*size {
		t.Errorf("memory grew %.1f× for %.1f× the input", growth, size)
	}
}

// TestMarkdownNearLimitLinear reads many items nested just within the
// limit: the parser's cost per byte must not grow with the size.
func TestMarkdownNearLimitLinear(t *testing.T) {
	doc := func(items int) string {
		var b strings.Builder
		b.WriteString("# Thủ tục\n\n- Mã thủ tục: 9.900001\n\n## Thành phần hồ sơ\n\n")
		for i := 0; i < items; i++ {
			b.WriteString(strings.Repeat("  ", i%MaxMarkdownDepth))
			b.WriteString("- Giấy tờ\n")
		}
		return b.String()
	}
	small, large := doc(1000), doc(4000)
	a := allocBytes(func() { readString(t, "x.md", small) })
	b := allocBytes(func() { readString(t, "x.md", large) })
	t.Logf("%d bytes: %d allocated; %d bytes: %d allocated", len(small), a, len(large), b)
	if growth, size := float64(b)/float64(a), float64(len(large))/float64(len(small)); growth > 1.5*size {
		t.Errorf("memory grew %.1f× for %.1f× the input", growth, size)
	}
}

func TestFieldLimit(t *testing.T) {
	long := strings.Repeat("khai sinh ", MaxFieldBytes/10+100) + "đ"
	rec := `{"code":"9.900003","name":"` + long + `","papers":[{"text":"Tờ khai"},{"text":"` + long + `"}]}` + "\n"
	procs, sum := readString(t, "x.jsonl", rec)
	if len(procs) != 1 || sum.Failed() {
		t.Fatalf("%d procedures, errors %v", len(procs), sum.Errors)
	}
	p := procs[0]
	if len(p.Name) > MaxFieldBytes || len(p.Papers[1].Text) > MaxFieldBytes || !strings.HasPrefix(long, p.Name) {
		t.Errorf("name %d bytes, paper %d bytes, want at most %d", len(p.Name), len(p.Papers[1].Text), MaxFieldBytes)
	}
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0].Error(), "field name longer than 262144 bytes") || sum.Warnings[0].Line != 1 {
		t.Errorf("warnings %v", sum.Warnings)
	}
	// A cut never splits a character.
	mb := strings.Repeat("đ", MaxFieldBytes) // 2 bytes each
	procs, _ = readString(t, "x.jsonl", `{"code":"1","steps":["a","`+mb+`"]}`+"\n")
	if s := procs[0].Steps[1]; len(s) != MaxFieldBytes || !strings.HasSuffix(s, "đ") {
		t.Errorf("step cut to %d bytes", len(s))
	}
}

// TestMarkdownHostileShapes reads lines dense in Markdown markup at two
// sizes. Shapes that once took time growing with the square of their size
// ('[' and '<', which gomarkdown scans ahead from: 80,000 '[' took over
// 10 s, 160,000 "<a" 1.3 s) are refused before parsing, at a cost of a few
// bytes per byte; the others are parsed with memory growing linearly.
func TestMarkdownHostileShapes(t *testing.T) {
	md := func(line string) string {
		return "# Thủ tục\n\n- Mã thủ tục: 9.900001\n\n## Thành phần hồ sơ\n\n- " + line + "\n"
	}
	tests := []struct {
		name    string
		unit    string
		refused bool
	}{
		{"open brackets", "[", true},
		{"nested brackets", "[[]]", true},
		{"images", "![", true},
		{"unclosed links", "[a](", true},
		{"tags", "<a", true},
		{"closers", "](", false},
		{"code spans", "`a", false},
		{"emphasis", "*a", false},
		{"underscores", "a_", false},
		{"entities", "&a", false},
		{"escapes", `\*`, false},
	}
	for _, tt := range tests {
		var allocs [2]uint64
		var sizes [2]int
		for i, n := range []int{20_000, 80_000} {
			text := md(strings.Repeat(tt.unit, n/len(tt.unit)))
			sizes[i] = len(text)
			var sum *Summary
			allocs[i] = allocBytes(func() { _, sum = readString(t, "x.md", text) })
			if sum.Failed() != tt.refused {
				t.Errorf("%s, %d bytes: refused %v, want %v (%v)", tt.name, len(text), sum.Failed(), tt.refused, sum.Errors)
			}
		}
		perByte := float64(allocs[1]) / float64(sizes[1])
		growth, size := float64(allocs[1])/float64(allocs[0]), float64(sizes[1])/float64(sizes[0])
		t.Logf("%s: %.1f bytes allocated a byte, growth %.1f× for %.1f×", tt.name, perByte, growth, size)
		switch {
		case tt.refused:
			// Refusing costs a few bytes a byte, some tens of kilobytes for
			// the smaller input, where the allocations of the runtime and
			// of pools emptied under -race move the ratio of the two sizes
			// by 1.4× to 5.6× (15 runs): linear growth is held as a bound
			// on the bytes per byte at both sizes instead.
			for i := range sizes {
				if pb := float64(allocs[i]) / float64(sizes[i]); pb > bytesPerInputByte() {
					t.Errorf("%s, %d bytes: %.1f bytes allocated per byte refusing it, want at most %.0f", tt.name, sizes[i], pb, bytesPerInputByte())
				}
			}
		case growth > 1.5*size:
			t.Errorf("%s: memory grew %.1f× for %.1f× the input", tt.name, growth, size)
		}
	}
	// The error names the limit and the line of the paragraph.
	_, sum := readString(t, "x.md", md(strings.Repeat("[", 300)))
	if len(sum.Errors) != 1 || sum.Errors[0].Line != 7 || !strings.Contains(sum.Errors[0].Error(), "more than 256 '[' and '<' in one paragraph, list item or table row") {
		t.Errorf("errors %v", sum.Errors)
	}
	// A list of many items with a form link each is read: the count
	// starts again at each item.
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString("- Tờ khai [mẫu](forms/a.docx) <br>\n")
	}
	if procs, sum := readString(t, "x.md", md("Giấy tờ\n"+b.String())); len(procs) != 1 || sum.Failed() {
		t.Errorf("a list of 400 linked items: %d procedures, errors %v", len(procs), sum.Errors)
	}
	// A procedure over MaxMarkdownRecordBytes is refused.
	if _, sum := readString(t, "x.md", md(strings.Repeat("khai sinh ", MaxMarkdownRecordBytes/10+1))); len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), "bytes of Markdown in one procedure (the limit is 1048576)") {
		t.Errorf("errors %v", sum.Errors)
	}
}
