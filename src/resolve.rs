//! Entities and coreference: names grouped under the fullest name the
//! article gives, roles bound to names, pronouns and definite descriptions
//! resolved to the most salient compatible person, all by carrying state
//! forward through the article.

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::{Entity, EntityId, EntityKind, Mention, MentionKind, Mentions};
use crate::analyzer::Pronouns;
use crate::frame::{Np, Reader};
use crate::lexicon::{fold_into, with_folded, Gender, Number};
use crate::scan::ascii_space;
use crate::scratch::{filled, kept, kept_string, ready, ready_string};
use crate::span::Span;
use crate::tokens::Tok;

/// [`Slot::first_word`] of a word that opens several names.
const MANY: usize = usize::MAX;

/// How many people sharing a surname are compared with a new mention.
const MAX_NAMESAKES: usize = 16;

/// A name found in the first pass, with its entity.
#[derive(Clone, Copy, Debug)]
struct NameSite {
    np: Np,
    /// Its entity (`usize::MAX` for a one-word name while the fuller names
    /// are read).
    entity: usize,
    /// The first phrase of its sentence, outside quotations.
    subject: bool,
    /// Its sentence opens with `he` or `she`: the name is that pronoun's
    /// object or in its clause (`He said Trump needs …`), not its subject.
    after_pronoun: bool,
    /// Inside a quotation, or a byline's author: no one the narration's
    /// pronouns stand for.
    inside: bool,
    /// A name in the possessive (`Josh Kellerman's late try`): it makes
    /// an entity and nothing else, so that reading on past it changes no
    /// one's salience or recency.
    owner: bool,
    /// Which sentence (or paragraph) it is in, counted from the start.
    sentence: u32,
    /// How many paragraph markers come before it.
    paragraph: u32,
    /// A `he` or `she` of its gender follows it in its sentence, the
    /// subject the name leads up to (`the son of a steelworker, Albert
    /// Cadogan, …, he taught himself`): the name introduces no voice.
    shadowed: bool,
    /// The token the phrase starts at, where [`Resolver::mark_people`]
    /// looks for its words.
    token: usize,
}

/// How a mention was resolved, for confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum How {
    /// A name or a description standing for itself.
    Direct,
    /// A title bound to a name earlier (`the Foreign Secretary`).
    Role,
    /// A pronoun to the most recent compatible person.
    Pronoun,
    /// A definite description to the most salient person.
    Salience,
    /// Not resolved: the mention stands for itself.
    Unresolved,
}

/// The entity table and the forward state.
pub(crate) struct Resolver<'h> {
    text: &'h str,
    pronouns: Pronouns,
    pub entities: Vec<Entity<'h>>,
    /// Entity word count of the canonical name, for "fullest".
    words: Vec<usize>,
    /// Where each entity was last mentioned (for same-surname choices).
    last_seen: Vec<usize>,
    /// The paragraph each entity was first named in outside quotations
    /// (`usize::MAX` until then).
    introduced: Vec<usize>,
    /// Whether an entity's name opens with a known given name (filled in
    /// for the names of the first pass).
    given: Vec<bool>,
    /// Whether a description entity describes a person (`the senator`)
    /// rather than a thing or body (`the statement`).
    animate: Vec<bool>,
    /// Folded names, surnames, descriptions and roles, with what each
    /// stands for.
    keys: Keys,
    /// The paragraph of the quotation being attributed.
    paragraph: usize,
    /// The paragraph of the last attributed quotation.
    last_speaker_paragraph: usize,
    sites: Vec<NameSite>,
    /// The organisations named outside quotations (`Halvorsen Foods Inc.`,
    /// `the Ministry of Health`), as the spans of their names in text
    /// order, for the descriptions that take them up (`the company`), each
    /// with the number of paragraph markers before it and whether it opens
    /// its sentence (its subject).
    orgs: Vec<(Span, usize, bool)>,
    cursor: usize,
    // forward state
    last_person: [Option<(usize, usize)>; 3],
    last_subject: [Option<(usize, usize)>; 3],
    /// Like `last_person`, leaving out people named as the object of a
    /// sentence whose subject is someone else (`Farage urged Starmer`).
    last_unobjected: [Option<(usize, usize)>; 3],
    /// The paragraph of each `last_unobjected` mention.
    unobjected_paragraph: [usize; 3],
    /// The subject site of the sentence being read: (entity, sentence).
    current_subject: Option<(usize, u32)>,
    /// By entity: counted in `people` (once it has been met as a person
    /// outside quotations).
    counted: Vec<bool>,
    /// By gender slot: how many people have been met, and the last of
    /// them.
    people: [(u32, Option<usize>); 3],
    last_speaker: Option<(usize, usize)>,
    last_group: Option<(usize, usize)>,
    /// The author a byline names (`By Ada Lumsden`), or the narrator of a
    /// first-person story (`My name is Thomas Veale.`), whom the writer's
    /// own `I` stands for in the narration (a column's `I wrote last week
    /// that "…"`, a story's `"…," I said.`).
    author: Option<usize>,
    /// By entity: the key number of the last office bound to it (`shadow
    /// chancellor`), so that another title does not continue with it.
    office_of: Vec<Option<usize>>,
    /// By entity: the key number of its folded surname, once it has been
    /// taken in.
    surname_of: Vec<Option<usize>>,
    /// A key being built for a look-up: most look-ups find their key, so
    /// only a key that is inserted is copied (once, into [`Keys`]).
    scratch: String,
    /// A role key being built (see [`role_key`]), apart from `scratch`,
    /// which the single names hold while they bind their roles.
    role_scratch: String,
    /// The `Open` and `Close` tokens of the top-level quotations, in text
    /// order, as (token index, token, paragraph markers before it): the
    /// name pass reads every token, so the attribution loop need not read
    /// them all again for these few.
    pub quote_marks: Vec<(usize, Tok, usize)>,
    /// Every mention of every entity, as (entity, span, kind), in the
    /// order they were found (the haystack of each is the text): sorted
    /// and shared by the entities in [`Resolver::finish`].
    mentions: Vec<(usize, Span, MentionKind)>,
}

/// The buffers of a [`Resolver`] kept for the next article's (see
/// [`crate::scratch`]): empty between articles.
#[derive(Default)]
pub(crate) struct Spare {
    words: Vec<usize>,
    last_seen: Vec<usize>,
    introduced: Vec<usize>,
    given: Vec<bool>,
    animate: Vec<bool>,
    keys: Keys,
    sites: Vec<NameSite>,
    orgs: Vec<(Span, usize, bool)>,
    counted: Vec<bool>,
    office_of: Vec<Option<usize>>,
    surname_of: Vec<Option<usize>>,
    scratch: String,
    role_scratch: String,
    quote_marks: Vec<(usize, Tok, usize)>,
    mentions: Vec<(usize, Span, MentionKind)>,
    by_entity: Vec<(Span, MentionKind)>,
    ends: Vec<usize>,
    singles: Vec<usize>,
    weak: Vec<(Span, Gender, Span)>,
}

/// None, one or several values, one held inline: nearly every surname and
/// role has a single entity, and a one-element `Vec` is an allocation each.
#[derive(Clone, Debug, Default)]
enum Few<T> {
    #[default]
    Empty,
    One(T),
    Many(Vec<T>),
}

impl<T: Copy> Few<T> {
    fn push(&mut self, x: T) {
        match self {
            Few::Empty => *self = Few::One(x),
            Few::One(a) => *self = Few::Many(vec![*a, x]),
            Few::Many(v) => v.push(x),
        }
    }

    fn as_slice(&self) -> &[T] {
        match self {
            Few::Empty => &[],
            Few::One(a) => std::slice::from_ref(a),
            Few::Many(v) => v,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            Few::Empty => &mut [],
            Few::One(a) => std::slice::from_mut(a),
            Few::Many(v) => v,
        }
    }
}

/// What a folded key stands for, in each of the resolver's tables.
#[derive(Debug, Default)]
struct Slot {
    /// Where the key lies in [`Keys::text`].
    start: usize,
    end: usize,
    /// The next key with the same hash, if any (a chain, almost always
    /// empty).
    next: Option<usize>,
    /// The entity of the name (or, for the empty key, the description)
    /// with this key in full.
    full: Option<usize>,
    /// The entities of two words or more with this surname, in order.
    surname: Few<usize>,
    /// The entity of the description with this key.
    description: Option<usize>,
    /// The (byte position, entity) bindings of this role: in text order
    /// once the name pass is over.
    roles: Few<(usize, usize)>,
    /// The entity of a role only ever used beside a sentence's subject name.
    weak_role: Option<usize>,
    /// The entity last taken in with this surname.
    recent: Option<usize>,
    /// The entity of two words or more whose first word this is (`Zhao`
    /// for Zhao Mingyuan), or [`MANY`] when several names open with it.
    first_word: Option<usize>,
    /// The last person described with this head noun by an indefinite
    /// description (`a council spokesperson` for `spokesperson`), whom `the
    /// spokesperson` takes up, with the paragraph it spoke in.
    headed: Option<(usize, usize)>,
}

/// The folded keys of an article, each kept once in one string and
/// numbered, so that the tables keyed by them cost no allocation per key.
#[derive(Debug, Default)]
struct Keys {
    text: String,
    /// By key number.
    slots: Vec<Slot>,
    /// Key hash → the last key number with that hash.
    by_hash: HashMap<u64, usize>,
    /// The keys of the hash of the keys: they are the article's words (see
    /// [`crate::hash`]).
    seed: crate::hash::Seed,
}

impl Keys {
    fn hash(&self, key: &str) -> u64 {
        self.seed.str(key)
    }

    fn find_hashed(&self, key: &str, hash: u64) -> Option<usize> {
        self.find_hashed_bytes(key.as_bytes(), hash)
    }

    /// [`Keys::find_hashed`] of the key with bytes `key` (of hash
    /// [`Seed::bytes`](crate::hash::Seed::bytes)).
    fn find_hashed_bytes(&self, key: &[u8], hash: u64) -> Option<usize> {
        let mut id = self.by_hash.get(&hash).copied();
        while let Some(i) = id {
            let slot = &self.slots[i];
            if self.text.as_bytes().get(slot.start..slot.end) == Some(key) {
                return Some(i);
            }
            id = slot.next;
        }
        None
    }

    /// `self` emptied for another article, with room for `n` keys, and a
    /// new seed.
    fn ready(mut self, n: usize) -> Keys {
        self.text.clear();
        self.text.reserve(n * 12);
        self.slots.clear();
        self.slots.reserve(n);
        self.by_hash.clear();
        self.by_hash.reserve(n);
        self.seed = crate::hash::Seed::new();
        self
    }

    /// `self` if it is small enough to keep (see [`crate::scratch`]).
    fn kept(self) -> Keys {
        let big = self.text.capacity()
            + self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.by_hash.capacity() * 16;
        if big > crate::scratch::KEEP_BYTES {
            Keys::default()
        } else {
            self
        }
    }

    /// The number of `key`, if it has one.
    fn find(&self, key: &str) -> Option<usize> {
        self.find_hashed(key, self.hash(key))
    }

    /// What `key` stands for, if it has been numbered.
    fn get(&self, key: &str) -> Option<&Slot> {
        self.find(key).map(|i| &self.slots[i])
    }

    /// The number of `key`, given one if it has none.
    fn intern(&mut self, key: &str) -> usize {
        let hash = self.hash(key);
        match self.find_hashed(key, hash) {
            Some(i) => i,
            None => self.insert_hashed(key, hash),
        }
    }

    /// Number `key`, of hash `hash`, which has no number yet.
    fn insert_hashed(&mut self, key: &str, hash: u64) -> usize {
        let id = self.slots.len();
        let start = self.text.len();
        self.text.push_str(key);
        let next = self.by_hash.insert(hash, id);
        self.slots.push(Slot {
            start,
            end: self.text.len(),
            next,
            ..Slot::default()
        });
        id
    }

    /// The key numbered `id`.
    fn text_of(&self, id: usize) -> &str {
        let slot = &self.slots[id];
        &self.text[slot.start..slot.end]
    }

    /// What `key` stands for, numbering it if need be.
    fn slot(&mut self, key: &str) -> &mut Slot {
        let i = self.intern(key);
        &mut self.slots[i]
    }
}

fn slot(g: Gender) -> usize {
    match g {
        Gender::Masculine => 0,
        Gender::Feminine => 1,
        _ => 2,
    }
}

