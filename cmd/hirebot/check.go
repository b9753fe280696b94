// placeholder: the wording-check CLI (runCheck) is being written in this file by another engineer; overwrite freely.
package main

import "io"

func runCheck(args []string, stdout, stderr io.Writer) int { return 2 }
