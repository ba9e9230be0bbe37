/** renderDiscord without a network: layout, Discord's limits, and mention and markdown safety. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, totalSize } from '../../../adapters/discord/limits.js';
import type { DiscordEmbed } from '../../../adapters/discord/payload.js';
import { expectWithinLimits, RAW_MENTION } from './expectations.js';
import { escapeDiscord, shorten } from '../../../adapters/discord/markdown.js';
import { ANSWER_COLOR, NO_ANSWER_COLOR, renderDiscord, VERDICT_COLOR } from '../../../adapters/discord/render.js';
import { EPHEMERAL } from '../../../adapters/discord/payload.js';
import { communityNote } from '../../../adapters/shared/describe.js';
import { parseId } from '../../../adapters/shared/moderation/ids.js';
import type { MessageReply as Reply } from '../../../adapters/pipeline/reply.js';
import { commandReplies } from '../../helpers/replies.js';
import type { Engine } from '../../../src/core/engine.js';
import type { Answer, Citation, SourceSummary, Verdict, VerdictLabel } from '../../../src/core/model.js';
import { loadEngine } from './harness.js';

// ---- synthetic answers, independent of the knowledge pack ----

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');

function citation(n: number, quoteLength = 120): Citation {
  return {
    n,
    fact: `fact-${n}`,
    statement: `Statement ${n} ${words(8, 's')}.`,
    quote: `Q${n}: ${'q'.repeat(Math.max(0, quoteLength - 4))}`.slice(0, quoteLength),
    kind: n % 4 === 0 ? 'forum_claim' : 'report',
    topic: 'topic',
    source: {
      document: 'doc',
      title: `Title ${n}`,
      author: `Author ${n}`,
      publisher: 'Publisher',
      date: '2015-09-27',
      kind: 'article',
      post: n % 4 === 0 ? n : null,
    },
  };
}

function answer(
  count: number,
  options: { quoteLength?: number; sentenceLength?: number; disputed?: number[]; query?: string } = {},
): Answer {
  const citations = Array.from({ length: count }, (_, i) => citation(i + 1, options.quoteLength));
  const sentences = citations.map((c) => ({
    text: `Sentence ${c.n} ${'w'.repeat(options.sentenceLength ?? 60)}.`,
    citation: c.n,
  }));
  const disagreements = options.disputed
    ? [
        {
          topic: 'topic',
          summary: 'Sources disagree on when it happened.',
          positions: options.disputed.map((n) => ({ label: `Position of ${n}`, citations: [n] })),
        },
      ]
    : [];
  return {
    query: options.query ?? 'a question',
    status: 'answered',
    text: sentences.map((s) => `${s.text} [${s.citation}]`).join(' '),
    sentences,
    citations,
    disagreements,
  };
}

function verdict(label: VerdictLabel, count: number, quoteLength = 120): Verdict {
  const citations = Array.from({ length: count }, (_, i) => citation(i + 1, quoteLength));
  return {
    claim: `A claim that is ${label}`,
    verdict: label,
    reason: `Because of the sources [1].`,
    citations,
    disagreements: [],
  };
}

const markersIn = (text: string) => new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
const fieldMarker = (name: string) => Number(/^\[(\d+)\]/.exec(name)?.[1]);
const citationFields = (e: DiscordEmbed) => e.fields.filter((f) => /^\[\d+\]/.test(f.name));

describe('renderDiscord layout', () => {
  it('renders an answer as one embed: the question, sentences with [n], a ⚠ part and a field per source', () => {
    const a = answer(3, { disputed: [2, 3] });
    const payload = renderDiscord({ kind: 'answer', answer: a });
    expectWithinLimits(payload);
    expect(payload.flags).toBeUndefined();
    expect(payload.embeds).toHaveLength(1);
    const [e] = payload.embeds as [DiscordEmbed];
    expect(e.title).toBe('a question');
    expect(e.color).toBe(ANSWER_COLOR);
    expect(markersIn(e.description!)).toEqual(new Set([1, 2, 3]));
    const warning = e.fields.find((f) => f.name.includes('⚠') && /Sources disagree/.test(f.name))!;
    expect(warning.value).toMatch(/Position of 2 \[2\]/);
    expect(warning.value).toMatch(/Position of 3 \[3\]/);
    const sources = citationFields(e);
    expect(sources.map((f) => fieldMarker(f.name))).toEqual([1, 2, 3]);
    for (const [i, f] of sources.entries()) {
      const c = a.citations[i]!;
      // Title, author and date in the name, the post number for forum posts, the verbatim quote in the value.
      expect(f.name).toContain(c.source.title);
      expect(f.name).toContain(c.source.author!);
      expect(f.name).toContain(c.source.date!);
      if (c.source.post !== null) expect(f.name).toContain(`post ${c.source.post}`);
      expect(f.value).toContain(c.quote);
    }
  });

  it('gives each verdict its colour, a one-line reason, and the evidence with statement and quote', () => {
    for (const label of ['supported', 'contradicted', 'disputed', 'unverified'] as const) {
      const v = verdict(label, 2);
      const payload = renderDiscord({ kind: 'verdict', verdict: v });
      expectWithinLimits(payload);
      const [e] = payload.embeds as [DiscordEmbed];
      expect(e.color).toBe(VERDICT_COLOR[label]);
      expect(e.title).toContain(v.claim);
      expect(e.description).not.toContain('\n');
      expect(citationFields(e)).toHaveLength(2);
      expect(e.fields[0]!.value).toContain(v.citations[0]!.statement);
    }
    expect(new Set(Object.values(VERDICT_COLOR)).size).toBe(4);
  });

  it('says no-answer plainly, in grey, with no sources', () => {
    const a: Answer = {
      query: 'capital of France',
      status: 'no_answer',
      text: "I don't have a sourced answer to that.",
      sentences: [],
      citations: [],
      disagreements: [],
    };
    const [e] = renderDiscord({ kind: 'answer', answer: a }).embeds as [DiscordEmbed];
    expect(e.color).toBe(NO_ANSWER_COLOR);
    expect(e.fields).toEqual([]);
  });

  it('renders notices as plain content, ephemeral only when asked', () => {
    const reply: Reply = { kind: 'notice', text: 'Please wait.' };
    expect(renderDiscord(reply)).toEqual({ content: 'Please wait.', embeds: [], allowed_mentions: { parse: [] } });
    expect(renderDiscord(reply, { ephemeral: true }).flags).toBe(EPHEMERAL);
    expect(EPHEMERAL).toBe(64);
  });
});

describe('renderDiscord feedback and community marks', () => {
  it('adds one row of Helpful / Not helpful buttons carrying the record id, outside the embed limits', () => {
    const reply: Reply = { kind: 'answer', answer: answer(60, { quoteLength: 900, sentenceLength: 300 }) };
    const payload = renderDiscord(reply, { feedback: 7 });
    expectWithinLimits(payload);
    expect(payload.embeds).toEqual(renderDiscord(reply).embeds);
    expect(payload.components).toHaveLength(1);
    expect(payload.components![0]!.components.map((b) => parseId(b.custom_id))).toEqual([
      { kind: 'vote', record: 7, helpful: true },
      { kind: 'vote', record: 7, helpful: false },
    ]);
    for (const b of payload.components![0]!.components) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    expect(renderDiscord(reply).components).toBeUndefined();
  });

  it('says a citation is community-added, with approver and date, where a long title cannot cut it off', () => {
    const c: Citation = {
      ...citation(1),
      source: { ...citation(1).source, title: 'T'.repeat(250) },
      community: { approvedBy: 'Mo', approvedAt: '2025-03-04T05:06:07.000Z' },
    };
    const a = answer(1);
    const [e] = renderDiscord({ kind: 'answer', answer: { ...a, citations: [c] } }).embeds as [DiscordEmbed];
    const field = citationFields(e)[0]!;
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field.value).toContain(escapeDiscord(communityNote(c)!));
  });
});

describe('renderDiscord limits', () => {
  it('fits a huge answer by dropping the lowest-ranked citations whole, keeping both sides of a disagreement', () => {
    const a = answer(60, { quoteLength: 900, sentenceLength: 300, disputed: [59, 60] });
    const payload = renderDiscord({ kind: 'answer', answer: a });
    expectWithinLimits(payload);
    const [e] = payload.embeds as [DiscordEmbed];
    const kept = citationFields(e).map((f) => fieldMarker(f.name));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(60);
    expect(kept).toEqual(expect.arrayContaining([59, 60]));
    // The best-ranked citations are the ones kept, besides the protected ones.
    const unprotected = kept.filter((n) => n < 59);
    expect(unprotected).toEqual(unprotected.map((_, i) => i + 1));
    // Nothing is cut: every kept source shows its whole quote; every marker in the text has its source.
    for (const f of citationFields(e)) expect(f.value).toContain(a.citations[fieldMarker(f.name) - 1]!.quote);
    for (const n of markersIn(e.description!)) expect(kept).toContain(n);
    expect(
      e.fields.some((f) => /Sources disagree/.test(f.name) && f.value.includes('[59]') && f.value.includes('[60]')),
    ).toBe(true);
  });

  it('keeps at most 25 fields when there are many short citations', () => {
    const payload = renderDiscord({ kind: 'answer', answer: answer(40, { quoteLength: 20, sentenceLength: 5 }) });
    expectWithinLimits(payload);
    expect(payload.embeds[0]!.fields).toHaveLength(25);
  });

  it('shortens a 4000-character question in the title and still answers within the limits', () => {
    const a = answer(3, { query: 'why '.repeat(1000) });
    const payload = renderDiscord({ kind: 'answer', answer: a });
    expectWithinLimits(payload);
    expect(payload.embeds[0]!.title!.length).toBe(LIMITS.title);
    expect(payload.embeds[0]!.title!.endsWith('…')).toBe(true);
  });

  it('stays within limits even when a single quote is longer than a field may be', () => {
    const a = answer(1, { quoteLength: 5000, sentenceLength: 5000 });
    expectWithinLimits(renderDiscord({ kind: 'answer', answer: a }));
  });

  it('shares the 6000 characters between up to five verdicts, leaving short ones whole', () => {
    const verdicts = [
      verdict('supported', 20, 900),
      verdict('unverified', 0),
      verdict('contradicted', 20, 900),
      verdict('disputed', 20, 900),
      verdict('unverified', 0),
    ];
    const payload = renderDiscord({ kind: 'verdicts', verdicts, claim: 'x' });
    expectWithinLimits(payload);
    expect(payload.embeds).toHaveLength(5);
    expect(payload.embeds.map((e) => e.color)).toEqual(verdicts.map((v) => VERDICT_COLOR[v.verdict]));
    for (const e of payload.embeds.filter((e) => e.color !== VERDICT_COLOR.unverified))
      expect(citationFields(e).length).toBeGreaterThan(0);
    // The budget the short ones did not need went to the others.
    expect(totalSize(payload.embeds)).toBeGreaterThan(LIMITS.total - 1000);
  });

  it('lists hundreds of documents within the description limit, saying how many more there are', () => {
    const source = (i: number): SourceSummary => ({
      document: `doc${i}`,
      title: `Document ${i} ${'t'.repeat(40)}`,
      author: 'A',
      publisher: 'P',
      date: '2019-01-01',
      kind: 'analysis',
      reliability: 'r',
      facts: i,
      posts: [],
    });
    const many = Array.from({ length: 300 }, (_, i) => source(i));
    const payload = renderDiscord({ kind: 'sources', sources: many });
    expectWithinLimits(payload);
    expect(payload.embeds[0]!.description).toMatch(/…and \d+ more\.$/);
    const posts = Array.from({ length: 300 }, (_, n) => ({
      n,
      author: `member${n}`,
      poster: `member${n}`,
      kind: 'opinion',
      facts: 1,
    }));
    const detail = renderDiscord({ kind: 'source', source: { ...source(1), posts } });
    expectWithinLimits(detail);
    expect(detail.embeds[0]!.fields.find((f) => f.name === 'Posts')!.value).toMatch(/…and \d+ more\.$/);
  });
});

describe('renderDiscord safety', () => {
  const hostile =
    '@everyone @here <@&123> <@456> <@!789> <#111> **bold** __under__ ||spoiler|| `code` [click](https://evil.example) # heading';

  it('escapes user text: no mention survives and markdown shows as typed', () => {
    const a: Answer = { ...answer(1), query: hostile };
    const v: Verdict = { ...verdict('unverified', 0), claim: hostile };
    for (const payload of [
      renderDiscord({ kind: 'answer', answer: a }),
      renderDiscord({ kind: 'verdict', verdict: v }),
      renderDiscord({ kind: 'verdicts', verdicts: [v], claim: hostile }),
      renderDiscord({ kind: 'notice', text: hostile }),
    ]) {
      expect(payload.allowed_mentions).toEqual({ parse: [] });
      const shown = JSON.stringify([payload.content, payload.embeds]);
      expect(shown).not.toMatch(RAW_MENTION);
      expect(shown).not.toContain('**bold**');
      expect(shown).not.toContain('](https://');
      expect(shown).not.toContain('||spoiler||');
    }
  });

  it('escapeDiscord leaves no mention in any text, and shorten never exceeds its limit or leaves a dangling escape', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('@', 'everyone', 'here', '<', '>', '#', '&', '!', '1', '2', ' ', '*', '\\', 'a'),
        }),
        fc.integer({ min: 2, max: 300 }),
        (text, max) => {
          const escaped = escapeDiscord(text);
          expect(escaped).not.toMatch(RAW_MENTION);
          const short = shorten(escaped, max);
          expect(short.length).toBeLessThanOrEqual(max);
          expect((/\\*…$/.exec(short)?.[0].length ?? 1) % 2).toBe(1);
        },
      ),
    );
  });
});

describe('renderDiscord on the knowledge pack', () => {
  let engine: Engine;
  let reply: Awaited<ReturnType<typeof commandReplies>>;
  beforeAll(async () => {
    engine = loadEngine();
    reply = await commandReplies(engine);
  });

  it('renders real answers, verdicts and source lists within the limits, citing what they say', () => {
    const replies: Reply[] = [
      ...[
        'when did russia lift the arms embargo',
        'su-35 talks',
        'Karachi Lahore gas pipeline cost',
        'what is the capital of France',
      ].map((q) => reply('ask', q)),
      reply('check', 'Russia lifted its arms embargo on Pakistan in 2014'),
      reply('sources', ''),
      ...engine.sources().map((s) => reply('sources', s.document)),
      reply(
        'Check claims',
        'Russia lifted its arms embargo on Pakistan in 2014. The Karachi Lahore gas pipeline cost 2 billion dollars. Pakistan bought Su-35 jets.',
      ),
    ];
    for (const reply of replies) {
      const payload = renderDiscord(reply);
      expectWithinLimits(payload);
      if (reply.kind === 'answer' && reply.answer.status === 'answered') {
        const e = payload.embeds[0]!;
        expect(citationFields(e).length).toBeGreaterThan(0);
        for (const n of markersIn(e.description!))
          expect(citationFields(e).map((f) => fieldMarker(f.name))).toContain(n);
      }
    }
    expect(replies.some((r) => r.kind === 'answer' && r.answer.status === 'answered')).toBe(true);
  });
});
