//! Language knowledge as data: reporting verbs, cue phrases, abbreviations,
//! honorifics, titles, role nouns, pronouns, given names.
//!
//! Each list is a text file in this folder, one entry a line, compiled in
//! with `include_str!` and read once into hash tables keyed by the
//! *folded* form of a word (lower case; NFKC and apostrophe folding for
//! non-ASCII words), so that look-ups are case- and glyph-insensitive while
//! offsets into the article never move.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;

/// Grammatical gender as far as English marks it on people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// he, Mr, Sir
    Masculine,
    /// she, Mrs, Dame
    Feminine,
    /// it
    Neuter,
    /// not known, or either
    #[default]
    Unknown,
}

impl Gender {
    /// Whether a mention of gender `self` can refer to something of gender
    /// `other` (unknown agrees with everything but neuter with people).
    pub fn agrees(self, other: Gender) -> bool {
        self == other || self == Gender::Unknown || other == Gender::Unknown
    }
}

/// Singular or plural.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Number {
    /// one
    #[default]
    Singular,
    /// more than one
    Plural,
}

/// The lists a lexicon is made of; names the file in errors and lets a
/// caller add entries of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LexiconFile {
    /// `verbs.txt`: `lemma form form…`
    Verbs,
    /// `cue_phrases.txt`: `kind<TAB>phrase`
    CuePhrases,
    /// `abbreviations.txt`: `abbrev.<TAB>title|other`
    Abbreviations,
    /// `honorifics.txt`: `word<TAB>m|f|-`
    Honorifics,
    /// `titles.txt`: `title words<TAB>m|f|-`
    Titles,
    /// `role_nouns.txt`: `noun<TAB>s|p<TAB>person|group`
    RoleNouns,
    /// `pronouns.txt`: `pronoun<TAB>m|f|n|-<TAB>s|p<TAB>1|2|3|r`
    Pronouns,
    /// `given_names.txt`: `Name<TAB>m|f|-`
    GivenNames,
    /// `not_names.txt`: one capitalised word a line
    NotNames,
    /// `org_words.txt`: one capitalised word a line
    OrgWords,
    /// `sentence_starters.txt`: one word a line
    SentenceStarters,
    /// `function_words.txt`: `word<TAB>class[,class…]`
    FunctionWords,
    /// `clausal_verbs.txt`: one lemma of `verbs.txt` a line
    ClausalVerbs,
}

impl LexiconFile {
    /// The file name of the list.
    pub fn file_name(self) -> &'static str {
        match self {
            LexiconFile::Verbs => "verbs.txt",
            LexiconFile::CuePhrases => "cue_phrases.txt",
            LexiconFile::Abbreviations => "abbreviations.txt",
            LexiconFile::Honorifics => "honorifics.txt",
            LexiconFile::Titles => "titles.txt",
            LexiconFile::RoleNouns => "role_nouns.txt",
            LexiconFile::Pronouns => "pronouns.txt",
            LexiconFile::GivenNames => "given_names.txt",
            LexiconFile::NotNames => "not_names.txt",
            LexiconFile::OrgWords => "org_words.txt",
            LexiconFile::SentenceStarters => "sentence_starters.txt",
            LexiconFile::FunctionWords => "function_words.txt",
            LexiconFile::ClausalVerbs => "clausal_verbs.txt",
        }
    }

    /// Every list, in loading order.
    pub const ALL: [LexiconFile; 13] = [
        LexiconFile::Verbs,
        LexiconFile::CuePhrases,
        LexiconFile::Abbreviations,
        LexiconFile::Honorifics,
        LexiconFile::Titles,
        LexiconFile::RoleNouns,
        LexiconFile::Pronouns,
        LexiconFile::GivenNames,
        LexiconFile::NotNames,
        LexiconFile::OrgWords,
        LexiconFile::SentenceStarters,
        LexiconFile::FunctionWords,
        LexiconFile::ClausalVerbs,
    ];

    fn english(self) -> &'static str {
        match self {
            LexiconFile::Verbs => include_str!("verbs.txt"),
            LexiconFile::CuePhrases => include_str!("cue_phrases.txt"),
            LexiconFile::Abbreviations => include_str!("abbreviations.txt"),
            LexiconFile::Honorifics => include_str!("honorifics.txt"),
            LexiconFile::Titles => include_str!("titles.txt"),
            LexiconFile::RoleNouns => include_str!("role_nouns.txt"),
            LexiconFile::Pronouns => include_str!("pronouns.txt"),
            LexiconFile::GivenNames => include_str!("given_names.txt"),
            LexiconFile::NotNames => include_str!("not_names.txt"),
            LexiconFile::OrgWords => include_str!("org_words.txt"),
            LexiconFile::SentenceStarters => include_str!("sentence_starters.txt"),
            LexiconFile::FunctionWords => include_str!("function_words.txt"),
            LexiconFile::ClausalVerbs => include_str!("clausal_verbs.txt"),
        }
    }
}

