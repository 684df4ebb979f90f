//! The parsed article: paragraphs, sentences and quotations, found in one
//! forward pass over the bytes.

use crate::lexicon::Lexicon;
use crate::quotes::{trim, Diagnostic, Pairer, Quote, QuoteKind};
use crate::scan::{
    decode_ascii, decode_multi, is_invisible, lead_searcher, next_lead, Glyph, Lead, Multi, LEAD,
};
use crate::segment::{boundary_at, Paragraph, Sentence};
use crate::span::{CharOffsets, Span};

/// An article split into paragraphs, sentences and quotations. Every span
/// is a byte range into the text it was parsed from.
///
/// ```
/// let doc = whosaid::parse("Ann said: \"We won.\"\nBob said: \"We lost.\"");
/// assert_eq!(doc.paragraphs().len(), 2);
/// assert_eq!(doc.quotes()[1].content(), "We lost.");
/// ```
#[derive(Clone, Debug)]
pub struct Document<'h> {
    pub(crate) text: &'h str,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) quotes: Vec<Quote<'h>>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) diagnostics_dropped: usize,
}

impl<'h> Document<'h> {
    /// The text the document was parsed from.
    pub fn text(&self) -> &'h str {
        self.text
    }

    /// The paragraphs (non-blank lines), in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The sentences, in order; each lies inside one paragraph.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The quotations, ordered by their opening marks (an enclosing
    /// quotation comes before the ones nested in it).
    pub fn quotes(&self) -> &[Quote<'h>] {
        &self.quotes
    }

    /// Unclosed, stray, too-deep and empty marks met while pairing (at most
    /// 1,000 are kept; [`Document::diagnostics_dropped`] counts the rest).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// How many diagnostics were counted but not kept.
    pub fn diagnostics_dropped(&self) -> usize {
        self.diagnostics_dropped
    }

    /// A converter from this text's byte offsets to char offsets.
    pub fn char_offsets(&self) -> CharOffsets<'h> {
        CharOffsets::new(self.text)
    }
}

/// Parser state for one pass.
struct Parser<'h, 'l> {
    text: &'h str,
    lexicon: &'l Lexicon,
    pairer: Pairer,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    line_start: usize,
    sentence_start: usize,
    /// Terminators before this offset belong to a run already read.
    terminators_read_to: usize,
}

/// How far past a terminator the sentence-end grammar may look.
const SENTENCE_END_WINDOW: usize = 256;

pub(crate) fn parse<'h>(text: &'h str, lexicon: &Lexicon, max_depth: usize) -> Document<'h> {
    let mut p = Parser {
        text,
        lexicon,
        pairer: Pairer::new(max_depth, text.len()),
        // news text has a sentence about every 100 bytes and a paragraph
        // about every 120: room for one per 64 saves regrowing
        paragraphs: Vec::with_capacity(text.len() / 64 + 4),
        sentences: Vec::with_capacity(text.len() / 64 + 4),
        line_start: 0,
        sentence_start: 0,
        terminators_read_to: 0,
    };
    let bytes = text.as_bytes();
    let searcher = lead_searcher();
    let mut i = 0;
    while i < bytes.len() {
        let lead = LEAD[bytes[i] as usize];
        match lead {
            Lead::None => i = next_lead(searcher, bytes, i + 1),
            Lead::Newline => {
                let len = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                if p.line_start == i {
                    // an empty line (half the line breaks of news text,
                    // which leaves a blank line between paragraphs) makes
                    // no paragraph: `end_line` would trim it to nothing
                    p.skip_line(i + len);
                } else {
                    p.end_line(i, i + len);
                }
                i += len;
            }
            Lead::Terminator => {
                p.terminator(i);
                i += 1;
            }
            Lead::Ascii if bytes[i] == b'"' && i > 0 && bytes[i - 1] == b'=' => {
                // an HTML or XML attribute value left in scraped text
                // (`<a href="…">`) is not a quotation: skip to its end
                i = attribute_end(bytes, i + 1);
            }
            Lead::Ascii if bytes[i] == b'\'' && inside_ascii_word(bytes, i, i + 1) => {
                // the apostrophe of `don't`: the pairer would read its
                // neighbours and call it one
                i += 1;
            }
            Lead::Ascii => {
                let g = decode_ascii(bytes, i);
                p.pairer.feed(text, Span::new(i, i + g.len as usize), g);
                i += g.len as usize;
            }
            Lead::Multi
                if bytes.get(i..i + 3) == Some("’".as_bytes())
                    && inside_ascii_word(bytes, i, i + 3) =>
            {
                // the curly apostrophe of `don’t`, likewise
                i += 3;
            }
            Lead::Multi => match decode_multi(bytes, i) {
                Some(Multi::Mark(g)) => {
                    p.pairer.feed(text, Span::new(i, i + g.len as usize), g);
                    i += g.len as usize;
                }
                Some(Multi::Break(len)) => {
                    p.end_line(i, i + len as usize);
                    i += len as usize;
                }
                Some(Multi::Ellipsis) => {
                    p.terminator(i);
                    i += 3;
                }
                None => i += 1,
            },
        }
    }
    p.end_line(bytes.len(), bytes.len());
    let (mut quotes, diagnostics, dropped) = p.pairer.finish(text);
    classify(text, &p.paragraphs, &mut quotes);
    Document {
        text,
        paragraphs: p.paragraphs,
        sentences: p.sentences,
        quotes,
        diagnostics,
        diagnostics_dropped: dropped,
    }
}

