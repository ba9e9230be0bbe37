import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { sameEvent } from '../../src/core/paraphrase.js';

const reader = new ClaimReader({ russia: ['russia'], pakistan: ['pakistan'], china: ['china'] }, []);
const claim = reader.read('Pakistan joined the Shanghai Cooperation Organization in 2017.');
const fact = (text: string) => {
  let reads = 0;
  const read = () => {
    reads += 1;
    return reader.read(text);
  };
  return { read, reads: () => reads };
};

describe('a paraphrase of the claim', () => {
  it('is about the same event when it covers enough of the claim, without reading the fact', () => {
    const f = fact('Something else entirely.');
    expect(sameEvent(claim, f.read, 0.7)).toBe(true);
    expect(f.reads()).toBe(0);
  });

  it('below that, is about the same event when it gives nearly all the claim’s words and every party', () => {
    const f = 'In 2017 Pakistan became a full member of the Shanghai Cooperation Organization, which it joined.';
    expect(sameEvent(claim, fact(f).read, 0.5)).toBe(true);
  });

  it('is not, when a party is missing or too few of the words are there', () => {
    expect(sameEvent(claim, fact('China joined the Shanghai Cooperation Organization in 2001.').read, 0.5)).toBe(false);
    expect(sameEvent(claim, fact('Pakistan joined the organization.').read, 0.5)).toBe(false);
    expect(sameEvent(claim, fact('Pakistan joined the Shanghai Cooperation Organization.').read, 0.3)).toBe(false);
  });
});

describe('a paraphrase in other words', () => {
  const quake = reader.read('The earthquake destroyed the harbour of Karachi in Pakistan.');

  it('gives a noun of the claim by a word WordNet names the same thing with', () => {
    expect(sameEvent(quake, fact('In Pakistan the quake destroyed the harbour of Karachi.').read, 0.5)).toBe(true);
  });

  it('gives a verb of the claim by another that tells the same deed', () => {
    const built = reader.read('Pakistan built the new harbour of Karachi.');
    expect(sameEvent(built, fact('Pakistan constructed the new harbour of Karachi.').read, 0.5)).toBe(true);
  });

  it('still needs nearly all of the claim’s words', () => {
    expect(sameEvent(quake, fact('In Pakistan the quake struck near Karachi.').read, 0.5)).toBe(false);
  });
});
