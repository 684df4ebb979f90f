//! Adversarial inputs: huge runs of marks, absurd nesting, endless blank
//! lines, control characters, name-like runs, and a linearity check. Each
//! test asserts what the analysis does with the input as well as how long
//! it takes.
//!
//! Sizes: a plain `cargo test` builds without optimisation, about ten times
//! slower than release, so in debug builds the inputs are scaled down (the
//! full size is in each test's `scaled(full, debug)` call) to keep the file
//! under a minute on two cores. `cargo test --release --test adversarial`
//! runs every input at full size, the size `benches/throughput.rs` is meant
//! to use. The time bounds are generous: they catch a quadratic blow-up,
//! not a slow machine.
//!
//! Bugs these tests found are pinned as regression tests at the end of the
//! file.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed expectation is a failed test

use std::hint::black_box;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use whosaid::{
    Analysis, Analyzer, AnalyzerBuilder, Closure, Diagnostic, Document, QuoteKind, Rule,
};

const MIB: usize = 1 << 20;

/// `full` in release builds, `debug` in debug builds.
fn scaled(full: usize, debug: usize) -> usize {
    if cfg!(debug_assertions) {
        debug
    } else {
        full
    }
}

/// Held by every test for its whole run: the tests run one at a time, so
/// that the timings (the linearity check above all) do not measure each
/// other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Run `f`, failing if it takes `secs` seconds or more. A quadratic
/// blow-up on a large input could run for hours, so a watchdog ends the
/// whole test process (exit code 101, with a message) if `f` is still
/// running at twice the bound plus ten seconds.
fn within<T>(secs: u64, what: &str, f: impl FnOnce() -> T) -> T {
    let (done, watch) = mpsc::channel::<()>();
    let hard = Duration::from_secs(2 * secs + 10);
    let name = what.to_string();
    let watchdog = thread::spawn(move || {
        if let Err(RecvTimeoutError::Timeout) = watch.recv_timeout(hard) {
            eprintln!(
                "{name} still running after {hard:?} (bound {secs} s): aborting the test run"
            );
            std::process::exit(101);
        }
    });
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    drop(done);
    let _ = watchdog.join();
    assert!(
        took < Duration::from_secs(secs),
        "{what} took {took:?} (bound {secs} s)"
    );
    out
}

/// `unit` repeated until the text is at least `bytes` long.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// Analyse `text` with the English defaults within `secs` seconds and check
/// every span invariant.
fn analyze_checked<'h>(text: &'h str, secs: u64, what: &str) -> Analysis<'h> {
    let a = within(secs, what, || whosaid::analyze(text));
    check_analysis(text, &a, AnalyzerBuilder::DEFAULT_MAX_DEPTH);
    a
}

// ---------------------------------------------------------------------------
// invariants: shared with tests/properties.rs and the fuzz targets; those
// used here are linear in the text
// ---------------------------------------------------------------------------

// `check_all` and `check_char_offsets` do per-char work for small texts and
// are not used on these inputs
#[allow(dead_code)]
#[path = "support/invariants.rs"]
mod invariants;

use invariants::check_analysis;

/// Kept plus dropped diagnostics.
fn diagnostics_total(doc: &Document<'_>) -> usize {
    doc.diagnostics().len() + doc.diagnostics_dropped()
}

// ---------------------------------------------------------------------------
// runs of marks
// ---------------------------------------------------------------------------

#[test]
fn ten_mib_of_straight_double_quotes() {
    let _serial = one_at_a_time();
    // full: 10 MiB; debug: 1 MiB
    let n = scaled(10 * MIB, MIB);
    let text = "\"".repeat(n);
    let a = analyze_checked(&text, 30, "a run of \"");
    let doc = a.document();
    assert!(
        doc.quotes().is_empty(),
        "marks with nothing between are no quotation"
    );
    assert_eq!(doc.paragraphs().len(), 1);
    // each adjacent pair opens and closes an empty quotation: n/2 `Empty`
    // diagnostics, 1,000 kept and the rest counted
    assert_eq!(doc.diagnostics().len(), 1000);
    assert_eq!(diagnostics_total(doc), n / 2);
    assert!(doc
        .diagnostics()
        .iter()
        .all(|d| matches!(d, Diagnostic::Empty { .. })));
}

