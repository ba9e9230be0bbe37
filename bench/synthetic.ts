/**
 * Synthetic knowledge packs for the benchmark: the real pack's facts recombined with other
 * entities, years and figures, grouped into topics of their own, a share of them disputed,
 * and spread over synthetic documents and forum threads. Deterministic from a seed and the
 * base pack, so two runs over the same pack measure the same thing.
 *
 *   const big = syntheticPack(loadPack('knowledge'), 100_000, 42);   // Pack, in memory
 *   writePack(small, 'bench/packs/p1000');                             // optional: as YAML, loadPack-able
 *
 * The result keeps every real fact, topic and document, and adds synthetic ones until it
 * holds `size` facts. Each synthetic fact's quote stands verbatim in its synthetic document
 * (the document's text is its quotes, one a line), so the pack passes the validator too.
 * The synthetic documents' sentences are its passages, beside the base pack's own, as
 * `loadPack` would make them (about 0.75 a fact: a line too short to be a statement, or
 * read as a heading, is none).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { LoadedDocument, Pack } from '../src/knowledge/load.js';
import { buildPassages } from '../src/knowledge/passages.js';
import type { Fact, FactKind, Post, Topic } from '../src/knowledge/schema.js';
import { normalizeForQuote, wordMatcher } from '../src/knowledge/text.js';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same pack. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Skewed towards the head of a list, as names in real text are (a few are everywhere). */
const pickSkewed = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * r() * list.length)]!;
const between = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------
// Vocabulary. Real names of the region first; pseudo-names grow with the pack, so a big
// pack has a big vocabulary (roughly Heaps' law), which is what makes fuzzy search cost.

