/**
 * The buttons of the moderators' tools: "Helpful" / "Not helpful" under answers (a vote;
 * "Not helpful" also opens a modal for an optional reason), and Approve / Reject in the
 * review list (moderators only; reject asks for a reason in a modal). Replies go to the
 * clicking user alone; the review list is updated in place.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reasonForm, rejectForm } from '../../../shared/moderation/forms.js';
import { parseId } from '../../../shared/moderation/ids.js';
import { NOT_A_MODERATOR } from '../../../shared/moderation/texts.js';
import { renderSlackModal, renderSlackReview } from '../../components-render.js';
import { slackPerson, slackPlace, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { isSlackModerator } from '../../permissions.js';
import { renderSlack } from '../../render.js';
import { encodeMetadata } from '../../response-url.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function moderationButtonCallback(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const id = parseId(action.action_id);
    const person = slackPerson(body.user);
    const place = slackPlace(body.team?.id, body.channel?.id);
    const log = deps.logger.child({
      requestId: body.trigger_id,
      kind: 'button',
      action: action.action_id,
      user: deps.desk.logId(person.userId),
      channel: body.channel?.id,
    });
    const tell = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack({ kind: 'notice', text }) });
    const isModerator = () => isSlackModerator(client, person.userId, deps.config.moderators);
    // A modal's submission has no response_url of its own: it travels with the view.
    const metadata = encodeMetadata({
      responseUrl: body.response_url,
      ...(body.channel ? { channel: body.channel.id } : {}),
    });
    try {
      switch (id?.kind) {
        case 'vote':
          if (id.helpful) {
            await tell(await deps.desk.vote(person, place, id.record, true));
            return;
          }
          // The click is the vote; the modal only adds a reason, so closing it still counts.
          await client.views.open({
            trigger_id: body.trigger_id,
            view: renderSlackModal(reasonForm(id.record), metadata),
          });
          await deps.desk.vote(person, place, id.record, false);
          return;
        case 'approve': {
          if (!(await isModerator())) {
            await tell(NOT_A_MODERATOR.slack);
            return;
          }
          const queue = await deps.desk.approve(place, id.proposal, person);
          await respond({ response_type: 'ephemeral', replace_original: true, ...renderSlackReview(queue) });
          log.info({ proposal: id.proposal }, 'approve clicked');
          return;
        }
        case 'reject':
          if (!(await isModerator())) {
            await tell(NOT_A_MODERATOR.slack);
            return;
          }
          await client.views.open({
            trigger_id: body.trigger_id,
            view: renderSlackModal(rejectForm(id.proposal), metadata),
          });
          return;
        default:
          log.warn('a button this bot does not know');
      }
    } catch (error) {
      log.error({ err: error }, 'button failed');
      await tell(explainFailure(error)).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
