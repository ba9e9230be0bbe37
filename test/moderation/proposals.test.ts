/**
 * Proposed facts: validated like pack facts, reviewed, and once approved cited at once by
 * the live engine as community-added, also after a restart; exported as pack YAML.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { loadPack, type Pack } from '../../src/knowledge/load.js';
import {
  addToEngine,
  communityDocumentId,
  Moderation,
  problemText,
  validateProposal,
  type ProposalInput,
} from '../../src/moderation/index.js';
import type { Actor, ProposalRecord, Store } from '../../src/store/index.js';
import { renderReview } from '../../adapters/discord/components-render.js';
import { escapeDiscord } from '../../adapters/discord/markdown.js';
import { renderDiscord } from '../../adapters/discord/render.js';
import { proposalView } from '../../adapters/shared/moderation/review.js';
import { renderSlackReview } from '../../adapters/slack/components-render.js';
import { escapeSlack, renderSlack } from '../../adapters/slack/render.js';
import { quoteInSource } from '../../src/moderation/proposals.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';
import { backends } from '../store/backends.js';

/** The community these tests act in: its approved facts are cited only there. */
const HERE = { tenant: 'discord:g1' };

const TOLL_LINE = 'Tolls on the bridge were abolished in 2005 after protests.';
const QUESTION = 'when were the bridge tolls abolished';

/** The minimal pack with one more line in doc1, which no fact quotes yet. */
function packWithToll(): PackCopy {
  const copy = copyPack();
  copy.write('sources/doc1.txt', `${readFileSync(`${copy.dir}/sources/doc1.txt`, 'utf8')}${TOLL_LINE}\n`);
  return copy;
}

const toll: ProposalInput = {
  statement: 'Ann Author reports that tolls on the bridge were abolished in 2005.',
  // Typed with curly quotes and extra spaces would pass too; plain here.
  quote: 'Tolls on the bridge were abolished in 2005',
  topic: 'bridge',
  date: '2005',
  source: { document: 'doc1' },
};
const proposer: Actor = { platform: 'discord', userId: '111', name: 'Pat' };
const moderator: Actor = { platform: 'discord', userId: '999', name: 'Mo' };

