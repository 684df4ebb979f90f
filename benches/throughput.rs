//! Throughput of `whosaid`: how many MiB/s of article text `parse` (scan:
//! paragraphs, sentences, quotations) and `analyze` (parse plus tokens,
//! names, frames, resolution and the rules without a frame) get through.
//!
//! ```text
//! cargo bench --bench throughput                      # every group (~7 min on 2 busy cores)
//! cargo bench --bench throughput -- --noplot          # same, without HTML plots
//! cargo bench -- corpus                               # one group (a regex on the id)
//! cargo bench -- 'pathological/analyze'               # one function of a group
//! cargo bench -- scaling --measurement-time 5         # override the timing
//! ```
//!
//! Every benchmark reports `Throughput::Bytes` (criterion prints it as
//! MiB/s: the input's UTF-8 length divided by the time). Inputs are built
//! once, before timing, from the team's fixture articles
//! (`tests/fixtures/*.txt` and `examples/sample_article.txt`, embedded
//! with `include_str!`). One [`Analyzer`] is built up front and reused, as
//! a caller should; dropping the result is inside the timed loop.
//!
//! Groups:
//!
//! * **`sample`**: `parse` and `analyze` of `examples/sample_article.txt`
//!   (one ~4 KiB article): the per-call cost on a typical article.
//! * **`corpus`**: ≥ 10 MiB made by repeating the fixture articles and the
//!   sample.
//!   `parse_articles` / `analyze_articles` take each article separately
//!   (a `Vec<&str>` walked in the timed loop: the realistic case, many
//!   small articles); `parse_single_doc` / `analyze_single_doc` take the
//!   whole corpus (articles separated by blank lines) as one document,
//!   which shows whether anything grows with the size of one article.
//! * **`pathological`**: hostile inputs, each `parse` and `analyze`:
//!   `unclosed_lines` (`x "unclosed\n` × 100k), `unclosed_one_para` (the
//!   same without line breaks, one paragraph of 100k openers),
//!   `apostrophes` (`don't ` × 1M), `one_line_20mib` (news sentences with
//!   every line break replaced by a space), `short_paragraphs` (200k
//!   one-line paragraphs, four kinds of news line in turn, half of them
//!   quotations of one speaker), `double_marks` (10 MiB of `"`),
//!   `single_marks` (10 MiB of `'`), `alternating_open_1m` (`“‘` × 500k: 1M opening marks,
//!   alternately double and single, all nested), `empty_paragraphs` (1M
//!   blank lines between two attributed quotations), `capitalised_run`
//!   (a 100k-word run of capitalised words before `said: "…"`). A
//!   throughput far below the corpus figure flags a slow path.
//! * **`scaling`**: the same input kind at 1, 2, 4, 8 and 16 MiB, as one
//!   document: `news_*` (the corpus text, cut at an article boundary) and
//!   `unclosed_*` (the `unclosed_lines` pattern: one unclosed quotation per
//!   line, each of which gets attributed). A linear implementation gives a
//!   flat line in MiB/s; a falling one means super-linear work in the
//!   document size. `same_speaker_*` (256 KiB to 2 MiB, smaller because it
//!   is slow) repeats one line, `Ann Lee said: "We will win."`: every
//!   quotation goes to the same entity, which stresses whatever grows with
//!   the number of mentions of one speaker.
//!
//! Sample sizes and times are kept small (`sample_size(10)`, a few seconds
//! per benchmark) so that the whole run fits in minutes on a shared 2-core
//! machine (slow inputs still take 10 iterations; criterion then warns that
//! it could not finish in the target time, which is expected); raise them
//! with `--sample-size` / `--measurement-time` for a quieter figure.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{criterion_main, BenchmarkGroup, Criterion, Throughput};
use whosaid::Analyzer;

const MIB: usize = 1024 * 1024;

/// The sample article of the examples.
const SAMPLE: &str = include_str!("../examples/sample_article.txt");

/// Every fixture article (tests/support/fixture_articles.rs).
const FIXTURES: &[&str] = include!("../tests/support/fixture_articles.rs");

/// Every fixture article, and the sample.
fn articles() -> impl Iterator<Item = &'static str> {
    FIXTURES.iter().copied().chain([SAMPLE])
}

/// A corpus of at least `min_len` bytes: the articles repeated, each
/// followed by a blank line. Returns the text and the byte range of each
/// article in it.
fn build_corpus(min_len: usize) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(min_len + 8 * 1024);
    let mut ranges = Vec::new();
    'fill: loop {
        for article in articles() {
            if text.len() >= min_len {
                break 'fill;
            }
            let start = text.len();
            text.push_str(article);
            ranges.push((start, text.len()));
            text.push_str("\n\n");
        }
    }
    (text, ranges)
}

/// `unit` repeated until the text holds at least `min_len` bytes.
fn repeat_to(unit: &str, min_len: usize) -> String {
    unit.repeat(min_len.div_ceil(unit.len()).max(1))
}

/// All the articles as one line: every line break becomes a space.
fn one_line_news() -> String {
    let mut line = String::new();
    for article in articles() {
        for part in article.lines() {
            let part = part.trim();
            if !part.is_empty() {
                line.push_str(part);
                line.push(' ');
            }
        }
    }
    line
}

