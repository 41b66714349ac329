//go:build unix

package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/target"
)

// buildRedtape builds the command into a temporary directory and returns
// the binary's path.
func buildRedtape(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "redtape")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Bounds on what the initialisation of one of redtape's packages may
// allocate (GODEBUG=inittrace=1 counts bytes and allocations exactly, run
// after run, unlike its times). A compiled regular expression or a table of
// a few hundred entries is over them: such things are built on first use
// (sync.OnceValue), not by every process, "redtape --help" included.
const (
	maxInitBytes  = 10 << 10
	maxInitAllocs = 150
)

// initCost is one package's line of GODEBUG=inittrace=1.
type initCost struct {
	pkg           string
	bytes, allocs int
}

// parseInitTrace reads the "init PKG @T ms, C ms clock, B bytes, A allocs"
// lines of GODEBUG=inittrace=1 and ignores every other line.
func parseInitTrace(out string) ([]initCost, error) {
	var costs []initCost
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		n := len(f)
		if n < 6 || f[0] != "init" || f[n-3] != "bytes," || f[n-1] != "allocs" {
			continue
		}
		b, err1 := strconv.Atoi(f[n-4])
		a, err2 := strconv.Atoi(strings.TrimSuffix(f[n-2], ","))
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("inittrace line %q: bad counts", sc.Text())
		}
		costs = append(costs, initCost{pkg: f[1], bytes: b, allocs: a})
	}
	return costs, sc.Err()
}

func TestParseInitTrace(t *testing.T) {
	out := "init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs\n" +
		"redtape: some other line\n" +
		"init github.com/redtape-vn/redtape/corpus @28 ms, 2.1 ms clock, 213584 bytes, 16151 allocs\n"
	got, err := parseInitTrace(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []initCost{{"internal/bytealg", 0, 0}, {"github.com/redtape-vn/redtape/corpus", 213584, 16151}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parsed %v, want %v", got, want)
	}
	if _, err := parseInitTrace("init x @1 ms, 1 ms clock, many bytes, 3 allocs\n"); err == nil {
		t.Error("a line with a count that is not a number was accepted")
	}
}

// TestInitAllocatesLittle runs "redtape --help" with GODEBUG=inittrace=1
// and fails for each of redtape's packages whose initialisation allocates
// more than the bounds: a regular expression, table or parsed file made at
// init costs every run of every command (issue 18, "Start fast").
func TestInitAllocatesLittle(t *testing.T) {
	bin := buildRedtape(t)
	cmd := exec.Command(bin, "--help")
	cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("redtape --help: %v\n%s", err, stderr.String())
	}
	costs, err := parseInitTrace(stderr.String())
	if err != nil {
		t.Fatal(err)
	}
	ours := 0
	for _, c := range costs {
		if !strings.HasPrefix(c.pkg, "github.com/redtape-vn/redtape/") {
			continue
		}
		ours++
		if c.bytes <= maxInitBytes && c.allocs <= maxInitAllocs {
			continue
		}
		t.Errorf("%s: init allocates %d bytes in %d allocations, over %d bytes or %d allocations: build its regexps and tables on first use (sync.OnceValue)",
			c.pkg, c.bytes, c.allocs, maxInitBytes, maxInitAllocs)
	}
	// The trace names a package only if its init has work to do; redtape
	// has several such.
	if ours < 3 {
		t.Fatalf("inittrace named %d of redtape's packages; is the trace still printed?\n%s", ours, stderr.String())
	}
}

// TestTargetFlagFilledOnUse: building the commands does not read the
// presets file; the --target option's default and usage are filled when
// its help is printed or the command line parsed, the same as before.
func TestTargetFlagFilledOnUse(t *testing.T) {
	var lazy *lazyStringFlag
	for _, f := range assessFlags() {
		if l, ok := f.(*lazyStringFlag); ok && l.Name == "target" {
			lazy = l
		}
	}
	if lazy == nil {
		t.Fatal("no lazy --target option among assessFlags")
	}
	if lazy.StringFlag.Value != "" || lazy.StringFlag.Usage != "" {
		t.Fatalf("--target filled when the flags were built: %+v", lazy.StringFlag)
	}
	help := lazy.String()
	def := target.Default().Name
	if !strings.Contains(help, fmt.Sprintf("(default: %q)", def)) || !strings.Contains(help, strings.Join(target.Names(), ", ")) {
		t.Errorf("--target help %q lacks the default %q or the presets %v", help, def, target.Names())
	}
	set := flag.NewFlagSet("estimate", flag.ContinueOnError)
	if err := lazy.Apply(set); err != nil {
		t.Fatal(err)
	}
	if got := set.Lookup("target"); got == nil || got.Value.String() != def {
		t.Errorf("--target parsed with default %v, want %q", got, def)
	}
	if err := set.Parse([]string{"--target", "12.5"}); err != nil || set.Lookup("target").Value.String() != "12.5" {
		t.Errorf("--target 12.5: %v, %v", err, set.Lookup("target").Value)
	}
}

// benchStart runs the binary with args b.N times and reports the process
// CPU time (user and system) and minor page faults per run.
func benchStart(b *testing.B, bin string, args ...string) {
	b.Helper()
	var cpu time.Duration
	var faults int64
	b.ResetTimer()
	for range b.N {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			faults += ru.Minflt
		}
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(faults)/float64(b.N), "faults/op")
}

// BenchmarkStart measures what a run of redtape costs before and around
// its work: "redtape --help", and a search on an index of the 46
// procedures of the demo corpus. The time per op is wall time (the machine
// may be busy); cpu-ms/op is the process's own.
func BenchmarkStart(b *testing.B) {
	bin := buildRedtape(b)
	b.Run("help", func(b *testing.B) { benchStart(b, bin, "--help") })
	b.Run("search", func(b *testing.B) {
		idx := filepath.Join(b.TempDir(), "idx")
		if out, err := exec.Command(bin, "index", "--index", idx).CombinedOutput(); err != nil {
			b.Fatalf("redtape index: %v\n%s", err, out)
		}
		benchStart(b, bin, "search", "--index", idx, "giấy khai sinh")
	})
}
