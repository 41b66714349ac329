package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports/collect"
)

// paperView is one paper of the dossier with its verdict.
type paperView struct {
	N        int
	Paper    *corpus.Paper // nil when the verdicts do not line up with the record's papers
	Result   flags.PaperResult
	Status   string
	Class    string // CSS class of the status
	Database string
	Owner    string
	Basis    []basisView
}

type basisView struct {
	Citation string
	Note     string
}

type componentView struct {
	Activity string
	Paper    int // 1-based; 0 for none
	Hours    string
	Cash     string
	Cost     string
	Measured string
	Assumed  string
}

type costView struct {
	Unit, Hours, Fees, Annual, Assumed, HourValue string
	Volume                                        string
	VolumeMeasured                                bool
	Components                                    []componentView
	Unknown, Notes                                []string
}

type procedurePage struct {
	page
	ID        string
	P         *corpus.Procedure
	Papers    []paperView
	Flagged   int
	Cost      costView
	SourceURL string // the record's http(s) URL, "" when it has none
	JSONURL   string
	Reports   []reportLink
}

type reportLink struct{ Label, URL string }

func (s *Server) lookup(r *http.Request) (string, *corpus.Procedure, bool) {
	id := r.URL.Query().Get("id")
	if len(id) > maxParam {
		return id, nil, false
	}
	p, ok := s.opts.Store.Get(id)
	return id, p, ok
}

func (s *Server) procedure(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	id, p, ok := s.lookup(r)
	if !ok {
		s.render(w, r, l, http.StatusNotFound, "notfound", notFoundPage{s.page(r, l, l.t("notfound"), ""), l.t("notfound.proc")})
		return
	}
	pg := procedurePage{page: s.page(r, l, p.Name, ""), ID: id, P: p, SourceURL: httpURL(p.Source.URL)}
	v := url.Values{"id": {id}}
	pg.JSONURL = "/api/procedure?" + v.Encode()
	if res, ok := s.a.FlagsOf(p); ok {
		pg.Flagged = res.Flagged
		lined := len(res.Papers) == len(p.Papers)
		for i, pr := range res.Papers {
			pv := paperView{N: i + 1, Result: pr, Status: l.status(pr.Status), Class: string(pr.Status)}
			if lined {
				pv.Paper = &p.Papers[i]
			}
			pv.Database = pick(l, pr.DatabaseVi, pr.Database)
			pv.Owner = pick(l, pr.OwnerVi, pr.Owner)
			for _, b := range pr.Basis {
				pv.Basis = append(pv.Basis, basisView{Citation: b.Citation(l.catalog()), Note: b.NoteIn(l.catalog())})
			}
			pg.Papers = append(pg.Papers, pv)
		}
	}
	pg.Cost = s.costView(p, l)
	pg.Reports = s.reportLinks(p, l)
	s.render(w, r, l, http.StatusOK, "procedure", pg)
}

func (s *Server) costView(p *corpus.Procedure, l lang) costView {
	c := s.model.Procedure(p)
	cv := costView{
		Unit: l.amount(c.Unit, 0), Hours: l.amount(c.Hours, 1), Fees: l.amount(c.Fees, 0),
		Annual: l.amount(c.Annual, 0), Assumed: l.amount(c.AssumedShare().Mul(cost.Int(100)), 0) + "%",
		HourValue: l.amount(s.model.HourlyValue(), 0), Volume: l.amount(cost.Int(c.Volume), 0), VolumeMeasured: c.VolumeMeasured,
		Unknown: c.Unknown, Notes: c.Notes,
	}
	for _, comp := range c.Components {
		cv.Components = append(cv.Components, componentView{
			Activity: l.activity(comp.Activity), Paper: comp.Paper + 1,
			Hours: l.amount(comp.Hours, 2), Cash: l.amount(comp.Cash, 0), Cost: l.amount(comp.Cost, 0),
			Measured: strings.Join(comp.Measured, ", "), Assumed: strings.Join(comp.Assumed, ", "),
		})
	}
	return cv
}

// reportLinks links the reports of the procedure's ministry and sector.
func (s *Server) reportLinks(p *corpus.Procedure, l lang) []reportLink {
	var out []reportLink
	if p.Ministry != "" {
		out = append(out, reportLink{l.t("ministry") + ": " + p.Ministry, reportURL("ministry", p.Ministry, l)})
	}
	if sec := assess.Sector(p); sec != "" {
		out = append(out, reportLink{l.t("sector") + ": " + sec, reportURL("sector", sec, l)})
	}
	return out
}

