//! Words and punctuation of a parsed article, with quotation, sentence and
//! paragraph markers, in one forward pass.
//!
//! Attribution reads this stream rather than raw text: a top-level
//! quotation is bracketed by [`Tok::Open`] and [`Tok::Close`], with its own
//! words in between flagged [`Token::inside`], so that frames around a
//! quotation see the narrator's words and names inside quotations still
//! count for the article's entities.

use crate::document::Document;
use crate::lexicon::{low_bytes, lower_ascii, Lexicon, WordInfo, HIGH_BITS};
use crate::scratch::{filled, kept, ready, Scratch};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A word: letters and digits, with inner `'`, `’`, `-`, `.`, `&`.
    Word,
    /// One punctuation character.
    Punct(char),
    /// The opening of top-level quotation `n`.
    Open(u32),
    /// The closing of top-level quotation `n`.
    Close(u32),
    /// A sentence begins here.
    Sentence,
    /// A paragraph begins here.
    Paragraph,
}

/// [`Tok`] without its argument: the byte of it a [`Token`] keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    Word,
    Punct,
    Open,
    Close,
    Sentence,
    Paragraph,
}

/// One token, in 32 bytes: two to a cache line, where spelled out (a
/// [`Tok`], seven `bool`s and the lexicon entry unpacked) it took 56; the
/// name pass, the frames and the attribution loop walk the token array
/// many times. [`Tok`] is kept as
/// its kind and its argument ([`Token::tok`] puts them together again),
/// which leaves room for the two marks read most as `bool`s of their own
/// (a flag in a byte costs an instruction or two more at each test that
/// combines them) and for the rest in [`Token::flags`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    /// The argument of [`Token::tok`]: the character of [`Tok::Punct`]
    /// (a `char` as `u32`) or the number of [`Tok::Open`] and
    /// [`Tok::Close`]; 0 for the others.
    arg: u32,
    kind: Kind,
    /// Inside a quotation.
    pub inside: bool,
    /// A word that begins with an upper-case letter.
    pub capital: bool,
    /// The marks [`CAPS`], [`HYPHEN`] (set when the word is made),
    /// [`COMMON`], [`HEADLINE`] and [`PERSON`] (set by later passes).
    flags: u8,
    /// What the lexicon says about the word (possessive `'s` removed).
    pub info: WordInfo,
}

/// [`Token::flags`]: a word with an ASCII hyphen inside.
pub(crate) const HYPHEN: u8 = 1;
/// [`Token::flags`]: capitalised only because it opens a sentence.
pub(crate) const COMMON: u8 = 2;
/// [`Token::flags`]: in a headline.
pub(crate) const HEADLINE: u8 = 4;
/// [`Token::flags`]: part of a name shown to be a person's.
pub(crate) const PERSON: u8 = 8;
/// [`Token::flags`]: a word with two or more letters, all upper-case.
pub(crate) const CAPS: u8 = 16;

impl Token {
    /// A token of kind `tok` over `span`, inside a quotation or not; no
    /// case, no lexicon entry, no marks.
    #[inline]
    fn new(span: Span, tok: Tok, inside: bool) -> Token {
        let (kind, arg) = match tok {
            Tok::Word => (Kind::Word, 0),
            Tok::Punct(c) => (Kind::Punct, u32::from(c)),
            Tok::Open(n) => (Kind::Open, n),
            Tok::Close(n) => (Kind::Close, n),
            Tok::Sentence => (Kind::Sentence, 0),
            Tok::Paragraph => (Kind::Paragraph, 0),
        };
        Token {
            span,
            arg,
            kind,
            inside,
            capital: false,
            flags: 0,
            info: WordInfo::NONE,
        }
    }

    /// What the token is.
    #[inline]
    pub fn tok(&self) -> Tok {
        match self.kind {
            Kind::Word => Tok::Word,
            // (`arg` was made from a `char` in `Token::new`: the fallback
            // is never taken)
            Kind::Punct => {
                Tok::Punct(char::from_u32(self.arg).unwrap_or(char::REPLACEMENT_CHARACTER))
            }
            Kind::Open => Tok::Open(self.arg),
            Kind::Close => Tok::Close(self.arg),
            Kind::Sentence => Tok::Sentence,
            Kind::Paragraph => Tok::Paragraph,
        }
    }

    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the token is the punctuation `c`.
    ///
    /// (Both fields are compared, then the results combined with `&`:
    /// with `&&` the kind was a branch of its own, whose outcome depends on
    /// the text.)
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        (self.kind == Kind::Punct) & (self.arg == u32::from(c))
    }

    /// Whether the token is a marker: neither a word nor punctuation, but a
    /// quotation's opening or closing or a sentence or paragraph start.
    #[inline]
    pub fn is_marker(&self) -> bool {
        !matches!(self.kind, Kind::Word | Kind::Punct)
    }

    /// Whether the token is punctuation ([`Tok::Punct`]).
    ///
    /// This and the other tests of the kind alone read the kind byte only:
    /// where [`Token::tok`] is called for several tests in a row, the
    /// compiler may put it together once, with a jump table on the kind,
    /// which mispredicts.
    #[inline]
    pub fn is_punctuation(&self) -> bool {
        self.kind == Kind::Punct
    }

    /// Whether the token opens or closes a quotation ([`Tok::Open`],
    /// [`Tok::Close`]).
    #[inline]
    pub fn is_quote_mark(&self) -> bool {
        matches!(self.kind, Kind::Open | Kind::Close)
    }

    /// Whether the token is a paragraph marker ([`Tok::Paragraph`]).
    #[inline]
    pub fn is_paragraph(&self) -> bool {
        self.kind == Kind::Paragraph
    }

    /// A word with two or more letters, all upper-case (`GETTY`, `NATO`).
    #[inline]
    pub fn caps(&self) -> bool {
        self.flags & CAPS != 0
    }

    /// A word with an ASCII hyphen inside (`Vice-Chair`, `78-year-old`).
    #[inline]
    pub fn hyphen(&self) -> bool {
        self.flags & HYPHEN != 0
    }

    /// Capitalised only because it opens a sentence: the article also uses
    /// the word in lower case (`Poor Fanny`, `Former senator`).
    #[inline]
    pub fn common(&self) -> bool {
        self.flags & COMMON != 0
    }

    /// In a headline: a paragraph of four words or more, nearly all
    /// capitalised (`Trump Reveals Stunning Thing`).
    #[inline]
    pub fn headline(&self) -> bool {
        self.flags & HEADLINE != 0
    }

    /// Part of a name the article shows elsewhere to be a person's (with a
    /// title, an honorific or a known given name): set after the name pass.
    #[inline]
    pub fn person(&self) -> bool {
        self.flags & PERSON != 0
    }

    /// Mark the word as part of a person's name ([`Token::person`]).
    #[inline]
    pub fn set_person(&mut self) {
        self.flags |= PERSON;
    }

    /// The token's [`Token::flags`] among `mask`, for a test of several
    /// at once (`t.flags(COMMON | HYPHEN) == 0`).
    #[inline]
    pub fn flags(&self, mask: u8) -> u8 {
        self.flags & mask
    }
}

/// A word joiner: kept inside a word when a letter or digit follows.
#[cfg(test)]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | '\u{AD}')
}

/// The ASCII letters, digits and lower-case letters among the eight bytes
/// of `x`, each as the high bit of its byte (bytes of 0x80 and up are none
/// of them).
#[inline]
fn ascii_classes(x: u64) -> (u64, u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // clear the high bits so that no byte carries into the next
    let y = x & !HIGH_BITS;
    let ascii = !x & HIGH_BITS;
    // the high bit of each byte of `v` from `lo` to `hi` inclusive
    let within = |v: u64, lo: u8, hi: u8| {
        (v + ONES * (0x80 - u64::from(lo))) & !(v + ONES * (0x7F - u64::from(hi)))
    };
    // `| 0x20` lower-cases letters and moves no other byte into `a..=z`
    let letter = within(y | (ONES * 0x20), b'a', b'z') & ascii;
    let digit = within(y, b'0', b'9') & ascii;
    // a lower-case letter has bit 5 set
    (letter, digit, letter & (y << 2))
}