impl<'h> Resolver<'h> {
    /// First pass: every name in the article, grouped into entities.
    /// The buffers come from `spare` (see [`Resolver::finish`]).
    pub fn new(
        text: &'h str,
        r: &Reader<'_>,
        pronouns: Pronouns,
        spare: &mut Spare,
    ) -> Resolver<'h> {
        // room for the names: PolNeAR articles have a run of capitalised
        // words every 9 tokens in the middle (4 to 15), and fewer names
        let names = r.tokens.len() / 16 + 4;
        use std::mem::take;
        let mut res = Resolver {
            text,
            pronouns,
            entities: Vec::with_capacity(names),
            words: ready(take(&mut spare.words), names),
            animate: ready(take(&mut spare.animate), names),
            last_seen: ready(take(&mut spare.last_seen), names),
            introduced: ready(take(&mut spare.introduced), names),
            given: take(&mut spare.given),
            // one key per name at most (fuller names add a few, surnames
            // and roles some more): room for them all saves rehashing while
            // the article is read
            keys: take(&mut spare.keys).ready(names * 2),
            paragraph: 0,
            last_speaker_paragraph: 0,
            sites: ready(take(&mut spare.sites), names),
            orgs: ready(take(&mut spare.orgs), 0),
            cursor: 0,
            last_person: [None; 3],
            last_subject: [None; 3],
            last_unobjected: [None; 3],
            unobjected_paragraph: [0; 3],
            current_subject: None,
            counted: ready(take(&mut spare.counted), names),
            people: [(0, None); 3],
            last_speaker: None,
            last_group: None,
            author: None,
            surname_of: ready(take(&mut spare.surname_of), names),
            office_of: ready(take(&mut spare.office_of), names),
            // (room for any common key: grown from nothing, each would be
            // reallocated four or five times an article)
            scratch: ready_string(take(&mut spare.scratch), 64),
            role_scratch: ready_string(take(&mut spare.role_scratch), 64),
            // (a few quotations an article, each opened and closed)
            quote_marks: ready(take(&mut spare.quote_marks), 16),
            mentions: ready(take(&mut spare.mentions), names * 2),
        };
        let tokens = r.tokens;
        // the sites of one-word names (by index into `res.sites`, where
        // every site is pushed in text order), their entities found once
        // every fuller name is known
        let mut singles: Vec<usize> = ready(take(&mut spare.singles), names);
        let mut sentence: u32 = 0;
        // paragraph markers passed, as `Resolver::at_paragraph` counts them
        let mut paragraphs = 0;
        // `Starmer … as the Prime Minister …`: a title used later in the
        // sentence whose subject is a name, as (title head, subject name)
        let mut weak = ready(take(&mut spare.weak), 0);
        // the sites of names of two words or more in the possessive
        let mut owners: Vec<usize> = Vec::new();
        let mut sentence_subject: Option<Span> = None;
        let mut i = 0;
        let mut sentence_first = true;
        // the sentence opened with a phrase that a comma ends (`In a
        // statement,`, `Asked about it,`), after which its subject comes
        let mut reopen = false;
        // the sentence opened with `he` or `she`
        let mut pronoun_subject = false;
        // the sentence opened with a possessive name (`Germany's agriculture
        // minister, Jörg Westerkamp, was …`) or `the`: a name in apposition
        // after at most four more words is the subject
        let mut possessive_lead: Option<usize> = None;
        // and one of those words is a person's role or title (`minister`):
        // the apposed name is a person's
        let mut possessive_role = false;
        // a plain lower-case word, which can open neither a name nor a
        // definite description
        // (a title word or an honorific has the title mark; the three
        // bytes are read with no branch between them; a token that is no
        // word is plain too)
        let plain = |t: &crate::tokens::Token| {
            !(t.capital
                | t.info.has(crate::lexicon::TITLE_MARK)
                | t.info.is(crate::lexicon::DETERMINER))
        };
        // a word that can open a name: a name word or a title (`The`,
        // `In` and other capitalised function words cannot)
        let opens = |t: &crate::tokens::Token| {
            t.info.title_word()
                || t.info.honorific().is_some()
                || t.capital
                    && !t.info.not_name()
                    && !t.info.starter()
                    && !t.info.is(crate::lexicon::DETERMINER)
        };
        // once the subject's place is closed (and no possessive pending),
        // a word that changes nothing, as below: a plain one, a headline's,
        // or one that opens no name, is no organisation's word and no
        // determiner the check for a description reads (`the` inside a
        // quotation or before the sentence has a subject, `I`, `Monday`);
        // `subject`: the sentence has one
        // (every test read, with `|` and `&` where `opens` has `||` and
        // `&&`: which of them decides depends on the word, which defeats
        // branch prediction, and they all read fields of one token)
        let quiet = |t: &crate::tokens::Token, subject: bool| {
            use crate::lexicon::{DETERMINER, NOT_NAME, ORG, STARTER, TITLE_MARK};
            let det = t.info.is(DETERMINER);
            let opens = t.info.has(TITLE_MARK) | t.capital & !t.info.has(NOT_NAME | STARTER) & !det;
            t.headline()
                | !(opens | t.info.has(ORG) & t.capital & !t.inside | subject & !t.inside & det)
        };
        // a token that is no word or punctuation: a sentence or paragraph
        // marker, or a quotation's opening or closing mark (which
        // `quote_marks` takes)
        // (read from the kind byte alone: `tok()` tested for a word, then
        // for punctuation, two branches in the quiet run below)
        let marker = |t: &crate::tokens::Token| t.is_marker();
        while i < tokens.len() {
            let t = &tokens[i];
            // (the kinds are told apart one test at a time, words first,
            // as most tokens are: a `match` on the kind became a jump
            // table, which mispredicted)
            if !t.is_word() {
                if t.is_punctuation() {
                    // the comma after an opening phrase (`In a statement,`,
                    // `Asked about it,`) opens the subject's place again
                    // (also inside the closing mark of a title that ends
                    // the phrase: `On NBC's "Meet the Press," …`)
                    if reopen
                        && t.is_punct(',')
                        && (!t.inside
                            || tokens
                                .get(i + 1)
                                .is_some_and(|n| matches!(n.tok(), Tok::Close(_))))
                    {
                        reopen = false;
                        sentence_first = true;
                    }
                } else if t.is_quote_mark() {
                    res.quote_marks.push((i, t.tok(), paragraphs));
                } else {
                    // a sentence or a paragraph begins
                    paragraphs += usize::from(t.is_paragraph());
                    sentence_first = true;
                    pronoun_subject = false;
                    possessive_lead = None;
                    sentence_subject = None;
                    reopen = false;
                    sentence += 1;
                }
                i += 1;
                continue;
            }
            // most words are plain lower-case ones, which cannot open a name
            // or a definite description: all they do (as below) is close the
            // subject's place
            if plain(t) && possessive_lead.is_none() {
                // (a lower-case word between a capitalised opening word and
                // a title or role keeps the subject's place open: `Former
                // state prosecutor Ilse Marten said`)
                let modifier = sentence_first
                    && i > 0
                    && tokens[i - 1].capital
                    && tokens[i - 1].is_word()
                    && tokens.get(i + 1).is_some_and(|n| {
                        n.is_word()
                            && (n.info.title_word() || n.info.role().is_some_and(|r| r.person))
                    })
                    // (and so do the adjectives of `A visibly frustrated
                    // Treadwell cut off the question`)
                    || sentence_first && !t.inside && described_name(text, tokens, i);
                if !t.headline() && !t.inside && !modifier {
                    sentence_first = false;
                }
                i += 1;
                // once the subject's place is closed (no possessive is
                // pending here), quiet words and punctuation change nothing:
                // the run of them up to the next sentence is skipped in a
                // tighter loop (which stops at a quotation mark too, for
                // `quote_marks`)
                // (a plain token is quiet, and so is a token that is no
                // word: the run goes on while the token is quiet and no
                // marker, one branch a token)
                if !sentence_first {
                    let subject = sentence_subject.is_some();
                    // (and at the comma of an opening phrase)
                    while tokens.get(i).is_some_and(|t| {
                        quiet(t, subject) & !marker(t) & !(reopen & t.is_punct(','))
                    }) {
                        i += 1;
                    }
                } else {
                    // (and while it is open, so do plain words inside
                    // quotations or in headlines: a quotation opening its
                    // sentence is skipped here after its opening mark)
                    while tokens.get(i).is_some_and(|t| {
                        plain(t)
                            && match t.tok() {
                                Tok::Word => t.inside || t.headline(),
                                Tok::Punct(_) => true,
                                _ => false,
                            }
                    }) {
                        i += 1;
                    }
                }
                continue;
            }
            // only a name word or a title can open a name
            let starts = opens(t);
            if t.headline() {
                // a headline's capitals say nothing about names
                i += 1;
                continue;
            }
            // only `the`, `this` or `that` opens a definite description
            // (the word is read only in a sentence whose subject is known)
            // (and is read only when a one-word title is in its reach: a
            // titled description ends in one, and most `the` have none)
            if sentence_subject.is_some()
                && !t.inside
                && t.info.is(crate::lexicon::DETERMINER)
                && crate::frame::is_definite(&text[t.span])
                && tokens[i + 1..(i + 8).min(tokens.len())]
                    .iter()
                    .any(|t| t.info.title().is_some())
            {
                if let Some(subject) = sentence_subject {
                    let desc = r.np_starting_at(i, (i + 8).min(tokens.len()));
                    // (a title, one office holder: `Oliver looked at the old
                    // gentleman` says nothing of who the gentleman is)
                    if let Some(d) = desc.filter(|d| {
                        d.kind == MentionKind::Description && d.definite && d.person && d.titled
                    }) {
                        weak.push((d.head, d.gender, subject));
                    }
                }
            }
            // a sentence that opens with a title bound to someone has them
            // as its subject: `Chief Justice Aaron Morrow wrote …` … `The
            // chief justice also wrote that …` ¶ `"…," he wrote.` (not
            // before a comma, where a name in apposition may follow)
            if sentence_first
                && !t.inside
                && t.capital
                && t.info.is(crate::lexicon::DETERMINER)
                && crate::frame::is_definite(&text[t.span])
                && tokens[i + 1..(i + 6).min(tokens.len())]
                    .iter()
                    .any(|t| t.info.title().is_some())
            {
                if let Some((d, e)) = r
                    .np_starting_at(i, (i + 6).min(tokens.len()))
                    .filter(|d| {
                        d.kind == MentionKind::Description
                            && d.definite
                            && d.person
                            && d.titled
                            && d.number == Number::Singular
                    })
                    .and_then(|d| {
                        let mut key = take(&mut res.role_scratch);
                        role_key(&text[d.head], &mut key);
                        let e = res
                            .keys
                            .get(&key)
                            .and_then(|slot| bound_before(slot.roles.as_slice(), d.span.start))
                            .map(|&(_, e)| e);
                        res.role_scratch = key;
                        Some((d, e?))
                    })
                {
                    let next = i + tokens[i..].partition_point(|t| t.span.start < d.span.end);
                    if d.gender.agrees(res.entities[e].gender)
                        && tokens.get(next).is_none_or(|n| !n.is_punct(','))
                    {
                        res.sites.push(NameSite {
                            np: d,
                            entity: e,
                            subject: true,
                            after_pronoun: pronoun_subject,
                            inside: false,
                            owner: false,
                            sentence,
                            paragraph: paragraphs as u32,
                            shadowed: false,
                            token: i,
                        });
                        sentence_subject = Some(d.head);
                        sentence_first = false;
                        i = next;
                        continue;
                    }
                }
            }
            // the reader of this word's side of the quotation marks, made
            // only for the few words that can open a name
            let side = || Reader {
                inside: t.inside,
                ..*r
            };
            // (a lower-case title, `campaign`, `state`, opens a name only
            // before a capitalised word: most have none in reach)
            let np = if starts && (t.capital || capital_in_run(&tokens[i + 1..])) {
                side().np_starting_at(i, (i + 12).min(tokens.len()))
            } else {
                None
            };
            // an organisation's name (`Halvorsen Foods Inc.`, `the Ministry
            // of Health`), read back from the end of the capitalised run its
            // word is in (without its `the`), is kept for `the company` later
            if t.info.org()
                && t.capital
                && !t.inside
                && res
                    .orgs
                    .last()
                    .is_none_or(|(o, _, _)| o.end <= t.span.start)
            {
                let mut end = i;
                while end + 2 < tokens.len()
                    && end - i < 8
                    && (tokens[end + 1].capital && tokens[end + 1].is_word()
                        || tokens[end + 2].capital
                            && matches!(&text[tokens[end + 1].span], "of" | "for"))
                {
                    end += if tokens[end + 1].capital { 1 } else { 2 };
                }
                // (and back over the capitalised words before it: `Home
                // Office`, `Halvorsen Foods`)
                let mut start = i;
                while start > 0
                    && i - start < 4
                    && tokens[start - 1].is_word()
                    && tokens[start - 1].capital
                    && !tokens[start - 1].info.is(crate::lexicon::DETERMINER)
                    && !tokens[start - 1].info.starter()
                {
                    start -= 1;
                }
                res.orgs.push((
                    Span::new(tokens[start].span.start, tokens[end].span.end),
                    paragraphs,
                    sentence_first,
                ));
            }
            let np = np.filter(|np| np.kind == MentionKind::Name);
            // a name in the possessive is no phrase the reader returns, but
            // it names someone the article may quote later: `after Josh
            // Kellerman's late try` … `Kellerman admitted`. It is taken in
            // as a name that is no subject and, like a name inside a
            // quotation, makes nobody salient (`Smith criticised Jones's
            // plan. "…," he said` stays Smith's).
            // (most capitalised words that open no phrase are function
            // words, sentence starters or not names: none opens one here)
            // (and only where one of the four tokens the name can take
            // ends in the possessive, which few do: most of these words
            // are names with no `'s`)
            let possessive = if np.is_none()
                && t.capital
                && t.tok() == Tok::Word
                && !t.info.has(crate::lexicon::NOT_NAME_MARK)
                && t.info.function() == 0
                && tokens[i..(i + 4).min(tokens.len())].iter().any(|t| {
                    text.as_bytes()
                        .get(t.span.start..t.span.end)
                        .is_some_and(crate::frame::possessive_bytes)
                }) {
                side()
                    .possessive_name_at(i, (i + 4).min(tokens.len()))
                    .map(|(np, _)| np)
            } else {
                None
            };
            let Some(np) = np.or(possessive) else {
                if sentence_first && !t.inside && is_he_or_she(&t.info) {
                    pronoun_subject = true;
                }
                // capitalised modifiers and titles before the subject's name
                // (`Reform UK leader Nigel Farage`) keep the subject open
                if t.tok() == Tok::Word && !t.inside && !t.capital && !t.info.title_word() {
                    sentence_first = false;
                }
                // but a preposition makes the name after it its object (`By
                // Ada Lumsden`, a byline): read only while the subject's
                // place is open
                if sentence_first
                    && t.tok() == Tok::Word
                    && !t.inside
                    && t.capital
                    && crate::frame::is_preposition(&text[t.span])
                {
                    sentence_first = false;
                    // (until the phrase's comma, but for a byline)
                    reopen = &text[t.span] != "By";
                } else if sentence_first
                    && t.tok() == Tok::Word
                    && !t.inside
                    && t.capital
                    && (i == 0 || matches!(tokens[i - 1].tok(), Tok::Sentence | Tok::Paragraph))
                    && {
                        let w = &text[t.span];
                        w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"))
                            // (or an irregular reporting verb's participle:
                            // `Told of the remark, Ms. Makris paused.`)
                            || t.info.verb().is_some()
                    }
                {
                    // (a participle opens the phrase: `Asked by a reporter,
                    // Chancellor van der Heyden paused.`)
                    reopen = true;
                } else if sentence_first
                    && t.tok() == Tok::Word
                    && !t.inside
                    && t.capital
                    && (i == 0 || matches!(tokens[i - 1].tok(), Tok::Sentence | Tok::Paragraph))
                    && t.info.is(crate::lexicon::ADVERB)
                {
                    // (and so does an adverb of the lists: `Later that
                    // night, Darlene …`)
                    reopen = true;
                }
                if let Some(n) = possessive_lead.as_mut() {
                    *n += 1;
                    possessive_role |=
                        t.info.title().is_some() || t.info.role().is_some_and(|r| r.person);
                    // (seven words hold an office with its body: `The
                    // European Union's foreign policy spokesperson,`)
                    if *n > 7 || t.info.verb().is_some() || t.inside {
                        possessive_lead = None;
                    }
                } else if sentence_first
                    && t.tok() == Tok::Word
                    && t.capital
                    && (crate::frame::is_possessive(&text[t.span])
                        // (or a definite description: `The inquiry chair,
                        // Judge Meredith Fairclough, adjourned …`)
                        || t.info.is(crate::lexicon::DETERMINER)
                            && crate::frame::is_definite(&text[t.span])
                        // (or a possessive pronoun: `His wife, Darla
                        // Hamsun, disagreed.`; not `Their`, which in
                        // `Their son, Piotr, is a developer in Leeds.`
                        // introduces a couple's family in passing, whom the
                        // next `he says` is not about: fixtures -3)
                        || matches!(&text[t.span], "His" | "Her"))
                {
                    possessive_lead = Some(0);
                    possessive_role = false;
                }
                i += 1;
                continue;
            };
            // skip past the phrase
            let first = i;
            while i < tokens.len() && tokens[i].span.start < np.span.end {
                i += 1;
            }
            let apposed = possessive_lead.is_some()
                && first > 0
                && tokens[first - 1].is_punct(',')
                && np.kind == MentionKind::Name;
            // (a person's name after `and` or `but` that a lower-case word
            // follows opens a coordinated clause: `The audience began
            // chanting "…" and Brill threatened to clear the hall.`)
            let coordinated = np.person
                && first > 0
                && tokens[first - 1].is_word()
                && matches!(&text[tokens[first - 1].span], "and" | "but")
                && tokens
                    .get(i)
                    .is_some_and(|n| n.is_word() && !n.capital && n.info.pronoun().is_none());
            // (a topic set out before the clause is its subject's
            // antecedent: `As for Lenz, she said she is not worried.`)
            let topic = first >= 2
                && tokens.get(i).is_some_and(|n| n.is_punct(','))
                && &text[tokens[first - 1].span] == "for"
                && matches!(&text[tokens[first - 2].span], "As" | "as")
                && (first == 2
                    || matches!(tokens[first - 3].tok(), Tok::Sentence | Tok::Paragraph));
            // (the speaker of reported speech in the narrator's words is
            // its sentence's subject: `Roads come first, said Lenz.`,
            // `Roads come first, Lenz said.`)
            let reporter = np.kind == MentionKind::Name
                && first >= 1
                && (first >= 2
                    && tokens[first - 2].is_punct(',')
                    && tokens[first - 1].is_word()
                    && !tokens[first - 1].capital
                    && tokens[first - 1].info.verb().is_some()
                    // (closing its clause: in `…, urged Starmer to act`,
                    // Starmer is the object)
                    && tokens
                        .get(i)
                        .is_none_or(|n| matches!(n.tok(), Tok::Sentence | Tok::Paragraph) || n.is_punctuation())
                    || tokens[first - 1].is_punct(',')
                        && tokens
                            .get(i)
                            .is_some_and(|n| n.is_word() && !n.capital && n.info.verb().is_some()));
            // (a name someone gives themselves is their sentence's subject:
            // `A woman who identified herself only as Ruth, 81, drew the
            // longest ovation.`, `who gave his name only as Lou`)
            let self_named = np.kind == MentionKind::Name
                && first >= 2
                && &text[tokens[first - 1].span] == "as"
                && tokens[first.saturating_sub(5)..first - 1].iter().any(|b| {
                    b.is_word()
                        && matches!(
                            &text[b.span],
                            "herself" | "himself" | "themselves" | "name" | "identified"
                        )
                });
            let subject =
                (sentence_first || apposed || coordinated || topic || reporter || self_named)
                    && !t.inside
                    && possessive.is_none();
            let np = Np {
                person: np.person || apposed && possessive_role,
                ..np
            };
            let opened = sentence_first && !t.inside;
            // a character an actor plays is no one the story's pronouns
            // stand for: `Tony Brannigan, who plays landlord Vic Tulley,
            // said: "…" ¶ "…," he added.` (taken in like a possessive)
            // (the first byte first: few words before a name open with
            // `p`; the two places written out, and a `fn` to be inlined:
            // as `any` over a closure it was a call or two a name, in a
            // function this long)
            #[inline(always)]
            fn plays_at(text: &str, t: &crate::tokens::Token) -> bool {
                text.as_bytes().get(t.span.start) == Some(&b'p')
                    && t.is_word()
                    && matches!(
                        &text[t.span],
                        "plays" | "played" | "playing" | "portrays" | "portrayed" | "portraying"
                    )
            }
            let played = first >= 1 && plays_at(text, &tokens[first - 1])
                // (past one lower-case noun, `plays landlord Vic
                // Tulley`, but not `portrayed by Allen`, the actor)
                || first >= 2
                    && plays_at(text, &tokens[first - 2])
                    && tokens[first - 1].is_word()
                    && !tokens[first - 1].capital
                    && !crate::frame::is_preposition(&text[tokens[first - 1].span]);
            sentence_first = false;
            possessive_lead = None;
            if subject && !apposed && crate::frame::is_possessive(&text[np.span])
                || opened && possessive.is_some()
            {
                possessive_lead = Some(0);
                possessive_role = false;
            }
            if subject && np.person || subject && np.role.is_none() && np.kind == MentionKind::Name
            {
                sentence_subject = Some(np.head);
            }
            // a subject of two words or more the lists cannot place, taken
            // up by `his` or `she` later in its sentence, is a person of that
            // gender (`Ambrose Quill took his hat`; `Acme Corp raised
            // its forecast` is not)
            // (read once: the head stays as it is below)
            // (a head that is the phrase's last token alone is one word:
            // a word token holds no white space)
            let several = np.head.start != tokens[i - 1].span.start && two_words(&text[np.head]);
            // a byline's author (`By Ada Lumsden`) is no one the story's
            // pronouns stand for: taken in as if quoted
            let byline = first > 0
                && &text[tokens[first - 1].span] == "By"
                && (first == 1
                    || matches!(tokens[first - 2].tok(), Tok::Sentence | Tok::Paragraph));
            let np = if subject && !np.person && np.gender == Gender::Unknown && several {
                // (past an appositive, whose pronoun is another's: `Cordelia
                // Ashby-Rowe, his wife, waved`)
                // (a relative clause's pronouns are the name's own: `Dora
                // Kell, who said the mayor misled her, recounted …`)
                let appositive = if tokens.get(i).is_some_and(|t| t.is_punct(','))
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| !matches!(&text[t.span], "who" | "whose"))
                {
                    tokens[i + 1..]
                        .iter()
                        .take(8)
                        .position(|t| t.is_punct(','))
                        .map_or(0, |p| p + 2)
                } else {
                    0
                };
                let g = tokens[i..]
                    .iter()
                    .take(40)
                    .skip(appositive)
                    .take_while(|t| {
                        !matches!(t.tok(), Tok::Sentence | Tok::Paragraph | Tok::Open(_))
                    })
                    .find_map(|t| {
                        t.info
                            .pronoun()
                            .filter(|p| p.person == 3 && p.number == Number::Singular)
                    })
                    .map(|p| p.gender)
                    .or_else(|| next_subject_pronoun(&tokens[i..]));
                match g {
                    Some(g @ (Gender::Masculine | Gender::Feminine)) => Np {
                        person: true,
                        gender: g,
                        ..np
                    },
                    _ => np,
                }
            } else {
                np
            };
            // a name apposed to a singular person's noun of one gender is
            // of that gender: `her son, Kasimir Ilves` (so that a later
            // `Ms. Ilves` is not the son)
            let np = match (np.gender, several) {
                (Gender::Unknown, true) => match kin_gender(text, tokens, first) {
                    Some(g) => Np {
                        person: true,
                        gender: g,
                        ..np
                    },
                    None => np,
                },
                _ => np,
            };
            // the site of a name whose entity is found after the pass
            let pending = |owner: bool| NameSite {
                np,
                entity: usize::MAX,
                subject,
                after_pronoun: pronoun_subject,
                inside: t.inside || byline,
                owner,
                sentence,
                paragraph: paragraphs as u32,
                shadowed: false,
                token: first,
            };
            if several && possessive.is_some() {
                // (taken in after the other names: a namesake named only
                // in the possessive is the last a surname alone stands for)
                owners.push(res.sites.len());
                res.sites.push(pending(true));
            } else if several {
                let shadowed = tokens[i..]
                    .iter()
                    .take(16)
                    .take_while(|t| {
                        !matches!(t.tok(), Tok::Sentence | Tok::Paragraph | Tok::Open(_))
                    })
                    .any(|t| {
                        is_he_or_she(&t.info)
                            && t.info.pronoun().is_some_and(|p| np.gender.agrees(p.gender))
                    });
                let e = res.register_name(np);
                // (or, in a first-person narration, the name the narrator
                // gives: `My name is Thomas Veale.`)
                let named_self = !t.inside
                    && first >= 3
                    && matches!(&text[tokens[first - 1].span], "is" | "was")
                    && &text[tokens[first - 2].span] == "name"
                    && matches!(&text[tokens[first - 3].span], "My" | "my");
                if (byline || named_self) && res.author.is_none() {
                    res.author = Some(e);
                }
                res.sites.push(NameSite {
                    np,
                    entity: e,
                    subject,
                    after_pronoun: pronoun_subject,
                    inside: t.inside || byline,
                    owner: played,
                    sentence,
                    paragraph: paragraphs as u32,
                    shadowed,
                    token: first,
                });
                if let Some(role) = np.role {
                    res.bind_office(r.lexicon, tokens, first, role, np.span.start, e);
                }
                // a role the name is apposed to: `The Premier, Rosalind
                // Achterberg, rejected …` makes a later `the Premier` hers
                // (or anywhere, when the name's commas close it off: `"…,"
                // the witness, Gareth Pell, told jurors.`)
                let closed_off = first > 1
                    && tokens[first - 1].is_punct(',')
                    && tokens.get(i).is_some_and(|n| n.is_punct(','));
                if apposed || closed_off {
                    if let Some(d) = first
                        .checked_sub(2)
                        .and_then(|end| side().np_ending_at(end, first.saturating_sub(10)))
                        // (a possessive's role is as definite: `The
                        // committee's chairman, Sen. Wendell Prucha,`)
                        .filter(|d| {
                            d.kind == MentionKind::Description
                                && d.person
                                && (d.definite
                                    || text[d.span]
                                        .split(' ')
                                        .next()
                                        .is_some_and(crate::frame::is_possessive))
                        })
                    {
                        res.bind(d.head, np.span.start, e);
                    }
                }
                // an appositive role: `David Lammy, the Foreign Secretary,`,
                // `Gretchen Albrecht, a former state treasurer,`
                if r.tokens.get(i).is_some_and(|t| t.is_punct(',')) {
                    if let Some(app) = side().np_starting_at(i + 1, (i + 8).min(tokens.len())) {
                        // (closed by punctuation or going on with a
                        // preposition: in `Ed Marsh and Ivy
                        // Lund, the Democratic candidate stated` the
                        // phrase is the next clause's subject)
                        let closed = || {
                            tokens
                                .iter()
                                .skip(i + 1)
                                .find(|n| n.span.start >= app.span.end)
                                .is_none_or(|n| {
                                    !n.is_word() || crate::frame::is_preposition(&text[n.span])
                                })
                        };
                        if app.kind == MentionKind::Description
                            && app.person
                            && (app.definite || opens_indefinite(&text[app.span]))
                            && closed()
                        {
                            res.bind(app.head, np.span.start, e);
                        }
                    }
                }
            } else {
                singles.push(res.sites.len());
                res.sites.push(pending(possessive.is_some() || played));
            }
        }
        for &k in &owners {
            let e = res.register_name(res.sites[k].np);
            res.sites[k].entity = e;
        }
        let mut given = take(&mut res.given);
        given.clear();
        given.extend(res.entities.iter().map(|e| {
            let first = words_of(e.name).next().unwrap_or("");
            r.lexicon.info(first).given().is_some()
        }));
        res.given = given;
        // single words: a surname of a fuller name, or a name of their own
        let mut key = std::mem::take(&mut res.scratch);
        let mut buf = [0u8; 32];
        // the short forms of given names, with how often the narration and
        // the quotations use each: one the story itself mostly calls
        // someone (`Ned`, the son, in a story whose father is `Edward`) is
        // a name of its own; one used mostly to address someone is their
        // name (`"Hal, you are impossible!"` to Lord Harold)
        let mut short_forms: Vec<(Box<[u8]>, u32, u32)> = Vec::new();
        for &single in &singles {
            let site = &res.sites[single];
            if let Some(folded) = short_form(&site.np, site.token, text, tokens, &mut buf) {
                if r.lexicon.shortened(folded).is_empty() {
                    continue;
                }
                let at = match short_forms.iter().position(|(n, _, _)| **n == *folded) {
                    Some(at) => at,
                    None => {
                        short_forms.push((folded.into(), 0, 0));
                        short_forms.len() - 1
                    }
                };
                if site.inside {
                    short_forms[at].1 += 1;
                } else {
                    short_forms[at].2 += 1;
                }
            }
        }
        short_forms.retain(|&(_, quoted, narrated)| narrated * 4 < quoted);
        // the sites of those short forms come last, once the names they
        // shorten have their entities: `Peggy` may be said before any lone
        // `Margaret` (there are nearly always none, and then the singles
        // are read in text order)
        let reordered: Vec<usize>;
        let order: &[usize] = if short_forms.is_empty() {
            &singles
        } else {
            let short_site = |single: usize, buf: &mut [u8; 32]| {
                let site = &res.sites[single];
                short_form(&site.np, site.token, text, tokens, buf)
                    .is_some_and(|f| short_forms.iter().any(|(n, _, _)| **n == *f))
            };
            let (mut first, last): (Vec<usize>, Vec<usize>) = singles
                .iter()
                .partition(|&&single| !short_site(single, &mut buf));
            first.extend(last);
            reordered = first;
            &reordered
        };
        for &single in order {
            let np = res.sites[single].np;
            // (a short ASCII word is folded on the stack: only a new key is
            // copied, into the keys)
            let key: &[u8] = match fold_short(&text[np.head], &mut buf) {
                Some(folded) => folded,
                None => {
                    key.clear();
                    fold_into(&text[np.head], &mut key);
                    key.as_bytes()
                }
            };
            // one look-up of the key serves the namesakes, the full name
            // and the numbering of a new one
            let hash = res.keys.seed.bytes(key);
            let found = res.keys.find_hashed_bytes(key, hash);
            let e = match res.namesake_at(found, np.gender) {
                Some(e) => e,
                None => match found.and_then(|i| res.keys.slots[i].full).or_else(|| {
                    // (after a rank or office, the word is a surname:
                    // `Colonel Aldous` is not Aldous Pemberly, where
                    // `Mr. Park` may be Park Ji-hoon)
                    let ranked = np.role.is_some_and(|role| {
                        let first = text[role].split_whitespace().next().unwrap_or("");
                        r.lexicon
                            .info(first.trim_end_matches('.'))
                            .honorific()
                            .is_none()
                    });
                    (!ranked)
                        .then(|| res.first_word_of(found, np.gender, knighted(&text[np.span])))
                        .flatten()
                }) {
                    Some(e) => e,
                    None => {
                        let id = match found {
                            Some(i) => i,
                            // (the folded bytes are those of a string)
                            None => res
                                .keys
                                .insert_hashed(std::str::from_utf8(key).unwrap_or_default(), hash),
                        };
                        // a short form of a given name someone already
                        // goes by, used only in the quotations, is the form
                        // they are addressed by (`Peggy` for Margaret,
                        // `Hal` for Lord Harold), taken as that name in
                        // full from now on
                        let addressed = short_forms.iter().any(|(n, _, _)| **n == *key);
                        let forms = if addressed {
                            r.lexicon.shortened(key)
                        } else {
                            &[]
                        };
                        let shortened = forms.iter().find_map(|full| {
                            let h = res.keys.seed.bytes(full.as_bytes());
                            res.keys
                                .find_hashed_bytes(full.as_bytes(), h)
                                .and_then(|i| res.keys.slots[i].full)
                                .filter(|&e| {
                                    res.entities[e].kind == EntityKind::Person
                                        && np.gender.agrees(res.entities[e].gender)
                                })
                        });
                        match shortened {
                            Some(e) => {
                                res.keys.slots[id].full = Some(e);
                                e
                            }
                            None => res.new_entity(np.head, np.kind_entity(), np.gender, 1, id),
                        }
                    }
                },
            };
            if np.gender != Gender::Unknown && res.entities[e].gender == Gender::Unknown {
                res.entities[e].gender = np.gender;
            }
            if np.person && res.entities[e].kind == EntityKind::Name {
                res.entities[e].kind = EntityKind::Person;
            }
            if let Some(role) = np.role {
                let first = res.sites[single].token;
                res.bind_office(r.lexicon, tokens, first, role, np.span.start, e);
            }
            res.sites[single].entity = e;
        }
        let mut role = std::mem::take(&mut res.role_scratch);
        for &(head, gender, subject) in &weak {
            role_key(&text[head], &mut role);
            if role.is_empty()
                || res
                    .keys
                    .get(&role)
                    .is_some_and(|s| !s.roles.as_slice().is_empty())
            {
                continue;
            }
            key.clear();
            fold_into(&text[subject], &mut key);
            let last = key.split_whitespace().last().unwrap_or("");
            let e = res.keys.get(&key).and_then(|s| s.full).or_else(|| {
                res.keys
                    .get(last)
                    .and_then(|s| s.surname.as_slice().first().copied())
            });
            if let Some(e) = e {
                let person = &res.entities[e];
                if person.kind == EntityKind::Person && gender.agrees(person.gender) {
                    res.keys.slot(&role).weak_role.get_or_insert(e);
                }
            }
        }
        res.role_scratch = role;
        res.scratch = key;
        // (the phrases of the sites start ever later, as they are read:
        // the sort is a safeguard)
        if !res.sites.is_sorted_by_key(|s| s.np.span.start) {
            res.sites.sort_by_key(|s| s.np.span.start);
        }
        for slot in &mut res.keys.slots {
            slot.roles.as_mut_slice().sort_unstable();
        }
        spare.singles = kept(singles);
        spare.weak = kept(weak);
        for s in &res.sites {
            res.mentions.push((s.entity, s.np.span, MentionKind::Name));
        }
        res
    }

    fn new_entity(
        &mut self,
        name: Span,
        kind: EntityKind,
        gender: Gender,
        words: usize,
        key: usize,
    ) -> usize {
        let id = self.entities.len();
        self.entities.push(Entity {
            id: EntityId(id),
            name: &self.text[name],
            kind,
            gender,
            number: Number::Singular,
            mentions: Mentions::default(),
        });
        self.words.push(words);
        self.animate.push(kind == EntityKind::Person);
        self.last_seen.push(0);
        self.introduced.push(usize::MAX);
        self.counted.push(false);
        self.surname_of.push(None);
        self.office_of.push(None);
        self.keys.slots[key].full = Some(id);
        id
    }

    /// A name of two words or more: the same person as an earlier name with
    /// the same surname and first word (or a name one contains), else new.
    fn register_name(&mut self, np: Np) -> usize {
        let name = &self.text[np.head];
        let mut key = std::mem::take(&mut self.scratch);
        let words = NameKey::fill(name, &mut key);
        let n = words.count;
        let surname = words.last(&key);
        let first = words.first(&key);
        // the key and the surname are each looked up once: no key is
        // numbered between the look-ups and the uses of their numbers
        let hash = self.keys.hash(&key);
        let slot = self.keys.find_hashed(&key, hash);
        let mut found = slot.and_then(|i| self.keys.slots[i].full);
        // the key is in the table already when it found the entity
        let known = found.is_some();
        let mut surname_slot = None;
        if found.is_none() {
            surname_slot = self.keys.find(surname);
            if let Some(cands) = surname_slot.map(|i| &self.keys.slots[i]) {
                // the most recent few namesakes: a bound keeps a list of
                // thousands of Smiths linear
                let cands = cands.surname.as_slice();
                found = cands.iter().rev().take(MAX_NAMESAKES).copied().find(|&e| {
                    with_folded(self.entities[e].name, |other| {
                        words_of(other).next() == Some(first)
                    })
                });
            }
        }
        let e = match found {
            Some(e) => {
                if n > self.words[e] {
                    self.entities[e].name = &self.text[np.head];
                    self.words[e] = n;
                }
                if !known {
                    let id = match slot {
                        Some(i) => i,
                        None => self.keys.insert_hashed(&key, hash),
                    };
                    self.keys.slots[id].full = Some(e);
                }
                e
            }
            None => {
                let id = match slot {
                    Some(i) => i,
                    None => self.keys.insert_hashed(&key, hash),
                };
                let e = self.new_entity(np.head, np.kind_entity(), np.gender, n, id);
                let last = match surname_slot {
                    Some(i) => i,
                    None => self.keys.intern(words.last(&key)),
                };
                self.keys.slots[last].surname.push(e);
                if n >= 2 {
                    let id = self.keys.intern(words.first(&key));
                    let slot = &mut self.keys.slots[id].first_word;
                    *slot = match *slot {
                        Some(other) if other != e => Some(MANY),
                        _ => Some(e),
                    };
                }
                e
            }
        };
        self.scratch = key;
        let ent = &mut self.entities[e];
        if ent.gender == Gender::Unknown {
            ent.gender = np.gender;
        }
        if np.person && ent.kind == EntityKind::Name {
            ent.kind = EntityKind::Person;
        }
        e
    }

    /// Flag the words of every name that stands for a person (an entity
    /// some mention shows to be one), so that frames read a bare `Trump`
    /// as a person too.
    pub fn mark_people(&self, tokens: &mut [crate::tokens::Token]) {
        let mut from = 0;
        for site in &self.sites {
            if self.entities[site.entity].kind != EntityKind::Person {
                continue;
            }
            let head = site.np.head;
            // sites and tokens are both in text order: walk forward (a
            // binary search per site missed the cache on every probe), from
            // the token the phrase starts at (no token before it starts in
            // the head, so only the walk is shortened)
            from = from.max(site.token);
            while tokens.get(from).is_some_and(|t| t.span.start < head.start) {
                from += 1;
            }
            for t in tokens[from..]
                .iter_mut()
                .take_while(|t| t.span.start < head.end)
            {
                if t.tok() == crate::tokens::Tok::Word {
                    t.set_person();
                }
            }
        }
    }

    /// The person a lone surname of gender `gender` most likely stands for:
    /// among the first few fuller names with that surname whose gender
    /// agrees (`Mr. Varga` is not Ilse Varga), the first whose first word
    /// is a known given name (`Thomas Perez` rather than a headline's
    /// `Understated Perez`), else the first.
    fn namesake(&self, surname: &str, gender: Gender) -> Option<usize> {
        self.namesake_at(self.keys.find(surname), gender)
    }

    /// The one fuller name that key number `word` opens, when its gender
    /// agrees with `gender` and it is no known given name: a family name
    /// written first (`Zhao` for Zhao Mingyuan, `Park` for Park Ji-hoon) or
    /// a given name the lists do not know (`Khizr` for Khizr Khan). Nobody
    /// when several names open with it.
    ///
    /// A known given name counts after `Sir`, `Dame` or `Lady`, which take
    /// a given name (`Sir Keir` for Sir Keir Starmer): `knighted`.
    fn first_word_of(&self, word: Option<usize>, gender: Gender, knighted: bool) -> Option<usize> {
        // (a known given name alone stays a name of its own: in a novel
        // `Margaret` is a character's usual name, which readers and
        // annotators keep apart from the fuller `Margaret Vane`)
        self.keys.slots[word?].first_word.filter(|&e| {
            e != MANY
                && gender.agrees(self.entities[e].gender)
                && (knighted || !self.given.get(e).copied().unwrap_or(false))
        })
    }

    /// [`Resolver::namesake`] for the surname of key number `surname`, if
    /// it has one.
    fn namesake_at(&self, surname: Option<usize>, gender: Gender) -> Option<usize> {
        let cands = self.keys.slots[surname?].surname.as_slice();
        let mut agreeing = cands
            .iter()
            .take(MAX_NAMESAKES)
            .copied()
            .filter(|&e| gender.agrees(self.entities[e].gender));
        let first = agreeing.next()?;
        let given = |e: &usize| self.given.get(*e).copied().unwrap_or(false);
        Some(
            std::iter::once(first)
                .chain(agreeing)
                .find(given)
                .unwrap_or(first),
        )
    }

    /// Bind the role `role` before the name whose phrase starts at token
    /// `first` to entity `e`, at byte `at`: the office as the text words it
    /// (with a modifier before it, [`office`]), and the title within it,
    /// [`title_within`].
    fn bind_office(
        &mut self,
        lexicon: &crate::lexicon::Lexicon,
        tokens: &[crate::tokens::Token],
        first: usize,
        role: Span,
        at: usize,
        e: usize,
    ) {
        self.bind(office(self.text, tokens, first, role), at, e);
        if let Some(title) = title_within(lexicon, self.text, role) {
            self.bind(title, at, e);
        }
    }

    fn bind(&mut self, role: Span, at: usize, e: usize) {
        let mut key = std::mem::take(&mut self.role_scratch);
        role_key(&self.text[role], &mut key);
        if !key.is_empty() {
            // `Health Minister Ruth Calder` is also `the minister` (but
            // `shadow chancellor Mel Stride` is not `the chancellor`)
            if let Some((_, head)) = key.rsplit_once(' ') {
                let first = key.split(' ').next().unwrap_or("");
                if !OFFICE_MODIFIERS.contains(&first) {
                    self.keys.slot(head).roles.push((at, e));
                } else if first.len() + 1 + head.len() < key.len() {
                    // (`former state treasurer` is `the former treasurer`)
                    let mut short = String::with_capacity(first.len() + 1 + head.len());
                    short.push_str(first);
                    short.push(' ');
                    short.push_str(head);
                    self.keys.slot(&short).roles.push((at, e));
                }
            }
            let id = self.keys.intern(&key);
            self.keys.slots[id].roles.push((at, e));
            self.office_of[e] = Some(id);
        }
        self.role_scratch = key;
    }

    /// The entity last taken in with folded surname `surname`.
    fn recent(&self, surname: &str) -> Option<usize> {
        self.keys.get(surname)?.recent
    }

    /// The number of the folded key of `word`, numbered if need be (a
    /// short ASCII word is folded on the stack, and copied only when new).
    fn intern_folded(&mut self, word: &str) -> usize {
        let mut buf = [0u8; 32];
        if let Some(key) = fold_short(word, &mut buf) {
            let hash = self.keys.seed.bytes(key);
            return match self.keys.find_hashed_bytes(key, hash) {
                Some(id) => id,
                // (the folded bytes are those of a string)
                None => self
                    .keys
                    .insert_hashed(std::str::from_utf8(key).unwrap_or_default(), hash),
            };
        }
        let mut key = std::mem::take(&mut self.scratch);
        key.clear();
        fold_into(word, &mut key);
        let id = self.keys.intern(&key);
        self.scratch = key;
        id
    }

    /// The quotation being attributed lies in paragraph `p`.
    pub fn at_paragraph(&mut self, p: usize) {
        self.paragraph = p;
    }

    /// The person named last before `pos` other than entity `not`: of the
    /// last person of each gender, the latest (the other party of a
    /// conversation whose first reply has no tag).
    pub fn last_other_person(&mut self, pos: usize, not: usize) -> Option<usize> {
        self.advance(pos);
        self.last_person
            .iter()
            .flatten()
            .filter(|&&(e, _)| e != not && self.entities[e].kind == EntityKind::Person)
            .max_by_key(|&&(_, at)| at)
            .map(|&(e, _)| e)
    }

    /// Take in every name that starts before `pos`.
    pub fn advance(&mut self, pos: usize) {
        while let Some(s) = self.sites.get(self.cursor).copied() {
            if s.np.span.start >= pos {
                break;
            }
            self.cursor += 1;
            if s.owner {
                continue;
            }
            let e = s.entity;
            self.last_seen[e] = s.np.span.start + 1;
            // an entity's name no longer changes once names are taken in:
            // its surname is folded and numbered once
            let id = match self.surname_of[e] {
                Some(id) => id,
                None => {
                    // (the last word, read from the back, but for a
                    // generational suffix: `Harry B. Harris Jr.`)
                    let mut words = self.entities[e]
                        .name
                        .rsplit(char::is_whitespace)
                        .filter(|w| !w.is_empty());
                    let last = words.next().unwrap_or("");
                    let last = if is_suffix(last.trim_end_matches('.')) {
                        words.next().unwrap_or(last)
                    } else {
                        last
                    };
                    let id = self.intern_folded(last);
                    self.surname_of[e] = Some(id);
                    id
                }
            };
            self.keys.slots[id].recent = Some(e);
            if s.inside {
                continue;
            }
            if self.introduced[e] == usize::MAX && !s.shadowed {
                self.introduced[e] = s.paragraph as usize;
            }
            let ent = &self.entities[e];
            match ent.kind {
                EntityKind::Name => {}
                EntityKind::Person => {
                    let g = slot(ent.gender);
                    self.count_person(e, g);
                    self.last_person[g] = Some((e, s.np.span.start));
                    if s.subject {
                        self.last_subject[g] = Some((e, s.np.span.start));
                        self.current_subject = Some((e, s.sentence));
                    }
                    let object = s.after_pronoun
                        || self
                            .current_subject
                            .is_some_and(|(se, sent)| sent == s.sentence && se != e);
                    if !object {
                        self.last_unobjected[g] = Some((e, s.np.span.start));
                        self.unobjected_paragraph[g] = s.paragraph as usize;
                    }
                }
                EntityKind::Organisation | EntityKind::Description => {
                    self.last_group = Some((e, s.np.span.start));
                }
            }
        }
    }

    /// The entity a speaker phrase refers to, and how it was found.
    pub fn resolve(&mut self, np: &Np) -> (Option<usize>, How) {
        self.advance(np.span.start);
        match np.kind {
            MentionKind::Name => (self.resolve_name(np), How::Direct),
            // `it` and `they`: a body that speaks
            MentionKind::Pronoun
                if np.number == Number::Plural
                    || with_folded(&self.text[np.span], |w| w == "it") =>
            {
                let e = if np.number == Number::Plural {
                    self.resolve_they(np)
                } else {
                    self.resolve_it(np)
                };
                (
                    e,
                    if e.is_some() {
                        How::Pronoun
                    } else {
                        How::Unresolved
                    },
                )
            }
            MentionKind::Pronoun => match self.resolve_pronoun(np) {
                Some((e, true)) => (Some(e), How::Pronoun),
                // (an eager pick between two candidates is less sure)
                Some((e, false)) => (Some(e), How::Salience),
                None => (None, How::Unresolved),
            },
            MentionKind::Description => self.resolve_description(np),
        }
    }

    fn resolve_name(&mut self, np: &Np) -> Option<usize> {
        let name = &self.text[np.head];
        let mut key = std::mem::take(&mut self.scratch);
        let words = NameKey::fill(name, &mut key);
        let e = self.resolve_key(np, &key, words);
        self.scratch = key;
        e
    }

    /// [`Resolver::resolve_name`] for the name with key `key`.
    fn resolve_key(&mut self, np: &Np, key: &str, words: NameKey) -> Option<usize> {
        // (never one of the other gender: `Miss Price` is not William Price)
        let agrees = |e: &usize| np.gender.agrees(self.entities[*e].gender);
        if let Some(e) = self.keys.get(key).and_then(|s| s.full) {
            if words.count == 1 {
                if let Some(r) = self.recent(key).filter(agrees) {
                    return Some(r);
                }
            }
            return Some(e);
        }
        if words.count == 0 {
            return None;
        }
        let surname = words.last(key);
        if np.gender != Gender::Unknown {
            // `Mrs. Clinton` among several Clintons: the most recently
            // mentioned one of her gender
            let best = self.keys.get(surname).and_then(|cands| {
                cands
                    .surname
                    .as_slice()
                    .iter()
                    .rev()
                    .take(MAX_NAMESAKES)
                    .copied()
                    .filter(|&e| self.entities[e].gender == np.gender)
                    .max_by_key(|&e| self.last_seen[e])
            });
            if best.is_some() {
                return best;
            }
        }
        if let Some(e) = self.recent(surname).filter(agrees) {
            return Some(e);
        }
        if let Some(e) = self.namesake(surname, np.gender) {
            return Some(e);
        }
        if words.count == 1 {
            let knighted = knighted(&self.text[np.span]);
            if let Some(e) = self.first_word_of(self.keys.find(key), np.gender, knighted) {
                return Some(e);
            }
        }
        let id = self.keys.intern(key);
        let e = self.new_entity(np.head, np.kind_entity(), np.gender, words.count, id);
        Some(e)
    }

    /// The organisation a speaking `it` stands for: the last speaker, when
    /// no person and in this paragraph or the one before (`"…," Orvane
    /// Dairies said. "…," it added.`), or else the organisation last named
    /// before it in its paragraph (`Orvane Dairies Ltd recalled 20,000
    /// cartons. "…," it said.`), whichever comes later.
    fn resolve_it(&mut self, np: &Np) -> Option<usize> {
        let speaker = self.last_speaker.filter(|&(e, _)| {
            self.last_speaker_paragraph + 1 >= self.paragraph
                && match self.entities[e].kind {
                    EntityKind::Organisation => true,
                    // (a body with a name, not `the other` or `one owner`)
                    EntityKind::Description => {
                        let name = self.entities[e].name;
                        let name = name
                            .strip_prefix("the ")
                            .or_else(|| name.strip_prefix("The "))
                            .unwrap_or(name);
                        !self.animate[e] && name.starts_with(|c: char| c.is_uppercase())
                    }
                    EntityKind::Person | EntityKind::Name => false,
                }
        });
        // (or one that opened a sentence of the paragraph before: `Harlow
        // Foods cut its forecast.` ¶ `The company said … It blamed "…"`)
        let org = self
            .org_in_paragraph(np, 0)
            .or_else(|| self.org_in_paragraph(np, 1).filter(|&(_, subject)| subject))
            .map(|(s, _)| s);
        self.later_body(speaker, org)
    }

    /// A speaking `they`: the last group that spoke or was named (as
    /// before), or the organisation named in this paragraph after it (`The
    /// Harbour Trust rejected the bid. "…," they said.`).
    fn resolve_they(&mut self, np: &Np) -> Option<usize> {
        // (only one that is its sentence's subject: in `Democrats and
        // Republicans in Congress … They slammed …`, not Congress)
        // (or the paragraph before: `The Chamber of Trade said they had
        // taken legal advice.` ¶ `"…," they said in a statement.`)
        let org = self.org_in_paragraph(np, 1).filter(|&(_, subject)| subject);
        self.later_body(self.last_group, org.map(|(s, _)| s))
    }

    /// Of a body met at a byte position, `(entity, at)`, and an
    /// organisation named at `org`, the one met later.
    fn later_body(&mut self, met: Option<(usize, usize)>, org: Option<Span>) -> Option<usize> {
        match (met, org) {
            (Some((e, at)), org) if org.is_none_or(|o| o.start < at) => Some(e),
            (_, Some(org)) => Some(self.description_entity(org, Gender::Neuter, Number::Singular)),
            _ => None,
        }
    }

    /// The organisation the name pass last met before `np` in the paragraph
    /// being attributed or at most `back` paragraphs before it, and whether
    /// it opened its sentence.
    fn org_in_paragraph(&self, np: &Np, back: usize) -> Option<(Span, bool)> {
        let before = self
            .orgs
            .partition_point(|(s, _, _)| s.start < np.span.start);
        before
            .checked_sub(1)
            .map(|i| self.orgs[i])
            .filter(|&(_, p, _)| p <= self.paragraph && p + back >= self.paragraph)
            .map(|(s, _, subject)| (s, subject))
    }

    /// The description entity of the words at `span` (`the senator`, an
    /// organisation's name), found by their folded text or made on first
    /// use with `gender` and `number`.
    fn description_entity(&mut self, span: Span, gender: Gender, number: Number) -> usize {
        let mut key = std::mem::take(&mut self.scratch);
        key.clear();
        fold_into(&self.text[span], &mut key);
        let e = match self.keys.get(&key).and_then(|s| s.description) {
            Some(e) => e,
            None => {
                // (a description is filed under the empty name too)
                let empty = self.keys.intern("");
                let e = self.new_entity(span, EntityKind::Description, gender, 0, empty);
                self.entities[e].number = number;
                self.keys.slot(&key).description = Some(e);
                e
            }
        };
        self.scratch = key;
        e
    }

    /// The entity a `he`, `she`, `his` or `her` stands for, and whether the
    /// candidates agreed.
    fn resolve_pronoun(&self, np: &Np) -> Option<(usize, bool)> {
        // the writer's `I` in the narration is the byline's author
        if with_folded(&self.text[np.span], |w| w == "i" || w == "me") {
            return self.author.map(|e| (e, true));
        }
        // (`his`, `her`: the owner of a comment, `his comment that "…"`;
        // `him`: the one quoted, `the agency quoted him as saying`)
        if !with_folded(&self.text[np.span], |w| {
            matches!(w, "he" | "she" | "his" | "her" | "him")
        }) {
            return None;
        }
        let mut best = latest(&self.last_subject, np.gender);
        if let Some((e, at)) = self.last_speaker {
            let ent = &self.entities[e];
            if ent.kind == EntityKind::Person
                && np.gender.agrees(ent.gender)
                && best.is_none_or(|(_, b)| at >= b)
            {
                best = Some((e, at));
            }
        }
        // a description of the pronoun's gender that spoke last, after
        // anyone named who could be meant (`A spokeswoman for the regulator
        // said: "…" "…," she added.`)
        if let Some((e, at)) = self.last_speaker {
            let ent = &self.entities[e];
            // (an indefinite one, someone new: `the girl` may be someone
            // named before)
            if ent.kind == EntityKind::Description
                && opens_indefinite(ent.name)
                && ent.gender != Gender::Unknown
                && ent.gender == np.gender
                && best.is_none_or(|(_, b)| b < at)
                && latest(&self.last_unobjected, np.gender).is_none_or(|(_, p)| p < at)
            {
                return Some((e, true));
            }
        }
        let last = latest(&self.last_unobjected, np.gender).map(|(e, _)| e);
        let b = best.map(|(e, _)| e);
        // the last person named and the last subject or speaker are one
        // and the same, or only one person the pronoun can stand for has
        // been named (`Her husband, sitting beside her, … "…," he says` in
        // an interview with `Ilse and Tomas Varga`)
        if b == last || b.is_none() {
            if let Some(e) = last.or_else(|| self.only_person(np.gender)) {
                return Some((e, true));
            }
        }
        // or the last person named was introduced in this paragraph or the
        // one before, after the last subject or speaker: a story brings in
        // the next voice by name and quotes them as `she` (`To political
        // scientist Brigid Harrison, the stare looked sad.` ¶ `"…," she
        // said.`)
        if let (Some((e, at)), Some((_, b_at))) = (latest(&self.last_unobjected, np.gender), best) {
            if at > b_at
                && self.words[e] >= 2
                && self.introduced[e]
                    .checked_add(1)
                    .is_some_and(|next| self.paragraph <= next)
            {
                // (less sure than candidates that agree)
                return Some((e, false));
            }
        }
        // or the last person named is in the pronoun's own paragraph,
        // after the last subject or speaker: `Outside, in the parking lot,
        // Dwayne was less optimistic. "…," he said.`
        // (in a sentence before the pronoun's: in `When the moderator,
        // Bettina Olawale, asked her about the gap, she said …` the
        // pronoun is the one asked)
        if let (Some((e, at)), Some((_, b_at))) = (latest(&self.last_unobjected, np.gender), best) {
            let g = slot(self.entities[e].gender);
            if at > b_at
                && self.unobjected_paragraph[g] == self.paragraph
                && ends_a_sentence_between(self.text, at, np.span.start)
            {
                return Some((e, false));
            }
        }
        match self.pronouns {
            Pronouns::Cautious => None,
            // the last person named outside an object's place before the
            // last subject or speaker: when the two disagree, the subject
            // or speaker further back is more often someone the story has
            // moved on from
            Pronouns::Eager => last
                .or(b)
                .or_else(|| latest(&self.last_person, np.gender).map(|(e, _)| e))
                .map(|e| (e, false)),
        }
    }

    /// The one person of gender `gender` the article has named so far
    /// outside quotations, if there is only one (people of unknown gender
    /// count for both).
    fn only_person(&self, gender: Gender) -> Option<usize> {
        let (known, unknown) = match gender {
            Gender::Masculine => (self.people[0], self.people[2]),
            Gender::Feminine => (self.people[1], self.people[2]),
            _ => return None,
        };
        match (known, unknown) {
            ((1, e), (0, _)) | ((0, _), (1, e)) => e,
            _ => None,
        }
    }

    /// Count person `e` (in gender slot `g`) among the people met.
    fn count_person(&mut self, e: usize, g: usize) {
        if !self.counted[e] {
            self.counted[e] = true;
            self.people[g].0 += 1;
            self.people[g].1 = Some(e);
        }
    }

    /// The entity that role key `key` (of definite description `np`) is
    /// bound to: the last binding before the mention (or else the first
    /// after it), a weak binding, or, for a title with a modifier nothing
    /// binds (`the Florida senator`), the last holder of the bare title
    /// before it (`Sen. Marco Rubio`) whose gender agrees.
    fn role_binding(&self, key: &str, np: &Np) -> Option<usize> {
        let at = np.span.start;
        if let Some(slot) = self.keys.get(key) {
            let binds = slot.roles.as_slice();
            // (one who holds the office as worded, `President Amara Okoye`,
            // before one whose office only ends in it, `Harbour Bank President
            // Tomas Reinholt`)
            let exact = |&&(_, e): &&(usize, usize)| {
                self.office_of[e].is_some_and(|id| self.keys.text_of(id) == key)
            };
            let chosen = bound_before(binds, at).or(binds.first());
            let chosen = match chosen {
                Some(b) if !exact(&b) => binds
                    .iter()
                    .rev()
                    .filter(|&&(pos, _)| pos < at)
                    .find(exact)
                    .or(Some(b)),
                other => other,
            };
            if let Some(&(bound, e)) = chosen {
                // of several holding the role, the one a sentence since has
                // as its subject: `Gulls coach Marty Vandersloot` …
                // `Ridgeport coach Lena Castellvi` … `Vandersloot confirmed
                // the conversation. "…," the coach said.`
                let subject = latest(&self.last_subject, np.gender).filter(|&(s, s_at)| {
                    s != e
                        && s_at > bound
                        && s_at < at
                        && binds.iter().any(|&(pos, holder)| holder == s && pos < at)
                });
                return Some(subject.map_or(e, |(s, _)| s));
            }
            if let Some(e) = slot.weak_role {
                return Some(e);
            }
        }
        let head = key.rsplit(' ').next().filter(|h| h.len() < key.len())?;
        let &(_, e) = bound_before(self.keys.get(head)?.roles.as_slice(), at)?;
        np.gender.agrees(self.entities[e].gender).then_some(e)
    }

    fn resolve_description(&mut self, np: &Np) -> (Option<usize>, How) {
        if np.definite && np.person {
            let mut key = std::mem::take(&mut self.role_scratch);
            role_key(&self.text[np.head], &mut key);
            let bound = self.role_binding(&key, np);
            if let Some(e) = bound {
                self.role_scratch = key;
                return (Some(e), How::Role);
            }
            // a title or age right after a quotation by a person of the
            // previous paragraph continues with that person (`He told GB
            // News: "…"` … `the Clacton MP added:`), unless the text gives
            // that person the office only with a word that makes it another
            // (`shadow chancellor Mel Stride` is not `the chancellor`)
            // (a title names one office holder; `the gentleman` after a
            // quotation in a dialogue is as often the other speaker)
            let continuing = np.titled && self.last_speaker_paragraph + 1 >= self.paragraph;
            // (or with the person a sentence since has as its subject:
            // `Reform UK leader Nigel Farage went further. "…," the Clacton
            // MP told GB News.` after another's quotation)
            let since = latest(&self.last_subject, np.gender)
                .filter(|&(_, at)| self.last_speaker.is_some_and(|(_, spoke)| at > spoke));
            let continued = since.or(self.last_speaker).filter(|(e, _)| {
                continuing
                    && np.gender.agrees(self.entities[*e].gender)
                    && self.entities[*e].kind == EntityKind::Person
                    && self.office_of[*e].is_none_or(|id| {
                        let held = self.keys.text_of(id);
                        !(OFFICE_MODIFIERS.contains(&held.split(' ').next().unwrap_or(""))
                            && held.ends_with(key.as_str()))
                    })
            });
            self.role_scratch = key;
            if let Some((e, _)) = continued {
                return (Some(e), How::Salience);
            }
            // an age (`the 78-year-old`, `the 64-year-old farmer`) stands
            // for the person last named
            if self.text[np.head]
                .split_whitespace()
                .any(crate::frame::is_age)
            {
                if let Some((e, _)) = latest(&self.last_person, Gender::Unknown) {
                    return (Some(e), How::Salience);
                }
            }
        }
        // `the company`, `the ministry`: the organisation last named that
        // such a word describes
        let org = if np.definite && !np.person && np.number == Number::Singular {
            self.org_described(np)
        } else {
            None
        };
        // `the spokesperson` after `a council spokesperson` spoke: the
        // person last described with the head noun (its key is held in
        // `role_scratch`, free here, across `description_entity`, which
        // uses `scratch`)
        let head = head_noun(&self.text[np.head]);
        let headed = org.is_none() && np.person && head.len() > 1;
        let mut key = std::mem::take(&mut self.role_scratch);
        if headed {
            key.clear();
            key.push('\u{1}');
            fold_into(head, &mut key);
            let earlier = (np.definite)
                .then(|| self.keys.get(&key).and_then(|s| s.headed))
                .flatten()
                .filter(|&(_, p)| p + 3 >= self.paragraph)
                .map(|(e, _)| e)
                .filter(|&e| {
                    let ent = &self.entities[e];
                    ent.kind == EntityKind::Description
                        && ent.number == np.number
                        && np.gender.agrees(ent.gender)
                });
            if let Some(e) = earlier {
                self.role_scratch = key;
                return (Some(e), How::Role);
            }
        }
        let e = self.description_entity(org.unwrap_or(np.span), np.gender, np.number);
        if headed && opens_indefinite(&self.text[np.span]) {
            self.keys.slot(&key).headed = Some((e, self.paragraph));
        }
        self.role_scratch = key;
        (
            Some(e),
            if org.is_some() {
                How::Role
            } else {
                How::Direct
            },
        )
    }

    /// The name of the organisation that definite description `np` (`the
    /// company`, `the ministry`) takes up: of the last few organisations
    /// named before it, the latest whose name holds the description's noun
    /// (`the Ministry of Health`), or, for a word for a business (`the
    /// firm`), ends in a company's legal form (`Halvorsen Foods Inc.`).
    fn org_described(&self, np: &Np) -> Option<Span> {
        /// Words for a business, which a company's name rarely holds.
        const BUSINESS: [&str; 8] = [
            "company",
            "firm",
            "business",
            "corporation",
            "manufacturer",
            "maker",
            "retailer",
            "supplier",
        ];
        /// The legal forms that end a company's name.
        const LEGAL: [&str; 11] = [
            "inc",
            "corp",
            "corporation",
            "co",
            "company",
            "ltd",
            "llc",
            "plc",
            "lp",
            "ag",
            "sa",
        ];
        let noun = self.text[np.head].split_whitespace().last()?;
        if self.text[np.head].contains(char::is_whitespace) {
            // (one word only: `the health ministry` is a description of its own)
            return None;
        }
        /// Words for a body of people acting together (`the group`, `the
        /// union`), which a name often does not hold.
        const BODY: [&str; 9] = [
            "group",
            "organisation",
            "organization",
            "coalition",
            "alliance",
            "association",
            "charity",
            "union",
            "nonprofit",
        ];
        /// The words that end the name of such a body (`the Parents for
        /// Safe Food Coalition`, `the … Food Workers' Council`).
        const BODY_ENDS: [&str; 20] = [
            "coalition",
            "alliance",
            "association",
            "group",
            "foundation",
            "network",
            "society",
            "council",
            "trust",
            "fund",
            "league",
            "federation",
            "union",
            "guild",
            "institute",
            "movement",
            "forum",
            "partnership",
            "initiative",
            "caucus",
        ];
        let business = BUSINESS.iter().any(|b| b.eq_ignore_ascii_case(noun));
        let body = BODY.iter().any(|b| b.eq_ignore_ascii_case(noun));
        let before = self
            .orgs
            .partition_point(|(s, _, _)| s.start < np.span.start);
        self.orgs[..before]
            .iter()
            .rev()
            .take(8)
            .map(|&(org, _, _)| org)
            .find(|&org| {
                let name = &self.text[org];
                let mut words = name
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .map(|w| w.trim_end_matches('.'))
                    .filter(|w| !w.is_empty());
                if business {
                    words
                        .next_back()
                        .is_some_and(|last| LEGAL.iter().any(|l| l.eq_ignore_ascii_case(last)))
                } else if body {
                    // (its last word, or any word that is the noun itself)
                    let last = words.next_back().map(crate::frame::strip_possessive);
                    last.is_some_and(|last| BODY_ENDS.iter().any(|b| b.eq_ignore_ascii_case(last)))
                        || last
                            .into_iter()
                            .chain(words)
                            .any(|w| w.eq_ignore_ascii_case(noun))
                } else {
                    words.any(|w| w.eq_ignore_ascii_case(noun))
                }
            })
    }

    /// Whether the text names its author or narrator (a byline, `My name
    /// is …`), whom the narration's `I` stands for.
    pub fn has_author(&self) -> bool {
        self.author.is_some()
    }

    /// Record that entity `e` spoke at `pos`.
    pub fn spoke(&mut self, e: usize, pos: usize, mention: Mention<'h>) {
        self.last_speaker = Some((e, pos));
        self.last_speaker_paragraph = self.paragraph;
        // duplicates are removed once, in `finish`: a search here would
        // make a long interview quadratic (the haystack of every mention
        // is the text)
        self.mentions.push((e, mention.span, mention.kind));
        let ent = &mut self.entities[e];
        match ent.kind {
            EntityKind::Description if ent.number == Number::Plural => {
                self.last_group = Some((e, pos));
            }
            EntityKind::Organisation => self.last_group = Some((e, pos)),
            EntityKind::Name if !two_words(ent.name) => {}
            EntityKind::Description if !self.animate[e] => self.last_group = Some((e, pos)),
            _ => {
                if ent.kind == EntityKind::Name {
                    ent.kind = EntityKind::Person;
                }
                let g = slot(ent.gender);
                self.count_person(e, g);
                self.last_person[g] = Some((e, pos));
                self.last_subject[g] = Some((e, pos));
                self.last_unobjected[g] = Some((e, pos));
                self.unobjected_paragraph[g] = self.paragraph;
            }
        }
    }

    /// Hand over the entities, mentions in text order, and the buffers
    /// back to `spare`.
    pub fn finish(mut self, spare: &mut Spare) -> Vec<Entity<'h>> {
        // the mentions by entity, in the order they were pushed (a
        // counting sort: stable, and without the mispredicted compares of
        // a sort of the whole list); `ends[e]` ends up where the mentions
        // of entity `e` end
        let n = self.entities.len();
        let mut ends = filled(std::mem::take(&mut spare.ends), n + 1, 0);
        for &(e, _, _) in &self.mentions {
            ends[e + 1] += 1;
        }
        for e in 0..n {
            ends[e + 1] += ends[e];
        }
        let mut by_entity = filled(
            std::mem::take(&mut spare.by_entity),
            self.mentions.len(),
            (Span::default(), MentionKind::Name),
        );
        for &(e, span, kind) in &self.mentions {
            by_entity[ends[e]] = (span, kind);
            ends[e] += 1;
        }
        // each entity's in text order (few, and nearly in order already:
        // an insertion sort), of those with the same span the first
        // pushed, packed to the front of `by_entity`; `ends` becomes where
        // each entity's packed mentions end
        let mut kept_to = 0;
        let mut start = 0;
        for end in &mut ends[..n] {
            let mine = &mut by_entity[start..*end];
            mine.sort_by_key(|(span, _)| (span.start, span.end));
            let from = kept_to;
            for r in start..*end {
                if kept_to == from || by_entity[kept_to - 1].0 != by_entity[r].0 {
                    by_entity[kept_to] = by_entity[r];
                    kept_to += 1;
                }
            }
            start = *end;
            *end = kept_to;
        }
        let text = self.text;
        let all: std::sync::Arc<[Mention<'h>]> = by_entity[..kept_to]
            .iter()
            .map(|&(span, kind)| Mention {
                haystack: text,
                span,
                kind,
            })
            .collect();
        let mut start = 0;
        for (entity, &end) in self.entities.iter_mut().zip(&ends) {
            if end > start {
                entity.mentions = Mentions::new(&all, start, end);
            }
            start = end;
        }
        spare.ends = kept(ends);
        spare.by_entity = kept(by_entity);
        spare.mentions = kept(std::mem::take(&mut self.mentions));
        spare.words = kept(self.words);
        spare.last_seen = kept(self.last_seen);
        spare.introduced = kept(self.introduced);
        spare.given = kept(self.given);
        spare.animate = kept(self.animate);
        spare.keys = self.keys.kept();
        spare.sites = kept(self.sites);
        spare.orgs = kept(self.orgs);
        spare.counted = kept(self.counted);
        spare.office_of = kept(self.office_of);
        spare.surname_of = kept(self.surname_of);
        spare.scratch = kept_string(self.scratch);
        spare.role_scratch = kept_string(self.role_scratch);
        spare.quote_marks = kept(self.quote_marks);
        self.entities
    }
}

