import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import type { Hit } from '../../src/core/fact-index.js';
import { figures } from '../../src/core/figures.js';
import { KeptWork } from '../../src/core/kept-work.js';
import { weigh } from '../../src/core/verdict.js';
import type { Fact } from '../../src/knowledge/schema.js';

const parties = { russia: ['russia', 'moscow'], pakistan: ['pakistan', 'islamabad'] };
const fact = (statement: string, id = 'f1'): Fact => ({
  id,
  statement,
  quote: statement,
  source: { document: 'd' },
  kind: 'report',
  topic: 't',
  tags: [],
});

describe('kept work', () => {
  it('keeps at most its size, the least recently used going first', () => {
    const kept = new KeptWork<number, string>(3);
    let made = 0;
    const get = (n: number) => kept.get(n, () => `${n}:${made++}`);
    for (let n = 0; n < 100; n++) get(n);
    expect(kept.count).toBe(3);
    expect(get(99)).toBe('99:99'); // kept: not made again
    get(97); // used again, so 98 is now the least recent
    get(100);
    expect(get(97)).toBe('97:97');
    expect(get(98)).toBe('98:101'); // gone, made again
    expect(kept.count).toBe(3);
  });

  it('keeps an undefined value as kept, not made again', () => {
    const kept = new KeptWork<string, string | undefined>(2);
    let made = 0;
    const get = (key: string) =>
      kept.get(key, () => {
        made++;
        return undefined;
      });
    get('none');
    expect(get('none')).toBeUndefined();
    expect(made).toBe(1);
  });

  it('reads a fact once while it is kept, and reads it the same after it is dropped', () => {
    const reader = new ClaimReader(parties, []);
    const signed = fact('In 2015 Russia and Pakistan signed a deal to build a gas pipeline of 1,100 km.');
    const first = reader.readFact(signed);
    expect(reader.readFact(fact(signed.statement, 'other'))).toBe(first);
    expect(first).toEqual(new ClaimReader(parties, []).readFact(signed));
    // Thousands of other facts: the cache is bounded, so the first reading is dropped...
    for (let i = 0; i < 2500; i++) reader.readFact(fact(`Pakistan bought ${i} helicopters from Russia.`, `h${i}`));
    const again = reader.readFact(signed);
    expect(again).not.toBe(first);
    // ...and read again to the same reading.
    expect(again).toEqual(first);
    // A fact with a date the curator gave reads otherwise: the date is part of what is kept.
    expect(reader.readFact({ ...signed, date: '2016' }).figures.length).toBe(first.figures.length + 1);
  });

  it('gives a text the same figures, kept or read again', () => {
    const text = 'about 40,000 families and $2.5 billion in 2019';
    const kept = figures(text);
    expect(figures(text)).toBe(kept);
    for (let i = 0; i < 2500; i++) figures(`${i} dams`);
    expect(figures(text)).not.toBe(kept);
    expect(figures(text)).toEqual(kept);
  });

  it('does not read a fact the claim cannot be about, and weighs the rest as before', () => {
    const reader = new ClaimReader(parties, []);
    const claim = reader.read('Russia and Pakistan signed a pipeline deal in 2015.');
    const signed = fact('In 2016 Russia and Pakistan signed a deal to build a gas pipeline.');
    const hit = (coverage: number, named = true): Hit => ({ fact: signed, score: 1, coverage, rank: 1, named });
    let reads = 0;
    const lazily = () => {
      reads++;
      return reader.readFact(signed);
    };
    expect(weigh(claim, lazily, hit(0.2), false, String).bearing).toBe('silent');
    expect(weigh(claim, lazily, hit(1, false), false, String).bearing).toBe('silent');
    expect(reads).toBe(0);
    const weighed = weigh(claim, lazily, hit(1), false, String);
    expect(reads).toBe(1);
    expect(weighed).toEqual(weigh(claim, reader.readFact(signed), hit(1), false, String));
    expect(weighed.bearing).toBe('excludes');
  });
});
