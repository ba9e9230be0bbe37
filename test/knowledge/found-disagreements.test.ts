/**
 * Disagreements found in the sources: each kind of difference on small made-up packs, what
 * is not a difference, the lookup and ids the answers will use, the cache, the moderators'
 * command, and the measurement on the seed pack with its curated disagreements set aside.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBackReferences } from '../../src/core/back-references.js';
import { ClauseReader } from '../../src/core/clauses.js';
import { cachedDisagreements, foundCachePath } from '../../src/core/found-disagreements-cache.js';
import {
  asTopic,
  disagreementsByUnit,
  findDisagreements,
  type FindingPack,
  type FoundDisagreement,
} from '../../src/core/found-disagreements.js';
import { passageFact } from '../../src/core/passage-facts.js';
import { loadPack, type LoadedDocument, type Pack } from '../../src/knowledge/load.js';
import { buildPassages, PassageFinder } from '../../src/knowledge/passages.js';
import type { Fact, PackMeta } from '../../src/knowledge/schema.js';
import { normalizeForQuote } from '../../src/knowledge/text.js';
import { copyPack } from '../helpers/pack-fixture.js';
import { runEntry } from '../helpers/run.js';

interface MadeUpDocument {
  id: string;
  author: string;
  date?: string;
  text: string;
}

const doc = (id: string, author: string, text: string, date?: string): MadeUpDocument => ({
  id,
  author,
  text,
  ...(date ? { date } : {}),
});

/** Documents about other things, so that the words of the ones under test are rare among the units, as in a real pack. */
const OTHER_DOCUMENTS: MadeUpDocument[] = [
  doc(
    'weather',
    'Ann Weather',
    'Heavy rain flooded the valley roads for three days in March.\nFarmers moved their sheep to the higher pastures before the storm.\nThe forecast promises a dry and windy weekend for the coast.',
    '2016-03-01',
  ),
  doc(
    'football',
    'Bob Match',
    'The home side scored twice in the second half to win the cup final.\nTheir goalkeeper saved a penalty in the last minute of the game.\nFans celebrated in the old market square until late at night.',
    '2016-05-02',
  ),
  doc(
    'cooking',
    'Cy Kitchen',
    'Slow roasting brings out the sweetness of autumn vegetables.\nA pinch of smoked salt lifts a plain tomato soup remarkably.\nBake the bread on the lowest shelf of a very hot oven.',
    '2017-01-09',
  ),
];

/** One event, given two years by two sources. */
const OPENED_2014 = doc(
  'harbour-news',
  'Dee Port',
  'The new container terminal at Port Vell opened to shipping in 2014.',
  '2017-02-01',
);
const OPENED_2016 = doc(
  'city-guide',
  'Eve Guide',
  'The new container terminal at Port Vell opened to shipping in 2016, two years late.',
  '2018-06-01',
);
/** A report of a talk and a source that says there was none; a figure in the words of two sources. */
const REPORTED = doc('wire', 'Jo Wire', 'Officials confirmed talks on the sale of the Falcon radar system to Norland.');
const DENIED = doc('forum', 'Kit Poster', 'The ministry said no talks on the Falcon radar system ever took place.');
const TWO_BILLION = doc('daily', 'Hal Money', 'The pipeline linking Karachi and Lahore will cost $2 billion to build.');

function madeUp(
  documents: MadeUpDocument[],
  meta: Partial<Pick<PackMeta, 'parties' | 'negations'>> = {},
): { pack: FindingPack; units: Fact[] } {
  const docs = new Map<string, LoadedDocument>(
    [...documents, ...OTHER_DOCUMENTS].map((d) => [
      d.id,
      {
        id: d.id,
        title: `Report ${d.id}`,
        author: d.author,
        publisher: null,
        date: d.date ?? null,
        kind: 'article',
        reliability: 'made up for a test',
        text: d.text,
        normalized: normalizeForQuote(d.text),
      },
    ]),
  );
  const passages = buildPassages(docs.values());
  const pack: FindingPack = {
    meta: { name: 'test', covers: 'test', denylist: [], parties: meta.parties ?? {}, negations: meta.negations ?? [] },
    documents: docs,
    passages,
    aliases: [],
  };
  return { pack, units: passages.map((p) => passageFact(p, docs.get(p.document)!)) };
}

