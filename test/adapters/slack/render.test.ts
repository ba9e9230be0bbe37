/** renderSlack is pure: Reply in, Block Kit payload out, no network. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communityNote, VERDICT_LABEL } from '../../../adapters/shared/describe.js';
import { parseId } from '../../../adapters/shared/moderation/ids.js';
import type { MessageReply as Reply } from '../../../adapters/pipeline/reply.js';
import { commandReplies } from '../../helpers/replies.js';
import {
  clampText,
  escapeSlack,
  MAX_BLOCKS,
  MAX_TEXT,
  renderSlack,
  type SlackMessage,
} from '../../../adapters/slack/render.js';
import type { Answer, Citation, SourceSummary, Verdict } from '../../../src/core/model.js';
import { blocksOf, citationBlocks, expectNoLiveMentions, expectWithinSlackLimits, knowledge, strings } from './bot.js';

function citation(n: number, over: Partial<Citation> = {}): Citation {
  return {
    n,
    fact: `fact-${n}`,
    statement: `Statement number ${n}.`,
    quote: `quoted words ${n}`,
    kind: 'report',
    topic: 'topic-a',
    source: {
      document: `doc-${n}`,
      title: `Title ${n}`,
      author: `Author ${n}`,
      publisher: 'Publisher',
      date: '2015-09-27',
      kind: 'article',
      post: n % 2 ? n : null,
    },
    ...over,
  };
}

function answer(count: number, over: Partial<Answer> = {}): Answer {
  const citations = Array.from({ length: count }, (_, i) => citation(i + 1));
  const sentences = citations.map((c) => ({ text: c.statement, citation: c.n }));
  return {
    query: 'a question',
    status: 'answered',
    text: sentences.map((s) => `${s.text} [${s.citation}]`).join(' '),
    sentences,
    citations,
    disagreements: [],
    ...over,
  };
}

function verdict(count: number, over: Partial<Verdict> = {}): Verdict {
  return {
    claim: 'a claim',
    verdict: 'contradicted',
    reason: 'Contradicted: sources give 2015, not 2010 [1].',
    citations: Array.from({ length: count }, (_, i) => citation(i + 1)),
    disagreements: [],
    ...over,
  };
}

const sectionTexts = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const contextTexts = (m: SlackMessage) =>
  m.blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => e.text) : []));

describe('answers', () => {
  it('puts the cited sentences in a section and one context block per citation, for real answers', () => {
    const engine = knowledge();
    for (const q of ['when did russia lift the arms embargo', 'su-35 talks', 'Karachi Lahore gas pipeline cost']) {
      const a = engine.ask(q);
      expect(a.status).toBe('answered');
      const m = renderSlack({ kind: 'answer', answer: a });
      expectWithinSlackLimits(m);
      const first = blocksOf(m)[0]!;
      expect(first.type).toBe('section');
      for (const s of a.sentences) expect(first.text!.text).toContain(`[${s.citation}]`);
      expect(citationBlocks(m)).toHaveLength(a.citations.length);
      for (const c of a.citations) {
        const ctx = citationBlocks(m).find((b) => b.elements![0]!.text.startsWith(`*[${c.n}]*`))!.elements![0]!.text;
        for (const piece of [c.source.title, c.source.author, c.source.date].filter((p): p is string => !!p))
          expect(ctx).toContain(escapeSlack(piece));
        if (c.source.post !== null) expect(ctx).toContain(`post ${c.source.post}`);
      }
      expect(m.text).toContain('[1]');
    }
  });

  it('says "no answer" in one section with no citations', () => {
    const a = knowledge().ask('what is the capital of France');
    expect(a.status).toBe('no_answer');
    const m = renderSlack({ kind: 'answer', answer: a });
    expect(m.blocks).toHaveLength(1);
    expect(m.text).toBe(escapeSlack(a.text));
  });

  it('shows every side of a disagreement, marked ⚠, with its citations', () => {
    const a = answer(4, {
      disagreements: [
        {
          topic: 't',
          summary: 'Sources differ on when the embargo ended.',
          positions: [
            { label: 'It ended in 2014', citations: [1, 3] },
            { label: 'It ended in 2015', citations: [2] },
          ],
        },
      ],
    });
    const m = renderSlack({ kind: 'answer', answer: a });
    const warning = sectionTexts(m).find((t) => t.startsWith('⚠️ *Sources disagree:*'))!;
    expect(warning).toContain('Sources differ on when the embargo ended.');
    expect(warning).toContain('• It ended in 2014 [1] [3]');
    expect(warning).toContain('• It ended in 2015 [2]');
    // The warning comes right after the answer, before the citations.
    expect(m.blocks[1]).toMatchObject({ type: 'section' });
  });

  it('says what kind of statement each citation is (opinion, proposal, forum claim)', () => {
    const a = answer(3);
    a.citations[0]!.kind = 'opinion';
    a.citations[1]!.kind = 'forum_claim';
    const contexts = contextTexts(renderSlack({ kind: 'answer', answer: a }));
    expect(contexts[0]).toContain('_(opinion)_');
    expect(contexts[1]).toContain('_(unverified forum claim)_');
    expect(contexts[2]).toContain('_(reported)_');
  });
});

describe('verdicts', () => {
  it('leads with the verdict emoji, the claim and a one-line reason', () => {
    for (const label of Object.keys(VERDICT_LABEL) as Verdict['verdict'][]) {
      const m = renderSlack({ kind: 'verdict', verdict: verdict(2, { verdict: label }) });
      const head = sectionTexts(m)[0]!;
      expect(head.startsWith(`${VERDICT_LABEL[label].emoji} *${VERDICT_LABEL[label].title}:*`)).toBe(true);
      expect(head.split('\n')).toEqual([
        expect.stringContaining('a claim'),
        'Contradicted: sources give 2015, not 2010 [1].',
      ]);
      expect(contextTexts(m)[0]).toContain('Statement number 1.');
      expect(m.text.startsWith(VERDICT_LABEL[label].emoji)).toBe(true);
    }
  });

  it('renders a real verdict from the core', () => {
    const v = knowledge().check('Russia lifted its arms embargo on Pakistan in 2010');
    const m = renderSlack({ kind: 'verdict', verdict: v });
    expectWithinSlackLimits(m);
    expect(citationBlocks(m)).toHaveLength(v.citations.length);
  });

  it('fits five verdicts with many citations into 50 blocks, keeping every verdict', () => {
    const verdicts = Array.from({ length: 5 }, (_, i) => verdict(30, { claim: `claim ${i}` }));
    const m = renderSlack({ kind: 'verdicts', verdicts, claim: 'whole message' });
    expectWithinSlackLimits(m);
    for (let i = 0; i < 5; i++) expect(sectionTexts(m).some((t) => t.includes(`claim ${i}`))).toBe(true);
    expect(m.text.split('\n')).toHaveLength(5);
  });
});

describe('feedback buttons', () => {
  it('end an answer or verdict with Helpful / Not helpful carrying the record id, still within 50 blocks', () => {
    const a = answer(80, {
      disagreements: [
        {
          topic: 't',
          summary: 's',
          positions: [
            { label: 'x', citations: [70] },
            { label: 'y', citations: [75] },
          ],
        },
      ],
    });
    const verdicts = Array.from({ length: 5 }, (_, i) => verdict(30, { claim: `claim ${i}` }));
    for (const reply of [
      { kind: 'answer', answer: a },
      { kind: 'verdict', verdict: verdict(80) },
      { kind: 'verdicts', verdicts, claim: 'm' },
    ] as Reply[]) {
      const m = renderSlack(reply, { feedback: 42 });
      expectWithinSlackLimits(m);
      const last = m.blocks[m.blocks.length - 1]!;
      expect(last.type).toBe('actions');
      if (last.type !== 'actions') return;
      expect(last.elements.map((e) => parseId(e.action_id ?? ''))).toEqual([
        { kind: 'vote', record: 42, helpful: true },
        { kind: 'vote', record: 42, helpful: false },
      ]);
      expect(renderSlack(reply).blocks.some((b) => b.type === 'actions')).toBe(false);
    }
  });

  it('marks a community-added citation with who approved it and when', () => {
    const c = citation(1, { community: { approvedBy: 'Mo <!here>', approvedAt: '2025-03-04T05:06:07.000Z' } });
    const m = renderSlack({ kind: 'answer', answer: answer(1, { citations: [c] }) });
    expect(contextTexts(m)[0]).toContain(escapeSlack(communityNote(c)!));
    expectNoLiveMentions(m);
  });
});

describe('limits', () => {
  it('drops the lowest-ranked citations whole to stay within 50 blocks, never a disagreement’s', () => {
    const a = answer(80, {
      disagreements: [
        {
          topic: 't',
          summary: 's',
          positions: [
            { label: 'x', citations: [70] },
            { label: 'y', citations: [75] },
          ],
        },
      ],
    });
    const m = renderSlack({ kind: 'answer', answer: a });
    expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    const kept = contextTexts(m).map((t) => Number(/^\*\[(\d+)\]\*/.exec(t)![1]));
    expect(kept).toContain(70);
    expect(kept).toContain(75);
    expect(kept).toContain(1);
    // Each kept citation keeps its sentence, and no dropped one leaves a marker behind.
    const sentences = sectionTexts(m)[0]!;
    for (const n of kept) expect(sentences).toContain(`[${n}]`);
    expect(sentences).not.toContain('[60]');
  });

  it('keeps every text within 3000 characters, cutting only as a last resort', () => {
    const long = '<&>'.repeat(3000);
    const a = answer(3, {});
    a.sentences[0]!.text = long;
    a.citations[1]!.quote = long;
    const m = renderSlack({ kind: 'answer', answer: a });
    expectWithinSlackLimits(m);
    for (const t of strings(m)) expect(t).not.toMatch(/&[a-z]{0,3}…$/);
  });

  it('clampText never splits an entity', () => {
    for (let max = 2; max < 40; max++) {
      const out = clampText(escapeSlack('a<b>&c'.repeat(10)), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
  });

  it('lists many sources in at most 50 blocks and says how many more there are', () => {
    const sources: SourceSummary[] = Array.from({ length: 2000 }, (_, i) => ({
      document: `doc-${i}`,
      title: `A fairly long document title number ${i} about Russia and Pakistan`,
      author: 'Someone',
      publisher: 'Press',
      date: '2019-01-01',
      kind: 'article',
      reliability: 'ok',
      facts: 3,
      posts: [],
    }));
    const m = renderSlack({ kind: 'sources', sources });
    expectWithinSlackLimits(m);
    expect(sectionTexts(m).at(-1)).toMatch(/^…and \d+ more\.$/);
  });
});

