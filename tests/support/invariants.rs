//! The invariants every parse and analysis keeps, whatever the text: every
//! span the crate hands out slices the text, the structures are ordered and
//! nested as documented, the JSON record agrees with the spans, and
//! analysis is deterministic. Any violation panics.
//!
//! One copy, shared by `tests/properties.rs`, `tests/adversarial.rs` (both
//! with `#[path = "support/invariants.rs"] mod invariants;`) and the fuzz
//! targets (through `fuzz/fuzz_targets/common.rs`).
//!
//! Cost: `check_document` and `check_analysis` are linear in the text and
//! in what the analysis found (tests/adversarial.rs runs them on inputs of
//! up to 50 MiB under time bounds): orderings are checked between
//! neighbours, nesting with a stack, char offsets by one sorted scan, a
//! quotation's paragraphs by two binary searches, and a string is looked
//! for in the text at most once. `check_char_offsets`
//! converts every char boundary and costs up to one
//! [`CharOffsets::BLOCK`] per char: it is for small texts, and `check_all`
//! calls it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed expectation is a failed check

use std::collections::HashSet;

use whosaid::{
    Analysis, Analyzer, AnalyzerBuilder, CharOffsets, Closure, Diagnostic, Document, QuoteKind,
    Rule, Span,
};

/// How many of the document's paragraphs `span` runs over: paragraphs
/// are ordered and disjoint, so two binary searches count them.
pub fn paragraphs_over(doc: &Document<'_>, span: Span) -> usize {
    let paragraphs = doc.paragraphs();
    let first = paragraphs.partition_point(|p| p.span.end <= span.start);
    let past = paragraphs.partition_point(|p| p.span.start < span.end);
    past.saturating_sub(first)
}

/// Characters that end a paragraph (see `segment.rs`).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// `span` lies inside `text` and on its char boundaries, so `&text[span]`
/// cannot panic.
fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} is not on char boundaries"
    );
}

fn disjoint(a: Span, b: Span) -> bool {
    a.end <= b.start || b.end <= a.start
}

/// `part` occurs in `text`. Names the crate hands out are slices of the
/// text itself, which is an address comparison; anything else is searched
/// for once and remembered in `found`, so that a million quotations of one
/// speaker cost one search, not a million.
fn occurs_in<'t>(text: &str, part: &'t str, found: &mut HashSet<&'t str>) -> bool {
    let offset = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if offset <= text.len() && part.len() <= text.len() - offset {
        return true;
    }
    if found.contains(part) {
        return true;
    }
    let here = text.contains(part);
    if here {
        found.insert(part);
    }
    here
}

/// The number of chars before each of a set of byte offsets, counted in one
/// pass over the text: an oracle for `CharOffsets` that costs
/// O(n + k log k) for k offsets, where `text[..b].chars().count()` for each
/// would cost O(n·k).
struct CharCounts {
    /// The offsets asked for, sorted, without repeats.
    offsets: Vec<usize>,
    /// `chars[i]` is the number of chars before byte `offsets[i]`.
    chars: Vec<usize>,
}

impl CharCounts {
    /// Count for `offsets`, which must be char boundaries of `text`.
    fn new(text: &str, mut offsets: Vec<usize>) -> CharCounts {
        offsets.sort_unstable();
        offsets.dedup();
        let mut chars = Vec::with_capacity(offsets.len());
        let boundaries = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()));
        for (n, b) in boundaries.enumerate() {
            while let Some(&o) = offsets.get(chars.len()) {
                if o > b {
                    break;
                }
                assert_eq!(o, b, "byte {o} is not a char boundary");
                chars.push(n);
            }
        }
        assert_eq!(chars.len(), offsets.len(), "offsets past the end");
        CharCounts { offsets, chars }
    }

    /// The number of chars before byte `offset` (one of those counted).
    fn at(&self, offset: usize) -> usize {
        let i = self
            .offsets
            .binary_search(&offset)
            .expect("an offset that was counted");
        self.chars[i]
    }
}

