// Command benchgen writes a large, realistic Terraform configuration for the
// benchmark (make bench): a vendor's monorepo of many local-government
// systems, each a call of a local module.
//
//	go run ./tools/benchgen -systems 200 -tiers 1 -out /tmp/bench/1x
//
// Of every eight systems three are in the mynumber segment, three in lgwan
// (modules/closed), one faces the internet (modules/internet) and one is an
// update DMZ (modules/dmz). A few systems deviate from the templates, so the
// plugin has findings to report, as it has on real code.
//
// With -tiers n each module holds n copies of its resources (a system of n
// tiers), so that the configuration grows n times without more module
// calls: TFLint's own time grows faster than linearly with the number of
// module calls, and 2,000 calls take it longer than is practical to
// measure five times.
package main

import (
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

//go:embed modules
var modules embed.FS

func main() {
	systems := flag.Int("systems", 200, "number of systems (module calls)")
	tiers := flag.Int("tiers", 1, "copies of the resources in each module")
	out := flag.String("out", "", "directory to write the configuration into (replaced)")
	flag.Parse()
	if *out == "" || *systems < 1 || *tiers < 1 {
		flag.Usage()
		os.Exit(2)
	}
	plan := newPlan(*systems, *tiers)
	resources, err := plan.resources()
	if err == nil {
		err = write(*out, plan)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d module calls, %d resources\n", *out, len(plan.systems), resources)
}

// system is one module call.
type system struct {
	name, module, segment, cidr string
	// inputs are the call's further arguments, as written.
	inputs []string
	// instances is the number of servers (count or for_each of the module).
	instances int
}

type plan struct {
	systems []system
	tiers   int
}

// kinds is the cycle of segments over the systems.
var kinds = []string{"mynumber", "lgwan", "mynumber", "internet", "lgwan", "mynumber", "dmz", "lgwan"}

func newPlan(n, tiers int) plan {
	base := netip.MustParsePrefix("10.0.0.0/8")
	p := plan{tiers: tiers}
	for i := range n {
		s := system{name: fmt.Sprintf("sys-%04d", i), segment: kinds[i%len(kinds)], cidr: subnet(base, 12, i).String()}
		switch s.segment {
		case "mynumber", "lgwan":
			s.module = "closed"
			s.instances = 4 + i%3
			s.inputs = []string{
				fmt.Sprintf("segment = %q", s.segment),
				"transit_gateway_id = var.transit_gateway_id",
				fmt.Sprintf("instance_count = %d", s.instances),
				"admin_cidrs = var.admin_cidrs",
			}
			if i%40 == 2 {
				// An unencrypted data volume: a finding at this input.
				s.inputs = append(s.inputs, "encrypt_volumes = false")
			}
			if i%50 == 5 {
				s.inputs = append(s.inputs, "backup_retention_days = 1")
			}
		case "internet":
			s.module = "internet"
			s.instances = 2
			s.inputs = []string{"flow_log_role_arn = aws_iam_role.flow_logs.arn", "admin_cidrs = var.admin_cidrs"}
			if i%64 == 3 {
				// An old TLS policy.
				s.inputs = append(s.inputs, `ssl_policy = "ELBSecurityPolicy-2016-08"`)
			}
		case "dmz":
			s.module = "dmz"
			s.instances = 2
			s.inputs = []string{"flow_log_role_arn = aws_iam_role.flow_logs.arn", "client_cidrs = [\"10.0.0.0/8\"]"}
		}
		p.systems = append(p.systems, s)
	}
	return p
}

// subnet returns the i-th subnet of base that is bits longer.
func subnet(base netip.Prefix, bits, i int) netip.Prefix {
	a := base.Addr().As4()
	v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	v += uint32(i) << (32 - base.Bits() - bits)
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), base.Bits()+bits)
}

// resources returns the number of resource instances the configuration
// declares: the module calls' and the root module's own.
func (p plan) resources() (int, error) {
	total, err := countResources([]byte(root), "root.tf", nil)
	if err != nil {
		return 0, err
	}
	files, err := p.moduleFiles()
	if err != nil {
		return 0, err
	}
	// Systems of one module and size count alike: count each once.
	counted := map[string]int{}
	for _, s := range p.systems {
		for path, src := range files {
			if !strings.HasPrefix(path, "modules/"+s.module+"/") {
				continue
			}
			key := fmt.Sprint(path, s.repeat())
			n, ok := counted[key]
			if !ok {
				if n, err = countResources(src, path, s.repeat()); err != nil {
					return 0, err
				}
				counted[key] = n
			}
			total += n
		}
	}
	return total, nil
}

// repeat says how many instances each count and for_each expression of the
// system's module makes.
func (s system) repeat() map[string]int {
	zones := 3
	if s.module == "internet" {
		zones = 2
	}
	return map[string]int{
		"var.instance_count":     s.instances,
		"toset(var.relay_names)": s.instances,
		"local.zones":            zones,
		"aws_subnet.private":     zones,
		"aws_subnet.public":      zones,
	}
}