impl<'h> Parser<'h, '_> {
    fn terminator(&mut self, at: usize) {
        if at < self.terminators_read_to || ends_line(self.text.as_bytes(), at) {
            return;
        }
        let limit = (at + SENTENCE_END_WINDOW).min(self.text.len());
        let limit = floor_boundary(self.text, limit);
        match boundary_at(self.text, at, limit, self.lexicon) {
            Ok((run_end, end)) => {
                self.push_sentence(end);
                self.sentence_start = end;
                self.terminators_read_to = run_end;
            }
            Err(run_end) => self.terminators_read_to = run_end,
        }
    }

    fn push_sentence(&mut self, end: usize) {
        let span = trim(self.text, Span::new(self.sentence_start, end));
        if !span.is_empty() {
            self.sentences.push(Sentence {
                span,
                paragraph: self.paragraphs.len(),
            });
        }
    }

    /// The empty line `line_start..line_start` is over; the next starts at
    /// `next`. What [`Parser::end_line`] does with an empty line.
    fn skip_line(&mut self, next: usize) {
        self.line_start = next;
        self.sentence_start = next;
        self.terminators_read_to = self.terminators_read_to.max(next);
    }

    /// The line `line_start..end` is over; the next starts at `next`.
    fn end_line(&mut self, end: usize, next: usize) {
        let span = trim(self.text, Span::new(self.line_start, end));
        if !span.is_empty() {
            if self.sentence_start < end {
                self.push_sentence(end);
            }
            self.paragraphs.push(Paragraph { span });
            // the next paragraph's first mark matters only to a quotation
            // still open, which most paragraphs end without
            if self.pairer.has_open() {
                let first = self.first_mark_from(next);
                self.pairer.end_paragraph(self.text, span.end, first);
            }
        }
        self.line_start = next;
        self.sentence_start = next;
        self.terminators_read_to = self.terminators_read_to.max(next);
    }

    /// The quotation mark the next non-blank line opens with, if any.
    fn first_mark_from(&self, from: usize) -> Option<(Span, Glyph)> {
        let rest = self.text.get(from..)?;
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
                .len();
        let at = from + skip;
        let bytes = self.text.as_bytes();
        let glyph = match LEAD[*bytes.get(at)? as usize] {
            Lead::Ascii => decode_ascii(bytes, at),
            Lead::Multi => match decode_multi(bytes, at)? {
                Multi::Mark(g) => g,
                _ => return None,
            },
            _ => return None,
        };
        Some((Span::new(at, at + glyph.len as usize), glyph))
    }
}

