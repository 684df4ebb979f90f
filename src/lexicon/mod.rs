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
    /// `verbs.txt`: `lemma form form…`, then for a phrasal verb a tab and
    /// the particle that must follow (`shoot shoots shot shot
    /// shooting<TAB>back`)
    Verbs,
    /// `cue_phrases.txt`: `kind<TAB>phrase`
    CuePhrases,
    /// `abbreviations.txt`: `abbrev.<TAB>title|other`
    Abbreviations,
    /// `honorifics.txt`: `word<TAB>m|f|-`
    Honorifics,
    /// `titles.txt`: `title words<TAB>m|f|-`
    Titles,
    /// `role_nouns.txt`: `noun<TAB>s|p<TAB>person|group[<TAB>m|f]`
    RoleNouns,
    /// `pronouns.txt`: `pronoun<TAB>m|f|n|-<TAB>s|p<TAB>1|2|3|r`
    Pronouns,
    /// `given_names.txt`: `Name<TAB>m|f|-`, and for a short form the names
    /// it shortens: `Name<TAB>m|f|-<TAB>Full[,Full…]`
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
    /// The gender the noun itself gives (`girl`, `duchess`), if any.
    pub gender: Gender,
}

/// Everything the lists say about one word, found with a single look-up
/// and kept on each token so that frames never look a word up twice.
///
/// Packed into eight bytes with no alignment, read through its methods
/// (`info.verb()`, `info.pronoun()`…): a [`crate::tokens::Token`] then
/// fits in 32 bytes, two to a cache line, where with the fields spelled
/// out (24 bytes) it took 56; the name pass, the frames and the
/// attribution loop walk the token array many times. (Eight bytes, though
/// seven would do with the title's gender in the role's byte: an entry is
/// copied into every word token, and eight bytes copy in one move, where
/// seven took more instructions and mispredictions than the byte saves.)
/// All zeros is the entry of a word no list has ([`WordInfo::NONE`]), and
/// equal entries have equal bytes.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// One more than the lemma index of a reporting verb form, as the
    /// little-endian bytes of a `u16` (bytes, so that the entry needs no
    /// alignment); 0 for none. [`Lexicon::add`] refuses a lemma that does
    /// not fit.
    verb: [u8; 2],
    /// Closed-class roles (`DETERMINER`, `PARTICLE`, `ADVERB`, `OBJECT`,
    /// `AUXILIARY`).
    function: u8,
    /// The summary marks ([`TITLE_MARK`], [`ROLE_MARK`], [`NOT_NAME_MARK`]),
    /// set by [`WordInfo::marked`], and the one-bit facts of the lists
    /// ([`TITLE_WORD`], [`NOT_NAME`], [`ORG`], [`STARTER`]).
    marks: u8,
    /// The pronoun: 0 for none, else `0x80 | gender << 3 | number << 2 |
    /// person`.
    pronoun: u8,
    /// The role noun: 0 for none, else `0x10 | gender << 2 | number << 1 |
    /// person`.
    role: u8,
    /// The gender of the one-word title the word is (as
    /// [`optional_gender`] reads it).
    title: u8,
    /// The honorific's gender in bits 0 to 2 and the given name's in bits
    /// 3 to 5 (as [`optional_gender`] reads them).
    names: u8,
}

// eight bytes and no alignment, so that a token has room for it and its
// own marks in 32 bytes (`tokens::tests::a_token_is_32_bytes`)
const _: () = assert!(std::mem::size_of::<WordInfo>() == 8);
const _: () = assert!(std::mem::align_of::<WordInfo>() == 1);

/// [`WordInfo::marks`]: a word of some title (`Secretary`, `Foreign`).
pub(crate) const TITLE_WORD: u8 = 8;
/// [`WordInfo::marks`]: on the list of capitalised words that are no names.
pub(crate) const NOT_NAME: u8 = 16;
/// [`WordInfo::marks`]: a word of organisation names (`Ministry`).
pub(crate) const ORG: u8 = 32;
/// [`WordInfo::marks`]: a word that typically starts a sentence.
pub(crate) const STARTER: u8 = 64;

/// The gender coded in the low two bits of `bits` (as `Gender as u8`).
#[inline]
fn gender_of(bits: u8) -> Gender {
    match bits & 3 {
        0 => Gender::Masculine,
        1 => Gender::Feminine,
        2 => Gender::Neuter,
        _ => Gender::Unknown,
    }
}

/// The number coded in the low bit of `bits` (as `Number as u8`).
#[inline]
fn number_of(bits: u8) -> Number {
    if bits & 1 == 0 {
        Number::Singular
    } else {
        Number::Plural
    }
}

/// An optional gender coded in the low three bits of `bits`: 0 for none,
/// else one more than `Gender as u8`.
#[inline]
fn optional_gender(bits: u8) -> Option<Gender> {
    let g = bits & 7;
    (g != 0).then(|| gender_of(g - 1))
}

/// [`optional_gender`]'s code of `g`.
fn gender_code(g: Gender) -> u8 {
    g as u8 + 1
}

impl WordInfo {
    /// What the lists say of a word none of them has: nothing.
    pub(crate) const NONE: WordInfo = WordInfo {
        verb: [0; 2],
        function: 0,
        marks: 0,
        pronoun: 0,
        role: 0,
        title: 0,
        names: 0,
    };

    /// The lemma index of the reporting verb the word is a form of.
    #[inline]
    pub fn verb(&self) -> Option<u32> {
        u16::from_le_bytes(self.verb).checked_sub(1).map(u32::from)
    }

    /// The pronoun the word is.
    #[inline]
    pub fn pronoun(&self) -> Option<PronounInfo> {
        let p = self.pronoun;
        (p != 0).then(|| PronounInfo {
            gender: gender_of(p >> 3),
            number: number_of(p >> 2),
            person: p & 3,
        })
    }

    /// The role noun the word is.
    #[inline]
    pub fn role(&self) -> Option<RoleNoun> {
        let r = self.role;
        (r != 0).then(|| RoleNoun {
            number: number_of(r >> 1),
            person: r & 1 != 0,
            gender: gender_of(r >> 2),
        })
    }

