package flags

// Summarizer totals results one at a time, as [Summarize] totals a list:
// a command that flags a stream of procedures keeps the totals, not the
// results. Its memory grows with the ministries, sectors and databases
// met, not with the procedures. The zero value is ready to use.
type Summarizer struct {
	s                              Summary
	ministries, sectors, databases map[string]*Group
}

func (z *Summarizer) group(m *map[string]*Group, k string) *Group {
	if *m == nil {
		*m = map[string]*Group{}
	}
	g := (*m)[k]
	if g == nil {
		g = &Group{Key: k}
		(*m)[k] = g
	}
	return g
}

// Add counts r.
func (z *Summarizer) Add(r ProcedureResult) {
	s := &z.s
	s.Procedures++
	s.Papers += len(r.Papers)
	s.PapersFlagged += r.Flagged
	affected := 0
	if r.Flagged > 0 {
		affected = 1
	}
	s.Affected += affected
	s.ByStatus = CountStatuses(s.ByStatus, r)
	for _, g := range []*Group{z.group(&z.ministries, r.Ministry), z.group(&z.sectors, r.Sector)} {
		g.ByStatus = CountStatuses(g.ByStatus, r)
		g.Procedures++
		g.Affected += affected
		g.Papers += len(r.Papers)
		g.PapersFlagged += r.Flagged
	}
	seen := map[string]bool{}
	for _, p := range r.Papers {
		if !p.Flagged {
			continue
		}
		// A paper asking for several covered components ("Giấy khai
		// sinh, Sổ hộ khẩu") counts once for each database holding one.
		dbs := map[string]string{p.Database: p.DatabaseVi}
		for _, c := range p.Components {
			if c.Covered {
				dbs[c.Database] = c.DatabaseVi
			}
		}
		for db, vi := range dbs {
			g := z.group(&z.databases, db)
			if g.KeyVi == "" {
				g.KeyVi = vi
			}
			g.Papers++
			g.PapersFlagged++
			if !seen[db] {
				seen[db] = true
				g.Procedures++
				g.Affected++
			}
		}
	}
}

// Summary returns the totals of the results added so far. Groups are
// sorted by flagged papers, most first, then by key.
func (z *Summarizer) Summary() Summary {
	s := z.s
	s.ByMinistry, s.BySector, s.ByDatabase = sorted(z.ministries), sorted(z.sectors), sorted(z.databases)
	return s
}
