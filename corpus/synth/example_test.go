package synth_test

import (
	"fmt"

	"github.com/redtape-vn/redtape/corpus/synth"
)

func ExampleGenerate() {
	procs := synth.Generate(42, 3)
	again := synth.Generate(42, 3)
	fmt.Println(len(procs), procs[2].Name == again[2].Name, procs[0].Source.File)
	// Output: 3 true synth/part-0000.jsonl
}
