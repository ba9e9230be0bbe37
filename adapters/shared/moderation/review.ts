/** The review queue as both platforms show it: a page of proposals, each described for a moderator. */
import type { Pack } from '../../../src/knowledge/load.js';
import { quoteInSource } from '../../../src/moderation/proposals.js';
import type { ProposalRecord } from '../../../src/store/index.js';
import { KIND_LABEL } from '../describe.js';

/** Proposals per page: Discord gives a message five rows of buttons, one row per proposal. */
export const REVIEW_PAGE = 5;

export interface ProposalView {
  id: number;
  /** "#12 · su-35 · reported" */
  heading: string;
  statement: string;
  quote: string;
  /** The quote with the words around it in its source («quote»), when the source's text is in the pack. */
  context: string | null;
  /** Where the quote is from, and whether it was checked against the text. */
  source: string;
  /** "proposed by Pat on 2025-01-02" */
  proposed: string;
}

export interface ReviewQueue {
  /** What just happened (an approval, a rejection, a refusal), shown above the list. */
  note: string | null;
  items: ProposalView[];
  /** How many more are waiting beyond this page. */
  more: number;
}

function describeSource(p: ProposalRecord, pack: Pack): string {
  const s = p.source;
  if ('document' in s) {
    const doc = pack.documents.get(s.document);
    const where = `“${doc?.title ?? s.document}” (${s.document}${s.post !== undefined ? `, post ${s.post}` : ''})`;
    return doc?.text
      ? `${where}; the quote was found in its text`
      : `${where}; its text is not in the pack, so the quote is unchecked`;
  }
  const parts = [`new document “${s.title}”`, s.author, s.date, s.url].filter(Boolean);
  return `${parts.join(', ')}; the quote is unchecked, please open the source`;
}

export function proposalView(p: ProposalRecord, pack: Pack): ProposalView {
  const kind = KIND_LABEL[p.kind as keyof typeof KIND_LABEL] ?? p.kind;
  return {
    id: p.id,
    heading: `#${p.id} · ${p.topic} · ${kind}`,
    statement: p.statement,
    quote: p.quote,
    context: quoteInSource(pack, p),
    source: describeSource(p, pack),
    proposed: `proposed by ${p.proposer} on ${p.createdAt.slice(0, 10)}`,
  };
}
