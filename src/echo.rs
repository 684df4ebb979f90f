//! The echo rule: a partial quotation whose words appear inside an
//! attributed quotation of the same article gets that quotation's speaker
//! (`has "fondly recalled"` … later `"The leaders fondly recalled …"`).
//!
//! Both sides are reduced to lower-case word stems, and one Aho-Corasick
//! automaton built from the partial quotations runs once over the text of
//! the attributed ones: linear in the article.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::analysis::{Attribution, MentionKind, Rule};
use crate::quotes::QuoteKind;

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
    let mut needle_of: HashMap<String, usize> = HashMap::new();
    let mut askers: Vec<(usize, usize)> = Vec::new(); // (attribution, needle)
    for (i, a) in out.iter().enumerate() {
        if !wants(a) {
            continue;
        }
        let key = stems(a.quote.content());
        // one word (`"loser"`) is too common to say whose words these are
        if key.len() < 6 || key.split_whitespace().count() < 2 {
            continue;
        }
        let id = *needle_of.entry(key.clone()).or_insert_with(|| {
            needles.push(key);
            needles.len() - 1
        });
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
            hay.push_str(&stems(a.quote.content()));
            hay.push('\n');
        }
    }
    if owners.is_empty() {
        return;
    }
    let Ok(ac) = AhoCorasick::builder()
        // a small automaton used once: an NFA builds far faster than a DFA
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .match_kind(MatchKind::Standard)
        .build(&needles)
    else {
        return;
    };
    let mut first_owner: Vec<Option<usize>> = vec![None; needles.len()];
    for m in ac.find_overlapping_iter(&hay) {
        let id = m.pattern().as_usize();
        if first_owner[id].is_none() {
            let o = owners.partition_point(|&(start, _)| start <= m.start());
            first_owner[id] = owners.get(o.wrapping_sub(1)).map(|&(_, a)| a);
        }
    }
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
fn stems(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for raw in s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let w = raw.trim_matches(|c| c == '\'' || c == '’');
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        out.push_str(stem(&lower));
        out.push(' ');
    }
    out
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

    #[test]
    fn stems_match_across_inflections() {
        assert_eq!(stems("fondly recalls"), stems("Fondly recalled"));
        assert!(
            stems("The leaders fondly recalled their meeting").contains(&stems("fondly recalls"))
        );
    }
}
