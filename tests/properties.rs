//! Property tests: whatever the text, parsing and analysis never panic,
//! every span they hand out can be used to slice the text, the structures
//! are ordered and nested as documented, and the byte and JSON-lines entry
//! points agree with the `&str` one.
//!
//! Generators: arbitrary strings (any `char`), a dense alphabet of quote
//! marks, spaces and letters (so that marks collide with each other), and
//! a structured one that mixes quotation marks of every style, apostrophes,
//! line breaks, abbreviations, names, cue verbs, punctuation, odd spaces and
//! whole attribution sentences.
//!
//! 256 cases per property keep the whole file well under a minute in a
//! debug build; set `PROPTEST_CASES` for a longer run.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed expectation is a failed test

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;
use whosaid::jsonl::{self, LineOutput};
use whosaid::lexicon::LexiconFile;
use whosaid::{Analyzer, Error};

// ---------------------------------------------------------------------------
// invariants: shared with tests/adversarial.rs and the fuzz targets
// ---------------------------------------------------------------------------

#[path = "support/invariants.rs"]
mod invariants;

use invariants::{check_all, check_char_offsets, check_default};

// ---------------------------------------------------------------------------
// generators
// ---------------------------------------------------------------------------

const MARKS: &[&str] = &[
    "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "‟", "‛", "「", "」", "『", "』",
    "``", "''", "`", "＂",
];
const PAIRS: &[(&str, &str)] = &[
    ("\"", "\""),
    ("'", "'"),
    ("“", "”"),
    ("‘", "’"),
    ("«", "»"),
    ("» ", " «"),
    ("‹", "›"),
    ("„", "“"),
    ("‚", "‘"),
    ("「", "」"),
    ("『", "』"),
    ("``", "''"),
    ("＂", "＂"),
    ("« ", " »"),
];
const APOSTROPHES: &[&str] = &[
    "don't",
    "students'",
    "'90s",
    "it's",
    "rock 'n' roll",
    "'em",
    "5'11\"",
    "O'Brien",
    "can’t",
    "’tis",
    "the ’80s",
    "James'",
];
const BREAKS: &[&str] = &[
    "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\n\n", "\n \n", "\r\n\r\n",
];
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Dr.", "U.S.", "J. K.", "e.g.", "No.", "St.", "a.m.", "Gov.", "Sen.", "Ms",
    "Sir", "Prof.",
];
const NAMES: &[&str] = &[
    "Amira Okafor",
    "Ann Lee",
    "Keir Starmer",
    "Starmer",
    "Foreign Secretary David Lammy",
    "the Foreign Secretary",
    "A Downing Street spokesperson",
    "officials",
    "the White House",
    "Mr Hill",
    "J. K. Rowling",
    "Zoë Ørsted",
];
const CUES: &[&str] = &[
    "said",
    "told",
    "added",
    "according to",
    "says",
    "asked",
    "insisted",
    "told reporters",
    "said in a statement",
    "told GB News",
    "warned",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They", "it", "we", "I"];
const PUNCTUATION: &[&str] = &[
    ".", ",", ":", ";", "?", "!", "…", "...", "—", "–", "-", "(", ")", "[", "]", "/", "?!", ".\"",
];
const SPACES: &[&str] = &[
    " ", " ", " ", "  ", "\t", "\u{A0}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{2060}",
    "\u{202E}", "\u{3000}", "\u{B}",
];
const WORDS: &[&str] = &[
    "we", "will", "not", "back", "down", "the", "plan", "is", "working", "fondly", "recalled",
    "think", "again", "it", "was", "done", "win", "Yes",
];

fn pick(list: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(list).prop_map(str::to_string).boxed()
}

fn name() -> BoxedStrategy<String> {
    prop_oneof![
        pick(NAMES),
        "[A-Z][a-z]{1,8}",
        "[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}",
    ]
    .boxed()
}

fn words() -> BoxedStrategy<String> {
    prop::collection::vec(pick(WORDS), 1..6)
        .prop_map(|w| w.join(" "))
        .boxed()
}

/// A whole attribution sentence in one of the shapes the frames read.
fn attribution() -> BoxedStrategy<String> {
    (
        0..8usize,
        name(),
        pick(CUES),
        prop::sample::select(PAIRS),
        words(),
        pick(PUNCTUATION),
    )
        .prop_map(|(shape, who, cue, (o, c), w, p)| match shape {
            0 => format!("{who} {cue}: {o}{w}{p}{c} "),
            1 => format!("{o}{w},{c} {cue} {who}. "),
            2 => format!("{o}{w},{c} {who} {cue}. "),
            3 => format!("{o}{w}{c} — {who}"),
            4 => format!("According to {who}, {o}{w}{c} "),
            5 => format!("{who} {cue} the plan was {o}{w}{c}. "),
            6 => format!("{who}:\n{o}{w}{p}{c}"),
            _ => format!("{o}{w} {o}{w}{c} {w}.{c} {who} {cue}."),
        })
        .boxed()
}

fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        4 => pick(MARKS),
        1 => pick(APOSTROPHES),
        2 => pick(BREAKS),
        1 => pick(ABBREVIATIONS),
        2 => name(),
        2 => pick(CUES),
        1 => pick(PRONOUNS),
        2 => pick(PUNCTUATION),
        5 => pick(SPACES),
        3 => pick(WORDS),
        1 => any::<char>().prop_map(String::from),
        2 => attribution(),
    ]
    .boxed()
}

