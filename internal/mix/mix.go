// Package mix holds the one integer hash mixer the packages that hash
// words share, so that their hashes are spread the same way.
package mix

// Mix64 is the splitmix64 finaliser: a cheap bijective mixer with full
// avalanche. It turns weak hashes (FNV of short words, packed word ids)
// into well-spread shingle, band, content and table hashes.
func Mix64(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}