/// The last of the (byte position, entity) bindings `binds`, sorted by
/// position, that lies before byte `at`.
fn bound_before(binds: &[(usize, usize)], at: usize) -> Option<&(usize, usize)> {
    let n = binds.partition_point(|(pos, _)| *pos < at);
    n.checked_sub(1).and_then(|i| binds.get(i))
}

/// Whether a capitalised word lies in the run of words and periods that
/// opens `tokens`, within the twelve tokens a name is read in. A phrase
/// is such a run, and a name needs a capitalised word (an initial is one
/// too), or a particle before one (`de Gaulle`): a phrase starting just
/// before `tokens` can be a name only when this holds.
fn capital_in_run(tokens: &[crate::tokens::Token]) -> bool {
    tokens
        .iter()
        .take(12)
        .take_while(|t| matches!(t.tok(), Tok::Word | Tok::Punct('.')))
        .any(|t| t.capital)
}

/// Whether a word is `he` or `she`.
fn is_he_or_she(info: &crate::lexicon::WordInfo) -> bool {
    info.pronoun().is_some_and(|p| {
        p.person == 3
            && p.number == Number::Singular
            && matches!(p.gender, Gender::Masculine | Gender::Feminine)
    }) && !info.is(crate::lexicon::OBJECT)
}

/// The gender of the singular person's noun after a possessive that the
/// name opening at token `first` is apposed to (`her son, Kasimir Ilves`;
/// `the victim's mother, Rhian Voss`), when the noun gives one. (Without
/// the comma the noun is part of the name's phrase, which reads its
/// gender; without the possessive the noun may be another's.)
fn kin_gender(text: &str, tokens: &[crate::tokens::Token], first: usize) -> Option<Gender> {
    let k = first.checked_sub(2)?;
    if !tokens[k + 1].is_punct(',') {
        return None;
    }
    let t = &tokens[k];
    let role = t
        .info
        .role()
        .filter(|r| t.is_word() && !t.capital && r.person)?;
    let owner = &text[tokens.get(k.checked_sub(1)?)?.span];
    if !(["his", "her", "their", "my", "our", "your"]
        .iter()
        .any(|p| owner.eq_ignore_ascii_case(p))
        || crate::frame::is_possessive(owner))
    {
        return None;
    }
    let gender = match role.gender {
        Gender::Unknown => crate::frame::role_gender(&text[t.span]),
        g => g,
    };
    (role.number == Number::Singular && gender != Gender::Unknown).then_some(gender)
}

