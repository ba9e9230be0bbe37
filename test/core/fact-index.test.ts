/**
 * The fact index scores as MiniSearch would with the same options: its own postings exist
 * for speed and memory (see bench/README.md), so raw MiniSearch is the reference here. The
 * reference search is FactIndex.search as it was written over MiniSearch, kept in this test.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/core/analyzer.js';
import {
  FactIndex,
  indexedFact,
  miniSearchOptions,
  searchText,
  type IndexedFact,
  type Query,
} from '../../src/core/fact-index.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { PassageFacts } from '../../src/core/passage-facts.js';
import { loadPack, type Pack } from '../../src/knowledge/load.js';
import { PassageTable } from '../../src/knowledge/passages.js';
import type { Fact } from '../../src/knowledge/schema.js';
import { benchQueries } from '../../bench/queries.js';
import { syntheticPack } from '../../bench/synthetic.js';
import { BUILT_IN, loadEvalSet } from '../eval/evaluate.js';
import { reportedFact } from '../helpers/fact.js';

const LIMIT = 40;

/**
 * What MiniSearch alone answers: its top results by score, re-ranked by coverage as the index
 * does. A typo's near spellings that MiniSearch does not know (swapped letters) are left out.
 */
function reference(raw: MiniSearch<IndexedFact>, facts: Map<string, Fact>, query: Query, analyzer: Analyzer) {
  const total = query.weights.reduce((a, b) => a + b, 0);
  const covered = (r: SearchResult) =>
    query.concepts.reduce((sum, c, i) => {
      const loose = c.terms.some((t) => query.misspelt.has(t));
      // A name from the aliases is covered as that name only (its alias key).
      const keys = c.terms.filter((t) => t.startsWith('§'));
      return (keys.length ? keys : c.terms).some((t) => r.terms.includes(t) || (loose && r.queryTerms.includes(t)))
        ? sum + query.weights[i]!
        : sum;
    }, 0);
  const options = miniSearchOptions(analyzer, (t) => query.misspelt.has(t)).searchOptions!;
  return raw
    .search(searchText(query.concepts), options)
    .slice(0, LIMIT * 3)
    .map((r) => {
      const coverage = covered(r) / total;
      return {
        id: r.id as string,
        score: r.score,
        coverage,
        rank: r.score * coverage * coverage,
        fact: facts.get(r.id)!,
      };
    })
    .sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id))
    .slice(0, LIMIT);
}

/** A fact that says `quote`, for a small index. */
const small = (id: string, quote: string): Fact => ({
  id,
  statement: quote,
  quote,
  source: { document: 'doc' },
  kind: 'report',
  topic: '',
  tags: [],
});

/** Facts about something else, so that a word one fact has is rare enough to tell it apart. */
const harbour = Array.from({ length: 20 }, (_, i) => small(`h${i}`, 'The harbour was dredged again.'));

