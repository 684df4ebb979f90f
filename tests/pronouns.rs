//! The two pronoun policies of [`whosaid::Pronouns`], on articles where
//! the candidates for `he` disagree, agree, or one was just introduced.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use whosaid::{Analyzer, Pronouns};

fn analyzer(pronouns: Pronouns) -> Analyzer {
    Analyzer::builder()
        .pronouns(pronouns)
        .build()
        .expect("the built-in lexicon loads")
}

/// (speaker name, has an entity, confidence) of the only quotation.
fn speaker_of(a: &Analyzer, text: &str) -> (String, bool, f32) {
    let analysis = a.analyze(text);
    let [at] = analysis.attributions() else {
        panic!("{} quotations", analysis.attributions().len())
    };
    let s = at.speaker().expect("a speaker");
    (s.name().to_string(), s.entity().is_some(), at.confidence())
}

/// The last subject is Tom Reyes, the last person named (not as an object)
/// David Okafor, who is meant; Okafor was introduced paragraphs before.
const DISPUTED: &str = "David Okafor, the treasurer, arrived early.\n\nTom Reyes opened the \
                        meeting.\n\nThe figures came from David Okafor.\n\n\"We are short,\" \
                        he said.";

/// As `DISPUTED`, but David Okafor is named for the first time in the
/// paragraph before the quotation: a new voice the story brings in.
const INTRODUCED: &str = "Tom Reyes opened the meeting.\n\nThe figures came from David Okafor, \
                          the treasurer.\n\n\"We are short,\" he said.";

/// The last subject and the last person named are both David Okafor.
const AGREED: &str = "Tom Reyes opened the meeting.\n\nDavid Okafor, the treasurer, read the \
                      figures.\n\n\"We are short,\" he said.";

#[test]
fn cautious_leaves_a_disputed_pronoun_unresolved() {
    let (name, entity, _) = speaker_of(&analyzer(Pronouns::Cautious), DISPUTED);
    assert_eq!(name, "he");
    assert!(!entity);
}

#[test]
fn eager_takes_the_last_person_named_when_candidates_disagree_and_says_it_is_less_sure() {
    let eager = analyzer(Pronouns::Eager);
    let (name, entity, disputed) = speaker_of(&eager, DISPUTED);
    assert_eq!(name, "David Okafor");
    assert!(entity);
    let (name, _, agreed) = speaker_of(&eager, AGREED);
    assert_eq!(name, "David Okafor");
    assert!(disputed < agreed, "{disputed} vs {agreed}");
}

#[test]
fn both_policies_resolve_a_pronoun_whose_candidates_agree() {
    for p in [Pronouns::Cautious, Pronouns::Eager] {
        let (name, entity, _) = speaker_of(&analyzer(p), AGREED);
        assert_eq!((name.as_str(), entity), ("David Okafor", true), "{p:?}");
    }
}

#[test]
fn both_policies_take_a_newly_introduced_person_and_say_it_is_less_sure() {
    for p in [Pronouns::Cautious, Pronouns::Eager] {
        let a = analyzer(p);
        let (name, entity, introduced) = speaker_of(&a, INTRODUCED);
        assert_eq!((name.as_str(), entity), ("David Okafor", true), "{p:?}");
        let (_, _, agreed) = speaker_of(&a, AGREED);
        assert!(introduced < agreed, "{p:?}: {introduced} vs {agreed}");
    }
}
