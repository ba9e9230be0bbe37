/**
 * Slack payloads for the moderators' tools: the feedback buttons, forms as modal views, the
 * review queue and the report. Pure, like render.ts: the shared desk decides what is said,
 * this only lays it out as Block Kit within Slack's limits.
 *
 *   feedbackBlock(42)               // an actions block: 👍 Helpful · 👎 Not helpful, carrying record 42
 *   renderSlackModal(form, meta)    // the `view` for views.open
 *   renderSlackReview(queue)        // a section and an Approve / Reject row per proposal
 */
import type { ModalView } from '@slack/types';
import type { FieldProblem } from '../../src/moderation/proposals.js';
import { encodeId } from '../shared/moderation/ids.js';
import type { FormSpec } from '../shared/moderation/forms.js';
import type { ReviewQueue } from '../shared/moderation/review.js';
import { FEEDBACK_EMOJI, FEEDBACK_LABEL, REVIEW_EMPTY, reviewMore, splitLines } from '../shared/moderation/texts.js';
import {
  clampText,
  escapeSlack,
  MAX_BLOCKS,
  MAX_TEXT,
  type PlainText,
  type SlackBlock,
  type SlackMessage,
} from './blocks.js';

/** Slack's limits for the pieces below. */
export const VIEW_LIMITS = { title: 24, button: 75, placeholder: 150, metadata: 3000 } as const;

const plain = (text: string, max = 2000): PlainText => ({
  type: 'plain_text',
  text: text.length > max ? `${text.slice(0, max - 1)}…` : text,
  emoji: true,
});
const section = (text: string): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clampText(text || ' '), verbatim: true },
});
const context = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clampText(text), verbatim: true }],
});

/** "Helpful" / "Not helpful" under an answer or verdict; the record id is in the action ids. */
export function feedbackBlock(record: number): SlackBlock {
  return {
    type: 'actions',
    block_id: 'cc-feedback',
    elements: [
      {
        type: 'button',
        action_id: encodeId({ kind: 'vote', record, helpful: true }),
        text: plain(`${FEEDBACK_EMOJI.helpful} ${FEEDBACK_LABEL.helpful}`),
        value: String(record),
      },
      {
        type: 'button',
        action_id: encodeId({ kind: 'vote', record, helpful: false }),
        text: plain(`${FEEDBACK_EMOJI.notHelpful} ${FEEDBACK_LABEL.notHelpful}`),
        value: String(record),
      },
    ],
  };
}

/** A form as a modal view: one plain-text input per field; `metadata` comes back with the submission. */
export function renderSlackModal(form: FormSpec, metadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, VIEW_LIMITS.title),
    submit: plain('Submit', VIEW_LIMITS.title),
    close: plain('Cancel', VIEW_LIMITS.title),
    private_metadata: metadata.slice(0, VIEW_LIMITS.metadata),
    blocks: form.fields.map((f) => ({
      type: 'input',
      block_id: f.id,
      optional: !f.required,
      label: plain(f.label),
      ...(f.hint ? { hint: plain(f.hint) } : {}),
      element: {
        type: 'plain_text_input',
        action_id: f.id,
        multiline: f.multiline,
        max_length: f.maxLength,
        ...(f.placeholder ? { placeholder: plain(f.placeholder, VIEW_LIMITS.placeholder) } : {}),
      },
    })),
  };
}

/** The answer to a view submission that keeps the form open with a message under each field. */
export function renderSlackFormErrors(errors: FieldProblem[]): {
  response_action: 'errors';
  errors: Record<string, string>;
} {
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] = byField[e.field] ? `${byField[e.field]} ${e.message}` : e.message;
  return {
    response_action: 'errors',
    errors: Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, v.slice(0, 2000)])),
  };
}

/** The review queue: what just happened, then per proposal a section and its Approve / Reject buttons. */
export function renderSlackReview(queue: ReviewQueue): SlackMessage {
  const blocks: SlackBlock[] = [];
  if (queue.note) blocks.push(section(escapeSlack(queue.note)));
  if (!queue.items.length) blocks.push(section(escapeSlack(REVIEW_EMPTY)));
  for (const p of queue.items) {
    blocks.push({ type: 'divider' });
    const quote = escapeSlack(p.quote).replace(/\n/g, ' ');
    blocks.push(
      section(
        [
          `*${escapeSlack(p.heading)}*`,
          escapeSlack(p.statement),
          `> “${quote}”`,
          ...(p.context ? [`_In its source:_ ${escapeSlack(p.context).replace(/\n/g, ' ')}`] : []),
          `_Source:_ ${escapeSlack(p.source)}`,
          `_${escapeSlack(p.proposed)}_`,
        ].join('\n'),
      ),
    );
    blocks.push({
      type: 'actions',
      block_id: `cc-review-${p.id}`,
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: encodeId({ kind: 'approve', proposal: p.id }),
          text: plain(`Approve #${p.id}`),
          value: String(p.id),
        },
        {
          type: 'button',
          style: 'danger',
          action_id: encodeId({ kind: 'reject', proposal: p.id }),
          text: plain(`Reject #${p.id}`),
          value: String(p.id),
        },
      ],
    });
  }
  if (queue.more) blocks.push(context(escapeSlack(reviewMore(queue.more))));
  const fallback =
    queue.note ??
    (queue.items.length ? `${queue.items.length + queue.more} proposals waiting for review` : REVIEW_EMPTY);
  return { text: clampText(escapeSlack(fallback)), blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** The report as code blocks, split at line breaks to fit Slack's text limit. */
export function renderSlackReport(text: string): SlackMessage {
  const pieces = splitLines(escapeSlack(text.replace(/`/g, 'ˋ')), MAX_TEXT - 8).slice(0, MAX_BLOCKS);
  return {
    text: clampText(escapeSlack(text.split('\n')[0] ?? '')),
    blocks: pieces.map((p) => section(`\`\`\`\n${p}\n\`\`\``)),
  };
}
