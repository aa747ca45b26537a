// Package aws holds the rules for resources of the hashicorp/aws provider
// (v4 and later, where the S3 bucket is split into one resource per setting).
package aws
