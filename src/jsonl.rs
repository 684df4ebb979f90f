//! JSON lines in and out: `{"id": …, "text": …}` per input line, one
//! `{"id": …, "quotes": […]}` or `{"id": …, "error": …, "line": N}` per
//! output line. Nothing is dropped: one line out for every line in.
//!
//! [`process_line`] gives the line's record as a value; [`write_line`] writes
//! the same JSON straight from the analysis, for tools that stream many
//! lines.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::analysis::Analysis;
use crate::analyzer::Analyzer;
use crate::error::Error;
use crate::record::QuoteRecord;

/// What one input line became.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum LineOutput {
    /// The line's article, analysed.
    Quotes {
        /// The `id` of the input line, as given (any JSON value).
        id: Value,
        /// The quotations, in the shared JSON shape.
        quotes: Vec<QuoteRecord>,
    },
    /// The line could not be analysed.
    Error {
        /// The `id` of the input line, when it could be read.
        id: Value,
        /// What is wrong.
        error: String,
        /// 1-based line number.
        line: usize,
    },
}

impl LineOutput {
    /// Whether this is an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, LineOutput::Error { .. })
    }

    /// The record as one line of JSON (no newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            format!("{{\"id\":null,\"error\":\"cannot serialise output: {e}\",\"line\":0}}")
        })
    }
}

/// Analyse one input line (`line_no` is 1-based). Never panics; any
/// problem becomes an [`LineOutput::Error`].
pub fn process_line(analyzer: &Analyzer, line_no: usize, line: &[u8]) -> LineOutput {
    match read_line(line_no, line) {
        Ok((id, text)) => {
            let analysis = analyzer.analyze(&text);
            let record = analysis.to_record("", false);
            LineOutput::Quotes {
                id,
                quotes: record.quotes,
            }
        }
        Err((id, e)) => LineOutput::Error {
            id,
            error: e.to_string(),
            line: line_no,
        },
    }
}

/// Analyse one input line (`line_no` is 1-based) and append its output line
/// to `out`, without a newline: the same bytes as
/// `process_line(analyzer, line_no, line).to_json()`, written straight from
/// the analysis instead of through owned records. Returns the error message
/// when the line became an error record. Never panics.
pub fn write_line(
    analyzer: &Analyzer,
    line_no: usize,
    line: &[u8],
    out: &mut Vec<u8>,
) -> Option<String> {
    match read_line(line_no, line) {
        Ok((id, text)) => {
            write_quotes(out, &id, &analyzer.analyze(&text));
            None
        }
        Err((id, e)) => {
            let error = e.to_string();
            let record = LineOutput::Error {
                id,
                error,
                line: line_no,
            };
            out.extend_from_slice(record.to_json().as_bytes());
            match record {
                LineOutput::Error { error, .. } => Some(error),
                LineOutput::Quotes { .. } => None,
            }
        }
    }
}

/// `{"id":…,"quotes":[…]}`, field for field as serde writes
/// [`LineOutput::Quotes`] (the order and the `skip_serializing_if` rules of
/// [`QuoteRecord`]; a test holds the two together).
fn write_quotes(out: &mut Vec<u8>, id: &Value, analysis: &Analysis<'_>) {
    out.extend_from_slice(b"{\"id\":");
    write_serde(out, id);
    out.extend_from_slice(b",\"quotes\":[");
    for (n, &(a, chars)) in analysis.record_entries().quotes.iter().enumerate() {
        let q = a.quote;
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"start\":");
        push_usize(out, chars.start);
        out.extend_from_slice(b",\"end\":");
        push_usize(out, chars.end);
        out.extend_from_slice(b",\"text\":");
        push_str(out, q.content());
        out.extend_from_slice(b",\"speaker\":");
        push_opt_str(out, a.speaker.map(|s| s.name));
        out.extend_from_slice(b",\"mention\":");
        push_opt_str(out, a.speaker.map(|s| s.mention.as_str()));
        out.extend_from_slice(b",\"cue\":");
        push_opt_str(out, a.cue.as_ref().map(|c| c.as_str()));
        out.extend_from_slice(b",\"kind\":");
        push_str(out, q.kind().as_str());
        out.extend_from_slice(b",\"byte_start\":");
        push_usize(out, q.content_span().start);
        out.extend_from_slice(b",\"byte_end\":");
        push_usize(out, q.content_span().end);
        if let Some(to) = a.addressee {
            out.extend_from_slice(b",\"addressee\":");
            push_str(out, to.as_str());
        }
        out.extend_from_slice(b",\"rule\":");
        push_str(out, a.rule.as_str());
        out.extend_from_slice(b",\"confidence\":");
        write_serde(out, &a.confidence);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
}

