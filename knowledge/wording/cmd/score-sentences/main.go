// Command score-sentences measures the wording check on files of labelled
// sentences ("risky <category>: sentence" or "clean: sentence", one a
// line): recall overall, per category and in the right category, false
// positives, and every miss and false alarm.
//
//	go run ./knowledge/wording/cmd/score-sentences FILE...
//
// Several files are scored as one set. The exit status is 2 when a file
// cannot be read or parsed.
package main

import (
	"fmt"
	"os"

	"github.com/hirebot/hirebot/knowledge/wording"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] == "-h" || os.Args[1] == "--help" {
		fmt.Fprintln(os.Stderr, "usage: score-sentences FILE...  (lines \"risky <category>: sentence\" or \"clean: sentence\")")
		os.Exit(2)
	}
	var items []wording.Labelled
	for _, name := range os.Args[1:] {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "score-sentences: %v\n", err)
			os.Exit(2)
		}
		xs, err := wording.ParseLabelled(data)
		if err != nil {
			fmt.Fprintf(os.Stderr, "score-sentences: %s: %v\n", name, err)
			os.Exit(2)
		}
		items = append(items, xs...)
	}
	if err := wording.Default().Score(items).WriteText(os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "score-sentences: %v\n", err)
		os.Exit(2)
	}
}
