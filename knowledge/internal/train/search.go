package main

import (
	"fmt"
	"io"

	"github.com/hirebot/hirebot/knowledge"
)

// searchParams chooses the hyper-parameters by leave-one-writer-out
// cross-validation: starting from knowledge.DefaultTraining, it tries
// each value of one parameter at a time, keeps the best (by the
// calibration's score), and goes round twice. It prints every trial and
// the configuration to put into knowledge.DefaultTraining.
func searchParams(pack *knowledge.Pack, writers []knowledge.Writer, out io.Writer) error {
	best := knowledge.DefaultTraining
	_, bestScore, err := knowledge.CrossValidate(pack, writers, best)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "start %.4f %+v\n", bestScore, best)
	trials := []func(c *knowledge.TrainConfig, v float64){
		func(c *knowledge.TrainConfig, v float64) { c.Params.L2 = v },
		func(c *knowledge.TrainConfig, v float64) { c.Features.Chars = float32(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Features.Bigram = float32(v) },
		func(c *knowledge.TrainConfig, v float64) { c.PackWeight = float32(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Params.Epochs = int(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Params.Rate = v },
		func(c *knowledge.TrainConfig, v float64) { c.Params.MinCount = int(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Features.MaxN = int(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Features.Rank = float32(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Features.Length = float32(v) },
		func(c *knowledge.TrainConfig, v float64) { c.Params.KnownNorm = v == 1 },
		func(c *knowledge.TrainConfig, v float64) { c.Params.UnknownShare = v == 1 },
	}
	values := [][]float64{
		{1e-5, 3e-5, 1e-4, 3e-4, 1e-3},
		{0, 0.1, 0.2, 0.4},
		{0, 0.4, 0.7, 1},
		{0.2, 0.5, 1},
		{6, 12, 20},
		{0.1, 0.3, 0.6},
		{1, 2, 3},
		{4, 5},
		{0, 0.5, 1, 2},
		{0, 0.3, 1},
		{0, 1},
		{0, 1},
	}
	for round := 1; round <= 2; round++ {
		for i, set := range trials {
			for _, v := range values[i] {
				c := best
				set(&c, v)
				if c == best {
					continue
				}
				rep, sc, err := knowledge.CrossValidate(pack, writers, c)
				if err != nil {
					return err
				}
				mark := ""
				if sc > bestScore+1e-9 {
					best, bestScore, mark = c, sc, "  ← best so far"
				}
				fmt.Fprintf(out, "round %d: %.4f %s%s\n    %+v\n", round, sc, rep.Pooled, mark, c)
			}
		}
	}
	fmt.Fprintf(out, "\nbest: %.4f\n%#v\n", bestScore, best)
	return nil
}