describe('the fact index', () => {
  let pack: Pack;
  let topicNames: Map<string, string>;
  let index: FactIndex;
  let raw: MiniSearch<IndexedFact>;
  let questions: string[];

  const build = (facts: readonly Fact[], from = pack) => {
    topicNames = new Map([...from.topics.values()].map((t) => [t.id, t.name]));
    // Related words and swapped letters are what MiniSearch cannot do: the comparison is without them.
    index = new FactIndex(facts, topicNames, from.aliases, { related: false, transpositions: false });
    raw = new MiniSearch(miniSearchOptions(index.analyzer));
    raw.addAll(facts.map((f) => indexedFact(f, topicNames)));
  };

  const agree = (asked = questions) => {
    const facts = new Map([...index.own()].map((f) => [f.id, f]));
    for (const q of asked) {
      const query = index.query(q);
      const mine = index.search(query, LIMIT).map((h) => ({ id: h.fact.id, score: h.score, coverage: h.coverage }));
      const theirs = reference(raw, facts, query, index.analyzer).map((h) => ({
        id: h.id,
        score: h.score,
        coverage: h.coverage,
      }));
      expect(mine, q).toEqual(theirs);
    }
  };

  beforeAll(() => {
    pack = loadPack('knowledge');
    const { questions: qs, claims, noanswer } = loadEvalSet(BUILT_IN.dev);
    // Misspelt and cut-short forms exercise the typo and prefix expansions.
    const typed = qs.map((q) => q.q.replace(/(\w)(\w)(\w{4,})/, '$2$1$3'));
    const cut = qs.map((q) => q.q.slice(0, Math.max(5, q.q.length - 3)));
    questions = [...qs.map((q) => q.q), ...typed, ...cut, ...claims.map((c) => c.claim), ...noanswer.map((n) => n.q)];
  });

  it('ranks the same facts with the same scores as MiniSearch on every evaluation question, misspelt and cut short', () => {
    build(pack.facts);
    expect(questions.length).toBeGreaterThan(500);
    agree();
  });

  it('still agrees after facts are replaced and added', async () => {
    build(pack.facts);
    const edited = pack.facts
      .slice(0, 40)
      .map((f, i) => ({ ...f, statement: `${f.statement} Pipeline talks resumed in ${2000 + i}.` }));
    const added = pack.facts.slice(40, 50).map((f) => ({ ...f, id: `${f.id}-copy`, tags: [...f.tags, 'community'] }));
    for (const f of [...edited, ...added]) index.upsert(f);
    for (const f of edited) raw.replace(indexedFact(f, topicNames));
    for (const f of added) raw.add(indexedFact(f, topicNames));
    await raw.vacuum();
    agree();
  });

  it('takes two names the pack writes together, side by side in the question, for one name: the rarer stands for both', () => {
    build(pack.facts);
    const words = (q: string) => index.query(q).concepts.map((c) => c.word);
    const fradkov = index.query('when did mikhail fradkov visit').concepts;
    expect(fradkov.map((c) => c.word)).toEqual(['mikhail fradkov', 'visit']);
    expect(fradkov[0]!.terms).toHaveLength(1);
    // Apart in the question, two places stay two.
    expect(words('train from karachi to lahore')).toEqual(expect.arrayContaining(['karachi', 'lahore']));
  });

  it("reaches a typo's near spellings and a word's close synonyms, not its loose relations", () => {
    index = new FactIndex(pack.facts, new Map(), pack.aliases);
    const typo = index.query('how many helicoptors were sold');
    expect(index.reach(typo, 'helicoptors')).toContain('helicopt');
    expect(index.reach(typo, 'sold')).toEqual([]);
    // Chat shorthand: a four-letter word the pack and English lack is looked for as a prefix.
    expect(index.reach(index.query('how many helis were sold'), 'helis')).toContain('helicopt');
    expect(index.reach(typo, 'absent')).toEqual([]);
  });

  it('reaches a typo whose swapped letters its stem cut: "crusie" is "cruise"', () => {
    const small = new FactIndex(
      [reportedFact('a', 'India and Russia build the cruise missile together.'), reportedFact('b', 'The steel mill.')],
      new Map(),
      [],
    );
    const typo = small.query('which crusie missile do they build');
    expect(small.reach(typo, 'crusie')).toContain('cruis');
    expect(small.search(typo)[0]!.coverage).toBeGreaterThan(0.9);
  });

  it("reads a fact's terms once, and anew once upsert has replaced its text", () => {
    const small = new FactIndex([reportedFact('a', 'Russia sold helicopters.')], new Map(), []);
    const before = small.termsOfFact(small.get('a')!);
    expect(before.has('helicopt')).toBe(true);
    expect(small.termsOfFact(small.get('a')!)).toBe(before);
    small.upsert(reportedFact('a', 'Pakistan bought tanks.'));
    const after = small.termsOfFact(small.get('a')!);
    expect(after.has('tank')).toBe(true);
    expect(after.has('helicopt')).toBe(false);
  });

  it("takes a typo of an alias for the alias's group, so a fact naming the group another way covers it", () => {
    index = new FactIndex(pack.facts, new Map(), pack.aliases);
    const typo = index.query('why is islambad buying helicopters');
    const right = index.query('why is islamabad buying helicopters');
    const key = (q: Query) => q.concepts[0]!.terms.find((t) => t.startsWith('§'));
    expect(key(typo)).toBeDefined();
    expect(key(typo)).toBe(key(right));
    expect(index.search(typo)[0]!.fact.id).toBe(index.search(right)[0]!.fact.id);
  });

  it('counts a name as named by its derived forms: "Central Asia" names the Central Asian states', () => {
    index = new FactIndex(pack.facts, new Map(), pack.aliases);
    const hits = index.search(index.query('which central asian states get nuclear plants'));
    const named = hits.filter((h) => h.named).map((h) => h.fact.quote);
    expect(named.some((q) => /Central Asia\b/.test(q) && /nuclear/i.test(q))).toBe(true);
  });

  it("counts a person named by the last name alone as named: 'President Bergqvist' names Ingrid Bergqvist", () => {
    index = new FactIndex(
      [
        small('a', 'Ingrid Bergqvist opened the harbour in Tromso.'),
        small('b', 'Ingrid Bergqvist visited Tromso.'),
        small('c', 'President Bergqvist closed the harbour.'),
        ...harbour,
      ],
      new Map(),
      pack.aliases,
    );
    const query = index.query('did ingrid bergqvist close the harbour');
    expect(query.concepts.find((c) => c.word === 'ingrid bergqvist')?.lastName).toBe('bergqvist');
    expect(index.search(query).find((h) => h.fact.id === 'c')?.named).toBe(true);
    // The harbour alone names no one.
    expect(index.search(query).find((h) => h.fact.id === 'h0')?.named).toBe(false);
  });

  it("counts a first name as named by the last name the facts always write it with, though English knows that word: 'Prime Minister Baker' names Ingrid", () => {
    index = new FactIndex(
      [
        small('a', 'Ingrid Baker opened the harbour in Tromso.'),
        small('b', 'Prime Minister Baker closed the harbour.'),
        small('c', 'Olaf Tryggvason closed the harbour.'),
        ...harbour,
      ],
      new Map(),
      [],
    );
    for (const asked of ['did ingrid baker close the harbour', 'did ingrid close the harbour']) {
      const query = index.query(asked);
      expect(query.concepts.find((c) => c.word === 'ingrid')?.lastName).toBe('baker');
      const hits = index.search(query);
      expect(hits.find((h) => h.fact.id === 'b')?.named).toBe(true);
      expect(hits.find((h) => h.fact.id === 'c')?.named).toBe(false);
    }
    // A name written before several words has no last name of its own.
    expect(index.query('did olaf close the harbour').concepts.find((c) => c.word === 'olaf')?.lastName).toBeUndefined();
  });

  it('keeps two names a question puts side by side apart where the facts never write them so: "tryggvason ingrid" is two people', () => {
    index = new FactIndex(
      [small('a', 'Olaf Tryggvason and Ingrid Bergqvist met in Tromso.'), ...harbour],
      new Map(),
      [],
    );
    const words = index.query('where did tryggvason ingrid meet').concepts.map((c) => c.word);
    expect(words).toContain('tryggvason');
    expect(words).toContain('ingrid');
    // Written side by side, they are one name.
    expect(index.query('where did ingrid bergqvist meet').concepts.map((c) => c.word)).toContain('ingrid bergqvist');
  });

  it('counts a name its section heading gives as named by a passage, and as covered, without scoring it', () => {
    const passages = new PassageFacts(PassageTable.of(pack.passages), pack.documents);
    index = new FactIndex([], new Map(), pack.aliases, {}, passages);
    const query = index.query('when was the intergovernmental agreement on pakistan stream signed');
    const hit = index.search(query).find((h) => /intergovernmental agreement/.test(h.fact.quote));
    // The sentence does not say "Pakistan Stream": its section's heading does.
    expect(hit!.fact.quote).not.toMatch(/Pakistan Stream/);
    expect(hit!.named).toBe(true);
    expect(hit!.coverage).toBeGreaterThan(0.5);
    // A word of the heading that is no name covers nothing: "gas" is the heading's, not the sentence's.
    const gas = index.query('when was the intergovernmental agreement on gas signed');
    const same = index.search(gas).find((h) => h.fact.id === hit!.fact.id)!;
    expect(same.coverage).toBeLessThan(1);
  });

  it('weighs an everyday word below a rare one that the pack uses as seldom: "take" says less than "missile"', () => {
    index = new FactIndex(
      [small('a', 'The army will take the missile.'), small('b', 'The harbour was dredged.')],
      new Map(),
      pack.aliases,
    );
    const query = index.query('take missile');
    const weight = (word: string) => query.weights[query.concepts.findIndex((c) => c.word === word)]!;
    expect(weight('take')).toBeGreaterThan(0);
    expect(weight('take')).toBeLessThan(weight('missile'));
  });

  it("holds a question's adverb against a fact that leaves it out only as talk, and counts it in full where said", () => {
    index = new FactIndex(
      [small('a', 'The deal was eventually signed in Oslo.'), small('b', 'The pipeline was signed off.'), ...harbour],
      new Map(),
      pack.aliases,
    );
    const coverage = (text: string, question: boolean) =>
      index.search(index.query(text, undefined, question)).find((h) => h.fact.id === 'a')!.coverage;
    // "Finally" says how, in a word the fact puts otherwise: asked, the fact covers nearly all.
    const asked = coverage('was the deal finally signed in oslo', true);
    expect(asked).toBeGreaterThan(0.95);
    // Said, the adverb is part of the claim, as much as any word.
    expect(coverage('the deal was finally signed in oslo', false)).toBeLessThan(asked - 0.1);
    // A fact that says the adverb covers it as any word.
    expect(coverage('was the deal eventually signed in oslo', true)).toBe(1);
  });

  it("reaches a rare word for the same thing in another of a question's noun's senses: 'choppers' are helicopters", () => {
    index = new FactIndex([small('a', 'Four helicopters were sold to the navy.'), ...harbour], new Map(), pack.aliases);
    const relatedOf = (text: string, question: boolean) => {
      const query = index.query(text, undefined, question);
      return query.related[query.concepts.findIndex((c) => c.word === 'choppers')]!.map((r) => r.term);
    };
    // "Helicopter" is the third sense of "chopper": the search reaches it for a question…
    expect(relatedOf('how many choppers were sold to the navy', true)).toContain('helicopt');
    const hit = index.search(index.query('how many choppers were sold to the navy', undefined, true))[0]!;
    expect(hit.fact.id).toBe('a');
    expect(hit.coverage).toBeGreaterThan(0.5);
    // …but a claim is weighed by what it says, not by a sense of its words.
    expect(relatedOf('four choppers were sold to the navy', false)).not.toContain('helicopt');
  });

  it("reaches what a question's collocation means in one word: 'held up' is 'delayed'", () => {
    index = new FactIndex(
      [small('a', 'The ferry line suffered long delays.'), small('b', 'The ferry line held a vote.'), ...harbour],
      new Map(),
      pack.aliases,
    );
    const query = index.query('why was the ferry line held up', undefined, true);
    const held = query.related[query.concepts.findIndex((c) => c.word === 'held')]!.map((r) => r.term);
    expect(held).toContain('delay');
    // Covered in part by the word for it, as a related word covers: below a fact with the question's own word.
    const hits = index.search(query);
    const a = hits.find((h) => h.fact.id === 'a')!;
    expect(a.coverage).toBeGreaterThan(0.5);
    expect(a.coverage).toBeLessThan(1);
    // The verb alone is not the collocation: "held a vote" is not a delay.
    const alone = index.query('why was the ferry line held', undefined, true);
    expect(alone.related[alone.concepts.findIndex((c) => c.word === 'held')]!.map((r) => r.term)).not.toContain(
      'delay',
    );
  });

  it("reaches the plain verb a question's phrasal verb is a way of: 'put up' a mill is 'constructed' it", () => {
    index = new FactIndex(
      [
        small('a', 'The Soviets constructed a steel mill in Karachi.'),
        small('b', 'The steel mill made a loss.'),
        ...harbour,
      ],
      new Map(),
      pack.aliases,
    );
    const query = index.query('which steel mill did the soviets put up', undefined, true);
    const put = query.related[query.concepts.findIndex((c) => c.word === 'put')]!;
    expect(put).toContainEqual({ term: 'construct', cover: 0.4 });
    const hits = index.search(query);
    expect(hits[0]!.fact.id).toBe('a');
    // Loosely, below the question's own word.
    const own = index.search(index.query('which steel mill did the soviets construct', undefined, true));
    expect(hits[0]!.coverage).toBeLessThan(own[0]!.coverage);
    // "Put" alone is no phrasal verb: it reaches no building.
    const alone = index.query('which steel mill did the soviets put', undefined, true);
    expect(alone.related[alone.concepts.findIndex((c) => c.word === 'put')]!.map((r) => r.term)).not.toContain(
      'construct',
    );
  });

  it("reaches the plain verb a question's verb is a way of doing, loosely, without setting its weight: 'shift' is 'change'", () => {
    index = new FactIndex(
      [
        small('a', 'Things started to change in 2011 for the port.'),
        small('b', 'The port will change its name.'),
        small('c', 'The port changed hands.'),
        ...harbour,
      ],
      new Map(),
      pack.aliases,
    );
    const query = index.query('what year did things start to shift for the port', undefined, true);
    const at = query.concepts.findIndex((c) => c.word === 'shift');
    expect(query.related[at]).toContainEqual({ term: 'chang', cover: 0.4, loose: true });
    // "Change", in three facts, does not make "shift", in none, weigh as a word of three facts.
    const unseen = index.query('what year did things start to sway for the port', undefined, true);
    expect(query.weights[at]).toBe(unseen.weights[unseen.concepts.findIndex((c) => c.word === 'sway')]);
    expect(index.search(query)[0]!.fact.id).toBe('a');
    // A claim says the very deed it means.
    const claim = index.query('things started to shift in 2011', undefined, false);
    expect(claim.related[claim.concepts.findIndex((c) => c.word === 'shift')]).toEqual([]);
  });

  it("reaches an adjective's synonyms where it has too many similar adjectives to read: 'ill' is 'sick'", () => {
    index = new FactIndex(
      [small('a', 'Most of the survivors continue to be sick.'), small('b', 'The survivors moved away.'), ...harbour],
      new Map(),
      pack.aliases,
    );
    // WordNet relates "ill" to dozens of adjectives, too many to be read as its related words.
    expect(Lexicon.shared().related('ill')).toEqual([]);
    const query = index.query('how many survivors are still ill', undefined, true);
    expect(query.related[query.concepts.findIndex((c) => c.word === 'ill')]!.map((r) => r.term)).toContain('sick');
    const hits = index.search(query);
    expect(hits[0]!.fact.id).toBe('a');
    expect(hits[0]!.coverage).toBeLessThan(1);
  });

  it("covers a question's noun of a measure by the figure it names: 'the 170,000 figure' is said by a fact giving 170,000", () => {
    index = new FactIndex(
      [
        small('a', 'The president said the number was 170,000, the bodies in mass graves.'),
        small('b', 'The president spoke of the bodies in mass graves.'),
        ...harbour,
      ],
      new Map(),
      pack.aliases,
    );
    const query = index.query('what is the 170,000 figure supposed to count', undefined, true);
    expect(query.measures[query.concepts.findIndex((c) => c.word === 'figure')]).toBe(true);
    const hits = index.search(query);
    expect(hits[0]!.fact.id).toBe('a');
    // "Figure", said by the fact's 170,000, is covered as the fact's own word would be.
    expect(hits[0]!.coverage).toBeGreaterThan(0.9);
    // A year dates what it names: "the 2014 world cup" is no figure of a cup.
    const year = index.query('who won the 2014 world cup', undefined, true);
    expect(year.measures.some(Boolean)).toBe(false);
  });

  it("finds a fact that says in several words what a question's word says: 'cancelled' is 'called off'", () => {
    const facts = [
      small('a', 'The state visit was called off.'),
      small('b', 'The state visit was called.'),
      ...harbour,
    ];
    index = new FactIndex(facts, new Map(), pack.aliases);
    expect(index.analyzer.indexTerms('The state visit was called off.')).toContain('call_off');
    const query = index.query('why was the state visit cancelled', undefined, true);
    const cancelled = query.related[query.concepts.findIndex((c) => c.word === 'cancelled')]!;
    expect(cancelled.map((r) => r.term)).toContain('call_off');
    const hits = index.search(query);
    expect(hits[0]!.fact.id).toBe('a');
    expect(hits[0]!.coverage).toBeLessThan(1);
    // The collocation's term stands beside its words: "called" scores the same in both facts.
    const called = index.search(index.query('state visit called'));
    expect(called.find((h) => h.fact.id === 'a')!.score).toBeCloseTo(called.find((h) => h.fact.id === 'b')!.score, 10);
  });

  it('knows a decade no fact names as such by the years of it that facts give', () => {
    index = new FactIndex([small('a', 'The envoy visited Lisbon in 1974.'), ...harbour], new Map(), pack.aliases);
    expect(index.unknown(index.query('which envoy visited lisbon in the 70s'))).toEqual([]);
    expect(index.unknown(index.query('which envoy visited lisbon in the 1970s'))).toEqual([]);
    // No fact gives a year of the fifties.
    expect(index.unknown(index.query('which envoy visited lisbon in the 50s')).map((c) => c.word)).toEqual(['50s']);
  });

  it('marks a fact that tells no deed whose quantity the question asks', () => {
    index = new FactIndex(
      [
        small('toll', 'The quake killed 72,000 people in the capital.'),
        small('hurt', 'The quake injured 300,000 people in the capital.'),
        small('sales', 'The selling of four helicopters to the navy was finalized.'),
        ...harbour,
      ],
      new Map(),
      pack.aliases,
    );
    const left = (question: string, counting: string, id: string) =>
      index.search(index.query(question, undefined, true, counting)).find((h) => h.fact.id === id)?.deedLeft ?? false;
    expect(left('people were injured in the quake', 'people were injured in the quake', 'toll')).toBe(true);
    expect(left('people were injured in the quake', 'people were injured in the quake', 'hurt')).toBe(false);
    // A verb that causes the deed tells it ("killed" for "died"); so does a noun of its act ("selling" for "sold").
    expect(left('people died in the quake', 'people died in the quake', 'toll')).toBe(false);
    expect(left('helicopters were sold to the navy', 'helicopters were sold to the navy', 'sales')).toBe(false);
    // Only the words the quantity is said of hold its deed, and a verb that leads to another is none.
    expect(left('the toll the officials injured', 'the toll', 'toll')).toBe(false);
    expect(left('people were supposed to injure', 'people were supposed to injure', 'hurt')).toBe(false);
    // "Kill" is to cause to die, but a fact's "people" does not tell the "peopling" of a place.
    expect(left('people lived in the capital', 'people lived in the capital', 'toll')).toBe(true);
  });

  it('marks as aside a fact that shares only the names of a question about a thing it leaves out', () => {
    // Enough other facts that "Karachi" is a name that sets its facts apart.
    const others = Array.from({ length: 30 }, (_, i) => small(`other${i}`, `The harbour was dredged in year ${i}.`));
    index = new FactIndex(
      [
        small('pipe', 'A gas pipeline will run from Karachi.'),
        small('rain', 'The weather in Karachi was hot.'),
        small('talks', 'Talks with Karachi traders begin next week.'),
        ...others,
      ],
      new Map(),
      pack.aliases,
    );
    const aside = (question: string, id: string) =>
      index.search(index.query(question)).find((h) => h.fact.id === id)?.aside ?? false;
    expect(aside('the weather in karachi', 'pipe')).toBe(true);
    expect(aside('the weather in karachi', 'rain')).toBe(false);
    // "Gas" is a word the fact shares beside the name; "time" is too common to name a thing.
    expect(aside('the gas weather in karachi', 'pipe')).toBe(false);
    expect(aside('the time in karachi', 'pipe')).toBe(false);
    // Words of when ("next", "week") said beside the name tell nothing of the weather either.
    expect(aside('karachi weather next week', 'talks')).toBe(true);
    expect(aside('karachi talks next week', 'talks')).toBe(false);
  });

  it('reaches the years of a decade the pack names: "the 80s" is 1980 to 1989', () => {
    index = new FactIndex(pack.facts, new Map(), pack.aliases);
    const query = index.query('what happened in the sixties');
    const sixties = query.concepts.findIndex((c) => c.terms.includes('1960s'));
    const years = query.related[sixties]!.map((r) => r.term);
    expect(years).toContain('1965');
    expect(years.every((y) => /^196\d$/.test(y))).toBe(true);
  });

  it('agrees on a synthetic pack of 3,000 facts, where most facts share the common words and many tie', () => {
    const synthetic = syntheticPack(pack, 3000, 7);
    build(synthetic.facts, synthetic);
    const { questions: asked, claims } = benchQueries(pack, 7, 150);
    agree([...asked, ...claims]);
  });
});