#[test]
fn ten_mib_of_straight_single_quotes() {
    let _serial = one_at_a_time();
    // full: 10 MiB; debug: 1 MiB
    let n = scaled(10 * MIB, MIB);
    let text = "'".repeat(n);
    let a = analyze_checked(&text, 30, "a run of '");
    let doc = a.document();
    assert!(doc.quotes().is_empty());
    // `''` reads as a TeX closing double mark: n/2 glyphs, each either part
    // of an empty pair or stray
    assert_eq!(doc.diagnostics().len(), 1000);
    let total = diagnostics_total(doc);
    assert!(
        (n / 4..=n / 2).contains(&total),
        "{total} diagnostics for {n} marks"
    );
}

#[test]
fn alternating_open_marks_a_million_deep() {
    let _serial = one_at_a_time();
    // full size in both builds: 1M marks, 3 MB
    let marks = 1_000_000;
    let text = "“‘".repeat(marks / 2);
    let a = analyze_checked(&text, 30, "“‘ × 500k");
    let doc = a.document();
    let depth = AnalyzerBuilder::DEFAULT_MAX_DEPTH;
    // the first `max_depth` marks open; every later one is too deep
    assert_eq!(doc.quotes().len(), depth);
    for (i, q) in doc.quotes().iter().enumerate() {
        assert_eq!(usize::from(q.depth()), i);
    }
    assert_eq!(doc.quotes()[0].closure(), Closure::Unclosed);
    assert_eq!(doc.diagnostics().len(), 1000);
    assert!(
        diagnostics_total(doc) >= marks - 2 * depth,
        "{} diagnostics",
        diagnostics_total(doc)
    );

    // the deepest setting
    let deep = Analyzer::builder()
        .max_depth(64)
        .build()
        .expect("max_depth 64");
    let a = within(30, "“‘ × 500k at depth 64", || deep.analyze(&text));
    check_analysis(&text, &a, 64);
    assert_eq!(a.document().quotes().len(), 64);
}

#[test]
fn every_quote_glyph_in_a_row() {
    let _serial = one_at_a_time();
    const GLYPHS: &str = "\"'“”‘’«»‹›„‚‟‛「」『』``''`＂";
    let text = GLYPHS.to_string();
    analyze_checked(&text, 5, "every glyph");
    // full: 100k repetitions (4.6 MB); debug: 20k
    let text = repeat_to(
        &format!("{GLYPHS} "),
        scaled(100_000, 20_000) * (GLYPHS.len() + 1),
    );
    analyze_checked(&text, 30, "every glyph, repeated");

    // and every style still works in an ordinary sentence
    let pairs = [
        ("\"", "\""),
        ("'", "'"),
        ("“", "”"),
        ("‘", "’"),
        ("«", "»"),
        ("« ", " »"),
        ("»", "«"),
        ("‹", "›"),
        ("›", "‹"),
        ("„", "“"),
        ("„", "”"),
        ("‚", "‘"),
        ("‟", "”"),
        ("‛", "’"),
        ("「", "」"),
        ("『", "』"),
        ("``", "''"),
        ("`", "'"),
        ("＂", "＂"),
    ];
    for (o, c) in pairs {
        let text = format!("Ann Lee said: {o}We will win.{c}");
        let a = analyze_checked(&text, 5, "one sentence");
        let [at] = a.attributions() else {
            panic!("{o}…{c}: {} quotations", a.attributions().len())
        };
        assert_eq!(at.quote().content(), "We will win.", "{o}…{c}");
        assert_eq!(at.speaker().map(|s| s.name()), Some("Ann Lee"), "{o}…{c}");
        assert_eq!(at.rule(), Rule::SpeakerCueBefore, "{o}…{c}");
    }
}

