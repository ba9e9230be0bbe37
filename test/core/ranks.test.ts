import { describe, expect, it } from 'vitest';
import { ranks, superlativeOf } from '../../src/core/ranks.js';

describe('ranks', () => {
  it('reads a superlative as first, and an ordinal before it as the place', () => {
    const found = ranks(
      "it is the highest dam in the country, and the world's second largest by volume; the 3rd longest river",
    );
    expect(found.map((r) => [r.text, r.low, r.adjective])).toEqual([
      ['highest', 1, 'high'],
      ['second largest', 2, 'large'],
      ['3rd longest', 3, 'long'],
    ]);
    expect(found.map((r) => r.noun)).toEqual(['dam', '', 'river']);
  });

  it('knows a superlative from a word that only ends like one', () => {
    expect(['protest', 'interest', 'forest', 'honest', 'modest', 'request'].map((w) => superlativeOf(w))).toEqual(
      Array(6).fill(undefined),
    );
    expect(['biggest', 'largest', 'earliest', 'greatest', 'closest'].map((w) => superlativeOf(w))).toEqual([
      'big',
      'large',
      'early',
      'great',
      'close',
    ]);
  });

  it('needs "the", a possessive or an ordinal before it', () => {
    expect(ranks('highest praise came from critics')).toEqual([]);
    expect(ranks('their latest and biggest order').map((r) => r.text)).toEqual([]);
    expect(ranks('its biggest order').map((r) => r.text)).toEqual(['biggest']);
  });
});