function found(
  documents: MadeUpDocument[],
  meta?: Partial<Pick<PackMeta, 'parties' | 'negations'>>,
): FoundDisagreement[] {
  const { pack, units } = madeUp(documents, meta);
  return findDisagreements(units, pack);
}

/** The documents each position's units come from. */
const sides = (d: FoundDisagreement): string[][] =>
  d.positions.map((p) => [...new Set(p.units.map((u) => u.replace(/^passage:/, '').split(':')[0]!))].sort());

describe('a different year, amount, share or count for one subject', () => {
  it('finds two sources that give the same event different years', () => {
    const result = found([OPENED_2014, OPENED_2016]);
    expect(result).toHaveLength(1);
    expect(result[0]!.kind).toBe('year');
    expect(result[0]!.summary).toMatch(/^Sources give different years for “.*terminal.*”\.$/);
    expect(sides(result[0]!).sort()).toEqual([['city-guide'], ['harbour-news']]);
    expect(result[0]!.positions.map((p) => p.label).sort()).toEqual([
      'Dee Port (2017): 2014',
      'Eve Guide (2018): 2016',
    ]);
  });

  it('finds counts of the same things given differently, though one clause names places the other does not', () => {
    // The places weigh most of the first clause, so the shared words alone are not most of it; the count of the same things says the subject is one.
    const moved = doc(
      'valley-times',
      'Ann Vale',
      'Overall, about 200,000 people have been displaced from Arbor, Belcastle and Corvin.',
    );
    const dammed = doc(
      'river-post',
      'Bo River',
      'Critics add that the dam will displace 320,000 people, many of them farmers.',
    );
    const result = found([moved, dammed]);
    expect(result).toHaveLength(1);
    expect(result[0]!.kind).toBe('count');
    expect(sides(result[0]!).sort()).toEqual([['river-post'], ['valley-times']]);
    // Counts of different things are no disagreement.
    const homes = doc(
      'river-post',
      'Bo River',
      'Critics add that the dam will displace 320,000 cattle, many of them from farms.',
    );
    expect(found([moved, homes])).toEqual([]);
  });

  it('reads "this year" and "that year" as the years they are', () => {
    const result = found([
      doc(
        'dispatch',
        'Fay Wire',
        'Earlier this year, the city council approved a second bridge over the Tavy river.',
        '2015-09-27',
      ),
      doc(
        'history',
        'Gil Past',
        'Much changed in 2014 for the town.\nDuring that year, the city council approved a second bridge over the Tavy river.',
        '2019-04-13',
      ),
    ]);
    expect(result.map((d) => d.kind)).toEqual(['year']);
    expect(result[0]!.positions.map((p) => p.says).sort()).toEqual(['that year (2014)', 'this year (2015)']);
  });

  it('reads "by the end of this year" as a year, its words no part of the subject', () => {
    const result = found([
      doc('ledger', 'Lou Books', 'Norland aims to privatize the company by the end of this year.', '2015-08-01'),
      doc('digest', 'Mo Short', 'As it stands Norland plans to privatize the company by 2016.', '2015-09-01'),
    ]);
    expect(result.map((d) => [d.kind, d.positions.map((p) => p.says).sort()])).toEqual([
      ['year', ['2016', 'this year (2015)']],
    ]);
    const { pack, units } = madeUp([
      doc('ledger', 'Lou Books', 'Norland aims to sell the mill by the end of this year.'),
    ]);
    const clause = new ClauseReader(pack).read(units[0]!).clauses[0]!;
    expect([...clause.terms.keys()]).not.toContain('end');
    expect([...clause.terms.keys()]).toContain('mill');
  });

  it('finds amounts whose ranges do not overlap, and only those', () => {
    const apart = found([
      TWO_BILLION,
      doc(
        'weekly',
        'Ivy Sums',
        'The pipeline linking Karachi and Lahore will cost $3 billion to build, officials say.',
      ),
    ]);
    expect(apart.map((d) => [d.kind, d.summary.startsWith('Sources give different figures for')])).toEqual([
      ['money', true],
    ]);
    const overlapping = found([
      TWO_BILLION,
      doc(
        'weekly',
        'Ivy Sums',
        'The pipeline linking Karachi and Lahore will cost $2-2.5 billion to build, officials say.',
      ),
    ]);
    expect(overlapping).toEqual([]);
  });

  it('compares a figure only in the clause that carries the shared words', () => {
    const result = found([
      doc(
        'daily',
        'Hal Money',
        'In 2012 the mayor was elected, and the new library on Harbour Street opened its doors to readers.',
      ),
      doc(
        'weekly',
        'Ivy Sums',
        'The new library on Harbour Street opened its doors to readers, the mayor said on Monday.',
      ),
    ]);
    expect(result).toEqual([]);
  });

  it('does not take two events of one kind with different actors for one event', () => {
    const parties = { redland: ['redland', 'redlandic'], blueland: ['blueland', 'bluelandic'] };
    const result = found(
      [
        doc('daily', 'Hal Money', 'Redland lifted its arms embargo on Greenland in 2014.'),
        doc('weekly', 'Ivy Sums', 'Blueland imposed an arms embargo on Greenland in 1965.'),
      ],
      { parties },
    );
    expect(result).toEqual([]);
  });
});