/// `words` capitalised words (cycling through a list), then `said: "…"`.
fn capitalised_run(words: usize) -> String {
    const NAMES: [&str; 12] = [
        "Alice", "Bravo", "Carter", "Delta", "Evans", "Foxtrot", "Garcia", "Hotel", "Ibrahim",
        "Juliet", "Kowalski", "Lima",
    ];
    let mut text = String::with_capacity(words * 8 + 64);
    for i in 0..words {
        text.push_str(NAMES[i % NAMES.len()]);
        text.push(' ');
    }
    text.push_str("said: \"We will not back down.\"\n");
    text
}

/// Registers `parse/<name>` and `analyze/<name>` on `input` in `group`.
fn parse_and_analyze(
    group: &mut BenchmarkGroup<'_, WallTime>,
    analyzer: &Analyzer,
    name: &str,
    input: &str,
) {
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function(format!("parse/{name}"), |b| {
        b.iter(|| analyzer.parse(black_box(input)))
    });
    group.bench_function(format!("analyze/{name}"), |b| {
        b.iter(|| analyzer.analyze(black_box(input)))
    });
}

fn sample(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let mut group = c.benchmark_group("sample");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    parse_and_analyze(&mut group, &analyzer, "article", SAMPLE);
    group.finish();
}

fn corpus(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let (text, ranges) = build_corpus(10 * MIB);
    let articles: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
    let article_bytes: usize = articles.iter().map(|a| a.len()).sum();

    let mut group = c.benchmark_group("corpus");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    group.throughput(Throughput::Bytes(article_bytes as u64));
    group.bench_function("parse_articles", |b| {
        b.iter(|| {
            for article in &articles {
                black_box(analyzer.parse(black_box(article)));
            }
        })
    });
    group.bench_function("analyze_articles", |b| {
        b.iter(|| {
            for article in &articles {
                black_box(analyzer.analyze(black_box(article)));
            }
        })
    });

    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_single_doc", |b| {
        b.iter(|| analyzer.parse(black_box(&text)))
    });
    group.bench_function("analyze_single_doc", |b| {
        b.iter(|| analyzer.analyze(black_box(&text)))
    });
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let inputs: Vec<(&str, String)> = vec![
        ("unclosed_lines", "x \"unclosed\n".repeat(100_000)),
        ("unclosed_one_para", "x \"unclosed ".repeat(100_000)),
        ("apostrophes", "don't ".repeat(1_000_000)),
        ("one_line_20mib", repeat_to(&one_line_news(), 20 * MIB)),
        (
            "short_paragraphs",
            [
                "Ann Lee said: \"We will win.\"\n",
                "\"It is done,\" she added.\n",
                "The council met on Tuesday.\n",
                "Mr Okafor declined to comment.\n",
            ]
            .concat()
            .repeat(50_000),
        ),
        ("double_marks", "\"".repeat(10 * MIB)),
        ("single_marks", "'".repeat(10 * MIB)),
        ("alternating_open_1m", "“‘".repeat(500_000)),
        (
            "empty_paragraphs",
            format!(
                "Ann Lee said: \"We will win.\"\n{}\"It is done,\" she added.\n",
                "\n".repeat(1_000_000)
            ),
        ),
        ("capitalised_run", capitalised_run(100_000)),
    ];

    let mut group = c.benchmark_group("pathological");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, input) in &inputs {
        parse_and_analyze(&mut group, &analyzer, name, input);
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let (news, ranges) = build_corpus(16 * MIB);
    let unclosed = repeat_to("x \"unclosed\n", 16 * MIB);
    let same_speaker = repeat_to("Ann Lee said: \"We will win.\"\n", 2 * MIB);

    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for mib in [1, 2, 4, 8, 16] {
        // Cut the news at the first article boundary past `mib` MiB.
        let end = ranges
            .iter()
            .map(|&(_, e)| e)
            .find(|&e| e >= mib * MIB)
            .unwrap_or(news.len());
        parse_and_analyze(
            &mut group,
            &analyzer,
            &format!("news_{mib:02}mib"),
            &news[..end],
        );
        // The pattern is ASCII and ends in a line break every 12 bytes:
        // cut on a line boundary.
        let end = (mib * MIB / 12 * 12).min(unclosed.len());
        parse_and_analyze(
            &mut group,
            &analyzer,
            &format!("unclosed_{mib:02}mib"),
            &unclosed[..end],
        );
    }
    let line = "Ann Lee said: \"We will win.\"\n".len();
    for kib in [256, 512, 1024, 2048] {
        let end = (kib * 1024 / line * line).min(same_speaker.len());
        parse_and_analyze(
            &mut group,
            &analyzer,
            &format!("same_speaker_{kib:04}kib"),
            &same_speaker[..end],
        );
    }
    group.finish();
}

/// Every group, in order (what `criterion_group!` would generate, with a
/// doc comment so that the crate's `missing_docs` lint stays quiet).
fn benches() {
    let mut criterion = Criterion::default().configure_from_args();
    sample(&mut criterion);
    corpus(&mut criterion);
    pathological(&mut criterion);
    scaling(&mut criterion);
}

criterion_main!(benches);
