//! Finding quotation marks fast and reading their neighbours.
//!
//! The scanner finds the lead bytes (`"`, `'`, `` ` ``, line breaks,
//! sentence terminators and the first byte of the multi-byte glyphs, as a
//! 256-entry table says) with a SIMD searcher, decodes the glyph under a
//! hit, and says from the characters on either side whether the mark can
//! open or close a quotation. Pairing is the job of [`crate::quotes`].

use std::sync::OnceLock;

use crate::lexicon::HIGH_BITS;

/// Which family of marks a glyph belongs to; a closing mark only closes an
/// opening mark of the same family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// `"` `“` `”` `„` `‟` `«` `»` ``` `` ``` `''` `＂`
    Double,
    /// `'` `‘` `’` `‚` `‛` `‹` `›` `` ` ``
    Single,
    /// `「` `」`
    Corner,
    /// `『` `』`
    WhiteCorner,
}

/// Which way a glyph points on its own, before its neighbours are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// Opens in the common usage (`“`, `‘`, `«`, `„`, `「`).
    Open,
    /// Closes in the common usage (`”`, `’`, `»`, `」`).
    Close,
    /// Either way: straight marks.
    Either,
}

/// The visual style of a quotation, from its opening mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkStyle {
    /// `"…"`
    StraightDouble,
    /// `'…'`
    StraightSingle,
    /// `“…”`
    CurlyDouble,
    /// `‘…’`
    CurlySingle,
    /// `„…“` and `‟…”`
    LowDouble,
    /// `‚…‘` and `‛…’`
    LowSingle,
    /// `«…»` or `»…«`
    Guillemet,
    /// `‹…›` or `›…‹`
    SingleGuillemet,
    /// `「…」`
    Corner,
    /// `『…』`
    WhiteCorner,
    /// ``` ``…'' ``` (TeX and PTB style), or `` `…' ``
    Backtick,
    /// `＂…＂`
    Fullwidth,
}

/// A quotation-mark glyph found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Glyph {
    pub family: Family,
    pub lean: Lean,
    pub style: MarkStyle,
    /// Length of the glyph in bytes.
    pub len: u8,
}

const fn glyph(family: Family, lean: Lean, style: MarkStyle, len: u8) -> Glyph {
    Glyph {
        family,
        lean,
        style,
        len,
    }
}

/// What a lead byte can start.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead {
    None,
    /// `\n`, `\r`
    Newline,
    /// `.`, `?`, `!`
    Terminator,
    /// `"`, `'`, `` ` ``
    Ascii,
    /// First byte of a multi-byte glyph worth decoding.
    Multi,
}

/// Lead-byte classes, one table lookup per byte.
pub(crate) static LEAD: [Lead; 256] = {
    let mut t = [Lead::None; 256];
    t[b'\n' as usize] = Lead::Newline;
    t[b'\r' as usize] = Lead::Newline;
    t[b'.' as usize] = Lead::Terminator;
    t[b'?' as usize] = Lead::Terminator;
    t[b'!' as usize] = Lead::Terminator;
    t[b'"' as usize] = Lead::Ascii;
    t[b'\'' as usize] = Lead::Ascii;
    t[b'`' as usize] = Lead::Ascii;
    t[0xC2] = Lead::Multi; // « » NEL
    t[0xE2] = Lead::Multi; // “ ” ‘ ’ „ ‚ ‟ ‛ ‹ › … U+2028 U+2029
    t[0xE3] = Lead::Multi; // 「 」 『 』
    t[0xEF] = Lead::Multi; // ＂ ＇
    t
};

