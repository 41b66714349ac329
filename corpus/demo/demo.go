// Package demo holds redtape's built-in demo corpus: a few dozen procedures
// of several ministries, written for the project in redtape's own JSONL
// format and modelled on real published procedures. Commands fall back to it
// when given no input, so a new user sees the product with no data to fetch.
//
// The records are illustrative. Procedure names, papers and legal document
// numbers follow published procedures of the national procedure database
// (the numbers are of real laws, decrees and circulars), but the wording is
// the project's own, fees and times are as those sources state them where
// the project read them and otherwise plausible, and annual volumes are
// rough orders of magnitude, not measured figures. Do not cite the demo.
package demo

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/redtape-vn/redtape/corpus"
)

//go:embed procedures.jsonl
var data []byte

// Name is the pseudo path that records of the demo corpus carry as source.
const Name = "demo/procedures.jsonl"

// Load reads the demo corpus.
func Load(ctx context.Context) ([]*corpus.Procedure, error) {
	var procs []*corpus.Procedure
	sum, err := corpus.ReadData(ctx, Name, data, corpus.Options{}, func(p *corpus.Procedure) error {
		procs = append(procs, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	if sum.Failed() {
		return nil, fmt.Errorf("demo corpus: %w", sum.Errors[0])
	}
	return procs, nil
}
