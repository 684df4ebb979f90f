//! Pairing quotation marks into quotations, in one forward pass with a stack.
//!
//! The rules, in the order they apply to each mark:
//!
//! * An apostrophe is never a quote: a single mark inside a word (`don't`,
//!   `5'11`), an elision (`'90s`, `'em`), or a closing-looking single mark
//!   with no single quotation open (`students'`).
//! * A mark that can close and finds an open quotation of its family on the
//!   stack closes it; single marks opened above it are re-read as
//!   apostrophes, other open quotations above it are closed there and
//!   flagged.
//! * Otherwise a mark that can open pushes a new quotation, up to the
//!   configured depth.
//! * At the end of a paragraph, a quotation still open continues when the
//!   next paragraph opens with a mark of its family (the news rule for long
//!   quotations); everything else still open is closed at the paragraph end
//!   and flagged as unclosed, except straight single marks, which are taken
//!   to have been apostrophes.

use serde::{Deserialize, Serialize};

use crate::scan::{is_elision, Family, Flanks, Glyph, Lean, MarkStyle, Side};
use crate::span::Span;

/// What kind of quotation this is, as far as the text shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A clause or more of reported speech: `Ann said: "We will win."`
    Direct,
    /// A fragment inside a sentence the narrator wrote:
    /// `urged him to "think again"`.
    Partial,
    /// A quotation inside another quotation.
    Nested,
    /// A short quoted word or title with no one saying it: scare quotes,
    /// nicknames, titles of works.
    Scare,
}

impl QuoteKind {
    /// The lower-case name used in JSON (`direct`, `partial`, `nested`, `scare`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Nested => "nested",
            QuoteKind::Scare => "scare",
        }
    }
}

/// How a quotation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Closure {
    /// By a closing mark.
    Closed,
    /// Never closed: it was closed at the end of its paragraph (or where an
    /// enclosing quotation closed) and flagged.
    Unclosed,
}

/// One quotation in an article, borrowing the article's text.
///
/// `span()` runs from the opening mark to the closing mark inclusive;
/// `content_span()` is the quoted words alone, trimmed of white space. A
/// quotation that runs over several paragraphs is one `Quote`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote<'h> {
    pub(crate) haystack: &'h str,
    pub(crate) span: Span,
    pub(crate) content: Span,
    pub(crate) kind: QuoteKind,
    pub(crate) style: MarkStyle,
    pub(crate) closure: Closure,
    pub(crate) depth: u8,
    pub(crate) paragraphs: u32,
}

impl<'h> Quote<'h> {
    /// The quotation with its marks, as written.
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.span]
    }

    /// The quoted words, without the enclosing marks or surrounding space.
    pub fn content(&self) -> &'h str {
        &self.haystack[self.content]
    }

    /// Byte range of the quotation, marks included.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Byte range of the quoted words.
    pub fn content_span(&self) -> Span {
        self.content
    }

    /// Direct, partial, nested or scare.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }

    /// The style of the opening mark.
    pub fn style(&self) -> MarkStyle {
        self.style
    }

    /// Whether a closing mark ended the quotation.
    pub fn closure(&self) -> Closure {
        self.closure
    }

    /// 0 for a quotation in the narrator's text, 1 inside another, and so on.
    pub fn depth(&self) -> u8 {
        self.depth
    }

    /// How many paragraphs the quotation runs over (1 for most).
    pub fn paragraphs(&self) -> u32 {
        self.paragraphs
    }
}

/// Something odd about the marks of the text, reported rather than hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Diagnostic {
    /// A quotation opened at `mark` was never closed; it was closed at the end
    /// of its paragraph.
    Unclosed {
        /// The opening mark.
        mark: Span,
    },
    /// A closing mark with nothing to close; it was ignored.
    StrayClosing {
        /// The closing mark.
        mark: Span,
    },
    /// An opening mark deeper than the nesting limit; it was ignored.
    TooDeep {
        /// The opening mark.
        mark: Span,
    },
    /// A pair of marks with nothing but space between; not a quotation.
    Empty {
        /// From the opening to the closing mark.
        span: Span,
    },
}