describe('validateProposal', () => {
  let copy: PackCopy;
  let pack: Pack;
  beforeAll(() => {
    copy = packWithToll();
    pack = loadPack(copy.dir);
  });
  afterAll(() => copy.remove());

  const problems = (input: unknown) => {
    const v = validateProposal(pack, input);
    return v.ok ? [] : v.problems.map(problemText);
  };

  it('accepts a sourced fact whose quote is in the document, ignoring copy-paste differences', () => {
    const v = validateProposal(pack, { ...toll, quote: '  Tolls on the   bridge were abolished in 2005 ' });
    expect(v.ok).toBe(true);
    if (v.ok)
      expect(v.fact).toMatchObject({
        statement: toll.statement,
        quote: 'Tolls on the   bridge were abolished in 2005',
        source: { document: 'doc1' },
        kind: 'report',
        topic: 'bridge',
        date: '2005',
      });
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that critics called the bridge a vanity project.',
        quote: 'Critics called it a "vanity project" - too',
      }),
    ).toEqual([]);
  });

  it('refuses a quote that is not verbatim in the document', () => {
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that tolls on the bridge were abolished in 2006.',
        quote: 'Tolls on the bridge were abolished in 2006',
      }),
    ).toEqual(['quote: not found word for word in "A small article"; copy it exactly from the source']);
  });

  it('checks a forum quote against the post it names', () => {
    const forum = {
      ...toll,
      statement: 'A forum member, bob, said the bridge is lovely.',
      quote: 'the bridge is lovely',
      kind: 'forum_claim',
      source: { document: 'thread1', post: 1 },
    };
    expect(problems(forum)).toEqual([
      'quote: not found word for word in post 1 of "A small thread"; copy it exactly from the source',
    ]);
    expect(problems({ ...forum, source: { document: 'thread1', post: '2' } })).toEqual([]);
    expect(problems({ ...forum, source: { document: 'thread1' } })[0]).toMatch(
      /forum thread; give the number of the post/,
    );
  });

  it('refuses an unknown topic, and names real ones', () => {
    expect(problems({ ...toll, topic: 'tolls' })).toEqual([
      'topic: there is no topic "tolls"; use a topic id such as bridge',
    ]);
  });

  it('refuses a quote longer than 300 characters, and says every problem at once', () => {
    const long = `${'Tolls on the bridge were abolished in 2005 '.repeat(8)}`;
    const p = problems({ ...toll, statement: 'too short', quote: long, topic: 'nowhere' });
    expect(p).toContain('quote: a quote is at most 300 characters');
    expect(p).toContain('statement: is too short (at least 10 characters)');
    expect(p.some((x) => x.startsWith('topic:'))).toBe(true);
    expect(p.some((x) => x.startsWith('quote: not found'))).toBe(true);
  });

  it('refuses denylisted words, unknown documents, a missing source and duplicates', () => {
    expect(problems({ ...toll, statement: 'Ann Author says a badword thing here.' })).toEqual([
      'statement: contains a term the pack never repeats',
    ]);
    expect(problems({ ...toll, source: { document: 'doc9' } })[0]).toMatch(/^source: there is no document "doc9"/);
    expect(problems({ ...toll, source: {} })[0]).toMatch(/^source: give a document id/);
    expect(problems({ statement: toll.statement })).toEqual([
      'quote: is missing',
      'topic: is missing',
      'source: is missing',
    ]);
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that the bridge was opened in 1999.',
        quote: 'The bridge over the river was opened in 1999 at a cost of $5 million.',
      }),
    ).toEqual(['quote: the pack already has a fact with this quote from this source']);
    expect(problems({ ...toll, source: { title: 'News', author: 'Ann Author', url: 'not a url' } })).toEqual([
      'source.url: must be a web address (http:// or https://)',
    ]);
    expect(problems({ ...toll, kind: 'rumour' })[0]).toMatch(/^kind:/);
  });

  it('accepts a new document without checking the quote, and says so', () => {
    const v = validateProposal(pack, {
      ...toll,
      statement: 'Reporter writes that bridge tolls ended in 2005.',
      quote: 'Bridge tolls ended in 2005',
      source: { title: 'Bridge News', author: 'Reporter', date: '2005-03', url: 'https://example.com/news' },
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.document).toMatchObject({
      id: communityDocumentId('Bridge News', 'https://example.com/news'),
      title: 'Bridge News',
      author: 'Reporter',
      date: '2005-03',
      url: 'https://example.com/news',
    });
    expect(v.fact.source).toEqual({ document: v.document!.id });
    expect(v.notes[0]).toMatch(/not checked/);
  });
});

