package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestKnowledgeValidate(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"knowledge", "validate", "testdata/pack"}, 0, "testdata/pack is valid"},
		{[]string{"knowledge", "validate", "testdata/badpack"}, 1, "cto-nowhere"},
		{[]string{"knowledge", "validate", "testdata/protectedpack"}, 1, `q-ours-pressure: follow-up 2 touches health or disability ("look after yourself")`},
		{[]string{"knowledge", "validate", "testdata/thinpack"}, 1, "competency team-building has"},
		{[]string{"knowledge", "validate"}, 2, "usage: hirebot knowledge validate DIR"},
		{[]string{"knowledge", "frob", "x"}, 2, "usage"},
		{[]string{"knowledge", "validate", "/no/such/dir"}, 1, "cannot read the knowledge pack /no/such/dir: no such file or directory"},
		{[]string{"knowledge", "validate", "knowledge_test.go"}, 1, "knowledge_test.go is not a directory"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(context.Background(), tt.args, nil, &out, &errb)
		if code != tt.code || !strings.Contains(out.String()+errb.String(), tt.want) {
			t.Errorf("hirebot %s: exit %d, output %q%q; want exit %d mentioning %q",
				strings.Join(tt.args, " "), code, out.String(), errb.String(), tt.code, tt.want)
		}
	}
}

func TestCustomKnowledgeDir(t *testing.T) {
	t.Setenv("HIREBOT_KNOWLEDGE_DIR", "testdata/pack")
	var out, errb bytes.Buffer
	in := strings.NewReader("/cto-role onboarding\n/cto-role cio\n")
	if code := run(context.Background(), []string{"shell"}, in, &out, &errb); code != 0 {
		t.Fatalf("shell exited %d: %s", code, errb.String())
	}
	for _, want := range []string{"How we onboard a new CTO", "three largest technical risks", "Chief Information Officer"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	t.Setenv("HIREBOT_KNOWLEDGE_DIR", "testdata/badpack")
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"shell"}, strings.NewReader(""), &out, &errb); code == 0 ||
		!strings.Contains(errb.String(), "HIREBOT_KNOWLEDGE_DIR") || !strings.Contains(errb.String(), "cto-nowhere") {
		t.Errorf("a bad pack: exit %d, stderr %q; want a failure naming the setting and the problem", code, errb.String())
	}
}