impl Diagnostic {
    /// The marks the diagnostic is about.
    pub fn span(&self) -> Span {
        match *self {
            Diagnostic::Unclosed { mark }
            | Diagnostic::StrayClosing { mark }
            | Diagnostic::TooDeep { mark } => mark,
            Diagnostic::Empty { span } => span,
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.span();
        match self {
            Diagnostic::Unclosed { .. } => {
                write!(
                    f,
                    "quotation opened at byte {} never closed; closed at its paragraph end",
                    s.start
                )
            }
            Diagnostic::StrayClosing { .. } => {
                write!(
                    f,
                    "closing mark at byte {} has nothing to close; ignored",
                    s.start
                )
            }
            Diagnostic::TooDeep { .. } => {
                write!(
                    f,
                    "opening mark at byte {} is nested too deep; ignored",
                    s.start
                )
            }
            Diagnostic::Empty { .. } => {
                write!(
                    f,
                    "marks at bytes {}..{} enclose nothing; not a quotation",
                    s.start, s.end
                )
            }
        }
    }
}

/// An open quotation on the pairing stack.
#[derive(Clone, Copy, Debug)]
struct Open {
    /// Index of its slot in `Pairer::slots`.
    slot: usize,
    family: Family,
    style: MarkStyle,
    /// The opening mark.
    mark: Span,
    /// A straight single mark: if never closed, it was an apostrophe.
    tentative: bool,
    paragraphs: u32,
}

/// A quotation being built: reserved when its opening mark is read, so that
/// quotations come out ordered by their start without a sort.
#[derive(Clone, Copy, Debug)]
struct Slot {
    open: Span,
    close: Option<Span>,
    end: usize,
    style: MarkStyle,
    closure: Closure,
    paragraphs: u32,
    live: bool,
}

/// The pairing state machine fed one mark at a time by the parser.
#[derive(Debug)]
pub(crate) struct Pairer {
    stack: Vec<Open>,
    slots: Vec<Slot>,
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics not stored once the cap was reached.
    pub diagnostics_dropped: usize,
    max_depth: usize,
    /// Byte offset of a continuation mark that the next paragraph opens with.
    continuation_at: Option<usize>,
    /// Room for the slots reserved at the first opening mark.
    slot_hint: usize,
}

/// At most this many diagnostics are kept for one document; the rest are
/// counted.
pub(crate) const MAX_DIAGNOSTICS: usize = 1000;

impl Pairer {
    /// A pairer for a text of `text_len` bytes.
    pub fn new(max_depth: usize, text_len: usize) -> Pairer {
        Pairer {
            stack: Vec::new(),
            slots: Vec::new(),
            diagnostics: Vec::new(),
            diagnostics_dropped: 0,
            max_depth: max_depth.max(1),
            continuation_at: None,
            // news text opens a quotation (or a straight single mark that
            // may be one) about every 450 bytes: room for one per 256
            // saves regrowing the slots, and a text without marks
            // allocates none
            slot_hint: text_len / 256 + 4,
        }
    }

    fn report(&mut self, d: Diagnostic) {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push(d);
        } else {
            self.diagnostics_dropped += 1;
        }
    }

    /// The innermost open quotation of `family`, as a stack index.
    fn open_of(&self, family: Family) -> Option<usize> {
        self.stack.iter().rposition(|o| o.family == family)
    }

    /// Feed the mark `glyph` found at `mark` in `text`.
    pub fn feed(&mut self, text: &str, mark: Span, glyph: Glyph) {
        if self.continuation_at == Some(mark.start) {
            self.continuation_at = None;
            return;
        }
        let flanks = Flanks::read(text, mark.start, mark.end);
        match self.decide(text, mark, glyph, flanks) {
            Action::Open => self.open(mark, glyph),
            Action::Close(at) => self.close(at, mark),
            Action::Apostrophe => {}
            Action::Stray => self.report(Diagnostic::StrayClosing { mark }),
        }
    }

