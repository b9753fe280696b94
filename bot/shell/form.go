package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot/bot"
)

// fill shows a modal as a form filled in line by line: one line per input,
// a number (or the value) for a choice, `\n` for a line break in a long
// text. An empty line keeps what the input holds (and asks again for a
// required input that holds nothing); `:submit` submits what is filled so
// far, `:cancel` drops the form. It returns the submission — every input,
// as Slack sends a modal's state — or false when the form was dropped or
// the input ended.
func (s *Shell) fill(m *bot.Modal) (map[string]string, bool, error) {
	w := s.cfg.Out
	fmt.Fprintf(w, "== %s (a form: one line per field; empty keeps it, :submit sends, :cancel drops) ==\n", m.Title)
	if m.Intro != "" {
		fmt.Fprintln(w, m.Intro)
	}
	values := map[string]string{}
	for _, in := range m.Inputs {
		values[in.ID] = in.Value
	}
	return s.ask(m, values, nil)
}

// refill asks again, after a submission the handler refused, for the
// inputs refused names (input id → why), each with its reason, keeping
// every other answer as it was sent. A reason about no input of the form
// is shown, and every input asked again.
func (s *Shell) refill(m *bot.Modal, values, refused map[string]string) (map[string]string, bool, error) {
	w := s.cfg.Out
	fmt.Fprintf(w, "== %s: not sent. Everything you typed is kept; fix what is marked (empty keeps it, :submit sends, :cancel drops) ==\n", m.Title)
	for id, why := range refused {
		if !slices.ContainsFunc(m.Inputs, func(in bot.Input) bool { return in.ID == id }) {
			fmt.Fprintf(w, "! %s\n", why)
			refused = nil
			break
		}
	}
	return s.ask(m, values, refused)
}

// ask asks for the inputs of m in turn, each holding what values holds;
// only those refused names (with the reason), when refused is not nil.
func (s *Shell) ask(m *bot.Modal, values, refused map[string]string) (map[string]string, bool, error) {
	w := s.cfg.Out
	for i, in := range m.Inputs {
		why, ok := refused[in.ID]
		if refused != nil && !ok {
			continue
		}
		describe(w, i+1, len(m.Inputs), in, values[in.ID])
		if why != "" {
			fmt.Fprintf(w, "  ! %s\n", why)
		}
		for {
			line, err := s.readField(m.Callback+"/"+in.ID, in.Label+"> ")
			if errors.Is(err, io.EOF) {
				fmt.Fprintln(w, "(form dropped: the input ended)")
				return nil, false, nil
			}
			if err != nil {
				return nil, false, fmt.Errorf("read form input: %w", err)
			}
			line = strings.TrimSpace(line)
			switch line {
			case ":submit":
				return values, true, nil
			case ":cancel":
				fmt.Fprintln(w, "(form dropped; nothing was sent)")
				return nil, false, nil
			}
			v, ok := fieldValue(in, line, values[in.ID])
			if ok {
				if v != "" {
					values[in.ID] = v
				}
				break
			}
			if len(in.Choices) > 0 && line != "" {
				fmt.Fprintf(w, "  pick 1–%d\n", len(in.Choices))
			} else {
				fmt.Fprintln(w, "  required: type a value, or :submit / :cancel")
			}
		}
	}
	return values, true, nil
}

// readField reads the answer to a form's field: with the field's own
// history when the input keeps one (a Terminal), else as a line.
func (s *Shell) readField(field, prompt string) (string, error) {
	if fr, ok := s.cfg.In.(FieldReader); ok {
		return fr.ReadField(field, prompt)
	}
	return s.cfg.In.ReadLine(prompt)
}

// describe prints one input of a form: its label, hint, choices and what
// it holds.
func describe(w io.Writer, n, of int, in bot.Input, holds string) {
	req := ""
	if !in.Optional {
		req = " (required)"
	}
	fmt.Fprintf(w, "[%d/%d] %s%s\n", n, of, in.Label, req)
	if in.Hint != "" {
		fmt.Fprintf(w, "  %s\n", in.Hint)
	}
	for i, c := range in.Choices {
		mark := " "
		if c.Value == holds && holds != "" {
			mark = "*"
		}
		fmt.Fprintf(w, " %s%d) %s\n", mark, i+1, c.Label)
	}
	if holds != "" && len(in.Choices) == 0 {
		fmt.Fprintf(w, "  now: %s\n", strings.ReplaceAll(holds, "\n", `\n`))
	}
}

// fieldValue reads a line typed for in. It reports false when the line
// can't stand: an unknown choice, or nothing for a required input that
// holds nothing.
func fieldValue(in bot.Input, line, held string) (string, bool) {
	if line == "" {
		return "", held != "" || in.Optional
	}
	if len(in.Choices) == 0 {
		if in.Multiline {
			line = strings.ReplaceAll(line, `\n`, "\n")
		}
		return line, true
	}
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(in.Choices) {
		return in.Choices[n-1].Value, true
	}
	for _, c := range in.Choices {
		if strings.EqualFold(c.Value, line) {
			return c.Value, true
		}
	}
	return "", false
}

// submit fills modal m as a form and sends it as a modal submission. A
// submission refused about its inputs (bot.FormErrors: Slack keeps the
// modal open with the reason under the input) keeps every answer, asks
// again only for what was refused, and is sent again.
func (s *Shell) submit(ctx context.Context, m *bot.Modal) {
	values, ok, err := s.fill(m)
	for ok && err == nil {
		command, action, _ := strings.Cut(m.Callback, ":")
		req := bot.Request{Source: bot.Submit, Team: s.team, Channel: s.channel, User: s.user,
			Command: command, Action: action, Value: m.Metadata, Values: values, At: time.Now()}
		r, serr := s.cfg.Router.Serve(ctx, req)
		refused, isForm := bot.FormErrors(req, r, serr)
		if !isForm {
			s.show(ctx, req, r)
			return
		}
		values, ok, err = s.refill(m, values, refused)
	}
	if err != nil {
		fmt.Fprintf(s.cfg.Out, "! %v\n", err)
	}
}
