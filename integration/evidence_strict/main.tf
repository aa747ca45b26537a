# Settings that cannot be known at lint time: strict mode names each.

variable "flow_log_destinations" {
  type = map(string)
}

variable "access_log_buckets" {
  type = list(string)
}

variable "engine" {
  type = string
}

variable "cluster_log_types" {
  type = list(string)
}

resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}

# One flow log per destination: how many cannot be known, so TFLint
# leaves the resource out.
resource "aws_flow_log" "main" {
  for_each             = var.flow_log_destinations
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = each.value
}

# The query logging of the VPC is declared by a module.
module "dns" {
  source = "./modules/dns"
  vpc_id = aws_vpc.main.id
}

resource "aws_lb" "web" {
  name = "web"

  dynamic "access_logs" {
    for_each = var.access_log_buckets
    content {
      bucket  = access_logs.value
      enabled = true
    }
  }
}

resource "aws_db_instance" "main" {
  engine         = var.engine
  instance_class = "db.t4g.micro"
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = var.cluster_log_types

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-evidence-logs"
}

resource "aws_flow_log" "logs" {
  subnet_id            = "subnet-0123456789abcdef0"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.logs.arn
}

# The access logging of the log bucket is declared for a bucket whose name
# is an input.
variable "logged_bucket" {
  type = string
}

resource "aws_s3_bucket_logging" "input" {
  bucket        = var.logged_bucket
  target_bucket = "example-access-logs"
  target_prefix = "logs/"
}
