package aws

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// address names a resource block the way Terraform does: type.name.
func address(resource *hclext.Block) string {
	return strings.Join(resource.Labels, ".")
}
