/**
 * What a request comes to, before any platform sees it. The pipeline returns a `Reply`;
 * each adapter's pure renderer turns it into that platform's payload (an embed, Block Kit,
 * terminal text, a modal for a form).
 *
 * Every kind is a case in every renderer. A command whose reply is of a kind of its own
 * declares the kind in its own file, by merging into `ReplyKinds`:
 *
 *   declare module '../pipeline/reply.js' {
 *     interface ReplyKinds { topics: { topics: TopicSummary[] } }
 *   }
 *
 * and the type checker then asks each renderer for its case.
 */
import type { Answer, SourceSummary, Verdict } from '../../src/core/model.js';
import type { FormSpec } from '../shared/moderation/forms.js';
import type { ReviewQueue } from '../shared/moderation/review.js';

export interface ReplyKinds {
  answer: { answer: Answer };
  verdict: { verdict: Verdict };
  /** "Check claims" on a message: a verdict per checkable sentence. */
  verdicts: { verdicts: Verdict[]; claim: string };
  sources: { sources: SourceSummary[] };
  source: { source: SourceSummary };
  help: { text: string };
  /** A plain sentence for the asker alone: an empty question, a cooldown, a refusal. */
  notice: { text: string };
  /** The moderators' report, as preformatted text. */
  report: { text: string };
  /** Proposed facts waiting for a moderator. */
  review: { queue: ReviewQueue };
  /** A form to fill in (a modal on both platforms). */
  form: { form: FormSpec };
}

export type ReplyKind = keyof ReplyKinds;

export type Reply = { [K in ReplyKind]: { kind: K } & ReplyKinds[K] }[ReplyKind];

/** Every reply that is a message; a form is shown as a modal instead. */
export type MessageReply = Exclude<Reply, { kind: 'form' }>;

export const notice = (text: string): MessageReply => ({ kind: 'notice', text });

/** Replies only the asker ever sees, whatever the channel's setting. */
const PRIVATE_KINDS: ReadonlySet<ReplyKind> = new Set(['notice', 'report', 'review', 'form']);

export const isPrivateKind = (reply: Reply): boolean => PRIVATE_KINDS.has(reply.kind);

/** The reply as a message; a form can only answer an interaction that may open one. */
export function asMessage(reply: Reply): MessageReply {
  if (reply.kind === 'form') throw new Error('a form can only answer a command that opens a modal');
  return reply;
}
