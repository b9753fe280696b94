// Command hirebot is a Slack app for teams hiring technical leaders.
//
//	hirebot [serve]                   run the bot over Socket Mode
//	hirebot shell                     the same commands in a terminal
//	hirebot manifest                  print the Slack app manifest
//	hirebot knowledge validate DIR    check a custom knowledge pack
//	hirebot check [flags] FILE        wording check of a job description
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
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
	case "serve":
		return serve(ctx, stderr)
	case "shell":
		return shell(ctx, stdin, stdout, stderr)
	case "manifest":
		return printManifest(stdout, stderr)
	case "knowledge":
		return knowledgeCmd(args, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "hirebot: unknown command %q\n%s", cmd, usage)
	return 2
}

const usage = `usage:
  hirebot [serve]                   run the bot (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN)
  hirebot shell                     try the commands in a terminal, no Slack or Redis needed
  hirebot manifest                  print the Slack app manifest
  hirebot knowledge validate DIR    check a custom knowledge pack
  hirebot check [-fail-on warning] [-ignore id,…] [-format text|json|sarif] [-rules FILE] [-list-rules] JD
                                    wording and legal-risk check of a job description (Markdown or text)
`