/// [`Scanned`] bookkeeping: a lower-case letter was seen.
const SEEN_LOWER: u8 = 1;
/// A letter was seen after the first byte.
const SEEN_LATER_LETTER: u8 = 2;
/// A non-ASCII character was seen.
const SEEN_NON_ASCII: u8 = 4;
/// An ASCII hyphen joins two parts of the word.
const SEEN_HYPHEN: u8 = 8;

/// A word read by [`scan_word`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scanned {
    end: usize,
    /// Begins with an upper-case letter.
    capital: bool,
    /// Two letters or more, none lower-case (see [`case_of`]).
    caps: bool,
    /// An ASCII hyphen joins two parts of the word.
    hyphen: bool,
}

/// The word starting at `i` (a letter or digit): letters and digits, with
/// joiners kept where a letter or digit follows (`O'Neil`, `U.S`,
/// `78-year-old`), ending no later than `limit`; and its case, read on the
/// way for ASCII words (as [`case_of`] has it).
#[inline]
fn scan_word(text: &str, start: usize, limit: usize) -> Scanned {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut seen = 0u8;
    loop {
        // a run of letters and digits: eight ASCII bytes at a time, then
        // byte by byte near the end of the text, and char by char past ASCII
        while i < limit {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let (letter, digit, lower) = ascii_classes(u64::from_le_bytes(word));
                let mut stop = !(letter | digit) & HIGH_BITS;
                if limit - i < 8 {
                    stop |= HIGH_BITS & !low_bytes(limit - i);
                }
                let n = (stop.trailing_zeros() / 8) as usize;
                let run = low_bytes(n);
                if lower & run != 0 {
                    seen |= SEEN_LOWER;
                }
                // the first byte of the word does not count
                let later = if i == start { run & !0xFF } else { run };
                if letter & later != 0 {
                    seen |= SEEN_LATER_LETTER;
                }
                i += n;
                if n == 8 {
                    continue;
                }
                if i >= limit || bytes[i] < 0x80 {
                    break;
                }
            }
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                if b.is_ascii_lowercase() {
                    seen |= SEEN_LOWER;
                }
                if i > start && b.is_ascii_alphabetic() {
                    seen |= SEEN_LATER_LETTER;
                }
                i += 1;
            } else if b >= 0x80 {
                match text[i..].chars().next() {
                    Some(c) if alphanumeric(c) => {
                        seen |= SEEN_NON_ASCII;
                        i += c.len_utf8();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        // a joiner followed by a letter or digit continues the word
        if i >= limit {
            break;
        }
        let joiner = match bytes[i] {
            b'\'' | b'-' | b'.' | b'&' => 1,
            // `’` and `‐`
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x99 | 0x90)) =>
            {
                3
            }
            // the soft hyphen of text copied from a laid-out page
            // (`organ\u{AD}isers`)
            0xC2 if bytes.get(i + 1) == Some(&0xAD) => 2,
            _ => break,
        };
        let after = i + joiner;
        if after >= limit {
            break;
        }
        let b = bytes[after];
        let continues = if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else {
            text[after..limit].chars().next().is_some_and(alphanumeric)
        };
        if !continues {
            break;
        }
        if joiner > 1 {
            seen |= SEEN_NON_ASCII;
        } else if bytes[i] == b'-' {
            seen |= SEEN_HYPHEN;
        }
        i = after;
    }
    let hyphen = seen & SEEN_HYPHEN != 0;
    if seen & SEEN_NON_ASCII != 0 {
        let (capital, caps) = case_of(&text[start..i]);
        return Scanned {
            end: i,
            capital,
            caps,
            hyphen,
        };
    }
    let capital = bytes[start].is_ascii_uppercase();
    Scanned {
        end: i,
        capital,
        caps: capital && seen & SEEN_LOWER == 0 && seen & SEEN_LATER_LETTER != 0,
        hyphen,
    }
}

/// Whether `c` is in the General Punctuation block up to U+203F (`’`,
/// `”`, `—`, `…`), which follows words more than any other non-ASCII
/// and has no letter or digit: answered without the Unicode tables.
#[inline]
fn general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{203F}').contains(&c)
}

/// `c.is_alphanumeric()`, quick for [`general_punctuation`] (the dashes,
/// curly quotes and ellipsis news text has most).
#[inline]
pub(crate) fn alphanumeric(c: char) -> bool {
    !general_punctuation(c) && c.is_alphanumeric()
}

/// `c.is_alphabetic()`, quick for [`general_punctuation`].
#[inline]
fn alphabetic(c: char) -> bool {
    !general_punctuation(c) && c.is_alphabetic()
}

/// Whether a word starts with a capital, and whether it is all capitals
/// (two letters or more, none lower-case).
fn case_of(w: &str) -> (bool, bool) {
    let bytes = w.as_bytes();
    if let Some(&b) = bytes.first() {
        if b < 0x80 {
            if !b.is_ascii_uppercase() {
                return (false, false);
            }
            if w.is_ascii() {
                if bytes.iter().any(u8::is_ascii_lowercase) {
                    return (true, false);
                }
                let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
                return (true, letters >= 2);
            }
        }
    }
    let first = w.chars().next().is_some_and(char::is_uppercase);
    if !first {
        return (false, false);
    }
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return (true, false);
        }
        if alphabetic(c) {
            letters += 1;
        }
    }
    (true, letters >= 2)
}

/// Tokenise the whole document.
#[cfg(test)]
pub(crate) fn tokenize(doc: &Document<'_>, lexicon: &Lexicon) -> Vec<Token> {
    tokenize_with(doc, lexicon, &mut Scratch::default())
}