    fn decide(&self, text: &str, mark: Span, glyph: Glyph, f: Flanks) -> Action {
        let target = self.open_of(glyph.family);
        let closes = |a: Action| match target {
            Some(at) => Action::Close(at),
            None => a,
        };
        let single = glyph.family == Family::Single;
        if single && f.inside_word() {
            return Action::Apostrophe;
        }
        // the inch mark of a height (`6'4"`) is no quotation mark
        if glyph.style == MarkStyle::StraightDouble && after_feet(text, mark.start) {
            return Action::Apostrophe;
        }
        let opens_only = f.can_open() && !f.can_close();
        let closes_only = f.can_close() && !f.can_open();
        if single {
            // an elision (`’90s`, `'em`) is an apostrophe whatever its
            // glyph, even inside an open single quotation
            if opens_only && is_elision(text, mark.end) {
                return Action::Apostrophe;
            }
            // the second mark of `rock 'n' roll`
            if closes_only && after_elided_n(text, mark.start) {
                return Action::Apostrophe;
            }
            // a plural possessive (`the students' union`) inside an open
            // single quotation that closes later on the line
            if closes_only && target.is_some() && plural_possessive(text, mark) {
                return Action::Apostrophe;
            }
        }
        match glyph.lean {
            Lean::Open => {
                if closes_only && target.is_some() {
                    closes(Action::Open)
                } else if single && is_elision(text, mark.end) {
                    Action::Apostrophe
                } else {
                    Action::Open
                }
            }
            Lean::Close => {
                if target.is_some() {
                    closes(Action::Stray)
                } else if opens_only && !(single && is_elision(text, mark.end)) {
                    Action::Open
                } else if single {
                    Action::Apostrophe
                } else {
                    Action::Stray
                }
            }
            Lean::Either => {
                if opens_only {
                    if single && is_elision(text, mark.end) {
                        Action::Apostrophe
                    } else {
                        Action::Open
                    }
                } else if closes_only {
                    let orphan = if single || f.before == Side::Digit {
                        // a possessive (`students'`) or a prime (`5'11"`)
                        Action::Apostrophe
                    } else {
                        Action::Stray
                    };
                    closes(orphan)
                } else if single && !f.can_open() {
                    closes(Action::Apostrophe)
                } else {
                    closes(Action::Open)
                }
            }
        }
    }

    fn open(&mut self, mark: Span, glyph: Glyph) {
        if self.stack.len() >= self.max_depth {
            self.report(Diagnostic::TooDeep { mark });
            return;
        }
        if self.slots.capacity() == 0 {
            self.slots.reserve_exact(self.slot_hint);
        }
        let slot = self.slots.len();
        self.slots.push(Slot {
            open: mark,
            close: None,
            end: mark.end,
            style: glyph.style,
            closure: Closure::Closed,
            paragraphs: 1,
            live: false,
        });
        self.stack.push(Open {
            slot,
            family: glyph.family,
            style: glyph.style,
            mark,
            tentative: glyph.style == MarkStyle::StraightSingle
                || (glyph.style == MarkStyle::Backtick && glyph.family == Family::Single),
            paragraphs: 1,
        });
    }

    /// Close stack entry `at` with the closing mark `mark`.
    fn close(&mut self, at: usize, mark: Span) {
        while self.stack.len() > at + 1 {
            if let Some(inner) = self.stack.pop() {
                self.abandon(inner, mark.start);
            }
        }
        if let Some(open) = self.stack.pop() {
            let slot = &mut self.slots[open.slot];
            slot.close = Some(mark);
            slot.end = mark.end;
            slot.paragraphs = open.paragraphs;
            slot.live = true;
        }
    }

    /// An open quotation that will never see its closing mark: a straight
    /// single mark was an apostrophe after all; anything else is closed at
    /// `end` and flagged.
    fn abandon(&mut self, open: Open, end: usize) {
        if open.tentative {
            return;
        }
        let slot = &mut self.slots[open.slot];
        slot.end = end;
        slot.closure = Closure::Unclosed;
        slot.paragraphs = open.paragraphs;
        slot.live = true;
        let _ = open.style;
        self.report(Diagnostic::Unclosed { mark: open.mark });
    }

    /// Whether a quotation is open: only then does the end of a paragraph
    /// concern the pairer.
    pub fn has_open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// The paragraph ending at `end` (after trailing space) is over. `next`
    /// is the first mark of the next paragraph, when that paragraph opens
    /// with one.
    pub fn end_paragraph(&mut self, text: &str, end: usize, next: Option<(Span, Glyph)>) {
        if self.stack.is_empty() {
            return;
        }
        // The outermost quotation still open that is not a tentative
        // apostrophe is the one a continuation paragraph would carry on.
        let outer = self.stack.iter().position(|o| !o.tentative);
        let continues = match (outer, next) {
            (Some(at), Some((mark, glyph))) => {
                let f = Flanks::read(text, mark.start, mark.end);
                let o = &self.stack[at];
                glyph.family == o.family && glyph.lean != Lean::Close && f.after != Side::Space
                    || glyph.family == o.family && glyph.lean == Lean::Close && f.can_open()
            }
            _ => false,
        };
        let keep = if continues { outer } else { None };
        while let Some(open) = self.stack.pop() {
            if Some(self.stack.len()) == keep {
                self.stack.push(open);
                // the continued quotation and any still open around it run
                // into the next paragraph
                for o in &mut self.stack {
                    o.paragraphs += 1;
                }
                break;
            }
            self.abandon(open, end);
        }
        if continues {
            self.continuation_at = next.map(|(m, _)| m.start);
        }
    }