/// How many of the eight bytes from `i` lead nothing (are [`Lead::None`]
/// in [`LEAD`]), counted up to the first that may lead something; `None`
/// when fewer than eight bytes are left. All the bytes the table gives a
/// lead, and a few more (`\x0B`, `\x0C`, other bytes from 0x80), stop
/// the count.
#[inline]
pub(crate) fn quiet_prefix(bytes: &[u8], i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    let x = u64::from_le_bytes(chunk);
    // clear the high bits so that no byte carries into the next
    let v = x & !HIGH_BITS;
    // the high bit of each byte of `v` outside `lo..=hi`, and of each
    // byte unequal to `b` (no byte of `v` exceeds 0x7F, so no sum carries
    // into the next byte); the quiet bytes are the ASCII bytes that pass
    // every test, and one negation at the end finds the others: fewer
    // operations than or-ing one range test per lead
    let outside =
        |lo: u8, hi: u8| !(v + ONES * (0x80 - u64::from(lo))) | (v + ONES * (0x7F - u64::from(hi)));
    let unequal = |b: u8| (v ^ (ONES * u64::from(b))) + ONES * 0x7F;
    let quiet = !x
        & outside(b'\n', b'\r')
        & outside(b'!', b'"')
        & unequal(b'\'')
        & unequal(b'.')
        & unequal(b'?')
        & unequal(b'`');
    let stop = !quiet & HIGH_BITS;
    Some((stop.trailing_zeros() / 8) as usize)
}

/// `char::is_whitespace` of an ASCII byte: tab to carriage return, and
/// space (`u8::is_ascii_whitespace` leaves out the vertical tab).
#[inline]
pub(crate) fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The first byte at or after `from` (at most `bytes.len()`) that [`LEAD`]
/// gives a lead, or `bytes.len()` when none is left. `searcher` is what
/// [`lead_searcher`] returns, looked up once by the caller rather than at
/// each of the thousands of calls an article makes.
///
/// The leads of news text are some 30 bytes apart. Where the machine has
/// the vector instructions for it (SSSE3 or AVX2 on x86-64, NEON on
/// AArch64), a Teddy searcher of `aho-corasick` finds the next one 16 or
/// 32 bytes at a time; elsewhere [`quiet_prefix`] reads eight at a time.
#[inline]
pub(crate) fn next_lead(
    searcher: Option<&aho_corasick::packed::Searcher>,
    bytes: &[u8],
    from: usize,
) -> usize {
    match searcher {
        Some(searcher) => searcher
            .find_in(bytes, aho_corasick::Span::from(from..bytes.len()))
            .map_or(bytes.len(), |m| m.start()),
        None => next_lead_by_words(bytes, from),
    }
}

/// The Teddy searcher for the lead bytes, built on first use; `None` where
/// the machine has no vector instructions it can use.
pub(crate) fn lead_searcher() -> Option<&'static aho_corasick::packed::Searcher> {
    static SEARCHER: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            let mut builder = aho_corasick::packed::Config::new().builder();
            for b in 0..=255u8 {
                if LEAD[usize::from(b)] != Lead::None {
                    builder.add([b]);
                }
            }
            builder.build()
        })
        .as_ref()
}

/// [`next_lead`] without vector instructions: eight bytes at a time, then
/// byte by byte where [`quiet_prefix`] stops at a byte that leads nothing.
fn next_lead_by_words(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(n) = quiet_prefix(bytes, i) {
        i += n;
        if n < 8 {
            if LEAD[usize::from(bytes[i])] != Lead::None {
                return i;
            }
            i += 1;
        }
    }
    let rest = bytes.get(i..).unwrap_or(&[]);
    i + rest
        .iter()
        .position(|&b| LEAD[usize::from(b)] != Lead::None)
        .unwrap_or(rest.len())
}

/// What sits at a multi-byte lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Multi {
    Mark(Glyph),
    /// U+2028, U+2029, U+0085: a paragraph break.
    Break(u8),
    /// U+2026 `…`
    Ellipsis,
}