/// The invariants of a parse.
pub fn check_document(text: &str, doc: &Document<'_>, max_depth: usize) {
    assert_eq!(doc.text(), text);

    // paragraphs: non-empty lines, in order (so disjoint), without line
    // breaks
    let paragraphs = doc.paragraphs();
    for (i, p) in paragraphs.iter().enumerate() {
        check_span(text, p.span, "paragraph");
        assert!(!p.span.is_empty(), "empty paragraph {i} {:?}", p.span);
        let s = &text[p.span];
        assert!(
            !s.contains(is_line_break),
            "paragraph {i} {s:?} contains a line break"
        );
        if i > 0 {
            assert!(
                paragraphs[i - 1].span.end <= p.span.start,
                "paragraphs {} and {i} overlap or are out of order",
                i - 1
            );
        }
    }

    // sentences: non-empty, in order (so disjoint), each inside the
    // paragraph it names, paragraph indices non-decreasing
    let sentences = doc.sentences();
    for (i, s) in sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(!s.span.is_empty(), "empty sentence {i}");
        let p = paragraphs.get(s.paragraph).unwrap_or_else(|| {
            panic!(
                "sentence {i} names paragraph {} of {}",
                s.paragraph,
                paragraphs.len()
            )
        });
        assert!(
            p.span.contains(s.span),
            "sentence {i} {:?} is not inside its paragraph {:?}",
            s.span,
            p.span
        );
        if i > 0 {
            let prev = sentences[i - 1];
            assert!(
                prev.span.end <= s.span.start,
                "sentences {} and {i} overlap or are out of order",
                i - 1
            );
            assert!(
                prev.paragraph <= s.paragraph,
                "sentence paragraphs out of order"
            );
        }
    }

    // quotations: ordered by start, nested or disjoint (checked against a
    // stack of the enclosing spans, not pairwise), depth equal to the
    // nesting and below max_depth, content non-empty, trimmed and inside
    // the span, a closed quotation with a closing mark
    let quotes = doc.quotes();
    let mut open: Vec<Span> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let (span, content) = (q.span(), q.content_span());
        check_span(text, span, "quote span");
        check_span(text, content, "quote content span");
        assert!(
            span.contains(content),
            "quote {i}: content {content:?} outside span {span:?}"
        );
        assert!(!content.is_empty(), "quote {i} has empty content");
        assert_eq!(q.as_str(), &text[span]);
        assert_eq!(q.content(), &text[content]);
        let c = q.content();
        assert!(
            !c.starts_with(char::is_whitespace) && !c.ends_with(char::is_whitespace),
            "quote {i} content {c:?} is not trimmed"
        );
        if i > 0 {
            assert!(
                quotes[i - 1].span().start < span.start,
                "quotes {} and {i} are not ordered by start",
                i - 1
            );
        }
        while open.last().is_some_and(|o| o.end <= span.start) {
            open.pop();
        }
        if let Some(&outer) = open.last() {
            assert!(
                outer.contains(span),
                "quote {i} {span:?} partly overlaps {outer:?}"
            );
        }
        assert_eq!(usize::from(q.depth()), open.len(), "quote {i} depth");
        assert!(
            usize::from(q.depth()) < max_depth,
            "quote {i} deeper than max_depth {max_depth}"
        );
        assert_eq!(
            q.kind() == QuoteKind::Nested,
            q.depth() > 0,
            "quote {i}: kind {:?} at depth {}",
            q.kind(),
            q.depth()
        );
        assert!(q.paragraphs() >= 1, "quote {i} spans no paragraph");
        assert_eq!(
            q.paragraphs() as usize,
            paragraphs_over(doc, span),
            "quote {i} {:?}: paragraphs()",
            q.as_str()
        );
        if q.closure() == Closure::Closed {
            assert!(
                content.end < span.end,
                "closed quote {i} has no closing mark"
            );
        }
        open.push(span);
    }

    // diagnostics: capped at 1,000 (and full before any is dropped), spans
    // usable, marks non-empty
    let diags = doc.diagnostics();
    assert!(diags.len() <= 1000, "{} diagnostics kept", diags.len());
    if doc.diagnostics_dropped() > 0 {
        assert_eq!(diags.len(), 1000, "diagnostics dropped before the cap");
    }
    for d in diags {
        match *d {
            Diagnostic::Unclosed { mark }
            | Diagnostic::StrayClosing { mark }
            | Diagnostic::TooDeep { mark } => {
                check_span(text, mark, "diagnostic mark");
                assert!(!mark.is_empty(), "empty diagnostic mark");
            }
            Diagnostic::Empty { span } => check_span(text, span, "diagnostic span"),
            _ => {}
        }
    }
}