/** Proposals that try to get past review what their source does not say: each is refused, naming what is wrong. */
describe('proposal exploits', () => {
  const CUT_LINE = 'Engineers said repairs were unlikely to finish before 2030.';
  const NAMED_LINE = 'Zembla abolished the ferry fares in 2007.';
  let copy: PackCopy;
  let pack: Pack;
  beforeAll(() => {
    copy = packWithToll();
    copy.write(
      'sources/doc1.txt',
      `${readFileSync(`${copy.dir}/sources/doc1.txt`, 'utf8')}${CUT_LINE}\n${NAMED_LINE}\n`,
    );
    copy.write('aliases.yaml', 'aliases:\n  - [zembla, zemblan republic]\n');
    pack = loadPack(copy.dir);
  });
  afterAll(() => copy.remove());

  const problems = (input: unknown) => {
    const v = validateProposal(pack, input);
    return v.ok ? [] : v.problems.map(problemText);
  };

  it('refuses a quote cut in the middle of a word, naming the word', () => {
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that repairs were likely to finish before 2030.',
        quote: 'likely to finish before 2030',
      }),
    ).toEqual(['quote: cuts the word “unlikely” in the source; start and end the quote on whole words']);
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that repairs were unlikely to finish.',
        quote: 'unlikely to fin',
      }),
    ).toEqual(['quote: cuts the word “finish” in the source; start and end the quote on whole words']);
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that repairs were unlikely to finish before 2030.',
        quote: 'unlikely to finish before 2030',
      }),
    ).toEqual([]);
  });

  it("refuses names and figures in the statement that its quote does not give, each named, and takes the pack's other names for a thing", () => {
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that Russia secretly handed Pakistan a nuclear submarine in 1971.',
      }),
    ).toEqual([
      'statement: “1971” is not in the quote; the statement may say only what its quote says',
      'statement: “Russia” is not in the quote; the statement may say only what its quote says',
      'statement: “Pakistan” is not in the quote; the statement may say only what its quote says',
    ]);
    // The source's author may be named, and the pack's aliases stand for each other.
    expect(
      problems({
        ...toll,
        statement: 'Ann Author reports that the Zemblan Republic abolished ferry fares in 2007.',
        quote: NAMED_LINE.slice(0, -1),
      }),
    ).toEqual([]);
  });

  it('reads the denylist through zero-width, bidi, soft-hyphen and full-width characters, and stores the text cleaned', () => {
    for (const hidden of ['bad\u200Bword', 'bad\u202Eword', 'bad\u00ADword', 'ｂａｄｗｏｒｄ', 'b\u2060ad\uFEFFword']) {
      expect(problems({ ...toll, statement: `Ann Author says a ${hidden} thing here.` })).toContain(
        'statement: contains a term the pack never repeats',
      );
    }
    const v = validateProposal(pack, {
      ...toll,
      statement: `Ann Author reports that tolls\u200B on the bridge were abolished in ２００５.`,
    });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.input.statement).toBe('Ann Author reports that tolls on the bridge were abolished in 2005.');
  });

  it('accepts only a web address for a new document', () => {
    const described = (url: string) => ({
      ...toll,
      quote: 'Bridge tolls ended in 2005',
      source: { title: 'News', author: 'Ann Author', url },
    });
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example/a.txt']) {
      expect(problems(described(url))).toEqual(['source.url: must be a web address (http:// or https://)']);
    }
    expect(problems(described('https://news.example/bridge'))).toEqual([]);
  });

  it('defuses URLs in the statement, so no platform makes a link of them', () => {
    const v = validateProposal(pack, {
      ...toll,
      statement:
        'Ann Author reports that tolls on the bridge were abolished in 2005 (see https://evil.example/x or www.evil.example).',
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.input.statement).toBe(
      'Ann Author reports that tolls on the bridge were abolished in 2005 (see https[:]//evil[.]example/x or www[.]evil[.]example).',
    );
    const engine = new Engine(pack);
    addToEngine(engine, {
      fact: { ...v.fact, id: 'community-1' },
      mark: { approvedBy: 'Mo', approvedAt: '2025-01-01', tenant: 'discord:g1' },
      document: null,
    });
    const answer = engine.ask(QUESTION, HERE);
    expect(answer.sentences.map((x) => x.text)).toContain(v.input.statement);
    for (const payload of [renderDiscord({ kind: 'answer', answer }), renderSlack({ kind: 'answer', answer })]) {
      const json = JSON.stringify(payload);
      expect(json).toContain('evil[.]example');
      expect(json).not.toMatch(/https?:\/\/evil|www\.evil/);
    }
  });

  it('shows the reviewer the quote in the words around it in its source', () => {
    const context = quoteInSource(pack, { quote: toll.quote, source: { document: 'doc1' } });
    expect(context).toContain('«Tolls on the bridge were abolished in 2005» after protests.');
    expect(context).toMatch(/^…/);
    const view = proposalView(
      {
        ...({} as ProposalRecord),
        id: 1,
        topic: 'bridge',
        kind: 'report',
        statement: toll.statement,
        quote: toll.quote,
        source: { document: 'doc1' },
        proposer: 'Pat',
        createdAt: new Date().toISOString(),
      },
      pack,
    );
    const queue = { note: null, items: [view], more: 0 };
    expect(JSON.stringify(renderReview(queue))).toContain(JSON.stringify(escapeDiscord(context!)).slice(1, -1));
    expect(JSON.stringify(renderSlackReview(queue))).toContain(JSON.stringify(escapeSlack(context!)).slice(1, -1));
  });
});