/// Decode the multi-byte token starting at `bytes[i]`, if it is one we use.
#[inline]
pub(crate) fn decode_multi(bytes: &[u8], i: usize) -> Option<Multi> {
    use Family::*;
    use Lean::*;
    let b1 = *bytes.get(i + 1)?;
    match bytes[i] {
        0xC2 => match b1 {
            0xAB => Some(Multi::Mark(glyph(Double, Open, MarkStyle::Guillemet, 2))),
            0xBB => Some(Multi::Mark(glyph(Double, Close, MarkStyle::Guillemet, 2))),
            0x85 => Some(Multi::Break(2)),
            _ => None,
        },
        0xE2 => {
            let b2 = *bytes.get(i + 2)?;
            match (b1, b2) {
                (0x80, 0x9C) => Some(Multi::Mark(glyph(Double, Open, MarkStyle::CurlyDouble, 3))),
                (0x80, 0x9D) => Some(Multi::Mark(glyph(Double, Close, MarkStyle::CurlyDouble, 3))),
                (0x80, 0x9E) => Some(Multi::Mark(glyph(Double, Open, MarkStyle::LowDouble, 3))),
                (0x80, 0x9F) => Some(Multi::Mark(glyph(Double, Open, MarkStyle::LowDouble, 3))),
                (0x80, 0x98) => Some(Multi::Mark(glyph(Single, Open, MarkStyle::CurlySingle, 3))),
                (0x80, 0x99) => Some(Multi::Mark(glyph(Single, Close, MarkStyle::CurlySingle, 3))),
                (0x80, 0x9A) => Some(Multi::Mark(glyph(Single, Open, MarkStyle::LowSingle, 3))),
                (0x80, 0x9B) => Some(Multi::Mark(glyph(Single, Open, MarkStyle::LowSingle, 3))),
                (0x80, 0xB9) => Some(Multi::Mark(glyph(
                    Single,
                    Open,
                    MarkStyle::SingleGuillemet,
                    3,
                ))),
                (0x80, 0xBA) => Some(Multi::Mark(glyph(
                    Single,
                    Close,
                    MarkStyle::SingleGuillemet,
                    3,
                ))),
                (0x80, 0xA8) | (0x80, 0xA9) => Some(Multi::Break(3)),
                (0x80, 0xA6) => Some(Multi::Ellipsis),
                _ => None,
            }
        }
        0xE3 => {
            let b2 = *bytes.get(i + 2)?;
            match (b1, b2) {
                (0x80, 0x8C) => Some(Multi::Mark(glyph(Corner, Open, MarkStyle::Corner, 3))),
                (0x80, 0x8D) => Some(Multi::Mark(glyph(Corner, Close, MarkStyle::Corner, 3))),
                (0x80, 0x8E) => Some(Multi::Mark(glyph(
                    WhiteCorner,
                    Open,
                    MarkStyle::WhiteCorner,
                    3,
                ))),
                (0x80, 0x8F) => Some(Multi::Mark(glyph(
                    WhiteCorner,
                    Close,
                    MarkStyle::WhiteCorner,
                    3,
                ))),
                _ => None,
            }
        }
        0xEF => {
            let b2 = *bytes.get(i + 2)?;
            match (b1, b2) {
                (0xBC, 0x82) => Some(Multi::Mark(glyph(Double, Either, MarkStyle::Fullwidth, 3))),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Decode the ASCII mark at `bytes[i]` (`"`, `'`, `` ` ``), joining the
/// doubled TeX forms ``` `` ``` and `''`.
#[inline]
pub(crate) fn decode_ascii(bytes: &[u8], i: usize) -> Glyph {
    use Family::*;
    use Lean::*;
    let next = bytes.get(i + 1).copied();
    match bytes[i] {
        b'"' => glyph(Double, Either, MarkStyle::StraightDouble, 1),
        b'`' if next == Some(b'`') => glyph(Double, Open, MarkStyle::Backtick, 2),
        b'`' => glyph(Single, Open, MarkStyle::Backtick, 1),
        _ if next == Some(b'\'') => glyph(Double, Close, MarkStyle::Backtick, 2),
        _ => glyph(Single, Either, MarkStyle::StraightSingle, 1),
    }
}

/// What kind of character stands next to a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Start or end of the text, a line break, or white space.
    Space,
    /// A letter.
    Letter,
    /// A digit.
    Digit,
    /// Opening brackets and dashes: `(`, `[`, `{`, `—`, `–`, `-`, `/`.
    Opener,
    /// Any other punctuation, including other quote marks.
    Punct,
}

/// Classify a char as a neighbour of a quote mark.
#[inline]
pub(crate) fn side(c: Option<char>) -> Side {
    let Some(c) = c else {
        return Side::Space;
    };
    // ASCII and the common typographic marks first: the Unicode property
    // tables are slow, and a wall of curly quotes would hit them per mark
    match c {
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | '\u{2E3A}' => return Side::Opener,
        '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '‚' | '…' | '「' | '」' | '『'
        | '』' => return Side::Punct,
        _ => {}
    }
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            Side::Space
        } else if c.is_ascii_alphabetic() {
            Side::Letter
        } else if c.is_ascii_digit() {
            Side::Digit
        } else {
            Side::Punct
        };
    }
    if c.is_whitespace() || is_invisible(c) {
        Side::Space
    } else if c.is_alphabetic() {
        Side::Letter
    } else if c.is_numeric() {
        Side::Digit
    } else {
        Side::Punct
    }
}

