//! The echo rule: a partial quotation whose words appear inside an
//! attributed quotation of the same article gets that quotation's speaker
//! (`has "fondly recalled"` … later `"The leaders fondly recalled …"`).
//!
//! Both sides are reduced to lower-case word stems, and one Aho-Corasick
//! automaton built from the partial quotations runs once over the text of
//! the attributed ones: linear in the article.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::analysis::{Attribution, MentionKind, Rule};
use crate::quotes::QuoteKind;

/// Up to this many distinct needles are searched one by one rather than with
/// an automaton. Measured on a mebibyte of news stems and 30 needles, a
/// SIMD substring search reads about a third of an instruction a byte for
/// each needle, where the automaton's overlapping scan reads some 35 a
/// byte for all of them, besides the 250,000 or so it takes to build: up
/// to a few dozen needles, the searches one by one cost less whatever the
/// length of the article, and stay linear in it.
const FEW_NEEDLES: usize = 32;

/// Give echoed partial quotations the speaker of the quotation they echo.
pub(crate) fn attribute_echoes(text: &str, out: &mut [Attribution<'_>]) {
    // the article's first line, its headline
    let headline_end = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
    let wants = |a: &Attribution<'_>| {
        a.quote.depth == 0
            && (matches!(a.quote.kind, QuoteKind::Partial | QuoteKind::Scare)
                // (or a whole sentence nobody says in the headline, which
                // quotes one: `'It felt like a betrayal': villagers fight …`)
                || a.quote.kind == QuoteKind::Direct
                    && a.rule == Rule::None
                    && a.quote.span.end <= headline_end)
            && (a.rule == Rule::None
                || a.rule == Rule::PartialSubject
                    && (a.cue.is_none()
                        || a.speaker
                            .is_some_and(|s| s.mention.kind() != MentionKind::Name)))
    };
    // stems are bytes: the automaton and the substring search read bytes,
    // and ASCII words are lower-cased byte by byte straight into place;
    // each distinct needle is owned once, by the map, which numbers them
    // (keyed by the article's words: a std map, whose hash is keyed at
    // random, so that a crafted article cannot make its keys collide)
    let mut needle_of: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
    let mut askers: Vec<(usize, usize)> = Vec::new(); // (attribution, needle)
    let mut key = Vec::new();
    for (i, a) in out.iter().enumerate() {
        if !wants(a) {
            continue;
        }
        key.clear();
        stems_into(a.quote.content(), &mut key);
        // one word (`"loser"`) is too common to say whose words these are
        if key.len() < 6 || words(&key) < 2 {
            continue;
        }
        let id = match needle_of.get(key.as_slice()) {
            Some(&id) => id,
            None => {
                let id = needle_of.len();
                needle_of.insert(key.clone(), id);
                id
            }
        };
        askers.push((i, id));
    }
    if askers.is_empty() {
        return;
    }
    let mut needles: Vec<&[u8]> = vec![&[]; needle_of.len()];
    for (k, &id) in &needle_of {
        needles[id] = k;
    }
    let owns = |a: &Attribution<'_>| {
        a.quote.kind == QuoteKind::Direct && a.speaker.is_some() && a.rule != Rule::Echo
    };
    let candidates: Vec<usize> = out
        .iter()
        .enumerate()
        .filter(|(_, a)| owns(a))
        .map(|(i, _)| i)
        .collect();
    let candidates = candidates_by_word(out, candidates, &needles);
    // sized in a first pass: the stems of a quotation are at most its
    // bytes and two spaces, plus the line break after it
    let hay_len = candidates
        .iter()
        .map(|&i| out[i].quote.content().len() + 3)
        .sum();
    let mut hay = Vec::with_capacity(hay_len);
    let mut owners: Vec<(usize, usize)> = Vec::with_capacity(candidates.len()); // (hay start, attribution)
    for &i in &candidates {
        owners.push((hay.len(), i));
        stems_into(out[i].quote.content(), &mut hay);
        hay.push(b'\n');
    }
    if owners.is_empty() {
        return;
    }
    let owner_at = |start: usize| {
        let o = owners.partition_point(|&(s, _)| s <= start);
        owners.get(o.wrapping_sub(1)).map(|&(_, a)| a)
    };
    // The attribution whose stems hold the first (leftmost) occurrence of
    // each needle.
    let first_owner: Vec<Option<usize>> = if needles.len() <= FEW_NEEDLES {
        // A few needles: one SIMD substring search each costs far less than
        // building an automaton, and is still linear in the article.
        needles
            .iter()
            .map(|n| memchr::memmem::find(&hay, n).and_then(owner_at))
            .collect()
    } else {
        let Ok(ac) = AhoCorasick::builder()
            // a small automaton used once: an NFA builds far faster than a DFA
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&needles)
        else {
            return;
        };
        let mut first_owner: Vec<Option<usize>> = vec![None; needles.len()];
        // overlapping matches come in order of their end, so the first match
        // of a needle is its leftmost occurrence
        for m in ac.find_overlapping_iter(&hay) {
            let id = m.pattern().as_usize();
            if first_owner[id].is_none() {
                first_owner[id] = owner_at(m.start());
            }
        }
        first_owner
    };
    for (i, id) in askers {
        let Some(src) = first_owner[id] else { continue };
        if src == i {
            continue;
        }
        // the speaker is `Copy`: no clone of the whole attribution (its
        // cue owns a string)
        let (speaker, confidence) = (out[src].speaker, out[src].confidence);
        let a = &mut out[i];
        a.speaker = speaker;
        a.cue = None;
        a.rule = Rule::Echo;
        a.confidence = 0.65 * confidence.max(0.5);
    }
}