#[test]
fn a_hundred_thousand_unclosed_quotes() {
    let _serial = one_at_a_time();
    // (a) one per paragraph, each closed at its paragraph end and flagged.
    // full: 100k lines; debug: 20k
    let n = scaled(100_000, 20_000);
    let text = "Ann said: \"words here\n".repeat(n);
    let a = analyze_checked(&text, 60, "unclosed quotes, one per line");
    let doc = a.document();
    assert_eq!(doc.quotes().len(), n);
    assert!(doc
        .quotes()
        .iter()
        .all(|q| q.closure() == Closure::Unclosed && q.content() == "words here"));
    assert_eq!(doc.diagnostics().len(), 1000);
    assert_eq!(
        diagnostics_total(doc),
        n,
        "one Unclosed diagnostic per quotation"
    );

    // (b) all in one paragraph: only max_depth of them open
    let n = scaled(100_000, 50_000);
    let text = "“a ".repeat(n);
    let a = analyze_checked(&text, 30, "unclosed quotes in one paragraph");
    assert_eq!(
        a.document().quotes().len(),
        AnalyzerBuilder::DEFAULT_MAX_DEPTH
    );
    assert!(diagnostics_total(a.document()) >= n - AnalyzerBuilder::DEFAULT_MAX_DEPTH);

    // (c) each paragraph opening with a mark continues the quotation (the
    // news convention for long quotations): one quotation over n paragraphs
    let n = scaled(100_000, 50_000);
    let text = "\"words here\n".repeat(n);
    let a = analyze_checked(&text, 30, "a continued quotation");
    let [q] = a.document().quotes() else {
        panic!("{} quotations", a.document().quotes().len())
    };
    assert_eq!(q.paragraphs() as usize, n);
    assert_eq!(q.closure(), Closure::Unclosed);
}

#[test]
fn a_million_apostrophes() {
    let _serial = one_at_a_time();
    // 5 apostrophes a unit; full: 1M apostrophes (5.6 MB); debug: 250k
    const UNIT: &str = "don't students' '90s it's O'Brien ";
    let n = scaled(1_000_000, 250_000);
    let text = UNIT.repeat(n / 5);
    let a = analyze_checked(&text, 30, "apostrophes");
    assert!(
        a.document().quotes().is_empty(),
        "an apostrophe is never a quotation"
    );
    assert!(a.document().diagnostics().is_empty());

    // and apostrophes inside words do not end a quotation
    // (`’90s` has its own test: elision_apostrophe_does_not_close_a_single_quotation)
    let words = "don't it's O'Brien can’t ".repeat(1000);
    let words = words.trim_end();
    for (o, c) in [("‘", "’"), ("'", "'"), ("“", "”")] {
        let text = format!("Ann Lee said: {o}{words}{c}");
        let a = analyze_checked(&text, 10, "apostrophes in a quotation");
        let [at] = a.attributions() else {
            panic!("{o}…{c}: {} quotations", a.attributions().len())
        };
        assert!(
            at.quote().content() == words,
            "{o}…{c}: the quotation was cut short"
        );
        assert_eq!(at.speaker().map(|s| s.name()), Some("Ann Lee"));
    }
}

// ---------------------------------------------------------------------------
// size and shape of the text
// ---------------------------------------------------------------------------

