//! What a user holds after analysis: every quotation with its speaker, cue,
//! addressee, confidence and deciding rule, and the article's entities.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::lexicon::{Gender, Number};
use crate::quotes::Quote;
use crate::record::{DocumentRecord, IgnoreSpan, QuoteRecord};
use crate::span::{char_offsets_of, Span};

/// What sort of words a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionKind {
    /// A proper name, with any title or honorific before it
    /// (`Foreign Secretary David Lammy`, `Mr Hill`, `Badenoch`).
    Name,
    /// A personal pronoun (`he`, `they`).
    Pronoun,
    /// A description (`A Downing Street spokesperson`, `the 78-year-old`,
    /// `officials`, `the White House`).
    Description,
}

/// Words in the article that refer to someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention<'h> {
    pub(crate) haystack: &'h str,
    pub(crate) span: Span,
    pub(crate) kind: MentionKind,
}

impl<'h> Mention<'h> {
    /// The words as written.
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.span]
    }

    /// Their byte range.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Name, pronoun or description.
    pub fn kind(&self) -> MentionKind {
        self.kind
    }
}

/// Index of an entity in [`Analysis::entities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub usize);

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A named organisation, place or thing.
    Organisation,
    /// A name the rules could not type.
    Name,
    /// Someone the article only describes (`A Downing Street spokesperson`).
    Description,
}

/// One person, group or described someone, with all its mentions.
#[derive(Clone)]
pub struct Entity<'h> {
    pub(crate) id: EntityId,
    pub(crate) name: &'h str,
    pub(crate) kind: EntityKind,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    pub(crate) mentions: Mentions<'h>,
}

/// The mentions of one entity: a range of one list that all the entities
/// of an analysis share, so that an article's entities cost one allocation
/// for their mentions rather than one each. (The list is never changed
/// once made; an entity cloned out of its analysis keeps it alive.)
#[derive(Clone, Default)]
pub(crate) struct Mentions<'h> {
    all: Option<Arc<[Mention<'h>]>>,
    start: usize,
    end: usize,
}

impl<'h> Mentions<'h> {
    /// The range `start..end` of `all`.
    pub(crate) fn new(all: &Arc<[Mention<'h>]>, start: usize, end: usize) -> Mentions<'h> {
        Mentions {
            all: Some(Arc::clone(all)),
            start,
            end,
        }
    }

    fn as_slice(&self) -> &[Mention<'h>] {
        self.all
            .as_deref()
            .and_then(|all| all.get(self.start..self.end))
            .unwrap_or(&[])
    }
}

impl fmt::Debug for Entity<'_> {
    // (as `#[derive(Debug)]` wrote it when the mentions were a `Vec`)
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entity")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("gender", &self.gender)
            .field("number", &self.number)
            .field("mentions", &self.mentions())
            .finish()
    }
}

impl PartialEq for Entity<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.kind == other.kind
            && self.gender == other.gender
            && self.number == other.number
            && self.mentions() == other.mentions()
    }
}

impl<'h> Entity<'h> {
    /// Its index in [`Analysis::entities`].
    pub fn id(&self) -> EntityId {
        self.id
    }

    /// The fullest name the article gives (honorifics and titles left out),
    /// or the description for someone never named.
    pub fn name(&self) -> &'h str {
        self.name
    }

    /// Person, organisation, untyped name, or description.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Gender, when the article shows it.
    pub fn gender(&self) -> Gender {
        self.gender
    }

    /// Singular or plural.
    pub fn number(&self) -> Number {
        self.number
    }

    /// Every mention of the entity that the analysis linked, in text order.
    pub fn mentions(&self) -> &[Mention<'h>] {
        self.mentions.as_slice()
    }
}

/// Who said a quotation: the words that say so, and whom they refer to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speaker<'h> {
    pub(crate) mention: Mention<'h>,
    pub(crate) name: &'h str,
    pub(crate) entity: Option<EntityId>,
}

impl<'h> Speaker<'h> {
    /// The mention the attribution rests on (`He`, `the Clacton MP`).
    pub fn mention(&self) -> Mention<'h> {
        self.mention
    }

    /// The fullest name of the speaker, or the description when never named.
    pub fn name(&self) -> &'h str {
        self.name
    }

    /// The entity the mention was resolved to.
    pub fn entity(&self) -> Option<EntityId> {
        self.entity
    }
}

/// The reporting verb or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue<'h> {
    pub(crate) haystack: &'h str,
    pub(crate) span: Span,
    /// (Borrowed from the English lexicon, which lives as long as the
    /// program, when the lemma is one of its: no allocation a cue.)
    pub(crate) lemma: Cow<'static, str>,
}

