# Findings inside local modules are reported at the module input that
# causes them.

module "network" {
  source   = "./modules/network"
  flow_log = false # reported here: the VPC of the module has no flow log
}

module "database" {
  source  = "./modules/database"
  engine  = "postgres"
  exports = ["upgrade"] # reported here: no "postgresql" export
}

module "web" {
  source      = "./modules/web"
  log_buckets = [] # reported here: the dynamic access_logs creates none
}

module "web_logged" {
  source      = "./modules/web"
  log_buckets = ["example-web-logs"]
}

# ERROR in the root module itself: the audit log is missing.
resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "authenticator"]

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}