#[test]
fn a_fifty_mib_paragraph() {
    let _serial = one_at_a_time();
    // full: 50 MiB; debug: 2 MiB
    const UNIT: &str = "Health Secretary Amira Okafor said: “We will not back down.” “It is done,” she added. \
                        The plan, officials said, was “working”. Mr. J. K. Hill of the U.S. agreed. ";
    let text = repeat_to(UNIT, scaled(50 * MIB, 2 * MIB));
    let units = text.len() / UNIT.len();
    let a = analyze_checked(&text, 60, "one huge paragraph");
    let doc = a.document();
    assert_eq!(doc.paragraphs().len(), 1);
    assert_eq!(doc.quotes().len(), 3 * units);
    assert!(
        doc.sentences().len() >= 3 * units,
        "{} sentences",
        doc.sentences().len()
    );
    for at in a.attributions() {
        assert!(
            at.speaker().is_some(),
            "{:?} has no speaker",
            at.quote().content()
        );
    }
}

#[test]
fn a_million_empty_paragraphs() {
    let _serial = one_at_a_time();
    let blanks = "\n".repeat(1_000_000);
    let a = analyze_checked(&blanks, 10, "a million line breaks");
    assert!(a.document().paragraphs().is_empty() && a.document().sentences().is_empty());

    // every kind of break and blank line, then one real paragraph
    let text = repeat_to("\n\r\n\r\u{2028}\u{2029}\u{85} \t\n\u{200B}\n", 4 * MIB)
        + "Ann Lee said: \"We will win.\"";
    let a = analyze_checked(&text, 30, "blank lines of every kind");
    let doc = a.document();
    assert_eq!(doc.paragraphs().len(), 1);
    let [at] = a.attributions() else {
        panic!("{} quotations", a.attributions().len())
    };
    assert_eq!(at.quote().content(), "We will win.");
    assert_eq!(at.speaker().map(|s| s.name()), Some("Ann Lee"));
}

#[test]
fn two_hundred_thousand_one_line_paragraphs() {
    let _serial = one_at_a_time();
    // full: 200k lines; debug: 20k
    let n = scaled(200_000, 20_000);
    let text = "Ann Lee said: \"We will win.\"\n".repeat(n);
    let a = analyze_checked(&text, 60, "one-line paragraphs");
    assert_eq!(a.document().paragraphs().len(), n);
    assert_eq!(a.attributions().len(), n);
    assert!(a
        .attributions()
        .iter()
        .all(|at| at.speaker().map(|s| s.name()) == Some("Ann Lee")));

    // the same count of paragraphs with no speaker at all
    let text = "It was a line of text.\n".repeat(n);
    let a = analyze_checked(&text, 30, "plain one-line paragraphs");
    assert_eq!(a.document().paragraphs().len(), n);
    assert_eq!(a.document().sentences().len(), n);
}

#[test]
fn nul_and_control_characters() {
    let _serial = one_at_a_time();
    let controls: String = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    analyze_checked(&controls, 5, "control characters");
    let mixed = repeat_to(
        &format!("{controls}\"a{controls}'b\"“c{controls}”"),
        256 * 1024,
    );
    analyze_checked(&mixed, 30, "control characters among marks");

    // control characters that are not line breaks stay inside a quotation
    let inner: String = controls
        .chars()
        .filter(|c| !matches!(c, '\n' | '\r' | '\u{85}'))
        .collect();
    let text = format!("Ann Lee said: \"a{inner}b.\"");
    let a = analyze_checked(&text, 5, "control characters in a quotation");
    let [at] = a.attributions() else {
        panic!("{} quotations", a.attributions().len())
    };
    assert_eq!(at.quote().content(), format!("a{inner}b."));
    assert_eq!(at.speaker().map(|s| s.name()), Some("Ann Lee"));

    let text = "\0Ann Lee said: \"a\0b\0c.\"\0";
    let a = analyze_checked(text, 5, "NUL");
    assert_eq!(a.attributions().len(), 1);
    assert_eq!(a.attributions()[0].quote().content(), "a\0b\0c.");
}

