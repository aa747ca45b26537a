# One module call per requirement: "compliant" passes every input a
# compliant value; each other call breaks one requirement and is reported
# once, at the argument that breaks it.

resource "aws_kms_key" "logs" {
  description         = "Audit logs"
  enable_key_rotation = true
}

resource "aws_iam_role" "trail_to_logs" {
  name               = "cloudtrail-to-cloudwatch"
  assume_role_policy = "{}"
}

locals {
  keys = {
    kms_key_arn           = aws_kms_key.logs.arn
    log_group_kms_key_arn = aws_kms_key.logs.arn
    log_group_arn         = "arn:aws:logs:ap-northeast-1:111122223333:log-group:cloudtrail:*"
    logs_role_arn         = aws_iam_role.trail_to_logs.arn
  }
}

module "compliant" {
  source                = "./modules/audit"
  name                  = "compliant"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
}

module "paused" {
  source                = "./modules/audit"
  name                  = "paused"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  enable_logging        = false
}

module "single_region" {
  source                = "./modules/audit"
  name                  = "single-region"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  multi_region          = false
}

module "no_global_events" {
  source                = "./modules/audit"
  name                  = "no-global-events"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  global_service_events = false
}

module "writes_only" {
  source                = "./modules/audit"
  name                  = "writes-only"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  read_write_type       = "WriteOnly"
}

module "no_validation" {
  source                = "./modules/audit"
  name                  = "no-validation"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  log_file_validation   = false
}

module "no_trail_key" {
  source                = "./modules/audit"
  name                  = "no-trail-key"
  kms_key_arn           = ""
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
}

module "no_cloudwatch" {
  source                = "./modules/audit"
  name                  = "no-cloudwatch"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = ""
  logs_role_arn         = ""
}

module "versioning_suspended" {
  source                = "./modules/audit"
  name                  = "versioning-suspended"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  versioning_status     = "Suspended"
}

module "short_retention" {
  source                = "./modules/audit"
  name                  = "short-retention"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = local.keys.log_group_kms_key_arn
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
  retention_in_days     = 30
}

module "no_log_group_key" {
  source                = "./modules/audit"
  name                  = "no-log-group-key"
  kms_key_arn           = local.keys.kms_key_arn
  log_group_kms_key_arn = ""
  log_group_arn         = local.keys.log_group_arn
  logs_role_arn         = local.keys.logs_role_arn
}

module "network" {
  source = "./modules/network"
}

module "network_own_ntp" {
  source      = "./modules/network"
  ntp_servers = ["169.254.169.123", "192.0.2.123"]
}