/// Zero-width and directional formatting characters that behave like
/// nothing at all next to a mark.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// The char before byte `i`, skipping zero-width characters.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().rev().find(|&c| !is_invisible(c))
}

/// The char at byte `i`, skipping zero-width characters.
#[inline]
pub(crate) fn char_from(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().find(|&c| !is_invisible(c))
}

/// Whether a mark may open and may close, read from its neighbours the way
/// CommonMark reads emphasis delimiters: an opener is followed by text and
/// preceded by space or an opening bracket; a closer is preceded by text and
/// followed by space or punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Flanks {
    pub before: Side,
    pub after: Side,
}

/// [`side`] of each ASCII byte, one look-up for the usual neighbour of a
/// mark (the entries from 0x80 are never read).
static ASCII_SIDE: [Side; 128] = {
    let mut t = [Side::Punct; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            Side::Space
        } else if c.is_ascii_alphabetic() {
            Side::Letter
        } else if c.is_ascii_digit() {
            Side::Digit
        } else if matches!(c, b'(' | b'[' | b'{' | b'-' | b'/') {
            Side::Opener
        } else {
            Side::Punct
        };
        b += 1;
    }
    t
};

impl Flanks {
    #[inline]
    pub fn read(text: &str, start: usize, end: usize) -> Flanks {
        // an ASCII neighbour (the usual case) is the char itself: no
        // decoding, and no invisible character to skip
        let bytes = text.as_bytes();
        let before = match bytes.get(start.wrapping_sub(1)) {
            Some(&b) if b.is_ascii() && text.is_char_boundary(start) => ASCII_SIDE[usize::from(b)],
            _ => side(char_before(text, start)),
        };
        let after = match bytes.get(end) {
            Some(&b) if b.is_ascii() => ASCII_SIDE[usize::from(b)],
            _ => side(char_from(text, end)),
        };
        Flanks { before, after }
    }

    /// Text follows and space (or an opening bracket/punctuation) precedes.
    #[inline]
    pub fn can_open(self) -> bool {
        self.after != Side::Space && matches!(self.before, Side::Space | Side::Opener | Side::Punct)
    }

    /// Text precedes and space or punctuation follows.
    #[inline]
    pub fn can_close(self) -> bool {
        self.before != Side::Space
            && self.before != Side::Opener
            && matches!(self.after, Side::Space | Side::Punct | Side::Opener)
    }

    /// Word characters on both sides (`don't`, `5'11`).
    #[inline]
    pub fn inside_word(self) -> bool {
        matches!(self.before, Side::Letter | Side::Digit)
            && matches!(self.after, Side::Letter | Side::Digit)
    }
}