#[test]
fn a_capitalised_run_of_a_hundred_thousand_words_before_said() {
    let _serial = one_at_a_time();
    // full size in both builds: 100k words, 700 kB
    let run = repeat_to("Alpha Bravo Charlie Delta ", 100_000 * 6);
    let text = format!("{run}said: \"We will win.\"");
    let a = analyze_checked(&text, 30, "a capitalised run");
    let [at] = a.attributions() else {
        panic!("{} quotations", a.attributions().len())
    };
    assert_eq!(at.quote().content(), "We will win.");
    assert_eq!(at.quote().kind(), QuoteKind::Direct);
    // the speaker phrase is bounded, whatever it is
    if let Some(s) = at.speaker() {
        assert!(
            s.mention().as_str().len() < 1000,
            "speaker phrase of {} bytes",
            s.mention().as_str().len()
        );
        assert!(s.mention().span().end <= at.quote().span().start);
    }

    // and the same run after the quotation
    let text = format!("\"We will win,\" {run}said.");
    let a = analyze_checked(&text, 30, "a capitalised run after");
    assert_eq!(a.attributions().len(), 1);
    assert_eq!(a.attributions()[0].quote().content(), "We will win,");
}

// ---------------------------------------------------------------------------
// linearity
// ---------------------------------------------------------------------------

/// Best of three timings of `analyze`.
fn best_of_3(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(whosaid::analyze(black_box(text)).attributions().len());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Time `analyze` on `n` and `4n` bytes of `unit` repeated, best of three
/// each, and return the ratio. The large input stops early once a run is
/// clearly linear (below `limit`) or clearly not (above twice `limit`).
fn growth(unit: &str, n: usize, limit: f64) -> f64 {
    let small = best_of_3(&repeat_to(unit, n)).max(Duration::from_micros(200));
    let large_text = repeat_to(unit, 4 * n);
    let mut large = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        black_box(
            whosaid::analyze(black_box(&large_text))
                .attributions()
                .len(),
        );
        large = large.min(start.elapsed());
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        if ratio < limit || ratio > 2.0 * limit {
            break;
        }
    }
    large.as_secs_f64() / small.as_secs_f64()
}

/// The most time 4× the input may take, as a multiple (see
/// [`assert_linear`]).
const LIMIT: f64 = 12.0;

/// Fail unless 4× the input takes less than 12× the time (a quadratic
/// step takes 16×); a failing pattern is measured once more from scratch,
/// so that one burst of load on a shared machine does not fail the test.
///
/// Why not 8×: analysis holds about 20 bytes per byte of input, and in a
/// test's thread glibc's allocator serves the 4 MiB run's buffers again
/// from memory it already holds while the 16 MiB run's larger ones are
/// mapped fresh each time. The same code measured 3.8× in a program's
/// main thread and 10.1× in a spawned thread (`Alpha Bravo …`, 4 → 16
/// MiB), the difference being the small run's page faults.
fn assert_linear(name: &str, unit: &str, n: usize) {
    let mut ratio = growth(unit, n, LIMIT);
    if ratio >= LIMIT {
        ratio = ratio.min(growth(unit, n, LIMIT));
    }
    assert!(
        ratio < LIMIT,
        "{name}: 4× the input took {ratio:.1}× the time"
    );
}

#[test]
fn analysis_time_grows_linearly() {
    let _serial = one_at_a_time();
    // full: 4 MiB against 16 MiB, both past the step where the working
    // set leaves the cache (2 → 4 MiB alone costs up to 4×); debug: 64 KiB
    // against 256 KiB
    let n = scaled(4 * MIB, 64 * 1024);
    let patterns: &[(&str, &str)] = &[
        ("straight double", "\""),
        ("straight single", "'"),
        ("alternating opens", "“‘"),
        ("every glyph", "\"'“”‘’«»‹›„‚‟‛「」『』``''`＂ "),
        ("unclosed per paragraph", "x “words here\n"),
        ("continued quotation", "\"words here\n"),
        ("nesting", "“a ‘b “c ‘d e’ f” g’ h” "),
        (
            "apostrophes",
            "don't students' '90s it's rock 'n' roll O'Brien ",
        ),
        ("capitalised run", "Alpha Bravo Charlie Delta "),
        ("blank lines", "\n\r\n\u{2028} \n"),
        (
            "invisible characters",
            "\"\u{200B}\u{FEFF}a\u{200D}\" \u{200B}",
        ),
        ("abbreviations", "Mr. U.S. J. K. e.g. No. "),
        ("terminators", "?!.…. "),
        ("unresolved pronouns", "\"We will win,\" he said.\n"),
        ("control characters", "\0\x01\x07\x1b\x7f \""),
    ];
    for (name, unit) in patterns {
        assert_linear(name, unit, n);
    }
}

