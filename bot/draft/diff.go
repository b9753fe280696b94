package draft

import (
	"fmt"
	"slices"

	"github.com/hirebot/hirebot/internal/lcs"
)

// Diff returns lines in words saying what changed from old to d: fields set,
// changed or cleared; items added, removed, edited or moved; the status; and
// wording rules ignored. It returns nil when the two read the same.
func (d *Draft) Diff(old *Draft) []string {
	lines := diffContent(old.Content(), d.Content())
	if old.Status != d.Status {
		if d.Status == Final {
			lines = append(lines, "the draft was finalized")
		} else {
			lines = append(lines, "the draft was reopened")
		}
	}
	for _, rule := range d.Ignored {
		if !slices.Contains(old.Ignored, rule) {
			lines = append(lines, fmt.Sprintf("wording rule %q is now ignored", rule))
		}
	}
	for _, rule := range old.Ignored {
		if !slices.Contains(d.Ignored, rule) {
			lines = append(lines, fmt.Sprintf("wording rule %q is no longer ignored", rule))
		}
	}
	return lines
}

// diffContent describes the changes from before to after.
func diffContent(before, after Content) []string {
	var lines []string
	for _, f := range Fields {
		was, is := before.Fields[f], after.Fields[f]
		switch {
		case was == is:
		case is == "":
			lines = append(lines, fmt.Sprintf("%s cleared (was %s)", f, quote(was)))
		case was == "":
			lines = append(lines, fmt.Sprintf("%s set to %s", f, quote(is)))
		default:
			lines = append(lines, fmt.Sprintf("%s changed from %s to %s", f, quote(was), quote(is)))
		}
	}
	for _, s := range Sections {
		lines = append(lines, diffItems(s, texts(before.Sections[s]), texts(after.Sections[s]))...)
	}
	return lines
}

func texts(items []Item) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = item.Text
	}
	return out
}

// diffItems describes how the list of texts a became b. It aligns the two on
// their longest common subsequence; what is left over is reported as moved
// (the same text on both sides), edited (a removal and an addition in the
// same gap) or removed and added.
func diffItems(s Section, a, b []string) []string {
	type gap struct{ del, ins []int } // 0-based indexes into a and b
	var gaps []gap
	var cur gap
	for _, step := range lcs.Align(a, b) {
		switch step.Op {
		case lcs.Same:
			if len(cur.del)+len(cur.ins) > 0 {
				gaps = append(gaps, cur)
				cur = gap{}
			}
		case lcs.Del:
			cur.del = append(cur.del, step.I)
		case lcs.Ins:
			cur.ins = append(cur.ins, step.J)
		}
	}
	if len(cur.del)+len(cur.ins) > 0 {
		gaps = append(gaps, cur)
	}

	var lines []string
	moved := map[int]bool{} // indexes into b already reported as moved to
	movedFrom := map[int]bool{}
	for _, g := range gaps {
		for _, di := range g.del {
			for _, h := range gaps {
				for _, ij := range h.ins {
					if !moved[ij] && !movedFrom[di] && a[di] == b[ij] {
						moved[ij], movedFrom[di] = true, true
						lines = append(lines, fmt.Sprintf("%s #%d moved to #%d: %s", s, di+1, ij+1, quote(a[di])))
					}
				}
			}
		}
	}
	for _, g := range gaps {
		var dels, ins []int
		for _, di := range g.del {
			if !movedFrom[di] {
				dels = append(dels, di)
			}
		}
		for _, ij := range g.ins {
			if !moved[ij] {
				ins = append(ins, ij)
			}
		}
		for len(dels) > 0 && len(ins) > 0 {
			lines = append(lines, fmt.Sprintf("%s #%d edited: %s", s, ins[0]+1, quote(b[ins[0]])))
			dels, ins = dels[1:], ins[1:]
		}
		for _, di := range dels {
			lines = append(lines, fmt.Sprintf("%s #%d removed: %s", s, di+1, quote(a[di])))
		}
		for _, ij := range ins {
			lines = append(lines, fmt.Sprintf("%s #%d added: %s", s, ij+1, quote(b[ij])))
		}
	}
	return lines
}
