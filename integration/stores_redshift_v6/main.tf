# With provider v6, a Redshift cluster without `encrypted` is encrypted (the
# provider's default is true, as AWS's): no finding, not even in strict mode.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}

resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
}
