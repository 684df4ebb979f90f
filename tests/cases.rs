//! The table of small exact cases in `tests/data/cases.toml`: one behaviour
//! a case, each quotation with its content, speaker, mention, cue and kind.
//!
//! A case the analyser does not yet get right carries `gap = "why"` in the
//! table; the test asserts that such a case still fails, so a fix that
//! closes a gap must also remove its marker.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    quote: Vec<Expected>,
    #[serde(default)]
    gap: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    content: String,
    speaker: Option<String>,
    mention: Option<String>,
    cue: Option<String>,
    kind: String,
    addressee: Option<String>,
}

fn table() -> Table {
    toml::from_str(include_str!("data/cases.toml")).expect("cases.toml parses")
}

/// Everything that differs between the analysis and the expectation.
fn differences(case: &Case) -> Vec<String> {
    let analysis = whosaid::analyze(&case.text);
    let got = analysis.attributions();
    let mut diffs = Vec::new();
    let contents: Vec<&str> = got.iter().map(|a| a.quote().content()).collect();
    let wanted: Vec<&str> = case.quote.iter().map(|q| q.content.as_str()).collect();
    if contents != wanted {
        diffs.push(format!("quotes {contents:?}, expected {wanted:?}"));
        return diffs;
    }
    for (a, e) in got.iter().zip(&case.quote) {
        let what = &e.content;
        let speaker = a.speaker().map(|s| s.name().to_string());
        if speaker != e.speaker {
            diffs.push(format!(
                "{what:?}: speaker {speaker:?}, expected {:?}",
                e.speaker
            ));
        }
        let mention = a.speaker().map(|s| s.mention().as_str().to_string());
        if e.mention.is_some() && mention != e.mention {
            diffs.push(format!(
                "{what:?}: mention {mention:?}, expected {:?}",
                e.mention
            ));
        }
        let cue = a.cue().map(|c| c.as_str().to_lowercase());
        if cue != e.cue.as_ref().map(|c| c.to_lowercase()) {
            diffs.push(format!("{what:?}: cue {cue:?}, expected {:?}", e.cue));
        }
        let kind = a.quote().kind().as_str();
        if kind != e.kind {
            diffs.push(format!("{what:?}: kind {kind}, expected {}", e.kind));
        }
        if let Some(want) = &e.addressee {
            let got = a.addressee().map(|m| m.as_str().to_string());
            if got.as_deref() != Some(want.as_str()) {
                diffs.push(format!("{what:?}: addressee {got:?}, expected {want:?}"));
            }
        }
    }
    diffs
}

#[test]
fn every_case_behaves_as_the_table_says() {
    let mut failures = Vec::new();
    let mut closed_gaps = Vec::new();
    let table = table();
    assert!(
        table.case.len() >= 60,
        "the table has {} cases",
        table.case.len()
    );
    for case in &table.case {
        let diffs = differences(case);
        match (&case.gap, diffs.is_empty()) {
            (None, false) => failures.push(format!("{}:\n    {}", case.name, diffs.join("\n    "))),
            (Some(_), true) => closed_gaps.push(case.name.clone()),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        closed_gaps.is_empty(),
        "these cases now pass; remove their `gap`: {closed_gaps:?}"
    );
}

#[test]
fn case_names_are_unique_and_contents_occur_in_text() {
    let table = table();
    let mut names: Vec<&str> = table.case.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), table.case.len());
    for case in &table.case {
        for q in &case.quote {
            assert!(
                case.text.contains(&q.content),
                "{}: {:?}",
                case.name,
                q.content
            );
        }
    }
}