describe('one source reports a thing, another denies, disputes or doubts it', () => {
  it('finds a report and a denial of it', () => {
    const result = found([REPORTED, DENIED]);
    expect(result.map((d) => d.kind)).toEqual(['denial']);
    expect(result[0]!.summary).toMatch(/^One source reports “.*Falcon radar.*”; another denies it\.$/);
    const denying = result[0]!.positions.find((p) => p.says !== 'reports it')!;
    expect(denying.says).toBe('denies it (“no”)');
    expect(sides(result[0]!).sort()).toEqual([['forum'], ['wire']]);
  });

  it('finds a doubt, as in "although this remains speculation"', () => {
    const result = found([
      doc('plans', 'Lu Plan', 'The two navies will hold joint exercises in the Arafura Sea next spring.'),
      doc(
        'review',
        'Mo Review',
        'Joint exercises of the two navies in the Arafura Sea are often mentioned, although this remains speculation.',
      ),
    ]);
    expect(result.map((d) => d.summary.endsWith('another doubts it.'))).toEqual([true]);
  });

  it('finds one sentence of a document that disputes the account before it', () => {
    const result = found([
      doc(
        'memoir',
        'Ned Memory',
        'In the usual story, the old stone bridge at Tavy was built by monks in 1320 as a gift to the town. A local historian who studied the parish records disputes that account as inaccurate.',
      ),
    ]);
    expect(result.map((d) => d.kind)).toEqual(['denial']);
    expect(result[0]!.summary).toMatch(/another disputes it\.$/);
    expect(sides(result[0]!)).toEqual([['memoir'], ['memoir']]);
  });

  it('does not take a negation of something else in the sentence for a denial', () => {
    const result = found([
      REPORTED,
      doc(
        'forum',
        'Kit Poster',
        'It should not be forgotten that talks on the sale of the Falcon radar system began early.',
      ),
    ]);
    expect(result).toEqual([]);
  });

  it('does not take a plain negation in the same document for a dispute', () => {
    const result = found([
      doc(
        'memoir',
        'Ned Memory',
        'The ferry across the Tavy estuary runs every hour in summer. The ferry across the Tavy estuary does not run in winter storms.',
      ),
    ]);
    expect(result).toEqual([]);
  });
});