const PLACES = [
  'Karachi',
  'Lahore',
  'Gwadar',
  'Peshawar',
  'Quetta',
  'Multan',
  'Faisalabad',
  'Rawalpindi',
  'Hyderabad',
  'Sialkot',
  'Kazan',
  'Novosibirsk',
  'Vladivostok',
  'Yekaterinburg',
  'Sochi',
  'Rostov',
  'Murmansk',
  'Samara',
  'Tashkent',
  'Almaty',
  'Astana',
  'Dushanbe',
  'Bishkek',
  'Ashgabat',
  'Tehran',
  'Ankara',
  'Riyadh',
  'Doha',
  'Dhaka',
  'Colombo',
  'Herat',
  'Kandahar',
  'Urumqi',
  'Minsk',
  'Baku',
  'Kashgar',
  'Sevastopol',
  'Orenburg',
  'Chelyabinsk',
  'Abbottabad',
  'Jamshoro',
];
const ORGS = [
  'Gazprom',
  'Rosneft',
  'Rostec',
  'Rosatom',
  'Rosoboronexport',
  'Novatek',
  'Lukoil',
  'Transneft',
  'Inter Services Intelligence',
  'Heavy Industries Taxila',
  'Karachi Shipyard',
  'Pakistan Aeronautical Complex',
  'Kamov',
  'Uralvagonzavod',
  'Almaz-Antey',
  'United Aircraft Corporation',
  'Sui Southern Gas',
  'Pakistan State Oil',
  'Eurasian Development Bank',
  'BRICS',
  'CSTO',
  'Valdai Club',
  'Carnegie Moscow Center',
  'Islamabad Policy Research Institute',
  'Sputnik',
  'Dawn',
  'The Express Tribune',
];
const FIRST_NAMES = [
  'Arif',
  'Saleem',
  'Andrew',
  'Sergei',
  'Ivan',
  'Dmitry',
  'Alexei',
  'Nikolai',
  'Ayesha',
  'Fatima',
  'Imran',
  'Nawaz',
  'Shahid',
  'Tariq',
  'Bilal',
  'Hina',
  'Maria',
  'Olga',
  'Natalia',
  'Vladimir',
  'Yuri',
  'Farhan',
  'Zahid',
  'Khalid',
  'Sana',
  'Mikhail',
  'Anatoly',
  'Asad',
  'Raza',
  'Omar',
  'Elena',
  'Svetlana',
  'Hamid',
  'Junaid',
  'Kamran',
  'Pavel',
  'Boris',
  'Nadia',
  'Irina',
  'Usman',
];
const LAST_NAMES = [
  'Rafiq',
  'Butt',
  'Ivanov',
  'Petrov',
  'Sokolov',
  'Volkov',
  'Kuznetsov',
  'Qureshi',
  'Malik',
  'Hussain',
  'Chaudhry',
  'Siddiqui',
  'Abbasi',
  'Lavrov',
  'Morozov',
  'Popov',
  'Lebedev',
  'Kozlov',
  'Novikov',
  'Mirza',
  'Baig',
  'Jamali',
  'Akhtar',
  'Hashmi',
  'Orlov',
  'Pavlov',
  'Fedorov',
  'Yakovlev',
  'Gillani',
  'Niazi',
  'Durrani',
  'Kasuri',
  'Rehman',
  'Zaidi',
  'Karaganov',
  'Trenin',
];
const CODE_PREFIXES = [
  'Mi',
  'Su',
  'Ka',
  'Yak',
  'Il',
  'An',
  'Tu',
  'MiG',
  'JF',
  'T',
  'S',
  'BMP',
  'Kh',
  'Tor',
  'Buk',
  'BTR',
  'Tigr',
  'R',
];
const CODE_SUFFIXES = ['', '', '', 'M', 'K', 'E', 'SM', 'MS'];
const SYLLABLES = [
  'ka',
  'ra',
  'zan',
  'mir',
  'lo',
  'ta',
  'gor',
  'vo',
  'sha',
  'rin',
  'tul',
  'pesh',
  'al',
  'mar',
  'dan',
  'kov',
  'ze',
  'bek',
  'qa',
  'sim',
  'ner',
  'ist',
  'han',
  'mu',
  'dor',
  'yar',
  'bal',
  'ost',
  'kir',
  'nal',
  'fa',
  'jo',
];
const PLACE_ENDINGS = ['abad', 'grad', 'pur', 'sk', 'kent', 'ino', 'kot', 'garh', 'ovo', 'shahr'];
const SURNAME_ENDINGS = ['ov', 'ev', 'sky', 'in', 'i', 'zai', 'ani', 'ullah', 'enko', 'ski'];
const DOC_KINDS = ['analysis', 'opinion', 'article', 'report', 'overview'] as const;
const PUBLISHERS = [
  'Dawn',
  'The Diplomat',
  'Sputnik',
  'Valdai Club',
  'Global Village Space',
  'South Asian Voices',
  'RIAC',
  'The Nation',
  'TASS',
  'Express Tribune',
  'a personal blog',
  'a think-tank bulletin',
];
const POST_KINDS = ['claim', 'opinion', 'summary', 'question', 'article'] as const;
const AREAS = ['history', 'military', 'energy', 'economy', 'diplomacy', 'assessment'];

/** Words in a capitalised run that name an office or an event, not a person or place. */
const NOT_A_NAME = new Set(
  `According The In On At By For From To Of A An And But This That These Those It Its He She They His Her Their After Before
  President Prime Minister Ministry Chief Chiefs Staff Navy Day Cold War Committee Joint Deputy Defense Defence Ambassador Foreign
  Army Air Force Naval Vice General Organization Organisation Cooperation Council Security Economic Strategic Partnership Soviet
  Union Treaty Friendship Member Members Forum Post Posts Western West East South North Central Asia Asian Ocean Middle Sea
  January February March April May June July August September October November December Spring Summer Autumn Winter`
    .split(/\s+/)
    .filter(Boolean),
);