    /// Close whatever is still open at the end of the text and hand back the
    /// quotations in order of their opening marks.
    pub fn finish<'h>(mut self, text: &'h str) -> (Vec<Quote<'h>>, Vec<Diagnostic>, usize) {
        let end = text.len();
        while let Some(open) = self.stack.pop() {
            self.abandon(open, end);
        }
        let mut quotes = Vec::with_capacity(self.slots.len());
        let mut empties = Vec::new();
        for slot in self.slots.iter().filter(|s| s.live) {
            let inner_end = slot.close.map_or(slot.end, |c| c.start);
            let content = trim(text, Span::new(slot.open.end, inner_end));
            let span = Span::new(slot.open.start, slot.end);
            if content.is_empty() {
                empties.push(Diagnostic::Empty { span });
                continue;
            }
            quotes.push(Quote {
                haystack: text,
                span: match slot.closure {
                    Closure::Closed => span,
                    Closure::Unclosed => Span::new(span.start, content.end.max(slot.open.end)),
                },
                content,
                kind: QuoteKind::Direct,
                style: slot.style,
                closure: slot.closure,
                depth: 0,
                paragraphs: slot.paragraphs,
            });
        }
        for d in empties {
            self.report(d);
        }
        set_depths(&mut quotes);
        (quotes, self.diagnostics, self.diagnostics_dropped)
    }
}

/// Whether the mark at `at` follows a height's feet and inches (`6'4`,
/// `5’11`): one or two digits, a straight or curly apostrophe, a digit.
fn after_feet(text: &str, at: usize) -> bool {
    let before = &text.as_bytes()[..at];
    let inches = before
        .iter()
        .rev()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&inches) {
        return false;
    }
    let rest = &before[..before.len() - inches];
    let feet = if rest.ends_with(b"'") {
        &rest[..rest.len() - 1]
    } else if rest.ends_with("\u{2019}".as_bytes()) {
        &rest[..rest.len() - 3]
    } else {
        return false;
    };
    feet.last().is_some_and(u8::is_ascii_digit)
}

/// Whether the mark at `at` follows ` 'n` or ` ’n` (`rock 'n' roll`).
fn after_elided_n(text: &str, at: usize) -> bool {
    let before = &text.as_bytes()[..at];
    before.ends_with(b" 'n") || before.ends_with(" \u{2019}n".as_bytes())
}

/// Whether a single mark after `s` is a plural possessive rather than a
/// closing mark: a lower-case word follows, and another single mark that
/// can close stands later on the same line (looked for within 300 bytes).
fn plural_possessive(text: &str, mark: Span) -> bool {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(mark.start.wrapping_sub(1)), Some(b's' | b'S')) {
        return false;
    }
    let mut limit = (mark.end + 300).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &text[mark.end..limit];
    let rest = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let next_word_lower = rest
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if !rest.starts_with(' ') || !next_word_lower {
        return false;
    }
    // the first single mark after it that is not inside a word must close
    // (an opening one means this mark closed its own quotation:
    // `'fondly recalls' meeting him as he makes 'congratulatory' calls`)
    for (i, c) in rest.char_indices() {
        if !matches!(c, '\'' | '’' | '‘') {
            continue;
        }
        let before = rest[..i].chars().next_back();
        let after = rest[i + c.len_utf8()..].chars().next();
        let text_before = before.is_some_and(|b| !b.is_whitespace());
        let word_before = before.is_some_and(char::is_alphanumeric);
        let word_after = after.is_some_and(char::is_alphanumeric);
        match (text_before, word_after) {
            _ if word_before && word_after => continue,
            (true, false) => return c != '‘',
            _ => return false,
        }
    }
    false
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Open,
    Close(usize),
    Apostrophe,
    Stray,
}

