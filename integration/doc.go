// Package integration runs the real TFLint binary, with this plugin built
// into a temporary plugin directory, over the Terraform folders beside this
// file and compares its JSON output with each folder's result.json.
//
// A case folder holds a .tflint.hcl, Terraform files (and local modules), a
// result.json, and optionally:
//   - args: extra TFLint arguments, one per line (e.g. --fix, --recursive);
//     {{work}} stands for the absolute path of the copy TFLint runs in, as in
//     --config={{work}}/.tflint.hcl, which --recursive needs so that module
//     folders without a .tflint.hcl of their own are linted with the plugin;
//   - fixed/: the files as `tflint --fix` must leave them.
//
// TFLint is found through the TFLINT environment variable or PATH; `make
// test` installs the pinned version and sets TFLINT.
package integration