impl<'h> Cue<'h> {
    /// The cue as written (`told`, `according to`).
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.span]
    }

    /// Its byte range.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Its dictionary form (`tell`, `according to`).
    pub fn lemma(&self) -> &str {
        &self.lemma
    }
}

/// The rule that decided an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// `SPEAKER CUE: "…"`, `SPEAKER CUE, "…"`, `SPEAKER told Y: "…"`.
    SpeakerCueBefore,
    /// `"…," SPEAKER CUE`.
    SpeakerCueAfter,
    /// `"…," CUE SPEAKER`: inverted.
    CueSpeakerAfter,
    /// `according to SPEAKER`, before or after.
    AccordingTo,
    /// `"…" — SPEAKER`.
    Dash,
    /// A lead-in paragraph ending in a colon: `And from Chairwoman Vale:`.
    LeadIn,
    /// A speaker phrase and a colon, no verb: `Pollster Ann Vale: "…"`.
    Colon,
    /// A quotation with no cue of its own right after an attributed one.
    Adjacent,
    /// A quotation with no cue of its own right after a sentence whose
    /// subject is a name, in its paragraph or ending the one before: `Ines
    /// shook her head. "I will not."`
    Narration,
    /// A partial quotation: the subject of the verb that governs it.
    PartialSubject,
    /// A partial quotation whose words appear in an attributed quotation.
    Echo,
    /// A nested quotation, attributed from the words of its outer quotation.
    Nested,
    /// The title of a work, named by the words before it (`on NBC's "Meet
    /// the Press,"`, `his book, "An American Son."`): nobody's words, so no
    /// speaker; the confidence is how sure the title is.
    Title,
    /// No rule found a speaker.
    None,
}

impl Rule {
    /// The snake-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::SpeakerCueBefore => "speaker_cue_before",
            Rule::SpeakerCueAfter => "speaker_cue_after",
            Rule::CueSpeakerAfter => "cue_speaker_after",
            Rule::AccordingTo => "according_to",
            Rule::Dash => "dash",
            Rule::LeadIn => "lead_in",
            Rule::Colon => "colon",
            Rule::Adjacent => "adjacent",
            Rule::Narration => "narration",
            Rule::PartialSubject => "partial_subject",
            Rule::Echo => "echo",
            Rule::Nested => "nested",
            Rule::Title => "title",
            Rule::None => "none",
        }
    }
}

/// One quotation and its attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution<'h> {
    pub(crate) quote: Quote<'h>,
    pub(crate) speaker: Option<Speaker<'h>>,
    pub(crate) cue: Option<Cue<'h>>,
    pub(crate) addressee: Option<Mention<'h>>,
    pub(crate) confidence: f32,
    pub(crate) rule: Rule,
}

impl<'h> Attribution<'h> {
    /// Quoted words that nobody says: a scare quotation, a title or a
    /// slogan with no speaker (`the "temporary" bridge`). Of these, the
    /// records list as `ignore_spans` only the ones that read as titles or
    /// follow `so-called` ([`Attribution::is_unspoken_title`]); a lower-case
    /// scare quotation may be someone's word and stays a quotation.
    pub fn is_unspoken(&self) -> bool {
        self.speaker.is_none() && self.quote.kind == crate::quotes::QuoteKind::Scare
    }

    /// A title in quotation marks that nobody says (`"Game of Thrones"`,
    /// `on "Meet the Press," the senator said`, `his book, "An American
    /// Son."`): a quotation with no speaker whose words read as a title
    /// (capitalised but for short words like `of` and `the`), at most six
    /// words when it reads as a sentence. A term set off by `so-called` (`a
    /// so-called "efficiency dividend"`) is one too.
    pub fn is_unspoken_title(&self) -> bool {
        use crate::quotes::QuoteKind;
        self.speaker.is_none()
            && match self.quote.kind {
                QuoteKind::Scare | QuoteKind::Partial => {
                    crate::quotes::title_case(self.quote.content()) || self.so_called()
                }
                QuoteKind::Direct => {
                    self.quote.content().split_whitespace().nth(6).is_none()
                        && crate::quotes::title_case(self.quote.content())
                        && !self.whole_paragraph()
                        && !self.asks_or_exclaims()
                }
                QuoteKind::Nested => false,
            }
    }

    /// The quotation's words end in a question or exclamation mark, as a
    /// turn's do (`"Yes, Miss?"` after a beat in its paragraph) and few
    /// titles'.
    fn asks_or_exclaims(&self) -> bool {
        matches!(
            crate::quotes::end_mark(self.quote.content()),
            Some('?' | '!')
        )
    }