/// Tokenise the whole document into the buffers of `scratch` (the tokens
/// are its `tokens`, taken; the word lists are given back).
pub(crate) fn tokenize_with(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
) -> Vec<Token> {
    let text = doc.text;
    let bytes = text.as_bytes();
    // news text has about one token (words, punctuation, markers) per 4.6
    // bytes: room for one per 4 saves regrowing (copying) the vector
    let mut out = ready(std::mem::take(&mut scratch.tokens), text.len() / 4 + 16);
    let mut common = CommonWords::with_spare(text, doc.sentences().len(), scratch);
    let quotes = doc.quotes();
    let mut top = ready(std::mem::take(&mut scratch.top), quotes.len());
    top.extend(
        quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.depth() == 0)
            .map(|(n, q)| (n as u32, q.span(), q.content_span())),
    );
    let mut next_quote = 0usize;
    let mut open: Option<(u32, Span, Span)> = None;
    let mut sentences = doc.sentences().iter().map(|s| s.span.start).peekable();
    let mut line = Line::new(0);
    for para in doc.paragraphs() {
        let mut i = para.span.start;
        // a quotation left open closes at the end of its last paragraph,
        // before the marker of the next
        if let Some((n, span, content)) = open.filter(|(_, _, c)| c.end <= para.span.start) {
            out.push(plain(
                Span::new(content.end, span.end),
                Tok::Close(n),
                false,
            ));
            open = None;
        }
        if open.is_none() {
            line.mark_headline(&mut out);
            line = Line::new(out.len());
            out.push(marker(Tok::Paragraph, i));
        }
        while i < para.span.end {
            while i < para.span.end && matches!(bytes[i], b' ' | b'\t') {
                i += 1;
            }
            while sentences.peek().is_some_and(|&s| s <= i) {
                if let Some(s) = sentences.next() {
                    if open.is_none() && s >= para.span.start {
                        out.push(marker(Tok::Sentence, s));
                    }
                }
            }
            // a top-level quotation closes here
            if let Some((n, span, content)) = open {
                if i >= content.end {
                    out.push(plain(
                        Span::new(content.end, span.end),
                        Tok::Close(n),
                        false,
                    ));
                    open = None;
                    i = span.end.max(i);
                    continue;
                }
            }
            // a top-level quotation opens here
            if open.is_none() {
                if let Some(&(n, span, content)) = top.get(next_quote) {
                    if i >= span.start {
                        next_quote += 1;
                        out.push(plain(
                            Span::new(span.start, content.start),
                            Tok::Open(n),
                            false,
                        ));
                        open = Some((n, span, content));
                        line.quotes = true;
                        i = content.start;
                        continue;
                    }
                }
            }
            let limit = match open {
                Some((_, _, content)) => content.end.min(para.span.end),
                None => top
                    .get(next_quote)
                    .map_or(para.span.end, |q| q.1.start.min(para.span.end)),
            };
            if i >= limit {
                // the top of the loop opens or closes the quotation here,
                // or the paragraph ends
                continue;
            }
            // Read tokens up to the next place where a quotation opens or
            // closes, a sentence starts or the paragraph ends; the checks
            // above are needed only there. (Inside a quotation a sentence
            // start is passed over without a marker: no need to stop.)
            let stop = match open {
                Some(_) => limit,
                None => limit.min(sentences.peek().copied().unwrap_or(usize::MAX)),
            };
            let run = Run {
                limit,
                stop,
                inside: open.is_some(),
            };
            match read_run(&mut out, text, i, run, lexicon, &mut common, &mut line) {
                Some(next) => i = next,
                None => break,
            }
        }
    }
    if let Some((n, span, content)) = open {
        out.push(plain(
            Span::new(content.end, span.end),
            Tok::Close(n),
            false,
        ));
    }
    scratch.top = kept(top);
    common.mark(text, &mut out, scratch);
    line.mark_headline(&mut out);
    out
}

/// A stretch of a paragraph that [`read_run`] reads: no quotation opens
/// or closes and no sentence starts inside it.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// Words end here at the latest: where a quotation opens or closes, or
    /// the paragraph ends.
    limit: usize,
    /// Reading stops at the first token that ends here or later.
    stop: usize,
    /// Inside a quotation.
    inside: bool,
}

/// Push the tokens from `i` (no blank) up to `run.stop`, counting the
/// words into `line`; returns where reading goes on (past a space after
/// the last word, but not necessarily past all blanks), or `None` when no
/// character is left at `i`.
///
/// Blanks are skipped as tokens that push nothing: most words and
/// punctuation end at a single space, which their paths step over, so that
/// no token pays a test for blanks after it.
///
/// A function of its own so that the few values of the word loop get the
/// registers, not those of the paragraph and quotation bookkeeping.
#[inline(never)]
fn read_run(
    out: &mut Vec<Token>,
    text: &str,
    mut i: usize,
    run: Run,
    lexicon: &Lexicon,
    common: &mut CommonWords,
    line: &mut Line,
) -> Option<usize> {
    let Run {
        limit,
        stop,
        inside,
    } = run;
    let bytes = text.as_bytes();
    // the words pushed are the tokens pushed but the punctuation: counted
    // on the rarer path; and those that begin with a capital
    let (first, mut puncts, mut capitals) = (out.len(), 0, 0);
    // Words that start sixteen bytes or more before the end of the text
    // (all but the last few) take the fast path: `i < len - 16` tested
    // here lets the compiler drop the length tests of its loads, which
    // cost more than this one.
    let fast_end = bytes.len().checked_sub(16);
    let end = loop {
        let short = if fast_end.is_some_and(|e| i < e) {
            push_short(out, text, i, limit, inside, lexicon, common)
        } else {
            None
        };
        if let Some((next, capital)) = short {
            capitals += usize::from(capital);
            i = next;
        } else {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i = push_word(out, text, i, limit, inside, lexicon, common);
                capitals += usize::from(out.last().is_some_and(|t| t.capital));
            } else if b < 0x80 {
                if !crate::scan::ascii_space(b) {
                    out.push(punct(i, b as char, inside));
                    puncts += 1;
                    // most punctuation has a space after it (`said, the`):
                    // stepped over here, not in a turn of the loop
                    if bytes.get(i + 1) == Some(&b' ') {
                        i += 1;
                    }
                }
                i += 1;
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break None;
                };
                if c.is_whitespace() || crate::scan::is_invisible(c) {
                    i += c.len_utf8();
                } else if alphanumeric(c) {
                    i = push_word(out, text, i, limit, inside, lexicon, common);
                    capitals += usize::from(out.last().is_some_and(|t| t.capital));
                } else {
                    out.push(punct(i, c, inside));
                    puncts += 1;
                    i += c.len_utf8();
                }
            }
        }
        if i >= stop {
            break Some(i);
        }
    };
    if !inside {
        line.words += out.len() - first - puncts;
        line.capitals += capitals;
    }
    end
}

/// The tokens from one paragraph marker to the next (a paragraph, or
/// several when a quotation runs across them), with their words counted
/// as they are pushed: a line of title-case words is a headline, whose
/// capitals say nothing about names.
struct Line {
    /// The index of the line's first token.
    start: usize,
    /// The words outside quotations.
    words: usize,
    /// Those of them that begin with a capital.
    capitals: usize,
    /// A quotation opens in the line.
    quotes: bool,
}

impl Line {
    /// A line whose first token will be `tokens[start]`.
    fn new(start: usize) -> Line {
        Line {
            start,
            words: 0,
            capitals: 0,
            quotes: false,
        }
    }

    /// Flag the words of the line, the tokens from `self.start` to the
    /// end of `tokens`, when it is a headline: four words or more, nearly
    /// all capitalised (`Trump Reveals Stunning Thing`).
    fn mark_headline(&self, tokens: &mut [Token]) {
        let (n, capital) = (self.words, self.capitals);
        if n < 4 || capital * 10 < n * 8 {
            return;
        }
        let start = self.start;
        let Some(line) = tokens.get_mut(start..) else {
            return;
        };
        // a line that quotes someone or ends a sentence is not a headline
        // (`Health Secretary Amira Okafor said: "…"`), except that the
        // article's first line may be a title given a period, nor is one
        // that leads in to a quotation (`Sentencing, Judge Ann Mount
        // said:`)
        // (a line that quotes is a headline still when every word outside
        // the quotation is capitalised, `Sheriff Dunmore Says Border County
        // 'Overrun'`, but not one whose quotation a colon introduces:
        // `FERRY FARES DOUBLE IN A DECADE - Ines Marten: "…"`)
        let colon_quote = || {
            line.windows(2)
                .any(|w| w[0].is_punct(':') && matches!(w[1].tok(), Tok::Open(_)))
        };
        let prose = self.quotes && (capital < n || colon_quote())
            || matches!(line.first().map(|t| t.tok()), Some(Tok::Open(_)))
            || start > 0
                && line
                    .iter()
                    .rev()
                    .find(|t| !t.inside && !matches!(t.tok(), Tok::Sentence | Tok::Paragraph))
                    .is_some_and(|t| t.is_punct('.') || t.is_punct(':'));
        if !prose {
            for t in line {
                t.flags |= HEADLINE;
            }
        }
    }
}