/// Whether the terminator at `at` is followed on its line only by
/// terminators and closing marks (then perhaps spaces or tabs) before a
/// `\n`, a `\r` or the end of the text: looked for within 16 bytes.
///
/// Such a terminator (about a third of them in news text: the last period
/// of a paragraph) cannot change the sentences. Whether or not it ends a
/// sentence, the line ends one where it ends, and all the sentence-end
/// grammar could add after the closers is white space, which `trim` takes
/// off either way; so the parser spares itself the grammar.
fn ends_line(bytes: &[u8], at: usize) -> bool {
    // the bound keeps a long run of `."."."` linear: each of its
    // terminators would look over the rest of it
    let window = &bytes[at + 1..(at + 17).min(bytes.len())];
    let mut j = 0;
    while let Some(&b) = window.get(j) {
        match b {
            b'\n' | b'\r' => return true,
            b'.' | b'?' | b'!' | b'"' | b'\'' | b')' | b']' | b'}' => j += 1,
            // `”` `’` `“` `‘` `…`, the common closers after a terminator
            0xE2 if matches!(
                window.get(j + 1..j + 3),
                Some([0x80, 0x9C | 0x9D | 0x98 | 0x99 | 0xA6])
            ) =>
            {
                j += 3
            }
            b' ' | b'\t' => {
                let spaces = window[j..]
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .count();
                j += spaces;
                return match window.get(j) {
                    Some(b'\n' | b'\r') => true,
                    Some(_) => false,
                    None => at + 1 + j == bytes.len(),
                };
            }
            _ => return false,
        }
    }
    at + 1 + j == bytes.len()
}

/// Whether the mark `start..end` stands between two ASCII letters or
/// digits: then it is an apostrophe inside a word, as the pairer would
/// find (a single mark with word characters on both sides), and neither
/// is it the first mark of a paragraph, which follows white space.
#[inline]
fn inside_ascii_word(bytes: &[u8], start: usize, end: usize) -> bool {
    start > 0
        && bytes[start - 1].is_ascii_alphanumeric()
        && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
}

/// Past the `"` that closes an attribute value starting at `from`, if it
/// closes within 256 bytes on the same line; otherwise just `from`.
fn attribute_end(bytes: &[u8], from: usize) -> usize {
    let window = &bytes[from..(from + 256).min(bytes.len())];
    match memchr::memchr3(b'"', b'\n', b'\r', window) {
        Some(n) if window[n] == b'"' && !has_unicode_line_break(&window[..n]) => from + n + 1,
        _ => from,
    }
}

/// Whether `bytes` hold U+0085, U+2028 or U+2029, the line breaks besides
/// `\n` and `\r` that end a paragraph.
fn has_unicode_line_break(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| w == [0xC2, 0x85])
        || bytes
            .windows(3)
            .any(|w| w[0] == 0xE2 && w[1] == 0x80 && matches!(w[2], 0xA8 | 0xA9))
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Give each quotation its kind from the text around it: nested inside
/// another; direct when it opens its paragraph or follows a colon, a
/// sentence end or a comma before a capital; a scare quote when it is three
/// words or fewer inside the narrator's sentence; partial otherwise.
fn classify(text: &str, paragraphs: &[Paragraph], quotes: &mut [Quote<'_>]) {
    let mut para = 0;
    // the end of the previous top-level quotation and whether it ended
    // with a comma (the first half of a split quotation)
    let mut previous: Option<(usize, bool)> = None;
    for q in quotes.iter_mut() {
        if q.depth > 0 {
            q.kind = QuoteKind::Nested;
            continue;
        }
        let split_half = previous.is_some_and(|(end, comma)| {
            comma
                && q.span.start > end
                && q.span.start - end < 80
                && !text[end..q.span.start].contains(['.', '\n', '\r'])
        });
        previous = Some((q.span.end, q.content().ends_with(',')));
        if split_half {
            q.kind = QuoteKind::Direct;
            continue;
        }
        while para + 1 < paragraphs.len() && paragraphs[para].span.end <= q.span.start {
            para += 1;
        }
        let para_start = paragraphs.get(para).map_or(0, |p| p.span.start);
        let before = text[para_start.min(q.span.start)..q.span.start]
            .trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c));
        let content = q.content();
        let capital = content
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| !c.is_lowercase());
        let terminal = content.ends_with(['.', '?', '!', '…', ',']);
        q.kind = match before.chars().next_back() {
            None | Some(':') => QuoteKind::Direct,
            Some(',') if capital => QuoteKind::Direct,
            Some('.' | '?' | '!' | '”' | '"' | '’' | '\'' | '…' | '—' | '–') if capital => {
                QuoteKind::Direct
            }
            _ if capital && terminal && words_at_least(content, 4) => QuoteKind::Direct,
            _ if !terminal && !words_at_least(content, 4) => QuoteKind::Scare,
            _ => QuoteKind::Partial,
        };
    }
}

/// Whether `s` has at least `n` white-space separated words (stops early).
fn words_at_least(s: &str, n: usize) -> bool {
    s.split_whitespace().take(n).count() >= n
}
