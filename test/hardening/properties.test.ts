/**
 * Property tests (fast-check): arbitrary Unicode up to 10,000 characters, laced with
 * mentions, links, markup, control and bidi characters, denylisted words and the pack's own
 * vocabulary, goes into the core and out through every renderer. Nothing throws, nothing
 * exceeds a platform limit, nothing pings or links, and nothing denylisted is repeated.
 * The adapter render tests cover short strings; these push the sizes and the engine path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageReply as Reply } from '../../adapters/pipeline/reply.js';
import { Engine } from '../../src/core/engine.js';
import type { Answer, Citation, Disagreement, SourceSummary, Verdict } from '../../src/core/model.js';
import { KNOWLEDGE } from '../adapters/discord/harness.js';
import { commandReplies } from '../helpers/replies.js';
import { denylistMatcher, expectNoDenylisted, expectSafeEverywhere, expectWellFormed } from './safety.js';

const engine = Engine.fromDir(KNOWLEDGE);
const reply = await commandReplies(engine);
const denied = denylistMatcher(engine);
const MAX_INPUT = 10_000;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, so the input stays valid Unicode. */
function upTo(max: number) {
  return (s: string) => (s.length <= max ? s : s.slice(0, /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max));
}

/** Pieces a hostile or careless user brings, and words the pack knows (so answers with citations come out too). */
const PIECES = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!1234>',
  '<@&5678>',
  '<#91011>',
  '</ask:1234>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123ABC>',
  '<#C123|general>',
  '<!subteam^S1|@mods>',
  '<http://evil.example|click here>',
  '<https://evil.example>',
  '[click](https://evil.example)',
  '](',
  '<',
  '>',
  '&',
  '&lt;!channel&gt;',
  '```',
  '```js\n',
  '# heading\n',
  '-# small\n',
  '> quote',
  '**bold**',
  '__u__',
  '||spoiler||',
  '~~x~~',
  '*',
  '_',
  '\\',
  '`',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\x1b[31m',
  '\u009b2J',
  '\t',
  '\r\n',
  '\n',
  '.*+?^${}()|[]',
  '(?<x>a)\\1',
  '?',
  '.',
  '!',
  ';',
  ...engine.pack.meta.denylist,
  'pakistan',
  'Pakistan',
  'PAKISTANI',
  'russia',
  'arms embargo',
  '2014',
  'su-35',
  'Mi-35',
  'steel mills',
  'Druzhba',
  'gas pipeline',
  'not',
  'never',
  'Россия',
  'Пакистан',
  'پاکستان',
  'روس',
  '😀',
  '🇵🇰',
  '👍🏽',
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 500, maxLength: 6000, size: 'max' }) },
);

/**
 * A long text where one word repeats from a random offset, so that every place the bot
 * shortens text (the echo, titles, notices, block texts) sooner or later cuts through it:
 * "Pakistan" cut to "Paki…" would be the bot saying a slur nobody typed.
 */
const cutBait = fc
  .tuple(
    fc.string({ unit: 'grapheme-ascii', maxLength: 3100, size: 'max' }),
    fc.constantFrom('Pakistan', 'pakistanis', 'Mi-35', '😀', '🇵🇰', '&', '<@1>', '@everyone'),
  )
  .map(([pad, word]) =>
    upTo(MAX_INPUT)(`${pad} ${`${word} `.repeat(Math.ceil((MAX_INPUT - pad.length) / (word.length + 1)))}`),
  );

/** Text a user could send: up to 10,000 characters of pieces, of any Unicode at all, or built to be cut. */
const userText = fc.oneof(
  cutBait,
  fc
    .tuple(fc.array(piece, { maxLength: 300, size: 'max' }), fc.constantFrom(' ', '', '\n', '. '))
    .map(([parts, sep]) => upTo(MAX_INPUT)(parts.join(sep))),
  fc.string({ unit: 'binary', maxLength: MAX_INPUT, size: 'max' }).map(upTo(MAX_INPUT)),
  fc.string({ unit: 'grapheme', maxLength: 3000, size: 'max' }).map(upTo(MAX_INPUT)),
);

describe('arbitrary user text through the core and every renderer', () => {
  it('ask never throws, answers or says it has no answer, and echoes the question safely', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const a = engine.ask(text);
        expect(['answered', 'no_answer', 'chat']).toContain(a.status);
        expect(a.query.length).toBeLessThanOrEqual(1000);
        expectNoDenylisted(a, denied);
        expectWellFormed(a);
      }),
      { numRuns: 100 },
    );
  });

  it('check never throws, gives one of the four verdicts, and echoes the claim safely', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const v = engine.check(text);
        expect(['supported', 'contradicted', 'disputed', 'unverified']).toContain(v.verdict);
        expect(v.claim.length).toBeLessThanOrEqual(1000);
        expectNoDenylisted(v, denied);
        expectWellFormed(v);
      }),
      { numRuns: 100 },
    );
  });

  it('/ask, /check, /sources and Check claims render safely on Discord, Slack and the terminal', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const replies: Reply[] = [
          reply('ask', text),
          reply('check', text),
          reply('sources', text),
          reply('Check claims', text),
        ];
        for (const reply of replies) expectSafeEverywhere(reply, { denied, cleanTerminal: true });
      }),
      { numRuns: 80 },
    );
  });

  it('never cuts a word into a denylisted one, wherever a cut falls (every offset, swept)', () => {
    // " Pakistan" repeats every 9 characters, so nine paddings put every cut (notice 80,
    // title 256, echo 1000) at every place in the word, "Paki|stan" and "Pakis|tan" included.
    for (const word of ['Pakistan', 'pakistanis']) {
      for (let pad = 0; pad <= word.length; pad++) {
        const text = upTo(MAX_INPUT)(`${'w'.repeat(pad)}${` ${word}`.repeat(MAX_INPUT)}`);
        for (const command of ['ask', 'check', 'sources'] as const)
          expectSafeEverywhere(reply(command, text), { denied, cleanTerminal: true });
        expectSafeEverywhere(reply('Check claims', text), { denied, cleanTerminal: true });
      }
    }
  });

  it('renders a notice of any text within the limits and without live mentions', () => {
    fc.assert(
      // Notices are the bot's own sentences, never empty; any text may be echoed inside one.
      fc.property(
        userText.filter((t) => t.length > 0),
        (text) => {
          expectSafeEverywhere({ kind: 'notice', text });
          expectSafeEverywhere({ kind: 'help', text });
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---- arbitrary answer models: the renderers must hold the limits whatever the core returns ----

/** Text in the model: never empty, as the pack schema requires of titles, statements, quotes and labels. */
const modelText = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 30 })), {
          minLength: 1,
          maxLength: 60,
        })
        .map((p) => p.join(' ')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3000, size: 'max' }) },
  )
  .filter((t) => t.length > 0);
