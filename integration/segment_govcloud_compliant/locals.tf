# A resident-records system (住民記録システム) of the My Number segment in the
# Government Cloud: private subnets in two availability zones, no way to the
# internet, on-premises reached through a transit gateway over Direct
# Connect (VPN as the backup line), AWS services through VPC endpoints.

locals {
  account_id = "111122223333"
  region     = "ap-northeast-1"

  vpc_cidr = "10.10.0.0/16"
  # The local government's My Number terminals, on-premises.
  terminals_cidr = "172.16.10.0/24"

  azs = {
    a = { zone = "ap-northeast-1a", app = "10.10.1.0/24", db = "10.10.11.0/24" }
    c = { zone = "ap-northeast-1c", app = "10.10.2.0/24", db = "10.10.12.0/24" }
  }

  segment = { Segment = "mynumber" }
}
