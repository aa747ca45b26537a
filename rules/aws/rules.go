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
		NewAwsIamUserPolicyAttachedRule(),
		NewAwsIamUserConsoleMfaRule(),
		NewAwsIamUserAccessKeyRule(),
		NewAwsIamPasswordPolicyRule(),
		NewAwsIamAdminPolicyMFARule(),
		NewAwsIamRoleTrustMFARule(),
		NewAwsIamPrivilegedSourceRestrictedRule(),
		NewAwsIamManagedAdminPolicyRule(),
		NewAwsS3BucketEncryptedRule(),
		NewAwsS3BucketPublicAccessBlockRule(),
		NewAwsS3AccountPublicAccessBlockRule(),
		NewAwsS3BucketACLPublicRule(),
		NewAwsS3BucketPolicyPublicRule(),
		NewAwsResourcePolicyPublicRule(),
		NewAwsDBPubliclyAccessibleRule(),
		NewAwsOpensearchDomainPublicRule(),
		NewAwsImageSnapshotPublicRule(),
		NewAwsLambdaPublicRule(),
	}
}
