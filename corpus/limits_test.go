package corpus

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocBytes returns the bytes allocated while f runs.
func allocBytes(f func()) uint64 {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc
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
	if perByte > 8 {
		t.Errorf("%.1f bytes allocated per input byte, want at most 8", perByte)
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
