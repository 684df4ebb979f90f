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
/// an automaton.
const FEW_NEEDLES: usize = 8;

/// Give echoed partial quotations the speaker of the quotation they echo.
pub(crate) fn attribute_echoes(_text: &str, out: &mut [Attribution<'_>]) {
    let wants = |a: &Attribution<'_>| {
        a.quote.depth == 0
            && matches!(a.quote.kind, QuoteKind::Partial | QuoteKind::Scare)
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
    let owns = |a: &Attribution<'_>| {
        a.quote.kind == QuoteKind::Direct && a.speaker.is_some() && a.rule != Rule::Echo
    };
    // sized in a first pass: the stems of a quotation are at most its
    // bytes and two spaces, plus the line break after it
    let (owner_count, hay_len) = out.iter().filter(|a| owns(a)).fold((0, 0), |(n, len), a| {
        (n + 1, len + a.quote.content().len() + 3)
    });
    let mut hay = Vec::with_capacity(hay_len);
    let mut owners: Vec<(usize, usize)> = Vec::with_capacity(owner_count); // (hay start, attribution)
    for (i, a) in out.iter().enumerate() {
        if owns(a) {
            owners.push((hay.len(), i));
            stems_into(a.quote.content(), &mut hay);
            hay.push(b'\n');
        }
    }
    if owners.is_empty() {
        return;
    }
    let owner_at = |start: usize| {
        let o = owners.partition_point(|&(s, _)| s <= start);
        owners.get(o.wrapping_sub(1)).map(|&(_, a)| a)
    };
    let mut needles: Vec<&[u8]> = vec![&[]; needle_of.len()];
    for (k, &id) in &needle_of {
        needles[id] = k;
    }
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

/// The ASCII bytes that continue a word: letters, digits and `'`.
static WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
        b += 1;
    }
    t
};

/// Whether byte `b` is an ASCII byte that continues a word.
#[inline]
fn word_byte(b: u8) -> bool {
    WORD_BYTE.get(usize::from(b)).copied().unwrap_or(false)
}

/// Append the stems of `s` (see `stems`) to `out`, as UTF-8, without
/// allocating for ASCII words.
fn stems_into(s: &str, out: &mut Vec<u8>) {
    out.reserve(s.len() + 2);
    out.push(b' ');
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // the next run of letters, digits and apostrophes: ASCII bytes
        // first, the common case, then by chars if a non-ASCII one follows
        let start = i;
        while i < bytes.len() && word_byte(bytes[i]) {
            i += 1;
        }
        let mut ascii = true;
        if i < bytes.len() && bytes[i] >= 0x80 {
            (i, ascii) = word_end(s, i);
        }
        if start < i {
            if ascii {
                push_ascii_stem(&bytes[start..i], out);
            } else {
                push_stem(trim_apostrophes(&s[start..i]), out);
            }
        }
        // past the separator
        if let Some(&b) = bytes.get(i) {
            i += if b < 0x80 {
                1
            } else {
                s[i..].chars().next().map_or(1, char::len_utf8)
            };
        }
    }
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
                Some(c) if c.is_alphanumeric() || c == '’' => {
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

/// Append the lower-case stem of ASCII word `w` (apostrophes around it
/// dropped) and a space: the same as [`push_stem`], with the suffix found
/// before lower-casing so that only the stem is copied.
#[inline]
fn push_ascii_stem(w: &[u8], out: &mut Vec<u8>) {
    let (mut from, mut to) = (0, w.len());
    while from < to && w[from] == b'\'' {
        from += 1;
    }
    while to > from && w[to - 1] == b'\'' {
        to -= 1;
    }
    let w = &w[from..to];
    if w.is_empty() {
        return;
    }
    let kept = ascii_stem_len(w);
    out.extend(w[..kept].iter().map(u8::to_ascii_lowercase));
    out.push(b' ');
}

/// Append the lower-case stem of word `w` and a space (for words with
/// non-ASCII letters: `str::to_lowercase` knows final sigma).
fn push_stem(w: &str, out: &mut Vec<u8>) {
    if w.is_empty() {
        return;
    }
    let lower = w.to_lowercase();
    out.extend_from_slice(stem(&lower).as_bytes());
    out.push(b' ');
}

/// The length of [`stem`] of ASCII word `w` lower-cased, read from its
/// last letters: only `-ing` ends in `g`, only `-ed` in `d`, and `-es`
/// is tried before `-s`.
#[inline]
fn ascii_stem_len(w: &[u8]) -> usize {
    let n = w.len();
    let back = |k: usize| w[n - k].to_ascii_lowercase();
    match w.last().map(u8::to_ascii_lowercase) {
        Some(b'g') if n >= 6 && back(2) == b'n' && back(3) == b'i' => n - 3,
        Some(b'd') if n >= 5 && back(2) == b'e' => n - 2,
        Some(b's') if n >= 5 && back(2) == b'e' => n - 2,
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
        ] {
            assert_eq!(stems(s), stems_reference(s), "{s}");
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
            assert_eq!(ascii_stem_len(w.as_bytes()), stem(&lower).len(), "{w}");
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
