package corpus

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadPortalCrawl reads the whole portal crawl (1,846 records) and
// reports procedures per second: "walk" from disk through [Walk], "memory"
// from files already read (decoding, detection, normalisation and
// conversion), "convert" from records already decoded (the portal reader's
// own splitting and parsing).
func BenchmarkReadPortalCrawl(b *testing.B) {
	dir := filepath.Join(sharedDir(b), "corpus", "portal-crawl")
	b.Run("walk", func(b *testing.B) {
		total := 0
		for i := 0; i < b.N; i++ {
			sum, err := Walk(context.Background(), []string{dir}, Options{}, func(*Procedure) error { return nil })
			if err != nil || sum.Failed() {
				b.Fatalf("walk: %v %v", err, sum.Errors)
			}
			total += sum.Procedures
		}
		b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "procedures/s")
	})
	b.Run("convert", func(b *testing.B) {
		files, datas := readPortalFiles(b, dir)
		recs := make([]portalRecord, len(files))
		for i, d := range datas {
			if err := json.Unmarshal(d, &recs[i]); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		total := 0
		for i := 0; i < b.N; i++ {
			for j := range recs {
				if _, err := convertPortal(files[j], &recs[j]); err != nil {
					b.Fatal(err)
				}
				total++
			}
		}
		b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "procedures/s")
	})
	b.Run("memory", func(b *testing.B) {
		files, datas := readPortalFiles(b, dir)
		b.ResetTimer()
		total := 0
		for i := 0; i < b.N; i++ {
			for j, d := range datas {
				if _, err := ReadData(context.Background(), files[j], d, Options{}, func(*Procedure) error { total++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "procedures/s")
	})
}

// BenchmarkDetectFormat picks the reader of every portal-crawl file from
// its text, as a walk does before reading, and reports files per second.
// The portal's records end with a long page text (raw_text), which format
// sniffing must not decode.
func BenchmarkDetectFormat(b *testing.B) {
	files, datas := readPortalFiles(b, filepath.Join(sharedDir(b), "corpus", "portal-crawl"))
	texts := make([]string, len(datas))
	for i, d := range datas {
		texts[i] = string(d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, text := range texts {
			if r := detectReader(files[j], text); r == nil || r.name != "portal-crawl" {
				b.Fatalf("%s: detected %v", files[j], r)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(files))/b.Elapsed().Seconds(), "files/s")
}

// readPortalFiles returns the paths and contents of the portal crawl's
// files under dir.
func readPortalFiles(b *testing.B, dir string) ([]string, [][]byte) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	datas := make([][]byte, len(files))
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas[i] = d
	}
	return files, datas
}
