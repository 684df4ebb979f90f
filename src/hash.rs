//! A keyed hash for tables whose keys are an article's words.
//!
//! A fixed hash (FxHash, a plain multiply) lets a crafted article choose
//! words that all land in one slot or one chain and turn each look-up into
//! a walk over all of them. These keys are drawn at random for each table,
//! so such words cannot be chosen in advance; the mixing step (a 64×64-bit
//! product with its halves folded together, as in `foldhash`) costs about
//! as much as the fixed hash did.

use std::hash::{BuildHasher, RandomState};

/// Two random 64-bit keys.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seed([u64; 2]);

impl Seed {
    /// Fresh random keys.
    pub(crate) fn new() -> Seed {
        let random = RandomState::new();
        Seed([random.hash_one(1u64), random.hash_one(2u64)])
    }

    /// The hash of one 64-bit word.
    #[inline]
    pub(crate) fn word(&self, w: u64) -> u64 {
        fold_mul(w ^ self.0[0], self.0[1])
    }

    /// The hash of four 64-bit words.
    #[inline]
    pub(crate) fn words(&self, w: &[u64; 4]) -> u64 {
        self.word(w[0]) ^ self.tail(w)
    }

    /// The part of [`Seed::words`] that the last three words give (a
    /// constant for keys of one word).
    #[inline]
    pub(crate) fn tail(&self, w: &[u64; 4]) -> u64 {
        fold_mul(w[1] ^ self.0[1], w[2] ^ self.0[0].rotate_left(32))
            ^ fold_mul(w[3] ^ self.0[1].rotate_left(32), self.0[0])
    }

    /// The hash of a string, eight bytes at a time.
    pub(crate) fn str(&self, s: &str) -> u64 {
        self.bytes(s.as_bytes())
    }

    /// [`Seed::str`] of the string of bytes `bytes`.
    pub(crate) fn bytes(&self, bytes: &[u8]) -> u64 {
        let mut h = self.0[0] ^ bytes.len() as u64;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = fold_mul(h ^ u64::from_le_bytes(w), self.0[1]);
        }
        let mut w = [0u8; 8];
        w[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        fold_mul(
            h ^ u64::from_le_bytes(w),
            self.0[1] ^ self.0[0].rotate_left(17),
        )
    }
}

impl Default for Seed {
    /// Fresh random keys, as [`Seed::new`].
    fn default() -> Seed {
        Seed::new()
    }
}

/// The two halves of the 128-bit product of `a` and `b`, folded together.
#[inline]
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::Seed;

    #[test]
    fn equal_keys_hash_alike_and_seeds_differ() {
        let a = Seed::new();
        assert_eq!(a.str("kemi badenoch"), a.str("kemi badenoch"));
        assert_ne!(a.str("kemi badenoch"), a.str("kemi badenocj"));
        assert_ne!(a.str(""), a.str("\0"));
        assert_eq!(a.words(&[7, 0, 0, 0]), a.word(7) ^ a.tail(&[0, 0, 0, 0]));
        let b = Seed::new();
        assert_ne!(a.str("kemi badenoch"), b.str("kemi badenoch"));
    }
}
