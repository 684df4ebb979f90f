//! # whosaid
//!
//! Reads a news article and answers, for every quotation in it: *who said
//! it, with which words, and how do we know?*
//!
//! ```
//! let text = "Health Secretary Amira Okafor said: \"We will not back down.\"\n\
//!             \"It is done,\" she added.";
//! let analysis = whosaid::analyze(text);
//! let [first, second] = analysis.attributions() else { panic!() };
//! assert_eq!(first.quote().content(), "We will not back down.");
//! assert_eq!(first.speaker().map(|s| s.name()), Some("Amira Okafor"));
//! assert_eq!(first.cue().map(|c| c.as_str()), Some("said"));
//! assert_eq!(second.speaker().map(|s| s.mention().as_str()), Some("she"));
//! assert_eq!(second.speaker().map(|s| s.name()), Some("Amira Okafor"));
//! ```
//!
//! ## The primary types
//!
//! * [`Analyzer`]: holds the lexicon and settings; `Analyzer::new()` for the
//!   English defaults, `Analyzer::builder()` for the rest.
//! * [`Document`]: the parse: [`Paragraph`]s, [`Sentence`]s and
//!   [`Quote`]s, each with byte [`Span`]s into the caller's text.
//! * [`Analysis`]: the document plus one [`Attribution`] per quotation
//!   (speaker, cue, addressee, confidence, [`Rule`]) and the article's
//!   [`Entity`]s.
//! * [`record::DocumentRecord`]: the owned JSON shape (char and byte
//!   offsets); [`jsonl`] reads and writes JSON lines.
//!
//! ## How attribution works
//!
//! 1. **Scan** ([`Document`]): one pass over the bytes finds quotation marks
//!    through a lead-byte table, decides from each mark's neighbours whether
//!    it opens, closes or is an apostrophe, and pairs marks with a stack
//!    (nesting, multi-paragraph continuation, unclosed recovery). Paragraphs
//!    and sentences come out of the same pass.
//! 2. **Tokens**: words and punctuation, with each top-level quotation
//!    bracketed so that frames see the narrator's words.
//! 3. **Names**: a first pass groups every name under the fullest form the
//!    article gives (`Sir Keir Starmer`, `Starmer` → Keir Starmer) and binds
//!    titles to names (`Foreign Secretary David Lammy`).
//! 4. **Frames**: for each quotation, a bounded window on each side is read
//!    for a cue and a speaker phrase (`X said: "…"`, `"…," said X`,
//!    `"…," X said`, `according to X`, `"…" — X`, a lead-in paragraph).
//! 5. **Resolution**, carried forward: pronouns to the most recent
//!    compatible person or speaker, definite titles to the name bound to
//!    them, descriptions standing for themselves.
//! 6. **Rules without a frame**: a quotation right after an attributed one
//!    inherits its speaker; a partial quotation echoing an attributed one
//!    takes its speaker; a nested quotation is given to whom its outer
//!    speaker says uttered it.
//!
//! Every step is linear in the article.
//!
//! ## Input guarantees
//!
//! Analysing a `&str` never fails and never panics; every span lies on a
//! char boundary of that text. [`Analyzer::analyze_bytes`] returns
//! [`Error::InvalidUtf8`] with the offset of the first bad byte;
//! [`decode_lossy`] replaces bad bytes instead.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analysis;
mod analyzer;
mod attribute;
mod document;
mod echo;
mod error;
mod frame;
mod hash;
pub mod jsonl;
pub mod lexicon;
mod quotes;
pub mod record;
mod resolve;
mod scan;
mod scratch;
mod segment;
mod span;
mod tokens;

use std::borrow::Cow;

pub use analysis::{
    Analysis, Attribution, Cue, Entity, EntityId, EntityKind, Mention, MentionKind, Rule, Speaker,
};
pub use analyzer::{Analyzer, AnalyzerBuilder, Pronouns};
pub use document::Document;
pub use error::Error;
pub use lexicon::{Gender, Number};
pub use quotes::{Closure, Diagnostic, Quote, QuoteKind};
pub use scan::MarkStyle;
pub use segment::{Paragraph, Sentence};
pub use span::{CharOffsets, Span};

/// Parse `text` into paragraphs, sentences and quotations with the English
/// defaults.
pub fn parse(text: &str) -> Document<'_> {
    Analyzer::english().parse(text)
}

/// Analyse `text` with the English defaults.
pub fn analyze(text: &str) -> Analysis<'_> {
    Analyzer::english().analyze(text)
}

/// Decode `bytes` as UTF-8, replacing invalid sequences with U+FFFD, for
/// callers who prefer a lossy reading to an error. Analyse the result with
/// [`analyze`]; offsets then refer to the decoded text.
pub fn decode_lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