    /// The quotation is its paragraph's whole text: a turn of dialogue
    /// (`"Yes."`, `"Nobody."`), not a title, however few its words. (Not
    /// in capitals, which are a notice's or a letter's: `"FIVE GUINEAS
    /// REWARD"`, `"MY DEAR SIR,"`.)
    fn whole_paragraph(&self) -> bool {
        if !self.quote.content().contains(|c: char| c.is_lowercase()) {
            return false;
        }
        let text = self.quote.haystack;
        let span = self.quote.span;
        let before = text[..span.start].trim_end_matches([' ', '\t']);
        let after = text[span.end..].trim_start_matches([' ', '\t']);
        (before.is_empty() || before.ends_with(['\n', '\r']))
            && (after.is_empty() || after.starts_with(['\n', '\r']))
    }

    /// The quotation follows `so-called`.
    fn so_called(&self) -> bool {
        const SO_CALLED: &str = "so-called";
        let before = self.quote.haystack[..self.quote.span.start].trim_end();
        before.len() >= SO_CALLED.len()
            && before.is_char_boundary(before.len() - SO_CALLED.len())
            && before[before.len() - SO_CALLED.len()..].eq_ignore_ascii_case(SO_CALLED)
    }

    /// The quotation (with its kind refined by attribution).
    pub fn quote(&self) -> Quote<'h> {
        self.quote
    }

    /// Who said it, when the text says.
    pub fn speaker(&self) -> Option<Speaker<'h>> {
        self.speaker
    }

    /// The reporting verb or phrase.
    pub fn cue(&self) -> Option<&Cue<'h>> {
        self.cue.as_ref()
    }

    /// Whom it was said to, or where (`told GB News`).
    pub fn addressee(&self) -> Option<Mention<'h>> {
        self.addressee
    }

    /// How sure the attribution is, from 0 to 1.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }

    /// The rule that decided.
    pub fn rule(&self) -> Rule {
        self.rule
    }
}

/// An analysed article.
#[derive(Clone, Debug)]
pub struct Analysis<'h> {
    pub(crate) document: Document<'h>,
    pub(crate) attributions: Vec<Attribution<'h>>,
    pub(crate) entities: Vec<Entity<'h>>,
}

impl<'h> Analysis<'h> {
    /// The parsed article: paragraphs, sentences, quotations, diagnostics.
    pub fn document(&self) -> &Document<'h> {
        &self.document
    }

    /// Every quotation with its attribution, in text order (an enclosing
    /// quotation before those nested in it).
    pub fn attributions(&self) -> &[Attribution<'h>] {
        &self.attributions
    }

    /// The people, groups and descriptions the article mentions as speakers
    /// or by name.
    pub fn entities(&self) -> &[Entity<'h>] {
        &self.entities
    }

    /// The entity with id `id`.
    pub fn entity(&self, id: EntityId) -> Option<&Entity<'h>> {
        self.entities.get(id.0)
    }

    /// The analysis as an owned record in the shared JSON shape (char
    /// offsets, plus byte offsets); the text is included when `with_text`.
    ///
    /// A nested quotation appears in the record only when it has a speaker
    /// of its own: otherwise its words are simply part of the enclosing
    /// quotation, which the record already carries. A title in quotation
    /// marks that nobody says ([`Attribution::is_unspoken_title`]: `"Game
    /// of Thrones"`) names something rather than quoting someone: it is
    /// listed in `ignore_spans`, as the shared shape has such strings, not
    /// as a quotation. Other quoted words with no speaker stay quotations
    /// with a `null` speaker (a headline's `'congratulatory' phone call`
    /// may be someone's word). [`Analysis::attributions`] has every
    /// quotation.
    pub fn to_record(&self, id: &str, with_text: bool) -> DocumentRecord {
        let entries = self.record_entries();
        let ignore_spans = entries
            .ignored
            .iter()
            .map(|&(a, chars)| IgnoreSpan {
                start: chars.start,
                end: chars.end,
                text: Some(a.quote.content().to_string()),
            })
            .collect();
        let quotes = entries
            .quotes
            .iter()
            .map(|&(a, chars)| {
                let q = a.quote;
                QuoteRecord {
                    start: chars.start,
                    end: chars.end,
                    text: q.content().to_string(),
                    speaker: a.speaker.map(|s| s.name.to_string()),
                    mention: a.speaker.map(|s| s.mention.as_str().to_string()),
                    cue: a.cue.as_ref().map(|c| c.as_str().to_string()),
                    kind: Some(q.kind().as_str().to_string()),
                    byte_start: Some(q.content_span().start),
                    byte_end: Some(q.content_span().end),
                    addressee: a.addressee.map(|m| m.as_str().to_string()),
                    rule: Some(a.rule.as_str().to_string()),
                    confidence: Some(a.confidence),
                    speaker_from: None,
                }
            })
            .collect();
        DocumentRecord {
            id: id.to_string(),
            source: None,
            text: with_text.then(|| self.document.text.to_string()),
            quotes,
            ignore_spans,
        }
    }

    /// The attributions [`Analysis::to_record`] lists (see there for which),
    /// in text order, each with the char span of its content. The char
    /// offsets are counted in one pass over the text, however many
    /// quotations there are.
    pub(crate) fn record_entries(&self) -> RecordEntries<'_, 'h> {
        let mut quotes = Vec::new();
        let mut ignored = Vec::new();
        for a in &self.attributions {
            let title = a.is_unspoken_title();
            if a.quote.depth == 0 && title {
                ignored.push(a);
            }
            if (a.quote.depth == 0 || a.speaker.is_some()) && !title {
                quotes.push(a);
            }
        }
        let bytes: Vec<usize> = ignored
            .iter()
            .chain(&quotes)
            .flat_map(|a| {
                let span = a.quote.content_span();
                [span.start, span.end]
            })
            .collect();
        let chars = char_offsets_of(self.document.text, &bytes);
        let mut spans = chars.chunks_exact(2).map(|c| Span::new(c[0], c[1]));
        let ignored = ignored.into_iter().zip(&mut spans).collect();
        let quotes = quotes.into_iter().zip(&mut spans).collect();
        RecordEntries { quotes, ignored }
    }
}

