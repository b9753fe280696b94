package hirebot_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// commandName matches a default command name as a user would type it.
var commandName = regexp.MustCompile(`(^|[^\w/-])/(jd|interview|cto-role)([^\w-]|$)`)

// TestOnlyHandlersNameCommands checks that no layer below the handlers
// writes a command name into a string: the draft domain, the session
// store, dedup, the knowledge pack and the parsers return typed errors,
// and handlers word them with the configured names.
func TestOnlyHandlersNameCommands(t *testing.T) {
	below := []string{"bot/draft", "bot/sessions", "bot/dedup", "knowledge", "bot/jd/args.go", "bot/interview/args.go"}
	for _, root := range below {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && commandName.MatchString(lit.Value) {
					t.Errorf("%s: string %s names a command; return a typed error and let the handler word it", path, lit.Value)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
