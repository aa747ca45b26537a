// Package segment places the resources of a network in the guideline's
// segments (mynumber, lgwan, internet, dmz) and finds where the separation
// of the segments is broken: a path to the internet from a closed segment,
// two segments joined, a resource of one segment inside another's network.
//
// The package knows nothing of any cloud provider. A provider's adapter
// describes its resources as a graph: nodes that claim a segment (by tag
// or address range) or sit in other nodes (a subnet in its network), and
// the routes, security rules, exposures and joins between them. Check
// resolves every node's segment once, in time linear in the size of the
// graph, and returns what breaks the separation and what could not be
// decided.
package segment