/// `value` as serde_json writes it (the `id` as given; a float as `ryu`
/// prints it, `null` when not finite).
fn write_serde<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    // Writing a `Value` or a float into a `Vec` cannot fail: no I/O, and a
    // `Value`'s map keys are strings.
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.extend_from_slice(b"null");
    }
}

/// `n` in decimal.
fn push_usize(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// A string, or `null`.
fn push_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped exactly as serde_json escapes it: `"` and
/// `\` with a backslash, the control characters below U+0020 as `\b \t \n
/// \f \r` or `\u00xx` (lower-case hex), everything else as is.
fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `run` starts the bytes not yet copied; they are copied a run at a
    // time, between the bytes that need an escape.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them needs an escape (news text
        // has a quotation mark or a newline every few dozen bytes).
        if let Some(word) = bytes[i..].first_chunk::<8>() {
            if !needs_escape(u64::from_le_bytes(*word)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            0x00..=0x1f => b'u',
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Whether any of the eight bytes packed in `word` is `"`, `\` or below
/// 0x20. Exact, with no false negatives: per byte lane, `x - 1` borrows into
/// the high bit with the high bit of `x` clear only when `x` is zero (the
/// SWAR zero-byte test); `x - 0x20` likewise only when `x < 0x20`.
#[inline]
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    (below(word, 0x20) | below(quote, 1) | below(backslash, 1)) & HIGH != 0
}

fn read_line(line_no: usize, line: &[u8]) -> Result<(Value, String), (Value, Error)> {
    let fail = |id: Value, reason: String| {
        (
            id,
            Error::Json {
                line: line_no,
                reason,
            },
        )
    };
    let line = match line.strip_suffix(b"\r") {
        Some(l) => l,
        None => line,
    };
    let s = std::str::from_utf8(line).map_err(|e| {
        let err = Error::from_utf8(e);
        fail(Value::Null, err.to_string())
    })?;
    // The usual line, read without a `Value` map around it; anything else
    // (and every error) takes the general path below, which names the fault.
    if let Ok(Input {
        id,
        text: Some(text),
    }) = serde_json::from_str::<Input>(s)
    {
        return Ok((id, text));
    }
    let mut v: Value =
        serde_json::from_str(s).map_err(|e| fail(Value::Null, format!("not valid JSON: {e}")))?;
    let Some(obj) = v.as_object_mut() else {
        return Err(fail(Value::Null, "not a JSON object".into()));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text") {
        Some(Value::String(t)) => Ok((id, t)),
        Some(other) => Err(fail(
            id,
            format!("`text` is not a string but {}", kind(&other)),
        )),
        None => Err(fail(id, "no `text` field".into())),
    }
}

/// An input line read straight into its two fields. It accepts exactly the
/// lines the `Value` path reads with a string `text` and gives the same
/// result: every other member is still read as a `Value` (so that what
/// `Value` rejects, such as a number out of range, is rejected here too), a
/// repeated key keeps its last value as a `Value` map does, and `text` that
/// is not a string fails, to be reported by the `Value` path.
struct Input {
    id: Value,
    text: Option<String>,
}

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Input, D::Error> {
        deserializer.deserialize_map(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Input;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        let mut input = Input {
            id: Value::Null,
            text: None,
        };
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Id => input.id = map.next_value()?,
                Key::Text => input.text = Some(map.next_value()?),
                Key::Other => {
                    map.next_value::<Value>()?;
                }
            }
        }
        Ok(input)
    }
}

/// A member name of an input line.
enum Key {
    Id,
    Text,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "text" => Key::Text,
            _ => Key::Other,
        })
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let a = Analyzer::new();
        let ok = process_line(&a, 1, br#"{"id": "x", "text": "Ann said: \"Hi there.\""}"#);
        assert!(!ok.is_error(), "{ok:?}");
        for (bad, why) in [
            (&b"{\"id\": 1, \"text\": 5}"[..], "not a string"),
            (b"{\"id\": 1", "not valid JSON"),
            (b"{\"id\": 2}", "no `text`"),
            (b"\xff\xfe", "invalid UTF-8"),
            (b"[1]", "not a JSON object"),
        ] {
            let out = process_line(&a, 7, bad);
            let json = out.to_json();
            assert!(
                out.is_error() && json.contains(why) && json.contains("\"line\":7"),
                "{json}"
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        // Every ASCII byte at every position of the 8-byte words, among
        // plain and multi-byte characters.
        for c in (0u8..0x80).map(char::from).chain(['é', '\u{201c}', '😀']) {
            for at in 0..17 {
                let s: String = "abcdefghijklmnopqrstu"
                    .chars()
                    .take(at)
                    .chain([c])
                    .chain("vwxyzé".chars())
                    .collect();
                let mut got = Vec::new();
                push_str(&mut got, &s);
                let want = serde_json::to_string(&s).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(String::from_utf8_lossy(&got), want);
            }
        }
        let mut got = Vec::new();
        push_str(&mut got, "");
        assert_eq!(got, b"\"\"");
    }

    /// The line `process_line` and `write_line` give for `line`, which must
    /// agree.
    fn same_both_ways(a: &Analyzer, line: &[u8]) -> String {
        let record = process_line(a, 3, line);
        let want = record.to_json();
        let mut got = Vec::new();
        let error = write_line(a, 3, line, &mut got);
        assert_eq!(String::from_utf8_lossy(&got), want);
        assert_eq!(error.is_some(), record.is_error());
        want
    }

    #[test]
    fn write_line_writes_what_serde_writes() {
        let a = Analyzer::new();
        let mut texts: Vec<String> = [
            include_str!("../examples/sample_article.txt"),
            include_str!("../tests/fixtures/wire_us_senate.txt"),
            include_str!("../tests/fixtures/europe_guillemets_crlf.txt"),
            include_str!("../tests/fixtures/council_bins_partial_scare.txt"),
            include_str!("../tests/fixtures/sport_ptb_backticks_dash.txt"),
        ]
        .map(String::from)
        .into();
        // Control characters (but line breaks, which end a quotation), `"`
        // and `\` inside a quotation, beside multi-byte characters.
        let mut odd = String::from("Zoë said: \u{201c}");
        let breaks = [b'\n', b'\r', 0x0b, 0x0c];
        for c in (0u8..0x20)
            .filter(|c| !breaks.contains(c))
            .chain([b'"', b'\\', 0x7f])
        {
            odd.push_str("ab");
            odd.push(char::from(c));
            odd.push_str("\u{e9}xyz");
        }
        odd.push_str("\u{201d} Ann Lee said: \u{201c}\\\\\"\u{201d}");
        texts.push(odd);
        for text in &texts {
            for id in [
                serde_json::json!("x"),
                serde_json::json!(7),
                serde_json::json!(-0.5),
                serde_json::json!({"b": [1, null], "a": "\u{1}"}),
            ] {
                let line = serde_json::json!({"text": text, "id": id, "z": 1e300});
                let json = same_both_ways(&a, line.to_string().as_bytes());
                assert!(json.contains("\"quotes\":[{"), "{json}");
            }
        }
        // Repeated keys: the last wins, as in a `Value` map.
        for line in [
            &br#"{"id": 1, "text": 5, "text": "Ann said: \"Hi there.\"", "id": 2}"#[..],
            br#"{"text": "Ann said: \"Hi there.\"", "text": 5}"#,
            br#"{"text": "x", "n": 1e999}"#,
            br#"{"te\u0078t": "Ann said: \"Hi there.\"", "id": [1.5e3]}"#,
            b"{\"id\": 1, \"text\": 5}",
            b"{\"id\": 1",
            b"{\"id\": 2}",
            b"\xff\xfe",
            b"[1]",
            b"",
        ] {
            same_both_ways(&a, line);
        }
    }
}
