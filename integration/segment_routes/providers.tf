# Every resource of the default provider is in the My Number segment, every
# resource of aws.lgwan in the LGWAN segment, by the providers' default tags.

provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      Segment = "mynumber"
      System  = "juki"
    }
  }
}

provider "aws" {
  alias  = "lgwan"
  region = "ap-northeast-1"
  default_tags {
    tags = {
      Segment = "lgwan"
    }
  }
}

provider "aws" {
  alias  = "internet"
  region = "ap-northeast-1"
  default_tags {
    tags = {
      Segment = "internet"
    }
  }
}
