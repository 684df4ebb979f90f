//! The local grammar around a quotation: cues, speaker phrases and the
//! frames that join them (`X said: "…"`, `"…," said X`, `"…," X said`,
//! `according to X`, `"…" — X`, `X told Y: "…"`).
//!
//! Everything here reads a bounded window of tokens next to one
//! quotation, so the work per quotation is constant.

use crate::analysis::MentionKind;
use crate::lexicon::{
    Gender, Lexicon, Number, PhraseKind, ADVERB, AUXILIARY, DETERMINER, NOT_NAME_MARK, OBJECT, ORG,
    PARTICLE, ROLE_MARK, TITLE_MARK,
};
use crate::span::Span;
use crate::tokens::{Tok, Token, CAPS, COMMON, HYPHEN};

/// Verbs after which the next noun phrase is whom the quotation was said
/// to (`told GB News:`).
const ADDRESSING: &[&str] = &[
    "tell", "ask", "inform", "assure", "reassure", "warn", "remind", "promise", "advise", "urge",
    "notify", "brief", "caution", "instruct", "write", "email", "text", "message",
];

/// Nouns for written words whose author says them (`an email sent by X`).
const DOCUMENTS: &[&str] = &[
    "email",
    "e-mail",
    "letter",
    "memo",
    "note",
    "message",
    "release",
    "statement",
    "text",
    "tweet",
    // a court's: `In a dissent joined by two others, Justice Ann Vale
    // wrote …` ¶ `"…," the dissent said.`
    "dissent",
    "opinion",
    "concurrence",
];

/// Whether word `w` names a document ([`DOCUMENTS`]).
pub(crate) fn is_document(w: &str) -> bool {
    DOCUMENTS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// A speaker phrase found in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    /// The whole mention, titles and determiners included.
    pub span: Span,
    pub kind: MentionKind,
    /// For names: the name alone (no honorific, title or possessive).
    /// For descriptions: the role words (`Foreign Secretary`, `spokesperson`).
    pub head: Span,
    /// For names: the title before the name (`Foreign Secretary`).
    pub role: Option<Span>,
    pub gender: Gender,
    pub number: Number,
    /// A person rather than a group, organisation or document.
    pub person: bool,
    /// Opened by `the`/`this`/`that`: a definite description.
    pub definite: bool,
    /// A description headed by a title (`the senator`, `the Clacton MP`):
    /// one office holder rather than anyone of a kind (`the gentleman`).
    pub titled: bool,
}

impl Np {
    /// A singular description that is its own head, of no known gender
    /// and with no title: `One` of a group, `No 10`.
    fn described(span: Span, person: bool, definite: bool) -> Np {
        Np {
            span,
            kind: MentionKind::Description,
            head: span,
            role: None,
            gender: Gender::Unknown,
            number: Number::Singular,
            person,
            definite,
            titled: false,
        }
    }
}

/// A reporting cue found in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueMatch<'a> {
    pub span: Span,
    /// Index of the cue's last token.
    pub last: usize,
    /// Index of the cue's first token.
    pub first: usize,
    pub lemma: CueLemma<'a>,
}

/// The dictionary form of a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueLemma<'a> {
    /// A verb, by its lemma in the lexicon.
    Verb(&'a str),
    /// `according to`.
    AccordingTo,
}

/// Reading tokens with the lexicon.
#[derive(Clone, Copy)]
pub(crate) struct Reader<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lexicon: &'a Lexicon,
    /// Read the words inside quotations (for nested quotations) rather
    /// than the narrator's; the others are invisible.
    pub inside: bool,
}

