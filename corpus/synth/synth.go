// Package synth generates realistic synthetic administrative procedures for
// benchmarks and load tests.
//
// The generator draws from a vocabulary of ministries, sectors, procedure
// objects, papers, agencies, provinces and legal documents (vocab.json,
// embedded and validated on first use). Output is a pure function of the
// seed: the same seed and count always give the same procedures, so
// benchmarks are comparable between runs and machines. About one procedure in
// five carried out at provincial level comes with provincial variants that
// share its code but name a province's agencies and live in another source
// file, as the national database's provincial copies do.
//
// Legal-document numbers are generated in the published shapes
// ("123/2015/NĐ-CP", "45/2020/TT-BTC", "59/2020/QH14") and do not name real
// documents.
package synth

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/corpus"
)

//go:embed vocab.json
var vocabJSON []byte

type vocabulary struct {
	Ministries []struct {
		Name     string `json:"name"`
		Slug     string `json:"slug"`
		Circular string `json:"circular"`
		Sectors  []struct {
			Name    string   `json:"name"`
			Objects []string `json:"objects"`
			Papers  []string `json:"papers"`
		} `json:"sectors"`
	} `json:"ministries"`
	Actions       []string            `json:"actions"`
	CommonPapers  []string            `json:"common_papers"`
	PaperPrefixes []string            `json:"paper_prefixes"`
	PaperSuffixes []string            `json:"paper_suffixes"`
	Levels        []string            `json:"levels"`
	Kinds         []string            `json:"kinds"`
	Subjects      []string            `json:"subjects"`
	Agencies      map[string][]string `json:"agencies"`
	Provinces     []string            `json:"provinces"`
	Steps         []string            `json:"steps"`
	Conditions    []string            `json:"conditions"`
	Results       []string            `json:"results"`
	LawNames      []string            `json:"law_names"`
	DecreeTopics  []string            `json:"decree_topics"`
}

// loadVocabulary parses and validates the embedded vocabulary once.
var loadVocabulary = sync.OnceValues(func() (*vocabulary, error) {
	return parseVocabulary(vocabJSON)
})

func parseVocabulary(data []byte) (*vocabulary, error) {
	v := new(vocabulary)
	dec := json.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(v); err != nil {
		return nil, fmt.Errorf("synth vocabulary: %w", err)
	}
	var problems []string
	need := func(what string, n int) {
		if n == 0 {
			problems = append(problems, what+" is empty")
		}
	}
	need("ministries", len(v.Ministries))
	for _, m := range v.Ministries {
		if m.Name == "" || m.Slug == "" || m.Circular == "" {
			problems = append(problems, fmt.Sprintf("ministry %q lacks name, slug or circular", m.Name))
		}
		need("sectors of "+m.Name, len(m.Sectors))
		for _, s := range m.Sectors {
			need("objects of "+s.Name, len(s.Objects))
			need("papers of "+s.Name, len(s.Papers))
		}
	}
	need("actions", len(v.Actions))
	need("common_papers", len(v.CommonPapers))
	need("paper_prefixes", len(v.PaperPrefixes))
	need("paper_suffixes", len(v.PaperSuffixes))
	need("levels", len(v.Levels))
	need("kinds", len(v.Kinds))
	need("subjects", len(v.Subjects))
	need("provinces", len(v.Provinces))
	need("steps", len(v.Steps))
	need("conditions", len(v.Conditions))
	need("results", len(v.Results))
	need("law_names", len(v.LawNames))
	need("decree_topics", len(v.DecreeTopics))
	for _, l := range v.Levels {
		need("agencies of "+l, len(v.Agencies[l]))
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("synth vocabulary: %s", strings.Join(problems, "; "))
	}
	return v, nil
}

// PerFile is the number of procedures the generator assigns to one source
// file ("synth/part-0000.jsonl", ...), as a portal export splits its records.
const PerFile = 1000

