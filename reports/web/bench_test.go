package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// benchPages are the search pages the benchmarks render: words, filters,
// phrases, exclusions, and deeper pages.
var benchPages = []string{
	"q=" + url.QueryEscape("giấy phép"),
	"q=" + url.QueryEscape("khai sinh"),
	"q=" + url.QueryEscape("hộ chiếu") + "&page=2",
	"q=" + url.QueryEscape(`giấy phép ministry:"tài chính"`),
	"q=" + url.QueryEscape(`level:tỉnh sector:"hải quan"`),
	"q=" + url.QueryEscape(`chứng chỉ -level:xã`),
	"q=" + url.QueryEscape(`"bản sao có chứng thực"`),
	"q=" + url.QueryEscape(`"giấy chứng nhận đăng ký doanh nghiệp"`) + "&page=3",
	"q=" + url.QueryEscape("đăng ký") + "&size=50",
	"q=" + url.QueryEscape("thẩm định OR kiểm dịch"),
}

var (
	benchOnce sync.Once
	benchSrv  *Server
	benchErr  error
	benchDocs int
)

// benchServer serves $REDTAPE_BENCH_N synthetic procedures (default
// 3,000; the figure is for 100,000), indexed once per test binary
// in a temporary directory, or in $REDTAPE_BENCH_DIR, where an index built
// earlier is only brought up to date (every record unchanged).
func benchServer(b *testing.B) *Server {
	benchOnce.Do(func() {
		n := 3000
		if v := os.Getenv("REDTAPE_BENCH_N"); v != "" {
			if n, benchErr = strconv.Atoi(v); benchErr != nil {
				return
			}
		}
		procs := synth.Generate(1, n)
		// $REDTAPE_BENCH_DIR keeps the index between runs: it is built
		// there when absent (from the same seed and count: remove it when
		// REDTAPE_BENCH_N changes).
		dir := os.Getenv("REDTAPE_BENCH_DIR")
		if dir == "" {
			var err error
			if dir, err = tempDir(); err != nil {
				benchErr = err
				return
			}
		}
		start := time.Now()
		src := index.Source{Roots: []string{"synth"}, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
			for _, p := range procs {
				if err := fn(p); err != nil {
					return nil, err
				}
			}
			return &corpus.Summary{Procedures: len(procs)}, nil
		}}
		if _, benchErr = index.Update(context.Background(), filepath.Join(dir, "index"), src, index.UpdateOptions{Now: func() time.Time { return fixed }}); benchErr != nil {
			return
		}
		built := time.Since(start)
		ix, err := index.Open(filepath.Join(dir, "index"))
		if err != nil {
			benchErr = err
			return
		}
		start = time.Now()
		benchSrv, benchErr = New(context.Background(), Options{Index: ix, Store: NewStore(procs),
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		benchDocs = n
		fmt.Fprintf(os.Stderr, "bench: %d procedures indexed in %s, assessed in %s\n", n, built.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchSrv
}

func percentile(lat []time.Duration, p float64) float64 {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
}

// BenchmarkSearchPage renders search pages on the server, one at a time,
// as the handler does for a request (search, facets, the flagged count,
// the template), and reports the 50th and 95th percentile times. The
// issue's target: p95 under 50 ms at 100,000 procedures
// (REDTAPE_BENCH_N=100000).
func BenchmarkSearchPage(b *testing.B) {
	s := benchServer(b)
	// Warm the facet sets, read once per open index.
	get200(b, s, "/search?"+benchPages[0])
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		get200(b, s, "/search?"+benchPages[i%len(benchPages)])
		lat = append(lat, time.Since(start))
		i++
	}
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.95), "p95-ms")
	b.ReportMetric(float64(benchDocs), "procedures")
}

func get200(b *testing.B, s http.Handler, target string) {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: status %d", target, rec.Code)
	}
}

// BenchmarkSearchConcurrent has 32 clients request search pages over HTTP
// from a real server at once, each as fast as it can, and reports the
// 50th and 95th percentile times seen by the clients, the throughput and
// the errors (any status but 200). The target: p95 under 200 ms
// with no errors at 100,000 procedures.
func BenchmarkSearchConcurrent(b *testing.B) {
	s := benchServer(b)
	ts := httptest.NewServer(s)
	defer ts.Close()
	const clients = 32
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}
	get := func(i int) (time.Duration, bool) {
		start := time.Now()
		resp, err := client.Get(ts.URL + "/search?" + benchPages[i%len(benchPages)])
		if err != nil {
			return time.Since(start), false
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return time.Since(start), err == nil && resp.StatusCode == http.StatusOK
	}
	get(0)
	var (
		mu     sync.Mutex
		lat    []time.Duration
		failed int
	)
	start := time.Now()
	b.ResetTimer()
	// b.N requests in all, spread over the clients.
	var next sync.WaitGroup
	work := make(chan int)
	for c := 0; c < clients; c++ {
		next.Add(1)
		go func() {
			defer next.Done()
			var mine []time.Duration
			bad := 0
			for i := range work {
				d, ok := get(i)
				mine = append(mine, d)
				if !ok {
					bad++
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			failed += bad
			mu.Unlock()
		}()
	}
	for i := 0; i < max(b.N, clients); i++ {
		work <- i
	}
	close(work)
	next.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.95), "p95-ms")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(failed), "errors")
	b.ReportMetric(float64(benchDocs), "procedures")
}
