# An older module that configures its own provider: its default tag places
# every resource of the module in the LGWAN segment.
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      Segment = "lgwan"
    }
  }
}

resource "aws_vpc" "this" {
  cidr_block = "10.20.0.0/16"
}

# Bad: found when the module's folder is linted.
resource "aws_egress_only_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}
