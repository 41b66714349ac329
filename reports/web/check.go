package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/findings"
)

// MaxDraft is the largest draft the check page accepts, in bytes.
const MaxDraft = 1 << 20

// lineView is one line of a draft's source with the findings on it.
type lineView struct {
	N        int
	Segs     []seg // the text, with the parts findings point at marked
	Findings []int // indexes into the page's findings
	Worst    string
}

type findingView struct {
	N        int
	Finding  check.Finding
	Severity string
	RuleURL  string
	// Message and Fix are the finding's in the page's language.
	Message, Fix string
}

type checkPage struct {
	page
	Draft     string
	Format    string
	Formats   []string
	Name      string
	Error     string
	Checked   bool
	Lines     []lineView
	Findings  []findingView
	Counts    map[string]int
	Notes     []string
	Available bool
}

// checkFormats are the draft formats the page offers; "" detects.
var checkFormats = []string{"", string(check.FormatMarkdown), string(check.FormatHTML), string(check.FormatText)}

func (s *Server) checkForm(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	s.render(w, r, l, http.StatusOK, "check", checkPage{page: s.page(r, l, l.t("check"), "check"), Formats: checkFormats, Available: s.opts.Checker != nil})
}

// draftInput reads a draft posted as the form field "draft" or the file
// "file" (multipart), with its format ("" detects) and name.
func draftInput(w http.ResponseWriter, r *http.Request) (name string, data []byte, format string, err error) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxDraft+64<<10)
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/form-data") {
		if err := r.ParseMultipartForm(MaxDraft + 64<<10); err != nil {
			return "", nil, "", err
		}
		defer r.MultipartForm.RemoveAll()
	} else if err := r.ParseForm(); err != nil {
		return "", nil, "", err
	}
	format = r.PostFormValue("format")
	name = "draft"
	data = []byte(r.PostFormValue("draft"))
	if f, h, err := r.FormFile("file"); err == nil {
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, MaxDraft+1))
		if err != nil {
			return "", nil, "", err
		}
		if len(b) > 0 {
			data, name = b, h.Filename
		}
	}
	if len(data) > MaxDraft {
		return "", nil, "", errTooLarge
	}
	return name, data, format, nil
}

var errTooLarge = errors.New("draft too large")

// runCheck checks one draft with the server's checker.
func (s *Server) runCheck(r *http.Request, name string, data []byte, format string) (*check.Draft, *check.FileResult, error) {
	if format != "" {
		f, err := check.ParseFormat(format)
		if err != nil {
			return nil, nil, err
		}
		format = string(f)
	} else {
		format = string(check.DetectFormat(name, data))
	}
	d, err := check.Parse(name, data, check.Format(format))
	if err != nil {
		return nil, nil, err
	}
	res, err := s.opts.Checker.Check(r.Context(), d)
	if err != nil {
		return nil, nil, err
	}
	return d, res, nil
}

func (s *Server) checkPost(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	pg := checkPage{page: s.page(r, l, l.t("check"), "check"), Formats: checkFormats, Available: s.opts.Checker != nil}
	if s.opts.Checker == nil {
		s.render(w, r, l, http.StatusServiceUnavailable, "check", pg)
		return
	}
	name, data, format, err := draftInput(w, r)
	pg.Format = format
	if err != nil {
		pg.Error = fmt.Sprintf(l.t("check.toolarge"), MaxDraft>>10)
		if !errors.Is(err, errTooLarge) && !isTooLarge(err) {
			pg.Error = l.t("check.badform")
		}
		s.render(w, r, l, http.StatusBadRequest, "check", pg)
		return
	}
	if !utf8.Valid(data) {
		pg.Error = l.t("check.nottext")
		s.render(w, r, l, http.StatusBadRequest, "check", pg)
		return
	}
	pg.Draft, pg.Name = string(data), name
	if strings.TrimSpace(pg.Draft) == "" {
		pg.Error = l.t("check.empty")
		s.render(w, r, l, http.StatusBadRequest, "check", pg)
		return
	}
	d, res, err := s.runCheck(r, name, data, format)
	if err != nil {
		pg.Error = err.Error()
		s.render(w, r, l, http.StatusBadRequest, "check", pg)
		return
	}
	pg.Checked, pg.Notes = true, res.NotesIn(i18n.Lang(l))
	pg.Counts = map[string]int{}
	src := strings.Split(d.Source(), "\n")
	pg.Lines = make([]lineView, len(src))
	spans := make([][][2]int, len(src))
	for i, t := range src {
		pg.Lines[i] = lineView{N: i + 1, Segs: []seg{{Text: t}}}
	}
	for i, f := range res.Findings {
		sev := f.Severity.String()
		pg.Counts[sev]++
		msg, fix := f.Text(i18n.Lang(l))
		pg.Findings = append(pg.Findings, findingView{N: i + 1, Finding: f, Severity: sev, RuleURL: ruleURL(f.Rule, l), Message: msg, Fix: fix})
		if f.Line >= 1 && f.Line <= len(src) {
			lv := &pg.Lines[f.Line-1]
			lv.Findings = append(lv.Findings, i+1)
			if worse(sev, lv.Worst) {
				lv.Worst = sev
			}
			end := f.EndColumn
			if f.EndLine != f.Line {
				end = utf8.RuneCountInString(src[f.Line-1]) + 1
			}
			spans[f.Line-1] = append(spans[f.Line-1], [2]int{f.Column, end})
		}
	}
	for i := range src {
		if len(spans[i]) > 0 {
			pg.Lines[i].Segs = markColumns(src[i], spans[i])
		}
	}
	s.render(w, r, l, http.StatusOK, "check", pg)
}

func isTooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// severityRank orders the severities for the colour of a line.
var severityRank = map[string]int{"error": 4, "warning": 3, "info": 2, "metric": 1}

func worse(a, b string) bool { return severityRank[a] > severityRank[b] }

// markColumns cuts line at the 1-based, end-exclusive code-point columns
// of spans, marking what they cover.
func markColumns(line string, spans [][2]int) []seg {
	rs := []rune(line)
	marked := make([]bool, len(rs))
	for _, sp := range spans {
		for c := max(sp[0], 1); c < sp[1] && c-1 < len(rs); c++ {
			marked[c-1] = true
		}
	}
	var out []seg
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && marked[j] == marked[i] {
			j++
		}
		out = append(out, seg{Text: string(rs[i:j]), Mark: marked[i]})
		i = j
	}
	return out
}

func ruleURL(id string, l lang) string {
	u := "/rule/" + id
	if l == en {
		u += "?lang=en"
	}
	return u
}

// apiCheck checks the draft in the request body (or the form fields of the
// check page) and answers with the JSON "redtape check --format json"
// prints (schema redtape.check/v1).
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	if s.opts.Checker == nil {
		writeJSON(w, http.StatusServiceUnavailable, apiError{Error: "no checker configured"})
		return
	}
	var name, format string
	var data []byte
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/form-data") || strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		var err error
		if name, data, format, err = draftInput(w, r); err != nil {
			writeJSON(w, http.StatusBadRequest, apiError{Error: err.Error()})
			return
		}
	} else {
		b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxDraft))
		if err != nil {
			writeJSON(w, http.StatusRequestEntityTooLarge, apiError{Error: fmt.Sprintf("a draft is at most %d bytes", MaxDraft)})
			return
		}
		data, name, format = b, r.URL.Query().Get("name"), r.URL.Query().Get("format")
		if name == "" {
			name = "draft"
		}
	}
	if !utf8.Valid(data) || len(bytes.TrimSpace(data)) == 0 {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "the draft is empty or not UTF-8 text"})
		return
	}
	_, res, err := s.runCheck(r, name, data, format)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: err.Error()})
		return
	}
	rep := &findings.Report{Run: check.Run{Files: []*check.FileResult{res}, Notes: res.Notes},
		Tool: "redtape", Version: Version, FailOn: check.SeverityError}
	cfg := s.opts.Checker.Config()
	for _, ru := range s.opts.Checker.Rules() {
		rep.Rules = append(rep.Rules, findings.RuleInfo{Rule: ru, Severity: cfg.Severity(ru)})
	}
	var buf bytes.Buffer
	if err := findings.WriteJSON(&buf, rep); err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "internal error"})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(buf.Bytes())
}

// Version is the tool version the check JSON reports.
var Version = "0.1.0"

type rulePage struct {
	page
	Rule     *check.Rule
	Severity string
	Docs     string
	All      []*check.Rule
}

func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	rules, err := check.Rules()
	if err != nil {
		s.serverError(w, r, l, err)
		return
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	id := r.PathValue("id")
	for _, ru := range rules {
		if ru.ID == id || ru.Name == id {
			s.render(w, r, l, http.StatusOK, "rule", rulePage{page: s.page(r, l, ru.ID+" "+ru.Name, "check"), Rule: ru,
				Severity: ru.Severity.String(), Docs: findings.DocsBase + ru.ID + ".md", All: rules})
			return
		}
	}
	s.render(w, r, l, http.StatusNotFound, "notfound", notFoundPage{s.page(r, l, l.t("notfound"), ""), l.t("notfound.page")})
}