/// The capitalised words that open a sentence but that the article also
/// writes in lower case are ordinary words, not names (`Poor Fanny`,
/// `Former senator`). The words that could be either are noted as the
/// tokens are made, and compared once all are known.
struct CommonWords {
    /// The sentence-initial capitalised words, lower-cased and packed
    /// (about one per sentence): `(word, token)`.
    candidates: Vec<([u64; 4], usize)>,
    /// The words of at most 32 bytes that begin with an ASCII lower-case
    /// letter: the only ones that can equal a candidate. Those of at most
    /// eight bytes (most) are kept packed, as the first word of [`pack`]
    /// has them, so that comparing them reads no text.
    short: Vec<u64>,
    /// A memory of the words of at most eight bytes read lately, packed:
    /// 256 slots by a hash of the packed word (0 for none: no word is
    /// empty). A lower-case word is pushed onto `short` as it comes in, so
    /// that one found there (the frequent words: `the`, `said`) is not
    /// pushed again and [`CommonWords::mark`] looks up the frequent words
    /// a few times rather than at every use. A collision only pushes a
    /// word again.
    ///
    /// It once kept the words' lexicon entries too, to skip their look-ups;
    /// but about one short word in two was found there (an article's
    /// vocabulary is mostly new to it), so that the test mispredicted
    /// often and cost more than the look-ups it saved.
    recent: [u64; 256],
    /// The longer ones.
    lower: Vec<Span>,
}

impl CommonWords {
    /// Room for the words of `text`, of `sentences` sentences.
    #[cfg(test)]
    fn new(text: &str, sentences: usize) -> CommonWords {
        CommonWords::with_spare(text, sentences, &mut Scratch::default())
    }

    /// [`CommonWords::new`] in the word lists of `scratch` (taken; they are
    /// given back by [`CommonWords::mark`]).
    fn with_spare(text: &str, sentences: usize, scratch: &mut Scratch) -> CommonWords {
        CommonWords {
            candidates: ready(std::mem::take(&mut scratch.candidates), sentences),
            // news text has a lower-case word every 6.5 to 16 bytes (7.8
            // in the middle), one in five longer than eight bytes: room for
            // one per 6 and one per 30 saves regrowing (copying)
            short: ready(std::mem::take(&mut scratch.short), text.len() / 6),
            lower: ready(std::mem::take(&mut scratch.lower), text.len() / 30),
            recent: [0; 256],
        }
    }

    /// Note the word `span` of `bytes`, about to be pushed after `out`.
    #[inline]
    fn note(&mut self, bytes: &[u8], out: &[Token], span: Span, capital: bool, caps: bool) {
        if !capital {
            if bytes.get(span.start).is_some_and(u8::is_ascii_lowercase) {
                self.note_lower(bytes, span);
            }
        } else if !caps {
            self.note_capital(bytes, out, span);
        }
    }

    /// Note the word `span` of `bytes`, which begins with an ASCII
    /// lower-case letter.
    #[inline]
    fn note_lower(&mut self, bytes: &[u8], span: Span) {
        let len = span.len();
        if len <= 8 {
            self.note_short(pack_at(bytes, span.start, len)[0]);
        } else if len <= 32 {
            self.lower.push(span);
        }
    }

    /// Note a word of at most eight bytes that begins with an ASCII
    /// lower-case letter, packed as the first word of [`pack`] has it.
    #[inline]
    fn note_short(&mut self, key: u64) {
        // a word seen a moment ago (`the`, `said`) need not be kept twice
        if self.recent[recent_slot(key)] != key {
            self.short.push(key);
        }
    }

