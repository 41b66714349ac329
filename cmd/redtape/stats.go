package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// statsCommand is not built yet.
func statsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "stats",
		Usage:  "count procedures, papers, fees and times by ministry (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("stats: not available yet") },
	}
}
