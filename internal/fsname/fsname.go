// Package fsname turns ids into file and directory names that are safe
// on every OS.
package fsname

import "strings"

// Safe maps id to a name that stays inside the directory it is joined to:
// only letters, digits, '.', '-' and '_' are kept (others become '_'),
// and a name of dots alone ("", ".", "..") is rewritten. Ids made of kept
// characters stay distinct.
func Safe(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	if strings.Trim(s, ".") == "" {
		s = strings.Repeat("_", max(len(s), 1))
	}
	return s
}
