// Package config reads and checks the plugin block of .tflint.hcl: the
// preset, the message language, the data-residency regions, strict mode and
// the segment definitions. A wrong value is an error that names the file and
// line where it stands, never a silent default.
package config
