//! Invariants shared by the fuzz targets: every span the crate hands out
//! slices the text, the structures are ordered and nested as documented,
//! and analysis is deterministic. Any violation panics, which libFuzzer
//! reports as a crash.
#![allow(dead_code)]

use whosaid::{
    Analysis, Analyzer, CharOffsets, Closure, Diagnostic, Document, QuoteKind, Rule, Span,
};

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// The invariants of a parse.
pub fn check_document(text: &str, doc: &Document<'_>, max_depth: usize) {
    assert_eq!(doc.text(), text);
    let paragraphs = doc.paragraphs();
    for (i, p) in paragraphs.iter().enumerate() {
        check_span(text, p.span, "paragraph");
        assert!(!p.span.is_empty(), "empty paragraph");
        assert!(
            !text[p.span].contains(is_line_break),
            "paragraph {i} contains a line break"
        );
        if i > 0 {
            assert!(
                paragraphs[i - 1].span.end <= p.span.start,
                "paragraphs out of order"
            );
        }
    }
    let sentences = doc.sentences();
    for (i, s) in sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(!s.span.is_empty(), "empty sentence");
        let p = paragraphs
            .get(s.paragraph)
            .expect("sentence paragraph index");
        assert!(
            p.span.contains(s.span),
            "sentence {i} outside its paragraph"
        );
        if i > 0 {
            assert!(
                sentences[i - 1].span.end <= s.span.start,
                "sentences out of order"
            );
        }
    }
    let quotes = doc.quotes();
    let mut open: Vec<Span> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let (span, content) = (q.span(), q.content_span());
        check_span(text, span, "quote span");
        check_span(text, content, "quote content");
        assert!(span.contains(content), "quote {i}: content outside span");
        assert!(!content.is_empty(), "quote {i}: empty content");
        if i > 0 {
            assert!(
                quotes[i - 1].span().start < span.start,
                "quotes not ordered by start"
            );
        }
        while open.last().is_some_and(|o| o.end <= span.start) {
            open.pop();
        }
        if let Some(outer) = open.last() {
            assert!(
                outer.contains(span),
                "quote {i} {span:?} partly overlaps {outer:?}"
            );
        }
        assert_eq!(usize::from(q.depth()), open.len(), "quote {i} depth");
        assert!(
            usize::from(q.depth()) < max_depth,
            "quote deeper than max_depth"
        );
        assert_eq!(q.kind() == QuoteKind::Nested, q.depth() > 0, "nested kind");
        if q.closure() == Closure::Closed {
            assert!(
                content.end < span.end,
                "closed quote without a closing mark"
            );
        }
        open.push(span);
    }
    assert!(doc.diagnostics().len() <= 1000);
    if doc.diagnostics_dropped() > 0 {
        assert_eq!(doc.diagnostics().len(), 1000);
    }
    for d in doc.diagnostics() {
        match *d {
            Diagnostic::Unclosed { mark }
            | Diagnostic::StrayClosing { mark }
            | Diagnostic::TooDeep { mark } => check_span(text, mark, "diagnostic"),
            Diagnostic::Empty { span } => check_span(text, span, "diagnostic"),
            _ => {}
        }
    }
}

/// The invariants of an analysis, and of its document.
pub fn check_analysis(text: &str, a: &Analysis<'_>, max_depth: usize) {
    let doc = a.document();
    check_document(text, doc, max_depth);
    let quotes = doc.quotes();
    assert_eq!(
        a.attributions().len(),
        quotes.len(),
        "one attribution per quotation"
    );
    for (i, (at, q)) in a.attributions().iter().zip(quotes).enumerate() {
        assert_eq!(at.quote().span(), q.span());
        let content = at.quote().content_span();
        assert!(
            (0.0..=1.0).contains(&at.confidence()),
            "confidence {}",
            at.confidence()
        );
        assert_eq!(
            at.speaker().is_none(),
            at.rule() == Rule::None,
            "speaker vs rule"
        );
        if let Some(s) = at.speaker() {
            let m = s.mention().span();
            check_span(text, m, "speaker mention");
            assert!(
                m.end <= content.start || content.end <= m.start,
                "attribution {i}: speaker mention {m:?} inside quoted words {content:?}"
            );
            if let Some(id) = s.entity() {
                assert!(a.entity(id).is_some(), "unknown entity");
            }
        }
        if let Some(c) = at.cue() {
            check_span(text, c.span(), "cue");
        }
        if let Some(m) = at.addressee() {
            check_span(text, m.span(), "addressee");
        }
    }
    for (i, e) in a.entities().iter().enumerate() {
        assert_eq!(e.id().0, i);
        for (k, m) in e.mentions().iter().enumerate() {
            check_span(text, m.span(), "entity mention");
            if k > 0 {
                assert!(
                    e.mentions()[k - 1].span().start <= m.span().start,
                    "mentions out of order"
                );
            }
        }
    }
    // char offsets, in one pass over the text
    let map = CharOffsets::new(text);
    let mut n = 0;
    for (b, _) in text.char_indices() {
        assert_eq!(map.char_offset(b), n, "char offset of byte {b}");
        n += 1;
    }
    assert_eq!(map.char_offset(text.len()), n);
}

/// Parse, analyse twice, check everything and that both runs agree.
pub fn check_text(text: &str) {
    let analyzer = Analyzer::english();
    let depth = whosaid::AnalyzerBuilder::DEFAULT_MAX_DEPTH;
    let doc = analyzer.parse(text);
    check_document(text, &doc, depth);
    let a = analyzer.analyze(text);
    check_analysis(text, &a, depth);
    assert_eq!(
        a.document().quotes(),
        doc.quotes(),
        "analysis holds the parse"
    );
    let b = analyzer.analyze(text);
    assert_eq!(a.attributions(), b.attributions(), "not deterministic");
    assert_eq!(a.entities(), b.entities(), "not deterministic");
    assert_eq!(
        a.to_record("x", false),
        b.to_record("x", false),
        "not deterministic"
    );
}

/// The longest valid UTF-8 prefix of `data`.
pub fn utf8_prefix(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    }
}
