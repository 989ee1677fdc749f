package main

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

// childEnv, when set, makes the test binary run the command instead of the
// tests, so that tests can signal or kill a real process. Its value picks
// what happens when every document is prepared and none committed: "wait"
// says "prepared" on stderr and waits for a stop signal; "block" says it
// and then ignores the first signal (only a second one, or SIGKILL, ends
// the process).
const childEnv = "BUDGETDOC_TEST_CHILD"

func TestMain(m *testing.M) {
	if hook, ok := os.LookupEnv(childEnv); ok {
		switch hook {
		case "wait":
			testHookPrepared = func(ctx context.Context) {
				fmt.Fprintln(os.Stderr, "prepared")
				select {
				case <-ctx.Done():
				case <-time.After(time.Minute):
				}
			}
		case "block":
			testHookPrepared = func(context.Context) {
				fmt.Fprintln(os.Stderr, "prepared")
				time.Sleep(time.Minute)
			}
		}
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
