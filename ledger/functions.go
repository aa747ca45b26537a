package ledger

import (
	"errors"
	"maps"
	"regexp"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// functions returns Terraform's functions as far as the ledger evaluates
// them: those the runner evaluates as TFLint does (lint.Functions), a few
// more, from cty or written here, close enough to Terraform's for the
// ledger, and, for every other function of Terraform, one that returns an
// unknown value, so that an expression using it is unknown rather than an
// error.
func functions() map[string]function.Function {
	funcs := lint.Functions()
	maps.Copy(funcs, map[string]function.Function{
		"lookup":       stdlib.LookupFunc,
		"coalesce":     coalesceFunc,
		"length":       lengthFunc,
		"replace":      replaceFunc,
		"startswith":   stringTestFunc(strings.HasPrefix),
		"endswith":     stringTestFunc(strings.HasSuffix),
		"strcontains":  stringTestFunc(strings.Contains),
		"alltrue":      boolsFunc(true),
		"anytrue":      boolsFunc(false),
		"sensitive":    markFunc(true),
		"nonsensitive": markFunc(false),
	})
	for _, name := range unevaluatedFunctions {
		if _, ok := funcs[name]; !ok {
			funcs[name] = unknownFunc
		}
	}
	return funcs
}

// unevaluatedFunctions are Terraform's functions the ledger does not
// evaluate: they read files, hash, encode, compute addresses or depend on
// the time of the run. An expression that calls one is unknown.
var unevaluatedFunctions = []string{
	"abspath", "base64decode", "base64encode", "base64gzip", "base64sha256",
	"base64sha512", "basename", "bcrypt", "cidrhost", "cidrnetmask",
	"cidrsubnets", "dirname", "ephemeralasnull", "file",
	"filebase64", "filebase64sha256", "filebase64sha512", "fileexists",
	"filemd5", "fileset", "filesha1", "filesha256", "filesha512", "index",
	"issensitive", "matchkeys", "md5", "one", "pathexpand", "plantimestamp",
	"rsadecrypt", "sha1", "sha256", "sha512", "sum", "templatefile",
	"templatestring", "textdecodebase64", "textencodebase64", "timecmp",
	"timestamp", "transpose", "type", "urlencode", "uuid", "uuidv5",
	"yamldecode", "yamlencode",
}

// unknownFunc accepts any arguments and returns an unknown value.
var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "args",
		Type:             cty.DynamicPseudoType,
		AllowNull:        true,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowMarked:      true,
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

// coalesceFunc returns its first argument that is neither null nor an
// empty string, as Terraform's coalesce does.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowNull:        true,
		AllowUnknown:     true,
		AllowDynamicType: true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, arg := range args {
			types[i] = arg.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, arg := range args {
			if !arg.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if arg.IsNull() {
				continue
			}
			val, err := convert.Convert(arg, retType)
			if err != nil {
				return cty.UnknownVal(retType), nil
			}
			if val.Type() == cty.String && val.AsString() == "" {
				continue
			}
			return val, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})

// lengthFunc is the length of a string (in characters) or of a
// collection, as Terraform's length.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowDynamicType: true,
		AllowUnknown:     true,
	}},
	Type: function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[0].Type() == cty.String {
			return stdlib.Strlen(args[0])
		}
		return stdlib.Length(args[0])
	},
})

// replaceFunc replaces a substring, or the matches of a regular
// expression written between slashes, as Terraform's replace.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, substr, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(substr) > 1 && strings.HasPrefix(substr, "/") && strings.HasSuffix(substr, "/") {
			re, err := regexp.Compile(substr[1 : len(substr)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, substr, repl)), nil
	},
})

// stringTestFunc makes startswith, endswith and strcontains.
func stringTestFunc(test func(s, part string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "part", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(test(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

// boolsFunc makes alltrue (all) and anytrue (not all).
func boolsFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if !args[0].IsWhollyKnown() {
				return cty.UnknownVal(cty.Bool), nil
			}
			for _, v := range args[0].AsValueSlice() {
				if v.IsNull() {
					continue
				}
				if v.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

// markFunc makes sensitive (mark) and nonsensitive (unmark).
func markFunc(mark bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name:             "value",
			Type:             cty.DynamicPseudoType,
			AllowUnknown:     true,
			AllowNull:        true,
			AllowDynamicType: true,
			AllowMarked:      true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if mark {
				return args[0].Mark(marks.Sensitive), nil
			}
			val, _ := args[0].Unmark()
			return val, nil
		},
	})
}
