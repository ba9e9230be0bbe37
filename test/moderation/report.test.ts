/** The moderators' report: grouping by wording, unverified claims, unhelpful facts, counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, groupByWording, jaccard, report, type Report } from '../../src/moderation/index.js';
import type { Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';

describe('groupByWording', () => {
  it('groups questions whose terms overlap by half or more', () => {
    const groups = groupByWording([
      { text: 'when did russia sell helicopters to pakistan', count: 3 },
      { text: 'When did Russia sell the helicopters to Pakistan?', count: 2 },
      { text: 'russia pakistan helicopter sale', count: 1 },
      { text: 'what is the population of karachi', count: 2 },
      { text: 'Karachi population', count: 1 },
      { text: '???', count: 1 },
      { text: '???', count: 1 },
    ]);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['when did russia sell helicopters to pakistan', 6],
      ['what is the population of karachi', 3],
      ['???', 2],
    ]);
    expect(groups[0]!.variants.map((v) => v.text)).toEqual([
      'when did russia sell helicopters to pakistan',
      'When did Russia sell the helicopters to Pakistan?',
      'russia pakistan helicopter sale',
    ]);
  });

  it('keeps different questions apart, and gives the same groups whatever the input order', () => {
    const items = [
      { text: 'gas pipeline karachi lahore', count: 2 },
      { text: 'su-35 fighter sale', count: 2 },
      { text: 'pipeline from karachi', count: 2 },
      { text: 'arms embargo lifted', count: 1 },
    ];
    const a = groupByWording(items);
    const b = groupByWording([...items].reverse());
    expect(a).toEqual(b);
    expect(a.map((g) => g.text)).toEqual(['gas pipeline karachi lahore', 'su-35 fighter sale', 'arms embargo lifted']);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
  });
});

describe.each(backends('report'))('report on $name', (backend) => {
  let store: Store;
  let r: Report;

  beforeAll(async () => {
    store = await backend.open();
    const add = (command: string, text: string, outcome: string, factIds: string[] = [], daysAgo = 0) =>
      store.recordInteraction({
        tenant: 'discord:g1',
        platform: 'discord',
        channel: 'c',
        userId: `u-${text}`,
        command,
        text,
        outcome,
        factIds,
        at: new Date(Date.now() - daysAgo * 86_400_000),
      });
    for (let i = 0; i < 3; i++) await add('ask', 'who built the karachi steel mill', 'no_answer');
    await add('ask', 'Who built the Karachi steel mill?', 'no_answer');
    await add('ask', 'what is the weather', 'no_answer');
    await add('ask', 'an old question nobody asks any more', 'no_answer', [], 30);
    const a1 = await add('ask', 'when was the bridge opened', 'answered', ['bridge-opened', 'bridge-never']);
    const a2 = await add('ask', 'what did critics say', 'answered', ['bridge-vanity']);
    for (let i = 0; i < 2; i++) await add('check', 'the bridge is made of gold', 'unverified');
    await add('check', 'the bridge was opened in 1999', 'supported', ['bridge-opened']);
    await add('sources', '', 'listed');
    await store.vote({
      tenant: 'discord:g1',
      interactionId: a1,
      platform: 'discord',
      userId: 'v1',
      helpful: false,
      reason: 'wrong bridge',
    });
    await store.vote({
      tenant: 'discord:g1',
      interactionId: a1,
      platform: 'discord',
      userId: 'v2',
      helpful: false,
      reason: 'a badword reason',
    });
    await store.vote({ tenant: 'discord:g1', interactionId: a1, platform: 'discord', userId: 'v3', helpful: true });
    await store.vote({ tenant: 'discord:g1', interactionId: a2, platform: 'discord', userId: 'v1', helpful: false });
    await store.vote({ tenant: 'discord:g1', interactionId: a2, platform: 'discord', userId: 'v2', helpful: true });
    r = await report(store, 'discord:g1', 7, {
      statementOf: (id) => (id === 'bridge-opened' ? 'The bridge opened in 1999.' : undefined),
      mask: (t) => t.replace('badword', '*******'),
      found: [
        {
          summary: 'Sources give different years for the bridge opening',
          positions: [{ label: 'The Herald: 1999' }, { label: 'The Courier: 2001' }],
        },
      ],
    });
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('lists the most frequent unanswered questions, grouped by wording, within the period', () => {
    expect(r.noAnswer).toEqual([
      {
        text: 'who built the karachi steel mill',
        count: 4,
        variants: [
          { text: 'who built the karachi steel mill', count: 3 },
          { text: 'Who built the Karachi steel mill?', count: 1 },
        ],
      },
      { text: 'what is the weather', count: 1, variants: [{ text: 'what is the weather', count: 1 }] },
    ]);
  });

  it('lists the claims most often unverified', () => {
    expect(r.unverified).toEqual([
      { text: 'the bridge is made of gold', count: 2, variants: [{ text: 'the bridge is made of gold', count: 2 }] },
    ]);
  });

  it('lists the facts with the most "Not helpful" votes, with reasons masked', () => {
    expect(r.notHelpful).toEqual([
      {
        fact: 'bridge-never',
        notHelpful: 2,
        helpful: 1,
        reasons: expect.arrayContaining(['wrong bridge', 'a ******* reason']),
        statement: null,
      },
      {
        fact: 'bridge-opened',
        notHelpful: 2,
        helpful: 1,
        reasons: expect.arrayContaining(['wrong bridge', 'a ******* reason']),
        statement: 'The bridge opened in 1999.',
      },
      { fact: 'bridge-vanity', notHelpful: 1, helpful: 1, reasons: [], statement: null },
    ]);
  });

  it('counts each command, by outcome', () => {
    expect(r.commands).toEqual([
      { command: 'ask', count: 7, outcomes: { no_answer: 5, answered: 2 } },
      { command: 'check', count: 3, outcomes: { unverified: 2, supported: 1 } },
      { command: 'sources', count: 1, outcomes: { listed: 1 } },
    ]);
    expect(r.total).toBe(11);
  });

  it('lists the disagreements found between the sources, with each side, for a moderator to confirm', () => {
    expect(r.found).toEqual([
      {
        summary: 'Sources give different years for the bridge opening',
        sides: ['The Herald: 1999', 'The Courier: 2001'],
      },
    ]);
    expect(formatReport(r)).toContain(
      '  1. Sources give different years for the bridge opening\n       • The Herald: 1999\n       • The Courier: 2001',
    );
  });

  it('reads as plain text', () => {
    const text = formatReport(r);
    expect(text).toContain('Report for the last 7 days (11 interactions)');
    expect(text).toContain(
      '  1. 4× “who built the karachi steel mill”\n       also 1× “Who built the Karachi steel mill?”',
    );
    expect(text).toContain('  2. bridge-opened: 2 not helpful, 1 helpful — The bridge opened in 1999.');
    expect(text).toContain('  ask: 7 (answered 2, no_answer 5)');
  });

  it('counts one "Not helpful" per person per fact, however often they ask again', async () => {
    const again = await store.recordInteraction({
      tenant: 'discord:g1',
      platform: 'discord',
      userId: 'u-again',
      command: 'ask',
      text: 'when did the bridge open',
      outcome: 'answered',
      factIds: ['bridge-opened'],
    });
    await store.vote({ tenant: 'discord:g1', interactionId: again, platform: 'discord', userId: 'v1', helpful: false });
    const after = await report(store, 'discord:g1', 7);
    expect(after.notHelpful.find((f) => f.fact === 'bridge-opened')).toMatchObject({ notHelpful: 2 });
    // Another person's vote on the new answer counts.
    await store.vote({ tenant: 'discord:g1', interactionId: again, platform: 'discord', userId: 'v9', helpful: false });
    const more = await report(store, 'discord:g1', 7);
    expect(more.notHelpful.find((f) => f.fact === 'bridge-opened')).toMatchObject({ notHelpful: 3 });
  });
});
