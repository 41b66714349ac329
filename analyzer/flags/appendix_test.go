package flags

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// appendixRow is one row of Resolution 66.7/2025/NQ-CP Appendix I, as
// ../shared/reference/nq66.7-appendix-I.csv holds it: a paper of a
// procedure that a database replaces.
type appendixRow struct {
	n     int    // data row number in the file, from 1
	code  string // ma_tthc
	paper string // tphs_thay_the
}

// readAppendix reads the Appendix rows.
func readAppendix(path string) ([]appendixRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("appendix: %w", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("appendix %s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("appendix %s: empty", path)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	ci, ok1 := col["ma_tthc"]
	pi, ok2 := col["tphs_thay_the"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("appendix %s: no ma_tthc or tphs_thay_the column", path)
	}
	var out []appendixRow
	for i, r := range recs[1:] {
		out = append(out, appendixRow{n: i + 1, code: strings.TrimSpace(r[ci]), paper: strings.TrimSpace(r[pi])})
	}
	return out, nil
}

// appendixException is a row of testdata/flags/appendix-exceptions.tsv: an
// Appendix row shown wrong or unreadable against the record, and why.
type appendixException struct {
	n      int
	code   string
	reason string
}

func readAppendixExceptions(t *testing.T) map[int]appendixException {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "flags", "appendix-exceptions.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open exceptions: %v", err)
	}
	defer f.Close()
	out := map[int]appendixException{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 3 || cols[2] == "" {
			t.Fatalf("%s:%d: want row, procedure code and reason", path, line)
		}
		n, err := strconv.Atoi(cols[0])
		if err != nil {
			t.Fatalf("%s:%d: bad row %q", path, line, cols[0])
		}
		out[n] = appendixException{n: n, code: cols[1], reason: cols[2]}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// appendixNames splits an Appendix row's paper into the names it lists:
// the whole text, then its pieces between ";", ":", "/", ",", parentheses
// and "hoặc", each in folded words, without leading copy wording ("bản
// sao", "bản chụp", "có chứng thực").
func appendixNames(paper string) [][]string {
	var out [][]string
	add := func(s string) {
		w := vntext.FoldedWords(s)
		for len(w) > 1 && (w[0] == "ban" || w[0] == "sao" || w[0] == "chinh" || w[0] == "chup" || w[0] == "photocopy" ||
			w[0] == "co" && w[1] == "chung" || w[0] == "chung" && w[1] == "thuc" || w[0] == "thuc" || w[0] == "nhu") {
			w = w[1:]
		}
		if len(w) >= 2 {
			for _, o := range out {
				if slices.Equal(o, w) {
					return
				}
			}
			out = append(out, w)
		}
	}
	add(paper)
	if i := strings.IndexByte(paper, '('); i > 0 {
		add(paper[:i]) // "Căn cước (thay thế 1 phần)"
	}
	var pieces [][]string
	whole := out
	out = nil
	f := strings.NewReplacer(";", "|", ":", "|", "/", "|", ",", "|", "(", "|", ")", "|", "*", "|", " hoặc ", "|", " Hoặc ", "|").Replace(paper)
	for _, s := range strings.Split(f, "|") {
		add(s)
	}
	// A piece counts only where it names a paper in three words or more:
	// "giấy khai sinh", "thẻ căn cước", not "01 (một) bản sao có đóng dấu",
	// "mua cổ phần" or a bare "giấy tờ".
	for _, w := range out {
		if len(w) >= 3 && (paperHeads[w[0]] || paperHeads[w[0]+" "+w[1]]) {
			pieces = append(pieces, w)
		}
	}
	return append(whole, pieces...)
}

// paperHeads are the folded first words (or two words) of the names of
// papers in Appendix I rows.
var paperHeads = map[string]bool{"giay": true, "the": true, "can cuoc": true, "chung minh": true, "ho chieu": true,
	"ho khau": true, "so": true, "phieu": true, "trich luc": true, "quyet dinh": true, "bang": true, "van bang": true}

// indexWords returns the position of the words of name in words, or -1.
func indexWords(words, name []string) int {
	for i := 0; i+len(name) <= len(words); i++ {
		if slices.Equal(words[i:i+len(name)], name) {
			return i
		}
	}
	return -1
}

// appendixPaper returns the dossier paper that names the Appendix row's
// paper, or -1: the paper holding the longest of the row's names (the whole
// row first, then its pieces), the earliest in the paper on a tie, and
// failing that, for a row of eight words or more, the paper holding at
// least four in five of its distinct words.
func appendixPaper(row string, papers []corpus.Paper) int {
	names := appendixNames(row)
	words := make([][]string, len(papers))
	for i, p := range papers {
		words[i] = vntext.FoldedWords(p.Text)
	}
	best, bestLen, bestPos := -1, 0, 0
	for i := range papers {
		for _, n := range names {
			at := indexWords(words[i], n)
			if at < 0 {
				continue
			}
			if len(n) > bestLen || len(n) == bestLen && at < bestPos {
				best, bestLen, bestPos = i, len(n), at
			}
		}
	}
	if best >= 0 {
		return best
	}
	rw := map[string]bool{}
	for _, w := range vntext.FoldedWords(row) {
		rw[w] = true
	}
	if len(rw) < 8 {
		return -1
	}
	bestScore := 0.0
	for i := range papers {
		have := map[string]bool{}
		for _, w := range words[i] {
			have[w] = true
		}
		n := 0
		for w := range rw {
			if have[w] {
				n++
			}
		}
		if s := float64(n) / float64(len(rw)); s >= 0.8 && s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// TestAppendixAgreement measures how often the matcher alone agrees with
// the Government's list: for every row of Resolution 66.7 Appendix I whose
// procedure is in ../shared/corpus and whose paper the dossier still names,
// the matcher should call that paper replaceable, partly replaceable or
// looked up. Rows shown wrong or unreadable against the record are listed
// with their reasons in testdata/flags/appendix-exceptions.tsv and left out.
func TestAppendixAgreement(t *testing.T) {
	root := filepath.Join(sharedDir, "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared corpus not found at %s: the agreement needs the real records", sharedDir)
	}
	rows, err := readAppendix(filepath.Join(sharedDir, "reference", "nq66.7-appendix-I.csv"))
	if err != nil {
		t.Skipf("no Appendix I rows: %v", err)
	}
	except := readAppendixExceptions(t)
	files := map[string]string{}
	for _, pat := range []string{"portal-crawl/*/*.json", "word-export/*.json"} {
		m, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pat)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			files[strings.TrimSuffix(filepath.Base(f), ".json")] = f
		}
	}
	var paths []string
	for _, r := range rows {
		if f, ok := files[r.code]; ok && !slices.Contains(paths, f) {
			paths = append(paths, f)
		}
	}
	sort.Strings(paths)
	procs, sum, err := corpus.Load(context.Background(), paths, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range sum.Errors {
		t.Errorf("record of an Appendix row could not be read: %v", e)
	}
	byCode := map[string]*corpus.Procedure{}
	for _, p := range procs {
		byCode[p.Code] = p
	}
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(c)
	results := map[string]ProcedureResult{}
	var inCorpus, found, agree, excepted int
	byStatus := map[Status]int{}
	var disagree []string
	for _, r := range rows {
		p := byCode[r.code]
		if p == nil {
			continue
		}
		inCorpus++
		i := appendixPaper(r.paper, p.Papers)
		if i < 0 {
			if testing.Verbose() {
				t.Logf("row %d %s: paper not found: %q", r.n, r.code, trim(r.paper, 120))
			}
			continue
		}
		if x, ok := except[r.n]; ok {
			if x.code != r.code {
				t.Errorf("appendix-exceptions.tsv: row %d is of %s, not %s", r.n, r.code, x.code)
			}
			excepted++
			continue
		}
		found++
		res, ok := results[r.code]
		if !ok {
			res = m.Procedure(p)
			results[r.code] = res
		}
		got := res.Papers[i]
		byStatus[got.Status]++
		switch got.Status {
		case StatusReplaceable, StatusPartlyReplaceable, StatusLookedUp:
			agree++
		default:
			disagree = append(disagree, fmt.Sprintf("row %d %s: %s (%s)\n    row:   %q\n    paper: %q",
				r.n, r.code, got.Status, got.Reason, trim(r.paper, 200), trim(got.Text, 300)))
		}
	}
	for x := range except {
		if x < 1 || x > len(rows) {
			t.Errorf("appendix-exceptions.tsv: no row %d", x)
		}
	}
	rate := float64(agree) / float64(max(found, 1))
	msg := fmt.Sprintf("appendix agreement: %d rows of Appendix I, %d of procedures in the corpus, %d whose paper the dossier names (%d more listed as exceptions); the matcher agrees on %d: %.3f (replaceable %d, partly-replaceable %d, looked-up %d)",
		len(rows), inCorpus, found, excepted, agree, rate, byStatus[StatusReplaceable], byStatus[StatusPartlyReplaceable], byStatus[StatusLookedUp])
	t.Log(msg)
	if testing.Verbose() {
		fmt.Println(msg)
		for _, d := range disagree {
			fmt.Println("  " + d)
		}
	}
	if found < 50 {
		t.Errorf("only %d Appendix rows name a dossier paper: the name matching broke", found)
	}
	if rate < 0.95 {
		t.Errorf("agreement %.3f < 0.95", rate)
	}
}