    /// The lexicon entry of a word of ASCII letters and digits of at most
    /// eight bytes, packed as `key` (as [`Lexicon::info_alnum`] has it,
    /// `hi` being 0); the word noted as [`CommonWords::note_short`] does
    /// when it begins with a lower-case letter, and remembered.
    #[inline]
    fn info_short<'a>(&mut self, key: u64, lexicon: &'a Lexicon) -> &'a WordInfo {
        let slot = &mut self.recent[recent_slot(key)];
        // a letter has bit 6 set, and a lower-case letter bit 5 as well
        let keep = (*slot != key) & (key & 0x60 == 0x60);
        *slot = key;
        // Whether the word is kept is a toss-up: it is written in any case
        // and counted only when kept, with no branch but the (predictable)
        // one for room.
        let len = self.short.len();
        self.short.push(key);
        self.short.truncate(len + usize::from(keep));
        lexicon.info_alnum(key, 0)
    }

    /// Note the word `span` of `bytes`, about to be pushed after `out`,
    /// which begins with a capital and is not all capitals: a candidate
    /// when it opens a sentence.
    #[inline]
    fn note_capital(&mut self, bytes: &[u8], out: &[Token], span: Span) {
        // most such words follow a word outside quotations (names, titles
        // in running text), where no sentence opens: answered without a
        // call
        if out
            .last()
            .is_some_and(|t| t.tok() == Tok::Word && !t.inside)
        {
            return;
        }
        self.note_opening(bytes, out, span);
    }

    /// [`CommonWords::note_capital`] past its quick answer.
    #[inline(never)]
    fn note_opening(&mut self, bytes: &[u8], out: &[Token], span: Span) {
        if span.len() > 32 {
            return;
        }
        let opens = out.last().is_none_or(|t| {
            matches!(
                t.tok(),
                Tok::Sentence
                    | Tok::Paragraph
                    | Tok::Open(_)
                    | Tok::Punct('"' | '“' | '‘' | '(' | ':' | '—')
            )
            // inside a quotation, where no sentence markers are, after the
            // end of a quoted sentence (`… from their cradle. Poor Noah!`,
            // `One more thing, Nell. Dear Nell!`; a period after a
            // capitalised word of three letters or fewer may end `Mr.`)
            || t.inside
                && match t.tok() {
                    Tok::Punct('!' | '?') => true,
                    Tok::Punct('.') => out
                        .len()
                        .checked_sub(2)
                        .and_then(|p| out.get(p))
                        .is_some_and(|p| p.tok() == Tok::Word && (!p.capital || p.span.len() > 3)),
                    _ => false,
                }
        });
        if !opens || !bytes.get(span.start).is_some_and(u8::is_ascii_alphabetic) {
            return;
        }
        let key = pack_at(bytes, span.start, span.len());
        // an ASCII word: its lower case is that of its packed bytes
        if (key[0] | key[1] | key[2] | key[3]) & HIGH_BITS == 0 {
            // (most have at most eight bytes: one word to lower-case)
            let lower = if key[1..] == [0, 0, 0] {
                [lower_ascii(key[0]), 0, 0, 0]
            } else {
                key.map(lower_ascii)
            };
            self.candidates.push((lower, out.len()));
        }
    }

    /// Flag the candidates that some lower-case word equals, and give the
    /// word lists back to `scratch`.
    fn mark(self, text: &str, tokens: &mut [Token], scratch: &mut Scratch) {
        if !self.candidates.is_empty() {
            self.mark_candidates(text, tokens, &mut scratch.words);
        }
        scratch.short = kept(self.short);
        scratch.lower = kept(self.lower);
        scratch.candidates = kept(self.candidates);
    }

    /// [`CommonWords::mark`] of at least one candidate.
    /// (The table of the candidates is built in the buffers of `spare`.)
    fn mark_candidates(&self, text: &str, tokens: &mut [Token], spare: &mut WordSpare) {
        // words are compared as bytes: no char-boundary checks
        let bytes = text.as_bytes();
        // the lengths of the candidates, by first letter: most lower-case
        // words match none and need no look-up (an article has a few
        // dozen candidates, and a lower-case word every 8 bytes)
        let mut lengths = [0u32; 26];
        // and a bit for each candidate of at most eight bytes, by a fixed
        // hash of its packed bytes: most short words are turned away with
        // a multiply and a bit test, not the keyed hash and a probe of the
        // table (a few dozen candidates set about one bit in thirty)
        let mut short_filter = [0u64; 16];
        let filter_bit = |key: u64| (key.wrapping_mul(RECENT_HASH) >> 54) as usize;
        for (key, _) in &self.candidates {
            let first = (key[0] & 0xFF) as u8;
            let len = pack_len(key);
            if let Some(m) = lengths.get_mut(usize::from(first.wrapping_sub(b'a'))) {
                *m |= 1u32.wrapping_shl(len.wrapping_sub(1) as u32);
            }
            if key[1..] == [0, 0, 0] {
                let bit = filter_bit(key[0]);
                short_filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        // each distinct word is marked once: `The` opening ten thousand
        // sentences must not be walked for every lower-case `the`
        let table = WordTable::new(&self.candidates, spare);
        let mut done = filled(std::mem::take(&mut spare.done), table.runs.len(), false);
        let mut mark_run = |run: usize| {
            if !done[run] {
                done[run] = true;
                let mut c = table.runs[run].1;
                while let Some(&(i, next)) = table.chain.get(c) {
                    if let Some(t) = tokens.get_mut(i) {
                        t.flags |= COMMON;
                    }
                    c = next;
                }
            }
        };
        for &key in &self.short {
            let bit = filter_bit(key);
            if short_filter[bit / 64] >> (bit % 64) & 1 == 0 {
                continue;
            }
            if let Some(run) = table.get_short(key) {
                mark_run(run);
            }
        }
        for &span in &self.lower {
            let first = bytes.get(span.start).map_or(0, |b| b.wrapping_sub(b'a'));
            let maybe = lengths
                .get(usize::from(first))
                .is_some_and(|m| m.wrapping_shr(span.len().wrapping_sub(1) as u32) & 1 != 0);
            if !maybe {
                continue;
            }
            if let Some(run) = table.get(&pack_at(bytes, span.start, span.len())) {
                mark_run(run);
            }
        }
        spare.done = kept(done);
        spare.runs = kept(table.runs);
        spare.chain = kept(table.chain);
        spare.slots = kept(table.slots);
    }
}

/// The buffers of a [`WordTable`] and of the marks made with it, kept for
/// the next article's (see [`crate::scratch`]): empty between articles.
#[derive(Default)]
pub(crate) struct WordSpare {
    runs: Vec<([u64; 4], usize)>,
    chain: Vec<(usize, usize)>,
    slots: Vec<u32>,
    done: Vec<bool>,
}

/// The sentence-initial words of [`CommonWords`]: each distinct word
/// found by hashing its packed bytes into a small open-addressing table,
/// and the tokens it opens chained from it (no sorting).
struct WordTable {
    /// Each distinct word and the first link of its chain in `chain`.
    runs: Vec<([u64; 4], usize)>,
    /// By candidate: its token, and the next link of the chain of its word
    /// (past the end of `chain` at the end of the chain).
    chain: Vec<(usize, usize)>,
    /// One more than an index into `runs`; 0 in an empty slot. The length
    /// is a power of two, at least four times the number of candidates
    /// (and so more than that of distinct words), so that most words that
    /// are no candidate meet an empty slot first. Four bytes a slot, half
    /// the zeroing: four billion distinct words would take hundreds of
    /// gigabytes of tokens first (like [`Tok::Open`]'s `u32`).
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`.
    shift: u32,
    /// The keys of the slot hash, drawn for each table: the words are the
    /// article's (see [`crate::hash`]).
    seed: crate::hash::Seed,
    /// The part of the slot hash that the zero words of a short key give.
    short: u64,
}

impl WordTable {
    /// The table of `candidates`, in the buffers of `spare` (taken).
    fn new(candidates: &[([u64; 4], usize)], spare: &mut WordSpare) -> WordTable {
        let size = (candidates.len() * 4).next_power_of_two().max(16);
        let shift = 64 - size.trailing_zeros();
        let seed = crate::hash::Seed::new();
        let short = seed.tail(&[0, 0, 0, 0]);
        let mut table = WordTable {
            runs: ready(std::mem::take(&mut spare.runs), candidates.len()),
            chain: ready(std::mem::take(&mut spare.chain), candidates.len()),
            slots: filled(std::mem::take(&mut spare.slots), size, 0),
            shift,
            seed,
            short,
        };
        for (j, &(key, token)) in candidates.iter().enumerate() {
            let mut s = table.slot(&key);
            loop {
                match table.slots[s].checked_sub(1).map(|r| r as usize) {
                    None => {
                        table.slots[s] = (table.runs.len() + 1) as u32;
                        table.runs.push((key, j));
                        table.chain.push((token, usize::MAX));
                        break;
                    }
                    Some(r) if table.runs[r].0 == key => {
                        // the candidate becomes the head of its word's chain
                        table.chain.push((token, table.runs[r].1));
                        table.runs[r].1 = j;
                        break;
                    }
                    Some(_) => s = (s + 1) & (size - 1),
                }
            }
        }
        table
    }

    /// The slot where the search for `key` starts.
    #[inline]
    fn slot(&self, key: &[u64; 4]) -> usize {
        // most words have at most eight bytes: the part of the hash that
        // the zero words give is known
        let h = if key[1..] == [0, 0, 0] {
            self.seed.word(key[0]) ^ self.short
        } else {
            self.seed.words(key)
        };
        (h >> self.shift) as usize
    }

    /// [`WordTable::get`] of a word of at most eight bytes, packed as the
    /// first word of [`pack`] has it.
    #[inline]
    fn get_short(&self, key: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        // `slot` of `[key, 0, 0, 0]`
        let h = self.seed.word(key) ^ self.short;
        let mut s = (h >> self.shift) as usize;
        loop {
            let r = self.slots.get(s).copied()?.checked_sub(1)? as usize;
            if self.runs.get(r).is_some_and(|(k, _)| *k == [key, 0, 0, 0]) {
                return Some(r);
            }
            s = (s + 1) & mask;
        }
    }

    /// The run of the word packed as `key`, if it is a candidate.
    #[inline]
    fn get(&self, key: &[u64; 4]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut s = self.slot(key);
        loop {
            let r = self.slots.get(s).copied()?.checked_sub(1)? as usize;
            if self.runs.get(r).is_some_and(|(k, _)| k == key) {
                return Some(r);
            }
            s = (s + 1) & mask;
        }
    }
}

/// The length of the word packed as `key` (no word holds a zero byte).
#[inline]
fn pack_len(key: &[u64; 4]) -> usize {
    key.iter()
        .map(|k| (8 - k.leading_zeros() / 8) as usize)
        .sum()
}

/// [`pack`] of `bytes[start..start + len]`, with one load for words of up
/// to eight bytes away from the end of the text.
#[inline]
fn pack_at(bytes: &[u8], start: usize, len: usize) -> [u64; 4] {
    if len <= 8 {
        if let Some(Ok(window)) = bytes.get(start..start + 8).map(<[u8; 8]>::try_from) {
            return [u64::from_le_bytes(window) & low_bytes(len), 0, 0, 0];
        }
    }
    pack(&bytes[start..start + len])
}

/// The bytes of `w` (at most 32) as four little-endian words, zero padded:
/// equal keys for equal words, since no word holds a zero byte.
#[inline]
fn pack(w: &[u8]) -> [u64; 4] {
    let mut buf = [0u8; 32];
    let n = w.len().min(32);
    buf[..n].copy_from_slice(&w[..n]);
    let mut key = [0u64; 4];
    for (k, chunk) in key.iter_mut().zip(buf.chunks_exact(8)) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        *k = u64::from_le_bytes(bytes);
    }
    key
}

/// Push the word starting at `i` (a letter or digit), ending no later than
/// `limit`; returns its end.
#[inline]
fn push_word(
    out: &mut Vec<Token>,
    text: &str,
    i: usize,
    limit: usize,
    inside: bool,
    lexicon: &Lexicon,
    common: &mut CommonWords,
) -> usize {
    let Scanned {
        end,
        mut capital,
        caps,
        hyphen,
    } = scan_word(text, i, limit);
    let bytes = text.as_bytes();
    capital |= hyphen && particle_name(&bytes[i..end]);
    common.note(bytes, out, Span::new(i, end), capital, caps);
    // the end without a possessive `'s` or `’s`, as
    // `frame::strip_possessive` has it, read from the bytes
    // (and without a contracted auxiliary: `She'd`, `they'll`, `I've`)
    let bare = match bytes.get(..end) {
        Some([.., b'\'', b's']) if end - i >= 2 => end - 2,
        Some([.., 0xE2, 0x80, 0x99, b's']) if end - i >= 4 => end - 4,
        Some(b) => end - crate::frame::contraction_len(&b[i..]),
        None => end,
    };
    out.push(word_token(
        Span::new(i, end),
        inside,
        (capital, caps),
        lexicon.info_at(text, i, bare),
        hyphen,
    ));
    end
}

/// The bytes of `x` that are no ASCII letter or digit, each as the high
/// bit of its byte.
#[inline]
fn alnum_stops(x: u64) -> u64 {
    let (letter, digit, _) = ascii_classes(x);
    !(letter | digit) & HIGH_BITS
}

/// The word at `start` of the bytes that `stops` does not stop (ASCII
/// letters, or letters and digits), packed: the first eight bytes in `lo`,
/// the next (up to seven) in `hi`; its end, and the byte there, as `(lo,
/// hi, end, after)`. `None` when the first byte is a stop, the word has
/// sixteen bytes or more, or fewer than sixteen bytes are left for the
/// loads.
#[inline(always)]
fn packed_word(
    bytes: &[u8],
    start: usize,
    stops: impl Fn(u64) -> u64,
) -> Option<(u64, u64, usize, u8)> {
    let x = load(bytes, start)?;
    let stop = stops(x);
    if stop & 0x80 != 0 {
        return None;
    }
    // The high bit of the byte that ends the word, `first`, is bit
    // `8n + 7` of the load it is in.
    if stop != 0 {
        let first = stop & stop.wrapping_neg();
        let shift = first.trailing_zeros() & !7;
        let end = start + (shift / 8) as usize;
        return Some((x & ((first >> 7) - 1), 0, end, (x >> shift) as u8));
    }
    let y = load(bytes, start + 8)?;
    let stop = stops(y);
    if stop == 0 {
        return None;
    }
    let first = stop & stop.wrapping_neg();
    let shift = first.trailing_zeros() & !7;
    let end = start + 8 + (shift / 8) as usize;
    Some((x, y & ((first >> 7) - 1), end, (y >> shift) as u8))
}

/// The bytes of `x` that are no ASCII letter, each as the high bit of its
/// byte: [`alnum_stops`] with digits as stops, in fewer operations.
#[inline]
fn letter_stops(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // `| 0x20` lower-cases letters and moves no other byte into `a..=z`;
    // with the high bits cleared no byte carries into the next
    let t = (x & !HIGH_BITS) | (ONES * 0x20);
    // the high bit of each byte of `t` from `a` on, and from past `z` on
    let from_a = t + ONES * (0x80 - u64::from(b'a'));
    let past_z = t + ONES * (0x7F - u64::from(b'z'));
    (!from_a | past_z | x) & HIGH_BITS
}

/// The eight bytes of `bytes` from `at`, little-endian, if there are
/// eight.
#[inline]
fn load(bytes: &[u8], at: usize) -> Option<u64> {
    // (`first_chunk` checks the length once, with no overflow test)
    let window = bytes.get(at..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*window))
}