/// The owners (attributions, in order) whose quotations may hold a needle:
/// those whose words, ASCII letters lower-cased, hold the longest ASCII
/// word of some needle; all of them when the test cannot be made (a needle
/// with no ASCII word), or would cost too much (more than [`FEW_NEEDLES`]
/// needles, a search each).
///
/// Most quotations echo nothing: stemming every attributed quotation of an
/// article to find that out cost the echo rule some two thirds of its time,
/// where lower-casing them and searching for a word costs a byte or two a
/// byte. The test passes every owner whose stems hold a needle: a stem of
/// an ASCII word is its lower-cased bytes cut short, so it stands in the
/// word lower-cased byte by byte; the only non-ASCII letter that
/// `to_lowercase` makes ASCII and a stem can keep is the Kelvin sign
/// (`K` to `k`; `İ` leaves a combining dot after its `i`), and an owner
/// that holds one is always kept.
fn candidates_by_word(
    out: &[Attribution<'_>],
    owners: Vec<usize>,
    needles: &[&[u8]],
) -> Vec<usize> {
    if needles.len() > FEW_NEEDLES || owners.is_empty() {
        return owners;
    }
    let mut words: Vec<&[u8]> = Vec::with_capacity(needles.len() + 1);
    for n in needles {
        let longest = n
            .split(|&b| b == b' ')
            .filter(|w| !w.is_empty() && w.is_ascii())
            .max_by_key(|w| w.len());
        match longest {
            Some(w) if !words.contains(&w) => words.push(w),
            Some(_) => {}
            None => return owners,
        }
    }
    words.push("\u{212A}".as_bytes());
    // the owners' quotations lower-cased into one buffer, each after a line
    // break (which no word holds, so no match spans two of them)
    let len = owners
        .iter()
        .map(|&i| out[i].quote.content().len() + 1)
        .sum();
    let mut low: Vec<u8> = Vec::with_capacity(len);
    let mut starts: Vec<usize> = Vec::with_capacity(owners.len());
    for &i in &owners {
        low.push(b'\n');
        starts.push(low.len());
        let at = low.len();
        low.extend_from_slice(out[i].quote.content().as_bytes());
        // in place, a whole slice at a time: the compiler vectorises it
        low[at..].make_ascii_lowercase();
    }
    let mut keep = vec![false; owners.len()];
    for w in words {
        let finder = memchr::memmem::Finder::new(w);
        let mut from = 0;
        // one match per owner at most: after a match the search goes on
        // from the next owner, so each word reads the buffer once
        while let Some(at) = finder.find(&low[from..]) {
            let o = starts.partition_point(|&s| s <= from + at) - 1;
            keep[o] = true;
            match starts.get(o + 1) {
                Some(&next) => from = next,
                None => break,
            }
        }
    }
    let mut kept = owners;
    let mut k = 0;
    kept.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    kept
}

/// ` stem stem stem `: lower-case words with common suffixes removed,
/// space-delimited on both sides so that matches fall on word boundaries.
#[cfg(test)]
fn stems(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    stems_into(s, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| panic!("stems are UTF-8: {e}"))
}

/// How many words a run of stems (see `stems`) holds.
fn words(stems: &[u8]) -> usize {
    stems
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .count()
}

/// Whether byte `b` is an ASCII byte that continues a word: a letter, a
/// digit or `'` (what [`STEM_BYTE`] lower-cases rather than separates).
#[inline]
fn word_byte(b: u8) -> bool {
    // SEPARATOR (0) and NON_ASCII (0x80) are the two values that are not
    // positive as signed bytes
    STEM_BYTE[usize::from(b)] as i8 > 0
}

/// What [`stems_into`] makes of each byte: an ASCII letter, digit or `'`
/// (a byte that continues a word) gives itself lower-cased, any other ASCII
/// byte [`SEPARATOR`], and every byte from 0x80 [`NON_ASCII`].
static STEM_BYTE: [u8; 256] = {
    let mut t = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() || c == b'\'' {
            c.to_ascii_lowercase()
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};
const SEPARATOR: u8 = 0;
const NON_ASCII: u8 = 0x80;

/// Append the stems of `s` (see `stems`) to `out`, as UTF-8, without
/// allocating for ASCII words.
///
/// The common word, all ASCII, is lower-cased straight into place as it is
/// read, then trimmed of its apostrophes and its suffix where it stands:
/// one pass over its bytes, into room made once for the whole of `s`.
fn stems_into(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    // Room for the stems: an ASCII word's stem and space take no more than
    // the word and the byte after it (a separator, or the end, for which
    // the last byte of room is kept), and the first byte is the space
    // before them all. Only a non-ASCII word can outgrow its bytes when
    // lower-cased, and `push_stem_at` makes room again after one.
    let mut o = out.len();
    out.resize(o + bytes.len() + 2, 0);
    out[o] = b' ';
    o += 1;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match STEM_BYTE[usize::from(b)] {
            SEPARATOR => i += 1,
            NON_ASCII => {
                // a word that opens with a non-ASCII letter, or a
                // separator such as a dash or a curly quote
                let (end, _) = word_end(s, i);
                if end > i {
                    o = push_stem_at(trim_apostrophes(&s[i..end]), out, o, bytes.len() - end);
                    i = end;
                } else {
                    i += s[i..].chars().next().map_or(1, char::len_utf8);
                }
            }
            _ => {
                let (start, from) = (i, o);
                let n = lower_word(&bytes[i..], &mut out[o..]);
                i += n;
                if bytes.get(i).is_some_and(|&b| b >= 0x80) {
                    // a non-ASCII letter or `’` may go on with the word
                    let (end, ascii) = word_end(s, i);
                    if !ascii {
                        let w = trim_apostrophes(&s[start..end]);
                        o = push_stem_at(w, out, from, bytes.len() - end);
                        i = end;
                        continue;
                    }
                }
                o = stem_in_place(out, from, from + n);
            }
        }
    }
    out.truncate(o);
}

/// Copy the ASCII word bytes at the start of `src` into `dst`, lower-cased,
/// up to the first byte that is none (or the end of either); returns how
/// many were copied.
#[inline]
fn lower_word(src: &[u8], dst: &mut [u8]) -> usize {
    let mut n = 0;
    for (d, &b) in dst.iter_mut().zip(src) {
        if !word_byte(b) {
            break;
        }
        *d = STEM_BYTE[usize::from(b)];
        n += 1;
    }
    n
}

/// Turn the lower-case ASCII word at `buf[from..end]` into its stem and a
/// space, in place: apostrophes around it dropped, then its suffix.
/// Returns the end of what is kept (`from` when the word was nothing but
/// apostrophes).
#[inline]
fn stem_in_place(buf: &mut [u8], from: usize, mut end: usize) -> usize {
    if buf[from] == b'\'' || buf[end - 1] == b'\'' {
        let word = &buf[from..end];
        let lead = word.iter().take_while(|&&b| b == b'\'').count();
        if lead == word.len() {
            return from;
        }
        let trail = word.iter().rev().take_while(|&&b| b == b'\'').count();
        buf.copy_within(from + lead..end - trail, from);
        end -= lead + trail;
    }
    let stem_end = from + ascii_stem_len(&buf[from..end]);
    buf[stem_end] = b' ';
    stem_end + 1
}

/// The end of the word that goes on at byte `i` (a char boundary), and
/// whether it is still all ASCII: letters, digits, `'` and `’`.
fn word_end(s: &str, mut i: usize) -> (usize, bool) {
    let bytes = s.as_bytes();
    let mut ascii = true;
    while let Some(&b) = bytes.get(i) {
        if word_byte(b) {
            i += 1;
        } else if b >= 0x80 {
            match s[i..].chars().next() {
                Some(c) if c == '’' || crate::tokens::alphanumeric(c) => {
                    ascii = false;
                    i += c.len_utf8();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    (i, ascii)
}

/// A word without the apostrophes around it (`'tis'` → `tis`).
fn trim_apostrophes(w: &str) -> &str {
    let b = w.as_bytes();
    // most words begin and end with a letter or digit
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return w;
    }
    w.trim_matches(|c| c == '\'' || c == '’')
}

/// Write the lower-case stem of word `w` and a space at `o` in `out` (for
/// words with non-ASCII letters: `str::to_lowercase` knows final sigma),
/// with room after them for the stems of the `rest` bytes of the text
/// still to read, and return the end of what was written.
///
/// The room already made is kept: `out` grows only when a stem outgrows
/// it (resizing to the rest at every such word made a long quotation with
/// many non-ASCII words quadratic).
fn push_stem_at(w: &str, out: &mut Vec<u8>, o: usize, rest: usize) -> usize {
    // the stem is no longer than its word lower-cased, which `to_lowercase`
    // may make longer than the word (`İ`): room for that, a space, the
    // rest's stems and the space after them
    let room = |out: &mut Vec<u8>, len: usize| {
        let need = o + len + 1 + rest + 1;
        if out.len() < need {
            out.resize(need, 0);
        }
    };
    let end = if w.chars().all(|c| c.is_ascii() || c == '’') {
        // ASCII but for curly apostrophes (`don’t`), which have no case:
        // lower-cased byte by byte, with no string to allocate
        if w.is_empty() {
            return o;
        }
        room(out, w.len());
        for (d, b) in out[o..o + w.len()].iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        o + ascii_stem_len(&out[o..o + w.len()])
    } else {
        let lower = w.to_lowercase();
        let stem = stem(&lower).as_bytes();
        room(out, stem.len());
        out[o..o + stem.len()].copy_from_slice(stem);
        o + stem.len()
    };
    out[end] = b' ';
    end + 1
}

/// The length of [`stem`] of lower-case ASCII word `w`, read from its
/// last letters: only `-ing` ends in `g`, only `-ed` in `d`, and `-es`
/// is tried before `-s`.
#[inline]
fn ascii_stem_len(w: &[u8]) -> usize {
    let n = w.len();
    match w.last() {
        Some(b'g') if n >= 6 && w[n - 2] == b'n' && w[n - 3] == b'i' => n - 3,
        Some(b'd') if n >= 5 && w[n - 2] == b'e' => n - 2,
        Some(b's') if n >= 5 && w[n - 2] == b'e' => n - 2,
        Some(b's') if n >= 4 => n - 1,
        _ => n,
    }
}

fn stem(w: &str) -> &str {
    for (suffix, min) in [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)] {
        if w.len() >= min {
            if let Some(s) = w.strip_suffix(suffix) {
                return s;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `stems` as first written: split, trim, lower-case, stem.
    fn stems_reference(s: &str) -> String {
        let mut out = String::from(" ");
        for raw in s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            let w = raw.trim_matches(|c| c == '\'' || c == '’');
            if !w.is_empty() {
                out.push_str(stem(&w.to_lowercase()));
                out.push(' ');
            }
        }
        out
    }

    #[test]
    fn stems_agree_with_the_plain_reading() {
        for s in [
            "",
            "The leaders' ‘fondly’ recalled, O’Neil's 1990s—meetings!",
            "ΣΟΦΟΣ ΟΔΥΣΣΕΥΣ said: 'twas Zoë’s CAFÉS…  ’’ '' x",
            "rock 'n' roll — it's “done” -- 3.5% of US$",
            "'' ' 'Tis' RUNNING'' ''things ’90s café's naïve' Zoë’s's x'é",
            "ends with 'quote'",
            "ends with é",
            "é",
            "'",
        ] {
            assert_eq!(stems(s), stems_reference(s), "{s}");
        }
    }

    #[test]
    fn stems_agree_with_the_plain_reading_on_mixed_pieces() {
        // every string of up to eight of these pieces, drawn by a fixed
        // linear congruential generator
        const PIECES: [&str; 16] = [
            "a", "B", "'", "’", "é", "İ", " ", "-", "ing", "ed", "es", "s", "—", "X9", "“", "\n",
        ];
        let mut seed: u32 = 1;
        for _ in 0..5000 {
            let mut s = String::new();
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            for _ in 0..(seed >> 16) % 9 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                s.push_str(PIECES[(seed >> 16) as usize % PIECES.len()]);
            }
            assert_eq!(stems(&s), stems_reference(&s), "{s:?}");
        }
    }

    #[test]
    fn ascii_stems_agree_with_stem() {
        for w in [
            "", "s", "es", "ss", "goes", "does", "ses", "bed", "beds", "red", "ed", "ing", "sing",
            "bring", "using", "RUNNING", "Voted", "CLASSES", "class", "thing", "things", "king",
            "nothing", "string", "agreed", "Dog", "dogs",
        ] {
            let lower = w.to_ascii_lowercase();
            assert_eq!(ascii_stem_len(lower.as_bytes()), stem(&lower).len(), "{w}");
        }
    }

    #[test]
    fn the_word_test_keeps_every_quotation_a_needle_may_stand_in() {
        // the Kelvin sign is the one non-ASCII letter whose stem is ASCII
        // (`K` lower-cases to `k`): no ASCII word holds `kingdom`, yet the
        // stems do; and a needle of non-ASCII words only is not tested
        for (said, partial) in [
            ("The KINGDOMS fall today.", "kingdoms fall"),
            ("The \u{212A}INGDOMS fall today.", "kingdoms fall"),
            ("Les élèves réussissent.", "élèves réussissent"),
        ] {
            let text = format!(
                "Ann Lee said: \"{said}\"\nBy evening the phrase \"{partial}\" was everywhere."
            );
            let a = crate::analyze(&text);
            let [_, echo] = a.attributions() else {
                panic!("{} quotations in {text}", a.attributions().len())
            };
            assert_eq!(echo.rule(), crate::Rule::Echo, "{text}");
            assert_eq!(echo.speaker().map(|s| s.name()), Some("Ann Lee"), "{text}");
        }
    }

    #[test]
    fn stems_match_across_inflections() {
        assert_eq!(stems("fondly recalls"), stems("Fondly recalled"));
        assert!(
            stems("The leaders fondly recalled their meeting").contains(&stems("fondly recalls"))
        );
    }
}
