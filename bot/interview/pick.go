// Package interview handles /interview: structured interview questions
// that never repeat within a channel's session, and the channel's
// interview kit.
package interview

import (
	"slices"

	"github.com/hirebot/hirebot/knowledge"
)

// Filter says which questions a request is about.
type Filter struct {
	Role         string   // Role id; "" for any
	Kind         string   // Kind id the set leans to; "" for none
	Competencies []string // in priority order; empty means every one the pool has
}

// Pool returns the questions that fit f, in pack order. They point into
// the pack, which nobody changes once loaded; callers only read them.
func Pool(p *knowledge.Pack, f Filter) []*knowledge.Question {
	want := map[string]bool{}
	for _, c := range f.Competencies {
		want[c] = true
	}
	out := make([]*knowledge.Question, 0, len(p.Questions))
	for i := range p.Questions {
		q := &p.Questions[i]
		if f.Role != "" && !slices.Contains(q.Roles, f.Role) {
			continue
		}
		if len(want) > 0 && !want[q.Competency] {
			continue
		}
		if f.Kind != "" && len(q.Kinds) > 0 && !slices.Contains(q.Kinds, f.Kind) {
			continue // written for another kind of CTO
		}
		out = append(out, q)
	}
	return out
}

// Pick chooses up to n questions from pool that are not in asked, spread
// across competencies: no competency gets a second question until every
// competency with questions left has one. Competencies are taken in the
// order of priority, then in pool order; questions written for kind come
// first within a competency. rotate shifts where the round starts among
// the non-priority competencies, so successive batches cover different
// ones.
func Pick(pool []*knowledge.Question, asked map[string]bool, priority []string, kind string, n, rotate int) []*knowledge.Question {
	byComp := map[string][]*knowledge.Question{}
	var order []string
	for _, q := range pool {
		if asked[q.ID] {
			continue
		}
		if _, ok := byComp[q.Competency]; !ok {
			order = append(order, q.Competency)
		}
		byComp[q.Competency] = append(byComp[q.Competency], q)
	}
	for c, qs := range byComp {
		slices.SortStableFunc(qs, func(a, b *knowledge.Question) int {
			return boolRank(slices.Contains(b.Kinds, kind) && kind != "") - boolRank(slices.Contains(a.Kinds, kind) && kind != "")
		})
		byComp[c] = qs
	}
	order = arrange(order, priority, rotate)
	out := make([]*knowledge.Question, 0, n)
	for len(out) < n {
		took := false
		for _, c := range order {
			if len(out) == n {
				break
			}
			if qs := byComp[c]; len(qs) > 0 {
				out = append(out, qs[0])
				byComp[c] = qs[1:]
				took = true
			}
		}
		if !took {
			break
		}
	}
	return out
}

// arrange puts the priority competencies first (in their order), then the
// rest rotated by rotate.
func arrange(order, priority []string, rotate int) []string {
	var first, rest []string
	for _, c := range priority {
		if slices.Contains(order, c) && !slices.Contains(first, c) {
			first = append(first, c)
		}
	}
	for _, c := range order {
		if !slices.Contains(first, c) {
			rest = append(rest, c)
		}
	}
	if len(rest) > 0 {
		k := rotate % len(rest)
		rest = append(rest[k:], rest[:k]...)
	}
	return append(first, rest...)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