/// Whether the lower-case word at `i` is one of at most three modifiers
/// between a sentence's opening `A` or `An` and a capitalised name (`A
/// visibly frustrated Treadwell`, `An angry Trump`): no verb among them.
fn described_name(text: &str, tokens: &[crate::tokens::Token], i: usize) -> bool {
    let Some(a) = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| tokens[k].capital && matches!(&text[tokens[k].span], "A" | "An"))
    else {
        return false;
    };
    let opens = a == 0 || matches!(tokens[a - 1].tok(), Tok::Sentence | Tok::Paragraph);
    let modifiers = |t: &crate::tokens::Token| t.is_word() && !t.capital && t.info.verb().is_none();
    opens
        && tokens[a + 1..=i].iter().all(modifiers)
        && tokens[i + 1..]
            .iter()
            .take(3)
            .find(|t| !modifiers(t))
            .is_some_and(|t| t.capital && t.is_word() && !t.info.not_name())
}

/// The gender of the `he` or `she` that is the subject of the sentence
/// after the one `tokens` ends (`Harlan Whitcomb arrived late. "I heard
/// it," he said.`), when the rest of this sentence names no one else and
/// the pronoun opens the next one or its first clause after a quotation.
fn next_subject_pronoun(tokens: &[crate::tokens::Token]) -> Option<Gender> {
    let boundary = |t: &crate::tokens::Token| matches!(t.tok(), Tok::Sentence | Tok::Paragraph);
    let end = tokens.iter().take(48).position(boundary)?;
    // (no other capitalised word outside a quotation: `… praised Mary
    // Dale. She said …` is hers)
    if tokens[..end]
        .iter()
        .any(|t| t.capital && !t.inside && t.is_word())
    {
        return None;
    }
    let mut quoted = false;
    let mut words = 0;
    for t in tokens[end..].iter().skip_while(|t| boundary(t)).take(80) {
        match t.tok() {
            Tok::Open(_) => quoted = true,
            Tok::Close(_) => quoted = false,
            Tok::Paragraph => return None,
            Tok::Sentence if !quoted => return None,
            Tok::Word if !quoted => {
                if is_he_or_she(&t.info) {
                    return t.info.pronoun().map(|p| p.gender);
                }
                words += 1;
                if words > 1 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// The most recent of the people in `slots` whose gender agrees with
/// `gender` (people of unknown gender agree with all).
fn latest(slots: &[Option<(usize, usize)>; 3], gender: Gender) -> Option<(usize, usize)> {
    let pick = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| match (a, b) {
        (Some(x), Some(y)) => Some(if x.1 >= y.1 { x } else { y }),
        (x, None) => x,
        (None, y) => y,
    };
    match gender {
        // people whose gender the article shows come first
        Gender::Masculine => pick(slots[0], slots[2]),
        Gender::Feminine => pick(slots[1], slots[2]),
        _ => pick(pick(slots[0], slots[1]), slots[2]),
    }
}

/// The bytes of [`fold`](crate::lexicon::fold) of `word`, made in `buf`,
/// when it is ASCII of at most 32 bytes (its lower case); `None` for any
/// other word.
fn fold_short<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    // (one pass tests and lowers each byte)
    for (d, &s) in out.iter_mut().zip(bytes) {
        if !s.is_ascii() {
            return None;
        }
        *d = s.to_ascii_lowercase();
    }
    Some(out)
}

/// Whether `name` has two words or more, as `split_whitespace` counts them.
fn two_words(name: &str) -> bool {
    if let Some(two) = two_ascii_words(name.as_bytes()) {
        return two;
    }
    let mut word = false;
    let mut gap = false;
    for c in name.chars() {
        if c.is_whitespace() {
            gap = word;
        } else if gap {
            return true;
        } else {
            word = true;
        }
    }
    false
}

/// [`two_words`] read byte by byte, for names whose first two words are
/// ASCII (nearly all); `None` when a non-ASCII byte comes before the
/// answer, which the char reading then gives.
fn two_ascii_words(b: &[u8]) -> Option<bool> {
    let Some(first) = b.iter().position(|&c| !ascii_space(c)) else {
        return Some(false);
    };
    if !b[first].is_ascii() {
        return None;
    }
    let word = |c: &u8| !ascii_space(*c) && c.is_ascii();
    let Some(gap) = b[first..].iter().position(|c| !word(c)) else {
        return Some(false);
    };
    let rest = &b[first + gap..];
    if !rest[0].is_ascii() {
        return None;
    }
    match rest.iter().find(|&&c| !ascii_space(c)) {
        None => Some(false),
        Some(c) if c.is_ascii() => Some(true),
        Some(_) => None,
    }
}

/// The words of `s`, as `str::split_whitespace` splits them: read byte by
/// byte when `s` is ASCII (names and roles nearly always are), where the
/// char-by-char reading costs several times more.
fn words_of(s: &str) -> Words<'_> {
    if s.is_ascii() {
        Words::Ascii(s, 0)
    } else {
        Words::Other(s.split_whitespace())
    }
}

/// The iterator of [`words_of`].
enum Words<'a> {
    /// An ASCII string and how far it has been read.
    Ascii(&'a str, usize),
    Other(std::str::SplitWhitespace<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Ascii(s, at) => {
                let rest = s.as_bytes().get(*at..)?;
                let start = *at + rest.iter().position(|&b| !ascii_space(b))?;
                let len = rest[start - *at..]
                    .iter()
                    .position(|&b| ascii_space(b))
                    .unwrap_or(s.len() - start);
                *at = start + len;
                // (ASCII: every byte is a char boundary)
                s.get(start..start + len)
            }
            Words::Other(words) => words.next(),
        }
    }
}

/// Where the words of a name key lie in it (see [`NameKey::fill`]).
#[derive(Clone, Copy, Debug)]
struct NameKey {
    /// How many words.
    count: usize,
    /// The end of the first word.
    first_end: usize,
    /// The start of the last word.
    last_start: usize,
}

impl NameKey {
    /// The key of a name: its words folded without final periods, joined
    /// by single spaces, built in `key` (cleared first); and where its
    /// words lie.
    fn fill(name: &str, key: &mut String) -> NameKey {
        key.clear();
        // nearly every name is ASCII words joined by single spaces, with no
        // period: its key is its lower case
        if let Some(words) = NameKey::of_plain(name.as_bytes()) {
            key.push_str(name);
            key.make_ascii_lowercase();
            return words;
        }
        let mut words = NameKey {
            count: 0,
            first_end: 0,
            last_start: 0,
        };
        // an ASCII name's words are copied as they are and the key
        // lower-cased once at the end, which is how each word folds
        let ascii = name.is_ascii();
        let split = if ascii {
            Words::Ascii(name, 0)
        } else {
            Words::Other(name.split_whitespace())
        };
        for w in split {
            if words.count > 0 {
                key.push(' ');
            }
            words.last_start = key.len();
            let w = w.trim_end_matches('.');
            if ascii {
                key.push_str(w);
            } else {
                fold_into(w, key);
            }
            if words.count == 0 {
                words.first_end = key.len();
            }
            words.count += 1;
        }
        if ascii {
            key.make_ascii_lowercase();
        }
        words
    }

    /// Where the words of `name` lie, when it is one or more words of
    /// ASCII but periods and white space, each after the first after a
    /// single space: then [`NameKey::fill`] makes `name` in lower case its
    /// key, words where they are. `None` for any other name.
    fn of_plain(name: &[u8]) -> Option<NameKey> {
        let mut words = NameKey {
            count: 1,
            first_end: name.len(),
            last_start: 0,
        };
        let mut prev = b' ';
        for (i, &b) in name.iter().enumerate() {
            if b == b' ' {
                if prev == b' ' {
                    return None;
                }
                if words.count == 1 {
                    words.first_end = i;
                }
                words.count += 1;
                words.last_start = i + 1;
            } else if b == b'.' || !b.is_ascii() || ascii_space(b) {
                return None;
            }
            prev = b;
        }
        // (no word after the last space, or none at all)
        (prev != b' ').then_some(words)
    }

    /// The first word of `key`.
    fn first<'k>(&self, key: &'k str) -> &'k str {
        key.get(..self.first_end).unwrap_or("")
    }

    /// The last word of `key`, the surname: the word before a
    /// generational suffix (`Harry B. Harris Jr.` is a Harris).
    fn last<'k>(&self, key: &'k str) -> &'k str {
        let last = key.get(self.last_start..).unwrap_or("");
        if self.count >= 3 && is_suffix(last) {
            let before = key.get(..self.last_start.saturating_sub(1)).unwrap_or("");
            return before.rsplit(' ').next().unwrap_or(last);
        }
        last
    }
}