function syllableWord(r: Random, endings: readonly string[]): string {
  const n = between(r, 1, 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
  w += pick(r, endings);
  return w[0]!.toUpperCase() + w.slice(1);
}

interface Vocabulary {
  places: string[];
  surnames: string[];
  people: string[];
  orgs: string[];
  codes: string[];
  /** Country and capital names of the pack's parties: never swapped, so claims keep their actors. */
  parties: Set<string>;
}

function vocabulary(r: Random, size: number, base: Pack): Vocabulary {
  const denied = wordMatcher(base.meta.denylist);
  const ok = (w: string) => !denied?.test(w);
  // Names grow with the square root of the pack (Heaps' law): about 25,000 new words at 100,000 facts.
  const grow = Math.ceil(40 * Math.sqrt(size));
  const unique = (list: string[]) => [...new Set(list)].filter(ok);
  const places = unique([...PLACES, ...Array.from({ length: grow }, () => syllableWord(r, PLACE_ENDINGS))]);
  const surnames = unique([...LAST_NAMES, ...Array.from({ length: grow }, () => syllableWord(r, SURNAME_ENDINGS))]);
  const people = unique(
    Array.from({ length: grow * 2 }, () => `${pickSkewed(r, FIRST_NAMES)} ${pickSkewed(r, surnames)}`),
  );
  const orgs = unique([
    ...ORGS,
    ...Array.from(
      { length: Math.ceil(grow / 8) },
      () =>
        `${syllableWord(r, ['', 'ex', 'prom', 'tech'])} ${pick(r, ['Group', 'Corporation', 'Institute', 'Holdings', 'Bank'])}`,
    ),
  ]);
  const codes = unique(
    Array.from(
      { length: Math.ceil(grow / 8) },
      () => `${pick(r, CODE_PREFIXES)}-${between(r, 2, 999)}${pick(r, CODE_SUFFIXES)}`,
    ),
  );
  const parties = new Set(
    Object.values(base.meta.parties)
      .flat()
      .map((w) => w.toLowerCase()),
  );
  return { places, surnames, people, orgs, codes, parties };
}

// ---------------------------------------------------------------------------------------
// Templates: each real text split once into literal text and the parts a variant changes.

type Part =
  | { t: 'text'; v: string }
  | { t: 'year'; v: number }
  | { t: 'number'; v: string }
  | { t: 'code'; v: string }
  | { t: 'name'; v: string; kind: 'person' | 'surname' | 'place' };

const PART = new RegExp(
  [
    String.raw`(?<code>\b[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Za-z]{0,2}\b)`,
    String.raw`(?<year>\b(?:1[89]\d\d|20\d\d)(?=s?\b))`,
    String.raw`(?<number>(?<![A-Za-z]-?)(?<![\d.,])\d+(?:[.,]\d+)*(?!\d|st\b|nd\b|rd\b|th\b))`,
    String.raw`(?<name>\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b)`,
  ].join('|'),
  'g',
);

/**
 * `known` are the capitalised runs seen inside a sentence somewhere in the base: a run that
 * opens a sentence ("During", "Critics") is a name only if it is one of those.
 */
function parse(text: string, surnames: ReadonlySet<string>, known: ReadonlySet<string>): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(PART)) {
    const g = m.groups!;
    let part: Part | null = null;
    if (g.code) part = { t: 'code', v: g.code };
    else if (g.year) part = { t: 'year', v: Number(g.year) };
    else if (g.number) part = { t: 'number', v: g.number };
    else if (g.name) {
      const ws = g.name.split(/[ -]/);
      // A name is a run of capitalised words none of which is an office or a common word.
      const opens = /(?:^|[.!?:;]["”)]?\s+|["“(]\s*)$/.test(text.slice(0, m.index!));
      if (!ws.some((w) => NOT_A_NAME.has(w)) && (!opens || known.has(g.name))) {
        const kind = ws.length > 1 ? 'person' : surnames.has(g.name) ? 'surname' : 'place';
        part = { t: 'name', v: g.name, kind };
      }
    }
    if (!part) continue;
    if (m.index! > at) parts.push({ t: 'text', v: text.slice(at, m.index!) });
    parts.push(part);
    at = m.index! + m[0].length;
  }
  if (at < text.length) parts.push({ t: 'text', v: text.slice(at) });
  return parts;
}

interface Template {
  fact: Fact;
  statement: Part[];
  quote: Part[];
  tags: Part[][];
  topicName: Part[];
}

/** What one variant changes: shared names (per topic), and its own years and figures. */
interface Variation {
  names: Map<string, string>;
  yearShift: number;
  scale: number;
}

function render(parts: readonly Part[], v: Variation, vocab: Vocabulary, r: Random): string {
  let out = '';
  for (const p of parts) {
    switch (p.t) {
      case 'text':
        out += p.v;
        break;
      case 'year': {
        const y = p.v + v.yearShift;
        out += String(y >= 1900 && y <= 2035 ? y : p.v);
        break;
      }
      case 'number':
        out += scaleNumber(p.v, v.scale);
        break;
      case 'code':
      case 'name':
        out += substitute(p, v, vocab, r);
        break;
    }
  }
  return out;
}

