//! The entry point: an [`Analyzer`] holds the lexicon and settings and
//! turns text into a [`Document`] or an [`Analysis`].

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::analysis::Analysis;
use crate::document::{self, Document};
use crate::error::Error;
use crate::lexicon::{Lexicon, LexiconFile};

/// Reads articles. Build one and reuse it: `new()` gives the English
/// defaults; `builder()` the settings.
///
/// ```
/// use whosaid::Analyzer;
/// let analyzer = Analyzer::new();
/// let analysis = analyzer.analyze("Ann Lee said: \"We will win.\"");
/// let a = &analysis.attributions()[0];
/// assert_eq!(a.quote().content(), "We will win.");
/// assert_eq!(a.speaker().map(|s| s.name()), Some("Ann Lee"));
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    /// The built-in English lexicon is shared, not copied; a builder with
    /// extra entries owns its own.
    lexicon: Cow<'static, Lexicon>,
    max_depth: usize,
    window: usize,
    pronouns: Pronouns,
}

/// How boldly a pronoun speaker (`he said`) is resolved to a name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Pronouns {
    /// Resolve only when the last person of that gender named and the last
    /// subject or speaker agree, or when the last person named was
    /// introduced by full name in the pronoun's paragraph or the one
    /// before, or named in a sentence of the pronoun's own paragraph before
    /// it, after the last subject or speaker (at a lower confidence);
    /// otherwise the speaker is the pronoun itself (`speaker().entity()` is
    /// `None`). Fewer names, fewer wrong names.
    #[default]
    Cautious,
    /// Always take a compatible person: when the last person named (outside
    /// an object's place) and the last subject or speaker disagree, the
    /// person named last, at a lower confidence. More names, some wrong.
    Eager,
}

/// Settings for an [`Analyzer`].
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    extra: Vec<(LexiconFile, String)>,
    max_depth: usize,
    window: usize,
    pronouns: Pronouns,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// English defaults.
    pub fn new() -> Analyzer {
        Analyzer {
            lexicon: Cow::Borrowed(Lexicon::english()),
            max_depth: AnalyzerBuilder::DEFAULT_MAX_DEPTH,
            window: AnalyzerBuilder::DEFAULT_WINDOW,
            pronouns: Pronouns::default(),
        }
    }

    /// A shared analyzer with the English defaults, built on first use.
    pub fn english() -> &'static Analyzer {
        static ENGLISH: OnceLock<Analyzer> = OnceLock::new();
        ENGLISH.get_or_init(Analyzer::new)
    }

    /// Settings beyond the defaults.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder {
            extra: Vec::new(),
            max_depth: AnalyzerBuilder::DEFAULT_MAX_DEPTH,
            window: AnalyzerBuilder::DEFAULT_WINDOW,
            pronouns: Pronouns::default(),
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Split `text` into paragraphs, sentences and quotations. Never fails.
    pub fn parse<'h>(&self, text: &'h str) -> Document<'h> {
        document::parse(text, &self.lexicon, self.max_depth)
    }

    /// Parse `text` and attribute every quotation. Never fails.
    pub fn analyze<'h>(&self, text: &'h str) -> Analysis<'h> {
        let document = self.parse(text);
        crate::attribute::attribute(document, &self.lexicon, self.window, self.pronouns)
    }

    /// Analyse UTF-8 bytes.
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] with the byte offset of the first invalid
    /// sequence.
    pub fn analyze_bytes<'h>(&self, bytes: &'h [u8]) -> Result<Analysis<'h>, Error> {
        let text = std::str::from_utf8(bytes).map_err(Error::from_utf8)?;
        Ok(self.analyze(text))
    }
}

impl AnalyzerBuilder {
    /// Default nesting limit for quotations.
    pub const DEFAULT_MAX_DEPTH: usize = 8;
    /// Default number of tokens read on each side of a quotation.
    pub const DEFAULT_WINDOW: usize = 48;

    /// Quotations nested deeper than this are ignored and reported
    /// (1 to 64; default 8).
    pub fn max_depth(mut self, depth: usize) -> AnalyzerBuilder {
        self.max_depth = depth;
        self
    }

    /// How many tokens attribution reads on each side of a quotation
    /// (4 to 512; default 48).
    pub fn window(mut self, tokens: usize) -> AnalyzerBuilder {
        self.window = tokens;
        self
    }

    /// How boldly pronoun speakers are resolved (default
    /// [`Pronouns::Cautious`]).
    pub fn pronouns(mut self, pronouns: Pronouns) -> AnalyzerBuilder {
        self.pronouns = pronouns;
        self
    }

    /// Add lexicon entries in the format of `file` (see
    /// [`LexiconFile`]), e.g. more reporting verbs.
    pub fn entries(mut self, file: LexiconFile, text: &str) -> AnalyzerBuilder {
        self.extra.push((file, text.to_string()));
        self
    }

    /// Check the settings and build the analyzer.
    ///
    /// # Errors
    /// [`Error::Config`] for a setting out of range, [`Error::Lexicon`] for
    /// a malformed entry.
    pub fn build(self) -> Result<Analyzer, Error> {
        if !(1..=64).contains(&self.max_depth) {
            return Err(Error::Config {
                setting: "max_depth",
                value: self.max_depth.to_string(),
                reason: "must be between 1 and 64",
            });
        }
        if !(4..=512).contains(&self.window) {
            return Err(Error::Config {
                setting: "window",
                value: self.window.to_string(),
                reason: "must be between 4 and 512",
            });
        }
        let mut lexicon = Cow::Borrowed(Lexicon::english());
        for (file, text) in &self.extra {
            lexicon.to_mut().add(*file, text)?;
        }
        Ok(Analyzer {
            lexicon,
            max_depth: self.max_depth,
            window: self.window,
            pronouns: self.pronouns,
        })
    }
}
