// Command bundle-pack writes knowledge/pack.gob, the embedded knowledge
// pack as hirebot decodes it at start-up, from the YAML files of
// knowledge/data. Run it from the repository's root after changing them,
// and commit the file with the change:
//
//	go run ./knowledge/cmd/bundle-pack
//
// TestBundleFresh fails while the file is stale.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hirebot/hirebot/knowledge"
)

func main() {
	data, err := knowledge.EncodeBundle(os.DirFS(filepath.Join("knowledge", "data")))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundle-pack:", err)
		os.Exit(1)
	}
	out := filepath.Join("knowledge", knowledge.BundleFile)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bundle-pack:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes)\n", out, len(data))
}