/// The invariants of an analysis, including those of its document.
pub fn check_analysis(text: &str, a: &Analysis<'_>, max_depth: usize) {
    let doc = a.document();
    check_document(text, doc, max_depth);

    // one attribution per quotation, in the same order
    let quotes = doc.quotes();
    let attributions = a.attributions();
    assert_eq!(
        attributions.len(),
        quotes.len(),
        "one attribution per quotation"
    );
    let mut names_found = HashSet::new();
    for (i, (at, q)) in attributions.iter().zip(quotes).enumerate() {
        let aq = at.quote();
        assert_eq!(
            (aq.span(), aq.content_span(), aq.depth()),
            (q.span(), q.content_span(), q.depth()),
            "attribution {i} is not quotation {i}"
        );
        let content = aq.content_span();
        let conf = at.confidence();
        assert!(
            (0.0..=1.0).contains(&conf),
            "attribution {i}: confidence {conf}"
        );
        // a speaker exactly when a rule found one (a title is a finding
        // that nobody speaks)
        assert_eq!(
            at.speaker().is_none(),
            matches!(at.rule(), Rule::None | Rule::Title),
            "attribution {i}: speaker {:?} with rule {:?}",
            at.speaker(),
            at.rule()
        );
        // the speaker's mention is text outside the quoted words, its name
        // is in the text, its entity exists
        if let Some(s) = at.speaker() {
            let m = s.mention();
            check_span(text, m.span(), "speaker mention");
            assert_eq!(m.as_str(), &text[m.span()]);
            assert!(
                !m.span().is_empty(),
                "attribution {i}: empty speaker mention"
            );
            assert!(
                disjoint(m.span(), content),
                "attribution {i}: speaker mention {:?} {:?} inside the quoted words {content:?} {:?}",
                m.span(),
                m.as_str(),
                aq.content()
            );
            assert!(
                !s.name().is_empty() && occurs_in(text, s.name(), &mut names_found),
                "speaker name {:?}",
                s.name()
            );
            if let Some(id) = s.entity() {
                assert!(
                    a.entity(id).is_some(),
                    "attribution {i}: unknown entity {id:?}"
                );
            }
        }
        if let Some(c) = at.cue() {
            check_span(text, c.span(), "cue");
            assert_eq!(c.as_str(), &text[c.span()]);
            assert!(!c.lemma().is_empty(), "attribution {i}: cue without lemma");
        }
        if let Some(m) = at.addressee() {
            check_span(text, m.span(), "addressee");
            assert_eq!(m.as_str(), &text[m.span()]);
        }
    }

    // entities: numbered by position, named, mentions usable and in text
    // order
    for (i, e) in a.entities().iter().enumerate() {
        assert_eq!(e.id().0, i, "entity id");
        assert!(!e.name().is_empty(), "entity {i} has no name");
        for (k, m) in e.mentions().iter().enumerate() {
            check_span(text, m.span(), "entity mention");
            assert_eq!(m.as_str(), &text[m.span()]);
            if k > 0 {
                assert!(
                    e.mentions()[k - 1].span().start <= m.span().start,
                    "entity {i}: mentions out of text order"
                );
            }
        }
    }

    check_record(text, a);
}

