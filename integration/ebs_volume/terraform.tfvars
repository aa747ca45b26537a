from_tfvars = false
