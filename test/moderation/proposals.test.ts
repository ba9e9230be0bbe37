/**
 * Proposed facts: validated like pack facts, reviewed, and once approved cited at once by
 * the live engine as community-added, also after a restart; exported as pack YAML.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { loadPack, type Pack } from '../../src/knowledge/load.js';
import {
  communityDocumentId,
  Moderation,
  problemText,
  validateProposal,
  type ProposalInput,
} from '../../src/moderation/index.js';
import type { Actor, Store } from '../../src/store/index.js';
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
    expect(problems({ ...toll, quote: 'Critics called it a "vanity project" - too' })).toEqual([]);
  });

  it('refuses a quote that is not verbatim in the document', () => {
    expect(problems({ ...toll, quote: 'Tolls on the bridge were abolished in 2006' })).toEqual([
      'quote: not found word for word in "A small article"; copy it exactly from the source',
    ]);
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
      problems({ ...toll, quote: 'The bridge over the river was opened in 1999 at a cost of $5 million.' }),
    ).toEqual(['quote: the pack already has a fact with this quote from this source']);
    expect(problems({ ...toll, source: { title: 'News', url: 'not a url' } })).toEqual(['source.url: must be a URL']);
    expect(problems({ ...toll, kind: 'rumour' })[0]).toMatch(/^kind:/);
  });

  it('accepts a new document without checking the quote, and says so', () => {
    const v = validateProposal(pack, {
      ...toll,
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
        quote: 'the bridge was repainted green',
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
    copy.write(`sources/${docId}.txt`, 'In June the bridge was repainted green by the city.\n');
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