/// Whether the ASCII word packed as `lo` and `hi` (letters, digits and
/// joiners, zero-padded) is capitalised and whether it is all capitals, as
/// `(capital, caps)` (see [`case_of`]).
#[inline]
fn case_ascii(lo: u64, hi: u64) -> (bool, bool) {
    // a letter has bit 6 set, and a lower-case letter bit 5 as well
    let capital = lo & 0x60 == 0x40;
    let caps = capital
        && (lo & (lo << 1) | hi & (hi << 1)) & LETTER_BITS == 0
        && (lo & !0xFF | hi) & LETTER_BITS != 0;
    (capital, caps)
}

/// Push the word starting at `start` when it is made of ASCII letters and
/// digits only and is shorter than sixteen bytes (most words), reading
/// everything from the one or two loads that find its end: the same token
/// as [`push_word`] makes (no joiner, so no hyphen and no possessive).
///
/// A word that a joiner or a non-ASCII character follows is left to
/// [`push_joined`].
///
/// Returns where the next token may start (the word's end, or one past
/// it when a space follows) and whether the word begins with a capital.
/// `None`, with nothing pushed, when `start` begins no such word: not an
/// ASCII letter or digit, a longer word, a word that a non-ASCII letter
/// may continue (as [`scan_word`] has it), or one near the end of the
/// text.
#[inline]
fn push_short(
    out: &mut Vec<Token>,
    text: &str,
    start: usize,
    limit: usize,
    inside: bool,
    lexicon: &Lexicon,
    common: &mut CommonWords,
) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    // Most words are letters only, and the test for letters is the cheaper
    // one: a word that a digit ends (or that begins with one) is read again
    // with digits in. A byte that ends the letters but is no digit ends
    // the word either way.
    let (mut lo, mut hi, mut end, mut after) = match packed_word(bytes, start, letter_stops) {
        Some(word) => word,
        None if bytes.get(start)?.is_ascii_digit() => packed_word(bytes, start, alnum_stops)?,
        None => return None,
    };
    // (most words end at a space before the limit: no digit, asked first)
    if !(after == b' ' && end < limit) && after.is_ascii_digit() {
        (lo, hi, end, after) = packed_word(bytes, start, alnum_stops)?;
    }
    // where the next token may start; the word must not go on
    let next = if end >= limit {
        if end > limit {
            return None;
        }
        end
    } else if after == b' ' {
        end + 1
    } else if after >= 0x80 {
        // `’` may continue the word, or General Punctuation end it
        return if after == 0xE2 {
            push_joined(out, text, start, limit, inside, lexicon, common)
        } else {
            None
        };
    } else {
        // a joiner continues the word when a letter or digit follows
        if after < 64 && JOINERS >> after & 1 != 0 && end + 1 < limit {
            let b = *bytes.get(end + 1)?;
            if b >= 0x80 {
                return None;
            }
            if b.is_ascii_alphanumeric() {
                return push_joined(out, text, start, limit, inside, lexicon, common);
            }
        }
        end
    };
    let span = Span::new(start, end);
    let info = if hi == 0 {
        // (noted there when in lower case)
        common.info_short(lo, lexicon)
    } else {
        if lo & 0x60 == 0x60 {
            common.note_lower(bytes, span);
        }
        lexicon.info_alnum(lo, hi)
    };
    let (capital, caps) = case_ascii(lo, hi);
    if capital && !caps {
        common.note_capital(bytes, out, span);
    }
    push_word_token(out, span, inside, (capital, caps), info, false);
    Some((next, capital))
}

