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
