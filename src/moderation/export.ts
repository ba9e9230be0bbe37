/**
 * Approved facts out as a pack fact file, for review in git (`npm run knowledge:export`).
 *
 * Facts that cite a document of the pack are written as ordinary entries. Facts that
 * cite a new document are written commented out, with the document entry to add to
 * documents.yaml: the pack refuses a fact whose document has no text in sources/, so
 * they wait for someone to add the text and uncomment them.
 */
import { Document, stringify } from 'yaml';
import type { Fact } from '../knowledge/schema.js';
import type { Store } from '../store/index.js';
import { approvedFact, type ApprovedFact } from './proposals.js';

/** A fact as a pack's fact file writes it, its fields in the usual order. */
export const factEntry = (f: Fact) => ({
  id: f.id,
  statement: f.statement,
  quote: f.quote,
  source: f.source,
  ...(f.date ? { date: f.date } : {}),
  kind: f.kind,
  topic: f.topic,
});

const provenance = (a: ApprovedFact) =>
  ` approved by ${a.mark.approvedBy} on ${a.mark.approvedAt.slice(0, 10)}; proposed by ${a.proposal.proposer} (proposal #${a.proposal.id})`;

/** The approved facts as pack YAML text. */
export async function exportApproved(store: Store): Promise<string> {
  const all = (await store.approvedProposals()).map(approvedFact);
  const newDocs = new Map(all.filter((a) => a.document).map((a) => [a.document!.id, a.document!]));
  const ready = all.filter((a) => !newDocs.has(a.fact.source.document));
  const waiting = all.filter((a) => newDocs.has(a.fact.source.document));

  const doc = new Document({ facts: ready.map((a) => factEntry(a.fact)) });
  doc.commentBefore = [
    ' Community-added facts, approved by moderators through /crosscheck review.',
    ' Written by `npm run knowledge:export`; review it like any fact file (`npm run knowledge:check`).',
  ].join('\n');
  const items = (doc.get('facts', true) as { items: { commentBefore?: string }[] } | undefined)?.items ?? [];
  ready.forEach((a, i) => {
    if (items[i]) items[i]!.commentBefore = provenance(a);
  });
  let text = doc.toString({ lineWidth: 0 });

  if (waiting.length) {
    const docs = [...newDocs.values()]
      .filter((d) => waiting.some((a) => a.fact.source.document === d.id))
      .map((d) => ({
        id: d.id,
        title: d.title,
        author: d.author,
        publisher: d.publisher,
        date: d.date,
        kind: d.kind,
        ...(d.url ? { url: d.url } : {}),
        reliability: d.reliability,
      }));
    const block = [
      '',
      'These facts cite documents that are not in the pack yet. To add them: append the',
      `documents below to documents.yaml, save each document's text as sources/<id>.txt,`,
      'check that every quote is in it, and uncomment the facts (they are indented to sit',
      `in the list above${ready.length ? '' : ', once `facts: []` is made `facts:`'}).`,
      '',
      stringify({ documents: docs }, { lineWidth: 0 }).trimEnd(),
      '',
      // Indented as entries of `facts:`, so that uncommenting them puts them in the list.
      ...waiting.flatMap((a) => [
        `  #${provenance(a)}`,
        ...stringify([factEntry(a.fact)], { lineWidth: 0 })
          .trimEnd()
          .split('\n')
          .map((l) => `  ${l}`),
      ]),
    ].join('\n');
    text += `${block
      .split('\n')
      .map((l) => (l === '' ? '#' : l.startsWith('#') ? l : `# ${l}`))
      .join('\n')}\n`;
  }
  return text;
}
