variable "extra_disks" {
  type = list(object({ device = string, encrypted = bool }))
  default = [
    { device = "/dev/sdb", encrypted = true },
    { device = "/dev/sdc", encrypted = false },
  ]
}

variable "unknown_disks" {
  type = list(object({ device = string, encrypted = bool }))
}

resource "aws_instance" "no_root_block" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "root_unencrypted" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
  }
}

resource "aws_instance" "dynamic_disks" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  dynamic "ebs_block_device" {
    for_each = var.extra_disks
    content {
      device_name = ebs_block_device.value.device
      encrypted   = ebs_block_device.value.encrypted
    }
  }
}

resource "aws_instance" "unknown_disks" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  dynamic "ebs_block_device" {
    for_each = var.unknown_disks
    content {
      device_name = ebs_block_device.value.device
      encrypted   = ebs_block_device.value.encrypted
    }
  }
}

resource "aws_instance" "compliant" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdb"
    encrypted   = true
  }
}

resource "aws_launch_template" "string_false" {
  name = "string-false"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "false"
    }
  }
}

resource "aws_launch_template" "absent" {
  name = "absent"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
    }
  }
}

resource "aws_launch_template" "no_mappings" {
  name = "no-mappings"
}

resource "aws_launch_template" "compliant" {
  name = "compliant"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
}

# The root volume may be set by the launch template.
resource "aws_instance" "from_template" {
  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
