//! The error type: configuration, bytes that are not UTF-8, JSON lines.

use thiserror::Error;

/// What can go wrong. Analysing a `&str` never fails; errors come from
/// configuration, from bytes that are not UTF-8, and from JSON input.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input bytes are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}{}", match .len { Some(n) => format!(" ({n} bad byte(s))"), None => " (truncated sequence at the end)".to_string() })]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// Length of the invalid sequence; `None` when the input ends in the
        /// middle of a character.
        len: Option<usize>,
    },
    /// A lexicon entry is malformed.
    #[error("lexicon {file}, line {line} (`{entry}`): {reason}")]
    Lexicon {
        /// The list the entry belongs to (`verbs.txt`, …).
        file: &'static str,
        /// 1-based line number within the text given for that list.
        line: usize,
        /// The offending line.
        entry: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A configuration value is out of range.
    #[error("setting `{setting}` = {value} is out of range: {reason}")]
    Config {
        /// The builder setting.
        setting: &'static str,
        /// The value given.
        value: String,
        /// The allowed range.
        reason: &'static str,
    },
    /// A JSON-lines input line could not be used.
    #[error("line {line}: {reason}")]
    Json {
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        reason: String,
    },
}

impl Error {
    /// The error for bytes that failed UTF-8 validation.
    pub(crate) fn from_utf8(e: std::str::Utf8Error) -> Error {
        Error::InvalidUtf8 {
            offset: e.valid_up_to(),
            len: e.error_len(),
        }
    }
}
