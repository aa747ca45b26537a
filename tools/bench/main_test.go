package main

import (
	"testing"
	"time"
)

func TestRole(t *testing.T) {
	cases := map[string]string{
		"/work/.bin/tflint\x00--config\x00/tmp/plugin.hcl\x00--format\x00json\x00": "tflint",
		"/work/.bin/tflint\x00--act-as-bundled-plugin\x00":                         "bundled ruleset",
		"/tmp/lgcloud-bench/plugins/tflint-ruleset-lgcloud\x00":                    "plugin",
	}
	for cmdline, want := range cases {
		if got := role(cmdline); got != want {
			t.Errorf("role(%q) = %q, want %q", cmdline, got, want)
		}
	}
}

func TestMedian(t *testing.T) {
	runs := func(secs ...float64) []measurement {
		var ms []measurement
		for _, s := range secs {
			ms = append(ms, measurement{wall: time.Duration(s * float64(time.Second))})
		}
		return ms
	}
	wall := func(m measurement) float64 { return m.wall.Seconds() }
	if got := median(runs(9, 7, 8, 30, 1), wall); got != 8 {
		t.Errorf("median of five = %v, want 8", got)
	}
	if got := median(runs(4, 1, 3, 2), wall); got != 2.5 {
		t.Errorf("median of four = %v, want 2.5", got)
	}
}

func TestMB(t *testing.T) {
	if got := mb(0); got != "-" {
		t.Errorf("mb(0) = %q, want - (the process did not run)", got)
	}
	if got := mb(66.74); got != "66.7" {
		t.Errorf("mb(66.74) = %q, want 66.7", got)
	}
}