    /// A word of some title.
    #[inline]
    pub fn title_word(&self) -> bool {
        self.marks & TITLE_WORD != 0
    }

    /// The gender of the one-word title this word is.
    #[inline]
    pub fn title(&self) -> Option<Gender> {
        optional_gender(self.title)
    }

    /// The gender of the honorific this word is.
    #[inline]
    pub fn honorific(&self) -> Option<Gender> {
        optional_gender(self.names)
    }

    /// The gender of the given name this word is.
    #[inline]
    pub fn given(&self) -> Option<Gender> {
        optional_gender(self.names >> 3)
    }

    /// On the list of capitalised words that are no names.
    #[inline]
    pub fn not_name(&self) -> bool {
        self.marks & NOT_NAME != 0
    }

    /// A word of organisation names.
    #[inline]
    pub fn org(&self) -> bool {
        self.marks & ORG != 0
    }

    /// A word that typically starts a sentence.
    #[inline]
    pub fn starter(&self) -> bool {
        self.marks & STARTER != 0
    }

    /// The closed-class roles, as bits (`DETERMINER`…); 0 for none.
    #[inline]
    pub fn function(&self) -> u8 {
        self.function
    }

    /// Whether the word has closed-class role `class`.
    #[inline]
    pub fn is(&self, class: u8) -> bool {
        self.function & class != 0
    }

    /// Whether the word has any of the [`WordInfo::marks`] in `marks` (the
    /// summary marks and the one-bit facts alike: `has(NOT_NAME |
    /// STARTER)`).
    #[inline]
    pub fn has(&self, marks: u8) -> bool {
        self.marks & marks != 0
    }

    /// Make the word a form of verb lemma `lemma`, unless it is a form of
    /// another already.
    fn set_verb_if_none(&mut self, lemma: u16) {
        if self.verb().is_none() {
            self.verb = lemma.saturating_add(1).to_le_bytes();
        }
    }

    fn set_pronoun(&mut self, p: PronounInfo) {
        self.pronoun = 0x80 | (p.gender as u8) << 3 | (p.number as u8) << 2 | p.person & 3;
    }

    fn set_role(&mut self, r: RoleNoun) {
        self.role = 0x10 | (r.gender as u8) << 2 | (r.number as u8) << 1 | u8::from(r.person);
    }

    fn set_title(&mut self, g: Gender) {
        self.title = gender_code(g);
    }

    fn set_honorific(&mut self, g: Gender) {
        self.names = self.names & !7 | gender_code(g);
    }

    fn set_given(&mut self, g: Gender) {
        self.names = self.names & !(7 << 3) | gender_code(g) << 3;
    }

    /// Set the one-bit facts `flag` ([`TITLE_WORD`], [`NOT_NAME`],
    /// [`ORG`], [`STARTER`]).
    fn set(&mut self, flag: u8) {
        self.marks |= flag;
    }

    /// The entry with its summary [`WordInfo::marks`] worked out from the
    /// other fields.
    fn marked(self) -> WordInfo {
        let mut marks = self.marks & !(TITLE_MARK | ROLE_MARK | NOT_NAME_MARK);
        if self.title_word() || self.honorific().is_some() {
            marks |= TITLE_MARK;
        }
        if self.role().is_some() || self.title().is_some() {
            marks |= ROLE_MARK;
        }
        if self.not_name() || self.pronoun().is_some() {
            marks |= NOT_NAME_MARK;
        }
        WordInfo { marks, ..self }
    }
}

impl std::fmt::Debug for WordInfo {
    /// The fields as the methods read them, not the packed bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordInfo")
            .field("verb", &self.verb())
            .field("pronoun", &self.pronoun())
            .field("role", &self.role())
            .field("title_word", &self.title_word())
            .field("title", &self.title())
            .field("honorific", &self.honorific())
            .field("given", &self.given())
            .field("not_name", &self.not_name())
            .field("org", &self.org())
            .field("starter", &self.starter())
            .field("function", &self.function)
            .field(
                "marks",
                &(self.marks & (TITLE_MARK | ROLE_MARK | NOT_NAME_MARK)),
            )
            .finish()
    }
}

/// [`WordInfo::marks`]: a word of a title or an honorific (`Secretary`,
/// `Mr`).
pub(crate) const TITLE_MARK: u8 = 1;
/// [`WordInfo::marks`]: a role noun or a one-word title, a word that can
/// head a description (`spokesperson`, `senator`).
pub(crate) const ROLE_MARK: u8 = 2;
/// [`WordInfo::marks`]: never a word of a name, being on the list of
/// words that are not names or a pronoun.
pub(crate) const NOT_NAME_MARK: u8 = 4;

/// Opens a description: `a`, `the`, `several`.
pub(crate) const DETERMINER: u8 = 1;
/// Stays inside a name: `von`, `de`, `al`.
pub(crate) const PARTICLE: u8 = 2;
/// May stand between a subject and its verb: `also`, `later`, `has`.
pub(crate) const ADVERB: u8 = 4;
/// Never a subject: `him`, `whose`.
pub(crate) const OBJECT: u8 = 8;
/// An auxiliary or copula, the verb of a clause of its own: `is`, `has`,
/// `would`.
pub(crate) const AUXILIARY: u8 = 16;

/// A multi-word entry: the words after the first, folded.
#[derive(Clone, Debug)]
pub(crate) struct Phrase<T> {
    pub rest: Vec<String>,
    pub value: T,
}

/// A 4,096-bit filter over the abbreviations: a folded ASCII word can be
/// one only if the bit of its length and first and last bytes is set.
#[derive(Clone, Debug)]
struct AbbreviationBits([u64; 64]);

impl Default for AbbreviationBits {
    fn default() -> Self {
        AbbreviationBits([0; 64])
    }
}