/// Whether an abbreviation can end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Always followed by a name or number: never ends a sentence.
    Title,
    /// Ends a sentence when a sentence starter follows.
    Other,
}

/// How a multi-word cue phrase relates to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    /// `according to X`
    SourceFollows,
    /// `in a statement`, `told reporters`
    Medium,
    /// `the statement read`
    PassiveSource,
}

/// A personal or relative pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PronounInfo {
    pub gender: Gender,
    pub number: Number,
    /// 1, 2 or 3; 0 for relative pronouns (`who`).
    pub person: u8,
}

/// A role noun: the head of a description that can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RoleNoun {
    pub number: Number,
    /// A person (`spokesperson`) rather than a group or body (`ministry`).
    pub person: bool,
}

/// Everything the lists say about one word, found with a single look-up
/// and kept on each token so that frames never look a word up twice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Lemma index of a reporting verb form.
    pub verb: Option<u32>,
    pub pronoun: Option<PronounInfo>,
    pub role: Option<RoleNoun>,
    /// A word of some title.
    pub title_word: bool,
    /// The gender of the one-word title this word is.
    pub title: Option<Gender>,
    pub honorific: Option<Gender>,
    pub given: Option<Gender>,
    pub not_name: bool,
    pub org: bool,
    pub starter: bool,
    /// Closed-class roles (`DETERMINER`, `PARTICLE`, `ADVERB`, `OBJECT`).
    pub function: u8,
}

impl WordInfo {
    /// Whether the word has closed-class role `class`.
    #[inline]
    pub fn is(&self, class: u8) -> bool {
        self.function & class != 0
    }
}

/// Opens a description: `a`, `the`, `several`.
pub(crate) const DETERMINER: u8 = 1;
/// Stays inside a name: `von`, `de`, `al`.
pub(crate) const PARTICLE: u8 = 2;
/// May stand between a subject and its verb: `also`, `later`, `has`.
pub(crate) const ADVERB: u8 = 4;
/// Never a subject: `him`, `whose`.
pub(crate) const OBJECT: u8 = 8;

/// A multi-word entry: the words after the first, folded.
#[derive(Clone, Debug)]
pub(crate) struct Phrase<T> {
    pub rest: Vec<String>,
    pub value: T,
}

/// All the word lists, folded and indexed.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Every single word any list knows, with all the lists say of it.
    words: HashMap<Box<[u8]>, WordInfo>,
    lemmas: Vec<String>,
    /// By lemma index: the verb takes a reported clause.
    clausal: Vec<bool>,
    phrases: HashMap<String, Vec<Phrase<PhraseKind>>>,
    abbreviations: HashMap<String, AbbrevClass>,
    /// Folded full titles (`foreign secretary`) and their gender.
    titles: HashMap<String, Gender>,
}

