# Bad: a public IP in the My Number segment; reported at public_ip.
module "net" {
  source    = "./modules/net"
  segment   = "mynumber"
  public_ip = true
}

# Bad: an internet gateway in the LGWAN segment. The gateway is written in
# the module; the input that makes it a finding is the segment.
module "lgwan" {
  source           = "./modules/net"
  segment          = "lgwan"
  cidr             = "10.20.0.0/16"
  internet_gateway = true
}

# Bad: the My Number segment's rule allows the whole internet.
module "mynumber_open" {
  source        = "./modules/net"
  segment       = "mynumber"
  cidr          = "10.11.0.0/16"
  allowed_cidrs = ["0.0.0.0/0"]
}

# Good: the internet segment may have all of it.
module "internet" {
  source           = "./modules/net"
  segment          = "internet"
  cidr             = "10.30.0.0/16"
  public_ip        = true
  internet_gateway = true
  allowed_cidrs    = ["0.0.0.0/0"]
}

# Good: a closed segment without any of it.
module "mynumber_closed" {
  source        = "./modules/net"
  segment       = "mynumber"
  cidr          = "10.12.0.0/16"
  allowed_cidrs = ["10.12.0.0/16"]
}

# Not found: the networks are named through module outputs, which the
# plugin does not follow (a known limit; docs/segments.md).
resource "aws_vpc_peering_connection" "net_lgwan" {
  vpc_id      = module.net.vpc_id
  peer_vpc_id = module.lgwan.vpc_id
  auto_accept = true
}