/** The echo of what a user typed, which may be empty. */
const echoText = fc.oneof(fc.constant(''), modelText);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const citationModel = fc.record({
  statement: modelText,
  quote: modelText,
  kind: fc.constantFrom('report', 'opinion', 'proposal', 'forum_claim' as const),
  title: modelText,
  author: maybe(modelText),
  publisher: maybe(modelText),
  date: maybe(modelText),
  post: maybe(fc.nat({ max: 500 })),
  community: fc.option(
    fc.record({
      approvedBy: modelText,
      approvedAt: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
    }),
    { nil: undefined },
  ),
});

const citationList = fc.array(citationModel, { maxLength: 40 }).map((list): Citation[] =>
  list.map((c, i) => ({
    n: i + 1,
    fact: `f${i}`,
    statement: c.statement,
    quote: c.quote,
    kind: c.kind,
    topic: 't',
    source: {
      document: `d${i}`,
      title: c.title,
      author: c.author,
      publisher: c.publisher,
      date: c.date,
      kind: 'analysis',
      post: c.post,
    },
    ...(c.community ? { community: c.community } : {}),
  })),
);

/** Disagreements whose positions point at some of the citations. */
function disagreementsOver(cs: Citation[]): fc.Arbitrary<Disagreement[]> {
  const markers = cs.map((c) => c.n);
  const position = fc.record({
    label: modelText,
    citations: markers.length
      ? fc.uniqueArray(fc.constantFrom(...markers), { maxLength: 4 })
      : fc.constant<number[]>([]),
  });
  return fc.array(
    fc.record({
      topic: fc.constant('t'),
      summary: modelText,
      positions: fc.array(position, { minLength: 2, maxLength: 4 }),
    }),
    { maxLength: 3 },
  );
}

const answerModel: fc.Arbitrary<Answer> = citationList.chain((cs) =>
  fc
    .record({ query: echoText, no: fc.boolean(), note: modelText, disagreements: disagreementsOver(cs) })
    .map(({ query, no, note, disagreements }) =>
      no || cs.length === 0
        ? { query, status: 'no_answer' as const, text: note, sentences: [], citations: [], disagreements: [] }
        : {
            query,
            status: 'answered' as const,
            text: '',
            sentences: cs.map((c) => ({ text: c.statement, citation: c.n })),
            citations: cs,
            disagreements,
          },
    ),
);

const verdictModel: fc.Arbitrary<Verdict> = citationList.chain((cs) =>
  fc
    .record({
      claim: echoText,
      verdict: fc.constantFrom('supported', 'contradicted', 'disputed', 'unverified' as const),
      reason: modelText,
      disagreements: disagreementsOver(cs),
    })
    .map((v) => ({ ...v, citations: cs })),
);

const sourceModel: fc.Arbitrary<SourceSummary> = fc.record({
  document: modelText,
  title: modelText,
  author: maybe(modelText),
  publisher: maybe(modelText),
  date: maybe(modelText),
  kind: modelText,
  reliability: modelText,
  facts: fc.nat(),
  posts: fc.array(fc.record({ n: fc.nat(), author: modelText, poster: modelText, kind: modelText, facts: fc.nat() }), {
    maxLength: 30,
  }),
});

const replyModel: fc.Arbitrary<Reply> = fc.oneof(
  answerModel.map((answer) => ({ kind: 'answer' as const, answer })),
  verdictModel.map((verdict) => ({ kind: 'verdict' as const, verdict })),
  fc
    .tuple(fc.array(verdictModel, { minLength: 1, maxLength: 5 }), echoText)
    .map(([verdicts, claim]) => ({ kind: 'verdicts' as const, verdicts, claim })),
  fc.array(sourceModel, { maxLength: 60 }).map((sources) => ({ kind: 'sources' as const, sources })),
  sourceModel.map((source) => ({ kind: 'source' as const, source })),
);

describe('arbitrary reply models through every renderer', () => {
  it('stay within every Discord and Slack limit, with no live mention or link, however big', () => {
    fc.assert(
      fc.property(replyModel, (reply) => {
        expectSafeEverywhere(reply);
      }),
      { numRuns: 50 },
    );
  });
});