/// Whether a single mark that could open is instead the apostrophe of an
/// elision: `'90s`, `'08`, `'em`, `rock 'n' roll`, `'tis`, `'cause`.
pub(crate) fn is_elision(text: &str, after_mark: usize) -> bool {
    let rest = &text.as_bytes()[after_mark.min(text.len())..];
    let word_len = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    if word.is_empty() {
        return false;
    }
    if word[0].is_ascii_digit() {
        // '90s, '08, '60s-era
        return word.len() <= 3 && word[..2.min(word.len())].iter().all(u8::is_ascii_digit);
    }
    const ELISIONS: &[&[u8]] = &[
        b"em", b"n", b"tis", b"twas", b"til", b"till", b"cause", b"cos", b"bout", b"round",
        b"nuff", b"im", b"er", b"ow", b"ere", b"ave",
    ];
    let lower: [u8; 6] = {
        let mut buf = [0u8; 6];
        for (d, s) in buf.iter_mut().zip(word.iter()) {
            *d = s.to_ascii_lowercase();
        }
        buf
    };
    word.len() <= 6 && ELISIONS.iter().any(|e| *e == &lower[..word.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_prefix_stops_at_every_lead() {
        // each byte value at each of the eight places, among quiet bytes
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefghij";
                bytes[at] = b;
                let n = quiet_prefix(&bytes, 0).unwrap_or(99);
                if LEAD[b as usize] == Lead::None && b < 0x80 && !matches!(b, 0x0B | 0x0C) {
                    assert_eq!(n, 8, "byte {b:#x} at {at}");
                } else {
                    assert_eq!(n, at, "byte {b:#x} at {at}");
                }
            }
        }
        assert_eq!(quiet_prefix(b"abcdefg", 0), None);
        assert_eq!(quiet_prefix(b"abcdefghi", 1), Some(8));
    }

    #[test]
    fn next_lead_finds_every_lead_both_ways() {
        // every byte value at several places of strings of several lengths,
        // among quiet bytes and a few that stop `quiet_prefix` but lead
        // nothing (`\x0B`, a continuation byte)
        let plain = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| LEAD[usize::from(bytes[i])] != Lead::None)
                .unwrap_or(bytes.len())
        };
        for len in [0usize, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 70] {
            for b in 0..=255u8 {
                for at in [0, len / 3, len / 2, len.saturating_sub(1)] {
                    let mut bytes: Vec<u8> = (0..len)
                        .map(|k| match k % 11 {
                            3 => 0x0B,
                            7 => 0xA9,
                            _ => b'a' + (k % 26) as u8,
                        })
                        .collect();
                    if at < len {
                        bytes[at] = b;
                    }
                    for from in [0, 1, at, len] {
                        let from = from.min(len);
                        let want = plain(&bytes, from);
                        let searcher = lead_searcher();
                        assert_eq!(
                            next_lead(searcher, &bytes, from),
                            want,
                            "{b:#x} at {at} of {len}"
                        );
                        assert_eq!(next_lead_by_words(&bytes, from), want);
                    }
                }
            }
        }
    }

    #[test]
    fn decodes_every_glyph() {
        let marks = "“”‘’„‚‟‛‹›«»「」『』＂";
        let bytes = marks.as_bytes();
        let mut i = 0;
        let mut n = 0;
        while i < bytes.len() {
            match decode_multi(bytes, i) {
                Some(Multi::Mark(g)) => {
                    i += g.len as usize;
                    n += 1;
                }
                other => panic!("byte {i}: {other:?}"),
            }
        }
        assert_eq!(n, marks.chars().count());
    }

    #[test]
    fn tex_marks_are_double() {
        assert_eq!(decode_ascii(b"``x", 0).family, Family::Double);
        assert_eq!(decode_ascii(b"''", 0).len, 2);
        assert_eq!(decode_ascii(b"'x", 0).family, Family::Single);
    }

    #[test]
    fn ascii_side_is_side() {
        for b in 0..128u8 {
            assert_eq!(
                ASCII_SIDE[usize::from(b)],
                side(Some(char::from(b))),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn flanks_tell_openers_from_closers() {
        let t = "say \"hi\" now";
        assert!(Flanks::read(t, 4, 5).can_open());
        assert!(!Flanks::read(t, 4, 5).can_close());
        assert!(Flanks::read(t, 7, 8).can_close());
        assert!(Flanks::read("don't", 3, 4).inside_word());
    }

    #[test]
    fn elisions() {
        assert!(is_elision("'90s", 1));
        assert!(is_elision("'em all", 1));
        assert!(is_elision("'n' roll", 1));
        assert!(!is_elision("'nothing'", 1));
        assert!(!is_elision("'Trump", 1));
    }
}