/// Depth of each quotation from the nesting of spans (quotes are ordered by
/// start, and spans nest or are disjoint).
fn set_depths(quotes: &mut [Quote<'_>]) {
    let mut ends: Vec<usize> = Vec::new();
    for q in quotes.iter_mut() {
        while ends.last().is_some_and(|&e| e <= q.span.start) {
            ends.pop();
        }
        q.depth = u8::try_from(ends.len()).unwrap_or(u8::MAX);
        ends.push(q.span.end);
    }
}

/// `span` without leading and trailing white space or invisible characters.
///
/// ASCII white space (tab to carriage return, and the space) is stepped
/// over byte by byte; only a non-ASCII byte at either end then needs the
/// char-wise trim of [`trim_chars`], since no other ASCII character is
/// white space or invisible. A sentence after the first in a line opens
/// with a space, and most lines end in one. Inlined: the parser trims
/// every line and sentence, and a call cost more than the common trim.
#[inline]
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let mut start = span.start;
    while start < span.end && crate::scan::ascii_space(bytes[start]) {
        start += 1;
    }
    let mut end = span.end;
    while end > start && crate::scan::ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > start && !(bytes[start].is_ascii() && bytes[end - 1].is_ascii()) {
        return trim_chars(text, span);
    }
    Span::new(start, end.max(start))
}

/// [`trim`] for a span that opens or closes (past its ASCII white space)
/// with a non-ASCII character, which may be white space or invisible.
#[inline(never)]
fn trim_chars(text: &str, span: Span) -> Span {
    let is_blank = |c: char| c.is_whitespace() || crate::scan::is_invisible(c);
    let bytes = text.as_bytes();
    let mut start = span.start;
    while start < span.end && crate::scan::ascii_space(bytes[start]) {
        start += 1;
    }
    if start < span.end && !bytes[start].is_ascii() {
        let s = &text[start..span.end];
        start += s.len() - s.trim_start_matches(is_blank).len();
    }
    let mut end = span.end;
    while end > start && crate::scan::ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > start && !bytes[end - 1].is_ascii() {
        end = start + text[start..end].trim_end_matches(is_blank).len();
    }
    if end <= start {
        Span::new(start, start)
    } else {
        Span::new(start, end)
    }
}

/// The last character of a quotation's words, past any closing quotation
/// marks of a quotation inside it: `?` for `"Yes, Miss?"` and for `"She
/// asked, 'Why?'"`.
pub(crate) fn end_mark(content: &str) -> Option<char> {
    content
        .trim_end_matches(['"', '\'', '’', '”'])
        .chars()
        .next_back()
}

/// Whether quoted words read as a title (`Game of Thrones`, `Meet the
/// Press`, `The Fixers: Eddie Mannix and the MGM Machine`): the first word
/// and every other word capitalised, but for the short words titles keep in
/// lower case (`of`, `the`, `and`, …).
pub(crate) fn title_case(content: &str) -> bool {
    const SMALL: [&str; 17] = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by",
        "with", "from", "as",
    ];
    let mut words = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic));
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.next().is_none_or(capital) && words.all(|w| capital(w) || SMALL.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_keep_short_words_in_lower_case() {
        for t in [
            "Meet the Press,",
            "The Fixers: Eddie Mannix and the MGM Machine",
            "Hawaii Five-0",
            "Fox & Friends.",
            "Game of Thrones",
        ] {
            assert!(title_case(t), "{t:?}");
        }
        for t in [
            "It is a bad day.",
            "the Press",
            "Meet us at the Press",
            "feel the Bern",
        ] {
            assert!(!title_case(t), "{t:?}");
        }
    }

    #[test]
    fn diagnostics_say_what_and_where() {
        let doc = crate::parse("He said \"never closed\nNext line.\" stray");
        let shown: Vec<String> = doc.diagnostics().iter().map(ToString::to_string).collect();
        assert_eq!(doc.diagnostics()[0].span(), Span::new(8, 9));
        assert!(
            shown[0].contains("byte 8") && shown[0].contains("never closed"),
            "{shown:?}"
        );
        assert!(
            shown.iter().any(|d| d.contains("nothing to close")),
            "{shown:?}"
        );
    }
}