/// What the record of an analysis lists: each attribution with the char
/// span of its content.
pub(crate) struct RecordEntries<'a, 'h> {
    /// The quotations (`quotes`).
    pub(crate) quotes: Vec<(&'a Attribution<'h>, Span)>,
    /// Titles nobody says (`ignore_spans`).
    pub(crate) ignored: Vec<(&'a Attribution<'h>, Span)>,
}

#[cfg(test)]
mod tests {
    use crate::Analyzer;

    #[test]
    fn rule_names_in_json_and_as_str_agree() {
        use super::Rule;
        for rule in [
            Rule::SpeakerCueBefore,
            Rule::SpeakerCueAfter,
            Rule::CueSpeakerAfter,
            Rule::AccordingTo,
            Rule::Dash,
            Rule::LeadIn,
            Rule::Colon,
            Rule::Adjacent,
            Rule::Narration,
            Rule::PartialSubject,
            Rule::Echo,
            Rule::Nested,
            Rule::Title,
            Rule::None,
        ] {
            let json = serde_json::to_string(&rule).unwrap_or_else(|e| panic!("{rule:?}: {e}"));
            assert_eq!(json, format!("\"{}\"", rule.as_str()));
        }
    }

    #[test]
    fn records_list_titles_nobody_says_as_ignore_spans() {
        let text = "The interview aired on \"Meet the Press,\" a morning show. \
                    The library kept one book, \"A Quiet Harbour.\" \
                    It is a so-called \"efficiency dividend\". \
                    The \"temporary\" bridge is old. \"We will wait,\" Vera Lind said.";
        let record = Analyzer::new().analyze(text).to_record("t", false);
        let ignored: Vec<_> = record
            .ignore_spans
            .iter()
            .map(|s| s.text.as_deref())
            .collect();
        assert_eq!(
            ignored,
            [
                Some("Meet the Press,"),
                Some("A Quiet Harbour."),
                Some("efficiency dividend")
            ]
        );
        let quotes: Vec<_> = record
            .quotes
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref()))
            .collect();
        // a lower-case scare quotation may be someone's word: it stays
        assert_eq!(
            quotes,
            [("temporary", None), ("We will wait,", Some("Vera Lind"))]
        );
    }

    #[test]
    fn records_keep_turns_that_read_as_titles() {
        // `"Yes."` reads as a one-word title, but standing alone as its
        // paragraph it is a reply (a notice in capitals is not); `"Yes,
        // Miss?"` reads as one too, but titles rarely ask or exclaim: after
        // a beat in its paragraph it is a reply
        for (text, kept, ignored) in [
            (
                "\"Is it raining?\" said Walter Hale.\n\n\"Yes.\"\n\n\"NO ENTRY\"\n",
                &["Is it raining?", "Yes."][..],
                "NO ENTRY",
            ),
            (
                "\"Arthur Dobbs.\"\n\nThe nib stopped. \"Yes, Miss?\"\n\nThe library kept \"A Quiet Harbour.\"\n",
                &["Arthur Dobbs.", "Yes, Miss?"][..],
                "A Quiet Harbour.",
            ),
        ] {
            let record = Analyzer::new().analyze(text).to_record("t", false);
            let quotes: Vec<_> = record.quotes.iter().map(|q| q.text.as_str()).collect();
            assert_eq!(quotes, kept, "{text:?}");
            let titles: Vec<_> = record
                .ignore_spans
                .iter()
                .map(|s| s.text.as_deref())
                .collect();
            assert_eq!(titles, [Some(ignored)], "{text:?}");
        }
    }
}