/// News-like text full of marks, breaks, names and cues.
fn structured() -> BoxedStrategy<String> {
    prop::collection::vec(fragment(), 0..80)
        .prop_map(|f| f.concat())
        .boxed()
}

/// Any `char`s, line breaks included.
fn arbitrary() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..200).prop_map(String::from_iter),
    ]
    .boxed()
}

/// A small alphabet of marks, spaces, breaks and letters, so that marks
/// meet each other and words in every combination.
fn dense() -> BoxedStrategy<String> {
    let alphabet: Vec<char> = "\"'`“”‘’«»‹›„‚「」『』 \n\r\u{2028}\u{200B}\u{A0}aAz.,:—é5"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..120)
        .prop_map(String::from_iter)
        .boxed()
}

/// Any of the three text generators.
fn text() -> BoxedStrategy<String> {
    prop_oneof![arbitrary(), dense(), structured()].boxed()
}

/// Bytes that are mostly UTF-8 text with some bytes overwritten or inserted.
fn mostly_utf8() -> BoxedStrategy<Vec<u8>> {
    (
        structured(),
        prop::collection::vec(
            (any::<prop::sample::Index>(), any::<u8>(), any::<bool>()),
            0..4,
        ),
    )
        .prop_map(|(s, edits)| {
            let mut b = s.into_bytes();
            for (at, byte, insert) in edits {
                if insert || b.is_empty() {
                    let i = at.index(b.len() + 1);
                    b.insert(i, byte);
                } else {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
            }
            b
        })
        .boxed()
}

fn bytes() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![prop::collection::vec(any::<u8>(), 0..300), mostly_utf8()].boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        structured().prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,5}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// One JSON-lines input line: a good `{"id", "text"}` object, one with a
/// wrong `text`, other JSON, broken JSON, with or without a trailing `\r`.
fn json_line() -> BoxedStrategy<Vec<u8>> {
    let object = (
        prop::option::of(json_value()),
        prop_oneof![3 => text().prop_map(Value::String), 1 => json_value()],
        any::<bool>(),
        prop::collection::btree_map("[a-z]{1,5}", json_value(), 0..3),
    )
        .prop_map(|(id, text, with_text, extra)| {
            let mut m: serde_json::Map<String, Value> = extra.into_iter().collect();
            if let Some(id) = id {
                m.insert("id".into(), id);
            }
            if with_text {
                m.insert("text".into(), text);
            }
            Value::Object(m).to_string().into_bytes()
        });
    (
        prop_oneof![
            4 => object,
            1 => json_value().prop_map(|v| v.to_string().into_bytes()),
            1 => (json_value(), any::<prop::sample::Index>()).prop_map(|(v, cut)| {
                let b = v.to_string().into_bytes();
                b[..cut.index(b.len() + 1)].to_vec()
            }),
            1 => bytes(),
        ],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(mut b, cr, space)| {
            if space {
                b.insert(0, b' ');
            }
            if cr {
                b.push(b'\r');
            }
            b
        })
        .boxed()
}