/// Regression: `Resolver::spoke` (src/resolve.rs) used to look for the
/// speaker's mention among all the entity's mentions, so one person quoted
/// n times cost O(n²) (200k one-line quotations took 18 s in release).
#[test]
fn one_speaker_quoted_many_times_is_linear() {
    let _serial = one_at_a_time();
    // full: 4 MiB against 16 MiB, past the cache step (see
    // `analysis_time_grows_linearly`); debug: 256 KiB against 1 MiB
    // (smaller debug sizes do not show the old quadratic behaviour)
    let n = scaled(4 * MIB, 256 * 1024);
    for (name, unit) in [
        ("one speaker", "Ann Lee said: \"Line here.\"\n"),
        (
            "one description",
            "A Downing Street spokesperson said: \"No.\"\n",
        ),
        ("split quotations", "\"A,\" said Ann Lee, \"B.\" "),
        (
            "an article",
            "Health Secretary Amira Okafor said: “We will not back down.” “It is done,” she added. \
             The plan, officials said, was “working”.\n",
        ),
    ] {
        assert_linear(name, unit, n);
    }
}

/// Regression: the echo rule's stemmer (`push_stem_at`, src/echo.rs) made
/// room for the rest of a quotation again after every word with a
/// non-ASCII letter, so one long attributed quotation of such words, with
/// a partial quotation that may echo it, cost O(n²) (4 MiB took 16 s in
/// release).
#[test]
fn a_long_quotation_of_non_ascii_words_is_stemmed_in_linear_time() {
    let _serial = one_at_a_time();
    let n = scaled(4 * MIB, 256 * 1024);
    let text = |bytes: usize| {
        let mut t = String::from("Ann Lee said: \"");
        t.push_str(&repeat_to("café naïve élan ", bytes));
        // (in a paragraph of its own: a fragment in the quotation's own
        // paragraph would carry its speaker on without the echo)
        t.push_str("\"\n\nLater the phrase \"naïve élan\" spread.");
        t
    };
    let (small, large) = (text(n), text(4 * n));
    // the echo rule reads the long quotation: the partial one is Ann Lee's
    let a = analyze_checked(&large, 60, "a long quotation of non-ASCII words");
    let [_, echo] = a.attributions() else {
        panic!("{} quotations", a.attributions().len())
    };
    assert_eq!(echo.rule(), whosaid::Rule::Echo);
    assert_eq!(echo.speaker().map(|s| s.name()), Some("Ann Lee"));
    let ratio = |_| {
        let small = best_of_3(&small).max(Duration::from_micros(200));
        best_of_3(&large).as_secs_f64() / small.as_secs_f64()
    };
    let mut r = ratio(());
    if r >= LIMIT {
        r = r.min(ratio(()));
    }
    assert!(r < LIMIT, "4× the quotation took {r:.1}× the time");
}

