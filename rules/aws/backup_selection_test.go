package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestBackupSelectionCovers(t *testing.T) {
	cases := []struct {
		Name    string
		Content string
		Plan    string
		Want    coverage
		AnyWant coverage
	}{
		{
			Name: "reference to the resource covers it",
			Content: `
resource "aws_backup_selection" "s" {
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_efs_file_system.shared.arn]
}`,
			Plan: "daily", Want: covered, AnyWant: mayBeCovered,
		},
		{
			Name: "every resource covers it",
			Content: `
resource "aws_backup_selection" "s" {
  plan_id   = aws_backup_plan.daily.id
  resources = ["*"]
}`,
			Plan: "daily", Want: covered, AnyWant: covered,
		},
		{
			Name: "reference to another resource does not cover it",
			Content: `
resource "aws_backup_selection" "s" {
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_efs_file_system.other.arn, aws_db_instance.main.arn]
}`,
			Plan: "daily", Want: notCovered, AnyWant: mayBeCovered,
		},
		{
			Name: "ARN of the service may cover it",
			Content: `
resource "aws_backup_selection" "s" {
  plan_id   = aws_backup_plan.daily.id
  resources = ["arn:aws:elasticfilesystem:*:*:file-system/*"]
}`,
			Plan: "daily", Want: mayBeCovered, AnyWant: mayBeCovered,
		},
		{
			Name: "ARN of another service does not cover it",
			Content: `
resource "aws_backup_selection" "s" {
  plan_id   = aws_backup_plan.daily.id
  resources = ["arn:aws:dynamodb:ap-northeast-1:123456789012:table/x"]
}`,
			Plan: "daily", Want: notCovered, AnyWant: notCovered,
		},
		{
			Name: "selection by tag may cover it",
			Content: `
resource "aws_backup_selection" "s" {
  plan_id = aws_backup_plan.daily.id

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}`,
			Plan: "daily", Want: mayBeCovered, AnyWant: mayBeCovered,
		},
		{
			Name: "resources unknown at lint time may cover it",
			Content: `
variable "arns" {
  type = list(string)
}

resource "aws_backup_selection" "s" {
  plan_id   = var.plan_id
  resources = var.arns
}`,
			Plan: "", Want: mayBeCovered, AnyWant: mayBeCovered,
		},
	}
	rule := NewAwsEfsBackupEnabledRule()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": tc.Content}), nil, lint.Options{Reads: rule.Reads})
			selections, err := readBackupSelections(runner, rule)
			if err != nil || len(selections) != 1 {
				t.Fatalf("readBackupSelections = %d selections, %v", len(selections), err)
			}
			s := selections[0]
			if s.Plan != tc.Plan {
				t.Errorf("Plan = %q, want %q", s.Plan, tc.Plan)
			}
			if got, _ := s.Covers("aws_efs_file_system", "shared", "elasticfilesystem"); got != tc.Want {
				t.Errorf("Covers = %d, want %d", got, tc.Want)
			}
			if got, _ := s.coversAnyOf("aws_efs_file_system", "elasticfilesystem"); got != tc.AnyWant {
				t.Errorf("coversAnyOf = %d, want %d", got, tc.AnyWant)
			}
		})
	}
}

func TestTagLikeMatch(t *testing.T) {
	cases := []struct {
		Pattern, S string
		Want       bool
	}{
		{"mynumber", "mynumber", true},
		{"mynumber", "MyNumber", false},
		{"my*", "mynumber", true},
		{"*number", "mynumber", true},
		{"m*n*r", "mynumber", true},
		{"my?umber", "mynumber", true},
		{"my?", "mynumber", false},
		{"*", "", true},
		{"", "x", false},
		{"a*b", "ab", true},
		{"a*b", "acbd", false},
	}
	for _, tc := range cases {
		if got := tagLikeMatch(tc.Pattern, tc.S); got != tc.Want {
			t.Errorf("tagLikeMatch(%q, %q) = %v, want %v", tc.Pattern, tc.S, got, tc.Want)
		}
	}
}

func TestBackupSelectionSelectsStore(t *testing.T) {
	const store = `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_efs_file_system" "shared" {
  tags = { Segment = "mynumber", Backup = "daily" }
}
`
	cases := []struct {
		Name    string
		Content string
		Local   bool
		Want    coverage
	}{
		{Name: "conditions alone select among every resource", Local: true, Want: covered, Content: `
  condition {
    string_equals {
      key   = "aws:ResourceTag/Backup"
      value = "daily"
    }
  }`},
		{Name: "resources or selection_tag: either selects", Local: true, Want: covered, Content: `
  resources = [aws_s3_bucket.other.arn]

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }`},
		{Name: "all conditions must hold", Local: true, Want: notCovered, Content: `
  resources = ["*"]

  condition {
    string_equals {
      key   = "aws:ResourceTag/Backup"
      value = "daily"
    }
    string_equals {
      key   = "aws:ResourceTag/Segment"
      value = "lgwan"
    }
  }`},
		{Name: "a reference in another module's selection does not name it", Local: false, Want: notCovered, Content: `
  resources = [aws_efs_file_system.shared.arn]`},
		{Name: "another module's selection by tag selects it", Local: false, Want: covered, Content: `
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Segment"
    value = "mynumber"
  }`},
		{Name: "a tag it lacks passes StringNotEquals", Local: true, Want: covered, Content: `
  resources = ["*"]

  condition {
    string_not_equals {
      key   = "aws:ResourceTag/Retired"
      value = "true"
    }
  }`},
		{Name: "not_resources by ARN may take it out", Local: true, Want: mayBeCovered, Content: `
  resources     = ["*"]
  not_resources = ["arn:aws:elasticfilesystem:ap-northeast-1:123456789012:file-system/fs-0123"]`},
	}
	rule := NewAwsBackupPlanConfiguredRule()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			src := store + "resource \"aws_backup_selection\" \"s\" {\n  plan_id = aws_backup_plan.daily.id\n" + tc.Content + "\n}\n"
			runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": src}), nil, lint.Options{Reads: rule.Reads})
			selections, err := readBackupSelections(runner, rule)
			if err != nil || len(selections) != 1 {
				t.Fatalf("readBackupSelections = %d selections, %v", len(selections), err)
			}
			stores, err := DataStores(runner, rule)
			if err != nil || len(stores) != 1 {
				t.Fatalf("DataStores = %d stores, %v", len(stores), err)
			}
			tags, err := stores[0].Tags(runner)
			if err != nil {
				t.Fatal(err)
			}
			if got, why := selections[0].selectsStore(stores[0].Address(), "elasticfilesystem", tags, tc.Local); got != tc.Want {
				t.Errorf("selectsStore = %d (%v), want %d", got, why, tc.Want)
			}
		})
	}
}