/// What `process_line` should do with `line`: `Some((id, text))` for a
/// `{"text": string}` object, `None` for anything else.
fn expected_line(line: &[u8]) -> Option<(Value, String)> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let s = std::str::from_utf8(line).ok()?;
    let mut v: Value = serde_json::from_str(s).ok()?;
    let obj = v.as_object_mut()?;
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text")? {
        Value::String(t) => Some((id, t)),
        _ => None,
    }
}

fn check_line(line_no: usize, line: &[u8]) {
    let analyzer = Analyzer::english();
    let out = jsonl::process_line(analyzer, line_no, line);
    let json: Value = serde_json::from_str(&out.to_json()).expect("to_json gives JSON");
    // The streaming writer gives the very same bytes.
    let mut written = Vec::new();
    let error = jsonl::write_line(analyzer, line_no, line, &mut written);
    assert_eq!(String::from_utf8_lossy(&written), out.to_json());
    assert_eq!(error.is_some(), out.is_error());
    match expected_line(line) {
        Some((id, text)) => {
            let want = analyzer.analyze(&text).to_record("", false).quotes;
            match out {
                LineOutput::Quotes { id: got_id, quotes } => {
                    assert_eq!(got_id, id);
                    assert_eq!(quotes, want);
                }
                other => panic!("a good line gave {other:?}"),
            }
        }
        None => {
            match &out {
                LineOutput::Error { line, error, .. } => {
                    assert_eq!(*line, line_no, "error record line");
                    assert!(error.starts_with(&format!("line {line_no}: ")), "{error}");
                }
                other => panic!(
                    "a bad line {:?} gave {other:?}",
                    String::from_utf8_lossy(line)
                ),
            }
            assert!(out.is_error());
            assert_eq!(json["line"], Value::from(line_no));
        }
    }
}

const LEXICON_FIELDS: &[&str] = &[
    "said",
    "quip",
    "quipped",
    "quips",
    "according to",
    "as told by",
    "Mr.",
    "U.S.",
    "Dr",
    "e.g.",
    "title",
    "other",
    "m",
    "f",
    "-",
    "n",
    "s",
    "p",
    "1",
    "2",
    "3",
    "r",
    "person",
    "group",
    "Chief Whip",
    "Amira",
    "he",
    "she",
    "verb",
    "det",
    "prep",
    "x",
    "Zoë",
    "“",
    "'",
    "\"",
    ".",
    " ",
    "",
];