describe('proposal limits', () => {
  let copy: PackCopy;
  let store: Store;
  let mod: Moderation;
  const backend = backends('proposal-limits')[0]!;
  beforeAll(async () => {
    copy = packWithToll();
    store = await backend.open();
    mod = await Moderation.start(store, Engine.fromDir(copy.dir), { pollMs: 0, proposalsPerHour: 2, pendingMax: 3 });
  });
  afterAll(async () => {
    await mod?.stop();
    await store?.close();
    await backend.cleanup();
    copy.remove();
  });

  it('saves a resubmitted proposal once: the same idempotency key returns the first', async () => {
    const first = await mod.propose('discord:g1', toll, proposer, 'view-1');
    const again = await mod.propose('discord:g1', toll, proposer, 'view-1');
    expect(first.ok && again.ok && again.proposal.id === first.proposal.id).toBe(true);
    expect(await mod.pending('discord:g1')).toHaveLength(1);
  });

  it('limits proposals per person per hour, and the queue per community', async () => {
    expect((await mod.propose('discord:g1', toll, proposer, 'view-2')).ok).toBe(true);
    await expect(mod.propose('discord:g1', toll, proposer, 'view-3')).rejects.toThrow(
      /proposed 2 facts in the last hour/,
    );
    // Someone else may still propose, until the community's queue is full.
    const other = (n: number): Actor => ({ ...proposer, userId: `other-${n}` });
    expect((await mod.propose('discord:g1', toll, other(1), 'view-4')).ok).toBe(true);
    await expect(mod.propose('discord:g1', toll, other(2), 'view-5')).rejects.toThrow(
      /3 proposals are already waiting/,
    );
    // Another community's queue is its own.
    expect((await mod.propose('discord:g2', toll, other(2), 'view-6')).ok).toBe(true);
  });
});

