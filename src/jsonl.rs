//! JSON lines in and out: `{"id": …, "text": …}` per input line, one
//! `{"id": …, "quotes": […]}` or `{"id": …, "error": …, "line": N}` per
//! output line. Nothing is dropped: one line out for every line in.

use serde::Serialize;
use serde_json::Value;

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
}