impl AbbreviationBits {
    /// The bit of `word` (ASCII letters may be in either case: the bit is
    /// that of the folded word).
    fn bit(word: &[u8]) -> usize {
        let (Some(first), Some(last)) = (word.first(), word.last()) else {
            return 0;
        };
        let key = u32::from(first.to_ascii_lowercase())
            | u32::from(last.to_ascii_lowercase()) << 8
            | (word.len() as u32) << 16;
        // multiplicative hashing: the top 12 bits of the product
        (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    /// Record the folded abbreviation `word`.
    fn set(&mut self, word: &[u8]) {
        let b = Self::bit(word);
        self.0[b / 64] |= 1 << (b % 64);
    }

    /// Whether the ASCII `word` may be an abbreviation once folded.
    fn may_hold(&self, word: &[u8]) -> bool {
        let b = Self::bit(word);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// All the word lists, folded and indexed.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Every single word any list knows (folded) → its entry in `infos`.
    words: HashMap<Box<[u8]>, u32>,
    /// All the lists say of each word of `words`.
    infos: Vec<WordInfo>,
    /// The same index for the folded words that are ASCII and at most
    /// [`SHORT`] bytes long, which answers the common look-up with two
    /// word compares.
    short: ShortTable,
    lemmas: Vec<String>,
    /// By lemma index: the particle a phrasal verb needs right after it
    /// (`back` of `shot back`), if any.
    particles: Vec<Option<String>>,
    /// By lemma index: the past tense is spelled like the lemma (`read`,
    /// `put`), so a bare-looking form may be a past.
    bare_past: Vec<bool>,
    /// By lemma index: the verb takes a reported clause.
    clausal: Vec<bool>,
    phrases: HashMap<String, Vec<Phrase<PhraseKind>>>,
    abbreviations: HashMap<Box<[u8]>, AbbrevClass>,
    /// The [`AbbreviationBits`] of the keys of `abbreviations`: a
    /// word whose bit is clear is no abbreviation, which answers most of the
    /// look-ups (one per period in the text) without hashing.
    abbreviation_bits: AbbreviationBits,
    /// Folded full titles (`foreign secretary`) and their gender.
    titles: HashMap<String, Gender>,
    /// Folded short forms of given names → the folded names they shorten
    /// (`lizzy` → `elizabeth`).
    shortens: HashMap<Box<[u8]>, Vec<Box<str>>>,
}

impl Lexicon {
    /// The built-in English lexicon, loaded once.
    pub fn english() -> &'static Lexicon {
        static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            let mut lex = Lexicon::default();
            // room for a word a line: the table is sized once, not grown
            // and rehashed seven times
            let lines = LexiconFile::ALL.iter().map(|f| f.english().lines().count());
            lex.short.reserve(lines.sum());
            for file in LexiconFile::ALL {
                // The built-in lists are checked by the test suite
                // (`english_lexicon_loads`); a bad line there is a build bug.
                if let Err(e) = lex.add_lines(file, file.english()) {
                    debug_assert!(false, "{e}");
                }
            }
            // once for all the lists, as `add` does for each
            lex.mark_infos();
            lex.short.copy_infos(&lex.infos);
            lex
        })
    }

    /// Add the entries of `text`, written in the format of `file`.
    ///
    /// # Errors
    /// [`Error::Lexicon`] naming the file, the line and what is wrong with it.
    pub fn add(&mut self, file: LexiconFile, text: &str) -> Result<(), Error> {
        let added = self.add_lines(file, text);
        // the entries are edited in `infos`; the short table keeps copies
        self.mark_infos();
        self.short.copy_infos(&self.infos);
        added
    }

    /// Bring the [`WordInfo::marks`] of the entries up to date with their
    /// other fields.
    fn mark_infos(&mut self) {
        for info in &mut self.infos {
            *info = info.marked();
        }
    }

    fn add_lines(&mut self, file: LexiconFile, text: &str) -> Result<(), Error> {
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
            LexiconFile::Verbs if fields.len() == 2 => 2,
            LexiconFile::GivenNames if fields.len() == 3 => 3,
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
            LexiconFile::RoleNouns if fields.len() == 4 => 4,
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
                // (an entry keeps one more than the index in 16 bits)
                let lemma = u16::try_from(self.lemmas.len())
                    .ok()
                    .filter(|&l| l < u16::MAX)
                    .ok_or("too many verb lemmas: at most 65,535")?;
                let mut forms = fields[0].split_whitespace();
                let first = forms.next().ok_or("no lemma")?;
                let particle = fields.get(1).map(|p| fold(p));
                if particle
                    .as_deref()
                    .is_some_and(|p| p.contains(char::is_whitespace))
                {
                    return Err("a particle is one word".into());
                }
                self.lemmas.push(match &particle {
                    Some(p) => format!("{} {p}", fold(first)),
                    None => fold(first),
                });
                self.particles.push(particle);
                let forms: Vec<&str> = forms.collect();
                self.bare_past.push(
                    forms
                        .get(1)
                        .is_some_and(|past| past.eq_ignore_ascii_case(first)),
                );
                for form in std::iter::once(first).chain(forms) {
                    self.word_mut(fold(form)).set_verb_if_none(lemma);
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
                self.abbreviation_bits.set(word.as_bytes());
                self.abbreviations
                    .insert(word.into_bytes().into_boxed_slice(), class);
            }
            LexiconFile::Honorifics => {
                let g = gender(fields[1])?;
                let k = key.trim_end_matches('.').to_string();
                self.word_mut(k).set_honorific(g);
            }
            LexiconFile::Titles => {
                let g = gender(fields[1])?;
                let (first, rest) = split_phrase(fields[0])?;
                let single = rest.is_empty();
                for w in std::iter::once(&first).chain(rest.iter()) {
                    let w = w.trim_end_matches('.').to_string();
                    if !TITLE_GLUE.contains(&w.as_str()) {
                        let info = self.word_mut(w.clone());
                        info.set(TITLE_WORD);
                        if single {
                            info.set_title(g);
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
                let gender = fields.get(3).map_or(Ok(Gender::Unknown), |g| gender(g))?;
                self.word_mut(key).set_role(RoleNoun {
                    number,
                    person,
                    gender,
                });
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
                self.word_mut(key).set_pronoun(info);
            }
            LexiconFile::GivenNames => {
                let g = gender(fields[1])?;
                if let Some(full) = fields.get(2) {
                    let forms: Vec<Box<str>> = full
                        .split(',')
                        .map(|f| fold(f.trim()).into_boxed_str())
                        .filter(|f| !f.is_empty())
                        .collect();
                    if forms.is_empty() {
                        return Err("no full name after the short form".into());
                    }
                    self.shortens
                        .insert(key.clone().into_bytes().into_boxed_slice(), forms);
                }
                self.word_mut(key).set_given(g);
            }
            LexiconFile::NotNames => {
                self.word_mut(key).set(NOT_NAME);
            }
            LexiconFile::OrgWords => {
                self.word_mut(key).set(ORG);
            }
            LexiconFile::SentenceStarters => {
                self.word_mut(key).set(STARTER);
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
                        "auxiliary" => AUXILIARY,
                        other => return Err(format!("unknown class `{other}`")),
                    };
                }
                self.word_mut(key).function |= bits;
            }
        }
        Ok(())
    }

