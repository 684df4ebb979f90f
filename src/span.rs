//! Byte ranges into the caller's text, and their conversion to char offsets.

use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text that was analysed.
///
/// Every span this crate hands out lies on `char` boundaries of the
/// caller's original text, so `&text[span]` never panics for that text.
///
/// ```
/// use whosaid::Span;
/// let text = "Ann said: “Yes.”";
/// let span = Span::new(13, 17);
/// assert_eq!(&text[span], "Yes.");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when byte `offset` lies inside `self`.
    #[inline]
    pub const fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The range form of the span.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

/// Converts byte offsets of one text into char (Unicode scalar value)
/// offsets, as JSON consumers and Python count them.
///
/// Building it is one pass over the text; each conversion then costs at most
/// one block of [`CharOffsets::BLOCK`] bytes.
///
/// ```
/// use whosaid::CharOffsets;
/// let text = "“Oui,” dit-elle.";
/// let map = CharOffsets::new(text);
/// assert_eq!(map.char_offset(3), 1); // after the 3-byte opening mark
/// assert_eq!(map.char_offset(text.len()), text.chars().count());
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'h> {
    text: &'h str,
    /// `checkpoints[i]` is the number of chars before byte `i * BLOCK`.
    checkpoints: Vec<usize>,
}

impl<'h> CharOffsets<'h> {
    /// Bytes between two stored checkpoints.
    pub const BLOCK: usize = 4096;

    /// Index `text` for conversions.
    pub fn new(text: &'h str) -> CharOffsets<'h> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut chars = 0usize;
        for block in bytes.chunks(Self::BLOCK) {
            checkpoints.push(chars);
            chars += count_chars(block);
        }
        checkpoints.push(chars);
        CharOffsets { text, checkpoints }
    }

    /// The char offset of byte offset `byte`. Offsets past the end map to the
    /// char length; an offset inside a multi-byte char maps to the char after
    /// it (spans from this crate are always on char boundaries).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = byte / Self::BLOCK;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * Self::BLOCK;
        base + count_chars(&self.text.as_bytes()[from..byte])
    }

    /// The char range of a byte span.
    pub fn char_span(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }
}

/// The char offsets of many byte offsets of `text`, in the order given,
/// counted in one forward pass over the text (up to the largest offset)
/// whatever that order: the conversion of an article's quotation spans for
/// its record. Each result is what [`CharOffsets::char_offset`] gives.
pub(crate) fn char_offsets_of(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&i| bytes[i]);
    let mut chars = vec![0; bytes.len()];
    let (mut at, mut counted) = (0, 0);
    for i in order {
        // Sorted, so `to >= at`: each byte of the text is counted once.
        let to = bytes[i].min(text.len());
        counted += count_chars(&text.as_bytes()[at..to]);
        at = to;
        chars[i] = counted;
    }
    chars
}

/// Number of chars that start in `bytes` (bytes that are not UTF-8
/// continuation bytes).
#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    // Count in byte lanes, 128 bytes at a time (a lane cannot overflow), so
    // that the compiler vectorises the loop, the short tail included; a
    // plain `filter().count()` stays scalar, one byte per iteration.
    bytes
        .chunks(128)
        .map(|chunk| {
            let starts: u8 = chunk.iter().map(|&b| u8::from((b as i8) >= -0x40)).sum();
            usize::from(starts)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_agree_with_char_indices() {
        let text = "Zoë said: «Ça va» 👍 — “fine”.".repeat(400);
        let map = CharOffsets::new(&text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(byte), n);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn char_offsets_of_agree_in_any_order() {
        let text = "Zoë said: «Ça va» 👍 — “fine”.".repeat(40);
        let map = CharOffsets::new(&text);
        // Every byte offset (inside chars too) and past the end, shuffled.
        let mut bytes: Vec<usize> = (0..text.len() + 3).collect();
        bytes.reverse();
        let third = bytes.len() / 3;
        bytes.rotate_left(third);
        let chars = char_offsets_of(&text, &bytes);
        for (&b, &c) in bytes.iter().zip(&chars) {
            assert_eq!(c, map.char_offset(b), "byte {b}");
        }
        assert!(char_offsets_of(&text, &[]).is_empty());
    }

    #[test]
    fn span_indexing_and_relations() {
        let text = "abcdef";
        let outer = Span::new(1, 5);
        assert_eq!(&text[outer], "bcde");
        assert!(outer.contains(Span::new(2, 4)));
        assert!(!outer.contains(Span::new(0, 4)));
        assert!(outer.contains_offset(4) && !outer.contains_offset(5));
        assert_eq!(Span::new(4, 2).len(), 0);
        assert!(Span::new(4, 4).is_empty());
    }
}