/// Whether a name word is a generational suffix (`Jr`, `III`), in any
/// case, without its period.
fn is_suffix(w: &str) -> bool {
    ["jr", "sr", "ii", "iii", "iv"]
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s))
}

/// Words before a title that make it another office: a `shadow
/// chancellor` is no chancellor, a `former president` no president.
const OFFICE_MODIFIERS: [&str; 8] = [
    "shadow",
    "deputy",
    "vice",
    "former",
    "acting",
    "interim",
    "assistant",
    "junior",
];

/// Role `role` of the name phrase starting at token `first`, with the word
/// before the phrase that makes it another office (`shadow chancellor Mel
/// Stride` holds no `the Chancellor`; `former President Bill Clinton` is
/// `the former president`, not `the president`).
fn office(text: &str, tokens: &[crate::tokens::Token], first: usize, role: Span) -> Span {
    let Some(before) = first.checked_sub(1).and_then(|k| tokens.get(k)) else {
        return role;
    };
    let starts = tokens
        .get(first)
        .is_some_and(|t| t.span.start == role.start);
    if starts
        && before.is_word()
        && OFFICE_MODIFIERS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&text[before.span]))
    {
        Span::new(before.span.start, role.end)
    } else {
        role
    }
}

/// The folded word of a single-name phrase `np` (its first token
/// `token`) that may be a short form of a given name (`Peggy`), folded into
/// `buf`: a given name of seven letters at most. Most single names are
/// surnames, and pass on their token's lexicon entry alone.
fn short_form<'b>(
    np: &Np,
    token: usize,
    text: &str,
    tokens: &[crate::tokens::Token],
    buf: &'b mut [u8; 32],
) -> Option<&'b [u8]> {
    tokens
        .get(token)
        .is_some_and(|t| t.info.given().is_some() && t.span.len() <= 7)
        .then(|| fold_short(&text[np.head], buf))
        .flatten()
}