    /// Everything the lists say about `word` (one look-up).
    #[inline]
    pub(crate) fn info(&self, word: &str) -> WordInfo {
        let bytes = word.as_bytes();
        // (the empty word is not in the short table)
        if (1..=SHORT).contains(&bytes.len()) {
            if let Some((lo, hi)) = short_key(bytes) {
                // ASCII: the folded form is the lower-cased bytes, and only
                // a short ASCII key can equal it
                return self.short_info(lo, hi);
            }
        }
        self.info_slow(word)
    }

    /// The entry of a short ASCII word packed into two little-endian words.
    #[inline]
    fn short_info(&self, lo: u64, hi: u64) -> WordInfo {
        *self.short.find(lower_ascii(lo), lower_ascii(hi))
    }

    /// [`Lexicon::info`] of a word of ASCII letters, digits and word
    /// joiners (`'`, `-`, `.`, `&`) only, of at most [`SHORT`] bytes,
    /// packed into two little-endian words padded with zeros.
    ///
    /// A reference, so that the caller copies the entry as one block of
    /// memory rather than field by field.
    #[inline]
    pub(crate) fn info_alnum(&self, lo: u64, hi: u64) -> &WordInfo {
        // letters, digits and joiners: setting bit 5 of each letter (bit
        // 6 set) lower-cases the word and changes no digit, no joiner and
        // no padding (bit 6 clear)
        let lower = |x: u64| x | (x >> 1) & (ONES * 0x20);
        // most words have at most eight bytes: a look-up of its own, in
        // which the hash and the compare of the zero high word fold away
        if hi == 0 {
            self.short.find(lower(lo), 0)
        } else {
            self.short.find(lower(lo), lower(hi))
        }
    }

    /// [`Lexicon::info`] of the word `text[start..end]`: the same answer,
    /// read from the surrounding text without copying short words.
    #[inline]
    pub(crate) fn info_at(&self, text: &str, start: usize, end: usize) -> WordInfo {
        let bytes = text.as_bytes();
        let len = end.wrapping_sub(start);
        // (the empty word is not in the short table)
        if (1..=8).contains(&len) {
            // most words: one load, and the high word is known to be zero
            if let Some(window) = bytes.get(start..start + 8) {
                if let Ok(a) = <[u8; 8]>::try_from(window) {
                    let lo = u64::from_le_bytes(a) & low_bytes(len);
                    if lo & HIGH_BITS == 0 {
                        return self.short_info(lo, 0);
                    }
                }
            }
        }
        if (1..=SHORT).contains(&len) {
            if let Some(window) = bytes.get(start..start + SHORT) {
                let (a, b) = window.split_at(8);
                if let (Ok(a), Ok(b)) = (<[u8; 8]>::try_from(a), <[u8; 8]>::try_from(b)) {
                    let lo = u64::from_le_bytes(a) & low_bytes(len);
                    let hi = u64::from_le_bytes(b) & low_bytes(len.saturating_sub(8));
                    if (lo | hi) & HIGH_BITS == 0 {
                        return self.short_info(lo, hi);
                    }
                }
            }
        }
        text.get(start..end)
            .map_or_else(WordInfo::default, |w| self.info(w))
    }

    /// [`Lexicon::info`] for long or non-ASCII words.
    #[cold]
    fn info_slow(&self, word: &str) -> WordInfo {
        let bytes = word.as_bytes();
        let index = if bytes.len() <= 32 && word.is_ascii() {
            // fold into a stack buffer, no allocation
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            self.words.get(&buf[..bytes.len()]).copied()
        } else if let Some((buf, len)) = fold_quotes(bytes) {
            self.words.get(&buf[..len]).copied()
        } else {
            self.words.get(fold(word).as_bytes()).copied()
        };
        index
            .and_then(|i| self.infos.get(i as usize))
            .copied()
            .unwrap_or_default()
    }

    fn word_mut(&mut self, key: impl Into<String>) -> &mut WordInfo {
        let key = key.into().into_bytes().into_boxed_slice();
        let index = match self.words.get(&key) {
            Some(&i) => i as usize,
            None => {
                let i = self.infos.len();
                self.infos.push(WordInfo::default());
                if (1..=SHORT).contains(&key.len()) && !key.contains(&0) {
                    if let Some((lo, hi)) = short_key(&key) {
                        self.short.insert(lo, hi, i as u32);
                    }
                }
                self.words.insert(key, i as u32);
                i
            }
        };
        &mut self.infos[index]
    }

    /// Whether verb lemma `id` takes a reported clause (`say`, `claim`).
    pub(crate) fn is_clausal(&self, id: u32) -> bool {
        self.clausal.get(id as usize).copied().unwrap_or(false)
    }

