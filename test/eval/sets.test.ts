/**
 * The evaluation sets themselves: each parses, every label stands word for word in the
 * document (and forum post) it names, and the locked set is unchanged since it was frozen.
 * The test packs under test/packs are held to the same: each loads, and its eval.yaml parses
 * with every label in the pack's own documents.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/knowledge/load.js';
import { normalizeForQuote } from '../../src/knowledge/text.js';
import { BUILT_IN, type EvalSet, loadEvalSet } from './evaluate.js';

const knowledge = loadPack('knowledge');
const norm = (s: string) => normalizeForQuote(s).toLowerCase();

/** The text a label may come from: the document, or the lines of one forum post. */
function textOf(pack: Pack, document: string, post: number | null | undefined): string | undefined {
  const doc = pack.documents.get(document);
  if (!doc) return undefined;
  if (post == null) return norm(doc.text);
  const lines = doc.posts
    ?.find((p) => p.n === post)
    ?.lines.split('-')
    .map(Number);
  return lines
    ? norm(
        doc.text
          .split('\n')
          .slice(lines[0]! - 1, lines[1])
          .join('\n'),
      )
    : undefined;
}

/** Every answer and side whose words do not all stand in the document or post it names. */
function wrongLabels(pack: Pack, set: EvalSet): string[] {
  const wrong: string[] = [];
  for (const q of set.questions) {
    for (const alt of [...q.answers, ...(q.sides ?? []).flat()]) {
      const text = textOf(pack, alt.document, alt.post);
      const missing =
        text === undefined ? ['(no such document or post)'] : alt.words.filter((w) => !text.includes(norm(w)));
      if (missing.length)
        wrong.push(`"${q.q}": ${alt.document}${alt.post ? ` post ${alt.post}` : ''} lacks ${missing.join(', ')}`);
    }
  }
  return wrong;
}

describe.each(Object.entries(BUILT_IN))('the %s set', (_, dir) => {
  it('labels every answer and side with words that stand in the named document or post', () => {
    expect(wrongLabels(knowledge, loadEvalSet(dir))).toEqual([]);
  });
});

const PACKS = 'test/packs';
describe.each(readdirSync(PACKS).sort())('the test pack %s', (name) => {
  const dir = join(PACKS, name);

  it('loads, and its set labels every answer and side with words from its own documents', () => {
    const pack = loadPack(dir);
    const set = loadEvalSet(join(dir, 'eval.yaml'));
    expect(set.questions.length + set.claims.length + set.noanswer.length).toBeGreaterThan(0);
    expect(wrongLabels(pack, set)).toEqual([]);
  });
});

describe('the locked test set', () => {
  const set = loadEvalSet(BUILT_IN.test);

  it('has the size the quality issue asks for', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(200);
    expect(set.claims.length).toBeGreaterThanOrEqual(80);
    expect(set.noanswer.length).toBeGreaterThanOrEqual(40);
  });

  it('is byte for byte what was frozen (test/eval/test/LOCK)', () => {
    const lock = readFileSync(join(BUILT_IN.test, 'LOCK'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    const files = readdirSync(BUILT_IN.test)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    const now = files.map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(BUILT_IN.test, f)))
          .digest('hex')}  ${f}`,
    );
    expect(now).toEqual(lock);
  });
});
