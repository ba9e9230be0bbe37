/**
 * Work the search keeps between questions (passages made into facts, their section headings'
 * terms, a single word's terms, what WordNet says of a word) must change no answer: asked
 * again, a question finds the same facts, named and covered the same, as a fresh index does.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/core/analyzer.js';
import { askedOf, gives } from '../../src/core/answer-type.js';
import { FactIndex } from '../../src/core/fact-index.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { PassageFacts, passageFact } from '../../src/core/passage-facts.js';
import type { LoadedDocument } from '../../src/knowledge/load.js';
import { buildPassages, PassageTable } from '../../src/knowledge/passages.js';
import { normalizeForQuote } from '../../src/knowledge/text.js';

const TEXT = `A long opening paragraph about the harbour town and its fishing boats and its old market square.

# The Vellmar canal

The canal was dug by hand over eleven years and opened to barges in 1887.
Two locks were added later to carry the barges over the ridge near the quarry.

# The quarry

The quarry sent its granite down the canal to the harbour for sixty years.
`;

function madeUp(): { index: () => FactIndex; documents: Map<string, LoadedDocument>; table: PassageTable } {
  const doc: LoadedDocument = {
    id: 'town',
    title: 'The town',
    author: 'A. Writer',
    publisher: null,
    date: '2001-01-01',
    kind: 'article',
    reliability: 'made up for a test',
    text: TEXT,
    normalized: normalizeForQuote(TEXT),
  };
  const documents = new Map([[doc.id, doc]]);
  const table = PassageTable.of(buildPassages(documents.values()));
  return {
    index: () => new FactIndex([], new Map(), [['vellmar canal', 'vellmar']], {}, new PassageFacts(table, documents)),
    documents,
    table,
  };
}

describe('work kept between questions', () => {
  it('finds the same passages, named and covered the same, when a question is asked again', () => {
    const { index, documents, table } = madeUp();
    const kept = index();
    const ask = (ix: FactIndex, q: string) =>
      ix.search(ix.query(q)).map((h) => [h.fact.id, h.score, h.coverage, h.rank, h.named]);
    const questions = ['when did the vellmar canal open to barges', 'where did the quarry send its granite', 'locks'];
    const first = questions.map((q) => ask(kept, q));
    // The sentence does not say "Vellmar": its section's heading names it.
    const opened = kept.search(kept.query(questions[0]!)).find((h) => /opened to barges/.test(h.fact.quote))!;
    expect(opened.fact.quote).not.toMatch(/Vellmar/);
    expect(opened.named).toBe(true);
    // Asked again on the same index, and on a fresh one: the same hits.
    expect(questions.map((q) => ask(kept, q))).toEqual(first);
    expect(questions.map((q) => ask(index(), q))).toEqual(first);
    // The passage kept made is the same fact as one made anew.
    const hit = kept.search(kept.query('when did the vellmar canal open to barges'))[0]!;
    const passage = table.toArray().find((p) => `passage:${p.id}` === hit.fact.id)!;
    expect(hit.fact).toEqual(passageFact(passage, documents.get('town')!));
  });

  it("gives a single word's terms afresh each time: changing what it returned changes nothing kept", () => {
    const analyzer = new Analyzer([['vellmar canal', 'vellmar']]);
    const terms = analyzer.terms('barges');
    terms.push('changed');
    expect(analyzer.terms('barges')).toEqual(new Analyzer([]).terms('barges'));
    expect(analyzer.terms('vellmar')).toEqual(new Analyzer([['vellmar canal', 'vellmar']]).terms('vellmar'));
  });

  it('reads a kind the same for every fact of a question, in any order', () => {
    const quotes = ['exports are textiles and mangoes', 'exports are textiles and machinery', 'they sold fruit'];
    const kept = askedOf('fruit does the town sell', undefined, 'fruit');
    const once = quotes.map((q) => gives(q, 'kind', askedOf('fruit does the town sell', undefined, 'fruit')));
    expect([...quotes].reverse().map((q) => gives(q, 'kind', kept))).toEqual([...once].reverse());
    expect(quotes.map((q) => gives(q, 'kind', kept))).toEqual(once);
    expect(once).toEqual([true, false, true]);
  });

  it('says the same of a word each time WordNet is asked about it', () => {
    const lexicon = Lexicon.shared();
    for (const word of ['mangoes', 'barges', 'went', 'gas']) {
      const first = [lexicon.bases(word), lexicon.partsOfSpeech(word), lexicon.kinds(word)];
      expect([lexicon.bases(word), lexicon.partsOfSpeech(word), lexicon.kinds(word)]).toEqual(first);
    }
    expect(lexicon.bases('gas')).toEqual(['gas']);
  });
});