    /// Verb lemma `lemma` as the English lexicon has it, if it has it
    /// (as a word of its own: a phrasal verb's lemma is not looked up):
    /// a `'static` string, which a [`Cue`](crate::Cue) keeps without a
    /// copy.
    pub(crate) fn english_lemma(lemma: &str) -> Option<&'static str> {
        let english = Lexicon::english();
        let id = english.info(lemma).verb()?;
        Some(english.lemma(id)).filter(|&l| l == lemma)
    }

    /// The lemma with index `id`.
    pub(crate) fn lemma(&self, id: u32) -> &str {
        self.lemmas.get(id as usize).map_or("", String::as_str)
    }

    /// The particle verb lemma `id` needs right after it (`back` for
    /// `shoot back`), if it is a phrasal verb.
    pub(crate) fn particle(&self, id: u32) -> Option<&str> {
        self.particles.get(id as usize)?.as_deref()
    }

    /// Whether the past tense of reporting verb `id` is spelled like its
    /// lemma (`read`, `put`, `cut`).
    pub(crate) fn bare_past(&self, id: u32) -> bool {
        self.bare_past.get(id as usize).copied().unwrap_or(false)
    }

    /// The class of abbreviation `word` (without its final period).
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.is_empty() {
            return None;
        }
        let bytes = word.as_bytes();
        if bytes.len() <= 32 && word.is_ascii() {
            if !self.abbreviation_bits.may_hold(bytes) {
                return None;
            }
            // fold into a stack buffer: no allocation, no UTF-8 check
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            self.abbreviations.get(&buf[..bytes.len()]).copied()
        } else {
            self.abbreviations.get(fold(word).as_bytes()).copied()
        }
    }

    /// Whether `word` typically starts a sentence.
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        !word.is_empty() && self.info(word).starter()
    }

    /// The lemma of reporting verb form `word` (`told` → `tell`), if the
    /// lexicon has it.
    pub fn reporting_verb(&self, word: &str) -> Option<&str> {
        self.info(word).verb().map(|id| self.lemma(id))
    }

    /// Cue phrases starting with `first`.
    pub(crate) fn phrases(&self, first: &str) -> &[Phrase<PhraseKind>] {
        with_folded(first, |k| self.phrases.get(k).map(Vec::as_slice)).unwrap_or(&[])
    }

    /// The gender of a whole title as written (`Foreign Secretary`), when
    /// it is a known title.
    pub(crate) fn title_gender(&self, title: &str) -> Option<Gender> {
        if title.len() <= 48 && title.is_ascii() {
            // an ASCII title (nearly all) is folded into a stack buffer, as
            // `abbreviation` does: no allocation per look-up
            let mut buf = [0u8; 48];
            let mut len = 0;
            for w in title.split_whitespace() {
                let w = w.trim_end_matches('.').as_bytes();
                if len > 0 {
                    buf[len] = b' ';
                    len += 1;
                }
                for (d, s) in buf[len..].iter_mut().zip(w) {
                    *d = s.to_ascii_lowercase();
                }
                len += w.len();
            }
            // (ASCII in, ASCII out: always UTF-8)
            return std::str::from_utf8(&buf[..len])
                .ok()
                .and_then(|key| self.titles.get(key).copied());
        }
        let mut key = String::with_capacity(title.len());
        for w in title.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            fold_into(w.trim_end_matches('.'), &mut key);
        }
        self.titles.get(&key).copied()
    }

    /// The folded given names that folded short form `short` shortens
    /// (`harry` → `henry`, `harold`), none for any other word.
    pub(crate) fn shortened(&self, short: &[u8]) -> &[Box<str>] {
        self.shortens.get(short).map_or(&[], Vec::as_slice)
    }

    /// Number of reporting verb lemmas.
    pub fn verb_count(&self) -> usize {
        self.lemmas.len()
    }
}

/// The longest word [`ShortTable`] holds, in bytes.
const SHORT: usize = 16;

/// The low bit of each byte of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `bytes` (at most [`SHORT`]) as two little-endian words padded with
/// zeros, when they are all ASCII.
#[inline]
fn short_key(bytes: &[u8]) -> Option<(u64, u64)> {
    let mut buf = [0u8; SHORT];
    buf[..bytes.len()].copy_from_slice(bytes);
    let (a, b) = buf.split_at(8);
    let lo = u64::from_le_bytes(a.try_into().ok()?);
    let hi = u64::from_le_bytes(b.try_into().ok()?);
    ((lo | hi) & HIGH_BITS == 0).then_some((lo, hi))
}

/// A mask of the low `n` bytes of a `u64` (all of them from 8 up).
#[inline]
pub(crate) fn low_bytes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// ASCII lower case of eight ASCII bytes at once.
#[inline]
pub(crate) fn lower_ascii(x: u64) -> u64 {
    // high bit of each byte: at least `A`, and at least `Z` + 1
    let at_least_a = x + ONES * (0x80 - b'A' as u64);
    let past_z = x + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = at_least_a & !past_z & HIGH_BITS;
    x | (upper >> 2)
}

/// An open-addressing hash table from short ASCII words, packed into two
/// `u64`s, to copies of their entries of `Lexicon::infos`: a look-up reads
/// the entry from the slot that holds the key, with no second index.
///
/// No Bloom filter in front: two words in three of news text are in the
/// lexicon, so a filter turns few away and costs every look-up its work.
///
/// The words of at most eight bytes, which most look-ups are, are kept
/// apart in an [`EightTable`]: its slots need no high word, and are half a
/// cache line.
#[derive(Clone, Debug, Default)]
struct ShortTable {
    /// The words of at most eight bytes.
    eight: EightTable,
    /// The longer words. The length is zero or a power of two, at least
    /// four times the number of words: with linear probing, a look-up then
    /// seldom reads a second slot (at half full, one in two did).
    slots: Vec<ShortSlot>,
    /// By slot: the index into `Lexicon::infos` of the entry copied into
    /// it, for [`ShortTable::copy_infos`].
    indices: Vec<u32>,
    /// `64 - log2(slots.len())`.
    shift: u32,
    len: usize,
}

/// A slot of [`ShortTable`]: a word, packed, and what the lists say of it.
/// Empty when `lo` is 0 (no word is empty or holds a zero byte).
#[derive(Clone, Copy, Debug, Default)]
struct ShortSlot {
    lo: u64,
    hi: u64,
    info: WordInfo,
}

