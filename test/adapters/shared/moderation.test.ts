/** The shared half of the moderators' tools, without a platform or a store: ids, the /crosscheck text, forms, visibility. */
import { beforeAll, describe, expect, it } from 'vitest';
import { channelPolicy, visibility } from '../../../adapters/shared/moderation/channel-policy.js';
import { parseCrosscheckText } from '../../../adapters/shared/moderation/crosscheck-command.js';
import {
  FORM_LIMITS,
  formErrors,
  PROPOSE_FIELDS,
  proposalFromForm,
  proposeForm,
  reasonForm,
  rejectForm,
} from '../../../adapters/shared/moderation/forms.js';
import { encodeId, parseId, type ActionId } from '../../../adapters/shared/moderation/ids.js';
import { splitLines } from '../../../adapters/shared/moderation/texts.js';
import type { Reply } from '../../../adapters/pipeline/reply.js';
import { Engine } from '../../../src/core/engine.js';
import { validateProposal } from '../../../src/moderation/index.js';

let engine: Engine;
beforeAll(() => {
  engine = Engine.fromDir('knowledge');
});

describe('button and form ids', () => {
  it('round-trip every kind, within Discord’s 100 characters', () => {
    const all: ActionId[] = [
      { kind: 'vote', record: 1, helpful: true },
      { kind: 'vote', record: 999_999_999_999, helpful: false },
      { kind: 'reason', record: 3 },
      { kind: 'propose' },
      { kind: 'approve', proposal: 4 },
      { kind: 'reject', proposal: 5 },
      { kind: 'reject_reason', proposal: 6 },
    ];
    for (const a of all) {
      expect(parseId(encodeId(a))).toEqual(a);
      expect(encodeId(a).length).toBeLessThanOrEqual(100);
    }
  });

  it('refuses ids this bot did not make', () => {
    for (const id of [
      '',
      'check_claims',
      'cc',
      'cc:vote:2:5',
      'cc:vote:1',
      'cc:vote:1:x',
      'cc:approve:',
      'cc:approve:1:2',
      'cc:propose:1',
      'xx:approve:1',
      'cc:nuke:1',
    ])
      expect(parseId(id)).toBeNull();
  });
});

describe('/crosscheck text on Slack', () => {
  it.each([
    ['', { sub: 'help' }],
    ['report', { sub: 'report', days: 7 }],
    ['report 30', { sub: 'report', days: 30 }],
    ['REPORT days:14', { sub: 'report', days: 14 }],
    ['propose', { sub: 'propose' }],
    ['review', { sub: 'review' }],
    ['channel', { sub: 'channel' }],
    ['channel ephemeral 10', { sub: 'channel', mode: 'ephemeral', cooldownSeconds: 10 }],
    ['channel mode:off', { sub: 'channel', mode: 'off' }],
    ['channel cooldown:0s', { sub: 'channel', cooldownSeconds: 0 }],
    ['channel default', { sub: 'channel', mode: null, cooldownSeconds: null }],
    ['channel mode:default cooldown:default', { sub: 'channel', mode: null, cooldownSeconds: null }],
  ])('reads %j', (text, command) => {
    expect(parseCrosscheckText(text)).toEqual(command);
  });

  it.each(['report 0', 'report 9999', 'report soon', 'propose now', 'channel loud', 'channel 99999', 'frobnicate'])(
    'refuses %j, saying what it takes',
    (text) => {
      const c = parseCrosscheckText(text);
      expect(c.sub).toBe('invalid');
      expect(c.sub === 'invalid' && c.problem.length).toBeGreaterThan(0);
    },
  );
});

