/**
 * Every slash command: acknowledge at once (Slack allows three seconds), run the request
 * through the pipeline, then answer through the response_url, in the channel or to the
 * asker alone as the pipeline decided, or open a modal for a form. "/ask private …" asks
 * for privacy in a command that follows the channel's setting.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CommandSpec } from '../../../pipeline/command.js';
import { notice } from '../../../pipeline/reply.js';
import { serve } from '../../../pipeline/serve.js';
import { renderSlackModal } from '../../components-render.js';
import { slackPerson, slackPlace, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { isSlackModerator } from '../../permissions.js';
import { renderSlack } from '../../render.js';
import { encodeMetadata } from '../../response-url.js';
import { plainFromSlack, readCommandText } from '../../slack-text.js';

export type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function slashCommandCallback(deps: SlackDeps, spec: CommandSpec) {
  return async ({ command, ack, respond, client }: SlashCommandArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({
      requestId: command.trigger_id,
      kind: 'command',
      command: command.command,
      user: deps.desk.logId(command.user_id),
      channel: command.channel_id,
    });
    try {
      const typed = plainFromSlack(command.text ?? '');
      const input = spec.followsChannel === false ? { text: typed.trim(), private: false } : readCommandText(typed);
      const outcome = await serve(deps.pipeline, {
        command: spec.name,
        text: input.text,
        askedPrivately: input.private,
        person: slackPerson({ id: command.user_id, name: command.user_name }),
        place: slackPlace(command.team_id, command.channel_id),
        isModerator: () => isSlackModerator(client, command.user_id, deps.config.moderators),
      });
      const { reply } = outcome;
      if (reply?.kind === 'form') {
        // A modal's submission has no response_url of its own: it travels with the view.
        const view = renderSlackModal(
          reply.form,
          encodeMetadata({ responseUrl: command.response_url, channel: command.channel_id }),
        );
        await client.views.open({ trigger_id: command.trigger_id, view });
      } else if (reply) {
        const response_type = outcome.visibility === 'public' ? 'in_channel' : 'ephemeral';
        await respond({ response_type, ...renderSlack(reply, { feedback: outcome.feedback }) });
      }
      log.info({ reply: reply?.kind, visibility: outcome.visibility, record: outcome.feedback }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'slash command failed');
      await respond({ response_type: 'ephemeral', ...renderSlack(notice(explainFailure(error))) }).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
