package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// documentRule is a rule that only reads aws_iam_policy documents, to test
// the reader.
type documentRule struct{ lint.Meta }

func (r *documentRule) Check(tflint.Runner) error { return nil }

func newDocumentRule() *documentRule {
	return &documentRule{lint.Meta{
		RuleName: "lgcloud_aws_document_reader", Level: tflint.ERROR, Preset: config.Recommended,
		Provider: "aws", Items: []string{"4.6.3.2"}, Summary: project.Text{JA: "x", EN: "x"},
		Reads: withPolicyDocuments(lint.Reads{"aws_iam_policy": {Attributes: []hclext.AttributeSchema{{Name: "policy"}}}}),
	}}
}

// readAll reads the document of every aws_iam_policy of src.
func readAll(t *testing.T, src string) map[string]Document {
	t.Helper()
	rule := newDocumentRule()
	runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": src}), nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rule})})
	blocks, err := runner.Resources(rule, "aws_iam_policy")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Document{}
	for _, b := range blocks {
		doc, err := readDocument(runner, rule, b.Body, "policy")
		if err != nil {
			t.Fatal(err)
		}
		out[b.Labels[1]] = doc
	}
	return out
}

const threeForms = `
variable "bucket_arn" {
  type    = string
  default = "arn:aws:s3:::residents"
}

resource "aws_iam_policy" "jsonencode" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }, {
      Effect   = "Deny"
      Action   = ["s3:DeleteBucket"]
      Resource = var.bucket_arn
    }]
  })
}

resource "aws_iam_policy" "heredoc" {
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*",
          "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
        },
        {
          "Effect": "Deny",
          "Action": ["s3:DeleteBucket"],
          "Resource": "${var.bucket_arn}"
        }
      ]
    }
  EOT
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["s3:DeleteBucket"]
    resources = [var.bucket_arn]
  }
}

resource "aws_iam_policy" "data_source" {
  policy = data.aws_iam_policy_document.admin.json
}
`

func TestReadDocumentThreeFormsAgree(t *testing.T) {
	docs := readAll(t, threeForms)
	want := docs["jsonencode"]
	if want.Doc == nil {
		t.Fatalf("jsonencode: not read: %+v", want.Value)
	}
	for _, name := range []string{"heredoc", "data_source"} {
		got := docs[name]
		if got.Doc == nil {
			t.Fatalf("%s: not read: %+v", name, got.Value)
		}
		if got.Doc.Canonical() != want.Doc.Canonical() {
			t.Errorf("%s reads differently:\n got %s\nwant %s", name, got.Doc.Canonical(), want.Doc.Canonical())
		}
	}
	if p, _ := want.Doc.Statements[0].Privilege(); p != policy.FullAdmin || !want.Doc.Statements[0].RequiresMFA() {
		t.Errorf("the first statement should be a full admin grant with MFA: %+v", want.Doc.Statements[0])
	}
}

func TestReadDocumentUnknownParts(t *testing.T) {
	docs := readAll(t, `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_policy" "unknown_leaf" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = aws_s3_bucket.b.arn,
      Principal = { AWS = aws_iam_user.alice.arn } }]
  })
}

resource "aws_iam_policy" "unknown_interpolation" {
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "${aws_s3_bucket.b.arn}"}]}
  EOT
}

resource "aws_iam_policy" "malformed" {
  policy = "{\"Statement\": 42}"
}

resource "aws_iam_policy" "not_json" {
  policy = "this is not json"
}

resource "aws_iam_policy" "whole_unknown" {
  policy = local.document
}
`)
	// The known parts are kept, the resource reads as unknown (as with
	// TFLint: integration case iam_policy_forms).
	if leaf := docs["unknown_leaf"]; leaf.Doc == nil || leaf.Doc.Statements[0].Resources[0].Known {
		t.Errorf("unknown_leaf: want a document with an unknown resource, got %+v", leaf)
	}
	if iv := docs["unknown_interpolation"]; iv.Doc == nil || iv.Doc.Statements[0].Resources[0].Known {
		t.Errorf("unknown_interpolation: the interpolated resource should read as unknown: %+v", iv)
	}
	for _, name := range []string{"malformed", "not_json"} {
		if d := docs[name]; d.Doc != nil || d.Value.State != lint.Unknown || d.Value.Why != whyMalformed {
			t.Errorf("%s: want an unreadable, malformed document, got %+v", name, d.Value)
		}
	}
	if d := docs["whole_unknown"]; d.Doc != nil || d.Value.State != lint.Unknown || d.Value.Why != whyUnknownDoc {
		t.Errorf("whole_unknown: want an unknown document, got %+v", d.Value)
	}
}