function substitute(p: Extract<Part, { t: 'code' | 'name' }>, v: Variation, vocab: Vocabulary, r: Random): string {
  const known = v.names.get(p.v);
  if (known !== undefined) return known;
  let to = p.v;
  if (!vocab.parties.has(p.v.toLowerCase()) && r() < 0.6) {
    if (p.t === 'code') to = pickSkewed(r, vocab.codes);
    else if (p.kind === 'person') to = r() < 0.8 ? pickSkewed(r, vocab.people) : pickSkewed(r, vocab.orgs);
    else if (p.kind === 'surname') to = pickSkewed(r, vocab.surnames);
    else to = r() < 0.75 ? pickSkewed(r, vocab.places) : pickSkewed(r, vocab.orgs);
  }
  v.names.set(p.v, to);
  return to;
}

/** Scales "153", "2.5" or "1,000" by `scale`, keeping the way it is written. */
function scaleNumber(text: string, scale: number): string {
  if (scale === 1) return text;
  const commas = /,\d{3}\b/.test(text);
  const plain = commas ? text.replace(/,/g, '') : text.replace(',', '.');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  const n = Number(plain) * scale;
  const s = decimals ? n.toFixed(decimals) : String(Math.max(1, Math.round(n)));
  return commas ? Number(s).toLocaleString('en-US') : s;
}

const shiftDate = (date: string | undefined, shift: number): string | undefined => {
  if (!date) return undefined;
  const y = Number(date.slice(0, 4)) + shift;
  return y >= 1900 && y <= 2035 ? `${y}${date.slice(4)}` : date;
};

const CLAUSES: ((r: Random, w: Vocabulary, year: number) => string)[] = [
  (r, w, y) => ` during talks in ${pickSkewed(r, w.places)} in ${y}`,
  (r, w, y) => `, ${pickSkewed(r, w.people)} told ${pickSkewed(r, w.orgs)} in ${y}`,
  (r, w) => `, as reported by ${pickSkewed(r, w.orgs)}`,
  (r, w) => ` at a meeting in ${pickSkewed(r, w.places)}`,
  (r, w) => `, in a deal also covering the ${pickSkewed(r, w.codes)}`,
  (r) => `, worth about $${between(r, 2, 900)} million`,
  (r, w, y) => ` ahead of the ${y} summit in ${pickSkewed(r, w.places)}`,
  (r, w) => `, ${pickSkewed(r, w.people)} said`,
  (r, w) => ` despite objections from ${pickSkewed(r, w.orgs)}`,
  (r) =>
    `, involving some ${between(r, 2, 60)} ${pick(r, ['officers', 'engineers', 'helicopters', 'companies', 'delegates', 'students'])}`,
];

function contextClause(r: Random, vocab: Vocabulary, year: number): string {
  return pick(r, CLAUSES)(r, vocab, year >= 1900 && year <= 2035 ? year : 2015);
}

