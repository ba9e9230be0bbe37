/**
 * The moderators' tools on Discord: what the desk decided, sent the Discord way (ephemeral
 * messages, modals, in-place updates of the review list), and the buttons and modals
 * coming back. Every decision is the desk's (adapters/shared/moderation).
 */
import type { ButtonInteraction, ModalSubmitInteraction, RepliableInteraction } from 'discord.js';
import type { ModerationDesk } from '../shared/moderation/desk.js';
import type { FormValues } from '../shared/moderation/forms.js';
import { REASON_FIELD, reasonForm, rejectForm } from '../shared/moderation/forms.js';
import { parseId } from '../shared/moderation/ids.js';
import type { ReviewQueue } from '../shared/moderation/review.js';
import { NOT_A_MODERATOR } from '../shared/moderation/texts.js';
import { renderModal, renderReview } from './components-render.js';
import { isModerator, personOf, placeOf } from './people.js';
import { notice } from '../pipeline/reply.js';
import { deliver, replyOptions, send } from './respond.js';

export const STALE_COMPONENT = 'That button or form is not available any more.';

/** The text fields of a submitted modal, by custom id. */
function formValues(interaction: ModalSubmitInteraction): FormValues {
  return Object.fromEntries(
    [...interaction.fields.fields].map(([id, c]) => [id, 'value' in c && typeof c.value === 'string' ? c.value : '']),
  );
}

/** Replaces the review list the button or form came from; a reply if it came from elsewhere. */
async function showQueue(interaction: ButtonInteraction | ModalSubmitInteraction, queue: ReviewQueue): Promise<void> {
  const payload = renderReview(queue);
  if (interaction.isButton() || interaction.isFromMessage()) {
    const { flags: _fixed, ...update } = replyOptions(payload);
    await interaction.update(update);
  } else {
    await deliver(interaction, payload);
  }
}

const tell = (interaction: RepliableInteraction, text: string) => send(interaction, notice(text), { ephemeral: true });

/** A button or modal submit of the moderators' tools. Anything else is told it is stale. */
export async function handleComponent(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  desk: ModerationDesk,
): Promise<void> {
  const id = parseId(interaction.customId);
  const person = personOf(interaction);
  const place = placeOf(interaction);
  const modal = interaction.isModalSubmit() ? interaction : null;
  const button = interaction.isButton() ? interaction : null;
  switch (id?.kind) {
    case 'vote':
      if (id.helpful) return tell(interaction, await desk.vote(person, place, id.record, true));
      // The click is the vote; the form only adds a reason, so closing it still counts.
      if (!button) break;
      await button.showModal(renderModal(reasonForm(id.record)));
      await desk.vote(person, place, id.record, false);
      return;
    case 'reason':
      if (!modal) break;
      return tell(interaction, (await desk.reason(person, place, id.record, formValues(modal)[REASON_FIELD])).text);
    case 'propose':
      if (!modal) break;
      return tell(interaction, (await desk.propose(formValues(modal), person, place)).text);
    case 'approve':
      if (!isModerator(interaction)) return tell(interaction, NOT_A_MODERATOR.discord);
      return showQueue(interaction, await desk.approve(place, id.proposal, person));
    case 'reject':
      if (!isModerator(interaction)) return tell(interaction, NOT_A_MODERATOR.discord);
      if (!button) break;
      await button.showModal(renderModal(rejectForm(id.proposal)));
      return;
    case 'reject_reason': {
      if (!modal) break;
      if (!isModerator(interaction)) return tell(interaction, NOT_A_MODERATOR.discord);
      const result = await desk.reject(place, id.proposal, person, formValues(modal)[REASON_FIELD] ?? '');
      return result.ok ? showQueue(interaction, result.queue) : tell(interaction, result.error.message);
    }
  }
  return tell(interaction, STALE_COMPONENT);
}
