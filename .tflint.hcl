# A sample TFLint configuration that enables the lgcloud ruleset.
# Copy it next to your Terraform root module and adjust.

plugin "lgcloud" {
  enabled = true
  # Released builds are installed by `tflint --init`:
  # source  = "github.com/lgcloud-jp/tflint-ruleset-lgcloud"
  # version = "0.1.0"

  preset   = "recommended" # "recommended" | "govcloud" | "all"
  language = "ja"          # "ja" | "en"
  strict   = false         # true: report what cannot be verified as NOTICE

  # Data residency: the regions data stores may live in.
  regions = ["ap-northeast-1", "ap-northeast-3"]

  # The tag (label) key that names a resource's segment.
  segment_tag = "Segment"

  segment "mynumber" {
    tag_values = ["mynumber"]
    cidrs      = ["10.10.0.0/16"]
  }

  segment "lgwan" {
    tag_values = ["lgwan"]
    cidrs      = ["10.20.0.0/16"]
  }
}

# Per-rule severity override ("error" | "warning" | "notice"):
# rule "lgcloud_aws_ebs_volume_encrypted" {
#   enabled  = true
#   severity = "warning"
# }
