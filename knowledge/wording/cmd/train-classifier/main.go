// Command train-classifier trains the wording check's classifier on the
// writers' labelled sentences and writes the model the checker embeds:
//
//	go run ./knowledge/wording/cmd/train-classifier
//
// run from the repository's root. It reads every *.txt file of
// knowledge/wording/testdata/writers (one writer each), holds out each
// writer in turn to choose the threshold, prints those tuning figures,
// and writes knowledge/wording/classifier.model trained on every writer.
// The repository's own labelled sentences (testdata/sentences.txt) are
// trained on too, as one more set, but left out of choosing the threshold
// and of the pooled figures: they were not written independently.
// Training is deterministic: the same files give the same model, which
// TestClassifierModelIsFresh checks. -dir and -out change the paths;
// -o "" prints the figures only.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hirebot/hirebot/knowledge/wording"
)

func main() {
	dir := flag.String("dir", "knowledge/wording/testdata/writers", "the folder of the writers' labelled sentences")
	repo := flag.String("repo", "knowledge/wording/testdata/sentences.txt", "the repository's labelled sentences, trained on as one more set")
	out := flag.String("out", "knowledge/wording/classifier.model", "where to write the model; empty: do not write it")
	flag.Parse()
	repoData, err := os.ReadFile(*repo)
	if err != nil {
		fmt.Fprintf(os.Stderr, "train-classifier: %v\n", err)
		os.Exit(2)
	}
	sets, err := wording.TrainingSets(os.DirFS(*dir), repoData)
	if err != nil {
		fmt.Fprintf(os.Stderr, "train-classifier: %v\n", err)
		os.Exit(2)
	}
	model, report, err := wording.BuildModel(sets)
	if err != nil {
		fmt.Fprintf(os.Stderr, "train-classifier: %v\n", err)
		os.Exit(1)
	}
	if err := report.WriteText(os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "train-classifier: %v\n", err)
		os.Exit(1)
	}
	if *out != "" {
		if err := os.WriteFile(*out, model, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "train-classifier: %v\n", err)
			os.Exit(1)
		}
		fmt.Printf("\nwrote %s (%d bytes)\n", *out, len(model))
	}
}