/// Whether a sentence ends between bytes `from` and `to` of `text`: a
/// `.`, `?` or `!` before white space or a closing mark. Only a short
/// stretch is read (at most [`SENTENCE_GAP`] bytes; a longer one counts
/// as no end), so that a long paragraph of pronouns stays linear.
fn ends_a_sentence_between(text: &str, from: usize, to: usize) -> bool {
    if to <= from || to - from > SENTENCE_GAP {
        return false;
    }
    let Some(bytes) = text.as_bytes().get(from..to) else {
        return false;
    };
    memchr::memchr3_iter(b'.', b'?', b'!', bytes).any(|k| {
        bytes
            .get(k + 1)
            .is_some_and(|&n| n.is_ascii_whitespace() || matches!(n, b'"' | b'\'' | 0xE2))
    })
}

/// How far apart, in bytes, a person named and a pronoun in the same
/// paragraph may be for [`ends_a_sentence_between`] to be asked.
const SENTENCE_GAP: usize = 600;

/// The title a role before a name holds after the capitalised words that
/// say whose or where it is (`Corvane chief executive`, `Kestrian Foreign
/// Minister`): the longest known title ending the role, when the role
/// opens with a capital and is no title itself (so that a later `the chief
/// executive` or `the foreign minister` is the holder's).
fn title_within(lexicon: &crate::lexicon::Lexicon, text: &str, role: Span) -> Option<Span> {
    let words = text.get(role.start..role.end)?;
    // (three words at least: a one-word title is bound already, as the
    // role's head; most roles are one or two words, and stop here)
    let spaces = words.bytes().filter(|&b| ascii_space(b)).take(2).count();
    if spaces < 2 || !words.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // (each later word start, the longest rest first, while the rest has
    // two words or more)
    let mut at = 0;
    while let Some(space) = words[at..].find(ascii_space_char) {
        at += space;
        at += words[at..].len() - words[at..].trim_start().len();
        let rest = &words[at..];
        if !rest.contains(ascii_space_char) {
            break;
        }
        if lexicon.title_gender(rest).is_some() {
            // (not a title of its own: `Deputy Prime Minister` is not the
            // prime minister)
            return lexicon
                .title_gender(words)
                .is_none()
                .then(|| Span::new(role.start + at, role.end));
        }
    }
    None
}