/// Some lines of one lexicon list: fields from a small vocabulary or random,
/// joined by tabs, any number of them, comments and blank lines included.
fn lexicon_entries() -> BoxedStrategy<(LexiconFile, String)> {
    let field =
        prop_oneof![4 => pick(LEXICON_FIELDS), 1 => "[A-Za-z.' ]{0,8}", 1 => any::<String>()];
    let line = prop_oneof![
        8 => prop::collection::vec(field, 1..5).prop_map(|f| f.join("\t")),
        1 => Just("# a comment".to_string()),
        1 => Just(String::new()),
    ];
    (
        prop::sample::select(LexiconFile::ALL.to_vec()),
        prop::collection::vec(line, 0..6).prop_map(|l| l.join("\n")),
    )
        .boxed()
}

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        // no proptest-regressions/ files next to the tests
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_keeps_every_invariant(text in arbitrary()) {
        check_default(&text);
    }

    #[test]
    fn dense_marks_keep_every_invariant(text in dense()) {
        check_default(&text);
    }

    #[test]
    fn structured_text_keeps_every_invariant(text in structured()) {
        check_default(&text);
    }

    #[test]
    fn any_settings_keep_every_invariant(
        text in prop_oneof![structured(), dense()],
        max_depth in 1usize..=64,
        window in 4usize..=512,
    ) {
        let analyzer = Analyzer::builder().max_depth(max_depth).window(window).build().expect("settings in range");
        check_all(&text, &analyzer, max_depth);
    }

    #[test]
    fn builder_accepts_exactly_the_documented_ranges(max_depth in 0usize..100, window in 0usize..600) {
        let built = Analyzer::builder().max_depth(max_depth).window(window).build();
        let depth_ok = (1..=64).contains(&max_depth);
        let window_ok = (4..=512).contains(&window);
        match built {
            Ok(_) => prop_assert!(depth_ok && window_ok),
            Err(Error::Config { setting, value, .. }) => {
                prop_assert!(!(depth_ok && window_ok));
                let (want, v) = if depth_ok { ("window", window) } else { ("max_depth", max_depth) };
                prop_assert_eq!(setting, want);
                prop_assert_eq!(value, v.to_string());
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn char_offsets_count_chars(text in text()) {
        check_char_offsets(&text);
    }

    #[test]
    fn bytes_agree_with_str(b in bytes()) {
        let analyzer = Analyzer::english();
        match std::str::from_utf8(&b) {
            Ok(s) => {
                let a = analyzer.analyze_bytes(&b).expect("valid UTF-8 is accepted");
                prop_assert_eq!(a.to_record("x", true), analyzer.analyze(s).to_record("x", true));
            }
            Err(e) => match analyzer.analyze_bytes(&b) {
                Err(Error::InvalidUtf8 { offset, len }) => {
                    prop_assert_eq!(offset, e.valid_up_to());
                    prop_assert_eq!(len, e.error_len());
                }
                Err(other) => prop_assert!(false, "wrong error {other}"),
                Ok(_) => prop_assert!(false, "invalid UTF-8 was accepted"),
            },
        }
    }

    #[test]
    fn lossy_reading_is_analysable(b in bytes()) {
        let text = whosaid::decode_lossy(&b);
        prop_assert_eq!(&*text, &*String::from_utf8_lossy(&b));
        check_default(&text);
    }

    #[test]
    fn jsonl_arbitrary_bytes(line_no in 1usize..1_000_000, b in bytes()) {
        check_line(line_no, &b);
    }

    #[test]
    fn lexicon_entries_are_accepted_or_rejected_cleanly(
        (file, entries) in lexicon_entries(),
        text in structured(),
    ) {
        let lines = entries.lines().count();
        match Analyzer::builder().entries(file, &entries).build() {
            Ok(analyzer) => check_all(&text, &analyzer, whosaid::AnalyzerBuilder::DEFAULT_MAX_DEPTH),
            Err(Error::Lexicon { file: name, line, entry, .. }) => {
                prop_assert_eq!(name, file.file_name());
                prop_assert!((1..=lines).contains(&line), "line {} of {}", line, lines);
                prop_assert_eq!(entries.lines().nth(line - 1).map(|l| l.trim_end_matches('\r')), Some(entry.as_str()));
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// A quotation's `paragraphs()` is the number of paragraphs its span
    /// runs over (once wrong on `'abc "def\n"ghi' jkl"`, see
    /// quote_paragraph_count_under_a_continued_quotation in
    /// tests/adversarial.rs).
    #[test]
    fn quote_paragraph_counts_match_their_spans(text in prop_oneof![dense(), structured()]) {
        let doc = whosaid::parse(&text);
        for q in doc.quotes() {
            prop_assert_eq!(
                q.paragraphs() as usize,
                invariants::paragraphs_over(&doc, q.span()),
                "{:?}",
                q.as_str()
            );
        }
    }

    #[test]
    fn jsonl_structured_lines(line_no in 1usize..1_000_000, b in json_line()) {
        check_line(line_no, &b);
    }
}

// ---------------------------------------------------------------------------
// fixed inputs: the examples the properties are about
// ---------------------------------------------------------------------------

#[test]
fn fixtures_keep_every_invariant() {
    // the news articles, and the fiction passages in their own folder
    for dir in [
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fiction"),
    ] {
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("fixture text");
                check_default(&text);
                check_char_offsets(&text);
                n += 1;
            }
        }
        assert!(n > 0, "no fixtures found in {dir}");
    }
}

#[test]
fn jsonl_error_records_carry_the_line_number() {
    for (line, bad) in [
        (1, &b""[..]),
        (2, b"\r"),
        (3, b"null"),
        (4, b"{\"text\": null}"),
        (5, b"{\"text\": [\"a\"]}"),
        (6, b"\"text\""),
        (7, b"{\"id\": 1, \"text\": \"\xff\"}"),
        (usize::MAX, b"{"),
    ] {
        check_line(line, bad);
    }
    check_line(8, b"{\"text\": \"Ann said: \\\"Hi there.\\\"\"}\r");
}
