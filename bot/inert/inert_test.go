package inert

import (
	"strings"
	"testing"

	"github.com/hirebot/hirebot/internal/inerttest"
)

// hostile is what someone might type into an item or a note to make an
// export do something.
var hostile = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`![pixel](https://evil.example/p.png)`,
	`[click me](javascript:alert(1))`,
	"dAtA:\vw", // a vertical tab after a dangerous scheme: not a space to every reader
	" jAvascript:\v`",
	`<javascript:alert(1)>`,
	`see javascript:alert(document.cookie) now`,
	`JaVaScRiPt:alert(1)`,
	`data:text/html;base64,PHNjcmlwdD4=`,
	`http://plain.example and www.example.com`,
	`<!-- comment --> <?php ?> </div>`,
	"```\ncode\n```",
	"# heading\n> quote\n- list\n1. numbered\n| a | b |\n---",
	`vbscript:msgbox(1) file:///etc/passwd`,
	"`javascript:alert(1)`",
}

func TestMarkdownIsInert(t *testing.T) {
	for _, in := range hostile {
		out := Markdown(in)
		if problem := inerttest.Markdown(out); problem != "" {
			t.Errorf("Markdown(%q) = %q: %s", in, out, problem)
		}
	}
	for in, want := range map[string]string{
		"Ten years leading teams":          "Ten years leading teams",
		"Apply at https://acme.example/jd": "Apply at https://acme.example/jd",
		"see javascript:alert(1) now":      "see `javascript:alert(1)` now",
		"www.acme.example":                 "`www.acme.example`",
		"<b>bold</b>":                      `\<b\>bold\</b\>`,
		"![x](y)":                          `\!\[x\](y)`,
		"1. first":                         `1\. first`,
		"a ``javascript:x`` b":             "a ``` ``javascript:x`` ``` b",
	} {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MarkdownCell("a | b\nc"); got != `a \| b c` {
		t.Errorf("MarkdownCell = %q", got)
	}
}

func TestTextIsInert(t *testing.T) {
	for _, in := range hostile {
		out := Text(in)
		if problem := inerttest.Text(out); problem != "" {
			t.Errorf("Text(%q) = %q: %s", in, out, problem)
		}
	}
	for in, want := range map[string]string{
		"Equity <10% and a bonus >5%": "Equity <10% and a bonus >5%",
		"<script>":                    "< script>",
		"javascript:alert(1)":         "javascript[:]alert(1)",
		"http://x.example":            "http[:]//x.example",
		"https://x.example":           "https://x.example",
		"Big data: we use it":         "Big data: we use it",
		"Note:really":                 "Note:really",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTMLIsInert(t *testing.T) {
	for _, in := range hostile {
		out := HTML(in)
		if p := inerttest.HTML(out); p != "" {
			t.Errorf("HTML(%q) = %q: %s", in, out, p)
		}
	}
}

// FuzzInert checks that no input survives an export format as active
// markup or a link other than https.
func FuzzInert(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if out := Markdown(s); inerttest.Markdown(out) != "" {
			t.Errorf("Markdown(%q) = %q: %s", s, out, inerttest.Markdown(out))
		}
		if out := MarkdownCell(s); inerttest.Markdown(out) != "" || strings.Contains(out, "\n") {
			t.Errorf("MarkdownCell(%q) = %q: %s", s, out, inerttest.Markdown(out))
		}
		if out := Text(s); inerttest.Text(out) != "" {
			t.Errorf("Text(%q) = %q: %s", s, out, inerttest.Text(out))
		}
		if out := HTML(s); inerttest.HTML(out) != "" {
			t.Errorf("HTML(%q) = %q", s, out)
		}
	})
}
