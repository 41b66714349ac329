package index
import ("context";"fmt";"os";"testing";"time")
func TestZZLat(t *testing.T){
	ix,err:=Open(os.Getenv("REDTAPE_BENCH_INDEX")); if err!=nil{t.Skip(err)}
	for _,c:=range []string{"two-word","filtered","phrase"}{ for _,q:=range benchQueries[c]{
		var best time.Duration; var tot int
		for i:=0;i<3;i++{ s:=time.Now(); r,err:=ix.Search(context.Background(),Request{Query:q,Size:10}); if err!=nil{t.Fatal(err)}; d:=time.Since(s); if i==0||d<best{best=d}; tot=r.Total}
		nf:=time.Now(); ix.Search(context.Background(),Request{Query:q,Size:10,NoFacets:true}); d2:=time.Since(nf)
		fmt.Printf("%-45s %6d hits %6.1f ms (no facets %5.1f)\n", q, tot, float64(best.Microseconds())/1000, float64(d2.Microseconds())/1000)}}
}
