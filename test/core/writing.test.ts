import { describe, expect, it } from 'vitest';
import { ofWriting, sourceWriting, writingWords } from '../../src/core/writing.js';

const kinds = writingWords(['overview', 'forum thread', 'analysis']);

describe('kinds of writing a question asks of', () => {
  it('sets aside the word naming a kind of the pack’s documents, where the question asks what it says', () => {
    expect(sourceWriting('over what span has trade grown according to the overview', kinds)).toEqual({
      text: 'over what span has trade grown according to the',
      kind: 'overview',
    });
    expect(sourceWriting('what does the forum think of the pipeline', kinds)).toEqual({
      text: 'what does the think of the pipeline',
      kind: 'forum thread',
    });
    expect(sourceWriting("in korybko's analysis, why does russia court pakistan", kinds).kind).toBe('analysis');
  });

  it('leaves a kind of writing no document is, and one the question is about', () => {
    expect(sourceWriting('according to the report, how many died', kinds)).toEqual({
      text: 'according to the report, how many died',
    });
    expect(sourceWriting('who wrote an overview of the dam', kinds).kind).toBeUndefined();
  });

  it('puts the facts of documents of the kind asked first, the rest after, in their order', () => {
    const hits = [
      { id: 1, kind: 'analysis' },
      { id: 2, kind: 'overview' },
      { id: 3, kind: 'overview' },
    ];
    expect(ofWriting(hits, 'overview', (h) => h.kind).map((h) => h.id)).toEqual([2, 3, 1]);
    expect(ofWriting(hits, undefined, (h) => h.kind)).toBe(hits);
  });
});