describe('safety', () => {
  const hostile = fc
    .array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          '<!channel>',
          '<!here>',
          '<!everyone>',
          '<@U123>',
          '<#C1|general>',
          '<https://evil.example|click>',
          '<mailto:a@b.c>',
          '&',
          '&lt;',
          '@channel',
          '@here',
          '>',
          '<',
        ),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(' '));

  it('escapes every text, so no input can form a mention, broadcast or link', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (a, b, c, d) => {
        const cit = citation(1, {
          statement: a,
          quote: b,
          source: { document: c, title: d, author: a, publisher: b, date: c, kind: d, post: 1 },
        });
        const replies: Reply[] = [
          {
            kind: 'answer',
            answer: {
              query: a,
              status: 'answered',
              text: '',
              sentences: [{ text: b, citation: 1 }],
              citations: [cit],
              disagreements: [{ topic: 't', summary: c, positions: [{ label: d, citations: [1] }] }],
            },
          },
          {
            kind: 'answer',
            answer: { query: a, status: 'no_answer', text: b, sentences: [], citations: [], disagreements: [] },
          },
          {
            kind: 'verdict',
            verdict: { claim: a, verdict: 'disputed', reason: b, citations: [cit], disagreements: [] },
          },
          {
            kind: 'verdicts',
            verdicts: [{ claim: c, verdict: 'supported', reason: d, citations: [cit], disagreements: [] }],
            claim: a,
          },
          {
            kind: 'sources',
            sources: [
              {
                document: a,
                title: b,
                author: c,
                publisher: d,
                date: null,
                kind: a,
                reliability: b,
                facts: 1,
                posts: [],
              },
            ],
          },
          {
            kind: 'source',
            source: {
              document: a,
              title: b,
              author: null,
              publisher: null,
              date: d,
              kind: c,
              reliability: d,
              facts: 1,
              posts: [{ n: 1, author: a, poster: b, kind: c, facts: 1 }],
            },
          },
          { kind: 'notice', text: a + b },
        ];
        for (const reply of replies) {
          const m = renderSlack(reply);
          for (const s of strings(m)) {
            expect(s).not.toMatch(/[<>]/);
            expect(s.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
            expect(s).not.toMatch(/@(channel|here|everyone)/i);
          }
          expectNoLiveMentions(m);
          expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
          for (const b of m.blocks) if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(MAX_TEXT);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('marks all mrkdwn verbatim, so Slack does not auto-link names or parse mentions', () => {
    const m = renderSlack({ kind: 'answer', answer: answer(3) });
    for (const b of m.blocks) {
      const texts = b.type === 'section' ? [b.text] : b.type === 'context' ? b.elements : [];
      for (const t of texts) expect(t).toMatchObject({ type: 'mrkdwn', verbatim: true });
    }
  });

  it('shows the help text with its <placeholders> escaped', async () => {
    const m = renderSlack((await commandReplies(knowledge()))('help', ''));
    expect(sectionTexts(m)[0]).toContain('/ask &lt;question&gt;');
  });

  it('is pure: the same reply gives the same payload and is not changed', () => {
    const a = answer(60);
    const before = structuredClone(a);
    expect(renderSlack({ kind: 'answer', answer: a })).toEqual(renderSlack({ kind: 'answer', answer: a }));
    expect(a).toEqual(before);
  });
});