describe('forms', () => {
  it('keep both platforms’ limits: 5 fields, short titles, labels, hints and placeholders', () => {
    for (const form of [proposeForm(engine), reasonForm(1), rejectForm(123_456)]) {
      expect(form.title.length).toBeLessThanOrEqual(FORM_LIMITS.title);
      expect(form.fields.length).toBeLessThanOrEqual(FORM_LIMITS.fields);
      for (const f of form.fields) {
        expect(f.label.length).toBeLessThanOrEqual(FORM_LIMITS.label);
        expect((f.hint ?? '').length).toBeLessThanOrEqual(FORM_LIMITS.hint);
        expect((f.placeholder ?? '').length).toBeLessThanOrEqual(FORM_LIMITS.placeholder);
      }
    }
    expect(proposeForm(engine).fields.map((f) => f.id)).toEqual(Object.values(PROPOSE_FIELDS));
  });

  it('read a document by the short id /sources shows, with a post; a forum member’s claim becomes a forum claim', () => {
    const thread = engine.sources().find((s) => s.posts.some((p) => p.kind === 'claim'))!;
    const post = thread.posts.find((p) => p.kind === 'claim')!;
    const short = thread.document.split('_')[0]!;
    const { input, problems } = proposalFromForm(
      { statement: ' s ', quote: 'q', topic: 't', [PROPOSE_FIELDS.document]: `${short} post ${post.n}` },
      engine.pack,
    );
    expect(problems).toEqual([]);
    expect(input).toEqual({
      statement: 's',
      quote: 'q',
      topic: 't',
      kind: 'forum_claim',
      source: { document: thread.document, post: String(post.n) },
    });
    expect(proposalFromForm({ [PROPOSE_FIELDS.document]: `${short}#${post.n}` }, engine.pack).input.source).toEqual({
      document: thread.document,
      post: String(post.n),
    });
  });

  it('read a kind named after the topic, and refuse one it does not know', () => {
    const read = (topic: string) => proposalFromForm({ topic, [PROPOSE_FIELDS.newDocument]: 'A title' }, engine.pack);
    expect(read('su-35 opinion').input).toMatchObject({ topic: 'su-35', kind: 'opinion' });
    expect(read('su-35, forum claim').input).toMatchObject({ topic: 'su-35', kind: 'forum_claim' });
    expect(read('su-35').input).not.toHaveProperty('kind');
    expect(read('su-35 rumour').problems).toEqual([{ field: 'kind', message: expect.any(String) }]);
    expect(formErrors(read('su-35 rumour').problems, { topic: 'su-35 rumour' })).toEqual([
      { field: PROPOSE_FIELDS.topic, message: expect.stringMatching(/^kind: /) },
    ]);
  });

  it('read a new document one field per line, in any order, labelled or not', () => {
    const typed = 'https://example.org/a\nA new report\n2024-05\nauthor: Jane Roe';
    expect(proposalFromForm({ [PROPOSE_FIELDS.newDocument]: typed }, engine.pack).input.source).toEqual({
      title: 'A new report',
      author: 'Jane Roe',
      date: '2024-05',
      url: 'https://example.org/a',
    });
    expect(
      proposalFromForm({ [PROPOSE_FIELDS.document]: 'x', [PROPOSE_FIELDS.newDocument]: 'y' }, engine.pack).problems[0],
    ).toEqual({ field: 'source', message: expect.stringMatching(/not both/) });
  });

  it('put each problem the core finds next to its field', () => {
    const values = {
      statement: 'short',
      quote: 'not in any text at all, surely',
      topic: 'nowhere',
      [PROPOSE_FIELDS.document]: engine.sources()[0]!.document,
    };
    const v = validateProposal(engine.pack, proposalFromForm(values, engine.pack).input);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const errors = formErrors(v.problems, values);
    expect([...new Set(errors.map((e) => e.field))].sort()).toEqual(['quote', 'statement', 'topic']);
    const urlProblem = { field: 'source.url', message: 'must be a URL' };
    expect(formErrors([urlProblem], { [PROPOSE_FIELDS.newDocument]: 'T\nnot a url' })).toEqual([
      { field: PROPOSE_FIELDS.newDocument, message: 'source.url: must be a URL' },
    ]);
    expect(formErrors([{ field: 'source', message: 'give a document id' }], {})).toEqual([
      { field: PROPOSE_FIELDS.document, message: 'source: give a document id' },
    ]);
  });
});

describe('who sees a reply', () => {
  const reply: Reply = {
    kind: 'answer',
    answer: { query: 'q', status: 'no_answer', text: '', sentences: [], citations: [], disagreements: [] },
  };

  it('follows the channel, the asker’s choice, and keeps notices private', () => {
    const at = (mode: 'public' | 'ephemeral' | 'off') => ({ mode, cooldownSeconds: 0 });
    expect(visibility(at('public'), { reply })).toBe('public');
    expect(visibility(at('public'), { reply, askedPrivately: true })).toBe('ephemeral');
    expect(visibility(at('public'), { reply: { kind: 'notice', text: 'x' } })).toBe('ephemeral');
    expect(visibility(at('ephemeral'), { reply })).toBe('ephemeral');
    expect(visibility(at('off'), { reply, askedPrivately: true })).toBe('off');
  });

  it('falls back to the adapter’s defaults without a store', () => {
    expect(channelPolicy(undefined, 'slack:T1', 'slack', 'C1', { mode: 'ephemeral', cooldownSeconds: 3 })).toEqual({
      mode: 'ephemeral',
      cooldownSeconds: 3,
    });
  });
});

describe('splitLines', () => {
  it('cuts at line breaks within the limit and loses nothing that fits', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(i % 37)}`).join('\n');
    const pieces = splitLines(text, 500);
    expect(pieces.every((p) => p.length <= 500)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
    expect(splitLines('y'.repeat(50), 10)).toEqual([`${'y'.repeat(9)}…`]);
  });
});
