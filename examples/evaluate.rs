//! Score `whosaid` against a gold quote file, with the figures that
//! `shared/data/FORMAT.md` defines.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [--strict]
//!     [--predictions OUT.jsonl] [--misses N] [--kinds direct,partial]
//!     [--where speaker_from=name,nominal]
//! ```
//!
//! Every gold document's `text` goes through [`whosaid::Analyzer::new`];
//! the predictions are scored against the gold quotes and the program
//! prints each figure with the counts it rests on (the numbers here are
//! only an illustration):
//!
//! ```text
//! documents 261
//! quote        P 0.9134 (2659/2911)  R 0.9951 (2659/2672)  F1 0.9525 (5318/5583)
//! speaker      acc 0.7713 (2051/2659)
//! attribution  P 0.7046 (2051/2911)  R 0.7676 (2051/2672)  F1 0.7347 (4102/5583)
//! analysis 0.412 s, 5.21 MiB, 12.65 MiB/s
//! ```
//!
//! F1 is shown as the exact fraction `2·matched / (predicted + gold)`.
//! `tools/score.py` is an independent implementation of the same scoring
//! that reads the file written by `--predictions`; its four figure lines
//! must agree with these, count for count. Run with `--help` for the
//! options.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use whosaid::record::{DocumentRecord, QuoteRecord};

/// The usage text, printed by `--help` and after a usage error.
const USAGE: &str = "\
usage: cargo run --release --example evaluate -- GOLD.jsonl [options]

Runs whosaid::Analyzer::new() on the `text` of every gold document and
prints quote precision/recall/F1, speaker accuracy and attribution
precision/recall/F1 as shared/data/FORMAT.md defines them, each with its
counts, then the number of documents and the analysis time and throughput.
Gold `ignore_spans` are not excluded: predictions on them are false
positives.

options:
  --strict                 strict speaker match: no mention rule (`He` does
                           not match gold `Nigel Farage` even when the gold
                           mention is `he`)
  --predictions OUT.jsonl  write every prediction (all kinds, no filter) as
                           JSON lines, one document per gold line, no text
  --misses N               print up to N of each kind of miss: missed gold
                           quotes, spurious predicted quotes (with 40 chars
                           of context) and wrong speakers
  --kinds K1,K2            keep only gold and predicted quotes of these kinds
                           (direct, partial, nested), before matching; a
                           predicted `scare` quote counts as `partial`
  --where speaker_from=A,B keep only the gold quotes whose `speaker_from` is
                           listed. Spans are matched one to one against all
                           gold quotes first; then a prediction is kept only
                           when its matched gold quote is kept, and dropped
                           otherwise (also when it matched nothing). So
                           recall is over the listed gold quotes, and
                           precision is over the predictions that stand for
                           them: quote precision is 1 by construction and
                           attribution precision equals speaker accuracy.
  --pronouns cautious|eager
                           how the analyser resolves pronoun speakers
                           (default cautious; see whosaid::Pronouns)
  -h, --help               this text
";

/// What can stop an evaluation.
#[derive(Debug, thiserror::Error)]
enum EvalError {
    /// The command line is wrong.
    #[error("{0} (try --help)")]
    Usage(String),
    /// A file could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A line of the gold file is not a usable document.
    #[error("{path}: {source}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// The line and what is wrong with it ([`whosaid::Error::Json`]).
        source: whosaid::Error,
    },
    /// A prediction could not be turned into JSON.
    #[error("cannot serialise the predictions for document `{id}`: {source}")]
    Serialise {
        /// The document's id.
        id: String,
        /// What serde said.
        source: serde_json::Error,
    },
}

/// The parsed command line.
#[derive(Debug, Default)]
struct Options {
    /// The gold JSONL file.
    gold: PathBuf,
    /// Where to write predictions, if anywhere.
    predictions: Option<PathBuf>,
    /// How many misses of each kind to print.
    misses: usize,
    /// Speaker rule and quote filters.
    filter: score::Filter,
    /// Lenient (FORMAT.md) or strict speaker match.
    rule: score::SpeakerRule,
    /// How the analyser resolves pronoun speakers.
    pronouns: whosaid::Pronouns,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match parse_args(&args).and_then(|o| run(&o)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(if matches!(e, EvalError::Usage(_)) {
                2
            } else {
                1
            })
        }
    }
}