describe('a clause that names its subject by a definite noun the passage before named', () => {
  const inked = doc(
    'gazette',
    'Ula Ink',
    'Arden also inked a deal with Belmont to build the Corvin canal linking Dunmore and Elsby at a time when floods closed the old roads.',
    '2019-01-05',
  );
  const delayed = doc(
    'survey',
    'Wyn Plan',
    'This project involves the construction of the Corvin canal from Dunmore to Elsby.\nThe memorandum was signed in 2015, but the project faced delays due to funding.',
    '2021-01-01',
  );

  it("is about what that passage says it is: 'the project faced delays' is the canal's, still pending", () => {
    const result = found([inked, delayed]);
    expect(result.map((d) => d.kind)).toEqual(['status']);
    const pending = result[0]!.positions.find((p) => p.says.startsWith('still pending'))!;
    expect(pending.clauses.join(' ')).toMatch(/the project faced delays/);
    // The subject is said in the words the sides write themselves.
    expect(result[0]!.summary).not.toMatch(/project/);
  });

  it("is not, where the noun is one of its document's title: it names the whole subject", () => {
    const { pack, units } = madeUp([inked, delayed]);
    const reader = new ClauseReader(pack);
    const readings = units.map((u) => reader.read(u));
    const clause = readings.flatMap((r) => r.clauses).find((c) => /project faced delays/.test(c.text))!;
    const own = clause.terms.size;
    resolveBackReferences(readings, () => 'A survey of the project');
    expect(clause.terms.size).toBe(own);
    resolveBackReferences(readings, () => 'A survey');
    expect([...clause.terms.keys()]).toEqual(expect.arrayContaining(['canal', 'corvin']));
    expect(clause.terms.get('canal')?.borrowed).toBe(true);
  });
});

describe('judgements WordNet sets against each other', () => {
  it('finds "strong" against "weak" on one subject', () => {
    const result = found([
      doc('optimist', 'Ola Bright', 'The partnership between the two rail unions is strong after the strike.'),
      doc('pessimist', 'Pat Grey', 'The partnership between the two rail unions is weak after the strike.'),
    ]);
    expect(result.map((d) => [d.kind, d.positions.map((p) => p.says).sort()])).toEqual([
      ['judgement', ['strong', 'weak']],
    ]);
  });
});

describe('one source reports a thing done, another still pending', () => {
  const inked = doc(
    'gazette',
    'Ula Ink',
    'Arden also inked a deal with Belmont to build the Corvin canal linking Dunmore and Elsby at a time when floods closed the old roads.',
    '2019-01-05',
  );
  const close = doc(
    'courier',
    'Vic Near',
    'They are close to finalizing a canal deal that would carry water from Dunmore to Elsby, the second city.',
    '2015-03-02',
  );

  it('finds a deal inked against one close to finalized, each side with the clause it takes it in', () => {
    const result = found([inked, close]);
    expect(result.map((d) => d.kind)).toEqual(['status']);
    expect(result[0]!.summary).toMatch(/^Sources differ on whether “.*” is done or still pending\.$/);
    expect(result[0]!.positions.map((p) => p.says).sort()).toEqual([
      'done (“inked”)',
      'still pending (“close to finalizing”)',
    ]);
    // The clause before "when" is the side, not the floods after it.
    expect(result[0]!.positions.flatMap((p) => p.clauses).join(' ')).not.toMatch(/floods/);
  });

  it('finds none where both say it is done, or where one source says both', () => {
    const signed = doc(
      'herald',
      'Wes Done',
      'Belmont signed a canal deal to carry water from Dunmore to Elsby, the second city.',
    );
    expect(found([inked, signed])).toEqual([]);
    const both = doc(
      'gazette',
      'Ula Ink',
      'Arden also inked a deal with Belmont to build the Corvin canal linking Dunmore and Elsby.\nThey are close to finalizing a canal deal that would carry water from Dunmore to Elsby, the second city.',
    );
    expect(found([both])).toEqual([]);
  });
});

