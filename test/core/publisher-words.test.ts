import { describe, expect, it } from 'vitest';
import { FactIndex } from '../../src/core/fact-index.js';
import { PublisherWords } from '../../src/core/publisher-words.js';
import { terms } from '../../src/core/tokens.js';
import { reportedFact } from '../helpers/fact.js';

describe('words of a publisher’s name', () => {
  // The pack says "France" only where it names who published a passage.
  const onlyAttributed = new Set(terms('france presse ndtv troutman'));
  const attributedOnly = (t: string) => onlyAttributed.has(t);
  const words = new PublisherWords(['Agence France-Presse', 'NDTV'], new Set(terms('Emily Troutman')), terms);

  it('a name the pack has only in a publisher’s name is one no source speaks of', () => {
    expect(words.strays(['who', 'president', 'france'], attributedOnly)).toBe('france');
  });

  it('unless the question names the publisher in full, or the sources say the name themselves', () => {
    expect(words.strays(['what', 'agence', 'france', 'presse', 'report'], attributedOnly)).toBeUndefined();
    expect(words.strays(['according', 'ndtv', 'dam', 'high'], attributedOnly)).toBeUndefined();
    expect(words.strays(['president', 'france'], () => false)).toBeUndefined();
  });

  it('an author’s name is not a publisher’s, and an English word is no name', () => {
    const byAuthor = new PublisherWords(['Troutman Media'], new Set(terms('Emily Troutman')), terms);
    expect(byAuthor.strays(['who', 'troutman'], attributedOnly)).toBeUndefined();
    const english = new PublisherWords(['The Associated Press'], new Set(), terms);
    expect(english.strays(['groups', 'associated', 'press'], () => true)).toBeUndefined();
  });

  it('the index tells a term said only in statements from one a quote says', () => {
    const passage = {
      ...reportedFact('p', 'The office of President Martelly gave no comment.'),
      statement:
        'According to Emily Troutman (Agence France-Presse, 2011): “The office of President Martelly gave no comment.”',
    };
    const index = new FactIndex([passage], new Map(), []);
    expect(index.attributedOnly('franc')).toBe(true);
    expect(index.attributedOnly('presid')).toBe(false);
    expect(index.attributedOnly('unknownword')).toBe(false);
  });
});
