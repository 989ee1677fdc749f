package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit statuses.
const (
	exitOK          = 0
	exitFailed      = 1   // the input has errors, or an output could not be written
	exitUsage       = 2   // unknown command or flag, missing argument
	exitInterrupted = 130 // Ctrl-C, as a shell reports a process killed by SIGINT
)

// stopSignals stop the command: Ctrl-C (SIGINT), SIGTERM (kill, a service
// manager, a CI job's timeout) and SIGHUP (the terminal closed) alike.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// signalStatus is the exit status of a run stopped by sig: 128 plus the
// signal's number, as a shell reports a process the signal killed.
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitInterrupted
}

// signalName says which signal stopped the run.
func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "Ctrl-C"
	case syscall.SIGTERM:
		return "终止信号（SIGTERM）"
	case syscall.SIGHUP:
		return "终端已关闭（SIGHUP）"
	}
	return sig.String()
}

// run is the command: it takes the arguments after the program name and
// returns the exit status. The first stop signal cancels the work (nothing
// half-written is left); a second one removes any temporary files and
// exits at once.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, stopSignals...)
	defer signal.Stop(signals)
	var first os.Signal
	got := make(chan struct{})
	go func() {
		sig, ok := <-signals
		if !ok {
			return
		}
		first = sig
		close(got)
		fmt.Fprintf(stderr, "\n已中断（%s）：正在完成进行中的文件；再按一次 Ctrl-C 立即停止\n", signalName(sig))
		cancel()
		if _, ok := <-signals; !ok {
			return
		}
		removeTemporaryFiles()
		fmt.Fprintln(stderr, "已停止：没有留下写了一半的文件")
		os.Exit(signalStatus(sig))
	}()
	status := runContext(ctx, args, stdout, stderr)
	if status == exitInterrupted {
		<-got
		status = signalStatus(first)
	}
	return status
}

// runContext is run without the signal handling, for tests: cancelling ctx
// is Ctrl-C.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "render":
		return runRender(ctx, rest, stdout, stderr)
	case "validate":
		return runValidate(rest, stdout, stderr)
	case "init":
		return runInit(rest, stdout, stderr)
	case "batch":
		return runBatch(ctx, rest, stdout, stderr)
	case "convert":
		return runConvert(rest, stdout, stderr)
	case "profiles":
		return runProfiles(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(rest) == 1 {
			if u, ok := commandUsage[rest[0]]; ok {
				fmt.Fprint(stdout, u)
				return exitOK
			}
		}
		fmt.Fprint(stdout, mainUsage)
		return exitOK
	default:
		if strings.HasPrefix(cmd, "-") {
			fmt.Fprintf(stderr, "budgetdoc: 无法识别的选项 %s：请先写命令名（init、validate、render、batch、convert 或 profiles）\n\n", cmd)
		} else {
			fmt.Fprintf(stderr, "budgetdoc: 无法识别的命令“%s”：命令有 init、validate、render、batch、convert、profiles\n\n", cmd)
		}
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
}

const mainUsage = `budgetdoc 根据一个预算文件制作部门预算公开文件（PDF、Word、Excel）。

用法：
  budgetdoc <命令> [参数]

命令：
  init      新建一个预算文件，每项都附有填写说明
  validate  检查预算文件，一次列出全部问题
  render    根据预算文件制作 PDF、Word（.docx）或 Excel（.xlsx）文件
  batch     为一个文件夹中的每个预算文件制作公开文件
  convert   在 YAML、JSON 和 Excel 工作簿之间转换预算文件
  profiles  列出内置的文档定义（--profile 可选用）

示例：
  budgetdoc init -o 2023预算.yaml
  budgetdoc init --xlsx -o 2023预算.xlsx
  budgetdoc validate 2023预算.yaml
  budgetdoc render 2023预算.yaml -o 2023预算.pdf -o 2023预算.docx -o 2023预算.xlsx
  budgetdoc batch 各单位预算 -o 公开文件

各命令的选项请运行“budgetdoc <命令> --help”查看。
`

// commandUsage is each command's help, for "budgetdoc help <command>" and
// "<command> --help".
var commandUsage = map[string]string{
	"render":   renderUsage,
	"validate": validateUsage,
	"init":     initUsage,
	"batch":    batchUsage,
	"convert":  convertUsage,
	"profiles": profilesUsage,
}

// newFlagSet makes a flag set that reports nothing itself: parseArgs and
// usageError word the messages.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseArgs parses flags and positional arguments in any order ("render
// IN.yaml -o OUT.pdf" as well as "render -o OUT.pdf IN.yaml"): the flag
// package stops at the first positional argument, so parsing resumes after
// each one. Everything after "--" is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// parseCommand parses a command's arguments. It returns ok false with the
// exit status when the command should stop: after --help (usage on
// stdout, status 0) or a bad flag (message and usage on stderr, status 2).
func parseCommand(fs *flag.FlagSet, usage string, args []string, stdout, stderr io.Writer) (positional []string, status int, ok bool) {
	positional, err := parseArgs(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return nil, exitOK, false
	case err != nil:
		return nil, usageError(stderr, fs.Name(), usage, "%s", flagError(err)), false
	}
	return positional, exitOK, true
}

// usageError reports a mistake in the command line and returns exitUsage.
func usageError(stderr io.Writer, command, usage, format string, args ...any) int {
	fmt.Fprintf(stderr, "budgetdoc %s: %s\n\n", command, fmt.Sprintf(format, args...))
	fmt.Fprint(stderr, usage)
	return exitUsage
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