func pick(l lang, viName, enName string) string {
	if l == vi && viName != "" {
		return viName
	}
	if enName != "" {
		return enName
	}
	return viName
}

// httpURL returns u when it is an absolute http or https URL, else "":
// no other scheme becomes a link.
func httpURL(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return ""
	}
	return pu.String()
}

// procedureJSON is the JSON of /api/procedure.
type procedureJSON struct {
	Schema    string                 `json:"schema"`
	ID        string                 `json:"id"`
	Procedure *corpus.Procedure      `json:"procedure"`
	Flags     *flags.ProcedureResult `json:"flags,omitempty"`
	Cost      *cost.ProcedureCost    `json:"cost"`
}

// ProcedureSchema names the version of the JSON of /api/procedure.
const ProcedureSchema = "redtape.serve.procedure/v1"

func (s *Server) apiProcedure(w http.ResponseWriter, r *http.Request) {
	id, p, ok := s.lookup(r)
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError{Error: "no procedure with this id"})
		return
	}
	out := procedureJSON{Schema: ProcedureSchema, ID: id, Procedure: p, Cost: s.model.Procedure(p)}
	if res, ok := s.a.FlagsOf(p); ok {
		out.Flags = res
	}
	writeJSON(w, http.StatusOK, out)
}

func reportURL(field, value string, l lang) string {
	v := url.Values{}
	if field != "" {
		v.Set(field, value)
	}
	if l == en {
		v.Set("lang", string(en))
	}
	if len(v) == 0 {
		return "/report"
	}
	return "/report?" + v.Encode()
}

type groupLink struct {
	Name  string
	Count int
	URL   string
}

type reportsPage struct {
	page
	All        string
	Ministries []groupLink
	Sectors    []groupLink
	Message    string
}

// groups counts the procedures by key, most first, then by name.
func groups(procs []*corpus.Procedure, key func(*corpus.Procedure) string, field string, l lang) []groupLink {
	n := map[string]int{}
	for _, p := range procs {
		if k := key(p); k != "" {
			n[k]++
		}
	}
	out := make([]groupLink, 0, len(n))
	for k, c := range n {
		out = append(out, groupLink{k, c, reportURL(field, k, l)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func (s *Server) reportsPage(r *http.Request, l lang) reportsPage {
	procs := s.opts.Store.Procedures()
	return reportsPage{page: s.page(r, l, l.t("reports"), "reports"), All: reportURL("", "", l),
		Ministries: groups(procs, func(p *corpus.Procedure) string { return p.Ministry }, "ministry", l),
		Sectors:    groups(procs, assess.Sector, "sector", l)}
}

func (s *Server) reportList(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	s.render(w, r, l, http.StatusOK, "reports", s.reportsPage(r, l))
}

// report serves the reduction report: the page "redtape report --html"
// writes, for the whole index, a ministry or a sector.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	l := parseLang(v.Get("lang"))
	ministry, sector := strings.TrimSpace(v.Get("ministry")), strings.TrimSpace(v.Get("sector"))
	if len(ministry) > maxParam || len(sector) > maxParam {
		http.Error(w, "parameter too long", http.StatusBadRequest)
		return
	}
	b, err := s.reportHTML(r.Context(), ministry, sector, l)
	if errors.Is(err, collect.ErrNoMatch) || errors.Is(err, assess.ErrEmptyScope) {
		pg := s.reportsPage(r, l)
		pg.Message = l.t("report.nomatch")
		s.render(w, r, l, http.StatusNotFound, "reports", pg)
		return
	}
	if err != nil {
		s.serverError(w, r, l, err)
		return
	}
	w.Header().Set("Content-Security-Policy", reportCSP(b))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// funcs are the template functions of the pages in language l.
func funcs(l lang) template.FuncMap {
	return template.FuncMap{
		"t":     l.t,
		"cov":   func(c catalog.Coverage) string { return string(c) },
		"count": func(n *int64) string { return l.amount(cost.Int(*n), 0) },
		"join":  strings.Join,
		"searchURL": func(q string) string {
			return searchURL(q, 1, DefaultPageSize, l)
		},
		"langq": func() string {
			if l == en {
				return "?lang=en"
			}
			return ""
		},
	}
}