/// [`ascii_space`] of a `char`, for `str` searches.
fn ascii_space_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(ascii_space)
}

/// The comparison form of a role: folded words without determiners,
/// built in `key` (cleared first), a buffer kept from call to call.
fn role_key(role: &str, key: &mut String) {
    // each word is folded straight into the key, and taken out again when
    // it is a determiner
    key.clear();
    if role.is_ascii() {
        // (nearly every role: its words split at ASCII white space, as
        // `words_of` splits them, and folded byte by byte to lower case,
        // as `fold_into` folds them)
        for word in role.as_bytes().split(|&b| ascii_space(b)) {
            if word.is_empty() {
                continue;
            }
            let mut w = word;
            while let [rest @ .., b'.'] = w {
                w = rest;
            }
            let (before, start) = open_role_word(key);
            key.extend(w.iter().map(|&b| char::from(b.to_ascii_lowercase())));
            close_role_word(key, before, start);
        }
        return;
    }
    for w in words_of(role) {
        let (before, start) = open_role_word(key);
        fold_into(w.trim_end_matches('.'), key);
        close_role_word(key, before, start);
    }
}

/// Start a word of a role key in `key`: the length of the key before it
/// and where the word starts (after a space, if it is not the first).
fn open_role_word(key: &mut String) -> (usize, usize) {
    let before = key.len();
    if before > 0 {
        key.push(' ');
    }
    (before, key.len())
}

