package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsProviderMajors(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected providerMajors
	}{
		{
			Name:     "no terraform block allows every major",
			Content:  `resource "aws_redshift_cluster" "dw" {}`,
			Expected: unconstrained,
		},
		{
			Name: "aws without a version allows every major",
			Content: `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}`,
			Expected: unconstrained,
		},
		{
			Name: "pessimistic on major and minor keeps the major",
			Content: `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}`,
			Expected: providerMajors{Min: 5, Max: 5},
		},
		{
			Name: "pessimistic on the major alone keeps the major as Terraform reads it",
			Content: `
terraform {
  required_providers {
    aws = { version = "~> 6" }
  }
}`,
			Expected: providerMajors{Min: 6, Max: 6},
		},
		{
			Name: "pessimistic on a patch keeps the major",
			Content: `
terraform {
  required_providers {
    aws = { version = "~>5.100.0" }
  }
}`,
			Expected: providerMajors{Min: 5, Max: 5},
		},
		{
			Name: "exact version",
			Content: `
terraform {
  required_providers {
    aws = { source = "registry.terraform.io/hashicorp/aws", version = "= 5.100.0" }
  }
}`,
			Expected: providerMajors{Min: 5, Max: 5},
		},
		{
			Name: "bare version is exact",
			Content: `
terraform {
  required_providers {
    aws = { version = "4.67.0" }
  }
}`,
			Expected: providerMajors{Min: 4, Max: 4},
		},
		{
			Name: "lower bound only is open above",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 4.0" }
  }
}`,
			Expected: providerMajors{Min: 4, Max: anyMajor},
		},
		{
			Name: "range below a major excludes that major",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 4.0, < 6.0.0" }
  }
}`,
			Expected: providerMajors{Min: 4, Max: 5},
		},
		{
			Name: "upper bound inside a major includes that major",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 5.0, < 6.1" }
  }
}`,
			Expected: providerMajors{Min: 5, Max: 6},
		},
		{
			Name: "at most a version includes its major",
			Content: `
terraform {
  required_providers {
    aws = { version = "<= 5.0.0" }
  }
}`,
			Expected: providerMajors{Min: 0, Max: 5},
		},
		{
			Name: "not equal constrains no major",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 6.0, != 6.2.0" }
  }
}`,
			Expected: providerMajors{Min: 6, Max: anyMajor},
		},
		{
			Name: "legacy string form of Terraform 0.12",
			Content: `
terraform {
  required_providers {
    aws = "~> 3.0"
  }
}`,
			Expected: providerMajors{Min: 3, Max: 3},
		},
		{
			Name: "another local name with the aws source counts",
			Content: `
terraform {
  required_providers {
    amazon = {
      source  = "hashicorp/aws"
      version = "~> 5.90"
    }
  }
}`,
			Expected: providerMajors{Min: 5, Max: 5},
		},
		{
			Name: "local name aws with another source does not count",
			Content: `
terraform {
  required_providers {
    aws = {
      source  = "example/aws"
      version = "~> 1.0"
    }
  }
}`,
			Expected: unconstrained,
		},
		{
			Name: "other providers do not count",
			Content: `
terraform {
  required_providers {
    google = { version = "~> 5.0" }
  }
}`,
			Expected: unconstrained,
		},
		{
			Name: "constraints of several terraform blocks intersect",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 4.0" }
  }
}

terraform {
  required_providers {
    aws = { version = "< 6.0" }
  }
}`,
			Expected: providerMajors{Min: 4, Max: 5},
		},
		{
			Name: "constraints no version meets constrain nothing",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 6.0, < 5.0" }
  }
}`,
			Expected: unconstrained,
		},
		{
			Name: "malformed constraint constrains nothing",
			Content: `
terraform {
  required_providers {
    aws = { version = "five" }
  }
}`,
			Expected: unconstrained,
		},
		{
			Name: "version from a variable constrains nothing",
			Content: `
variable "aws_version" {
  default = "~> 5.0"
}

terraform {
  required_providers {
    aws = { version = var.aws_version }
  }
}`,
			Expected: unconstrained,
		},
		{
			Name: "version of another type constrains nothing",
			Content: `
terraform {
  required_providers {
    aws = { version = 5 }
  }
}`,
			Expected: unconstrained,
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": tc.Content}), nil, lint.Options{})
			got, err := awsProviderMajors(runner)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.Expected {
				t.Errorf("majors = %+v, want %+v", got, tc.Expected)
			}
		})
	}
}

func TestProviderMajorsBounds(t *testing.T) {
	cases := []struct {
		Name              string
		Majors            providerMajors
		AtMost5, AtLeast6 bool
	}{
		{Name: "v5 only is at most 5", Majors: providerMajors{Min: 5, Max: 5}, AtMost5: true},
		{Name: "v6 and later is at least 6", Majors: providerMajors{Min: 6, Max: anyMajor}, AtLeast6: true},
		{Name: "v4 to v6 is neither", Majors: providerMajors{Min: 4, Max: 6}},
		{Name: "unconstrained is neither", Majors: unconstrained},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Majors.AtMost(5); got != tc.AtMost5 {
				t.Errorf("AtMost(5) = %v, want %v", got, tc.AtMost5)
			}
			if got := tc.Majors.AtLeast(6); got != tc.AtLeast6 {
				t.Errorf("AtLeast(6) = %v, want %v", got, tc.AtLeast6)
			}
		})
	}
}