// countResources counts the resource instances of a file, each count or
// for_each expression making as many as repeat says.
func countResources(src []byte, name string, repeat map[string]int) (int, error) {
	file, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return 0, diags
	}
	n := 0
	for _, block := range file.Body.(*hclsyntax.Body).Blocks {
		if block.Type != "resource" {
			continue
		}
		meta, ok := block.Body.Attributes["count"]
		if !ok {
			meta, ok = block.Body.Attributes["for_each"]
		}
		if !ok {
			n++
			continue
		}
		expr := tierSuffix.ReplaceAllString(strings.TrimSpace(string(meta.Expr.Range().SliceBytes(src))), "")
		times, known := repeat[expr]
		if !known {
			return 0, fmt.Errorf("%s: no instance count for %s", meta.Expr.Range(), expr)
		}
		n += times
	}
	return n, nil
}

func write(dir string, p plan) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	files, err := p.moduleFiles()
	if err != nil {
		return err
	}
	files["root.tf"] = []byte(root)
	files["systems.tf"] = []byte(p.calls())
	for path, src := range files {
		dst := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moduleFiles returns the modules' files by path, each file but
// variables.tf repeated once per tier with its resources renamed.
func (p plan) moduleFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(modules, "modules", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := modules.ReadFile(path)
		if err != nil {
			return err
		}
		files[path] = src
		return nil
	})
	if err != nil {
		return nil, err
	}
	for path, src := range files {
		if filepath.Base(path) == "variables.tf" || p.tiers == 1 {
			continue
		}
		names, err := declared(files, filepath.Dir(path))
		if err != nil {
			return nil, err
		}
		var all []byte
		for tier := range p.tiers {
			all = append(all, renamed(src, names, tier)...)
		}
		files[path] = all
	}
	return files, nil
}

// tierSuffix ends the name of a copy of a resource.
var tierSuffix = regexp.MustCompile(`_t[0-9]+\b`)

// declared returns "type.name" of every resource and data source of a
// module's files.
func declared(files map[string][]byte, dir string) ([]string, error) {
	var names []string
	for path, src := range files {
		if filepath.Dir(path) != dir {
			continue
		}
		file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
		if diags.HasErrors() {
			return nil, diags
		}
		for _, block := range file.Body.(*hclsyntax.Body).Blocks {
			if (block.Type == "resource" || block.Type == "data") && len(block.Labels) == 2 {
				names = append(names, block.Labels[0]+"."+block.Labels[1])
			}
		}
	}
	return names, nil
}

// renamed returns the file with every declared name, in declarations and in
// references, given the tier's suffix (tier 0 keeps its names).
func renamed(src []byte, names []string, tier int) []byte {
	if tier == 0 {
		return src
	}
	out := string(src)
	suffix := fmt.Sprintf("_t%d", tier)
	for _, name := range names {
		ty, n, _ := strings.Cut(name, ".")
		out = regexp.MustCompile(`"`+ty+`" "`+n+`"`).ReplaceAllString(out, `"`+ty+`" "`+n+suffix+`"`)
		out = regexp.MustCompile(`\b`+ty+`\.`+n+`\b`).ReplaceAllString(out, ty+"."+n+suffix)
	}
	return []byte("\n" + out)
}

// calls writes the module calls.
func (p plan) calls() string {
	var b strings.Builder
	b.WriteString("# Generated by tools/benchgen. Do not edit.\n")
	for _, s := range p.systems {
		fmt.Fprintf(&b, "\nmodule %q {\n", strings.ReplaceAll(s.name, "-", "_"))
		fmt.Fprintf(&b, "  source = \"./modules/%s\"\n", s.module)
		fmt.Fprintf(&b, "  name   = %q\n", s.name)
		fmt.Fprintf(&b, "  cidr   = %q\n", s.cidr)
		fmt.Fprintf(&b, "  ami    = var.ami\n")
		for _, in := range s.inputs {
			fmt.Fprintf(&b, "  %s\n", in)
		}
		fmt.Fprintf(&b, "  tags   = merge(local.common_tags, { CostCenter = %q })\n", fmt.Sprintf("cc-%d", len(s.name)%7+len(s.cidr)%5))
		b.WriteString("}\n")
	}
	return b.String()
}

const root = `# Generated by tools/benchgen. Do not edit.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"
}

variable "transit_gateway_id" {
  type    = string
  default = "tgw-0123456789abcdef0"
}

variable "ami" {
  type    = string
  default = "ami-0123456789abcdef0"
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["10.255.0.0/24"]
}

locals {
  common_tags = {
    Project   = "municipal-systems"
    ManagedBy = "terraform"
  }
}

data "aws_iam_policy_document" "flow_logs_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow_logs" {
  name               = "flow-logs"
  assume_role_policy = data.aws_iam_policy_document.flow_logs_trust.json
}

resource "aws_iam_role_policy_attachment" "flow_logs" {
  role       = aws_iam_role.flow_logs.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonVPCFlowLogsRole"
}
`