describe.each(backends('proposals'))('review on $name', (backend) => {
  let copy: PackCopy;
  let store: Store;
  let engine: Engine;
  let mod: Moderation;

  beforeAll(async () => {
    copy = packWithToll();
    store = await backend.open();
    engine = Engine.fromDir(copy.dir);
    mod = await Moderation.start(store, engine, { pollMs: 0 });
  });
  afterAll(async () => {
    await mod?.stop();
    await store?.close();
    await backend.cleanup();
    copy.remove();
  });

  it('stores a valid proposal as pending, and refuses an invalid one', async () => {
    const bad = await mod.propose('discord:g1', { ...toll, quote: 'Tolls were never abolished' }, proposer);
    expect(bad.ok).toBe(false);
    const good = await mod.propose('discord:g1', toll, proposer);
    expect(good.ok).toBe(true);
    const pending = await mod.pending('discord:g1');
    expect(pending.map((p) => p.statement)).toEqual([toll.statement]);
    expect(pending[0]).toMatchObject({
      status: 'pending',
      proposer: 'Pat',
      topic: 'bridge',
      source: { document: 'doc1' },
    });
  });

  it('approving puts the fact in the live engine at once, marked community-added', async () => {
    // Before approval the sentence is cited as a plain passage of the source, never as community-added.
    expect(engine.ask(QUESTION, HERE).citations.some((c) => c.community)).toBe(false);
    const [p] = await mod.pending('discord:g1');
    const decision = await mod.approve('discord:g1', p!.id, moderator, 'checked the source');
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.approved!.fact.id).toBe(`community-${p!.id}`);

    const answer = engine.ask(QUESTION, HERE);
    expect(answer.status).toBe('answered');
    const cited = answer.citations.find((c) => c.fact === `community-${p!.id}`);
    expect(cited).toMatchObject({
      statement: toll.statement,
      source: { document: 'doc1', author: 'Ann Author' },
      community: { approvedBy: 'Mo' },
    });
    expect(Date.parse(cited!.community!.approvedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(answer.sentences[0]!.text).toBe(toll.statement);
    // Pack facts carry no mark.
    expect(answer.citations.filter((c) => c.fact !== cited!.fact).every((c) => !c.community)).toBe(true);

    expect(await mod.pending('discord:g1')).toEqual([]);
    const again = await mod.approve('discord:g1', p!.id, moderator);
    expect(again).toEqual({
      ok: false,
      problems: [{ field: 'proposal', message: `proposal #${p!.id} was already approved by Mo` }],
    });
  });

  it('cites a new document by its title and author once approved', async () => {
    const made = await mod.propose(
      'discord:g1',
      {
        statement: 'Reporter wrote that the bridge was repainted green in 2010.',
        quote: 'the bridge was repainted green in 2010',
        topic: 'bridge',
        source: { title: 'Bridge News', author: 'Reporter', date: '2010-06', url: 'https://example.com/news' },
      },
      proposer,
    );
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const decision = await mod.approve('discord:g1', made.proposal.id, moderator);
    expect(decision.ok).toBe(true);
    const c = engine
      .ask('when was the bridge repainted green', HERE)
      .citations.find((x) => x.fact === `community-${made.proposal.id}`);
    expect(c?.source).toMatchObject({ title: 'Bridge News', author: 'Reporter', date: '2010-06', kind: 'article' });
  });

  it('rejects with a reason, and only with one', async () => {
    const made = await mod.propose(
      'discord:g1',
      { ...toll, statement: 'Ann Author says the bridge opened in 1999 indeed.', quote: 'opened in 1999' },
      proposer,
    );
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(await mod.reject('discord:g1', made.proposal.id, moderator, '  ')).toEqual({
      ok: false,
      problems: [{ field: 'reason', message: 'say why the proposal is rejected' }],
    });
    const r = await mod.reject('discord:g1', made.proposal.id, moderator, 'already in the pack');
    expect(r.ok && r.proposal).toMatchObject({ status: 'rejected', reviewer: 'Mo', reason: 'already in the pack' });
    expect((await mod.approve('discord:g1', made.proposal.id, moderator)).ok).toBe(false);
    expect(await mod.approve('discord:g1', 123_456, moderator)).toEqual({
      ok: false,
      problems: [{ field: 'proposal', message: 'there is no proposal #123456' }],
    });
  });

  it('a restarted bot loads the approved facts into its new engine', async () => {
    await mod.stop();
    await store.close();
    store = await backend.open();
    const fresh = Engine.fromDir(copy.dir);
    expect(fresh.ask(QUESTION, HERE).citations.some((c) => c.community)).toBe(false);
    mod = await Moderation.start(store, fresh, { pollMs: 0 });
    const answer = fresh.ask(QUESTION, HERE);
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]).toMatchObject({ statement: toll.statement, community: { approvedBy: 'Mo' } });
    expect(fresh.ask('when was the bridge repainted green', HERE).citations[0]?.source.title).toBe('Bridge News');
  });

  it('exports approved facts as pack YAML the loader accepts', async () => {
    const yaml = await mod.exportApproved();
    // The fact from a pack document is live YAML; the one from a new document waits, commented.
    copy.write('facts/community.yaml', yaml);
    const pack = loadPack(copy.dir);
    const exported = pack.facts.filter((f) => f.id.startsWith('community-'));
    expect(exported).toEqual([
      {
        id: expect.stringMatching(/^community-\d+$/),
        statement: toll.statement,
        quote: toll.quote,
        source: { document: 'doc1' },
        date: '2005',
        kind: 'report',
        topic: 'bridge',
        tags: [],
      },
    ]);
    expect(yaml).toMatch(/# approved by Mo on \d{4}-\d{2}-\d{2}; proposed by Pat/);
    expect(yaml).toContain('# These facts cite documents that are not in the pack yet.');
    const docId = communityDocumentId('Bridge News', 'https://example.com/news');
    expect(yaml).toContain(`#   - id: ${docId}`);
    expect(yaml).toContain('#     statement: Reporter wrote that the bridge was repainted green in 2010.');

    // Doing what the comment says (add the document and its text, uncomment) makes a sound pack.
    const lines = yaml.slice(yaml.indexOf('# These facts cite documents')).split('\n');
    const docsAt = lines.indexOf('# documents:');
    const docsEnd = lines.indexOf('#', docsAt);
    const uncomment = (l: string) => l.replace(/^# ?/, '');
    copy.write(
      'documents.yaml',
      `${readFileSync(`${copy.dir}/documents.yaml`, 'utf8')}${lines
        .slice(docsAt + 1, docsEnd)
        .map(uncomment)
        .join('\n')}\n`,
    );
    copy.write(`sources/${docId}.txt`, 'In June the bridge was repainted green in 2010 by the city.\n');
    const facts = lines
      .slice(docsEnd + 1)
      .filter((l) => l.startsWith('#'))
      .map(uncomment);
    copy.write('facts/community.yaml', `${yaml.slice(0, yaml.indexOf('#\n# These facts'))}${facts.join('\n')}\n`);
    const after = loadPack(copy.dir);
    expect(after.facts.filter((f) => f.id.startsWith('community-')).map((f) => f.source.document)).toEqual([
      'doc1',
      docId,
    ]);
    expect(after.documents.get(docId)).toMatchObject({
      title: 'Bridge News',
      author: 'Reporter',
      date: '2010-06',
      kind: 'article',
    });
  });
});