describe('what answers will use', () => {
  const documents: MadeUpDocument[] = [OPENED_2014, OPENED_2016, REPORTED, DENIED];

  it('looks up, for a unit, the disagreements it is a side of', () => {
    const { pack, units } = madeUp(documents);
    const list = findDisagreements(units, pack);
    const byUnit = disagreementsByUnit(list);
    for (const d of list) for (const p of d.positions) for (const id of p.units) expect(byUnit.get(id)).toContain(d);
    const unrelated = units.find((u) => u.source.document === 'weather')!;
    expect(byUnit.get(unrelated.id)).toBeUndefined();
  });

  it('gives ids made from the sides, the same whatever the order of the units', () => {
    const { pack, units } = madeUp(documents);
    const ids = findDisagreements(units, pack).map((d) => d.id);
    expect(findDisagreements([...units].reverse(), pack).map((d) => d.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the shape of a curated topic', () => {
    const { pack, units } = madeUp(documents);
    for (const d of findDisagreements(units, pack)) {
      const topic = asTopic(d);
      expect(topic.disagreement!.summary).toBe(d.summary);
      expect(topic.disagreement!.positions.map((p) => p.facts)).toEqual(d.positions.map((p) => p.units));
    }
  });
});

describe('the cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-found-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    const cache = foundCachePath(dir);
    if (cache) rmSync(cache, { force: true });
  });

  it('gives what finding gives, and finds again when a unit changes', () => {
    const { pack, units } = madeUp([OPENED_2014, OPENED_2016]);
    const packAt = { ...pack, dir };
    expect(cachedDisagreements(units, packAt)).toEqual(findDisagreements(units, pack));
    expect(cachedDisagreements(units, packAt)).toEqual(findDisagreements(units, pack));
    const changed = units.map((u) => (u.quote.includes('2016') ? { ...u, quote: u.quote.replace('2016', '2014') } : u));
    expect(cachedDisagreements(changed, packAt)).toEqual(findDisagreements(changed, pack));
    expect(cachedDisagreements(changed, packAt)).toEqual([]);
  });
});

/**
 * The seed pack's ten curated disagreements, as the measurement counts them: a curated one is
 * found when one found disagreement has, on two different sides, units of two different
 * curated positions (a position's facts, or the passages that hold their quotes).
 */
function measure(
  curatedPack: Pack,
  pack: Pack,
): { found: string[]; missed: string[]; falseAlarms: FoundDisagreement[] } {
  const units = [...pack.facts, ...pack.passages.map((p) => passageFact(p, pack.documents.get(p.document)!))];
  const list = findDisagreements(units, pack);
  const finder = new PassageFinder(pack.passages, pack.documents);
  const facts = new Map(curatedPack.facts.map((f) => [f.id, f]));
  const holders = (id: string) => {
    const f = facts.get(id)!;
    return [id, ...finder.find(f.quote, f.source.document, f.source.post).map((p) => `passage:${p.id}`)];
  };
  const matched = new Set<string>();
  const result = { found: [] as string[], missed: [] as string[] };
  for (const topic of curatedPack.topics.values()) {
    if (!topic.disagreement) continue;
    const positions = topic.disagreement.positions.map((p) => new Set(p.facts.flatMap(holders)));
    const sideOf = (unit: string) => positions.findIndex((p) => p.has(unit));
    const covering = list.filter((d) => {
      const taken = d.positions.map((p) => new Set(p.units.map(sideOf).filter((i) => i >= 0)));
      return taken.some((x, i) => taken.some((y, j) => i !== j && [...x].some((a) => [...y].some((b) => a !== b))));
    });
    for (const d of covering) matched.add(d.id);
    (covering.length ? result.found : result.missed).push(topic.id);
  }
  return { ...result, falseAlarms: list.filter((d) => !matched.has(d.id)) };
}

function report(title: string, m: ReturnType<typeof measure>): void {
  console.log(
    [
      `${title}: ${m.found.length} of ${m.found.length + m.missed.length} curated disagreements found (missed: ${m.missed.join(', ') || 'none'}); ${m.falseAlarms.length} false alarm(s)`,
      ...m.falseAlarms.map(
        (d) => `  false alarm ${d.id}: ${d.summary} ${d.positions.map((p) => `[${p.label}]`).join(' ')}`,
      ),
    ].join('\n'),
  );
}