impl<'a> Reader<'a> {
    /// Token `i`, when it is on the side of the quotation marks this
    /// reader reads.
    #[inline]
    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.tokens
            .get(i)
            .filter(|t| t.inside == self.inside || !matches!(t.tok(), Tok::Word | Tok::Punct(_)))
    }

    /// What the lexicon says about token `i` (nothing for non-words).
    #[inline]
    fn info(&self, i: usize) -> crate::lexicon::WordInfo {
        match self.tok(i) {
            Some(t) if t.tok() == Tok::Word => t.info,
            _ => crate::lexicon::WordInfo::default(),
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        match self.tok(i) {
            Some(t) if t.tok() == Tok::Word => &self.text[t.span],
            _ => "",
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_word)
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether the word of token `i` is possessive: [`is_possessive`] of
    /// [`Reader::word`].
    #[inline]
    fn possessive_at(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.tok() == Tok::Word && self.possessive_span(t.span))
    }

    /// [`is_possessive`] of the text of `span`, read from its bytes (no
    /// slicing of the text at char boundaries).
    #[inline]
    fn possessive_span(&self, span: Span) -> bool {
        self.text
            .as_bytes()
            .get(span.start..span.end)
            .is_some_and(possessive_bytes)
    }

    /// A token that ends a clause for frame purposes.
    fn is_stop(&self, i: usize) -> bool {
        match self.tok(i).map(|t| t.tok()) {
            None => true,
            Some(Tok::Sentence | Tok::Paragraph | Tok::Open(_) | Tok::Close(_)) => true,
            // sentence ends are Sentence markers; a period alone may end an
            // abbreviation (`R-Ky.`)
            Some(Tok::Punct(c)) => matches!(c, ';' | ':'),
            Some(Tok::Word) => false,
        }
    }

    /// The index of the first token starting at or after byte `start`,
    /// among the tokens before `upto`: read backwards from `upto`, since
    /// the phrase at `start` ends just before it (a binary search over the
    /// whole article would miss the cache at every probe).
    fn first_token_from(&self, start: usize, upto: usize) -> usize {
        let mut k = upto.min(self.tokens.len());
        while k > 0 && self.tokens[k - 1].span.start >= start {
            k -= 1;
        }
        k
    }

    /// The reporting verb at token `i`, if it is one.
    #[inline]
    pub fn verb_at(&self, i: usize) -> Option<&'a str> {
        // most tokens are no verb form at all, told from the token without
        // a call (a cue search asks at each token of its window)
        if !self
            .tok(i)
            .is_some_and(|t| t.tok() == Tok::Word && t.info.verb().is_some())
        {
            return None;
        }
        self.verb_form_at(i)
    }

    /// [`Reader::verb_at`] of a word that is a reporting verb's form.
    #[inline(never)]
    fn verb_form_at(&self, i: usize) -> Option<&'a str> {
        let t = self.tok(i)?;
        if t.tok() != Tok::Word {
            return None;
        }
        let id = t.info.verb()?;
        if t.caps() {
            return None;
        }
        let before = i.checked_sub(1).and_then(|p| self.tokens.get(p));
        // a capitalised verb is a cue only at the start of a sentence
        // (`Asked about it, …`); elsewhere it is a name (`Read said`)
        // (but in a headline, where every word is capitalised: `Sheriff
        // Dunmore Says Border County 'Overrun'`)
        if t.capital
            && !t.headline()
            && before.is_some_and(|b| matches!(b.tok(), Tok::Word | Tok::Punct(_)))
        {
            return None;
        }
        // and a bare form there before a capitalised word opens a name
        // (`Echo Point is running …`; `Said Mr Hill:` is a past)
        if t.capital
            && self.text[t.span].eq_ignore_ascii_case(self.lexicon.lemma(id))
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.tok() == Tok::Word && n.capital)
        {
            return None;
        }
        let next = self.tokens.get(i + 1);
        // a word right before another reporting verb is its subject, a
        // name or a noun (`"…," Read said.`, `the report said`)
        // (unless that verb is a noun before an auxiliary: `said talks had`)
        if next.is_some_and(|n| n.tok() == Tok::Word && !n.capital && n.info.verb().is_some())
            && !self
                .tokens
                .get(i + 2)
                .is_some_and(|n| n.tok() == Tok::Word && n.info.is(AUXILIARY))
        {
            return None;
        }
        // between a reporting verb and an auxiliary the word is the subject
        // of a reported clause: `said talks had made "…"`
        if before.is_some_and(|b| b.tok() == Tok::Word && b.info.verb().is_some())
            && next.is_some_and(|n| n.tok() == Tok::Word && n.info.is(AUXILIARY))
        {
            return None;
        }
        // a noun that can also be a verb, between a name and a title or
        // name, is a noun: `Halloran campaign Chairman Rick Vale`
        if t.info.role().is_some()
            && (before.is_some_and(|b| b.capital)
                && next.is_some_and(|n| n.capital || n.info.title_word())
                || next.is_some_and(|n| {
                    // `campaign source`, `press secretary`: a noun before a noun
                    n.tok() == Tok::Word
                        && (n.info.role().is_some() || n.info.title_word())
                        && n.info.verb().is_none()
                }))
        {
            return None;
        }
        // after a number the word is a noun: `his 2008 campaign` (but not
        // after a house number that names its occupant: `No 10 said`)
        if before.is_some_and(|b| {
            b.tok() == Tok::Word && self.text[b.span].bytes().all(|c| c.is_ascii_digit())
        }) && !self.house_number_at(i - 1)
        {
            return None;
        }
        // after a determiner the word is a noun: `the campaign`, `a statement`
        // (but `One said:`, `Another wrote:` open a clause with a verb)
        if before.is_some_and(|b| {
            b.tok() == Tok::Word && (b.info.is(DETERMINER) || is_possessive(&self.text[b.span]))
        }) && !self.one_of_a_group(i - 1)
        {
            return None;
        }
        // a bare verb form after a singular word is a noun (`a Democratic
        // state`, `the EPA biofuel rule`, `presidential campaign`): as a verb
        // it follows a pronoun, a plural, `to`, an auxiliary or an adverb
        // (a past spelled like the lemma is a verb anywhere: `the
        // statement read`, `Bounderby put in`)
        if !self.lexicon.bare_past(id)
            && before.is_some_and(|b| {
                b.tok() == Tok::Word && !self.noun_can_precede_bare_verb(b) && {
                    let w = &self.text[t.span];
                    w.eq_ignore_ascii_case(self.lexicon.lemma(id))
                }
            })
        {
            return None;
        }
        // the noun of a phrase that is the object of a verb before it is
        // no verb: `calling the three long audit reports "…"`
        // (only after a verb that takes no reported clause: in `said the
        // company plans` the phrase is the clause's subject)
        if before.is_some_and(|b| b.tok() == Tok::Word && !b.capital) && self.object_noun(i) {
            return None;
        }
        // a phrasal verb is a cue only with its particle (`shot back`)
        if let Some(particle) = self.lexicon.particle(id) {
            if !self.word(i + 1).eq_ignore_ascii_case(particle) {
                return None;
            }
            // and with nothing after it but punctuation or a preposition
            // (`went on to say`, `weighed in on`): a noun makes it another
            // verb (`goes on recess`, `went on television`)
            if self.is_word(i + 2) && !is_preposition(self.word(i + 2)) {
                return None;
            }
        }
        Some(self.lexicon.lemma(id))
    }

    /// Whether the `-s` word at `i` ends a phrase opened by `the`, `a` or `an`
    /// across at most three lower-case words, right after an inflected
    /// reporting verb that takes no reported clause (`calling the three
    /// long audit reports`): the object of that verb (kept out of line: it
    /// is asked only of the few verb forms after a lower-case word).
    #[inline(never)]
    fn object_noun(&self, i: usize) -> bool {
        // (a plural noun spelled as a verb's `-s` form: `reports`, `points`)
        if !self.word(i).ends_with('s') {
            return false;
        }
        let Some(d) = (i.saturating_sub(4)..i)
            .rev()
            .find(|&d| self.is_word(d) && matches!(self.word(d), "the" | "a" | "an"))
        else {
            return false;
        };
        d > 0
            && (d + 1..i).all(|k| {
                self.tokens[k].tok() == Tok::Word
                    && !self.tokens[k].capital
                    && self.info(k).verb().is_none()
                    && !is_preposition(self.word(k))
            })
            && self.tokens[d - 1].tok() == Tok::Word
            && !self.tokens[d - 1].capital
            // (an inflected form: `at which point the hall jeered` has a
            // noun there)
            && self.info(d - 1).verb().is_some_and(|v| {
                !self.lexicon.is_clausal(v)
                    && !self.word(d - 1).eq_ignore_ascii_case(self.lexicon.lemma(v))
            })
    }

    /// The first token of a house number that names its occupant, ending
    /// at token `k`: `No 10`, `No. 10`, `Number 10` (Downing Street).
    fn house_number_start(&self, k: usize) -> Option<usize> {
        let digits = self.word(k);
        if !self.is_word(k) || digits.len() > 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut j = k.checked_sub(1)?;
        if self.punct(j, '.') {
            j = j.checked_sub(1)?;
        }
        (self.is_word(j) && matches!(self.word(j), "No" | "Number")).then_some(j)
    }

    /// Whether token `k` ends a house number that names its occupant.
    fn house_number_at(&self, k: usize) -> bool {
        self.house_number_start(k).is_some()
    }

    /// Whether token `k` is `One` or `Another` opening its clause, a
    /// pronoun for one of a group just mentioned (`One wrote on TikTok:`,
    /// `"…," another said.`).
    fn one_of_a_group(&self, k: usize) -> bool {
        matches!(self.word(k), "another" | "Another" | "one" | "One")
            && (k == 0
                || matches!(
                    self.tokens[k - 1].tok(),
                    Tok::Sentence | Tok::Paragraph | Tok::Close(_) | Tok::Punct(',' | ';' | ':')
                )
                // (or after a conjunction that opens the clause: `…, while
                // another begged:`, `and another said`)
                || matches!(self.word(k - 1), "while" | "whereas" | "and" | "but")
                    && (k == 1
                        || matches!(
                            self.tokens[k - 2].tok(),
                            Tok::Close(_) | Tok::Punct(',' | ';')
                        )))
    }

    /// The phrase of `One` or `Another` at token `k`, a person of a group
    /// the text has mentioned.
    fn group_member(&self, k: usize) -> Np {
        Np::described(self.tokens[k].span, true, false)
    }

    /// `another` or `one` alone after an inverted reporting verb, at the
    /// end of its clause (`"…" tweeted another.`): its phrase.
    pub fn group_member_after(&self, k: usize, ceil: usize) -> Option<Np> {
        let alone = k + 1 >= ceil
            || self
                .tok(k + 1)
                .is_some_and(|t| matches!(t.tok(), Tok::Punct('.' | ',' | ';') | Tok::Sentence));
        (k < ceil && alone && matches!(self.word(k), "another" | "one"))
            .then(|| self.group_member(k))
    }

    /// Whether word `b` can stand right before a bare verb form (`they
    /// say`, `officials warn`, `to add`, `will tell`, `flatly deny`).
    fn noun_can_precede_bare_verb(&self, b: &Token) -> bool {
        let w = &self.text[b.span];
        b.info.pronoun().is_some()
            || b.info.is(ADVERB)
            || b.info.role().is_some_and(|r| r.number == Number::Plural)
            || w.eq_ignore_ascii_case("to")
            || w.len() > 3 && (w.ends_with('s') || w.ends_with("ly"))
    }

    /// The author of a document named between `from` and `to`: `an email
    /// sent by harbour master Callum Ruddock`, `a letter from Ann Vale`, a
    /// person's name after `by` or `from` within three words of the noun.
    pub fn author_between(&self, from: usize, to: usize) -> Option<Np> {
        let doc =
            (from..to.min(from + 8)).find(|&k| self.is_word(k) && is_document(self.word(k)))?;
        let by = (doc + 1..to.min(doc + 4)).find(|&k| {
            let w = self.word(k);
            w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("from")
        })?;
        self.np_or_apposed_name(by + 1, to)
            .or_else(|| self.name_after_modifiers(by + 1, to))
            .filter(|np| np.kind == MentionKind::Name && np.person)
    }

    /// Token `i` is post-nominal letters or their period: `KC`, `OBE`,
    /// `Jr.`, `III`.
    fn post_nominal(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        match t.tok() {
            Tok::Punct('.') => i > 0 && self.post_nominal(i - 1) && self.is_word(i - 1),
            Tok::Word => {
                let w = self.word(i);
                t.caps() && w.len() <= 5
                    || ["jr", "sr", "jnr", "snr"]
                        .iter()
                        .any(|s| w.eq_ignore_ascii_case(s))
            }
            _ => false,
        }
    }

    /// `according to` ending at token `i` (the `to`).
    #[inline]
    fn according_to_at(&self, i: usize) -> bool {
        // (a word of two bytes first: the cue searches ask at each token)
        i >= 1
            && self
                .tok(i)
                .is_some_and(|t| t.tok() == Tok::Word && t.span.len() == 2)
            && self.word(i).eq_ignore_ascii_case("to")
            && {
                let w = self.word(i - 1);
                self.lexicon.phrases(w).iter().any(|p| {
                    p.value == PhraseKind::SourceFollows && p.rest.len() == 1 && p.rest[0] == "to"
                })
            }
    }

    fn pronoun_np(&self, i: usize) -> Option<Np> {
        let t = self.tok(i)?;
        if t.tok() != Tok::Word {
            return None;
        }
        if t.info.pronoun().is_some_and(|p| p.person == 0) || t.info.is(OBJECT) {
            return None;
        }
        self.pronoun_at(i)
    }

    /// The pronoun at token `i` as a phrase, whatever its case (`her` in
    /// `her remark` as well as in `told her`).
    pub fn pronoun_at(&self, i: usize) -> Option<Np> {
        let t = self.tok(i).filter(|t| t.tok() == Tok::Word)?;
        let p = t.info.pronoun()?;
        // (without a contracted `'s` or auxiliary: `He's predicting`,
        // `She'd written` are He and She)
        let word = &self.text[t.span];
        let bare = strip_possessive(word).len() - contraction_len(word.as_bytes());
        let span = if bare > 0 {
            Span::new(t.span.start, t.span.start + bare)
        } else {
            t.span
        };
        Some(Np {
            span,
            kind: MentionKind::Pronoun,
            head: span,
            role: None,
            gender: p.gender,
            number: p.number,
            person: p.gender != Gender::Neuter,
            definite: true,
            titled: false,
        })
    }

    /// A word that can head a description: a role noun, a title, or an
    /// age (`78-year-old`).
    fn role_at(&self, i: usize) -> Option<(Number, bool, Gender)> {
        let t = self.tok(i).filter(|t| t.tok() == Tok::Word)?;
        if let Some(r) = t.info.role() {
            let gender = match r.gender {
                Gender::Unknown => role_gender(&self.text[t.span]),
                g => g,
            };
            return Some((r.number, r.person, gender));
        }
        if let Some(g) = t.info.title() {
            return Some((Number::Singular, true, g));
        }
        if self.age(t) {
            return Some((Number::Singular, true, Gender::Unknown));
        }
        None
    }

    /// Whether [`Reader::role_at`] finds a role at token `i` (without
    /// reading its number and gender).
    #[inline]
    fn is_role(&self, i: usize) -> bool {
        self.tok(i)
            .filter(|t| t.tok() == Tok::Word)
            // (a role or a title: `role_at`'s first two cases)
            .is_some_and(|t| t.info.has(ROLE_MARK) || self.age(t))
    }

    /// A capitalised word of `org_words.txt` at token `i` (`Fund`, `News`,
    /// `Ltd`), which makes the capitalised run it is in an organisation's
    /// name.
    fn org_word(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.tok() == Tok::Word && t.capital && t.info.org())
    }

    /// A word token that is an age (`78-year-old`).
    #[inline]
    fn age(&self, t: &Token) -> bool {
        // only a hyphenated word longer than `-year-old` can be one (the
        // hyphen is one bit, tested first)
        t.hyphen() && t.span.len() > AGE_SUFFIX.len() && is_age(&self.text[t.span])
    }

    /// A capitalised word that can be part of a name.
    #[inline]
    fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        t.tok() == Tok::Word
            && t.capital
            && !t.caps()
            && !t.common()
            // (on the list of words that are not names, or a pronoun)
            && !t.info.has(NOT_NAME_MARK)
    }

    #[inline]
    fn title_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i).filter(|t| t.tok() == Tok::Word) else {
            return false;
        };
        // (a title word or an honorific)
        t.info.has(TITLE_MARK) || t.hyphen() && self.hyphenated_title(t)
    }

    /// Whether token `p` is `of` or `the` inside a title of several words
    /// between its title words: `Secretary of State`, `Speaker of the
    /// House`, `Chancellor of the Exchequer` (kept out of line: called
    /// only where a phrase would end).
    #[inline(never)]
    fn title_glue(&self, p: usize) -> bool {
        if p == 0 || !self.is_word(p) {
            return false;
        }
        match self.word(p) {
            "of" => {
                self.title_word(p - 1)
                    && (self.title_word(p + 1)
                        || self.word(p + 1) == "the" && self.title_word(p + 2))
            }
            "the" => {
                p >= 2
                    && self.word(p - 1) == "of"
                    && self.title_word(p - 2)
                    && self.title_word(p + 1)
            }
            _ => false,
        }
    }

    /// `Secretary-Treasurer`, `Vice-Chair`: a hyphenated word whose every
    /// part is a title word (kept out of line: hyphens are rare).
    #[inline(never)]
    fn hyphenated_title(&self, t: &Token) -> bool {
        self.text[t.span]
            .split('-')
            .all(|part| self.lexicon.info(part).title_word())
    }

    /// An initial with its period: `J` `.`
    #[inline]
    fn initial_at(&self, i: usize) -> bool {
        // `J.` and `J.J.` (the tokenizer keeps inner periods in the word):
        // the period after it is checked first, as most words have none
        self.punct(i + 1, '.') && Self::is_initial(self.word(i))
    }

    /// `J`, `J.J`: the word of an initial before its period.
    #[inline(never)]
    fn is_initial(w: &str) -> bool {
        match w.as_bytes() {
            [] => return false,
            // most words fail at their second byte: after an ASCII first
            // byte an initial ends or has its period there
            [first, second, ..] if first.is_ascii() && *second != b'.' => return false,
            _ => {}
        }
        if w.is_ascii() {
            // `J`, `J.J`: capitals at even places, periods at odd ones
            return w.len() % 2 == 1
                && w.bytes().enumerate().all(|(j, b)| {
                    if j % 2 == 0 {
                        b.is_ascii_uppercase()
                    } else {
                        b == b'.'
                    }
                });
        }
        w.split('.').all(|part| {
            let mut c = part.chars();
            matches!((c.next(), c.next()), (Some(c), None) if c.is_uppercase())
        })
    }

    /// The noun phrase that ends at token `end` (inclusive), reading back no
    /// further than `floor`.
    pub fn np_ending_at(&self, end: usize, floor: usize) -> Option<Np> {
        if end < floor {
            return None;
        }
        if let Some(np) = self.pronoun_np(end) {
            return Some(np);
        }
        if let Some(start) = self.house_number_start(end).filter(|&s| s >= floor) {
            let span = Span::new(self.tokens[start].span.start, self.tokens[end].span.end);
            return Some(Np::described(span, false, true));
        }
        let t = self.tok(end)?;
        if t.tok() == Tok::Punct('.') && end > floor && self.title_word(end - 1) {
            // `Mr.` cannot end a subject
            return None;
        }
        if t.tok() != Tok::Word {
            return None;
        }
        if self.is_role(end) && !self.name_word(end) {
            return self.description_ending_at(end, floor);
        }
        if !t.capital {
            return None;
        }
        if !self.name_word(end) {
            // a capitalised subject the name lists do not know as a person
            // (`Russia insisted`, `CNN reported`) stands for itself
            let w = strip_possessive(self.word(end));
            // but not an ordinary word capitalised at a sentence start
            // (`Reporting`, `Somewhere`)
            if t.capital
                && !w.is_empty()
                && !t.common()
                && !w.ends_with("ing")
                && !t.info.starter()
                && t.info.pronoun().is_none()
                && !t.info.is(DETERMINER)
            {
                let mut start = end;
                while start > floor
                    && end - start < 4
                    && self.tokens[start - 1].capital
                    && self.is_word(start - 1)
                    && !self.info(start - 1).starter()
                {
                    start -= 1;
                }
                let det = (start > floor && self.word(start - 1).eq_ignore_ascii_case("the"))
                    .then(|| start - 1);
                return Some(Np {
                    span: Span::new(self.tokens[det.unwrap_or(start)].span.start, t.span.end),
                    kind: MentionKind::Description,
                    head: Span::new(self.tokens[start].span.start, t.span.end),
                    role: None,
                    gender: Gender::Unknown,
                    number: Number::Singular,
                    person: false,
                    definite: false,
                    titled: false,
                });
            }
        }
        // gather the run of name, title, particle and initial tokens
        let mut start = end;
        let mut k = end;
        let mut steps = 0;
        let mut modifiers_title = false;
        while k > floor && steps < 12 {
            let p = k - 1;
            let ok = self.name_word(p)
                || self.title_word(p)
                || (self.punct(p, '.')
                    && p > floor
                    && (self.initial_at(p - 1) || self.title_word(p - 1)))
                || (self.info(p).is(PARTICLE)
                    && (self.name_word(p + 1)
                        // (two particles: `van der Heyden`)
                        || self.info(p + 1).is(PARTICLE) && self.name_word(p + 2)))
                || self.initial_at(p)
                || (self.is_word(p) && self.word(p).contains('-') && self.tokens[p].capital)
                || (self.is_role(p) && self.is_role(k) && !self.info(p).is(DETERMINER))
                || (self.is_word(p)
                    && self.tokens[p].caps()
                    && (self.title_word(k) || self.is_role(k)))
                || self.title_glue(p)
                || (self.tokens[p].capital
                    && self.is_word(p)
                    && !self.info(p).is(DETERMINER)
                    && !self.info(p).starter()
                    && (self.title_word(k)
                        || modifiers_title && self.tokens[k].capital
                        // an organisation's word inside its name (`the
                        // International Monetary Fund`)
                        || self.org_word(p) && self.tokens[k].capital));
            if !ok {
                break;
            }
            // a capitalised word before a title modifies it (`Senate Majority Leader`)
            modifiers_title = self.title_word(k) || modifiers_title && self.tokens[p].capital;
            k = p;
            start = p;
            steps += 1;
        }
        // an opening determiner or possessive makes it a description
        let mut det = None;
        if start > floor {
            let d = start - 1;
            if self.info(d).is(DETERMINER) || is_possessive(self.word(d)) {
                det = Some(d);
            } else if start >= floor + 2 && self.is_word(d) && !self.tokens[d].capital {
                // one lower-case modifier: `a senior official`
                let before = d - 1;
                if (self.info(before).is(DETERMINER) || is_possessive(self.word(before)))
                    && self.is_role(end)
                {
                    det = Some(d - 1);
                }
            }
        }
        self.classify(start, end, det)
    }

    /// A description whose head role noun is token `end`, reading back over
    /// up to six modifiers to its determiner: `A Downing Street
    /// spokesperson`, `the Clacton MP`, `one senior official`, `officials`.
    fn description_ending_at(&self, end: usize, floor: usize) -> Option<Np> {
        let mut k = end;
        let mut det = None;
        while k > floor && end - k < 6 {
            let p = k - 1;
            let w = self.word(p);
            if w.is_empty() {
                break;
            }
            if self.info(p).is(DETERMINER) || is_possessive(w) {
                det = Some(p);
                // (a capitalised possessor is read whole, with its article:
                // `Acme Corp's chief executive`, `the Unity Party's
                // national committee`)
                if self.tokens[p].capital && is_possessive(w) {
                    let mut d = p;
                    while d > floor
                        && p - d < 4
                        && self.is_word(d - 1)
                        && self.tokens[d - 1].capital
                        && !self.info(d - 1).is(DETERMINER)
                        && !self.info(d - 1).starter()
                        && !is_preposition(self.word(d - 1))
                    {
                        d -= 1;
                    }
                    if d > floor && is_definite(self.word(d - 1)) {
                        d -= 1;
                    }
                    det = Some(d);
                }
                break;
            }
            if self.info(p).pronoun().is_some()
                || self.verb_at(p).is_some()
                || self.info(p).is(ADVERB)
                || is_preposition(w)
            {
                break;
            }
            k = p;
        }
        let start = match det {
            Some(d) => d + 1,
            // no determiner: keep only capitalised or role modifiers
            None => {
                let mut s = end;
                while s > floor
                    && (self.tokens[s - 1].capital || self.is_role(s - 1))
                    && self.is_word(s - 1)
                    && end - s < 6
                {
                    s -= 1;
                }
                s
            }
        };
        self.classify(start, end, det)
    }

    /// Give a run of tokens `start..=end` (with an optional determiner
    /// before it) its mention kind, head and role.
    fn classify(&self, start: usize, end: usize, det: Option<usize>) -> Option<Np> {
        let tokens = self.tokens;
        // the last title or honorific word splits role from name
        // (and the last honorific with a gender gives the gender)
        let mut split = None;
        let mut gender = Gender::Unknown;
        for i in start..=end {
            match self.tok(i) {
                Some(t) if t.tok() == Tok::Word => {
                    // (a capitalised role before a given name is a role too:
                    // `Pensioner Ann Lowe`, not a name `Pensioner Ann`)
                    if self.title_word(i)
                        || self.is_role(i)
                            && (!self.name_word(i)
                                || i == start
                                    && i < end
                                    && t.info.role().is_some_and(|r| r.person)
                                    && self.info(i + 1).given().is_some())
                    {
                        split = Some(i);
                    }
                    if let Some(g) = t.info.honorific() {
                        if g != Gender::Unknown {
                            gender = g;
                        }
                    }
                }
                // the period after a title (`Sen.`)
                Some(t) if t.is_punct('.') && i > 0 && split == Some(i - 1) => {
                    split = Some(i);
                }
                _ => {}
            }
        }
        let name_start = split.map_or(start, |s| s + 1);
        let has_words = (name_start..=end).any(|i| self.is_word(i));
        if name_start <= end
            && has_words
            && (self.name_word(name_start) || self.initial_at(name_start) && name_start < end)
            || name_start <= end && self.info(name_start).is(PARTICLE)
        {
            // a name, possibly after a title
            let last = tokens[end].span;
            if self.possessive_span(last) {
                return None;
            }
            // not possessive, so nothing to strip: the name ends with it
            let name_end = last.end;
            if gender == Gender::Unknown {
                gender = self.info(name_start).given().unwrap_or(Gender::Unknown);
            }
            let role = split.map(|s| Span::new(tokens[start].span.start, tokens[s].span.end));
            if gender == Gender::Unknown {
                if let Some(r) = role {
                    gender = self
                        .lexicon
                        .title_gender(&self.text[r])
                        .unwrap_or(Gender::Unknown);
                }
            }
            let org = (name_start..=end).any(|i| self.info(i).org());
            let span_start = det.map_or(tokens[start].span.start, |d| tokens[d].span.start);
            return Some(Np {
                span: Span::new(
                    if role.is_some() {
                        span_start
                    } else {
                        tokens[start].span.start
                    },
                    name_end,
                ),
                kind: if org {
                    MentionKind::Description
                } else {
                    MentionKind::Name
                },
                head: Span::new(tokens[name_start].span.start, name_end),
                role,
                gender,
                number: Number::Singular,
                person: !org
                    && (role.is_some()
                        || gender != Gender::Unknown
                        // (a given name of either gender: `Jo Pritchard`)
                        || self.info(name_start).given().is_some()
                        || (name_start..=end).any(|i| tokens[i].person())),
                definite: org,
                titled: false,
            });
        }
        // capitalised words ending in an organisation's word name it (`Sky
        // News`, `Castlemore Aggregates Group`), and an acronym stands for
        // an organisation (`CNN`, `the NRA`, with the organisation's words
        // after it: `GB News`), but a dateline does not (`PHILADELPHIA — …`)
        let org_name = end > start
            && self.org_word(end)
            && (start..=end).all(|i| self.is_word(i) && tokens[i].capital);
        let dash = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(t.tok(), Tok::Punct('—' | '–' | '-')))
        };
        // (with its agency before the dash, `HARBORTON (AP) — …`, and
        // the agency too)
        let dateline = dash(end + 1)
            || tokens.get(end + 1).is_some_and(|t| t.is_punct('('))
                && (end + 2..end + 6)
                    .find(|&k| tokens.get(k).is_some_and(|t| t.is_punct(')')))
                    .is_some_and(|k| dash(k + 1))
            || start > 0
                && tokens[start - 1].is_punct('(')
                && tokens.get(end + 1).is_some_and(|t| t.is_punct(')'))
                && dash(end + 2)
            // (or with its date: `HARBORTON, July 25 (UPI) — …`)
            || tokens.get(end + 1).is_some_and(|t| t.is_punct(','))
                && tokens.get(end + 2).is_some_and(|t| {
                    t.is_word() && is_month(self.text[t.span].trim_end_matches('.'))
                });
        let acronym = tokens[start].caps()
            && (start..=end).all(|i| self.is_word(i) && (tokens[i].caps() || self.org_word(i)))
            && !self.is_role(end)
            && !dateline;
        if det.is_none_or(|d| self.word(d).eq_ignore_ascii_case("the")) && (org_name || acronym) {
            return Some(Np {
                span: Span::new(
                    tokens[det.unwrap_or(start)].span.start,
                    tokens[end].span.end,
                ),
                kind: MentionKind::Description,
                head: Span::new(tokens[start].span.start, tokens[end].span.end),
                role: None,
                gender: Gender::Neuter,
                number: Number::Singular,
                person: false,
                definite: true,
                titled: false,
            });
        }
        // a description: its head is the last role word
        let (number, person, g) = self.role_at(end)?;
        let first = det.unwrap_or(start);
        let definite = det.is_some_and(|d| is_definite(self.word(d)));
        if det.is_none()
            && number == Number::Singular
            && !tokens[start].capital
            // (but for an indefinite pronoun after its reporting verb:
            // `"…!" shouted someone`; as an object it is no speaker:
            // `Any move to charge someone would need …`)
            && !(matches!(self.word(end), "someone" | "somebody")
                && start > 1
                && self.verb_at(start - 1).is_some()
                && matches!(tokens[start - 2].tok(), Tok::Close(_) | Tok::Punct(',')))
        {
            // a bare singular noun (`official said`) is not a speaker phrase
            return None;
        }
        Some(Np {
            span: Span::new(tokens[first].span.start, tokens[end].span.end),
            kind: MentionKind::Description,
            head: Span::new(tokens[start].span.start, tokens[end].span.end),
            role: None,
            gender: if gender != Gender::Unknown { gender } else { g },
            number,
            person,
            definite,
            titled: tokens[end].info.title().is_some(),
        })
    }

    /// Going back from the comma at `j` over at most three comma-separated
    /// segments, the first segment that opens with a person's phrase.
    fn person_before_commas(&self, j: usize, floor: usize) -> Option<Np> {
        let mut comma = j;
        // a name in apposition after the person's description, which names
        // them though the lists do not know it for a person's (`Her mum, Bev
        // Oakes, 52, told us:`)
        let mut apposed: Option<Np> = None;
        for _ in 0..3 {
            let start = (floor..comma)
                .rev()
                .find(|&k| self.punct(k, ','))
                .map_or(floor, |k| k + 1);
            if let Some(np) = self.np_starting_at(start, comma) {
                if np.person && np.kind == MentionKind::Description {
                    if let Some(name) = apposed {
                        return Some(Np {
                            person: true,
                            ..name
                        });
                    }
                }
                if np.person && (np.kind != MentionKind::Pronoun || !self.info(start).is(OBJECT)) {
                    return Some(np);
                }
                if np.kind == MentionKind::Name && apposed.is_none() {
                    apposed = Some(np);
                }
            }
            if start == floor {
                break;
            }
            comma = start - 1;
        }
        None
    }

    /// A word that may stand between a subject and its verb: an adverb or
    /// auxiliary from the lexicon, any `-ly` adverb, or a weekday
    /// (`Priebus later Thursday told`).
    fn between_subject_and_verb(&self, i: usize) -> bool {
        let Some(t) = self.tok(i).filter(|t| t.tok() == Tok::Word) else {
            return false;
        };
        let w = &self.text[t.span];
        t.info.is(ADVERB)
            || !t.capital && w.len() > 4 && w.ends_with("ly")
            || t.capital && is_weekday(w)
    }

    /// The first phrase of `from..to` that is not the object of a
    /// preposition and that `fits` (given its first token). Phrases are read
    /// whole, so that the tail of one is not taken for another (`a fourth
    /// term as prime minister`), and a preposition governs the phrases after
    /// it, across `and` and capitalised words, up to the next comma or
    /// lower-case word: in `On the eve of her election to a third term as
    /// chancellor in a rally in Bremen, Voss rallied …` only Voss may be a
    /// subject. (`according to` governs nothing: its phrase is a
    /// source.) At most 24 phrases or words are read.
    pub fn free_np(&self, from: usize, to: usize, fits: impl Fn(usize, &Np) -> bool) -> Option<Np> {
        let mut k = from;
        let mut governed = false;
        for _ in 0..24 {
            if k >= to {
                return None;
            }
            if let Some(np) = self.np_starting_at(k, to) {
                if !governed && fits(k, &np) {
                    return Some(np);
                }
                k = self.first_token_from(np.span.end, to).max(k + 1);
                continue;
            }
            if self.punct(k, ',') {
                governed = false;
            } else if self.is_word(k) {
                let w = self.word(k);
                if is_preposition(w) {
                    governed = !self.according_to_at(k);
                } else if self.info(k).is(AUXILIARY)
                    || matches!(w, "that" | "who" | "which")
                    || self.verb_at(k).is_some()
                {
                    governed = false;
                }
            }
            k += 1;
        }
        None
    }

    /// The first person-like phrase of the clause `from..to`: a pronoun, a
    /// person's name or a description of a person.
    pub fn clause_subject(&self, from: usize, to: usize) -> Option<Np> {
        // past a subordinate clause that opens the sentence: `As she was
        // led from the dock, Marsh-Tully turned … and said:`
        if from < to && self.is_word(from) && is_subordinator(self.word(from)) {
            if let Some(comma) = (from + 1..to.min(from + 24)).find(|&k| self.punct(k, ',')) {
                if let Some(np) = self.clause_subject(comma + 1, to) {
                    return Some(np);
                }
            }
        }
        let np = self.free_np(from, to, |k, np| match np.kind {
            MentionKind::Pronoun => np.person && !self.info(k).is(OBJECT),
            MentionKind::Name | MentionKind::Description => np.person,
        })?;
        if np.kind != MentionKind::Description {
            return Some(np);
        }
        // a name in apposition names the person described: `France's
        // fisheries minister, Élodie Vasseur, left … and told reporters`
        let after = self.first_token_from(np.span.end, to);
        let apposed = (after < to && self.punct(after, ','))
            .then(|| self.np_starting_at(after + 1, to))
            .flatten()
            .filter(|name| name.kind == MentionKind::Name)
            .filter(|name| {
                let end = self.first_token_from(name.span.end, to);
                end < to && self.punct(end, ',')
            });
        Some(apposed.map_or(np, |name| Np {
            person: true,
            ..name
        }))
    }

    /// The phrase ending at `end`, or the head it is attached to by `of`
    /// (`Paul Ryan of Wisconsin`, `the president of Civic Ledger`).
    pub fn head_np_ending_at(&self, end: usize, floor: usize) -> Option<Np> {
        let Some(mut np) = self.np_ending_at(end, floor) else {
            // `A pal of the former couple said`: the inner phrase is not one
            // we know, but the head before the preposition may be
            let prep = (end.saturating_sub(5).max(floor + 1)..=end)
                .rev()
                .find(|&k| is_head_preposition(self.word(k)))?;
            // `to` before a bare lower-case word is an infinitive (`a
            // panel to review ballot rules`), not `close to the …`
            if self.word(prep).eq_ignore_ascii_case("to")
                && self.plain_word(prep + 1)
                && !self.info(prep + 1).is(DETERMINER)
            {
                return None;
            }
            let head = self.np_ending_at(prep.checked_sub(1)?, floor)?;
            return (head.kind == MentionKind::Description).then(|| Np {
                span: Span::new(head.span.start, self.tokens[end].span.end),
                ..head
            });
        };
        for _ in 0..3 {
            // a person's name is its own head (`Speaker of the House Rep.
            // Dale Pruitt`), but one word may be a place (`of North Carolina`)
            let one_word = !self.text[np.head].contains(char::is_whitespace);
            if np.kind == MentionKind::Name && np.person && (np.role.is_some() || !one_word) {
                break;
            }
            let first = self.first_token_from(np.span.start, end + 1);
            let mut prep = first;
            // capitalised words the name rules left out (`North Carolina`),
            // across an `and` between them (`the Department of Health and
            // Human Services`)
            loop {
                if prep > floor
                    && first - prep < 3
                    && self.tokens[prep - 1].capital
                    && self.is_word(prep - 1)
                {
                    prep -= 1;
                } else if prep > floor + 1
                    && first - prep < 4
                    && matches!(self.word(prep - 1), "and" | "&")
                    && self.tokens[prep - 2].capital
                    && self.is_word(prep - 2)
                {
                    prep -= 2;
                } else {
                    break;
                }
            }
            if prep > floor && self.info(prep - 1).is(DETERMINER) {
                prep -= 1;
            }
            if prep <= floor + 1 {
                break;
            }
            let p = self.word(prep - 1);
            let of = p.eq_ignore_ascii_case("of");
            if !of && !is_head_preposition(p) {
                break;
            }
            // `close to`, `familiar with`: skip the adjective
            let mut before = prep - 2;
            if before > floor
                && matches!(self.word(before), "close" | "closest" | "familiar" | "near")
            {
                before -= 1;
            }
            match self.np_ending_at(before, floor) {
                // `the president of Civic Ledger`, `A spokesman for the
                // company`: the description with its phrase
                // (or an organisation's name: `the Centers for Disease
                // Control and Prevention`)
                Some(head)
                    if head.kind == MentionKind::Description
                        && (head.person || of || self.org_word(before)) =>
                {
                    np = Np {
                        span: Span::new(head.span.start, np.span.end),
                        ..head
                    };
                }
                // `Paul Ryan of Wisconsin`
                Some(head) if of && head.kind != MentionKind::Pronoun => np = head,
                _ => break,
            }
        }
        Some(np)
    }

    /// Whom a form of `quote` at token `q` has speak: the phrase after it
    /// that `as saying` (or `telling`, `writing`) follows, past an
    /// appositive between commas (`the agency quoted him as saying`,
    /// `the agency quoted Ms. Vale, the editor, as saying`): the words are that
    /// person's, the quoting agency only their reporter.
    pub fn quoted_as(&self, q: usize) -> Option<Np> {
        if !self.is_word(q)
            || !self
                .word(q)
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("quote"))
        {
            return None;
        }
        let ceil = self.tokens.len().min(q + 16);
        // (an object pronoun too: `quoted him`)
        let np = self
            .np_starting_at(q + 1, ceil)
            .or_else(|| self.pronoun_at(q + 1))?;
        let mut k = self.first_token_from(np.span.end, ceil);
        if self.punct(k, ',') {
            k = (k + 1..ceil).find(|&j| self.punct(j, ','))? + 1;
        }
        (k + 1 < ceil
            && self.word(k) == "as"
            && matches!(self.word(k + 1), "saying" | "telling" | "writing"))
        .then_some(np)
    }

    /// The subject of the verb at `verb`: the phrase right before it,
    /// across adverbs and auxiliaries and an appositive between commas
    /// (`Hugh Hill, a doctor, said`).
    pub fn subject_of(&self, verb: usize, floor: usize) -> Option<Np> {
        // `The agency quoted Dragan Halvic as saying …`: the quoted person
        if verb >= floor + 3 && self.word(verb - 1) == "as" {
            if let Some(np) = (verb.saturating_sub(14).max(floor)..verb - 2)
                .rev()
                .find_map(|q| self.quoted_as(q))
            {
                return Some(np);
            }
        }
        // a clause's opening phrase with a relative clause and no commas:
        // `An eyewitness who saw him at the Velour Room says …` (only at
        // the clause's start: `… coming from a mayor who vowed …` is
        // no subject of `vowed`'s clause)
        // (the `who` first, a cheap test that nearly always fails)
        let who = (floor + 1..verb.min(floor + 12).min(self.tokens.len()))
            .find(|&k| self.tokens[k].span.len() == 3 && self.word(k) == "who");
        if let Some(np) = who
            .and_then(|_| self.np_starting_at(floor, verb))
            .filter(|np| {
                np.kind != MentionKind::Pronoun && (np.person || np.kind == MentionKind::Name)
            })
        {
            let after = self.first_token_from(np.span.end, verb);
            // (or closed by a comma right before the verb, whatever commas
            // it holds: `A senior engineer who has worked under both men,
            // and who asked not to be named, said …`)
            let closed = self.punct(verb - 1, ',')
                && (after + 1..verb - 1)
                    .all(|k| !matches!(self.tokens[k].tok(), Tok::Open(_) | Tok::Close(_)));
            if Some(after) == who
                && after + 1 < verb
                && (closed
                    || (after + 1..verb).all(|k| {
                        !matches!(
                            self.tokens[k].tok(),
                            Tok::Punct(_) | Tok::Open(_) | Tok::Close(_)
                        )
                    }))
            {
                return Some(np);
            }
        }
        // a gerund after a preposition has no subject of its own: `Vale
        // accused critics of briefing against her "…"` is Vale's
        // characterisation, the subject of the clause it is in
        if verb > floor + 1
            && self.word(verb).ends_with("ing")
            && is_preposition(self.word(verb - 1))
            && !self.word(verb - 1).eq_ignore_ascii_case("with")
        {
            return match self.cue_before(verb - 2, floor) {
                Some(before) => self.subject_of(before.first, floor),
                None => self.clause_subject(floor, verb - 1),
            };
        }
        // a participle after a comma (`Smith said, adding that …`) shares
        // the subject of the clause before it
        if verb > floor + 1 && self.punct(verb - 1, ',') && self.word(verb).ends_with("ing") {
            // (a cue with no subject, like an opening `Speaking at …,`,
            // leaves the clause before the comma to find it)
            if let Some(np) = self
                .cue_before(verb - 2, floor)
                .and_then(|before| self.subject_of(before.first, floor))
            {
                return Some(np);
            }
            // `Halloran went after Pike, calling him …`: the first phrase of the
            // clause before the comma
            let start = (floor..verb - 1)
                .rev()
                .find(|&k| self.punct(k, ','))
                .map_or(floor, |k| k + 1);
            // (a clause after an appositive opens with its verb: `Pike,
            // the state's sitting governor, repeated the charge …, calling
            // him …`)
            if start > floor
                && self.is_word(start)
                && !self.tokens[start].capital
                && (self.word(start).ends_with("ed") || self.verb_at(start).is_some())
            {
                return self.subject_of(start, floor);
            }
            let np = (start..verb - 1).take(8).find_map(|k| {
                let np = self.np_starting_at(k, verb - 1)?;
                let fits = match np.kind {
                    MentionKind::Pronoun => np.person && !self.info(k).is(OBJECT),
                    MentionKind::Name => true,
                    MentionKind::Description => np.person,
                };
                fits.then_some(np)
            });
            // (a phrase alone between commas is in apposition: `Sanders …
            // discussed his rival, Hillary Clinton, saying …` is Sanders)
            let alone = np.is_some_and(|np| {
                start > floor
                    && self.tokens[start].span.start == np.span.start
                    && self.tokens[verb - 2].span.end == np.span.end
            });
            if alone {
                if let Some(subject) = self.clause_subject(floor, start - 1) {
                    return Some(subject);
                }
            }
            return np;
        }
        // `she sent a letter saying, "…"`: a participle after a thing has
        // the clause's person as its subject
        if self.word(verb).ends_with("ing") && verb > floor {
            if let Some(np) = self.head_np_ending_at(verb - 1, floor) {
                let first = self.first_token_from(np.span.start, verb);
                // a recording of someone saying it is theirs: `played a clip
                // of Gordon Pryce saying …`
                if np.person
                    && first >= floor + 2
                    && self.word(first - 1) == "of"
                    && matches!(
                        self.word(first - 2),
                        "clip"
                            | "clips"
                            | "video"
                            | "videos"
                            | "footage"
                            | "recording"
                            | "recordings"
                            | "tape"
                            | "tapes"
                            | "audio"
                    )
                {
                    return Some(np);
                }
                // (`with Trump tweeting that …` makes Trump the subject,
                // and a body too: `with the appeals panel writing that …`)
                if first > floor
                    && self.word(first - 1).eq_ignore_ascii_case("with")
                    && np.kind == MentionKind::Description
                    && np.definite
                {
                    return Some(np);
                }
                let governed = first > floor
                    && is_preposition(self.word(first - 1))
                    && !self.word(first - 1).eq_ignore_ascii_case("with");
                // the object of a preposition is no subject: `Clinton
                // replied on Facebook writing, "…"`, `a memo to employees
                // explaining, "…"`
                if !np.person || governed {
                    let subject = self.clause_subject(floor, verb - 1);
                    if governed {
                        return subject.or_else(|| {
                            (floor..first - 1).take(12).find_map(|k| {
                                self.np_starting_at(k, first - 1)
                                    .filter(|n| n.kind == MentionKind::Name)
                            })
                        });
                    }
                    // (or, when no person is named, the clause's first phrase
                    // if it comes before the thing: `the council issued a
                    // release calling the vote "…"`)
                    return subject
                        .or_else(|| {
                            (floor..first)
                                .take(12)
                                .find_map(|k| self.np_starting_at(k, first))
                                .filter(|n| n.kind != MentionKind::Pronoun && !n.person)
                                .filter(|n| n.span.end <= np.span.start)
                        })
                        .or(Some(np));
                }
            }
        }
        // `One wrote on TikTok:`, `Another said:`: a pronoun for one of a
        // group just mentioned, opening its clause, is the speaker as it is
        if verb > floor && self.one_of_a_group(verb - 1) {
            return Some(self.group_member(verb - 1));
        }
        // `… two people familiar with the figures, one of whom said`: the
        // relative's members of the group, as the phrase has them
        if verb >= floor + 4
            && self.word(verb - 1) == "whom"
            && self.word(verb - 2) == "of"
            && self.punct(verb - 4, ',')
        {
            let number = match self.word(verb - 3) {
                "one" | "each" | "neither" => Some(Number::Singular),
                "some" | "two" | "three" | "both" | "all" | "many" | "most" | "several" => {
                    Some(Number::Plural)
                }
                _ => None,
            };
            if let Some(number) = number {
                let span = Span::new(
                    self.tokens[verb - 3].span.start,
                    self.tokens[verb - 1].span.end,
                );
                return Some(Np {
                    number,
                    ..Np::described(span, true, false)
                });
            }
        }
        let mut k = verb;
        let mut skipped = 0;
        while k > floor && skipped < 4 && self.between_subject_and_verb(k - 1) {
            k -= 1;
            skipped += 1;
        }
        if k == floor {
            return None;
        }
        let mut end = k - 1;
        // the period of an abbreviation that ends the subject: `Halvorsen
        // Foods Inc. said`, `Tom Hale Jr. said`
        if end > floor
            && self.punct(end, '.')
            && self.is_word(end - 1)
            && (self.info(end - 1).org() || self.post_nominal(end))
        {
            end -= 1;
        }
        // `… called the cabinet "a closed shop" and said`: the subject of
        // the first verb of the coordination, or else of the clause
        if matches!(self.word(end), "and" | "but") && end > floor {
            // (the coordination may be a subordinate clause's, with no
            // comma closing it: `Older readers may remember the debate when
            // Gov. Orrin Pettibone turned to his challenger and said`)
            // (`as` is as often a preposition: `working as his chief of
            // staff and recites`; and a name is wanted there: `She called
            // me when I got the post and said` is hers)
            let inner = (floor.max(end.saturating_sub(16))..end)
                .rev()
                .take_while(|&k| !self.punct(k, ','))
                .find(|&k| {
                    self.is_word(k)
                        && is_subordinator(self.word(k))
                        && !self.word(k).eq_ignore_ascii_case("as")
                })
                .filter(|&k| {
                    self.clause_subject(k + 1, end)
                        .is_some_and(|np| np.kind == MentionKind::Name)
                });
            let from = inner.map_or(floor, |k| k + 1);
            if let Some(before) = self.cue_before(end - 1, from) {
                return self.subject_of(before.first, from);
            }
            return self
                .clause_subject(from, end)
                .or_else(|| inner.and_then(|_| self.clause_subject(floor, end)));
        }
        // `Mike Lee, who declared …`: the relative pronoun stands for the
        // phrase before its comma, or before a party tag in brackets (`Sen.
        // Ron Dale (R-Wis.), who told`). (Without the comma the phrase is
        // as often a preposition's object whose relative clause is no
        // frame: `… how odd the remark was coming from a mayor who vowed
        // to cut the budget:` is the poster's.)
        if self.word(end).eq_ignore_ascii_case("who") && end > floor + 1 && self.punct(end - 1, ',')
        {
            let mut last = end - 2;
            if self.punct(last, ')') && last > floor {
                last = (floor..last)
                    .rev()
                    .take(8)
                    .find(|&j| self.punct(j, '('))
                    .filter(|&j| j > floor)?
                    - 1;
            }
            let np = self.head_np_ending_at(last, floor)?;
            // (a description in apposition to a name stands for it: `Tom
            // Reed, the chamber's chief strategist, who added …`)
            if np.kind == MentionKind::Description {
                let mut first = self.first_token_from(np.span.start, end);
                if first > floor && self.info(first - 1).is(DETERMINER) {
                    first -= 1;
                }
                if first > floor + 1 && self.punct(first - 1, ',') {
                    if let Some(name) = self
                        .np_ending_at(first - 2, floor)
                        .filter(|n| n.kind == MentionKind::Name && n.person)
                    {
                        return Some(name);
                    }
                }
            }
            return Some(np);
        }
        // `… issued a statement that read:`: a document that says what its
        // issuer says, the clause's person
        if matches!(self.word(end), "that" | "which")
            && end > floor
            && is_document(self.word(end - 1))
        {
            return self.clause_subject(floor, end - 1);
        }
        if self.punct(end, ')') {
            // `Harry Reid (D-Nev.) said`
            let mut j = end;
            while j > floor && end - j < 8 && !self.punct(j, '(') {
                j -= 1;
            }
            if !self.punct(j, '(') || j == floor {
                return None;
            }
            end = j - 1;
        }
        // `A former Republican governor -- Ada Pike, who lost the 2010
        // race to Voss -- said`: a name opening an aside
        // between dashes is the subject, else the phrase before the aside
        if let Some(close) = self.dash_ending_at(end, floor) {
            // (the opening dash, as where it ends and where it starts)
            let (open_end, before) = (floor..close)
                .rev()
                .take(24)
                .find_map(|k| self.dash_ending_at(k, floor).map(|start| (k, start)))?;
            let name = self
                .np_starting_at(open_end + 1, close)
                .filter(|np| np.kind == MentionKind::Name && np.person);
            return name.or_else(|| {
                before
                    .checked_sub(1)
                    .filter(|&b| b >= floor)
                    .and_then(|b| self.head_np_ending_at(b, floor))
            });
        }
        if self.punct(end, ',') {
            // `NP, appositive, VERB`
            let mut j = end;
            let mut steps = 0;
            while j > floor && steps < 24 {
                j -= 1;
                steps += 1;
                if self.punct(j, ',') {
                    // `Her husband, Samuel Okoro, said`: a name between the
                    // commas is the speaker; otherwise the phrase before them
                    // (a party and state between the commas is an aside:
                    // `Sen. Everett Lindqvist, R-N.H., said`)
                    let tag = is_party_tag(self.word(j + 1));
                    // (a name after words that describe it too: `Her chief
                    // rival, former police chief Gregory Stanhope, called`)
                    // (modifiers only: no participle or preposition, as in
                    // `Mr. Hale, stepping forward to Ann, said`)
                    let np = self.np_starting_at(j + 1, end).or_else(|| {
                        (!self.tokens[j + 1].capital)
                            .then(|| self.name_after_modifiers(j + 1, end))
                            .flatten()
                            .filter(|np| {
                                (j + 1..self.first_token_from(np.head.start, end)).all(|k| {
                                    let w = self.word(k);
                                    !w.ends_with("ing") && !w.ends_with("ed") && !is_preposition(w)
                                })
                            })
                    });
                    if let Some(np) = np.filter(|_| !tag) {
                        // (post-nominal letters may follow the name: `Harriet
                        // Oyelaran KC`, `Tom Hale Jr.`)
                        let after = self.first_token_from(np.span.end, end);
                        // (or where they work: `Another analyst, Dana Kim
                        // of Stonebridge Partners, said`)
                        let workplace = || {
                            after + 1 < end
                                && matches!(self.word(after), "of" | "at" | "from")
                                && (after + 1..end).all(|k| {
                                    self.is_word(k)
                                        && (self.tokens[k].capital
                                            || matches!(self.word(k), "the" | "of" | "and"))
                                })
                        };
                        let whole = self.tokens[end - 1].span.end == np.span.end
                            || after < end && (after..end).all(|k| self.post_nominal(k))
                            || workplace();
                        // a name in apposition to a description of a person
                        // is a person even when its given name is unknown
                        // (`her spokeswoman, Inès Garnier-Ruiz, said`)
                        let apposed = || {
                            j > floor
                                && self
                                    .head_np_ending_at(j - 1, floor)
                                    .is_some_and(|d| d.kind == MentionKind::Description && d.person)
                        };
                        // (an organisation's name in apposition speaks for
                        // it too: `The owner, Sterling Health Group, said`)
                        let org = np.kind == MentionKind::Description
                            && np.definite
                            && !np.person
                            && self.tokens[j + 1].capital;
                        if whole
                            && (np.kind == MentionKind::Name && np.person
                                || org
                                || np.kind == MentionKind::Name && apposed())
                        {
                            return Some(np);
                        }
                    }
                    if j <= floor {
                        return None;
                    }
                    // (past a parenthesis after the phrase: `Harry Reid
                    // (D-Nev.), the majority leader, said`)
                    let mut before = j - 1;
                    if self.punct(before, ')') {
                        let open = (floor..before).rev().take(8).find(|&k| self.punct(k, '('));
                        match open {
                            Some(k) if k > floor => before = k - 1,
                            _ => return None,
                        }
                    }
                    let np = self.head_np_ending_at(before, floor)?;
                    // `Vale, during a meeting in Dayton, Ohio, said`:
                    // past adverbial segments to a person
                    if !np.person {
                        if let Some(person) = self.person_before_commas(j, floor) {
                            return Some(person);
                        }
                    }
                    // a second appositive: `Ann Voss, the president of
                    // Civic Ledger, a watchdog group, said`
                    if !(np.kind == MentionKind::Name && np.person) {
                        let first = self.first_token_from(np.span.start, j);
                        if first > floor + 1 && self.punct(first - 1, ',') {
                            if let Some(outer) = self.head_np_ending_at(first - 2, floor) {
                                if outer.kind == MentionKind::Name && outer.person {
                                    return Some(outer);
                                }
                            }
                        }
                    }
                    return Some(np);
                }
                if self.is_stop(j) {
                    break;
                }
            }
            return None;
        }
        // a part of a group is the subject: `one of the officials said`,
        // `One of them told me`, `some of the donors`
        if end > floor + 1 && matches!(self.word(end), "them" | "us" | "those") {
            if let Some(part) = self.partitive(end - 1, floor, None, end) {
                return Some(part);
            }
        }
        let np = self.head_np_ending_at(end, floor)?;
        let first = self.first_token_from(np.span.start, end + 1);
        if first > floor + 1 && np.number == Number::Plural {
            if let Some(part) = self.partitive(first - 1, floor, Some(np), end) {
                return Some(part);
            }
        }
        // the object of a preposition is no verb's subject: in `FactDesk
        // rated 40% of the mayor's claims as "false"` the phrase before
        // `claims` speaks for no one (`with` and `by` may govern a
        // participle's subject: `with Trump saying`)
        if first > floor
            && np.kind != MentionKind::Pronoun
            && is_preposition(self.word(first - 1))
            && !matches!(self.word(first - 1), "with" | "by")
            // (a title's own `of` is no preposition before a clause's
            // subject: `Secretary of State Ana Ruiz said`)
            && !(first > floor + 1 && self.tokens[first - 2].capital)
        {
            // but a person it describes is: `a spokeswoman for Water
            // Minister Karen Odunsi-Blake said`
            return (first > floor + 1 && is_head_preposition(self.word(first - 1)))
                .then(|| self.np_ending_at(first - 2, floor))
                .flatten()
                .filter(|head| head.kind == MentionKind::Description && head.person)
                .map(|head| Np {
                    span: Span::new(head.span.start, np.span.end),
                    ..head
                });
        }
        Some(np)
    }

    /// `one of the officials`, `One of them`, `most of the donors`: a
    /// quantifier and `of` (token `of`) before the group ending at token
    /// `end` (the phrase `group`, or a pronoun), as one description of a
    /// person or people.
    fn partitive(&self, of: usize, floor: usize, group: Option<Np>, end: usize) -> Option<Np> {
        if of <= floor || self.word(of) != "of" || !self.is_word(of - 1) {
            return None;
        }
        let q = self.word(of - 1);
        let any = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(q));
        let singular = any(&["one", "each", "either", "neither"]);
        let plural = any(&[
            "some", "several", "many", "most", "two", "three", "both", "few",
        ]);
        if !(singular || plural) {
            return None;
        }
        let span = Span::new(self.tokens[of - 1].span.start, self.tokens[end].span.end);
        Some(Np {
            span,
            kind: MentionKind::Description,
            head: group.map_or(span, |g| g.head),
            role: None,
            gender: match group {
                Some(g) if plural => g.gender,
                _ => Gender::Unknown,
            },
            number: if singular {
                Number::Singular
            } else {
                Number::Plural
            },
            person: group.is_none_or(|g| g.person),
            definite: false,
            titled: false,
        })
    }

    /// Where the dash ending at token `end` starts: `—`, `–`, or the
    /// typewriter's `--` (two tokens).
    fn dash_ending_at(&self, end: usize, floor: usize) -> Option<usize> {
        let t = self.tok(end)?;
        match t.tok() {
            Tok::Punct('—' | '–') => Some(end),
            Tok::Punct('-') if end > floor && self.punct(end - 1, '-') => Some(end - 1),
            _ => None,
        }
    }

    /// The noun phrase that starts at token `start`, reading no further than
    /// `ceil` (exclusive).
    pub fn np_starting_at(&self, start: usize, ceil: usize) -> Option<Np> {
        if start >= ceil {
            return None;
        }
        if let Some(answer) = self.plain_name_at(start, ceil) {
            return answer;
        }
        self.np_starting_at_general(start, ceil)
    }

    /// A person's name in the possessive at token `start`, which no phrase
    /// reader returns, as it is no subject (`Josh Kellerman's late try`):
    /// a run of at most four plain name words (as
    /// [`Reader::plain_name_at`] has them) whose last, and only it, ends in
    /// `'s` or `’s`. The phrase is the name without the `'s`; the token
    /// after it is returned too.
    pub fn possessive_name_at(&self, start: usize, ceil: usize) -> Option<(Np, usize)> {
        let tokens = self.tokens.get(..ceil.min(self.tokens.len()))?;
        let plain = |t: &Token| self.plain_name_word(t) && !t.info.starter();
        // (past an honorific or title, which is no part of the name: `Sir
        // Anthony's reply`)
        let titled = |t: &Token| {
            matches!(t.tok(), Tok::Word)
                && t.capital
                && t.inside == self.inside
                && t.info.has(TITLE_MARK)
        };
        let from = start
            + tokens[start..]
                .iter()
                .take(2)
                .take_while(|t| titled(t))
                .count();
        let run = tokens.get(from..)?.iter().take(4).take_while(|t| plain(t));
        let end = from + run.clone().position(|t| self.possessive_span(t.span))?;
        // (a name before it is this one's first part, not another's:
        // `Josh Kellerman's`, but not `Tuesday Kellerman's` – the run is
        // read from `start`, which the caller makes a phrase's start)
        let first = &tokens[from];
        let last = tokens[end].span;
        let bare = strip_possessive(&self.text[last]).len();
        let span = Span::new(tokens[start].span.start, last.start + bare);
        let head = Span::new(first.span.start, span.end);
        let given = first.info.given();
        // (the gender of an honorific, else of the given name: `Mrs.
        // Varga's`)
        let title = Span::new(
            tokens[start].span.start,
            tokens[from.max(start + 1) - 1].span.end,
        );
        let gender = (from > start)
            .then(|| self.lexicon.title_gender(&self.text[title]))
            .flatten()
            .or(given)
            .unwrap_or(Gender::Unknown);
        Some((
            Np {
                span,
                kind: MentionKind::Name,
                head,
                role: None,
                gender,
                number: Number::Singular,
                person: gender != Gender::Unknown
                    || given.is_some()
                    || from > start
                    || tokens[start..=end].iter().any(|t| t.person()),
                definite: false,
                titled: false,
            },
            end + 1,
        ))
    }

    /// Whether token `t` is a plain name word on this reader's side:
    /// capitalised, not all capitals, no title, role, function,
    /// organisation or non-name word, no hyphen (its tests with few
    /// branches: a word on this side is what `tok` lets through).
    #[inline]
    fn plain_name_word(&self, t: &Token) -> bool {
        matches!(t.tok(), Tok::Word)
            && t.inside == self.inside
            && t.capital & (t.flags(CAPS | COMMON | HYPHEN) == 0)
            && t.info.function() == 0
            && !t.info.has(TITLE_MARK | ROLE_MARK | NOT_NAME_MARK | ORG)
    }

    /// [`Reader::np_starting_at`] for the commonest phrase of all, a run of
    /// plain name words (`Trump`, `Keir Starmer`: capitalised, not all
    /// capitals, none a title, role, function, organisation or non-name
    /// word, no hyphen, the first not possessive) ending where nothing can
    /// carry the phrase on (no word that could, and no initial's period):
    /// the answer [`Reader::np_starting_at_general`] gives, without its
    /// many tests of every word. `None` for any other phrase (the tests
    /// check the two readings agree).
    #[inline]
    fn plain_name_at(&self, start: usize, ceil: usize) -> Option<Option<Np>> {
        // (each token read once, its tests with few branches: a word on
        // this reader's side is what `tok` lets through as a word)
        let tokens = self.tokens.get(..ceil.min(self.tokens.len()))?;
        let plain = |t: &Token| self.plain_name_word(t);
        let first = tokens.get(start)?;
        if !plain(first) || self.possessive_span(first.span) {
            return None;
        }
        // (the general reading takes ten tokens at most)
        let end = start
            + tokens[start + 1..]
                .iter()
                .take(9)
                .take_while(|t| plain(t))
                .count();
        // what follows the run must not carry it on: a lower-case word
        // that is no title, role, particle or initial, or anything but a
        // word or a period, or the period of a word that is no initial
        let next = end + 1;
        let closed = end - start == 9
            || match tokens.get(next) {
                None => true,
                Some(t)
                    if t.inside != self.inside && matches!(t.tok(), Tok::Word | Tok::Punct(_)) =>
                {
                    true
                }
                Some(t) => match t.tok() {
                    Tok::Word => {
                        !t.capital & (t.flags(CAPS | HYPHEN) == 0)
                            && !t.info.is(PARTICLE)
                            && !t.info.has(TITLE_MARK | ROLE_MARK)
                            && !self.initial_at(next)
                    }
                    Tok::Punct('.') => !Self::is_initial(self.word(end)),
                    _ => true,
                },
            };
        if !closed {
            return None;
        }
        // `classify` of the run: a name, no title before it
        let last = tokens[end].span;
        if self.possessive_span(last) {
            return Some(None);
        }
        let given = first.info.given();
        let gender = given.unwrap_or(Gender::Unknown);
        let span = Span::new(first.span.start, last.end);
        Some(Some(Np {
            span,
            kind: MentionKind::Name,
            head: span,
            role: None,
            gender,
            number: Number::Singular,
            person: gender != Gender::Unknown
                || given.is_some()
                || tokens[start..=end].iter().any(|t| t.person()),
            definite: false,
            titled: false,
        }))
    }

    /// [`Reader::np_starting_at`] read word by word, for any phrase.
    fn np_starting_at_general(&self, start: usize, ceil: usize) -> Option<Np> {
        if start >= ceil {
            return None;
        }
        if let Some(np) = self.pronoun_np(start) {
            return Some(np);
        }
        let det = self.info(start).is(DETERMINER) || self.possessive_at(start);
        let from = if det { start + 1 } else { start };
        if det {
            // `a former senior police official`
            // (`verb_at` answers at once for a word that is no verb form:
            // most are none, and spare the call)
            let head = (from..(from + 7).min(ceil))
                .take_while(|&j| {
                    self.is_word(j) && (self.info(j).verb().is_none() || self.verb_at(j).is_none())
                })
                .find(|&j| self.is_role(j) && !self.name_word(j));
            // (a possessive noun is the possessor, and the head is what it
            // has: `The party's national committee`)
            let head = head.map(|h| {
                if !self.possessive_at(h) {
                    return h;
                }
                (h + 1..(h + 5).min(ceil))
                    .take_while(|&j| {
                        self.is_word(j)
                            && !self.possessive_at(j)
                            && (self.info(j).verb().is_none() || self.verb_at(j).is_none())
                    })
                    .find(|&j| self.is_role(j) && !self.name_word(j))
                    .unwrap_or(h)
            });
            if let Some(h) = head {
                let mut e = h;
                while e + 1 < ceil && self.is_role(e + 1) && !self.name_word(e + 1) {
                    e += 1;
                }
                if !(e + 1 < ceil && self.name_word(e + 1)) {
                    return self.classify(from, e, Some(start));
                }
                // `Vale's top foreign policy aide Ira Moss`
                let mut n = e + 1;
                while n + 1 < ceil
                    && (self.name_word(n + 1)
                        || self.initial_at(n + 1)
                        || self.punct(n + 1, '.') && self.initial_at(n))
                {
                    n += 1;
                }
                while n > e && !self.name_word(n) {
                    n -= 1;
                }
                return self.classify(from, n, Some(start));
            }
        }
        let mut end = None;
        let mut k = from;
        let mut steps = 0;
        while k < ceil && steps < 10 {
            let ok = self.name_word(k)
                // a middle initial that is also a word: `Dwight A. Kessler`
                || k > from && self.initial_at(k)
                || self.title_word(k)
                // (a lower-case role noun before a determiner is a verb:
                // `Laura Dale hosts the show`, `Ed Ames chairs the panel`)
                || self.is_role(k) && !(k > from && !self.tokens[k].capital && self.verb_before_object(k))
                || (self.punct(k, '.')
                    && k > from
                    && (self.initial_at(k - 1) || self.title_word(k - 1)))
                || k > from && self.title_glue(k)
                || (self.info(k).is(PARTICLE)
                    && (self.name_word(k + 1)
                        // (two particles: `van der Heyden`, `de la Fuente`)
                        || self.info(k + 1).is(PARTICLE) && self.name_word(k + 2)))
                || (det
                    && self.is_word(k)
                    && !self.tokens[k].capital
                    && k + 1 < ceil
                    && (self.is_role(k + 1) || self.is_word(k + 1) && self.is_role(k + 2))
                    && steps < 3)
                || (self.is_word(k) && self.tokens[k].caps())
                || (self.is_word(k)
                    && self.tokens[k].capital
                    && (k + 1..(k + 4).min(ceil)).any(|j| self.title_word(j)))
                // an organisation's name: capitalised words with a word of
                // org_words.txt after the first (`GB News`, `Sky News`)
                || (self.is_word(k)
                    && self.tokens[k].capital
                    && (k > from && self.org_word(k) || k + 1 < ceil && self.org_word(k + 1)));
            if !ok {
                break;
            }
            if !self.punct(k, '.') {
                end = Some(k);
            }
            k += 1;
            steps += 1;
        }
        let end = end?;
        // trim trailing words that are neither name nor role
        let mut e = end;
        while e > from && !(self.name_word(e) || self.is_role(e) || self.org_word(e)) {
            e -= 1;
        }
        self.classify(from, e, det.then_some(start))
    }

    /// Whether the word after token `k` opens an object, so that `k` is a
    /// verb: a determiner or a possessive pronoun (`hosts the show`,
    /// `chairs her committee`).
    fn verb_before_object(&self, k: usize) -> bool {
        self.is_word(k + 1)
            && (self.info(k + 1).is(DETERMINER)
                || matches!(self.word(k + 1), "his" | "her" | "their" | "its"))
    }

    /// The phrase starting at `start`, or the name in apposition right after
    /// it (`Vale's communications director, Ida Brandt`).
    pub fn np_or_apposed_name(&self, start: usize, ceil: usize) -> Option<Np> {
        let Some(np) = self.np_starting_at(start, ceil) else {
            return self
                .spoken_description(start, ceil)
                .or_else(|| self.name_after_modifiers(start, ceil));
        };
        if np.kind == MentionKind::Name && np.person {
            return Some(np);
        }
        let after =
            self.tokens[start..ceil].partition_point(|t| t.span.start < np.span.end) + start;
        if after < ceil && self.punct(after, ',') {
            if let Some(name) = self.np_starting_at(after + 1, ceil) {
                if name.kind == MentionKind::Name && name.person {
                    return Some(name);
                }
            }
        }
        Some(np)
    }

    /// A person's name after up to seven words that describe them, none a
    /// verb, pronoun or function word but `of`: `former secretary of state
    /// Ana Ruiz`, `Idaho nutritional-supplement executive Jo Bell`.
    fn name_after_modifiers(&self, start: usize, ceil: usize) -> Option<Np> {
        // a phrase opened by a preposition is no speaker (`said of Cruz`,
        // `wrote in Energy Transition`)
        if is_preposition(self.word(start)) {
            return None;
        }
        for j in start + 1..(start + 8).min(ceil) {
            // the word before `j` must be a modifier; a bare verb form is a
            // noun here (`state treasurer`)
            let m = j - 1;
            let verb = self
                .verb_at(m)
                .is_some_and(|lemma| !self.word(m).eq_ignore_ascii_case(lemma));
            let plain = self.is_word(m)
                && (self.word(m).eq_ignore_ascii_case("of")
                    || self.info(m).function() == 0 && self.info(m).pronoun().is_none() && !verb);
            if !plain || !self.is_word(j) {
                return None;
            }
            if self.name_word(j) && !self.name_word(m) {
                // described, the name is a person's
                let name = self
                    .np_starting_at(j, ceil)
                    .filter(|n| n.kind == MentionKind::Name);
                if let Some(name) = name {
                    let role = Span::new(self.tokens[start].span.start, self.tokens[m].span.end);
                    return Some(Np {
                        span: Span::new(role.start, name.span.end),
                        role: Some(role),
                        person: true,
                        ..name
                    });
                }
            }
        }
        None
    }

    /// After an inverted cue (`said the stranger;`), a determiner and up to
    /// four lower-case words up to punctuation describe whoever spoke, even
    /// when the head noun is not in the lexicon.
    fn spoken_description(&self, start: usize, ceil: usize) -> Option<Np> {
        // (`exclaimed that young gentleman`: right after an inverted cue a
        // demonstrative is a determiner too)
        if !self.info(start).is(DETERMINER) && !is_definite(self.word(start)) {
            return None;
        }
        // (an adverb ending the phrase is the verb's: `said the lad
        // sullenly`, but `the old family friend`)
        let adverb = |k: usize| {
            k > start + 1 && k < ceil && self.word(k).ends_with("ly") && !self.plain_word(k + 1)
        };
        // (a capitalised word no name, a people's name, is a noun too:
        // `cried the Jew`, `said the American`)
        let word = |k: usize| {
            self.plain_word(k)
                || self
                    .tok(k)
                    .is_some_and(|t| t.capital && t.info.not_name() && t.info.verb().is_none())
        };
        // after the head, a preposition or a participle with its object
        // attaches a phrase to it: `murmured a voice close to her ear`,
        // `said the man in the corner`, `said the burglar wiping the
        // rain from his face`
        let attached = |k: usize| {
            k > start + 1
                && (is_preposition(self.word(k))
                    || matches!(
                        self.word(k),
                        "close" | "near" | "behind" | "beside" | "without" | "across"
                    )
                    || self.word(k).ends_with("ing")
                        && self
                            .tok(k + 1)
                            .is_some_and(|t| t.info.is(DETERMINER) || t.info.pronoun().is_some()))
        };
        let mut end = start;
        while end + 1 < ceil
            && end - start < 4
            && word(end + 1)
            && !adverb(end + 1)
            && !attached(end + 1)
        {
            end += 1;
        }
        let next_is_break = self
            .tokens
            .get(end + 1)
            .is_none_or(|t| !matches!(t.tok(), Tok::Word))
            || adverb(end + 1)
            || attached(end + 1);
        (end > start && next_is_break).then(|| self.plain_description(start, end))
    }

    /// Right before a cue that follows a quotation (`"…," the narrator
    /// says`), a determiner and one to four lower-case words from `start`
    /// to `end` (inclusive) describe whoever spoke, even when the head noun
    /// is not in the lexicon.
    pub fn description_before_cue(&self, start: usize, end: usize) -> Option<Np> {
        // commas may separate adjectives: `the bearded, 64-year-old
        // envoy`
        // (a demonstrative determines it too: `"…," that person said`)
        let fits = (self.info(start).is(DETERMINER) || is_definite(self.word(start)))
            && end > start
            && end - start <= 6
            && self.plain_word(end)
            && (start + 1..=end).all(|i| {
                // (a preposition or infinitive makes it a clause: `a
                // panel to review ballot rules`)
                self.plain_word(i) && !is_preposition(self.word(i))
                    || self.punct(i, ',') && self.plain_word(i + 1)
            })
            && (start + 1..=end).filter(|&i| self.is_word(i)).count() <= 4;
        fits.then(|| self.plain_description(start, end))
    }

    /// A lower-case word that is neither a verb nor a pronoun.
    fn plain_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.tok() == Tok::Word
                && !t.capital
                && t.info.verb().is_none()
                && t.info.pronoun().is_none()
        })
    }

    /// The description from determiner `start` to word `end`.
    fn plain_description(&self, start: usize, end: usize) -> Np {
        Np {
            span: Span::new(self.tokens[start].span.start, self.tokens[end].span.end),
            kind: MentionKind::Description,
            head: Span::new(self.tokens[start + 1].span.start, self.tokens[end].span.end),
            role: None,
            gender: Gender::Unknown,
            number: Number::Singular,
            person: true,
            definite: self.word(start).eq_ignore_ascii_case("the"),
            titled: false,
        }
    }

    /// The cue of the reporting verb at token `k` with lemma `lemma`, its
    /// particle included (`shot back`).
    fn verb_cue(&self, k: usize, lemma: &'a str) -> CueMatch<'a> {
        let phrasal = self.tokens[k]
            .info
            .verb()
            .is_some_and(|id| self.lexicon.particle(id).is_some());
        let last = if phrasal { k + 1 } else { k };
        CueMatch {
            span: Span::new(self.tokens[k].span.start, self.tokens[last].span.end),
            first: k,
            last,
            lemma: CueLemma::Verb(lemma),
        }
    }

    /// The nearest cue at or before `from`, down to `floor`; for a verb,
    /// `according to` is also a cue.
    pub fn cue_before(&self, from: usize, floor: usize) -> Option<CueMatch<'a>> {
        let mut k = from + 1;
        while k > floor {
            k -= 1;
            if let Some(lemma) = self.verb_at(k) {
                return Some(self.verb_cue(k, lemma));
            }
            if self.according_to_at(k) {
                return Some(CueMatch {
                    span: Span::new(self.tokens[k - 1].span.start, self.tokens[k].span.end),
                    first: k - 1,
                    last: k,
                    lemma: CueLemma::AccordingTo,
                });
            }
            if matches!(self.tokens[k].tok(), Tok::Sentence | Tok::Paragraph) {
                break;
            }
        }
        None
    }

    /// The leftmost verb between `floor` and `to` that takes a reported
    /// clause (`said`, `claimed`), with no `;` or `:` between it and `to`.
    pub fn clausal_cue_before(&self, to: usize, floor: usize) -> Option<CueMatch<'a>> {
        let mut found = None;
        for k in (floor..to).rev() {
            if matches!(
                self.tokens[k].tok(),
                Tok::Sentence | Tok::Paragraph | Tok::Punct(';' | ':')
            ) {
                break;
            }
            let Some(t) = self.tok(k) else { continue };
            let clausal = t.info.verb().is_some_and(|id| self.lexicon.is_clausal(id));
            if clausal {
                if let Some(lemma) = self.verb_at(k) {
                    found = Some(self.verb_cue(k, lemma));
                }
            }
        }
        found
    }

    /// The first cue at or after `from`, before `ceil` and any clause stop.
    pub fn cue_after(&self, from: usize, ceil: usize) -> Option<CueMatch<'a>> {
        let mut k = from;
        while k < ceil {
            if let Some(lemma) = self.verb_at(k) {
                return Some(self.verb_cue(k, lemma));
            }
            if self.according_to_at(k + 1) && k + 1 < ceil {
                return Some(CueMatch {
                    span: Span::new(self.tokens[k].span.start, self.tokens[k + 1].span.end),
                    first: k,
                    last: k + 1,
                    lemma: CueLemma::AccordingTo,
                });
            }
            if self.is_stop(k) && !self.abbreviation_period(k) {
                break;
            }
            k += 1;
        }
        None
    }

    /// Whether reporting verb `cue` is in the passive, so that its subject
    /// heard or was reported on rather than spoke: after a form of `be` or
    /// `get` (`was told`, `has been accused`, across `not` or an `-ly`
    /// adverb), or `accused of` and `charged with`, which take an object
    /// when active (`Chancellor accused of "raiding pensions"`). A
    /// participle in `-ing` is active (`was saying`), and `according to` is
    /// no verb.
    pub fn passive(&self, cue: &CueMatch<'_>) -> bool {
        const BE_OR_GET: [&str; 11] = [
            "am", "is", "are", "was", "were", "be", "been", "being", "got", "get", "gets",
        ];
        let CueLemma::Verb(lemma) = cue.lemma else {
            return false;
        };
        let k = cue.first;
        if self.word(k).ends_with("ing") {
            return false;
        }
        let next = self.word(k + 1);
        if lemma == "accuse" && next.eq_ignore_ascii_case("of")
            || lemma == "charge" && next.eq_ignore_ascii_case("with")
        {
            return true;
        }
        // a participle opening its sentence with its agent: `Asked by
        // Glen Thrush if Vale "…," Ed Sharp avoided an answer.`
        if next == "by"
            && (k == 0 || matches!(self.tokens[k - 1].tok(), Tok::Sentence | Tok::Paragraph))
        {
            return true;
        }
        let mut j = k;
        for _ in 0..2 {
            if j == 0 || !self.is_word(j - 1) {
                return false;
            }
            j -= 1;
            let before = self.word(j);
            if BE_OR_GET.iter().any(|b| b.eq_ignore_ascii_case(before)) {
                return true;
            }
            let adverb = before.len() > 4
                && before
                    .get(before.len() - 2..)
                    .is_some_and(|e| e.eq_ignore_ascii_case("ly"));
            if !(before.eq_ignore_ascii_case("not") || adverb) {
                return false;
            }
        }
        false
    }

    /// A period that ends an initial or a title (`J.`, `Mr.`, `Sen.`).
    fn abbreviation_period(&self, k: usize) -> bool {
        self.punct(k, '.') && k > 0 && (self.initial_at(k - 1) || self.title_word(k - 1))
    }

    /// Whom the quotation was said to: the phrase after an addressing verb,
    /// before `:`, `,`, `that` or the quotation.
    pub fn addressee_after(&self, cue: &CueMatch<'a>, ceil: usize) -> Option<Np> {
        let CueLemma::Verb(lemma) = cue.lemma else {
            return None;
        };
        if !ADDRESSING.contains(&lemma) {
            return None;
        }
        let np = self.np_starting_at(cue.last + 1, ceil)?;
        (np.kind != MentionKind::Pronoun || !np.person)
            .then_some(np)
            .or_else(|| (np.kind == MentionKind::Pronoun).then_some(np))
    }

    /// Whether only `:`/`,`/`that`/an addressee stand between token `after`
    /// and `ceil`.
    pub fn only_glue_between(&self, after: usize, ceil: usize) -> bool {
        (after..ceil).all(|i| {
            let t = &self.tokens[i];
            matches!(t.tok(), Tok::Punct(':' | ',' | '—' | '–' | '-'))
                || self.word(i).eq_ignore_ascii_case("that")
        })
    }
}

