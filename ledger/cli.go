package ledger

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Command is the subcommand of the plugin binary that prints the ledger.
const Command = "ledger"

// Usage is the command's help.
const Usage = `Usage: tflint-ruleset-lgcloud ledger [DIR] [--format csv|markdown]

Prints the information-asset ledger (情報資産台帳) of the data stores that the
Terraform configuration in DIR (default: the current directory) declares, in
its root module and the local modules it calls.

  --format csv       CSV in UTF-8 with a byte order mark and CRLF line ends,
                     which Excel opens as is (the default)
  --format markdown  a Markdown table with notes

The language, and the ledger tags (the options of lgcloud_aws_ledger_tags),
are read from DIR/.tflint.hcl when it exists.
`

// Main runs the command with its arguments (those after "ledger") and
// returns the exit status: 0 on success, 1 when the configuration cannot
// be read, 2 on a usage error.
func Main(args []string, stdout, stderr io.Writer) int {
	dir, format, help, err := parseArgs(args)
	switch {
	case help:
		fmt.Fprint(stdout, Usage)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "ledger: %s\n\n%s", err, Usage)
		return 2
	}
	l, err := Build(dir)
	if err != nil {
		fmt.Fprintf(stderr, "ledger: %s\n", err)
		return 1
	}
	var out bytes.Buffer
	if err := l.Write(&out, format); err != nil {
		fmt.Fprintf(stderr, "ledger: %s\n", err)
		return 1
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "ledger: %s\n", err)
		return 1
	}
	if format == CSV {
		for _, n := range l.Notes {
			fmt.Fprintf(stderr, "ledger: %s: %s\n", n.Where, n.What.In(l.Language))
		}
	}
	return 0
}

// parseArgs reads [DIR] [--format csv|markdown], in any order.
func parseArgs(args []string) (dir string, format Format, help bool, err error) {
	format = CSV
	var dirs []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "-h" || arg == "-help" || arg == "--help":
			return "", "", true, nil
		case arg == "--format" || arg == "-format":
			if i+1 == len(args) {
				return "", "", false, fmt.Errorf("%s needs a value: csv or markdown", arg)
			}
			i++
			if format, err = parseFormat(args[i]); err != nil {
				return "", "", false, err
			}
		case strings.HasPrefix(arg, "--format=") || strings.HasPrefix(arg, "-format="):
			_, value, _ := strings.Cut(arg, "=")
			if format, err = parseFormat(value); err != nil {
				return "", "", false, err
			}
		case strings.HasPrefix(arg, "-") && arg != "-":
			return "", "", false, fmt.Errorf("unknown flag %s", arg)
		default:
			dirs = append(dirs, arg)
		}
	}
	switch len(dirs) {
	case 0:
		return ".", format, false, nil
	case 1:
		return dirs[0], format, false, nil
	}
	return "", "", false, fmt.Errorf("one directory at most, got %d: %s", len(dirs), strings.Join(dirs, " "))
}

func parseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "csv":
		return CSV, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q: use csv or markdown", s)
}