describe('measured on the seed pack with its curated disagreements set aside', () => {
  const curated = loadPack('knowledge');
  // Facts name their topics, so the topics stay; only their disagreements go.
  const withoutDisagreements = stringify({
    topics: [...curated.topics.values()].map(({ disagreement: _set_aside, ...topic }) => topic),
  });

  it('finds at least 8 of the 10 from the facts and the passages, with few false alarms', () => {
    const copy = copyPack('knowledge');
    try {
      copy.write('topics.yaml', withoutDisagreements);
      const pack = loadPack(copy.dir);
      expect([...pack.topics.values()].some((t) => t.disagreement)).toBe(false);
      const m = measure(curated, pack);
      report('facts and passages', m);
      expect(m.found.length + m.missed.length).toBe(10);
      expect(m.found.length).toBeGreaterThanOrEqual(8);
      expect(m.falseAlarms.length).toBeLessThanOrEqual(3);
    } finally {
      copy.remove();
    }
  });

  it('finds most of them from the passages alone, with facts/ and topics.yaml moved away', () => {
    const copy = copyPack('knowledge');
    try {
      rmSync(join(copy.dir, 'facts'), { recursive: true });
      rmSync(join(copy.dir, 'topics.yaml'));
      const pack = loadPack(copy.dir);
      expect(pack.facts).toEqual([]);
      const m = measure(curated, pack);
      report('passages only', m);
      expect(m.found.length).toBeGreaterThanOrEqual(5);
      expect(m.falseAlarms.length).toBeLessThanOrEqual(3);
    } finally {
      copy.remove();
    }
  });
});

describe('npm run knowledge:disagreements', () => {
  const cli = 'src/moderation/disagreements-cli.ts';

  it('lists each found disagreement with its sides, their quotes, and YAML that confirms it as a topic', async () => {
    const copy = copyPack('knowledge');
    try {
      copy.write(
        'topics.yaml',
        stringify({
          topics: [...loadPack('knowledge').topics.values()].map(({ disagreement: _set_aside, ...topic }) => topic),
        }),
      );
      const { code, stdout } = await runEntry(cli, ['--pack', copy.dir, '--json']);
      expect(code).toBe(0);
      const listed = JSON.parse(stdout) as {
        found: (FoundDisagreement & { snippet: { topicId: string; topic: string; facts: string } })[];
      };
      expect(listed.found.length).toBeGreaterThan(0);
      // Confirming every one as pasted gives a pack that loads, with each as a curated topic.
      const topics = parse(readFileSync(join(copy.dir, 'topics.yaml'), 'utf8')) as { topics: unknown[] };
      const facts = listed.found.flatMap((d) => (d.snippet.facts ? (parse(d.snippet.facts) as unknown[]) : []));
      topics.topics.push(...listed.found.flatMap((d) => parse(d.snippet.topic) as unknown[]));
      copy.write('topics.yaml', stringify(topics));
      copy.write('facts/found.yaml', stringify({ facts }));
      const confirmed = loadPack(copy.dir);
      for (const d of listed.found) {
        const topic = confirmed.topics.get(d.snippet.topicId)!;
        expect(topic.disagreement!.positions).toHaveLength(d.positions.length);
        for (const p of d.positions)
          for (const u of p.units as unknown as { quote: string }[]) expect(u.quote.length).toBeGreaterThan(0);
      }
      const text = await runEntry(cli, ['--pack', copy.dir]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^\d+ disagreement\(s\) found in /);
      expect(text.stdout).toContain('To confirm it, add to topics.yaml');
    } finally {
      copy.remove();
      const cache = foundCachePath(copy.dir);
      if (cache) rmSync(cache, { force: true });
    }
  });

  it.each([
    [
      'a pack that is not there',
      ['--pack', join(tmpdir(), 'crosscheck-no-such-pack')],
      /knowledge directory does not exist/,
    ],
    ['an option it does not know', ['--pak', 'knowledge'], /Unknown option '--pak'/],
  ])('says in one line what is wrong with %s', async (_what, args, message) => {
    const { code, stdout, stderr } = await runEntry(cli, args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^knowledge:disagreements: /);
    expect(stderr).toMatch(message);
  });
});
