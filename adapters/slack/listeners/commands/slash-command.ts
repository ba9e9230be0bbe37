/**
 * `/ask`, `/check` and `/sources`: acknowledge at once (Slack allows three seconds), then
 * answer through the response_url. Visible in the channel unless the user wrote
 * `/ask private …` or the workspace made answers private by default.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { handleRequest, SOMETHING_WENT_WRONG, type CommandName } from '../../../shared/requests.js';
import { withCooldown, type SlackDeps } from '../../deps.js';
import { renderSlack } from '../../render.js';
import { plainFromSlack, readCommandText } from '../../slack-text.js';

export type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function slashCommandCallback(deps: SlackDeps, name: Exclude<CommandName, 'help'>) {
  return async ({ command, ack, respond }: SlashCommandArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({ requestId: command.trigger_id, kind: 'command', command: command.command, user: command.user_id, channel: command.channel_id });
    try {
      const input = readCommandText(plainFromSlack(command.text ?? ''));
      const reply = withCooldown(deps, { team: command.team_id, user: command.user_id }, () => handleRequest(deps.engine, { command: name, text: input.text }));
      const visible = reply.kind !== 'notice' && !input.private && !deps.config.privateByDefault;
      await respond({ response_type: visible ? 'in_channel' : 'ephemeral', ...renderSlack(reply) });
      log.info({ reply: reply.kind, visible }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'slash command failed');
      await respond({ response_type: 'ephemeral', ...renderSlack({ kind: 'notice', text: SOMETHING_WENT_WRONG }) }).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