// Generator produces an endless deterministic stream of procedures.
// It is not safe for concurrent use.
type Generator struct {
	v       *vocabulary
	r       *rand.Rand
	n       int                 // procedures produced so far
	base    int                 // base procedures produced so far (for codes)
	pending []*corpus.Procedure // provincial variants waiting to be emitted
}

// New returns a generator seeded with seed.
func New(seed int64) *Generator {
	v, err := loadVocabulary()
	if err != nil {
		// The vocabulary is embedded and checked by the package tests.
		panic(err)
	}
	return &Generator{v: v, r: rand.New(rand.NewPCG(uint64(seed), 0x7265647461706521))}
}

// Generate returns the first n procedures of the stream seeded with seed.
func Generate(seed int64, n int) []*corpus.Procedure {
	g := New(seed)
	out := make([]*corpus.Procedure, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

// Each calls fn with the first n procedures of the stream seeded with seed,
// without holding them all in memory. It stops at the first error from fn
// or when ctx is done.
func Each(ctx context.Context, seed int64, n int, fn func(*corpus.Procedure) error) error {
	g := New(seed)
	for i := 0; i < n; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(g.Next()); err != nil {
			if errors.Is(err, corpus.ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// Next returns the next procedure of the stream.
func (g *Generator) Next() *corpus.Procedure {
	var p *corpus.Procedure
	if len(g.pending) > 0 {
		p = g.pending[0]
		g.pending = g.pending[1:]
	} else {
		p = g.procedure()
	}
	p.Source = corpus.Source{
		File:   fmt.Sprintf("synth/part-%04d.jsonl", g.n/PerFile),
		Format: "synth",
		Record: g.n%PerFile + 1,
	}
	g.n++
	return p
}

func (g *Generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *Generator) chance(percent int) bool { return g.r.IntN(100) < percent }

func (g *Generator) procedure() *corpus.Procedure {
	v, r := g.v, g.r
	m := v.Ministries[r.IntN(len(v.Ministries))]
	s := m.Sectors[r.IntN(len(m.Sectors))]
	g.base++
	p := &corpus.Procedure{
		Code:     fmt.Sprintf("%d.%06d", 1+r.IntN(2), g.base),
		Ministry: m.Name,
		Sector:   s.Name,
		Kind:     g.pick(v.Kinds),
	}
	object := g.pick(s.Objects)
	name := g.pick(v.Actions) + " " + object
	switch r.IntN(8) {
	case 0:
		name += " (thực hiện tại cấp Trung ương)"
	case 1:
		name += " đối với tổ chức"
	case 2:
		name += " cho người nước ngoài"
	}
	p.Name = name
	p.Decision = fmt.Sprintf("%d/QĐ-%s", 100+r.IntN(3900), strings.TrimPrefix(m.Circular, "TT-"))

	// Levels: the first weighted toward ministry and province, as published.
	levels := []string{v.Levels[weighted(r, []int{40, 35, 17, 3, 5})]}
	if r.IntN(4) == 0 {
		other := v.Levels[r.IntN(3)]
		if other != levels[0] {
			levels = append(levels, other)
		}
	}
	p.Levels = levels

	p.Subjects = pickN(r, v.Subjects, 1+r.IntN(3))
	// "Sở Tài chính" for "Bộ Tài chính"; bodies that are not ministries keep their name.
	short := strings.TrimPrefix(m.Name, "Bộ ")
	fill := func(t, province string) string {
		return strings.NewReplacer("{sector}", s.Name, "{short}", short, "{province}", province,
			"{ministry}", m.Name).Replace(t)
	}
	province := g.pick(v.Provinces)
	agency := fill(g.pick(v.Agencies[levels[0]]), province)
	p.Agencies = []string{agency}
	p.Authority = []string{m.Name}
	if levels[0] == "Cấp tỉnh" {
		p.Authority = []string{fill("Ủy ban nhân dân {province}", province)}
	}

	days := []int{1, 3, 5, 7, 10, 15, 20, 30, 45, 60}[r.IntN(10)]
	for i, step := range g.steps() {
		step = strings.Replace(step, "{agency}", agency, -1)
		step = strings.Replace(step, "{days}", fmt.Sprint(days), -1)
		// Renumber, since some steps are left out.
		if j := strings.Index(step, ":"); j > 0 && strings.HasPrefix(step, "Bước ") {
			step = fmt.Sprintf("Bước %d%s", i+1, step[j:])
		}
		p.Steps = append(p.Steps, step)
	}
	p.Channels = g.channels(days)
	p.Papers = g.papers(s.Papers)
	p.LegalBasis = g.legalBasis(m.Circular)
	p.Conditions = pickN(r, v.Conditions, r.IntN(3))
	p.Results = []string{g.pick(v.Results) + " " + object}

	if containsLevel(levels, "Cấp tỉnh") && r.IntN(5) == 0 {
		for _, prov := range pickN(r, v.Provinces, 1+r.IntN(3)) {
			if prov == province {
				continue
			}
			vp := cloneProcedure(p)
			vp.Agencies = []string{fill(g.pick(v.Agencies["Cấp tỉnh"]), prov)}
			vp.Authority = []string{fill("Ủy ban nhân dân {province}", prov)}
			for i := range vp.Steps {
				vp.Steps[i] = strings.Replace(vp.Steps[i], agency, vp.Agencies[0], -1)
			}
			g.pending = append(g.pending, vp)
		}
	}
	return p
}

// steps picks one variant of each step ("Bước 1: …", "Bước 2: …", …) in
// order; the third step is left out of one procedure in five. Variants
// listed several times in the vocabulary are drawn that much more often.
func (g *Generator) steps() []string {
	var groups [][]string
	last := ""
	for _, s := range g.v.Steps {
		head, _, _ := strings.Cut(s, ":")
		if head != last {
			groups = append(groups, nil)
			last = head
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], s)
	}
	var out []string
	for i, variants := range groups {
		if i == 2 && g.r.IntN(5) == 0 {
			continue
		}
		out = append(out, variants[g.r.IntN(len(variants))])
	}
	return out
}

func (g *Generator) channels(days int) []corpus.Channel {
	r := g.r
	modes := []struct {
		mode corpus.ChannelMode
		text string
	}{
		{corpus.ModeInPerson, "Trực tiếp"},
		{corpus.ModeOnline, "Trực tuyến"},
		{corpus.ModePost, "Dịch vụ bưu chính"},
	}
	amounts := []int64{0, 0, 0, 50_000, 100_000, 200_000, 500_000, 1_000_000, 4_500_000}
	amount := amounts[r.IntN(len(amounts))]
	var out []corpus.Channel
	for i, m := range modes {
		if i > 0 && r.IntN(2) == 0 {
			continue
		}
		c := corpus.Channel{
			Mode: m.mode,
			Text: m.text,
			Time: &corpus.Duration{Text: fmt.Sprintf("%d Ngày làm việc", days), Value: float64(days), Unit: corpus.WorkingDays},
		}
		a := amount
		if amount == 0 {
			c.Fees = []corpus.Fee{{Text: "Miễn lệ phí", Amount: &a, Kind: "charge"}}
		} else {
			c.Fees = []corpus.Fee{{Text: "Lệ phí: " + dong(amount) + " đồng", Amount: &a, Kind: "charge"}}
		}
		out = append(out, c)
	}
	return out
}

// dong formats an amount the way procedures print it: 4.500.000.
func dong(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (g *Generator) papers(sector []string) []corpus.Paper {
	r, v := g.r, g.v
	names := pickN(r, sector, 1+r.IntN(min(4, len(sector))))
	names = append(names, pickN(r, v.CommonPapers, 1+r.IntN(3))...)
	caseName := ""
	if r.IntN(6) == 0 {
		caseName = "Trường hợp nộp hồ sơ lần đầu"
	}
	var out []corpus.Paper
	for i, n := range names {
		text := n
		if !strings.HasPrefix(n, "Bản ") && !strings.HasPrefix(n, "Đơn") && !strings.HasPrefix(n, "Tờ") {
			text = g.pick(v.PaperPrefixes) + n
		}
		text += g.pick(v.PaperSuffixes)
		p := corpus.Paper{Text: text, Case: caseName}
		orig, cp := 1, 0
		if strings.HasPrefix(text, "Bản sao") {
			orig, cp = 0, 1
			p.CertifiedCopy = strings.Contains(text, "chứng thực")
		}
		p.Originals, p.Copies = &orig, &cp
		p.Quantity = fmt.Sprintf("%d bản chính,%d bản sao", orig, cp)
		p.Optional = strings.Contains(text, "(nếu có)")
		if strings.Contains(text, " hoặc ") {
			p.Alternatives = strings.Split(text, " hoặc ")
		}
		if strings.HasPrefix(text, "Đơn") || strings.HasPrefix(text, "Tờ khai") {
			p.Forms = []string{fmt.Sprintf("Mẫu số %02d.docx", i+1)}
		}
		if caseName != "" && i == len(names)/2 {
			caseName = "Trường hợp cấp lại do bị mất, hỏng"
		}
		out = append(out, p)
	}
	return out
}

func (g *Generator) legalBasis(circular string) []corpus.LegalRef {
	r, v := g.r, g.v
	var out []corpus.LegalRef
	law := g.pick(v.LawNames)
	lawNo := fmt.Sprintf("%02d/%d/QH%d", 1+r.IntN(70), 2013+r.IntN(12), 13+r.IntN(3))
	out = append(out, corpus.LegalRef{Text: law + " số " + lawNo, Number: lawNo, Type: "Luật", Title: law, Issuer: "Quốc hội"})
	decNo := fmt.Sprintf("%d/%d/NĐ-CP", 1+r.IntN(200), 2015+r.IntN(11))
	topic := g.pick(v.DecreeTopics)
	out = append(out, corpus.LegalRef{Text: "Nghị định số " + decNo + " của Chính phủ " + topic, Number: decNo, Type: "Nghị định", Title: topic, Issuer: "Chính phủ"})
	if r.IntN(2) == 0 {
		circNo := fmt.Sprintf("%02d/%d/%s", 1+r.IntN(120), 2016+r.IntN(10), circular)
		out = append(out, corpus.LegalRef{Text: "Thông tư số " + circNo, Number: circNo, Type: "Thông tư"})
	}
	return out
}

func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// pickN returns k distinct elements of list in random order (fewer when
// list is shorter).
func pickN(r *rand.Rand, list []string, k int) []string {
	if k > len(list) {
		k = len(list)
	}
	if k <= 0 {
		return nil
	}
	idx := r.Perm(len(list))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

func containsLevel(levels []string, l string) bool {
	for _, x := range levels {
		if x == l {
			return true
		}
	}
	return false
}

func cloneProcedure(p *corpus.Procedure) *corpus.Procedure {
	c := *p
	c.Steps = append([]string(nil), p.Steps...)
	c.Agencies = append([]string(nil), p.Agencies...)
	c.Authority = append([]string(nil), p.Authority...)
	return &c
}

// Snapshots returns two sets of procedures to compare, a baseline of
// baseN and a current set of curN (curN ≥ kept): the current set is the
// stream of seed 1, the baseline the stream of seed 2 followed by copies
// of the first kept current procedures, one in three without its code
// (found again by name only) and one in seven under another sector (in a
// sector of its own comparison elsewhere). Procedures of the two streams
// that share a code are matched by it; the rest are abolished or new.
func Snapshots(baseN, curN, kept int) (baseline, current []*corpus.Procedure) {
	current = Generate(1, curN)
	baseline = Generate(2, baseN)
	for i, p := range current[:min(kept, curN)] {
		q := *p
		if i%3 == 0 {
			q.Code = ""
		}
		if i%7 == 0 {
			q.Sector = "Lĩnh vực khác"
		}
		baseline = append(baseline, &q)
	}
	return baseline, current
}
