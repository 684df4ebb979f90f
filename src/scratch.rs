//! The working buffers of one analysis, kept by each thread for the next.
//!
//! An article is read into a few large vectors (its tokens, the tokenizer's
//! word lists, the resolver's key table) that die with the analysis. Taken
//! from the allocator afresh for every article, they cost a dozen large
//! allocations and frees an article, each a walk of the allocator's bins
//! with its own mispredicted branches, and memory that is cold again. Kept
//! per thread instead (an [`Analyzer`](crate::Analyzer) is shared across
//! threads, so it cannot hold them), they are cleared and reused: the next
//! article finds them allocated and warm in cache.

use std::cell::Cell;

use crate::span::Span;
use crate::tokens::Token;

/// Buffers larger than this many bytes are not kept: a thread that read
/// one huge document does not hold its memory for good, and clearing a
/// kept table costs no more than a bounded amount.
pub(crate) const KEEP_BYTES: usize = 4 << 20;

/// The buffers, all empty between analyses.
#[derive(Default)]
pub(crate) struct Scratch {
    /// The tokens of [`crate::tokens::tokenize`].
    pub tokens: Vec<Token>,
    /// The tokenizer's short and long lower-case words.
    pub short: Vec<u64>,
    pub lower: Vec<Span>,
    /// The tokenizer's sentence-initial words, and their table.
    pub candidates: Vec<([u64; 4], usize)>,
    pub words: crate::tokens::WordSpare,
    /// The tokenizer's top-level quotations.
    pub top: Vec<(u32, Span, Span)>,
    /// The attribution loop's places of the quotation marks.
    pub open_at: Vec<usize>,
    pub close_at: Vec<usize>,
    pub paragraph_at: Vec<(usize, usize)>,
    /// The resolver's.
    pub resolver: crate::resolve::Spare,
}

thread_local! {
    static SCRATCH: Cell<Option<Box<Scratch>>> = const { Cell::new(None) };
}

impl Scratch {
    /// This thread's buffers (new ones on a thread's first analysis, or
    /// while another analysis on this thread holds them).
    pub fn take() -> Box<Scratch> {
        SCRATCH.with(Cell::take).unwrap_or_default()
    }

    /// Give the buffers back to this thread, for its next analysis.
    pub fn put(self: Box<Scratch>) {
        SCRATCH.with(|s| s.set(Some(self)));
    }
}

/// `v`, emptied, if it is small enough to keep (see [`KEEP_BYTES`]);
/// otherwise a new empty vector.
pub(crate) fn kept<T>(mut v: Vec<T>) -> Vec<T> {
    if v.capacity() * std::mem::size_of::<T>() > KEEP_BYTES {
        return Vec::new();
    }
    v.clear();
    v
}

/// `v` emptied, with room for `n` more (as `Vec::with_capacity(n)` would
/// give a new vector).
pub(crate) fn ready<T>(mut v: Vec<T>, n: usize) -> Vec<T> {
    v.clear();
    v.reserve(n);
    v
}

/// `v` holding `n` copies of `x` (as `vec![x; n]` would give a new
/// vector).
pub(crate) fn filled<T: Clone>(mut v: Vec<T>, n: usize, x: T) -> Vec<T> {
    v.clear();
    v.resize(n, x);
    v
}

/// [`kept`] of a string.
pub(crate) fn kept_string(s: String) -> String {
    String::from_utf8(kept(s.into_bytes())).unwrap_or_default()
}

/// [`ready`] of a string.
pub(crate) fn ready_string(mut s: String, n: usize) -> String {
    s.clear();
    s.reserve(n);
    s
}
