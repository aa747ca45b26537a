package aws

import "github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"

// Rules returns every AWS rule, grouped by the guideline measures they
// check.
func Rules() []lint.Rule {
	return []lint.Rule{
		// Network separation (4.3.1.1, 4.3.1.2, 4.3.1.GC1)
		NewAwsSegmentInternetIsolationRule(),
		NewAwsSegmentSeparationRule(),

		// The update DMZ (4.3.1.3)
		NewAwsDmzEgressInspectedRule(),
		NewAwsNetworkfirewallPolicyAllowlistRule(),

		// Encryption at rest (4.6.1.1)
		NewAwsEbsVolumeEncryptedRule(),
		NewAwsInstanceEbsEncryptedRule(),
		NewAwsLaunchTemplateEbsEncryptedRule(),
		NewAwsDBInstanceStorageEncryptedRule(),
		NewAwsRDSClusterStorageEncryptedRule(),
		NewAwsEfsFileSystemEncryptedRule(),
		NewAwsS3BucketEncryptedRule(),
		NewAwsElasticacheEncryptedRule(),
		NewAwsRedshiftClusterEncryptedRule(),
		NewAwsSqsQueueEncryptedRule(),
		NewAwsSnsTopicEncryptedRule(),
		NewAwsKinesisStreamEncryptedRule(),
		NewAwsOpensearchDomainEncryptedRule(),
		NewAwsWorkspacesEncryptedRule(),
		NewAwsDocdbClusterEncryptedRule(),
		NewAwsMskClusterEncryptedRule(),

		// Keys and key strength (4.6.1.1, 4.6.1.2)
		NewAwsCustomerManagedKeyRule(),
		NewAwsKmsKeyRotationRule(),
		NewAwsKmsKeySpecRule(),
		NewAwsKmsKeyPolicyOpenRule(),
		NewAwsAcmCertificateKeyAlgorithmRule(),

		// Transport (4.6.1.1)
		NewAwsLbListenerTLSPolicyRule(),
		NewAwsLbListenerHTTPSRedirectRule(),
		NewAwsCloudfrontTLSPolicyRule(),
		NewAwsAPIGatewayDomainTLSPolicyRule(),
		NewAwsOpensearchTLSPolicyRule(),
		NewAwsRDSParameterTLSEnforcedRule(),
		NewAwsTransferTLSPolicyRule(),

		// Administrator access and credentials (4.3.1.4, 4.6.2.2, 4.6.2.3)
		NewAwsIamAdminPolicyMFARule(),
		NewAwsIamRoleTrustMFARule(),
		NewAwsIamPrivilegedSourceRestrictedRule(),
		NewAwsIamManagedAdminPolicyRule(),
		NewAwsIamUserPolicyAttachedRule(),
		NewAwsIamUserConsoleMfaRule(),
		NewAwsIamUserAccessKeyRule(),
		NewAwsIamPasswordPolicyRule(),

		// Public exposure by misconfiguration (4.6.3.2)
		NewAwsS3BucketPublicAccessBlockRule(),
		NewAwsS3AccountPublicAccessBlockRule(),
		NewAwsS3BucketACLPublicRule(),
		NewAwsS3BucketPolicyPublicRule(),
		NewAwsResourcePolicyPublicRule(),
		NewAwsDBPubliclyAccessibleRule(),
		NewAwsOpensearchDomainPublicRule(),
		NewAwsImageSnapshotPublicRule(),
		NewAwsLambdaPublicRule(),

		// Audit trail, evidence logs and time (4.6.1.4, 4.7.1.2-4.7.1.5)
		NewAwsCloudtrailLoggingRule(),
		NewAwsCloudtrailIntegrityRule(),
		NewAwsCloudtrailCloudwatchRule(),
		NewAwsCloudtrailBucketProtectedRule(),
		NewAwsCloudwatchLogGroupRetentionRule(),
		NewAwsCloudwatchLogGroupKmsRule(),
		NewAwsVpcFlowLogEnabledRule(),
		NewAwsLbAccessLogsRule(),
		NewAwsCloudfrontLoggingRule(),
		NewAwsAPIGatewayStageAccessLogsRule(),
		NewAwsRoute53ResolverQueryLoggingRule(),
		NewAwsNetworkfirewallLoggingRule(),
		NewAwsRdsLogExportsRule(),
		NewAwsEksControlPlaneLoggingRule(),
		NewAwsS3BucketAccessLoggingRule(),
		NewAwsVpcDhcpOptionsNtpRule(),

		// Account baseline (govcloud preset)
		NewAwsConfigRecorderEnabledRule(),
		NewAwsGuardDutyEnabledRule(),
		NewAwsGuardDutyMalwareProtectionRule(),
		NewAwsSecurityHubEnabledRule(),
		NewAwsInspectorEnabledRule(),
		NewAwsEcrScanOnPushRule(),
		NewAwsSecurityFindingsRoutedRule(),
		NewAwsAccountSecurityContactRule(),
		NewAwsCloudwatchPrivilegedAlarmsRule(),

		// Information assets, backups and important operations (4.2.1.1-4.2.1.3, 4.6.1.3, 4.7.1.6)
		NewAwsDataResidencyRule(),
		NewAwsLedgerTagsRule(),
		NewAwsDBBackupRetentionRule(),
		NewAwsDynamodbPitrEnabledRule(),
		NewAwsEfsBackupEnabledRule(),
		NewAwsFsxBackupRetentionRule(),
		NewAwsS3BucketVersioningRule(),
		NewAwsBackupPlanConfiguredRule(),
		NewAwsDBDeletionProtectionRule(),
		NewAwsDBFinalSnapshotRule(),
		NewAwsInstanceTerminationProtectionRule(),

		// Virtual machines: needed services only, malware protection (4.6.1.5)
		NewAwsInstanceMetadataV2Rule(),
		NewAwsSecurityGroupAdminPortsRule(),
		NewAwsSecurityGroupUnrestrictedEgressRule(),
		NewAwsDefaultSecurityGroupRulesRule(),
		NewAwsNetworkACLAdminPortsRule(),
	}
}