/// Regression: `Resolver::register_name` (src/resolve.rs) used to look a
/// new two-word name up among every earlier entity with the same surname,
/// folding each earlier name again: n different people called Smith cost
/// O(n²) (20k of them, 600 kB, took 8 s in release; 80k took 150 s).
#[test]
fn many_people_sharing_a_surname_is_linear() {
    let _serial = one_at_a_time();
    fn first_name(mut i: usize) -> String {
        let mut s = String::from("Q");
        loop {
            s.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
            if i == 0 {
                return s;
            }
        }
    }
    let lines = |count: usize| -> String {
        (0..count)
            .map(|i| format!("{} Smith said: \"Line here.\"\n", first_name(i)))
            .collect()
    };
    // full: 4k people against 16k; debug: 1k against 4k
    let n = scaled(4_000, 1_000);
    let small = best_of_3(&lines(n));
    let large = best_of_3(&lines(4 * n));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(ratio < 8.0, "4× the people took {ratio:.1}× the time");
}

/// Regression: `mark_common_words` (src/tokens.rs) used to flag every
/// sentence-initial occurrence of a word once for each lower-case
/// occurrence of it, so n sentences opening with `The` and n `the`
/// elsewhere cost O(n²): `"The cat. Hill of the UK. "` repeated to 2 MiB
/// took 26 s in release, and the 50 MiB paragraph of `a_fifty_mib_paragraph`
/// did not finish.
#[test]
fn sentence_initial_the_and_lower_case_the_is_linear() {
    let _serial = one_at_a_time();
    // full: 512 KiB against 2 MiB; debug: 128 KiB against 512 KiB
    let n = scaled(512 * 1024, 128 * 1024);
    assert_linear("The … the", "The cat. Hill of the UK. ", n);
}

// ---------------------------------------------------------------------------
// regressions: bugs this suite found, fixed in src/quotes.rs
// ---------------------------------------------------------------------------

/// A straight single quotation left open under a double quotation that
/// continues into the next paragraph runs over two paragraphs, and says so
/// (it used to keep `paragraphs() == 1`: `Pairer::end_paragraph` counted
/// only the continued quotation).
#[test]
fn quote_paragraph_count_under_a_continued_quotation() {
    let _serial = one_at_a_time();
    let text = "'abc \"def\n\"ghi' jkl\"";
    let doc = whosaid::parse(text);
    for q in doc.quotes() {
        assert_eq!(
            q.paragraphs() as usize,
            invariants::paragraphs_over(&doc, q.span()),
            "{:?}",
            q.as_str()
        );
    }
    assert!(doc.quotes().iter().any(|q| q.paragraphs() == 2));
}

/// A straight apostrophe closing a possessive (`students'`) or the second
/// mark of `rock 'n' roll` inside `‘…’` is an apostrophe, not the closing
/// mark (it used to cut the quotation short: `'`, `‘` and `’` are one
/// family).
#[test]
fn straight_possessive_does_not_close_a_curly_single_quotation() {
    let _serial = one_at_a_time();
    for words in ["The students' union is right.", "I love rock 'n' roll."] {
        let text = format!("Ann Lee said: ‘{words}’");
        let a = whosaid::analyze(&text);
        let contents: Vec<&str> = a
            .attributions()
            .iter()
            .map(|at| at.quote().content())
            .collect();
        assert_eq!(contents, [words]);
    }
}

/// An elision (`’90s`, `’em`, `'90s`) inside a single quotation is an
/// apostrophe (a mark leaning `Close` used to close the open quotation
/// before the elision test was reached). British papers quote with single
/// marks, so `‘It was the ’90s,’ she said.` is common.
#[test]
fn elision_apostrophe_does_not_close_a_single_quotation() {
    let _serial = one_at_a_time();
    for words in [
        "It was the ’90s, and we won.",
        "We told ’em so.",
        "It was the '90s, and we won.",
    ] {
        for (o, c) in [("‘", "’"), ("'", "'")] {
            let text = format!("Ann Lee said: {o}{words}{c}");
            let a = whosaid::analyze(&text);
            let contents: Vec<&str> = a
                .attributions()
                .iter()
                .map(|at| at.quote().content())
                .collect();
            assert_eq!(contents, [words], "{text}");
        }
    }
}

