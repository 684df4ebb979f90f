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
use rustc_hash::FxHashMap;

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
    let mut needles: Vec<String> = Vec::new();
    let mut needle_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut askers: Vec<(usize, usize)> = Vec::new(); // (attribution, needle)
    let mut key = String::new();
    for (i, a) in out.iter().enumerate() {
        if !wants(a) {
            continue;
        }
        key.clear();
        stems_into(a.quote.content(), &mut key);
        // one word (`"loser"`) is too common to say whose words these are
        if key.len() < 6 || key.split_whitespace().count() < 2 {
            continue;
        }
        let id = match needle_of.get(key.as_str()) {
            Some(&id) => id,
            None => {
                needle_of.insert(key.clone(), needles.len());
                needles.push(key.clone());
                needles.len() - 1
            }
        };
        askers.push((i, id));
    }
    if askers.is_empty() {
        return;
    }
    let mut hay = String::new();
    let mut owners: Vec<(usize, usize)> = Vec::new(); // (hay start, attribution)
    for (i, a) in out.iter().enumerate() {
        if a.quote.kind == QuoteKind::Direct && a.speaker.is_some() && a.rule != Rule::Echo {
            owners.push((hay.len(), i));
            stems_into(a.quote.content(), &mut hay);
            hay.push('\n');
        }
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
            .map(|n| memchr::memmem::find(hay.as_bytes(), n.as_bytes()).and_then(owner_at))
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
        let from = out[src].clone();
        let a = &mut out[i];
        a.speaker = from.speaker;
        a.cue = None;
        a.rule = Rule::Echo;
        a.confidence = 0.65 * from.confidence.max(0.5);
    }
}

/// ` stem stem stem `: lower-case words with common suffixes removed,
/// space-delimited on both sides so that matches fall on word boundaries.
#[cfg(test)]
fn stems(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    stems_into(s, &mut out);
    out
}

/// Append the stems of `s` (see `stems`) to `out`, without allocating for
/// ASCII words.
fn stems_into(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    out.push(' ');
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // the next run of letters, digits and apostrophes
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || b == b'\'' {
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
        let w = trim_apostrophes(&s[start..i]);
        if !w.is_empty() {
            push_stem(w, ascii, out);
        }
        // past the separator
        if i < bytes.len() {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
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

/// Append the lower-case stem of word `w` (`ascii` when it is all ASCII)
/// and a space.
fn push_stem(w: &str, ascii: bool, out: &mut String) {
    let start = out.len();
    if ascii {
        out.push_str(w);
        out.as_mut_str()[start..].make_ascii_lowercase();
    } else {
        // `str::to_lowercase` knows final sigma; keep it for the rest
        out.push_str(&w.to_lowercase());
    }
    let kept = stem(&out[start..]).len();
    out.truncate(start + kept);
    out.push(' ');
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
    fn stems_match_across_inflections() {
        assert_eq!(stems("fondly recalls"), stems("Fondly recalled"));
        assert!(
            stems("The leaders fondly recalled their meeting").contains(&stems("fondly recalls"))
        );
    }
}
