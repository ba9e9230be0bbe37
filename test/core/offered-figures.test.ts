import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { heldFigure, offeredFigures, withoutFigure } from '../../src/core/offered-figures.js';
import { copyPack } from '../helpers/pack-fixture.js';

describe('figures a question offers to choose from', () => {
  it('are figures of one kind joined by "or"', () => {
    expect(offeredFigures('was the top end 84,961 or 86,961?').map((f) => f.text)).toEqual(['84,961', '86,961']);
    expect(offeredFigures('were there 20 or only 30 of them?').map((f) => f.low)).toEqual([20, 30]);
    expect(offeredFigures('did it cost $2 billion or $2.5 billion').map((f) => f.low)).toEqual([2e9, 2.5e9]);
  });

  it('are none where the figures are not alternatives, or one is "more"', () => {
    expect(offeredFigures('how many died between 2010 and 2011')).toEqual([]);
    expect(offeredFigures('is it 2 billion or more')).toEqual([]);
    expect(offeredFigures('did 3000 people die in 2010 or was it fewer')).toEqual([]);
    expect(offeredFigures('was it 2,000 or 2,000')).toEqual([]);
  });

  it('are never years, which date different events as often as they differ on one', () => {
    expect(offeredFigures('did moscow back delhi in 1965 or 1971')).toEqual([]);
  });

  it('are held by a quote that gives the same value, or a range with it at one end', () => {
    const [low, high] = offeredFigures('84,961 or 86,961?');
    expect(heldFigure('The toll is estimated at 46,190 to 84,961.', low!)?.text).toBe('84,961');
    expect(heldFigure('Between 46,190 and 86,961 people died.', low!)).toBeUndefined();
    expect(heldFigure('Between 46,190 and 86,961 people died.', high!)?.text).toBe('86,961 people');
  });

  it('are taken out of a question however their digits are grouped', () => {
    const [, other] = offeredFigures('84,961 or 86,961?');
    expect(withoutFigure('the top end 84 961 or 86 961', other!).trim()).toBe('the top end 84 961 or');
  });
});

describe('an answer to a question that offers figures', () => {
  let engine: Engine;
  let remove = () => {};

  beforeAll(() => {
    const pack = copyPack();
    pack.write(
      'sources/doc1.txt',
      'The bridge over the river was opened in 1999 at a cost of $5 million.\nCritics called it a “vanity project” — too costly.\nA survey of the bridge counted between 1,200 and 4,310 daily crossings.\n',
    );
    pack.write('sources/doc2.txt', 'The bridge survey put the daily crossings at 1,200 to 4,130.\n');
    pack.edit(
      'documents.yaml',
      /^ {2}- id: thread1/m,
      '  - id: doc2\n    title: Another article\n    author: Bo Writer\n    publisher: Other Press\n    date: 2021-05-06\n    kind: report\n    reliability: Written for tests.\n  - id: thread1',
    );
    engine = Engine.fromDir(pack.dir);
    remove = () => pack.remove();
  });
  afterAll(() => remove());

  it('shows the sources that give each figure as sides, though one question names both and no source gives both', () => {
    const answer = engine.ask('did the bridge survey count 4,310 or 4,130 daily crossings?');
    expect(answer.status).toBe('answered');
    const block = answer.disagreements.find((d) => d.summary.startsWith('Sources give different figures:'))!;
    const byN = new Map(answer.citations.map((c) => [c.n, c]));
    expect(block.positions.map((p) => byN.get(p.citations[0]!)!.source.document).sort()).toEqual(['doc1', 'doc2']);
  });
});
