// Command hirebot is a Slack app for teams hiring technical leaders.
//
//	hirebot [serve]                   run the bot over Socket Mode
//	hirebot shell                     the same commands in a terminal
//	hirebot manifest                  print the Slack app manifest
//	hirebot knowledge validate DIR    check a custom knowledge pack
//	hirebot check [flags] FILE        wording check of a job description
//	hirebot version                   print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	startMemProbe()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs one hirebot command and returns the exit status: 0 on success,
// 1 on failure, 2 on a usage or configuration error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "-version", "--version", "-v":
		cmd = "version"
	}
	if help, ok := helpFor(cmd); ok && wantsHelp(args) {
		fmt.Fprint(stdout, help)
		return 0
	}
	switch cmd {
	case "serve":
		return serveCmd(ctx, args, stderr)
	case "shell":
		return withConfig(cmd, args, stderr, func(c config) int { return shell(ctx, c, stdin, stdout, stderr) })
	case "manifest":
		return withConfig(cmd, args, stderr, func(c config) int { return printManifest(c, stdout, stderr) })
	case "knowledge":
		return knowledgeCmd(args, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "version":
		if extraArgs(cmd, args, stderr) {
			return 2
		}
		return printVersion(stdout)
	case "help", "-h", "-help", "--help":
		return printHelp(args, stdout, stderr)
	}
	fmt.Fprintf(stderr, "hirebot: unknown command %q\n%s", cmd, usage)
	return 2
}

// helpFor returns the -h text of the subcommand cmd.
func helpFor(cmd string) (string, bool) {
	if cmd == "check" {
		return checkHelp(), true
	}
	help, ok := subcommandHelp[cmd]
	return help, ok
}

// printHelp runs "hirebot help [COMMAND]": the usage of hirebot, or of
// COMMAND, on stdout.
func printHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usage)
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "hirebot: help takes one command at most, got %q\n%s", args, usage)
		return 2
	}
	help, ok := helpFor(args[0])
	if !ok {
		fmt.Fprintf(stderr, "hirebot: no command %q to help with\n%s", args[0], usage)
		return 2
	}
	fmt.Fprint(stdout, help)
	return 0
}

// wantsHelp reports whether args ask for help.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help", "help":
			return true
		}
	}
	return false
}

// withConfig loads the configuration for the subcommand cmd, which takes
// no arguments, and runs fn with it.
func withConfig(cmd string, args []string, stderr io.Writer, fn func(config) int) int {
	if extraArgs(cmd, args, stderr) {
		return 2
	}
	c, err := loadConfig()
	if err != nil {
		return configFailed(stderr, err)
	}
	return fn(c)
}

// extraArgs reports whether a subcommand that takes no arguments was given
// some, and if so says so on stderr: a usage error.
func extraArgs(cmd string, args []string, stderr io.Writer) bool {
	if len(args) == 0 {
		return false
	}
	fmt.Fprintf(stderr, "hirebot %s: takes no arguments; unexpected %q (try hirebot %s -h)\n", cmd, args[0], cmd)
	return true
}

// configFailed prints a configuration error as one line and returns 2.
func configFailed(stderr io.Writer, err error) int {
	var ce *configError
	if errors.As(err, &ce) {
		fmt.Fprintf(stderr, "hirebot: %s\n", ce.msg)
	} else {
		fmt.Fprintf(stderr, "hirebot: %v\n", err)
	}
	return 2
}

const usage = `usage:
  hirebot [serve]                   run the bot (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN)
  hirebot shell                     try the commands in a terminal, no Slack or Redis needed
  hirebot manifest                  print the Slack app manifest
  hirebot knowledge validate DIR    check a custom knowledge pack
  hirebot check [-fail-on warning] [-ignore id,…] [-format text|json|sarif] [-rules FILE] [-list-rules] JD
                                    wording and legal-risk check of a job description (Markdown or text)
  hirebot version                   print the version, commit and Go version

Every command takes -h (or: hirebot help COMMAND) for its own help. Settings come from the environment;
see the README's Configuration section.

Exit status: 0 on success; 1 when the command ran and failed: a file or
directory given on the command line cannot be read ("cannot read …") or is
not valid, hirebot check found what -fail-on counts, serve could not start;
2 on a usage error (unknown command or flag, missing or extra argument) or
a setting in the environment that is wrong, and when Slack refuses a token.
`

// subcommandHelp is each subcommand's -h text.
var subcommandHelp = map[string]string{
	"serve": `usage: hirebot [serve]

Runs the bot over Socket Mode until SIGINT or SIGTERM. Needs SLACK_APP_TOKEN
(xapp-…) and SLACK_BOT_TOKEN (xoxb-…); REDIS_URL for sessions shared by
replicas (without it, an embedded store that loses drafts on restart).
Health and metrics are served on HIREBOT_HTTP_ADDR (default :8080).
While Slack cannot be reached it keeps retrying; it exits 2 when Slack
refuses a token or a setting is wrong.
`,
	"shell": `usage: hirebot shell

Runs the slash commands in a terminal on an in-memory store: no Slack, no
Redis. Type /cto-role, /jd help, /interview or a question; :help lists the
shell's own commands (switch user or channel, press buttons). On a terminal
the line can be edited and arrow keys recall history; Ctrl-C clears the
line and Ctrl-D quits. It also reads commands from a pipe:

  echo "/cto-role cio" | hirebot shell
`,
	"manifest": `usage: hirebot manifest

Prints the Slack app manifest (YAML) for the configured command names
(HIREBOT_CTO_ROLE_COMMAND, HIREBOT_JD_COMMAND, HIREBOT_INTERVIEW_COMMAND).
Paste it at api.slack.com/apps → Create New App → From an app manifest.
`,
	"knowledge": `usage: hirebot knowledge validate DIR

Checks a custom knowledge pack (the layout of knowledge/data) laid over the
built-in one, as HIREBOT_KNOWLEDGE_DIR would load it. Exit 0 when valid; 1
when DIR cannot be read ("cannot read …") or is not valid, with every
problem listed; 2 on a usage error.
`,
	"version": `usage: hirebot version

Prints the version, the commit (when known) and the Go version.
`,
}
