package aws

import "github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"

// Rules returns every AWS rule.
func Rules() []lint.Rule {
	return []lint.Rule{
		NewAwsEbsVolumeEncryptedRule(),
		NewAwsInstanceEbsEncryptedRule(),
		NewAwsLaunchTemplateEbsEncryptedRule(),
		NewAwsDBInstanceStorageEncryptedRule(),
		NewAwsRDSClusterStorageEncryptedRule(),
		NewAwsEfsFileSystemEncryptedRule(),
		NewAwsS3BucketEncryptedRule(),
	}
}