/** Puts a clause before a sentence's closing stop. */
function withClause(statement: string, clause: string): string {
  if (!clause) return statement;
  const m = /[.!?]["”)]*$/.exec(statement);
  return m ? `${statement.slice(0, m.index)}${clause}${statement.slice(m.index)}` : `${statement}${clause}.`;
}

const FALLBACK_TEMPLATES: Fact[] = [
  {
    id: 'fallback-deal',
    statement:
      'According to Arif Rafiq (2015), Moscow agreed to sell Islamabad four Mi-35 helicopters for $153 million.',
    quote: 'Moscow agreed to sell Islamabad four Mi-35 helicopters for $153 million',
    source: { document: 'fallback' },
    date: '2015',
    kind: 'report',
    topic: 'fallback',
    tags: ['mi-35', 'arms sales'],
  },
  {
    id: 'fallback-pipeline',
    statement:
      'Saleem Butt (2019) argues that the Karachi–Lahore gas pipeline, worth $2 billion, will be finished by 2020.',
    quote: 'the Karachi-Lahore gas pipeline worth $2 billion will be completed by 2020',
    source: { document: 'fallback' },
    date: '2019',
    kind: 'opinion',
    topic: 'fallback',
    tags: ['gas pipeline', 'energy'],
  },
];

// ---------------------------------------------------------------------------------------

export interface SyntheticStats {
  facts: number;
  topics: number;
  disputed: number;
  documents: number;
}

/**
 * A pack of `size` facts: the base pack plus synthetic facts recombined from its own.
 * Returns the base unchanged (a shallow copy) when it already has `size` facts or more.
 */
export function syntheticPack(base: Pack, size: number, seed = 1): Pack {
  const r = rng(seed ^ Math.imul(size, 0x9e3779b1));
  const vocab = vocabulary(r, size, base);
  const facts: Fact[] = [...base.facts];
  const topics = new Map(base.topics);
  const documents = new Map(base.documents);
  const aliases = base.aliases.map((g) => [...g]);
  const extra = size - base.facts.length;
  if (extra <= 0) return { ...base, facts, topics, documents, aliases };

  // Surnames are the last words of the base's multi-word names ("Korybko" after "Andrew Korybko").
  const surnames = new Set<string>(LAST_NAMES);
  for (const f of base.facts)
    for (const m of f.statement.matchAll(/\b[A-Z][a-z]+ ([A-Z][a-z]+)\b/g)) surnames.add(m[1]!);
  for (const d of base.documents.values()) if (d.author) surnames.add(d.author.split(' ').at(-1)!);
  const known = new Set<string>();
  for (const f of base.facts) {
    for (const text of [f.statement, f.quote]) {
      for (const m of text.matchAll(/(?<=[a-z,;]\s)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*/g)) known.add(m[0]);
    }
  }

  const templateFacts = base.facts.length > 0 ? base.facts : FALLBACK_TEMPLATES;
  const topicName = (id: string) => base.topics.get(id)?.name ?? id.replace(/-/g, ' ');
  const byTopic = new Map<string, Template[]>();
  for (const f of templateFacts) {
    const t: Template = {
      fact: f,
      statement: parse(f.statement, surnames, known),
      quote: parse(f.quote, surnames, known),
      tags: f.tags.map((tag) => parse(tag, surnames, known)),
      topicName: parse(topicName(f.topic), surnames, known),
    };
    const list = byTopic.get(f.topic) ?? [];
    list.push(t);
    byTopic.set(f.topic, list);
  }
  // Topics are drawn in proportion to how many facts they have, as a growing pack would.
  const topicDraw = [...byTopic.keys()].flatMap((k) => Array<string>(byTopic.get(k)!.length).fill(k));

  // Documents: about 40 facts each; one in six is a forum thread with posts.
  const docCount = Math.max(2, Math.ceil(extra / 40));
  const synthDocs: { doc: LoadedDocument; lines: string[]; posts: { post: Post; lines: string[] }[] }[] = [];
  for (let i = 0; i < docCount; i++) {
    const forum = i % 6 === 5 || (docCount < 6 && i === 1);
    const author = forum ? null : pickSkewed(r, vocab.people);
    const year = between(r, 1995, 2024);
    const doc: LoadedDocument = {
      id: `syn_${String(i).padStart(6, '0')}`,
      title: forum
        ? `${pick(r, vocab.places)} and ${pick(r, ['Moscow', 'Islamabad'])}: ${pick(r, ['a new era?', 'discussion', 'what next', 'arms and oil'])} (forum thread)`
        : `${pick(r, ['Russia and Pakistan', 'Moscow and Islamabad', 'The Russia-Pakistan partnership', 'Pakistan and the Kremlin'])}: ${pick(r, ['an assessment', 'a new chapter', 'arms, energy and trade', `the view from ${pick(r, vocab.places)}`, `what changed in ${year}`])}`,
      author,
      publisher: forum ? 'a defence discussion forum' : pick(r, PUBLISHERS),
      date: `${year}-${String(between(r, 1, 12)).padStart(2, '0')}`,
      kind: forum ? 'forum thread' : pick(r, DOC_KINDS),
      reliability: forum
        ? 'Members’ posts: claims and opinions, mostly unsourced.'
        : `A ${pick(r, ['sourced', 'partly sourced', 'partisan', 'well-informed'])} piece; figures unverified.`,
      text: '',
      normalized: '',
    };
    const posts = forum
      ? Array.from({ length: between(r, 3, 9) }, (_, j) => {
          const poster = `${pickSkewed(r, SYLLABLES)}${pickSkewed(r, SYLLABLES)}${between(r, 1, 99)}`;
          return {
            post: { n: j + 1, poster, author: poster, kind: pick(r, POST_KINDS), date: null, lines: '1-1' } as Post,
            lines: [] as string[],
          };
        })
      : [];
    synthDocs.push({ doc, lines: [], posts });
  }
  const docsById = new Map(synthDocs.map((d) => [d.doc.id, d.doc]));
  const forumDocs = synthDocs.filter((d) => d.posts.length > 0);
  const otherDocs = synthDocs.filter((d) => d.posts.length === 0);

  const usedQuotes = new Set(base.facts.map((f) => f.quote));
  let serial = 0;
  let topicSerial = 0;

  const makeFact = (
    tpl: Template,
    v: Variation,
    topicId: string,
    docPool: typeof synthDocs,
    avoid: Set<string>,
  ): Fact => {
    const forumKind = tpl.fact.kind === 'forum_claim';
    let pool = forumKind && forumDocs.length ? forumDocs : docPool.length ? docPool : synthDocs;
    if (avoid.size && pool.length > avoid.size) pool = pool.filter((d) => !avoid.has(d.doc.id));
    const home = pick(r, pool);
    avoid.add(home.doc.id);
    // Most variants also carry a clause of their own (a place, a person, a system, a year):
    // without it, hundreds of variants of one template would read alike.
    const clause =
      r() < 0.75
        ? contextClause(
            r,
            vocab,
            tpl.fact.date ? Number(tpl.fact.date.slice(0, 4)) + v.yearShift : between(r, 1990, 2024),
          )
        : '';
    let quote = render(tpl.quote, v, vocab, r);
    if (quote.length + clause.length <= 300) quote = `${quote.replace(/[.\s]+$/, '')}${clause}`;
    if (quote.length > 300) quote = quote.slice(0, 300).replace(/\s+\S*$/, '');
    // Two facts with the same quote are one fact to the engine; vary the figure instead.
    if (usedQuotes.has(quote)) quote = `${quote} (${between(r, 2, 98)})`.slice(-300);
    usedQuotes.add(quote);
    const id = `${tpl.fact.id.slice(0, 40).replace(/-+$/, '')}-s${serial++}`;
    const fact: Fact = {
      id,
      statement: withClause(render(tpl.statement, v, vocab, r), clause),
      quote,
      source: { document: home.doc.id },
      kind: home.posts.length
        ? 'forum_claim'
        : tpl.fact.kind === 'forum_claim'
          ? 'report'
          : (tpl.fact.kind as FactKind),
      topic: topicId,
      tags: [...new Set(tpl.tags.map((t) => render(t, v, vocab, r)))],
    };
    const date = shiftDate(tpl.fact.date, v.yearShift);
    if (date) fact.date = date;
    if (home.posts.length) {
      const p = pick(r, home.posts);
      fact.source.post = p.post.n;
      p.lines.push(quote);
    } else {
      home.lines.push(quote);
    }
    return fact;
  };

  while (facts.length < size) {
    const baseTopic = pick(r, topicDraw);
    const templates = byTopic.get(baseTopic)!;
    const names = new Map<string, string>();
    const topicShift = between(r, -20, 8);
    const topicV: Variation = { names, yearShift: topicShift, scale: 1 };
    const id = `${baseTopic}-s${topicSerial++}`;
    const name = render(templates[0]!.topicName, topicV, vocab, r);
    const topic: Topic = {
      id,
      name: `${name} (${pickSkewed(r, vocab.places)})`,
      area: base.topics.get(baseTopic)?.area ?? pick(r, AREAS),
    };
    const want = Math.min(size - facts.length, between(r, 6, 18));
    const members: Fact[] = [];
    for (let k = 0; k < want; k++) {
      const v: Variation = {
        names,
        yearShift: topicShift + between(r, -2, 2),
        scale: pick(r, [0.5, 0.75, 1, 1, 1.2, 1.5, 2, 3]),
      };
      members.push(makeFact(pick(r, templates), v, id, otherDocs, new Set()));
    }
    // About three topics in ten are disputed: the same report in other sources, with other
    // years and figures, each source a position.
    const positionsWanted = between(r, 2, 3);
    if (r() < 0.3) {
      const tpl = pick(r, templates);
      const avoid = new Set<string>();
      const sides: Fact[] = [];
      for (let k = 0; k < positionsWanted && facts.length + members.length < size; k++) {
        const v: Variation = { names, yearShift: topicShift + k * between(r, 1, 4), scale: [1, 2.5, 0.4][k]! };
        const f = makeFact(tpl, v, id, otherDocs, avoid);
        sides.push(f);
        members.push(f);
      }
      if (sides.length >= 2) {
        const docOf = (f: Fact) => documents.get(f.source.document) ?? docsById.get(f.source.document);
        const label = (f: Fact) => {
          const figure = /\$?\d[\d.,]*\s*(?:%|million|billion|bn|m\b)?/.exec(f.statement)?.[0]?.trim();
          const who = docOf(f)?.author ?? docOf(f)?.publisher ?? f.source.document;
          return `${figure ? `${figure}, ` : ''}per ${who}`;
        };
        topic.disagreement = {
          summary: `Sources differ on this (${name}): ${sides.map(label).join('; ')}.`,
          positions: sides.map((f) => ({ label: label(f), facts: [f.id] })),
        };
      }
    }
    topics.set(id, topic);
    facts.push(...members);
  }

  // A few synthetic names with a short form, as packs grow aliases for their actors.
  for (const person of vocab.people.slice(0, Math.ceil(vocab.people.length / 20))) {
    const last = person.split(' ').at(-1)!;
    if (!base.aliases.some((g) => g.includes(last.toLowerCase())))
      aliases.push([person.toLowerCase(), `${last.toLowerCase()} report`]);
  }

  // Document texts: one quote a line; a forum post spans its own lines.
  const made: LoadedDocument[] = [];
  for (const d of synthDocs) {
    const lines = [d.doc.title, ...d.lines];
    const posts: Post[] = [];
    for (const p of d.posts) {
      const first = lines.length + 1;
      lines.push(`Post ${p.post.n} by ${p.post.poster}`, ...p.lines);
      posts.push({ ...p.post, lines: `${first}-${lines.length}` });
    }
    d.doc.text = lines.join('\n');
    d.doc.normalized = normalizeForQuote(d.doc.text);
    if (posts.length) d.doc.posts = posts;
    documents.set(d.doc.id, d.doc);
    made.push(d.doc);
  }
  // Passages from the synthetic sources, as loadPack makes them; the base pack's stay as they are.
  const passages = [...base.passages, ...buildPassages(made, { denylist: base.meta.denylist })];
  return { ...base, facts, topics, documents, aliases, passages };
}

/** Counts of what a pack holds, for the benchmark's table. */
export function packStats(pack: Pack): SyntheticStats {
  return {
    facts: pack.facts.length,
    topics: pack.topics.size,
    disputed: [...pack.topics.values()].filter((t) => t.disagreement).length,
    documents: pack.documents.size,
  };
}

/** Writes a pack as a knowledge directory that `loadPack` reads (for inspection, or small packs). */
export function writePack(pack: Pack, dir: string): void {
  mkdirSync(join(dir, 'facts'), { recursive: true });
  mkdirSync(join(dir, 'sources'), { recursive: true });
  writeFileSync(join(dir, 'pack.yaml'), stringify(pack.meta));
  writeFileSync(join(dir, 'aliases.yaml'), stringify({ aliases: pack.aliases }));
  writeFileSync(join(dir, 'topics.yaml'), stringify({ topics: [...pack.topics.values()] }));
  const docs = [...pack.documents.values()].map(({ text: _t, normalized: _n, ...d }) => d);
  writeFileSync(join(dir, 'documents.yaml'), stringify({ documents: docs }));
  for (const d of pack.documents.values()) writeFileSync(join(dir, 'sources', `${d.id}.txt`), d.text);
  const perFile = 5000;
  for (let i = 0; i < pack.facts.length; i += perFile) {
    writeFileSync(
      join(dir, 'facts', `facts-${String(i / perFile).padStart(3, '0')}.yaml`),
      stringify({ facts: pack.facts.slice(i, i + perFile) }),
    );
  }
}