/// End the word of a role key that starts at byte `start` of `key` (whose
/// length was `before` it): a determiner is taken out again, and an
/// abbreviated title written in full.
fn close_role_word(key: &mut String, before: usize, start: usize) {
    // (determiners and abbreviations have four letters at most)
    let Some(word) = key.get(start..).filter(|w| w.len() <= 4) else {
        return;
    };
    // (compared as one number each: a word of four bytes at most)
    let word = pack4(word.as_bytes());
    if DETERMINERS.contains(&word) {
        key.truncate(before);
    } else if let Some(full) = title_in_full(word) {
        key.truncate(start);
        key.push_str(full);
    }
}

/// The determiners a role key leaves out, as [`pack4`] packs them.
const DETERMINERS: [u64; 5] = [
    pack4(b"the"),
    pack4(b"a"),
    pack4(b"an"),
    pack4(b"this"),
    pack4(b"that"),
];

/// A word of four bytes at most as one number: its bytes from the lowest,
/// and its length above them (each such word has its own number).
const fn pack4(w: &[u8]) -> u64 {
    let mut n = (w.len() as u64) << 32;
    let mut i = 0;
    while i < w.len() && i < 4 {
        n |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    n
}

/// The full word for an abbreviated title (as [`pack4`] packs it), so
/// that `Sen. Ana Ruiz` binds a later `the senator`.
fn title_in_full(abbreviation: u64) -> Option<&'static str> {
    const FULL: [(&str, &str); 22] = [
        ("adm", "admiral"),
        ("amb", "ambassador"),
        ("atty", "attorney"),
        ("capt", "captain"),
        ("ceo", "chief executive"),
        ("cfo", "chief financial officer"),
        ("cllr", "councillor"),
        ("cmdr", "commander"),
        ("col", "colonel"),
        ("coo", "chief operating officer"),
        ("det", "detective"),
        ("dr", "doctor"),
        ("gen", "general"),
        ("gov", "governor"),
        ("insp", "inspector"),
        ("lt", "lieutenant"),
        ("pres", "president"),
        ("prof", "professor"),
        ("rep", "representative"),
        ("sen", "senator"),
        ("sgt", "sergeant"),
        ("supt", "superintendent"),
    ];
    /// The abbreviations of `FULL`, packed.
    const PACKED: [u64; 22] = {
        let mut packed = [0; 22];
        let mut i = 0;
        while i < FULL.len() {
            packed[i] = pack4(FULL[i].0.as_bytes());
            i += 1;
        }
        packed
    };
    PACKED
        .iter()
        .position(|&p| p == abbreviation)
        .map(|i| FULL[i].1)
}

impl Np {
    fn kind_entity(&self) -> EntityKind {
        match self.kind {
            MentionKind::Description => EntityKind::Organisation,
            _ if self.person => EntityKind::Person,
            _ => EntityKind::Name,
        }
    }
}

/// Whether a name opens with an honorific that takes a given name: `Sir
/// Keir`, `Dame Priya`, `Lady Harriet`.
fn knighted(name: &str) -> bool {
    ["Sir ", "Dame ", "Lady "]
        .iter()
        .any(|h| name.starts_with(h))
}

/// The head noun of a description's words: the last word before a
/// preposition or relative word (`spokeswoman` in `spokeswoman for the
/// regulator`, `aide` in `senior Republican aide who spoke …`).
fn head_noun(words: &str) -> &str {
    let mut head = "";
    for w in words.split_whitespace() {
        if crate::frame::is_head_preposition(w)
            || ["on", "who", "close", "familiar"]
                .iter()
                .any(|a| w.eq_ignore_ascii_case(a))
        {
            break;
        }
        head = w;
    }
    head
}

/// Whether a description's words open with `a` or `an`: someone new to
/// the story (`A spokeswoman for the regulator`), not someone named before
/// whom `the girl` may describe.
fn opens_indefinite(words: &str) -> bool {
    words
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
}

#[cfg(test)]
mod tests {
    use super::head_noun;

    #[test]
    fn the_head_noun_is_the_last_word_before_a_preposition_or_relative() {
        assert_eq!(head_noun("council spokesperson"), "spokesperson");
        assert_eq!(head_noun("spokeswoman for the regulator"), "spokeswoman");
        assert_eq!(head_noun("senior Republican aide who spoke"), "aide");
        assert_eq!(head_noun("source close to the minister"), "source");
        assert_eq!(head_noun(""), "");
    }
}
