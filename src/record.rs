//! Owned, serde-ready records in the shared quote JSON shape: one document
//! per JSON line, quotes with char offsets (`start`, `end`), plus byte
//! offsets for Rust consumers. The same types read gold files.

use serde::{Deserialize, Serialize};

/// One document: its id, optionally its text, and its quotations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The document's id.
    pub id: String,
    /// Where the document comes from (gold files only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The whole text (may be left out of predictions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The quotations, in text order.
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    /// Quoted strings that are not quotations: in gold, those the corpus
    /// chose not to annotate; in predictions, scare quotes, titles and
    /// slogans that nobody says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore_spans: Vec<IgnoreSpan>,
}

/// One quotation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Char offset of the first quoted character (marks excluded).
    pub start: usize,
    /// Char offset one past the last quoted character.
    pub end: usize,
    /// The quoted words.
    #[serde(default)]
    pub text: String,
    /// Fullest name of the speaker, or the description when never named;
    /// `null` when the text gives no speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The words in the text the attribution rests on.
    #[serde(default)]
    pub mention: Option<String>,
    /// The reporting verb or phrase.
    #[serde(default)]
    pub cue: Option<String>,
    /// `direct`, `partial`, `nested` or `scare`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Byte offset of the first quoted byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_start: Option<usize>,
    /// Byte offset one past the last quoted byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_end: Option<usize>,
    /// To whom it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// The attribution rule that decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// How sure the attribution is, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Gold only: where the corpus's speaker came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_from: Option<String>,
}

/// A quoted string that is not a quotation (a scare quote, a title, a
/// slogan).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IgnoreSpan {
    /// Char offset of its first character.
    pub start: usize,
    /// Char offset one past its last character.
    pub end: usize,
    /// Its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}
