package index

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/redtape-vn/redtape/corpus/synth"
)

// benchN is the number of synthetic procedures the search benchmarks index
// when REDTAPE_BENCH_INDEX does not name a prebuilt index (see
// scripts/bench-search.sh for 100,000).
const benchN = 3000

var (
	benchOnce      sync.Once
	benchIx        *Index
	benchErr       error
	benchFacetLoad time.Duration // reading the facet sets, once per open index
)

// benchIndex opens $REDTAPE_BENCH_INDEX, or builds a small synthetic index
// once per test binary.
func benchIndex(b *testing.B) *Index {
	benchOnce.Do(func() {
		path := os.Getenv("REDTAPE_BENCH_INDEX")
		if path == "" {
			dir, err := os.MkdirTemp("", "redtape-bench")
			if err != nil {
				benchErr = err
				return
			}
			path = filepath.Join(dir, "idx")
			if _, benchErr = Update(context.Background(), path, sliceSource(nil, synth.Generate(1, benchN)), UpdateOptions{}); benchErr != nil {
				return
			}
		}
		if benchIx, benchErr = Open(path); benchErr != nil {
			return
		}
		start := time.Now()
		_, benchErr = benchIx.facetSets(context.Background())
		benchFacetLoad = time.Since(start)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchIx
}

// Query classes of the latency targets: two words, filtered, phrases.
var benchQueries = map[string][]string{
	"two-word": {"giấy phép", "hộ chiếu", "khai sinh", "tàu cá", "giay chung", "kiểm dịch", "đăng ký", "văn bằng", "thẩm định", "hoàn thuế"},
	"filtered": {`giấy phép ministry:"tài chính"`, `level:tỉnh sector:"hải quan"`, `chứng chỉ -level:xã`, `basis:59/2020/QH14`,
		`ministry:"công an" level:xã`, `đăng ký sector:"hộ tịch"`, `code:1.0001*`, `paper:"hộ khẩu" level:tỉnh`},
	"phrase": {`"giấy chứng nhận đăng ký doanh nghiệp"`, `"cơ sở dữ liệu quốc gia về dân cư"`, `"bản sao có chứng thực"`,
		`"giấy phép khai thác"`, `"sổ hộ khẩu"`, `"thẻ tạm trú"`},
}

// BenchmarkSearch runs each query class with facets and snippets, as the
// search command does, and reports the 50th and 95th percentile latency.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex(b)
	classes := []string{"two-word", "filtered", "phrase"}
	for _, class := range classes {
		qs := benchQueries[class]
		b.Run(class, func(b *testing.B) {
			var lat []time.Duration
			i := 0
			cpu0 := cpuTime()
			for b.Loop() {
				start := time.Now()
				if _, err := ix.Search(context.Background(), Request{Query: qs[i%len(qs)], Size: 10}); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				i++
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			pct := func(p float64) float64 {
				return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(float64(benchFacetLoad.Microseconds())/1000, "facet-load-ms")
			// CPU per query is steadier than latency on a shared machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(lat)), "cpu-ms/query")
		})
	}
}

// BenchmarkSuggest runs searches that find nothing because of a misspelt
// word, as the search command does: the search, then its suggestions.
func BenchmarkSuggest(b *testing.B) {
	ix := benchIndex(b)
	qs := []string{"giấy khai sih", "kiểm dihc", "ho chieu phoo thong", "thẩm địnhh"}
	i := 0
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := ix.Search(context.Background(), Request{Query: qs[i%len(qs)], Size: 10})
		if err != nil {
			b.Fatal(err)
		}
		if res.Total != 0 || res.Suggestions == nil {
			b.Fatalf("%s: %d hits, suggestions %+v", qs[i%len(qs)], res.Total, res.Suggestions)
		}
		i++
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(i), "cpu-ms/query")
}

// BenchmarkDocuments builds and analyses the documents of 500 synthetic
// procedures as a build does before bleve writes them (the fields, their
// tokens and term frequencies), without the segments: the part of the
// indexing CPU that is redtape's own. It reports the CPU per procedure.
func BenchmarkDocuments(b *testing.B) {
	procs := synth.Generate(1, 500)
	bd := newBuilder()
	tokens := 0
	cpu0 := cpuTime()
	for b.Loop() {
		tokens = 0
		for i, p := range procs {
			d := bd.document(strconv.Itoa(i), p, extra{hash: "h"})
			d.VisitFields(func(f bindex.Field) {
				if f.Options().IsIndexed() {
					f.Analyze()
					tokens += f.AnalyzedLength()
				}
			})
		}
	}
	if tokens == 0 {
		b.Fatal("no tokens")
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N*len(procs)), "cpu-µs/procedure")
	b.ReportMetric(float64(tokens)/float64(len(procs)), "tokens/procedure")
}