/// The gender a role noun's form gives: `spokeswoman`, `congressmen`.
pub(crate) fn role_gender(w: &str) -> Gender {
    // every suffix below ends in `n`, and most role nouns do not
    if !w
        .as_bytes()
        .last()
        .is_some_and(|b| b.eq_ignore_ascii_case(&b'n'))
    {
        return Gender::Unknown;
    }
    let lower = |suffix: &str| {
        w.len() >= suffix.len()
            && w.is_char_boundary(w.len() - suffix.len())
            && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    if lower("woman") || lower("women") {
        Gender::Feminine
    } else if lower("man") || lower("men") {
        Gender::Masculine
    } else {
        Gender::Unknown
    }
}

/// `the`, `this`, `that`: a determiner that opens a definite description.
pub(crate) fn is_definite(w: &str) -> bool {
    // by length first: most determiners are `a`, `an` and the like
    let b = w.as_bytes();
    match b.len() {
        3 => b.eq_ignore_ascii_case(b"the"),
        4 => b.eq_ignore_ascii_case(b"this") || b.eq_ignore_ascii_case(b"that"),
        _ => false,
    }
}

/// `his`, `Trump's`, `Trump’s`: a word that makes the next noun possessed.
pub(crate) fn is_possessive(w: &str) -> bool {
    possessive_bytes(w.as_bytes())
}

/// [`is_possessive`] of a word's bytes.
#[inline]
pub(crate) fn possessive_bytes(w: &[u8]) -> bool {
    // by the last byte first: most words end in none of `s`, `'` and the
    // last byte of `’` (0x99), and each suffix is tried only after its own
    match w.last() {
        Some(b's') => w.ends_with(b"'s") || w.ends_with("’s".as_bytes()),
        Some(b'\'') => w.ends_with(b"s'"),
        Some(0x99) => w.ends_with("s’".as_bytes()),
        _ => false,
    }
}

/// The length in bytes of a contracted auxiliary ending word `w` (`'d`,
/// `'ll`, `'ve`, `'re`, `'m`, with a straight or curly apostrophe), or 0.
/// Only a word with a byte before the apostrophe counts: `She'd` (3 of 5
/// bytes kept).
///
/// (One slice match, which the compiler turns into a few byte tests from
/// the end: every word the tokenizer reads slowly and every pronoun a
/// phrase is read from asks, and few have an apostrophe.)
#[inline]
pub(crate) fn contraction_len(w: &[u8]) -> usize {
    // (`’` is the three bytes E2 80 99)
    match w {
        [_, .., b'\'', b'd' | b'm'] => 2,
        [_, .., b'\'', b'l', b'l'] | [_, .., b'\'', b'v' | b'r', b'e'] => 3,
        [_, .., 0xE2, 0x80, 0x99, b'd' | b'm'] => 4,
        [_, .., 0xE2, 0x80, 0x99, b'l', b'l'] | [_, .., 0xE2, 0x80, 0x99, b'v' | b'r', b'e'] => 5,
        _ => 0,
    }
}

/// `Trump's` → `Trump`.
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A preposition that attaches a phrase to a description of a person
/// (`a spokesman for the company`, `a source close to the star`).
pub(crate) fn is_head_preposition(w: &str) -> bool {
    ["of", "for", "to", "with", "from", "at", "in"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// A preposition whose object cannot be a clause's subject: the head
/// prepositions and `on`, `by`, `into`, `about`, `via`.
pub(crate) fn is_preposition(w: &str) -> bool {
    is_head_preposition(w)
        || ["on", "by", "into", "about", "via"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
}

/// A party and state after a legislator's name: `R-N.H`, `D-Md`,
/// `I-Vt` (a party's capital, a hyphen, then a capitalised state with
/// its periods).
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b.len() <= 12
        && matches!(b[0], b'D' | b'R' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
}

/// `Monday` … `Sunday`.
fn is_weekday(w: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// What ends an age: `78-year-old`.
const AGE_SUFFIX: &[u8] = b"-year-old";

/// `78-year-old`, `17-year-old`.
pub(crate) fn is_age(w: &str) -> bool {
    const SUFFIX: &[u8] = AGE_SUFFIX;
    let b = w.as_bytes();
    // the suffix is ASCII, so the slice below is on a char boundary
    b.len() > SUFFIX.len()
        && b[b.len() - SUFFIX.len()..].eq_ignore_ascii_case(SUFFIX)
        && w[..w.len() - SUFFIX.len()]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_alphabetic() || c == '-')
}

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "as", "while", "when", "whenever", "because", "after", "before", "since", "although", "though",
    "if", "unless", "until", "whereas", "once",
];

/// Whether `word` is a month's name or its usual abbreviation (`July`,
/// `Sept`), as a dateline's date opens.
fn is_month(word: &str) -> bool {
    const MONTHS: [&str; 24] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ];
    MONTHS.contains(&word)
}

/// Whether `word` opens a subordinate clause (`as`, `while`, `when` …).
pub(crate) fn is_subordinator(word: &str) -> bool {
    SUBORDINATORS.iter().any(|s| word.eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts with many names, titles, initials and organisations.
    /// The team's fixture articles.
    const FIXTURES: &[&str] = include!("../tests/support/fixture_articles.rs");

    /// More names, titles, initials and organisations than articles have.
    const TEXTS: &[&str] = &[
        include_str!("../examples/sample_article.txt"),
        "Sen. J. R. Smith met Donald Trump. Trump's aide, Ana Ruiz Vega, said \
         \"Keir Starmer's plan\" was Ana B. Cole and Ben de Gaulle's. Alpha Beta \
         Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda spoke to Jo A. \
         Pritchard, the 78-year-old Castlemore Aggregates Group chief. Smith \
         Foods Inc. and Ruiz campaign chairman Mel Stride J. said. By Ada \
         Lumsden.",
    ];

    /// The quick reading of plain names gives the general reading's
    /// answer at every token, with every reach, on both sides of the
    /// quotation marks, with and without people marked.
    #[test]
    fn plain_names_read_as_any_phrase() {
        let lexicon = Lexicon::english();
        for text in FIXTURES.iter().chain(TEXTS) {
            let doc = crate::parse(text);
            let mut tokens = crate::tokens::tokenize(&doc, lexicon);
            for marked in [false, true] {
                if marked {
                    for t in tokens.iter_mut().step_by(3) {
                        t.set_person();
                    }
                }
                for inside in [false, true] {
                    let r = Reader {
                        text,
                        tokens: &tokens,
                        lexicon,
                        inside,
                    };
                    for start in 0..tokens.len() {
                        for ceil in start..(start + 14).min(tokens.len() + 1) {
                            assert_eq!(
                                r.np_starting_at(start, ceil),
                                r.np_starting_at_general(start, ceil),
                                "{start}..{ceil} in {:?}",
                                &text[tokens[start].span.start..]
                                    .chars()
                                    .take(60)
                                    .collect::<String>(),
                            );
                        }
                    }
                }
            }
        }
    }
}
