//! The 128-bit hashes that tell whether bytes changed: an article file's,
//! a static file's, a build's inputs. Content and the build cache both key
//! on them, so they live apart from either.

use xxhash_rust::xxh3::xxh3_128;

/// A 128-bit content or context hash.
pub type Hash = u128;

/// The hash that identifies a file's bytes (XXH3-128).
pub fn content_hash(bytes: &[u8]) -> Hash {
    xxh3_128(bytes)
}
