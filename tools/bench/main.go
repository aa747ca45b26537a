// Command bench times TFLint over the generated configuration of
// tools/benchgen with this plugin disabled ("bare") and enabled, at 1× and
// 10× the size, and prints the medians, the ratios and whether the targets
// of docs/performance.md hold. make bench runs it.
//
//	go run ./tools/bench -tflint .bin/tflint [-runs 5] [-systems 200]
//
// Wall time is measured around the tflint process. Peak memory is the sum,
// over tflint and every process it starts (its bundled ruleset, this
// plugin), of each process's own peak resident set (VmHWM), read from /proc
// every few milliseconds: an upper bound of what the run holds at once.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Targets (issue: fast on large configurations).
const (
	maxTimeRatio   = 1.3  // plugin run / bare run at 1×
	maxCostGrowth  = 11.0 // plugin cost at 10× / plugin cost at 1×
	maxMemoryRatio = 1.5  // plugin run / bare run, peak memory, at 1×
)

func main() {
	tflint := flag.String("tflint", ".bin/tflint", "the TFLint binary")
	runs := flag.Int("runs", 5, "runs of each configuration (the median is kept)")
	systems := flag.Int("systems", 200, "module calls of the generated configuration")
	work := flag.String("work", "", "working directory (default: a temporary one, removed)")
	only1x := flag.Bool("1x", false, "measure 1× only (no targets are judged): for trying a change")
	flag.Parse()
	if err := run(*tflint, *runs, *systems, *work, *only1x); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measurement is one run of TFLint.
type measurement struct {
	wall  time.Duration
	peak  int64            // kB
	roles map[string]int64 // kB, the peak of each process by its role
}

// result is the medians of one configuration at one size.
type result struct {
	label      string
	wall, peak float64            // seconds, MB
	roles      map[string]float64 // MB
}

// roles are the processes of a run, in the order they are printed.
var roles = []string{"tflint", "bundled ruleset", "plugin"}

// role names a process of a run by its command line.
func role(cmdline string) string {
	switch {
	case strings.Contains(cmdline, "tflint-ruleset-lgcloud"):
		return "plugin"
	case strings.Contains(cmdline, "--act-as-bundled-plugin"):
		return "bundled ruleset"
	}
	return "tflint"
}

func run(tflint string, runs, systems int, work string, only1x bool) error {
	tflint, err := filepath.Abs(tflint)
	if err != nil {
		return err
	}
	if work == "" {
		if work, err = os.MkdirTemp("", "lgcloud-bench"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	plugins := filepath.Join(work, "plugins")
	fmt.Println("building the plugin")
	if err := command("go", "build", "-o", filepath.Join(plugins, "tflint-ruleset-lgcloud"), ".").Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	configs := map[string]string{
		"bare":   "plugin \"lgcloud\" {\n  enabled = false\n}\n",
		"plugin": "plugin \"lgcloud\" {\n  enabled = true\n}\n",
	}
	for name, body := range configs {
		if err := os.WriteFile(filepath.Join(work, name+".hcl"), []byte(body), 0o644); err != nil {
			return err
		}
	}
	home := filepath.Join(work, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}

	medians := map[string]map[int]result{"bare": {}, "plugin": {}}
	sizes := []int{1, 10}
	if only1x {
		sizes = sizes[:1]
	}
	for _, tiers := range sizes {
		dir := filepath.Join(work, fmt.Sprintf("%dx", tiers))
		out, err := command("go", "run", "./tools/benchgen", "-systems", strconv.Itoa(systems), "-tiers", strconv.Itoa(tiers), "-out", dir).Output()
		if err != nil {
			return fmt.Errorf("benchgen: %w", err)
		}
		fmt.Print(string(out))
		all := map[string][]measurement{}
		for i := range runs {
			// Alternate, so that a slow spell of the machine falls on both.
			for _, name := range []string{"bare", "plugin"} {
				m, err := lint(tflint, dir, filepath.Join(work, name+".hcl"), plugins, home)
				if err != nil {
					return fmt.Errorf("%dx %s: %w", tiers, name, err)
				}
				fmt.Printf("  %2dx %-6s run %d: %6.2f s %7.1f MB\n", tiers, name, i+1, m.wall.Seconds(), float64(m.peak)/1024)
				all[name] = append(all[name], m)
			}
		}
		for name, ms := range all {
			r := result{
				label: name,
				wall:  median(ms, func(m measurement) float64 { return m.wall.Seconds() }),
				peak:  median(ms, func(m measurement) float64 { return float64(m.peak) / 1024 }),
				roles: map[string]float64{},
			}
			for _, role := range roles {
				r.roles[role] = median(ms, func(m measurement) float64 { return float64(m.roles[role]) / 1024 })
			}
			medians[name][tiers] = r
		}
	}

	fmt.Printf("\nmedian of %d runs (%s)\n", runs, machine())
	fmt.Printf("%-5s %10s %10s %8s %12s %10s %10s %8s\n", "size", "bare s", "plugin s", "ratio", "plugin cost", "bare MB", "plugin MB", "ratio")
	for _, tiers := range sizes {
		b, p := medians["bare"][tiers], medians["plugin"][tiers]
		fmt.Printf("%-5s %10.2f %10.2f %8.2f %10.2f s %10.1f %10.1f %8.2f\n",
			fmt.Sprintf("%dx", tiers), b.wall, p.wall, p.wall/b.wall, p.wall-b.wall, b.peak, p.peak, p.peak/b.peak)
	}
	fmt.Println("\npeak memory by process, MB, bare / plugin")
	for _, tiers := range sizes {
		b, p := medians["bare"][tiers], medians["plugin"][tiers]
		line := fmt.Sprintf("%-5s", fmt.Sprintf("%dx", tiers))
		for _, role := range roles {
			line += fmt.Sprintf("   %s %s / %s", role, mb(b.roles[role]), mb(p.roles[role]))
		}
		fmt.Println(line)
	}
	if only1x {
		return nil
	}
	b1, p1 := medians["bare"][1], medians["plugin"][1]
	b10, p10 := medians["bare"][10], medians["plugin"][10]
	timeRatio := p1.wall / b1.wall
	costGrowth := (p10.wall - b10.wall) / (p1.wall - b1.wall)
	memRatio := p1.peak / b1.peak
	fmt.Println()
	missed := 0
	check := func(what string, got, limit float64) {
		verdict := "met"
		if got > limit {
			verdict = "MISSED"
			missed++
		}
		fmt.Printf("%-52s %6.2f (at most %.2f) %s\n", what, got, limit, verdict)
	}
	check("time, plugin run / bare run, 1×", timeRatio, maxTimeRatio)
	check("plugin cost (plugin − bare), 10× / 1×", costGrowth, maxCostGrowth)
	check("peak memory, plugin run / bare run, 1×", memRatio, maxMemoryRatio)
	if missed > 0 {
		return fmt.Errorf("%d target(s) missed", missed)
	}
	return nil
}

func command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	return cmd
}

// lint runs TFLint once over dir and measures it.
func lint(tflint, dir, config, plugins, home string) (measurement, error) {
	cmd := exec.Command(tflint, "--config", config, "--format", "json")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+plugins, "HOME="+home, "TFLINT_LOG=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measurement{}, err
	}
	peaks := watch(cmd.Process.Pid)
	err := cmd.Wait()
	wall := time.Since(start)
	peak, byRole := peaks()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 2) {
		// 2 means issues were found; anything else is a failed run.
		return measurement{}, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	if !bytes.Contains(stdout.Bytes(), []byte(`"issues"`)) {
		return measurement{}, fmt.Errorf("no JSON output:\n%s", stderr.String())
	}
	return measurement{wall: wall, peak: peak, roles: byRole}, nil
}

// watch samples the peak resident set of pid and its descendants until the
// returned function is called, which returns the sum of their peaks and
// the sum by role (kB). A peak only grows, so sampling every 50 ms misses
// at most the last 50 ms of a process; the sampling itself must not take
// the CPU the run needs.
func watch(pid int) func() (int64, map[string]int64) {
	peaks := map[int]int64{}
	roleOf := map[int]string{}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			for _, p := range descendants(pid) {
				if hwm := highWaterMark(p); hwm > 0 {
					peaks[p] = max(peaks[p], hwm)
					if _, known := roleOf[p]; !known {
						cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", p))
						roleOf[p] = role(string(cmdline))
					}
				}
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() (int64, map[string]int64) {
		close(stop)
		<-done
		var sum int64
		byRole := map[string]int64{}
		for p, kb := range peaks {
			sum += kb
			byRole[roleOf[p]] += kb
		}
		return sum, byRole
	}
}

// descendants returns pid and the processes below it, from the parent
// of each process in /proc.
func descendants(pid int) []int {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces.
		fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
		if len(fields) > 1 {
			if ppid, err := strconv.Atoi(fields[1]); err == nil {
				children[ppid] = append(children[ppid], p)
			}
		}
	}
	out := []int{pid}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i]]...)
	}
	return out
}

// highWaterMark returns the peak resident set of a process (kB), or 0.
func highWaterMark(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

// mb prints a peak, or "-" for a process that did not run.
func mb(v float64) string {
	if v == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", v)
}

func median(ms []measurement, f func(measurement) float64) float64 {
	vals := make([]float64, len(ms))
	for i, m := range ms {
		vals[i] = f(m)
	}
	slices.Sort(vals)
	if n := len(vals); n%2 == 1 {
		return vals[n/2]
	} else {
		return (vals[n/2-1] + vals[n/2]) / 2
	}
}

// machine describes the machine the figures come from.
func machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
				break
			}
		}
	}
	out, _ := exec.Command("nproc").Output()
	return fmt.Sprintf("%s cores, %s", strings.TrimSpace(string(out)), cpu)
}