impl Lexicon {
    /// The built-in English lexicon, loaded once.
    pub fn english() -> &'static Lexicon {
        static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            let mut lex = Lexicon::default();
            for file in LexiconFile::ALL {
                // The built-in lists are checked by the test suite
                // (`english_lexicon_loads`); a bad line there is a build bug.
                if let Err(e) = lex.add(file, file.english()) {
                    debug_assert!(false, "{e}");
                }
            }
            lex
        })
    }

    /// Add the entries of `text`, written in the format of `file`.
    ///
    /// # Errors
    /// [`Error::Lexicon`] naming the file, the line and what is wrong with it.
    pub fn add(&mut self, file: LexiconFile, text: &str) -> Result<(), Error> {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            self.add_line(file, line).map_err(|reason| Error::Lexicon {
                file: file.file_name(),
                line: n + 1,
                entry: line.to_string(),
                reason,
            })?;
        }
        Ok(())
    }

    fn add_line(&mut self, file: LexiconFile, line: &str) -> Result<(), String> {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let want = match file {
            LexiconFile::Verbs
            | LexiconFile::NotNames
            | LexiconFile::OrgWords
            | LexiconFile::SentenceStarters
            | LexiconFile::ClausalVerbs => 1,
            LexiconFile::CuePhrases
            | LexiconFile::Abbreviations
            | LexiconFile::Honorifics
            | LexiconFile::Titles
            | LexiconFile::GivenNames
            | LexiconFile::FunctionWords => 2,
            LexiconFile::RoleNouns => 3,
            LexiconFile::Pronouns => 4,
        };
        if fields.len() != want {
            return Err(format!(
                "expected {want} tab-separated field(s), found {}",
                fields.len()
            ));
        }
        if fields.iter().any(|f| f.is_empty()) {
            return Err("empty field".into());
        }
        let key = fold(fields[0]);
        match file {
            LexiconFile::Verbs => {
                let lemma = self.lemmas.len() as u32;
                let mut forms = fields[0].split_whitespace();
                let first = forms.next().ok_or("no lemma")?;
                self.lemmas.push(fold(first));
                for form in std::iter::once(first).chain(forms) {
                    self.word_mut(fold(form)).verb.get_or_insert(lemma);
                }
            }
            LexiconFile::CuePhrases => {
                let kind = match fields[0] {
                    "source_follows" => PhraseKind::SourceFollows,
                    "medium" => PhraseKind::Medium,
                    "passive_source" => PhraseKind::PassiveSource,
                    other => return Err(format!("unknown cue phrase kind `{other}`")),
                };
                let (first, rest) = split_phrase(fields[1])?;
                self.phrases
                    .entry(first)
                    .or_default()
                    .push(Phrase { rest, value: kind });
            }
            LexiconFile::Abbreviations => {
                if !fields[0].ends_with('.') {
                    return Err("an abbreviation ends with a period".into());
                }
                let class = match fields[1] {
                    "title" => AbbrevClass::Title,
                    "other" => AbbrevClass::Other,
                    other => return Err(format!("class must be title or other, not `{other}`")),
                };
                let word = key.trim_end_matches('.').to_string();
                self.abbreviations.insert(word, class);
            }
            LexiconFile::Honorifics => {
                let g = gender(fields[1])?;
                let k = key.trim_end_matches('.').to_string();
                self.word_mut(k).honorific = Some(g);
            }
            LexiconFile::Titles => {
                let g = gender(fields[1])?;
                let (first, rest) = split_phrase(fields[0])?;
                let single = rest.is_empty();
                for w in std::iter::once(&first).chain(rest.iter()) {
                    let w = w.trim_end_matches('.').to_string();
                    if !TITLE_GLUE.contains(&w.as_str()) {
                        let info = self.word_mut(w.clone());
                        info.title_word = true;
                        if single {
                            info.title = Some(g);
                        }
                    }
                }
                let mut full = first;
                for w in rest {
                    full.push(' ');
                    full.push_str(&w);
                }
                self.titles.insert(full, g);
            }
            LexiconFile::RoleNouns => {
                let number = number(fields[1])?;
                let person = match fields[2] {
                    "person" => true,
                    "group" => false,
                    other => return Err(format!("animacy must be person or group, not `{other}`")),
                };
                self.word_mut(key).role = Some(RoleNoun { number, person });
            }
            LexiconFile::Pronouns => {
                let person = match fields[3] {
                    "1" => 1,
                    "2" => 2,
                    "3" => 3,
                    "r" => 0,
                    other => return Err(format!("person must be 1, 2, 3 or r, not `{other}`")),
                };
                let info = PronounInfo {
                    gender: gender(fields[1])?,
                    number: number(fields[2])?,
                    person,
                };
                self.word_mut(key).pronoun = Some(info);
            }
            LexiconFile::GivenNames => {
                let g = gender(fields[1])?;
                self.word_mut(key).given = Some(g);
            }
            LexiconFile::NotNames => {
                self.word_mut(key).not_name = true;
            }
            LexiconFile::OrgWords => {
                self.word_mut(key).org = true;
            }
            LexiconFile::SentenceStarters => {
                self.word_mut(key).starter = true;
            }
            LexiconFile::ClausalVerbs => {
                let id = self
                    .lemmas
                    .iter()
                    .position(|l| *l == key)
                    .ok_or_else(|| format!("`{key}` is not a lemma of verbs.txt"))?;
                if self.clausal.len() <= id {
                    self.clausal.resize(id + 1, false);
                }
                self.clausal[id] = true;
            }
            LexiconFile::FunctionWords => {
                let mut bits = 0;
                for class in fields[1].split(',') {
                    bits |= match class.trim() {
                        "determiner" => DETERMINER,
                        "particle" => PARTICLE,
                        "adverb" => ADVERB,
                        "object" => OBJECT,
                        other => return Err(format!("unknown class `{other}`")),
                    };
                }
                self.word_mut(key).function |= bits;
            }
        }
        Ok(())
    }

    /// Everything the lists say about `word` (one look-up).
    pub(crate) fn info(&self, word: &str) -> WordInfo {
        let bytes = word.as_bytes();
        if bytes.len() <= 32 && word.is_ascii() {
            // the common case: fold into a stack buffer, no allocation
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            self.words
                .get(&buf[..bytes.len()])
                .copied()
                .unwrap_or_default()
        } else {
            self.words
                .get(fold(word).as_bytes())
                .copied()
                .unwrap_or_default()
        }
    }

    fn word_mut(&mut self, key: impl Into<String>) -> &mut WordInfo {
        self.words
            .entry(key.into().into_bytes().into_boxed_slice())
            .or_default()
    }

    /// Whether verb lemma `id` takes a reported clause (`say`, `claim`).
    pub(crate) fn is_clausal(&self, id: u32) -> bool {
        self.clausal.get(id as usize).copied().unwrap_or(false)
    }

    /// The lemma with index `id`.
    pub(crate) fn lemma(&self, id: u32) -> &str {
        self.lemmas.get(id as usize).map_or("", String::as_str)
    }

    /// The class of abbreviation `word` (without its final period).
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.is_empty() {
            return None;
        }
        with_folded(word, |k| self.abbreviations.get(k).copied())
    }

    /// Whether `word` typically starts a sentence.
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        !word.is_empty() && self.info(word).starter
    }

    /// The lemma of reporting verb form `word` (`told` → `tell`), if the
    /// lexicon has it.
    pub fn reporting_verb(&self, word: &str) -> Option<&str> {
        self.info(word).verb.map(|id| self.lemma(id))
    }

    /// Cue phrases starting with `first`.
    pub(crate) fn phrases(&self, first: &str) -> &[Phrase<PhraseKind>] {
        with_folded(first, |k| self.phrases.get(k).map(Vec::as_slice)).unwrap_or(&[])
    }

    /// The gender of a whole title as written (`Foreign Secretary`), when
    /// it is a known title.
    pub(crate) fn title_gender(&self, title: &str) -> Option<Gender> {
        let mut key = String::with_capacity(title.len());
        for w in title.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            fold_into(w.trim_end_matches('.'), &mut key);
        }
        self.titles.get(&key).copied()
    }

    /// Number of reporting verb lemmas.
    pub fn verb_count(&self) -> usize {
        self.lemmas.len()
    }
}