/// [`push_short`] of a word that a joiner continues (`O'Neil`, `U.S`,
/// `78-year-old`, `Trump’s`, `don’t`), or that General Punctuation ends
/// (`said”`, `win—`): ASCII letters and digits, ASCII joiners and `’`
/// only, of at most sixteen bytes with `’` folded to `'` as the lexicon
/// folds it: its first letters and digits read as `push_short` reads them,
/// the rest byte by byte. The same token as [`push_word`] makes,
/// with its hyphen, and looked up without a possessive `'s` or `’s`.
///
/// `None`, with nothing pushed, for any other word: longer, one that a
/// non-ASCII letter or `‐` may continue, or one that `limit` cuts.
#[inline(never)]
fn push_joined(
    out: &mut Vec<Token>,
    text: &str,
    start: usize,
    limit: usize,
    inside: bool,
    lexicon: &Lexicon,
    common: &mut CommonWords,
) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let word = bytes.get(..limit)?;
    // the word folded: `’` as `'`; its first letters and digits read
    // eight bytes at a time, as `push_short` read them
    let (lo, hi, first_end, _) = packed_word(bytes, start, alnum_stops)?;
    if first_end > limit {
        return None;
    }
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&lo.to_le_bytes());
    key[8..].copy_from_slice(&hi.to_le_bytes());
    let (mut i, mut n) = (first_end, first_end - start);
    let mut hyphen = false;
    loop {
        // a joiner followed by a letter or digit continues the word, as
        // `scan_word` reads it
        let (folded, width) = match word.get(i..) {
            Some([b @ (b'\'' | b'-' | b'.' | b'&'), ..]) => (*b, 1),
            Some([0xE2, 0x80, 0x99, ..]) => (b'\'', 3),
            _ => break,
        };
        match word.get(i + width) {
            Some(b) if b.is_ascii_alphanumeric() => {}
            // perhaps a non-ASCII letter
            Some(0x80..) => return None,
            _ => break,
        }
        *key.get_mut(n)? = folded;
        n += 1;
        hyphen |= width == 1 && folded == b'-';
        i += width;
        while let Some(&b) = word.get(i).filter(|b| b.is_ascii_alphanumeric()) {
            *key.get_mut(n)? = b;
            n += 1;
            i += 1;
        }
    }
    let end = i;
    // where the next token may start: the word ends at no joiner that a
    // letter or digit follows, and at no non-ASCII character but General
    // Punctuation up to U+203F (no letter or digit) other than a joiner
    let next = match word.get(end..) {
        None | Some([]) => end,
        Some([b' ', ..]) => end + 1,
        Some([..=0x7F, ..]) => end,
        Some([0xE2, 0x80, 0x99 | 0x90, after, ..])
            if *after >= 0x80 || after.is_ascii_alphanumeric() =>
        {
            return None;
        }
        Some([0xE2, 0x80, 0x80..=0xBF, ..]) => end,
        _ => return None,
    };
    let span = Span::new(start, end);
    let (lo, hi) = (
        u64::from_le_bytes(key[..8].try_into().ok()?),
        u64::from_le_bytes(key[8..].try_into().ok()?),
    );
    // (joiners have bit 6 clear, as digits: no letter, no case)
    let (mut capital, caps) = case_ascii(lo, hi);
    // (a name after its particle reads as capitalised: `al-Rashidi`)
    capital |= hyphen && particle_name(&bytes[start..end]);
    if lo & 0x60 == 0x60 {
        common.note_lower(bytes, span);
    } else if capital && !caps {
        common.note_capital(bytes, out, span);
    }
    // looked up without a possessive `'s` or a contracted auxiliary (`’`
    // folded): `Trump's`, `She'd`
    let bare = if n >= 3 && key[n - 2] == b'\'' && key[n - 1] == b's' {
        n - 2
    } else {
        n - crate::frame::contraction_len(&key[..n])
    };
    let (key_lo, key_hi) = (lo & low_bytes(bare), hi & low_bytes(bare.saturating_sub(8)));
    out.push(word_token(
        span,
        inside,
        (capital, caps),
        *lexicon.info_alnum(key_lo, key_hi),
        hyphen,
    ));
    Some((next, capital))
}

/// Whether a hyphenated word is a name after an Arabic particle, which
/// stays lower-case (`al-Rashidi`, `el-Sisi`, `bin-Salman`, `abu-Bakr`):
/// the word is a name as a capitalised one is.
fn particle_name(word: &[u8]) -> bool {
    const PARTICLES: [&[u8]; 11] = [
        b"al-", b"el-", b"ad-", b"ar-", b"as-", b"ash-", b"az-", b"ibn-", b"bin-", b"abu-",
        b"bint-",
    ];
    PARTICLES.iter().any(|p| {
        word.len() > p.len()
            && word[..p.len()] == **p
            && (word[p.len()].is_ascii_uppercase() || word[p.len()] >= 0xC0)
    })
}

/// The multiplier of [`CommonWords::recent`]'s hash (FxHash's): a fixed
/// hash will do where a collision costs one look-up and push, not a longer
/// search.
const RECENT_HASH: u64 = 0x517C_C1B7_2722_0A95;

/// The slot of [`CommonWords::recent`] of the word packed as `key`.
#[inline]
fn recent_slot(key: u64) -> usize {
    (key.wrapping_mul(RECENT_HASH) >> 56) as usize
}

/// The ASCII word joiners `&`, `'`, `-` and `.`, as bits of a `u64`.
const JOINERS: u64 = 1 << b'&' | 1 << b'\'' | 1 << b'-' | 1 << b'.';

/// Bit 6 of each byte of a `u64`: set in ASCII letters, not in digits.
const LETTER_BITS: u64 = 0x4040_4040_4040_4040;

/// A punctuation token.
#[inline]
fn punct(at: usize, c: char, inside: bool) -> Token {
    plain(Span::new(at, at + c.len_utf8()), Tok::Punct(c), inside)
}

fn marker(tok: Tok, at: usize) -> Token {
    plain(Span::new(at, at), tok, false)
}

/// A word token with its case (`capital`, `caps`), lexicon entry and
/// hyphen mark; the marks later passes set (`common`, `headline`,
/// `person`) start clear.
#[inline]
fn word_token(
    span: Span,
    inside: bool,
    (capital, caps): (bool, bool),
    info: WordInfo,
    hyphen: bool,
) -> Token {
    Token {
        capital,
        flags: (u8::from(caps) * CAPS) | (u8::from(hyphen) * HYPHEN),
        info,
        ..Token::new(span, Tok::Word, inside)
    }
}

/// Push [`word_token`] onto `out`, its entry copied from `info`.
///
/// The room is made first, on a path of its own: the test `push` makes
/// then folds into this one, and the word path keeps no values on the
/// stack across a call that may grow the vector (with
/// `out.push(word_token(…))` it did, on every word).
#[inline(always)]
fn push_word_token(
    out: &mut Vec<Token>,
    span: Span,
    inside: bool,
    case: (bool, bool),
    info: &WordInfo,
    hyphen: bool,
) {
    if out.len() == out.capacity() {
        grow(out);
    }
    out.push(word_token(span, inside, case, *info, hyphen));
}

/// Room for more tokens in `out`.
#[cold]
#[inline(never)]
fn grow(out: &mut Vec<Token>) {
    out.reserve(out.len() / 4 + 64);
}

