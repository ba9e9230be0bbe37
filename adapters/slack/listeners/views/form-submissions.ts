/**
 * Submitted modals: the reason for "Not helpful", a proposed fact, a rejection's reason.
 * Nothing is acknowledged before it is saved: problems with a proposal, a missing reason, or
 * a store that is unavailable keep the modal open with the reason under its field; otherwise
 * the modal closes and the user alone is told what became of it.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { FormValues } from '../../../shared/moderation/forms.js';
import { REASON_FIELD } from '../../../shared/moderation/forms.js';
import { parseId } from '../../../shared/moderation/ids.js';
import { NOT_A_MODERATOR } from '../../../shared/moderation/texts.js';
import { renderSlackFormErrors, renderSlackReview } from '../../components-render.js';
import { slackPerson, slackPlace, type SlackDeps } from '../../deps.js';
import { isSlackModerator } from '../../permissions.js';
import { renderSlack } from '../../render.js';
import { decodeMetadata, postToResponseUrl } from '../../response-url.js';

export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The text inputs of a submitted view, by block id (each block holds one input). */
export function viewValues(view: ViewSubmitAction['view']): FormValues {
  const out: FormValues = {};
  for (const [block, actions] of Object.entries(view.state.values)) {
    const first = Object.values(actions)[0];
    out[block] = first?.value ?? '';
  }
  return out;
}

export function formSubmissionCallback(deps: SlackDeps) {
  return async ({ ack: boltAck, body, view, client }: ViewArgs): Promise<void> => {
    // Slack waits for exactly one acknowledgement; a failure before it must still send one.
    let acked = false;
    const ack = (response?: Parameters<typeof boltAck>[0]) => {
      acked = true;
      return boltAck(response);
    };
    const id = parseId(view.callback_id);
    const person = slackPerson(body.user);
    const values = viewValues(view);
    const { responseUrl, channel } = decodeMetadata(view.private_metadata);
    const place = slackPlace(body.team?.id, channel);
    const log = deps.logger.child({
      requestId: body.trigger_id,
      kind: 'view',
      view: view.callback_id,
      user: deps.desk.logId(person.userId),
    });
    const tell = async (text: string) => {
      if (responseUrl) await postToResponseUrl(responseUrl, renderSlack({ kind: 'notice', text }));
    };
    try {
      switch (id?.kind) {
        case 'reason': {
          // Acknowledged once saved: while the store is unavailable the form stays open, saying so.
          const result = await deps.desk.reason(person, place, id.record, values[REASON_FIELD]);
          if (!result.ok) return await ack(renderSlackFormErrors([{ field: REASON_FIELD, message: result.text }]));
          await ack();
          return await tell(result.text);
        }
        case 'propose': {
          // Acknowledged once saved (the desk bounds the store's time within Slack's 3 seconds).
          const result = await deps.desk.propose(values, person, place, view.id);
          if (!result.ok && result.errors.length) return await ack(renderSlackFormErrors(result.errors));
          await ack();
          log.info({ ok: result.ok }, 'proposal submitted');
          return await tell(result.text);
        }
        case 'reject_reason': {
          if (!(await isSlackModerator(client, person.userId, deps.config.moderators))) {
            await ack();
            return await tell(NOT_A_MODERATOR.slack);
          }
          const result = await deps.desk.reject(place, id.proposal, person, values[REASON_FIELD] ?? '');
          if (!result.ok) return await ack(renderSlackFormErrors([result.error]));
          await ack();
          if (responseUrl) await postToResponseUrl(responseUrl, renderSlackReview(result.queue), true);
          return;
        }
        default:
          await ack();
          log.warn('a view this bot does not know');
      }
    } catch (error) {
      log.error({ err: error }, 'form submission failed');
      if (!acked) await ack().catch(() => undefined);
    }
  };
}
