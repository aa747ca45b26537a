# Bad: a publicly accessible DB instance, placed through its subnet group.
resource "aws_db_instance" "juki" {
  identifier           = "juki"
  engine               = "postgres"
  instance_class       = "db.t3.medium"
  db_subnet_group_name = aws_db_subnet_group.mynumber.name
  publicly_accessible  = true
}

# Bad: placed through its security group.
resource "aws_db_instance" "lgwan" {
  identifier             = "lgwan"
  engine                 = "mysql"
  instance_class         = "db.t3.medium"
  vpc_security_group_ids = [aws_security_group.lgwan_db.id]
  publicly_accessible    = true
}

# Bad: an Aurora instance placed through its cluster.
resource "aws_rds_cluster" "zeimu" {
  cluster_identifier   = "zeimu"
  engine               = "aurora-postgresql"
  db_subnet_group_name = aws_db_subnet_group.mynumber.name
}

resource "aws_rds_cluster_instance" "zeimu" {
  identifier          = "zeimu-1"
  cluster_identifier  = aws_rds_cluster.zeimu.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.zeimu.engine
  publicly_accessible = true
}

# Bad: a publicly accessible Redshift cluster.
resource "aws_redshift_cluster" "analytics" {
  cluster_identifier        = "analytics"
  node_type                 = "ra3.xlplus"
  cluster_subnet_group_name = aws_redshift_subnet_group.mynumber.name
  publicly_accessible       = true
}

# Good: the same, not publicly accessible (absent is false for RDS).
resource "aws_db_instance" "fukushi" {
  identifier           = "fukushi"
  engine               = "postgres"
  instance_class       = "db.t3.medium"
  db_subnet_group_name = aws_db_subnet_group.mynumber.name
}

resource "aws_rds_cluster_instance" "zeimu_2" {
  identifier          = "zeimu-2"
  cluster_identifier  = aws_rds_cluster.zeimu.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.zeimu.engine
  publicly_accessible = false
}

resource "aws_redshift_cluster" "reports" {
  cluster_identifier        = "reports"
  node_type                 = "ra3.xlplus"
  cluster_subnet_group_name = aws_redshift_subnet_group.mynumber.name
  publicly_accessible       = false
}

# Good: a public database of the internet segment is not this rule's
# concern (lgcloud_aws_db_publicly_accessible judges it).
resource "aws_db_instance" "site" {
  identifier           = "site"
  engine               = "mysql"
  instance_class       = "db.t3.micro"
  db_subnet_group_name = aws_db_subnet_group.internet.name
  publicly_accessible  = true
}

# Bad: under provider v5 (versions.tf) a Redshift cluster without
# publicly_accessible is publicly accessible.
resource "aws_redshift_cluster" "default_public" {
  cluster_identifier        = "default-public"
  node_type                 = "ra3.xlplus"
  cluster_subnet_group_name = aws_redshift_subnet_group.mynumber.name
}
