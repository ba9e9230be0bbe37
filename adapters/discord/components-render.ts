/**
 * Discord payloads for the moderators' tools: the feedback buttons, forms as modals, the
 * review queue and the report. Pure, like render.ts: the shared desk decides what is said,
 * this only lays it out within Discord's limits.
 *
 *   feedbackRow(42)            // one row: 👍 Helpful · 👎 Not helpful, custom ids carrying record 42
 *   renderModal(form)          // the body of a MODAL interaction response
 *   renderReview(queue)        // an ephemeral message with an embed and a row of buttons per proposal
 */
import {
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { FormSpec } from '../shared/moderation/forms.js';
import { encodeId } from '../shared/moderation/ids.js';
import type { ReviewQueue } from '../shared/moderation/review.js';
import { FEEDBACK_EMOJI, FEEDBACK_LABEL, REVIEW_EMPTY, reviewMore, splitLines } from '../shared/moderation/texts.js';
import { LIMITS, withinLimits } from './limits.js';
import { defuseMentions, escapeDiscord as esc, shorten } from './markdown.js';
import { type DiscordActionRow, type DiscordEmbed, type DiscordReplyPayload, EPHEMERAL } from './payload.js';

/** Discord's limits for the pieces below. */
export const COMPONENT_LIMITS = {
  rows: 5,
  buttonLabel: 80,
  modalTitle: 45,
  label: 45,
  description: 100,
  placeholder: 100,
} as const;

export const REVIEW_COLOR = 0xf0a020;

/** "Helpful" / "Not helpful" under an answer or verdict. */
export function feedbackRow(record: number): DiscordActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: FEEDBACK_LABEL.helpful,
        emoji: { name: FEEDBACK_EMOJI.helpful },
        custom_id: encodeId({ kind: 'vote', record, helpful: true }),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: FEEDBACK_LABEL.notHelpful,
        emoji: { name: FEEDBACK_EMOJI.notHelpful },
        custom_id: encodeId({ kind: 'vote', record, helpful: false }),
      },
    ],
  };
}

/** A form as a modal: one labelled text input per field. */
export function renderModal(form: FormSpec): APIModalInteractionResponseCallbackData {
  return {
    custom_id: form.id,
    title: shorten(form.title, COMPONENT_LIMITS.modalTitle),
    components: form.fields.slice(0, COMPONENT_LIMITS.rows).map((f) => ({
      type: ComponentType.Label,
      label: shorten(f.label, COMPONENT_LIMITS.label),
      ...(f.hint ? { description: shorten(f.hint, COMPONENT_LIMITS.description) } : {}),
      component: {
        type: ComponentType.TextInput,
        custom_id: f.id,
        style: f.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: f.required,
        max_length: f.maxLength,
        ...(f.placeholder ? { placeholder: shorten(f.placeholder, COMPONENT_LIMITS.placeholder) } : {}),
      },
    })),
  };
}

/** The review queue, only for the moderator: an embed per proposal and its Approve / Reject row. */
export function renderReview(queue: ReviewQueue): DiscordReplyPayload {
  const lines = [
    queue.note,
    queue.items.length ? null : REVIEW_EMPTY,
    queue.more ? reviewMore(queue.more) : null,
  ].filter((l): l is string => !!l);
  const items = queue.items.slice(0, COMPONENT_LIMITS.rows);
  const embeds: DiscordEmbed[] = items.map((p) => ({
    title: shorten(esc(p.heading), LIMITS.title),
    description: shorten(esc(p.statement), LIMITS.description),
    color: REVIEW_COLOR,
    fields: [
      { name: 'Quote', value: shorten(`“${esc(p.quote)}”`, LIMITS.fieldValue) },
      ...(p.context ? [{ name: 'In its source', value: shorten(esc(p.context), LIMITS.fieldValue) }] : []),
      { name: 'Source', value: shorten(esc(p.source), LIMITS.fieldValue) },
      { name: 'Proposed', value: shorten(esc(p.proposed), LIMITS.fieldValue) },
    ],
  }));
  const components: DiscordActionRow[] = items.map((p) => ({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: `Approve #${p.id}`,
        custom_id: encodeId({ kind: 'approve', proposal: p.id }),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: `Reject #${p.id}`,
        custom_id: encodeId({ kind: 'reject', proposal: p.id }),
      },
    ],
  }));
  return {
    ...(lines.length ? { content: shorten(esc(lines.join('\n')), LIMITS.content) } : {}),
    embeds: withinLimits(embeds),
    flags: EPHEMERAL,
    components,
    allowed_mentions: { parse: [] },
  };
}

/** Markdown is not parsed in a code block, but a backtick would close it early and a mention would still show. */
const inCode = (text: string) => `\`\`\`\n${defuseMentions(text.replace(/`/g, 'ˋ'))}\n\`\`\``;

/** The report as code blocks in embeds, only for the moderator; what does not fit in two is cut, saying so. */
export function renderReport(text: string): DiscordReplyPayload {
  const pieces = splitLines(text, 2900);
  const shown = pieces.slice(0, 2);
  const embeds = shown.map((piece) => ({ description: inCode(piece), fields: [] }));
  return {
    ...(pieces.length > shown.length
      ? { content: 'The report is longer than a message; `npm run cli -- report` prints it whole.' }
      : {}),
    embeds,
    flags: EPHEMERAL,
    allowed_mentions: { parse: [] },
  };
}