/// A token that is not a word: no case, no lexicon entry, no marks.
#[inline]
fn plain(span: Span, tok: Tok, inside: bool) -> Token {
    Token::new(span, tok, inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let doc = crate::parse(text);
        tokenize(&doc, Lexicon::english())
            .iter()
            .map(|t| match t.tok() {
                Tok::Word => text[t.span].to_string(),
                Tok::Punct(c) => c.to_string(),
                Tok::Open(_) => "<".into(),
                Tok::Close(_) => ">".into(),
                Tok::Sentence => "|".into(),
                Tok::Paragraph => "¶".into(),
            })
            .collect()
    }

    /// The token array is walked many times by the name pass, the frames
    /// and the attribution loop: two tokens to a cache line. A field added
    /// carelessly fails here; make room by packing it, not by growing the
    /// token.
    /// A token gives back the [`Tok`] it was made of, kind and argument.
    #[test]
    fn a_token_keeps_its_tok() {
        for tok in [
            Tok::Word,
            Tok::Punct(','),
            Tok::Punct('’'),
            Tok::Punct('\u{10FFFF}'),
            Tok::Open(0),
            Tok::Open(u32::MAX),
            Tok::Close(7),
            Tok::Sentence,
            Tok::Paragraph,
        ] {
            let t = plain(Span::new(3, 4), tok, true);
            assert_eq!(t.tok(), tok);
            assert_eq!(t.is_word(), tok == Tok::Word);
            assert_eq!(t.is_punct(','), tok == Tok::Punct(','));
            assert_eq!(t.is_punctuation(), matches!(tok, Tok::Punct(_)));
            assert_eq!(
                t.is_quote_mark(),
                matches!(tok, Tok::Open(_) | Tok::Close(_))
            );
            assert_eq!(t.is_paragraph(), tok == Tok::Paragraph);
        }
    }

    #[test]
    fn a_token_is_32_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 32);
        assert_eq!(std::mem::size_of::<WordInfo>(), 8);
    }

    #[test]
    fn packed_lengths() {
        for n in [1, 2, 7, 8, 9, 16, 17, 31, 32] {
            let w = vec![b'x'; n];
            assert_eq!(pack_len(&pack(&w)), n);
            assert_eq!(pack_len(&pack_at(&w, 0, n)), n);
        }
    }

    #[test]
    fn possessives_are_looked_up_bare() {
        let text = "Trump's aide said O’Neil’s and the officials' s's x’s it's said’s";
        let doc = crate::parse(text);
        let lexicon = Lexicon::english();
        for t in tokenize(&doc, lexicon).iter().filter(|t| t.is_word()) {
            let w = &text[t.span];
            let bare = crate::frame::strip_possessive(w);
            let want = lexicon.info_at(text, t.span.start, t.span.start + bare.len());
            assert_eq!(t.info, want, "{w}");
        }
    }

    #[test]
    fn words_quotes_and_markers() {
        assert_eq!(
            words("Mr. O'Neil said: \"U.S. rock 'n' roll.\" Then he left."),
            [
                "¶", "|", "Mr", ".", "O'Neil", "said", ":", "<", "U.S", ".", "rock", "'", "n", "'",
                "roll", ".", ">", "|", "Then", "he", "left", "."
            ]
        );
    }

    /// The end of a word as first written: char by char.
    fn word_end_reference(text: &str, mut i: usize, limit: usize) -> usize {
        loop {
            while let Some(c) = text[i..limit]
                .chars()
                .next()
                .filter(|c| c.is_alphanumeric())
            {
                i += c.len_utf8();
            }
            let Some(j) = text[i..limit].chars().next().filter(|&c| is_joiner(c)) else {
                return i;
            };
            let after = i + j.len_utf8();
            match text[after..limit].chars().next() {
                Some(c) if c.is_alphanumeric() => i = after,
                _ => return i,
            }
        }
    }

    #[test]
    fn the_fast_path_makes_the_tokens_of_the_general_one() {
        let text = "Said the NATO chief, O'Neil: U.S. rock-n-roll AT&T 3M eBay X1 x. y- \
            abcdefghijklmno abcdefghijklmnop Abcdefgh ABCDEFGHIJ Ab’s said” Trump’s \
            78-year-old I A  Poor a-. b'' SPOKESWOMAN Spokeswoman ZZ9 Trump's it's AT&T's \
            X-RAY co-op's A.B.C.D.E.F.G u-2 abc-defghijklm ab-cdefghijklmn x-’ y'é Mr's \
            don’t O’Neil’s DON’T I’M Ab’s’ x’é rock‐n’roll said— word… end’ a’ ’s’ x’’y \
            it’s. abcdefgh’ijklmnop abcdefgh’ijklmno Zoë’s b’Zoë c’3 5’‐ q’. X’-Y \
            organ\u{AD}isers x\u{AD} abc123 1990s 2016 a1b2c3d4e5f6g7 abcdefgh1 \
            abcdefghijklm9 abcdefghijklmn9 Abcdefg8 end";
        let lexicon = Lexicon::english();
        let bytes = text.as_bytes();
        let mut checked = 0;
        for start in (0..text.len()).filter(|&i| bytes[i].is_ascii_alphanumeric()) {
            for limit in (start + 1..=text.len()).filter(|&l| text.is_char_boundary(l)) {
                for before in [marker(Tok::Sentence, start), punct(start, ',', false)] {
                    let (mut fast, mut fast_notes) = (vec![before], CommonWords::new(text, 0));
                    let (mut slow, mut slow_notes) = (vec![before], CommonWords::new(text, 0));
                    let short = push_short(
                        &mut fast,
                        text,
                        start,
                        limit,
                        true,
                        lexicon,
                        &mut fast_notes,
                    );
                    let Some((next, capital)) = short else {
                        assert_eq!(fast.len(), 1, "{start}..{limit}: pushed and declined");
                        continue;
                    };
                    let end = push_word(
                        &mut slow,
                        text,
                        start,
                        limit,
                        true,
                        lexicon,
                        &mut slow_notes,
                    );
                    assert_eq!(fast, slow, "{start}..{limit}");
                    assert_eq!(Some(capital), slow.last().map(|t| t.capital));
                    assert!(next == end || next == end + 1 && bytes[end] == b' ');
                    assert_eq!(fast_notes.short, slow_notes.short, "{start}..{limit}");
                    assert_eq!(fast_notes.lower, slow_notes.lower, "{start}..{limit}");
                    assert_eq!(fast_notes.candidates, slow_notes.candidates);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn word_scans_agree_with_the_char_by_char_reading() {
        let text = "O'Neil U.S. 78-year-old AT&T rock 'n' roll Zoë’s co‐op x-' a.. Ça–va 3.5% é’é NATO I’M DON’T A1 3M eBay X-RAY";
        for (start, c) in text.char_indices() {
            if !c.is_alphanumeric() {
                continue;
            }
            for limit in (start + c.len_utf8()..=text.len()).filter(|&l| text.is_char_boundary(l)) {
                let scanned = scan_word(text, start, limit);
                let end = word_end_reference(text, start, limit);
                assert_eq!(scanned.end, end, "{start}..{limit}");
                let (capital, caps) = case_of(&text[start..end]);
                assert_eq!(
                    (scanned.capital, scanned.caps),
                    (capital, caps),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn stops_are_the_bytes_that_are_no_letter_or_digit() {
        for b in 0..=255u8 {
            for at in 0..8 {
                // the byte among letters, and among stops
                for fill in [b'a', b' '] {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let x = u64::from_le_bytes(bytes);
                    let bit = 0x80u64 << (8 * at);
                    let want = |stop: bool| if stop { bit } else { 0 };
                    assert_eq!(letter_stops(x) & bit, want(!b.is_ascii_alphabetic()), "{b}");
                    assert_eq!(
                        alnum_stops(x) & bit,
                        want(!b.is_ascii_alphanumeric()),
                        "{b}"
                    );
                }
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(general_punctuation(c));
            assert!(!c.is_alphanumeric() && !c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn case_of_words() {
        for (w, want) in [
            ("said", (false, false)),
            ("Said", (true, false)),
            ("NATO", (true, true)),
            ("A", (true, false)),
            ("U.S", (true, true)),
            ("ÉTÉ", (true, true)),
            ("Émile", (true, false)),
            ("éTÉ", (false, false)),
            ("A1", (true, false)),
            ("3M", (false, false)),
        ] {
            assert_eq!(case_of(w), want, "{w}");
        }
    }

    #[test]
    fn multi_paragraph_quote_is_one_pair() {
        let w = words("She said: \"One.\n\"Two.\"\nEnd.");
        assert_eq!(w.iter().filter(|w| *w == "<").count(), 1);
        assert_eq!(w.iter().filter(|w| *w == ">").count(), 1);
        assert_eq!(w.iter().filter(|w| *w == "¶").count(), 2);
    }
}