impl ShortTable {
    #[inline]
    fn hash(lo: u64, hi: u64) -> u64 {
        (lo ^ hi.rotate_left(29).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The entry of the word packed as `lo` and `hi`; [`WordInfo::NONE`]
    /// when it is not in the table.
    ///
    /// Whether a word is in the lexicon is a toss-up (two words in three
    /// are), so a slot is asked one question that is nearly always yes at
    /// the first, "the word or empty?", and the entry then picked without a
    /// branch: asking "the word?" and then "empty?" mispredicted often.
    #[inline]
    fn find(&self, lo: u64, hi: u64) -> &WordInfo {
        if hi == 0 {
            return self.eight.find(lo);
        }
        let h = Self::hash(lo, hi);
        let mask = self.slots.len().wrapping_sub(1);
        let mut s = (h >> self.shift) as usize;
        loop {
            let Some(slot) = self.slots.get(s) else {
                return &WordInfo::NONE;
            };
            let diff = (slot.lo ^ lo) | (slot.hi ^ hi);
            // the word, or empty (`lo` 0): with `min`, one branch
            if diff.min(slot.lo) == 0 {
                return if diff == 0 {
                    &slot.info
                } else {
                    &WordInfo::NONE
                };
            }
            s = (s + 1) & mask;
        }
    }

    /// Make room for `more` words without growing (most of them of at
    /// most eight bytes, about one in five longer).
    fn reserve(&mut self, more: usize) {
        self.eight.reserve(more);
        let want = (self.len + more / 5) * 4;
        if want > self.slots.len() {
            self.grow(want.next_power_of_two());
        }
    }

    /// Move the words into `size` slots, a power of two.
    fn grow(&mut self, size: usize) {
        let old = std::mem::take(&mut self.slots);
        let old_indices = std::mem::take(&mut self.indices);
        self.slots = vec![ShortSlot::default(); size];
        self.indices = vec![0; size];
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        for (slot, i) in old.iter().zip(old_indices) {
            if slot.lo != 0 {
                self.insert(slot.lo, slot.hi, i);
            }
        }
    }

    /// Add the word packed as `lo` (not 0) and `hi`, whose entry is
    /// `infos[index]` (copied in by [`ShortTable::copy_infos`]).
    fn insert(&mut self, lo: u64, hi: u64, index: u32) {
        if hi == 0 {
            self.eight.insert(lo, index);
            return;
        }
        if (self.len + 1) * 4 > self.slots.len() {
            self.grow((self.slots.len() * 2).max(64));
        }
        let hash = Self::hash(lo, hi);
        let mask = self.slots.len() - 1;
        let mut s = (hash >> self.shift) as usize;
        while self.slots[s].lo != 0 {
            if self.slots[s].lo == lo && self.slots[s].hi == hi {
                self.indices[s] = index;
                return;
            }
            s = (s + 1) & mask;
        }
        self.slots[s].lo = lo;
        self.slots[s].hi = hi;
        self.indices[s] = index;
        self.len += 1;
    }

    /// Bring the copied entries up to date with `infos`.
    fn copy_infos(&mut self, infos: &[WordInfo]) {
        self.eight.copy_infos(infos);
        for (slot, &i) in self.slots.iter_mut().zip(&self.indices) {
            if slot.lo != 0 {
                slot.info = infos.get(i as usize).copied().unwrap_or_default();
            }
        }
    }
}

/// The words of at most eight bytes of a [`ShortTable`], packed into one
/// `u64`, with copies of their entries, in pairs of slots that fill half a
/// cache line each: a look-up reads the pair of its hash (in one line) and
/// seldom another. The table holds about 6,000 words in 256 KiB where a
/// [`ShortSlot`] per word at a quarter full took 1.3 MiB, most of the
/// tokenizer's cache misses on news text (and pairs of a line each, with
/// the entries unpacked, 512 KiB).
#[derive(Clone, Debug, Default)]
struct EightTable {
    /// The length is zero or a power of two, at least the number of words
    /// (so at most half the slots are full). A pair's first slot fills
    /// before its second, and a word goes into the first pair with room
    /// from that of its hash on (linear probing by pairs).
    pairs: Vec<EightPair>,
    /// By slot: the index into `Lexicon::infos` of the entry copied into
    /// it, for [`EightTable::copy_infos`].
    indices: Vec<[u32; 2]>,
    /// `64 - log2(pairs.len())`.
    shift: u32,
    len: usize,
}

/// Two slots of an [`EightTable`], aligned to half a cache line.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(32))]
struct EightPair([EightSlot; 2]);

/// A slot of an [`EightTable`]: a word, packed, and what the lists say of
/// it. Empty when `lo` is 0 (no word is empty or holds a zero byte).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct EightSlot {
    lo: u64,
    info: WordInfo,
}

// a pair fills half a cache line, no more
const _: () = assert!(std::mem::size_of::<EightPair>() == 32);

/// [`EightSlot::lo`] of a pair's first slot: some word went past the pair
/// (it was full), so a look-up that does not find its word there goes on.
/// The high bit of the last byte, which no packed word has: the words are
/// ASCII.
const PASSED: u64 = 1 << 63;

impl EightTable {
    #[inline]
    fn pair_of(&self, lo: u64) -> usize {
        // (`ShortTable::hash` of a word without a high word)
        (lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The entry of the word packed as `lo`; [`WordInfo::NONE`] when it is
    /// not in the table. As in [`ShortTable::find`], one branch a pair,
    /// nearly always taken at the first: the word is there, or no word
    /// went past the pair (then the word is nowhere further).
    ///
    /// (Stopping at a pair with room instead, as this once did, went on
    /// past every full pair for the words that are in no list, a third of
    /// the look-ups: in the English lexicon 1,370 of the 8,192 pairs are
    /// full, but only 317 were gone past. Whether to go on is a branch that
    /// the word decides and that waits for the load of the pair.)
    #[inline]
    fn find(&self, lo: u64) -> &WordInfo {
        let mask = self.pairs.len().wrapping_sub(1);
        let mut p = self.pair_of(lo);
        loop {
            let Some(EightPair([a, b])) = self.pairs.get(p) else {
                return &WordInfo::NONE;
            };
            let (da, db) = ((a.lo & !PASSED) ^ lo, b.lo ^ lo);
            // (found, or no word went past: with `min`, one branch)
            if da.min(db).min(a.lo & PASSED) == 0 {
                let second = if db == 0 { &b.info } else { &WordInfo::NONE };
                return if da == 0 { &a.info } else { second };
            }
            p = (p + 1) & mask;
        }
    }

    /// Make room for `more` words without growing.
    fn reserve(&mut self, more: usize) {
        let want = self.len + more;
        if want > self.pairs.len() {
            self.grow(want.next_power_of_two());
        }
    }

    /// Move the words into `size` pairs, a power of two.
    fn grow(&mut self, size: usize) {
        let old = std::mem::take(&mut self.pairs);
        let old_indices = std::mem::take(&mut self.indices);
        self.pairs = vec![EightPair::default(); size];
        self.indices = vec![[0; 2]; size];
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        for (pair, indices) in old.iter().zip(old_indices) {
            for (slot, i) in pair.0.iter().zip(indices) {
                if slot.lo != 0 {
                    self.insert(slot.lo & !PASSED, i);
                }
            }
        }
    }

    /// Add the word packed as `lo` (not 0, ASCII), whose entry is
    /// `infos[index]` (copied in by [`EightTable::copy_infos`]).
    fn insert(&mut self, lo: u64, index: u32) {
        if self.len + 1 > self.pairs.len() {
            self.grow((self.pairs.len() * 2).max(32));
        }
        let mask = self.pairs.len() - 1;
        let mut p = self.pair_of(lo);
        loop {
            for k in 0..2 {
                let slot = &mut self.pairs[p].0[k];
                let word = slot.lo & !PASSED;
                if word == 0 || word == lo {
                    if word == 0 {
                        slot.lo |= lo;
                        self.len += 1;
                    }
                    self.indices[p][k] = index;
                    return;
                }
            }
            // the word goes past a full pair: a look-up must too
            self.pairs[p].0[0].lo |= PASSED;
            p = (p + 1) & mask;
        }
    }

    /// Bring the copied entries up to date with `infos`.
    fn copy_infos(&mut self, infos: &[WordInfo]) {
        for (pair, indices) in self.pairs.iter_mut().zip(&self.indices) {
            for (slot, &i) in pair.0.iter_mut().zip(indices) {
                if slot.lo & !PASSED != 0 {
                    slot.info = infos.get(i as usize).copied().unwrap_or_default();
                }
            }
        }
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

/// Append the comparison form of `word` (see [`fold`]) to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out.as_mut_str()[start..].make_ascii_lowercase();
    } else if unicode_normalization::is_nfkc_quick(word.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        // already in NFKC (the common case: `’`, accented letters)
        fold_chars(word.chars(), out);
    } else {
        fold_chars(word.nfkc(), out);
    }
}

fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        match c {
            '’' | '‘' | 'ʼ' | '′' => out.push('\''),
            // a soft hyphen only marks where a line may break
            '\u{AD}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// [`fold`] of a word of ASCII and typographic apostrophes (`’`, `‘`)
/// only, of at most 32 bytes folded (`don’t`, `O’Neil`), into a stack
/// buffer: the common non-ASCII word, folded with no allocation. Both
/// marks are in NFKC already, so folding lower-cases the ASCII and turns
/// them into `'`. `None` for any other word.
fn fold_quotes(word: &[u8]) -> Option<([u8; 32], usize)> {
    let mut buf = [0u8; 32];
    let (mut i, mut n) = (0, 0);
    while let Some(&b) = word.get(i) {
        let (folded, width) = match (b, word.get(i + 1..i + 3)) {
            (..0x80, _) => (b.to_ascii_lowercase(), 1),
            (0xE2, Some([0x80, 0x98 | 0x99])) => (b'\'', 3),
            _ => return None,
        };
        *buf.get_mut(n)? = folded;
        n += 1;
        i += width;
    }
    Some((buf, n))
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

    /// An entry keeps a verb's lemma index in 16 bits: a list with more
    /// lemmas than fit is refused with an error naming the line, not cut
    /// short or wrapped around.
    #[test]
    fn verb_lemmas_past_sixteen_bits_are_an_error() {
        let mut lex = Lexicon::default();
        let fits: String = (0..65_535).map(|n| format!("v{n}\n")).collect();
        if let Err(e) = lex.add(LexiconFile::Verbs, &fits) {
            panic!("65,535 lemmas refused: {e}");
        }
        assert_eq!(lex.info("v65534").verb(), Some(65_534));
        assert_eq!(lex.reporting_verb("v65534"), Some("v65534"));
        let Err(e) = lex.add(LexiconFile::Verbs, "one more\n") else {
            panic!("the 65,536th lemma accepted");
        };
        assert!(e.to_string().contains("too many verb lemmas"), "{e}");
    }

    /// Each field of an entry reads back as it was set, whatever else the
    /// entry holds (the fields share bytes).
    #[test]
    fn packed_entries_read_back() {
        let genders = [
            Gender::Masculine,
            Gender::Feminine,
            Gender::Neuter,
            Gender::Unknown,
        ];
        for (k, &g) in genders.iter().enumerate() {
            let h = genders[(k + 1) % 4];
            let mut info = WordInfo::NONE;
            let pronoun = PronounInfo {
                gender: g,
                number: Number::Plural,
                person: 3,
            };
            let role = RoleNoun {
                number: Number::Singular,
                person: true,
                gender: h,
            };
            info.set_verb_if_none(7);
            info.set_verb_if_none(9);
            info.set_pronoun(pronoun);
            info.set_role(role);
            info.set_title(h);
            info.set_honorific(g);
            info.set_given(h);
            info.set(ORG);
            info.function |= DETERMINER;
            let info = info.marked();
            assert_eq!(info.verb(), Some(7));
            assert_eq!(info.pronoun(), Some(pronoun));
            assert_eq!(info.role(), Some(role));
            assert_eq!(info.title(), Some(h));
            assert_eq!(info.honorific(), Some(g));
            assert_eq!(info.given(), Some(h));
            assert!(info.org() && !info.not_name() && !info.starter() && !info.title_word());
            assert!(info.is(DETERMINER) && !info.is(OBJECT));
            assert!(info.has(TITLE_MARK) && info.has(ROLE_MARK) && info.has(NOT_NAME_MARK));
        }
        let none = WordInfo::NONE;
        assert_eq!(none, WordInfo::default());
        assert_eq!(
            (none.verb(), none.pronoun(), none.role(), none.title()),
            (None, None, None, None)
        );
        assert_eq!(
            (none.honorific(), none.given(), none.function()),
            (None, None, 0)
        );
    }

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
    fn a_short_form_names_the_given_names_it_shortens() {
        let lex = Lexicon::english();
        let forms: Vec<&str> = lex.shortened(b"harry").iter().map(|f| &**f).collect();
        assert_eq!(forms, ["henry", "harold"]);
        assert!(lex.shortened(b"henry").is_empty());
        // (the short form is a given name like any other)
        assert_eq!(lex.info("Peggy").given(), Some(Gender::Feminine));
        let mut lex = Lexicon::default();
        lex.add(LexiconFile::GivenNames, "Sasha\t-\tAlexander, Alexandra\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let forms: Vec<&str> = lex.shortened(b"sasha").iter().map(|f| &**f).collect();
        assert_eq!(forms, ["alexander", "alexandra"]);
    }

    #[test]
    fn lookups_fold_case_and_glyphs() {
        let lex = Lexicon::english();
        assert_eq!(lex.reporting_verb("SAID"), Some("say"));
        assert_eq!(lex.reporting_verb("told"), Some("tell"));
        assert_eq!(lex.reporting_verb("ｓａｉｄ"), Some("say"));
        assert_eq!(lex.info("Mrs").honorific(), Some(Gender::Feminine));
        assert!(lex.info("She").pronoun().is_some());
        assert!(lex.info("secretary").title_word());
    }

    #[test]
    fn short_table_agrees_with_the_full_index() {
        let lex = Lexicon::english();
        for (key, &i) in &lex.words {
            let Ok(word) = std::str::from_utf8(key) else {
                continue;
            };
            let want = lex.infos[i as usize];
            assert_eq!(lex.info(word), want, "{word}");
            assert_eq!(
                lex.info(&word.to_uppercase()),
                lex.info_slow(&word.to_uppercase())
            );
            assert_eq!(lex.info_slow(word), want, "{word}");
        }
        for w in [
            "",
            "zzqx",
            "Saidx",
            "@[`{",
            "A-Z",
            "abcdefghijklmnopq",
            "ÉTÉ",
            "x\u{0}",
        ] {
            assert_eq!(lex.info(w), lex.info_slow(w), "{w}");
        }
        for b in 0u8..0x80 {
            let w = (b as char).to_string();
            assert_eq!(lex.info(&w), lex.info_slow(&w), "{b}");
        }
        let text = "Said the Prime Minister’s SPOKESWOMAN, Ms Doe: a-z 0123456789abcdefghijkl";
        for (start, _) in text.char_indices() {
            for end in (start..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let w = &text[start..end];
                assert_eq!(lex.info_at(text, start, end), lex.info_slow(w), "{w}");
            }
        }
    }

    #[test]
    fn phrasal_verbs_keep_their_particle() {
        let mut lex = Lexicon::default();
        lex.add(
            LexiconFile::Verbs,
            "say says said said saying\nshoot shoots shot shot shooting\tback",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let id = lex
            .info("shot")
            .verb()
            .unwrap_or_else(|| panic!("shot: no verb"));
        assert_eq!(lex.lemma(id), "shoot back");
        assert_eq!(lex.particle(id), Some("back"));
        let say = lex
            .info("said")
            .verb()
            .unwrap_or_else(|| panic!("said: no verb"));
        assert_eq!(lex.particle(say), None);
        let bad = lex.add(
            LexiconFile::Verbs,
            "fire fires fired fired firing\tback off",
        );
        let Err(err) = bad else {
            panic!("a two-word particle was accepted");
        };
        assert!(err.to_string().contains("one word"), "{err}");
    }

    #[test]
    fn fold_skips_normalisation_only_when_it_changes_nothing() {
        for w in [
            "Trump’s",
            "ZOË",
            "ｓａｉｄ",
            "ﬁne",
            "Ⅻ",
            "e\u{301}te",
            "Σίσυφος",
            "İstanbul",
        ] {
            let mut want = String::new();
            fold_chars(w.nfkc(), &mut want);
            assert_eq!(fold(w), want, "{w}");
        }
    }

    #[test]
    fn quotes_fold_on_the_stack_as_fold_has_it() {
        for w in [
            "don’t",
            "O‘Neil’s",
            "I’M",
            "’",
            "a’b’c",
            "it's",
            "a\u{2018}",
        ] {
            let Some((buf, len)) = fold_quotes(w.as_bytes()) else {
                panic!("{w}: not folded");
            };
            assert_eq!(&buf[..len], fold(w).as_bytes(), "{w}");
        }
        let long = "x’".repeat(17);
        for w in ["Zoë", "don‛t", long.as_str()] {
            assert_eq!(fold_quotes(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn bad_lines_name_file_line_and_reason() {
        // (file, text, what the error must say)
        let cases = [
            (
                LexiconFile::Honorifics,
                "# ok\nsir\tm\nmadam\tx\n",
                ["honorifics.txt", "line 3", "gender"],
            ),
            (
                LexiconFile::GivenNames,
                "Sasha\t-\t,\n",
                ["given_names.txt", "line 1", "no full name"],
            ),
        ];
        for (file, text, wants) in cases {
            let err = Lexicon::default()
                .add(file, text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            for want in wants {
                assert!(err.contains(want), "{err}");
            }
        }
    }
}
