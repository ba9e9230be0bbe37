/**
 * The pipeline on its own: the order of its gates (channel mode, who may, cooldown), what
 * each says, who sees the reply, and what is recorded. The platforms' own tests run the same
 * path through discord.js and Bolt.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../adapters/pipeline/registry.js';
import { createPipeline, type Request, serve } from '../../adapters/pipeline/serve.js';
import { cooldownNotice, NOT_AVAILABLE } from '../../adapters/pipeline/texts.js';
import { Cooldown } from '../../adapters/shared/cooldown.js';
import type { ChannelPolicy } from '../../adapters/shared/moderation/channel-policy.js';
import { ModerationDesk, type Person } from '../../adapters/shared/moderation/desk.js';
import { SWITCHED_OFF } from '../../adapters/shared/moderation/texts.js';
import type { Moderation, RecordInput } from '../../src/moderation/index.js';
import { loadEngine } from './discord/harness.js';

const engine = loadEngine();
const registry = await loadRegistry();
const QUESTION = engine.pack.meta.examples!.question;
const CLAIMS = `${engine.pack.meta.examples!.claim}. ${engine.pack.meta.examples!.claim} again.`;

/** A desk over a store of records kept in memory, with every channel set to `policy`. */
function pipelineWith(policy: ChannelPolicy, cooldown = new Cooldown(0)) {
  const records: RecordInput[] = [];
  const moderation = {
    engine,
    record: async (input: RecordInput) => records.push(input),
    channel: () => ({ ...policy, setting: undefined }),
  } as unknown as Moderation;
  const desk = new ModerationDesk(moderation, { platform: 'slack', defaults: policy });
  return { pipeline: createPipeline({ engine, registry, platform: 'slack', desk, cooldown }), records };
}

const ann: Person = { platform: 'slack', userId: 'UANN', name: 'ann' };
const bob: Person = { platform: 'slack', userId: 'UBOB', name: 'bob' };
const asked = (over: Partial<Request>): Request => ({
  command: 'ask',
  text: QUESTION,
  person: ann,
  place: { guild: 'T1', channel: 'C1' },
  ...over,
});

describe('the pipeline', () => {
  it('answers in the open, records the answer for its feedback buttons, and keeps privacy when asked', async () => {
    const { pipeline, records } = pipelineWith({ mode: 'public', cooldownSeconds: 0 });
    const open = await serve(pipeline, asked({}));
    expect(open).toMatchObject({ reply: { kind: 'answer' }, visibility: 'public', feedback: 1 });
    expect(records).toEqual([
      expect.objectContaining({ platform: 'slack', guild: 'T1', channel: 'C1', command: 'ask' }),
    ]);
    expect((await serve(pipeline, asked({ askedPrivately: true }))).visibility).toBe('ephemeral');
    // Notices are only ever the asker's, and are not recorded.
    const empty = await serve(pipeline, asked({ text: ' ' }));
    expect(empty).toMatchObject({ reply: { kind: 'notice' }, visibility: 'ephemeral', feedback: null });
    expect(records).toHaveLength(2);
  });

  it('keeps every reply private in a channel set to ephemeral', async () => {
    const { pipeline } = pipelineWith({ mode: 'ephemeral', cooldownSeconds: 0 });
    expect(await serve(pipeline, asked({}))).toMatchObject({ reply: { kind: 'answer' }, visibility: 'ephemeral' });
  });

  it('where switched off, refuses a command politely, says nothing to a mention, and still serves /crosscheck', async () => {
    const { pipeline, records } = pipelineWith({ mode: 'off', cooldownSeconds: 0 });
    let ran = false;
    const refused = await serve(pipeline, asked({ accepted: async () => (ran = true) }));
    expect(refused).toMatchObject({ reply: { kind: 'notice', text: SWITCHED_OFF }, visibility: 'ephemeral' });
    expect(ran).toBe(false);
    expect((await serve(pipeline, asked({ typed: true, quietWhenOff: true }))).reply).toBeNull();
    expect((await serve(pipeline, asked({ command: 'crosscheck', text: '' }))).reply).toMatchObject({ kind: 'notice' });
    expect(records).toEqual([]);
  });

  it('refuses a moderators’ command to anyone else before it costs them their cooldown', async () => {
    const { pipeline, records } = pipelineWith({ mode: 'public', cooldownSeconds: 30 }, new Cooldown(30));
    const check = (isModerator: boolean, person = ann) =>
      serve(pipeline, asked({ command: 'Check claims', text: CLAIMS, person, isModerator: () => isModerator }));
    const refused = await check(false);
    expect(refused.reply).toMatchObject({ kind: 'notice', text: expect.stringMatching(/^Only .*moderators/) });
    expect(records).toEqual([]);
    expect(await check(true)).toMatchObject({ reply: { kind: 'verdicts' }, visibility: 'public' });
    expect(records.map((r) => r.command)).toEqual(['check_message']);
  });

  it('asks one person who is too fast to wait, while others and commands without a cooldown go ahead', async () => {
    const { pipeline } = pipelineWith({ mode: 'public', cooldownSeconds: 30 }, new Cooldown(30));
    expect((await serve(pipeline, asked({}))).reply?.kind).toBe('answer');
    const again = await serve(pipeline, asked({}));
    expect(again.reply).toMatchObject({ kind: 'notice', text: expect.stringMatching(/wait \d+s/) });
    const wait = Number(/(\d+)s/.exec(again.reply?.kind === 'notice' ? again.reply.text : '')?.[1]);
    expect(again.reply).toMatchObject({ text: cooldownNotice(wait) });
    expect((await serve(pipeline, asked({ person: bob }))).reply?.kind).toBe('answer');
    expect((await serve(pipeline, asked({ command: 'sources', text: '' }))).reply?.kind).toBe('sources');
  });

  it('says which typed command it does not know, and that a registered one is gone', async () => {
    const { pipeline } = pipelineWith({ mode: 'public', cooldownSeconds: 0 });
    const typed = await serve(pipeline, asked({ command: 'frobnicate', typed: true }));
    expect(typed.reply).toMatchObject({ kind: 'notice', text: expect.stringContaining('/frobnicate') });
    expect((await serve(pipeline, asked({ command: 'frobnicate' }))).reply).toMatchObject({ text: NOT_AVAILABLE });
    // Typed lines reach the console's commands only: no moderators' tools from a mention.
    expect((await serve(pipeline, asked({ command: 'crosscheck', typed: true }))).command).toBeUndefined();
  });
});
