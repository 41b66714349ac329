package reports_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/redtape-vn/redtape/reports"
)

// A report formats what the analyzer computed; here a hand-made input.
func ExampleWriteMarkdown() {
	in := &reports.Input{
		Generated: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		Target:    20,
		Total: reports.Tally{
			Regulations: reports.Count{Baseline: 100, Current: 100, CutFlags: 12, PercentFlags: 12},
			Cost:        reports.Money{Before: 1_234_567_000, After: 1_234_567_000, SavingFlags: 154_320_875, PercentFlags: 12.5},
		},
	}
	var b bytes.Buffer
	if err := reports.WriteMarkdown(&b, in, reports.Options{Lang: reports.English}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "Regulations ") || strings.HasPrefix(line, "| **Compliance cost") {
			fmt.Println(line)
		}
	}
	// Output:
	// Regulations      ▒▒▒▒▒▒░░░░│░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  0.0% → 12.0%
	// | **Compliance cost per year** | 1,234,567,000 VND | 0 VND (0.0%) | 154,320,875 VND (12.5%) | 7.5 percentage points short |
}
