/**
 * `/crosscheck report|propose|review|channel`: the moderators' tools. Acknowledged at once;
 * the desk decides (and asks whether the user is a moderator only when it matters), and
 * the result is shown to the user alone, or opens the propose form as a modal.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCrosscheckText } from '../../../shared/moderation/crosscheck-command.js';
import type { DeskOutcome } from '../../../shared/moderation/desk.js';
import { renderSlackModal, renderSlackReport, renderSlackReview } from '../../components-render.js';
import { slackPerson, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { isSlackModerator } from '../../permissions.js';
import { renderSlack, type SlackMessage } from '../../render.js';
import { encodeMetadata } from '../../response-url.js';
import { plainFromSlack } from '../../slack-text.js';

export type CrosscheckArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What the desk said, as a message only the moderator sees. */
export function renderOutcome(outcome: Exclude<DeskOutcome, { kind: 'form' }>): SlackMessage {
  switch (outcome.kind) {
    case 'notice':
      return renderSlack({ kind: 'notice', text: outcome.text });
    case 'report':
      return renderSlackReport(outcome.text);
    case 'review':
      return renderSlackReview(outcome.queue);
  }
}

export function crosscheckCallback(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: CrosscheckArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({
      requestId: command.trigger_id,
      kind: 'command',
      command: command.command,
      user: command.user_id,
      channel: command.channel_id,
    });
    try {
      const person = slackPerson({ id: command.user_id, name: command.user_name });
      const place = { guild: command.team_id, channel: command.channel_id };
      const isModerator = () => isSlackModerator(client, command.user_id, deps.config.moderators);
      const outcome = await deps.desk.crosscheck(
        parseCrosscheckText(plainFromSlack(command.text ?? '')),
        person,
        place,
        isModerator,
      );
      if (outcome.kind === 'form') {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: renderSlackModal(outcome.form, encodeMetadata({ responseUrl: command.response_url })),
        });
      } else {
        await respond({ response_type: 'ephemeral', ...renderOutcome(outcome) });
      }
      log.info({ outcome: outcome.kind }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'crosscheck command failed');
      await respond({
        response_type: 'ephemeral',
        ...renderSlack({ kind: 'notice', text: explainFailure(error) }),
      }).catch((e: unknown) => log.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
}