/// Read the command line (`--flag value` or `--flag=value`).
fn parse_args(args: &[String]) -> Result<Options, EvalError> {
    let mut options = Options::default();
    let mut gold = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if !arg.starts_with("--") {
            if gold.replace(PathBuf::from(arg)).is_some() {
                return Err(EvalError::Usage(format!(
                    "more than one gold file given (`{arg}`)"
                )));
            }
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg, None),
        };
        if ![
            "--strict",
            "--predictions",
            "--misses",
            "--kinds",
            "--where",
            "--pronouns",
        ]
        .contains(&name)
        {
            return Err(EvalError::Usage(format!("unknown option `{name}`")));
        }
        if name == "--strict" {
            if inline.is_some() {
                return Err(EvalError::Usage("--strict takes no value".into()));
            }
            options.rule = score::SpeakerRule::Strict;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                let v = args
                    .get(i)
                    .ok_or_else(|| EvalError::Usage(format!("{name} needs a value")))?;
                i += 1;
                v.clone()
            }
        };
        match name {
            "--predictions" => options.predictions = Some(PathBuf::from(value)),
            "--pronouns" => {
                options.pronouns = match value.as_str() {
                    "cautious" => whosaid::Pronouns::Cautious,
                    "eager" => whosaid::Pronouns::Eager,
                    _ => {
                        return Err(EvalError::Usage(format!(
                            "--pronouns wants cautious or eager, not `{value}`"
                        )))
                    }
                };
            }
            "--misses" => {
                options.misses = value.parse().map_err(|_| {
                    EvalError::Usage(format!("--misses wants a count, not `{value}`"))
                })?;
            }
            "--kinds" => options.filter.kinds = Some(parse_kinds(&value)?),
            "--where" => {
                let Some(("speaker_from", list)) = value.split_once('=') else {
                    return Err(EvalError::Usage(format!(
                        "--where wants `speaker_from=A,B`, not `{value}`"
                    )));
                };
                options.filter.speaker_from = Some(parse_list("--where speaker_from", list)?);
            }
            _ => return Err(EvalError::Usage(format!("unknown option `{name}`"))),
        }
    }
    options.gold = gold.ok_or_else(|| EvalError::Usage("no gold file given".into()))?;
    Ok(options)
}

/// A comma-separated list with no empty items.
fn parse_list(option: &str, list: &str) -> Result<Vec<String>, EvalError> {
    let items: Vec<String> = list.split(',').map(|s| s.trim().to_string()).collect();
    if items.iter().any(String::is_empty) {
        return Err(EvalError::Usage(format!(
            "{option}: empty item in `{list}`"
        )));
    }
    Ok(items)
}

/// The `--kinds` list, each one of the gold kinds.
fn parse_kinds(list: &str) -> Result<Vec<String>, EvalError> {
    let kinds = parse_list("--kinds", list)?;
    if let Some(bad) = kinds
        .iter()
        .find(|k| !["direct", "partial", "nested"].contains(&k.as_str()))
    {
        return Err(EvalError::Usage(format!(
            "--kinds: unknown kind `{bad}` (direct, partial, nested; predicted `scare` counts as `partial`)"
        )));
    }
    Ok(kinds)
}

/// One gold document with its text, and what the analyser made of it.
struct Evaluated {
    /// The gold record (its `text` is always present).
    gold: DocumentRecord,
    /// The analyser's record for the same text.
    predicted: DocumentRecord,
}

impl Evaluated {
    /// The document's text.
    fn text(&self) -> &str {
        self.gold.text.as_deref().unwrap_or_default()
    }
}

/// Evaluate, print, and write what was asked for.
fn run(options: &Options) -> Result<(), EvalError> {
    let gold = read_gold(&options.gold)?;
    let analyzer = whosaid::Analyzer::builder()
        .pronouns(options.pronouns)
        .build()
        .map_err(|e| EvalError::Usage(e.to_string()))?;
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let mut docs = Vec::with_capacity(gold.len());
    for g in gold {
        let text = g.text.as_deref().unwrap_or_default();
        bytes += text.len();
        let started = Instant::now();
        let analysis = analyzer.analyze(text);
        elapsed += started.elapsed();
        let predicted = analysis.to_record(&g.id, false);
        docs.push(Evaluated { gold: g, predicted });
    }

    if let Some(path) = &options.predictions {
        write_predictions(path, &docs)?;
    }

    let mut total = score::Counts::default();
    let mut misses = Misses::default();
    for d in &docs {
        let scored = score::score_document(
            &d.gold.quotes,
            &d.predicted.quotes,
            &options.filter,
            options.rule,
        );
        total.add(&scored.counts);
        if options.misses > 0 {
            misses.collect(d, &scored, options.misses);
        }
    }

    let secs = elapsed.as_secs_f64();
    let mib = bytes as f64 / (1024.0 * 1024.0);
    let rate = if secs > 0.0 { mib / secs } else { 0.0 };
    let mut out = io::stdout().lock();
    let report = (|| -> io::Result<()> {
        writeln!(out, "documents {}", docs.len())?;
        write!(out, "{}", total.report())?;
        writeln!(out, "analysis {secs:.3} s, {mib:.2} MiB, {rate:.2} MiB/s")?;
        if options.misses > 0 {
            misses.print(&mut out, options.misses)?;
        }
        out.flush()
    })();
    match report {
        // the reader went away (`evaluate … | head`): nothing more to say
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(EvalError::Io {
            path: PathBuf::from("<stdout>"),
            source,
        }),
        Ok(()) => Ok(()),
    }
}

