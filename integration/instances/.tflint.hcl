plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

# Only the rules this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_ebs_volume_encrypted" {
  enabled = true
}

rule "lgcloud_aws_instance_ebs_encrypted" {
  enabled = true
}

rule "lgcloud_aws_launch_template_ebs_encrypted" {
  enabled = true
}

rule "lgcloud_aws_db_instance_storage_encrypted" {
  enabled = true
}

rule "lgcloud_aws_rds_cluster_storage_encrypted" {
  enabled = true
}

rule "lgcloud_aws_efs_file_system_encrypted" {
  enabled = true
}

rule "lgcloud_aws_s3_bucket_encrypted" {
  enabled = true
}