/// The possessive look-ahead in `Pairer::decide` reads up to 300 bytes after
/// the mark; that limit used to land inside a multi-byte char and panic
/// (found by `bytes_agree_with_str` in tests/properties.rs).
#[test]
fn possessive_look_ahead_stops_on_a_char_boundary() {
    let _serial = one_at_a_time();
    for pad in 0..4 {
        // the 300-byte limit falls inside one of the `é`s for one of the pads
        let text = format!(
            "‘The students' union{}’ {}",
            "x".repeat(pad),
            "é".repeat(200)
        );
        let a = whosaid::analyze(&text);
        let contents: Vec<&str> = a
            .attributions()
            .iter()
            .map(|at| at.quote().content())
            .collect();
        assert_eq!(
            contents,
            [format!("The students' union{}", "x".repeat(pad))],
            "{pad}"
        );
    }
}

/// JSON lines: a huge line (100 MiB in release, 4 MiB in debug) is analysed,
/// and a truncated line, invalid JSON, a `text` that is not a string and
/// invalid UTF-8 each give one error record with their line number, while
/// the lines around them are still analysed.
#[test]
fn jsonl_huge_and_broken_lines_each_give_one_record() {
    let _serial = one_at_a_time();
    let analyzer = Analyzer::new();
    let body = repeat_to(
        "Ann Lee said: \\\"We will win.\\\" ",
        scaled(100 * MIB, 4 * MIB),
    );
    let huge = format!("{{\"id\": \"big\", \"text\": \"{body}\"}}");
    let lines: Vec<Vec<u8>> = vec![
        br#"{"id": 1, "text": "Bo said: \"Yes.\""}"#.to_vec(),
        huge.into_bytes(),
        br#"{"id": 3, "text": 42}"#.to_vec(),
        b"{\"id\": 4, \"text\": \"\xff\xfe\"}".to_vec(),
        b"not json".to_vec(),
        br#"{"id": 6, "text": "Cy said: \"No.\""}"#.to_vec(),
        br#"{"id": 7, "text": "truncated"#.to_vec(),
    ];
    let out: Vec<whosaid::jsonl::LineOutput> = within(120, "jsonl lines", || {
        lines
            .iter()
            .enumerate()
            .map(|(n, l)| whosaid::jsonl::process_line(&analyzer, n + 1, l))
            .collect()
    });
    assert_eq!(out.len(), lines.len());
    let errors: Vec<usize> = out
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_error())
        .map(|(n, _)| n + 1)
        .collect();
    assert_eq!(errors, [3, 4, 5, 7]);
    for (n, o) in out.iter().enumerate() {
        let json: serde_json::Value = serde_json::from_str(&o.to_json()).unwrap();
        if o.is_error() {
            assert_eq!(json["line"], n + 1, "{json}");
        } else {
            assert!(
                !json["quotes"].as_array().unwrap().is_empty(),
                "line {}",
                n + 1
            );
        }
    }
    let big: serde_json::Value = serde_json::from_str(&out[1].to_json()).unwrap();
    assert_eq!(big["id"], "big");
    assert!(big["quotes"].as_array().unwrap().len() > 1000);
}

/// Regression (found by the `structured_text_keeps_every_invariant`
/// proptest): the skip over an HTML attribute value (`="…"`, in
/// src/document.rs) stopped only at `\n` and `\r`, so `="` followed by
/// U+2029 and `"` made one paragraph holding a paragraph break.
#[test]
fn attribute_values_end_at_every_line_break() {
    for text in ["=\"\u{2029}\"", "=\"a\u{2028}b\"", "x=\"a\u{85}b\" end"] {
        let doc = whosaid::parse(text);
        for p in doc.paragraphs() {
            let line = &text[p.span.start..p.span.end];
            assert!(
                !line.contains(['\u{2028}', '\u{2029}', '\u{85}']),
                "{text:?}: paragraph {line:?} holds a line break"
            );
        }
        assert_eq!(doc.paragraphs().len(), 2, "{text:?}");
    }
}