/// Read and check the gold file: one document per non-blank line, each
/// with a `text`, unique ids, and spans inside the text.
fn read_gold(path: &PathBuf) -> Result<Vec<DocumentRecord>, EvalError> {
    let io_error = |source| EvalError::Io {
        path: path.clone(),
        source,
    };
    let bad_line = |line: usize, reason: String| EvalError::Gold {
        path: path.clone(),
        source: whosaid::Error::Json { line, reason },
    };
    let reader = BufReader::new(File::open(path).map_err(io_error)?);
    let mut docs: Vec<DocumentRecord> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in reader.lines().enumerate() {
        let line_no = n + 1;
        let line = line.map_err(io_error)?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: DocumentRecord = serde_json::from_str(&line)
            .map_err(|e| bad_line(line_no, format!("not a gold document: {e}")))?;
        let Some(text) = doc.text.as_deref() else {
            return Err(bad_line(
                line_no,
                format!("document `{}` has no `text`", doc.id),
            ));
        };
        let chars = text.chars().count();
        for q in doc.quotes.iter() {
            if q.start > q.end || q.end > chars {
                return Err(bad_line(
                    line_no,
                    format!(
                        "document `{}`: quote span {}..{} is not inside the text ({chars} chars)",
                        doc.id, q.start, q.end
                    ),
                ));
            }
        }
        if !seen.insert(doc.id.clone()) {
            return Err(bad_line(line_no, format!("duplicate id `{}`", doc.id)));
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Write every document's predictions (no text) as JSON lines.
fn write_predictions(path: &PathBuf, docs: &[Evaluated]) -> Result<(), EvalError> {
    let io_error = |source| EvalError::Io {
        path: path.clone(),
        source,
    };
    let mut out = BufWriter::new(File::create(path).map_err(io_error)?);
    for d in docs {
        let line = serde_json::to_string(&d.predicted).map_err(|source| EvalError::Serialise {
            id: d.predicted.id.clone(),
            source,
        })?;
        writeln!(out, "{line}").map_err(io_error)?;
    }
    out.flush().map_err(io_error)
}

/// The misses kept for `--misses`, in document order.
#[derive(Default)]
struct Misses {
    /// Gold quotes no prediction matched: one table row each.
    missed: Vec<String>,
    /// Predictions that matched no gold quote.
    spurious: Vec<String>,
    /// Matched pairs whose speakers do not match.
    wrong_speaker: Vec<String>,
    /// How many of each there were in all (missed, spurious, wrong).
    totals: [usize; 3],
}

impl Misses {
    /// Add the rows of one document, keeping at most `limit` of each kind.
    fn collect(&mut self, d: &Evaluated, scored: &score::DocScore, limit: usize) {
        let text = d.text();
        let id = &d.gold.id;
        self.totals[0] += scored.missed_gold.len();
        self.totals[1] += scored.spurious_predictions.len();
        for &g in &scored.missed_gold {
            if self.missed.len() < limit {
                self.missed.push(span_row(id, text, &d.gold.quotes[g]));
            }
        }
        for &p in &scored.spurious_predictions {
            if self.spurious.len() < limit {
                self.spurious
                    .push(span_row(id, text, &d.predicted.quotes[p]));
            }
        }
        for pair in scored.pairs.iter().filter(|p| !p.speaker_ok) {
            self.totals[2] += 1;
            if self.wrong_speaker.len() < limit {
                let g = &d.gold.quotes[pair.gold];
                let p = &d.predicted.quotes[pair.predicted];
                let before = one_line(char_slice(text, g.start.saturating_sub(60), g.start));
                self.wrong_speaker.push(format!(
                    "{id} | {}..{} | {} | {} | {} | {} | {} | …{before}",
                    g.start,
                    g.end,
                    shown(g.speaker.as_deref()),
                    shown(g.mention.as_deref()),
                    shown(p.speaker.as_deref()),
                    shown(p.mention.as_deref()),
                    p.rule.as_deref().unwrap_or("-"),
                ));
            }
        }
    }

    /// Print the three tables.
    fn print(&self, out: &mut impl Write, limit: usize) -> io::Result<()> {
        let tables = [
            (
                "missed gold quotes (false negatives)",
                "doc | span | kind | context ⟦quote⟧ context",
                &self.missed,
            ),
            (
                "spurious predicted quotes (false positives)",
                "doc | span | kind | context ⟦quote⟧ context",
                &self.spurious,
            ),
            (
                "wrong speakers (matched spans)",
                "doc | gold span | gold speaker | gold mention | predicted speaker | predicted mention | rule | text before the quote",
                &self.wrong_speaker,
            ),
        ];
        for ((title, header, rows), total) in tables.into_iter().zip(self.totals) {
            writeln!(out)?;
            writeln!(out, "{title}: {total}, showing {}", total.min(limit))?;
            writeln!(out, "{header}")?;
            for row in rows {
                writeln!(out, "{row}")?;
            }
        }
        Ok(())
    }
}

/// A table row for a quote with no partner: its span, kind and the quote
/// in 40 chars of context on each side.
fn span_row(id: &str, text: &str, q: &QuoteRecord) -> String {
    let before = char_slice(text, q.start.saturating_sub(40), q.start);
    let after = char_slice(text, q.end, q.end.saturating_add(40));
    let quote = char_slice(text, q.start, q.end);
    let quote = if quote.chars().count() > 100 {
        let head: String = quote.chars().take(48).collect();
        let tail: String = quote.chars().skip(quote.chars().count() - 48).collect();
        format!("{head} … {tail}")
    } else {
        quote.to_string()
    };
    format!(
        "{id} | {}..{} | {} | {}⟦{}⟧{}",
        q.start,
        q.end,
        q.kind.as_deref().unwrap_or("-"),
        one_line(before),
        one_line(&quote),
        one_line(after)
    )
}

/// The chars `start..end` of `text` (clamped to the text).
fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let (s, e) = (byte(start), byte(end));
    if s <= e {
        &text[s..e]
    } else {
        ""
    }
}

/// `s` on one line: line breaks shown as `¶`, tabs as spaces.
fn one_line(s: &str) -> String {
    s.replace("\r\n", "¶")
        .replace(['\n', '\r'], "¶")
        .replace('\t', " ")
}

/// A name for a table cell: quoted, or `null`.
fn shown(name: Option<&str>) -> String {
    name.map_or_else(|| "null".to_string(), |n| format!("{n:?}"))
}

/// The scoring rules of FORMAT.md, free of I/O.
mod score {
    use std::cmp::Reverse;
    use std::fmt;

    use whosaid::record::QuoteRecord;

    /// Honorifics dropped from names before speakers are compared.
    pub const HONORIFICS: [&str; 8] = ["mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"];

    /// How speakers are compared.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum SpeakerRule {
        /// FORMAT.md's speaker match, mention rule included.
        #[default]
        Lenient,
        /// The strict match: the prediction must name the speaker.
        Strict,
    }

    /// Which quotes take part (`--kinds`, `--where speaker_from=`).
    #[derive(Clone, Debug, Default)]
    pub struct Filter {
        /// Keep gold and predicted quotes of these kinds (predicted
        /// `scare` counts as `partial`); `None` keeps all.
        pub kinds: Option<Vec<String>>,
        /// Keep gold quotes whose `speaker_from` is listed, and the
        /// predictions matched to them; `None` keeps all.
        pub speaker_from: Option<Vec<String>>,
    }

    impl Filter {
        /// Whether a quote of `kind` passes `--kinds`.
        fn keeps_kind(&self, kind: Option<&str>) -> bool {
            match (&self.kinds, kind) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(kinds), Some(k)) => kinds.iter().any(|x| x == k),
            }
        }

        /// Whether a gold quote passes `--kinds`.
        pub fn keeps_gold(&self, q: &QuoteRecord) -> bool {
            self.keeps_kind(q.kind.as_deref())
        }

        /// Whether a predicted quote passes `--kinds` (`scare` → `partial`).
        pub fn keeps_predicted(&self, q: &QuoteRecord) -> bool {
            let kind = match q.kind.as_deref() {
                Some("scare") => Some("partial"),
                k => k,
            };
            self.keeps_kind(kind)
        }

        /// Whether a gold quote passes `--where speaker_from=`.
        pub fn keeps_source(&self, q: &QuoteRecord) -> bool {
            match (&self.speaker_from, q.speaker_from.as_deref()) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(list), Some(from)) => list.iter().any(|x| x == from),
            }
        }
    }

    /// A half-open range of char offsets.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct CharSpan {
        /// First char.
        pub start: usize,
        /// One past the last char.
        pub end: usize,
    }

    impl CharSpan {
        /// The span of a quote record.
        pub fn of(q: &QuoteRecord) -> CharSpan {
            CharSpan {
                start: q.start,
                end: q.end,
            }
        }

        /// Its length in chars.
        pub fn len(self) -> usize {
            self.end.saturating_sub(self.start)
        }

        /// How many chars it shares with `other`.
        pub fn overlap(self, other: CharSpan) -> usize {
            self.end
                .min(other.end)
                .saturating_sub(self.start.max(other.start))
        }
    }

    /// FORMAT.md's span match: the overlap is at least half of the longer
    /// span. Two spans sharing no char never match, except two empty spans
    /// at the same offset.
    pub fn spans_match(a: CharSpan, b: CharSpan) -> bool {
        let overlap = a.overlap(b);
        if overlap == 0 {
            return a.len() == 0 && b.len() == 0 && a.start == b.start;
        }
        2 * overlap >= a.len().max(b.len())
    }

    /// Match predicted to gold spans one to one, largest overlap first.
    /// Ties go to the pair with the smaller union, then the earlier gold
    /// quote, then the earlier prediction. Returns `(predicted, gold)`
    /// index pairs in prediction order.
    pub fn match_spans(predicted: &[CharSpan], gold: &[CharSpan]) -> Vec<(usize, usize)> {
        let mut candidates = Vec::new();
        for (p, &ps) in predicted.iter().enumerate() {
            for (g, &gs) in gold.iter().enumerate() {
                if spans_match(ps, gs) {
                    let overlap = ps.overlap(gs);
                    let union = ps.len() + gs.len() - overlap;
                    candidates.push((Reverse(overlap), union, g, p));
                }
            }
        }
        candidates.sort_unstable();
        let mut predicted_used = vec![false; predicted.len()];
        let mut gold_used = vec![false; gold.len()];
        let mut pairs = Vec::new();
        for (_, _, g, p) in candidates {
            if !predicted_used[p] && !gold_used[g] {
                predicted_used[p] = true;
                gold_used[g] = true;
                pairs.push((p, g));
            }
        }
        pairs.sort_unstable();
        pairs
    }

    /// A name as compared: lower-cased, punctuation (anything neither
    /// alphanumeric nor white space) removed, split on white space,
    /// honorifics dropped.
    pub fn normalise(name: &str) -> Vec<String> {
        let cleaned: String = name
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect();
        cleaned
            .split_whitespace()
            .filter(|w| !HONORIFICS.contains(w))
            .map(str::to_string)
            .collect()
    }

    /// Whether one name's word set contains the other's (both non-empty).
    fn names_contain(a: &str, b: &str) -> bool {
        let (a, b) = (normalise(a), normalise(b));
        if a.is_empty() || b.is_empty() {
            return false;
        }
        a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
    }

    /// Whether a predicted speaker equals a gold mention once both are
    /// normalised (and not empty).
    fn equals_mention(predicted: &str, mention: &str) -> bool {
        let p = normalise(predicted);
        !p.is_empty() && p == normalise(mention)
    }

    /// FORMAT.md's speaker match of a predicted speaker against a gold
    /// speaker and mention.
    pub fn speaker_matches(
        predicted: Option<&str>,
        gold: Option<&str>,
        gold_mention: Option<&str>,
        rule: SpeakerRule,
    ) -> bool {
        let mention_rule = |p: &str| {
            rule == SpeakerRule::Lenient && gold_mention.is_some_and(|m| equals_mention(p, m))
        };
        match (predicted, gold) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(p), None) => mention_rule(p),
            (Some(p), Some(g)) => names_contain(p, g) || mention_rule(p),
        }
    }

    /// The counts every figure rests on.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct Counts {
        /// Gold quotes scored.
        pub gold: usize,
        /// Predicted quotes scored.
        pub predicted: usize,
        /// Matched (predicted, gold) pairs.
        pub matched: usize,
        /// Matched pairs whose speakers match.
        pub speaker_ok: usize,
    }

    impl Counts {
        /// Add another document's counts.
        pub fn add(&mut self, other: &Counts) {
            self.gold += other.gold;
            self.predicted += other.predicted;
            self.matched += other.matched;
            self.speaker_ok += other.speaker_ok;
        }

        /// The figure lines, as `tools/score.py` prints them too.
        pub fn report(&self) -> String {
            let f1 = |n: usize| Ratio::new(2 * n, self.predicted + self.gold);
            format!(
                "quote        P {}  R {}  F1 {}\n\
                 speaker      acc {}\n\
                 attribution  P {}  R {}  F1 {}\n",
                Ratio::new(self.matched, self.predicted),
                Ratio::new(self.matched, self.gold),
                f1(self.matched),
                Ratio::new(self.speaker_ok, self.matched),
                Ratio::new(self.speaker_ok, self.predicted),
                Ratio::new(self.speaker_ok, self.gold),
                f1(self.speaker_ok),
            )
        }
    }

    /// A figure with its counts: `0.9134 (2659/2911)`, `n/a (0/0)`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Ratio {
        /// Numerator.
        pub num: usize,
        /// Denominator.
        pub den: usize,
    }

    impl Ratio {
        /// `num / den`.
        pub fn new(num: usize, den: usize) -> Ratio {
            Ratio { num, den }
        }
    }

    impl fmt::Display for Ratio {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if self.den == 0 {
                write!(f, "n/a ({}/{})", self.num, self.den)
            } else {
                let value = self.num as f64 / self.den as f64;
                write!(f, "{value:.4} ({}/{})", self.num, self.den)
            }
        }
    }

    /// A matched pair, by index into the document's unfiltered quote lists.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Pair {
        /// Index of the predicted quote.
        pub predicted: usize,
        /// Index of the gold quote.
        pub gold: usize,
        /// Whether the speakers match.
        pub speaker_ok: bool,
    }

    /// One document's scoring.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    pub struct DocScore {
        /// Its counts.
        pub counts: Counts,
        /// Matched pairs that were scored, in prediction order.
        pub pairs: Vec<Pair>,
        /// Scored gold quotes no prediction matched (indices).
        pub missed_gold: Vec<usize>,
        /// Scored predictions that matched no gold quote (indices).
        pub spurious_predictions: Vec<usize>,
    }

    /// Score one document: `--kinds` filters both sides, spans are matched,
    /// then `--where` keeps the listed gold quotes and the predictions
    /// matched to them.
    pub fn score_document(
        gold: &[QuoteRecord],
        predicted: &[QuoteRecord],
        filter: &Filter,
        rule: SpeakerRule,
    ) -> DocScore {
        let gold_idx: Vec<usize> = (0..gold.len())
            .filter(|&i| filter.keeps_gold(&gold[i]))
            .collect();
        let pred_idx: Vec<usize> = (0..predicted.len())
            .filter(|&i| filter.keeps_predicted(&predicted[i]))
            .collect();
        let gold_spans: Vec<CharSpan> = gold_idx.iter().map(|&i| CharSpan::of(&gold[i])).collect();
        let pred_spans: Vec<CharSpan> = pred_idx
            .iter()
            .map(|&i| CharSpan::of(&predicted[i]))
            .collect();
        let matches = match_spans(&pred_spans, &gold_spans);

        let mut partner_of_gold = vec![None; gold_idx.len()];
        let mut partner_of_pred = vec![None; pred_idx.len()];
        for &(p, g) in &matches {
            partner_of_gold[g] = Some(p);
            partner_of_pred[p] = Some(g);
        }
        let kept_gold = |g: usize| filter.keeps_source(&gold[gold_idx[g]]);
        let mut score = DocScore::default();
        for (g, partner) in partner_of_gold.iter().enumerate() {
            if kept_gold(g) {
                score.counts.gold += 1;
                if partner.is_none() {
                    score.missed_gold.push(gold_idx[g]);
                }
            }
        }
        for (p, partner) in partner_of_pred.iter().enumerate() {
            let kept = match partner {
                Some(g) => kept_gold(*g),
                None => filter.speaker_from.is_none(),
            };
            if !kept {
                continue;
            }
            score.counts.predicted += 1;
            let Some(g) = *partner else {
                score.spurious_predictions.push(pred_idx[p]);
                continue;
            };
            let (gq, pq) = (&gold[gold_idx[g]], &predicted[pred_idx[p]]);
            let speaker_ok = speaker_matches(
                pq.speaker.as_deref(),
                gq.speaker.as_deref(),
                gq.mention.as_deref(),
                rule,
            );
            score.counts.matched += 1;
            score.counts.speaker_ok += usize::from(speaker_ok);
            score.pairs.push(Pair {
                predicted: pred_idx[p],
                gold: gold_idx[g],
                speaker_ok,
            });
        }
        score
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn span(start: usize, end: usize) -> CharSpan {
            CharSpan { start, end }
        }

        fn quote(start: usize, end: usize, speaker: Option<&str>) -> QuoteRecord {
            QuoteRecord {
                start,
                end,
                speaker: speaker.map(str::to_string),
                ..QuoteRecord::default()
            }
        }

        #[test]
        fn match_needs_half_of_the_longer_span() {
            assert!(spans_match(span(0, 10), span(0, 10)));
            assert!(spans_match(span(0, 10), span(5, 10)), "5 of 10 is half");
            assert!(!spans_match(span(0, 10), span(6, 10)), "4 of 10 is not");
            assert!(spans_match(span(0, 10), span(0, 20)), "10 of 20 is half");
            assert!(!spans_match(span(0, 10), span(0, 21)), "the longer counts");
            assert!(
                spans_match(span(5, 15), span(0, 10)),
                "order does not matter"
            );
            assert!(!spans_match(span(0, 10), span(4, 20)), "6 of 16");
            assert!(spans_match(span(0, 12), span(4, 20)), "8 of 16");
        }

        #[test]
        fn disjoint_and_empty_spans() {
            assert!(
                !spans_match(span(0, 5), span(5, 10)),
                "touching is not overlapping"
            );
            assert!(!spans_match(span(0, 0), span(7, 7)));
            assert!(spans_match(span(7, 7), span(7, 7)));
            assert!(!spans_match(span(7, 7), span(5, 10)));
        }

        #[test]
        fn matching_is_one_to_one() {
            let pairs = match_spans(&[span(0, 10), span(0, 10)], &[span(0, 10)]);
            assert_eq!(pairs, vec![(0, 0)]);
            let pairs = match_spans(&[span(0, 10)], &[span(0, 10), span(1, 10)]);
            assert_eq!(pairs, vec![(0, 0)]);
        }

        #[test]
        fn matching_takes_the_largest_overlap_first() {
            // Prediction 0 overlaps gold 1 by 10 and gold 0 by 8; prediction 1
            // overlaps gold 1 by 12 and gold 0 by 8. Largest first gives
            // (1, 1) = 12, and prediction 0 falls back to gold 0. Taking
            // predictions in order would have given prediction 0 gold 1.
            let predicted = [span(0, 10), span(0, 12)];
            let gold = [span(0, 8), span(0, 12)];
            assert_eq!(match_spans(&predicted, &gold), vec![(0, 0), (1, 1)]);
        }

        #[test]
        fn ties_go_to_the_tighter_pair() {
            // Both gold spans overlap the prediction by 10; the exact one wins.
            let pairs = match_spans(&[span(0, 10)], &[span(0, 12), span(0, 10)]);
            assert_eq!(pairs, vec![(0, 1)]);
        }

        #[test]
        fn normalise_drops_case_punctuation_and_honorifics() {
            assert_eq!(normalise("Mr. Nigel  Farage,"), vec!["nigel", "farage"]);
            assert_eq!(normalise("Sir Keir Starmer"), vec!["keir", "starmer"]);
            assert_eq!(normalise("Dame Lady Lord Dr Ms Mrs"), Vec::<String>::new());
            assert_eq!(normalise("O’Brien"), vec!["obrien"]);
            assert_eq!(normalise("Donald J. Trump"), vec!["donald", "j", "trump"]);
        }

        #[test]
        fn speaker_honorifics_and_containment() {
            let lenient = SpeakerRule::Lenient;
            let m = |p, g| speaker_matches(Some(p), Some(g), None, lenient);
            assert!(m("Mr Farage", "Nigel Farage"), "prediction inside gold");
            assert!(m("Sir Keir Starmer", "Keir"), "gold inside prediction");
            assert!(m("KEIR STARMER", "keir starmer."));
            assert!(m("Donald Trump", "Donald J. Trump"));
            assert!(
                !m("Nigel Lawson", "Nigel Farage"),
                "overlap is not containment"
            );
            assert!(!m("Mr.", "Nigel Farage"), "an empty name contains nothing");
        }

        #[test]
        fn speaker_null_gold() {
            let lenient = SpeakerRule::Lenient;
            assert!(speaker_matches(None, None, None, lenient));
            assert!(speaker_matches(None, None, Some("he"), SpeakerRule::Strict));
            assert!(!speaker_matches(Some("Ann Lee"), None, None, lenient));
            assert!(speaker_matches(Some("He"), None, Some("he"), lenient));
            assert!(!speaker_matches(Some("Ann Lee"), None, Some("he"), lenient));
            assert!(!speaker_matches(
                Some("He"),
                None,
                Some("he"),
                SpeakerRule::Strict
            ));
            assert!(!speaker_matches(
                None,
                Some("Ann Lee"),
                Some("Ann Lee"),
                lenient
            ));
        }

        #[test]
        fn speaker_mention_rule_and_strict() {
            let g = Some("Nigel Farage");
            let mention = Some("he");
            assert!(speaker_matches(
                Some("He"),
                g,
                mention,
                SpeakerRule::Lenient
            ));
            assert!(!speaker_matches(
                Some("He"),
                g,
                mention,
                SpeakerRule::Strict
            ));
            assert!(!speaker_matches(Some("He"), g, None, SpeakerRule::Lenient));
            // The mention rule needs equality, not containment.
            let mention = Some("the Clacton MP");
            assert!(speaker_matches(
                Some("the Clacton MP."),
                g,
                mention,
                SpeakerRule::Lenient
            ));
            assert!(!speaker_matches(
                Some("Clacton MP"),
                g,
                mention,
                SpeakerRule::Lenient
            ));
            // Strict still accepts the name itself.
            assert!(speaker_matches(
                Some("Farage"),
                g,
                mention,
                SpeakerRule::Strict
            ));
        }

        #[test]
        fn document_counts_and_filters() {
            let mut gold = vec![
                quote(0, 10, Some("Ann Lee")),
                quote(20, 30, Some("Bob Marr")),
                quote(40, 50, None),
            ];
            gold[0].speaker_from = Some("name".into());
            gold[0].kind = Some("direct".into());
            gold[1].speaker_from = Some("coref".into());
            gold[1].kind = Some("partial".into());
            gold[2].speaker_from = Some("none".into());
            gold[2].kind = Some("direct".into());
            let mut predicted = vec![
                quote(0, 10, Some("Lee")),
                quote(20, 29, Some("Ann Lee")),
                quote(60, 70, None),
            ];
            predicted[0].kind = Some("direct".into());
            predicted[1].kind = Some("scare".into());
            predicted[2].kind = Some("direct".into());

            let all = score_document(&gold, &predicted, &Filter::default(), SpeakerRule::Lenient);
            let expected = Counts {
                gold: 3,
                predicted: 3,
                matched: 2,
                speaker_ok: 1,
            };
            assert_eq!(all.counts, expected);
            assert_eq!(all.missed_gold, vec![2]);
            assert_eq!(all.spurious_predictions, vec![2]);

            let partial = Filter {
                kinds: Some(vec!["partial".into()]),
                speaker_from: None,
            };
            let s = score_document(&gold, &predicted, &partial, SpeakerRule::Lenient);
            let expected = Counts {
                gold: 1,
                predicted: 1,
                matched: 1,
                speaker_ok: 0,
            };
            assert_eq!(s.counts, expected, "scare counts as partial");

            let named = Filter {
                kinds: None,
                speaker_from: Some(vec!["name".into()]),
            };
            let s = score_document(&gold, &predicted, &named, SpeakerRule::Lenient);
            let expected = Counts {
                gold: 1,
                predicted: 1,
                matched: 1,
                speaker_ok: 1,
            };
            assert_eq!(
                s.counts, expected,
                "unmatched and other predictions dropped"
            );
        }

        #[test]
        fn ratios_show_their_counts() {
            assert_eq!(Ratio::new(2659, 2911).to_string(), "0.9134 (2659/2911)");
            assert_eq!(Ratio::new(0, 0).to_string(), "n/a (0/0)");
            assert_eq!(Ratio::new(3, 3).to_string(), "1.0000 (3/3)");
        }
    }
}