/// The JSON record agrees with the spans, in char offsets counted both by
/// `CharOffsets` and independently.
fn check_record(text: &str, a: &Analysis<'_>) {
    let attributions = a.attributions();
    let map = CharOffsets::new(text);
    let record = a.to_record("x", true);
    assert_eq!(record.text.as_deref(), Some(text));
    // a nested quotation is in the record only when it has a speaker of its
    // own; a title nobody says is an ignore span, not a quotation
    let kept: Vec<_> = attributions
        .iter()
        .filter(|at| at.quote().depth() == 0 || at.speaker().is_some())
        .filter(|at| !at.is_unspoken_title())
        .collect();
    assert_eq!(record.quotes.len(), kept.len(), "record quotes");
    let unspoken: Vec<_> = attributions
        .iter()
        .filter(|at| at.quote().depth() == 0 && at.is_unspoken_title())
        .collect();
    assert_eq!(record.ignore_spans.len(), unspoken.len(), "ignore spans");
    for (r, at) in record.ignore_spans.iter().zip(&unspoken) {
        assert_eq!(
            map.char_span(at.quote().content_span()),
            Span::new(r.start, r.end)
        );
        assert_eq!(r.text.as_deref(), Some(at.quote().content()));
    }

    let counts = CharCounts::new(
        text,
        kept.iter()
            .flat_map(|at| {
                let c = at.quote().content_span();
                [c.start, c.end]
            })
            .chain([text.len()])
            .collect(),
    );
    for (r, at) in record.quotes.iter().zip(&kept) {
        let c = at.quote().content_span();
        assert_eq!(
            (r.start, r.end),
            (counts.at(c.start), counts.at(c.end)),
            "record quote {:?}: char offsets",
            r.text
        );
        assert_eq!((r.byte_start, r.byte_end), (Some(c.start), Some(c.end)));
        assert_eq!(map.char_span(c), Span::new(r.start, r.end));
        assert_eq!(r.text, at.quote().content());
    }
    let chars = counts.at(text.len());
    assert_eq!(map.char_offset(text.len()), chars, "char length");
    assert_eq!(
        map.char_offset(text.len() + 10),
        chars,
        "past the end maps to the char length"
    );
}

/// `CharOffsets` agrees with counting chars at every char boundary, and
/// maps offsets past the end to the char length. Up to one
/// [`CharOffsets::BLOCK`] of work per char: for small texts.
pub fn check_char_offsets(text: &str) {
    let map = CharOffsets::new(text);
    // `n` is the number of chars before byte `b`
    let mut n = 0;
    for (b, _) in text.char_indices() {
        assert_eq!(map.char_offset(b), n, "char offset of byte {b}");
        n += 1;
    }
    assert_eq!(map.char_offset(text.len()), n);
    assert_eq!(
        map.char_offset(text.len() + 10),
        n,
        "past the end maps to the char length"
    );
}

/// Parse and analyse `text` with `analyzer`, check everything (char offsets
/// at every boundary included), and check that the analysis holds the same
/// parse and that a second run gives the same answer.
pub fn check_all(text: &str, analyzer: &Analyzer, max_depth: usize) {
    let doc = analyzer.parse(text);
    check_document(text, &doc, max_depth);
    let a = analyzer.analyze(text);
    check_analysis(text, &a, max_depth);
    check_char_offsets(text);
    // the analysis holds the same parse
    let d = a.document();
    assert_eq!(d.paragraphs(), doc.paragraphs());
    assert_eq!(d.sentences(), doc.sentences());
    assert_eq!(d.quotes(), doc.quotes(), "analysis holds the parse");
    assert_eq!(d.diagnostics(), doc.diagnostics());
    assert_eq!(d.diagnostics_dropped(), doc.diagnostics_dropped());
    // deterministic
    let b = analyzer.analyze(text);
    assert_eq!(
        a.to_record("x", false),
        b.to_record("x", false),
        "not deterministic"
    );
    assert_eq!(a.attributions(), b.attributions(), "not deterministic");
    assert_eq!(a.entities(), b.entities(), "not deterministic");
}

/// `check_all` with the English defaults.
pub fn check_default(text: &str) {
    check_all(
        text,
        Analyzer::english(),
        AnalyzerBuilder::DEFAULT_MAX_DEPTH,
    );
}