fn gender(field: &str) -> Result<Gender, String> {
    match field {
        "m" => Ok(Gender::Masculine),
        "f" => Ok(Gender::Feminine),
        "n" => Ok(Gender::Neuter),
        "-" => Ok(Gender::Unknown),
        other => Err(format!("gender must be m, f, n or -, not `{other}`")),
    }
}

fn number(field: &str) -> Result<Number, String> {
    match field {
        "s" => Ok(Number::Singular),
        "p" => Ok(Number::Plural),
        other => Err(format!("number must be s or p, not `{other}`")),
    }
}

fn split_phrase(phrase: &str) -> Result<(String, Vec<String>), String> {
    let mut words = phrase.split_whitespace().map(fold);
    let first = words.next().ok_or("empty phrase")?;
    Ok((first, words.collect()))
}

/// Words inside multi-word titles that are not title words themselves
/// (`secretary of state`, `chancellor of the exchequer`).
const TITLE_GLUE: &[&str] = &["of", "the", "and", "for", "to", "in", "on", "at", "a", "an"];

/// The comparison form of a word: lower case; for non-ASCII words also
/// NFKC-normalised with typographic apostrophes folded to `'`.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        for c in word.nfkc() {
            match c {
                '’' | '‘' | 'ʼ' | '′' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Run `f` on the folded form of `word` without allocating for short ASCII
/// words (the common case).
#[inline]
pub(crate) fn with_folded<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        match std::str::from_utf8(&buf[..bytes.len()]) {
            Ok(s) => f(s),
            Err(_) => f(&fold(word)),
        }
    } else {
        f(&fold(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lexicon_loads() {
        let mut lex = Lexicon::default();
        for file in LexiconFile::ALL {
            lex.add(file, file.english())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(lex.verb_count() >= 200, "{} verbs", lex.verb_count());
    }

    #[test]
    fn lookups_fold_case_and_glyphs() {
        let lex = Lexicon::english();
        assert_eq!(lex.reporting_verb("SAID"), Some("say"));
        assert_eq!(lex.reporting_verb("told"), Some("tell"));
        assert_eq!(lex.reporting_verb("ｓａｉｄ"), Some("say"));
        assert_eq!(lex.info("Mrs").honorific, Some(Gender::Feminine));
        assert!(lex.info("She").pronoun.is_some());
        assert!(lex.info("secretary").title_word);
    }

    #[test]
    fn bad_lines_name_file_line_and_reason() {
        let mut lex = Lexicon::default();
        let err = lex
            .add(LexiconFile::Honorifics, "# ok\nsir\tm\nmadam\tx\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("honorifics.txt"), "{err}");
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("gender"), "{err}");
    }
}
