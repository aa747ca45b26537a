locals {
  grantees = {
    owner = { type = "CanonicalUser", id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", uri = null }
    world = { type = "Group", id = null, uri = "http://acs.amazonaws.com/groups/global/AllUsers" }
  }
  website_acl = "public-read"
}

resource "aws_s3_bucket" "site" {
  bucket = "lg-site"
}

# A canned ACL resolved from a local.
resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = local.website_acl
}

# Grants written with a dynamic block: the block whose grantee is AllUsers is
# reported at the uri expression they share.
resource "aws_s3_bucket_acl" "dynamic" {
  bucket = aws_s3_bucket.site.id

  access_control_policy {
    dynamic "grant" {
      for_each = local.grantees
      content {
        grantee {
          type = grant.value.type
          id   = grant.value.id
          uri  = grant.value.uri
        }
        permission = "READ"
      }
    }

    owner {
      id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    }
  }
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = "lg-logs"
  acl    = "log-delivery-write"
}

# The legacy arguments of provider v3.
resource "aws_s3_bucket" "legacy" {
  bucket = "lg-legacy"
  acl    = "authenticated-read"

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    permissions = ["READ"]
  }
}

# An ACL that refers to another resource cannot be known: not reported.
resource "aws_s3_bucket_acl" "mirrored" {
  bucket = "lg-mirror"
  acl    = aws_s3_bucket.legacy.acl
}

module "public_site" {
  source = "./modules/site"
  acl    = "public-read-write"
}

module "private_site" {
  source = "./modules/site"
}
