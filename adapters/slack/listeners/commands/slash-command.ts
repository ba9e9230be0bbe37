/**
 * `/ask`, `/check` and `/sources`: acknowledge at once (Slack allows three seconds), then
 * answer through the response_url. Visible in the channel unless the user wrote
 * `/ask private …` or the channel's setting makes answers private (by default with
 * SLACK_PRIVATE_BY_DEFAULT); a channel switched off gets a polite private refusal.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { visibility } from '../../../shared/moderation/channel-policy.js';
import { SWITCHED_OFF } from '../../../shared/moderation/texts.js';
import { handleRequest, SOMETHING_WENT_WRONG, type CommandName } from '../../../shared/requests.js';
import { slackPerson, withCooldown, type SlackDeps } from '../../deps.js';
import { renderSlack } from '../../render.js';
import { plainFromSlack, readCommandText } from '../../slack-text.js';

export type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function slashCommandCallback(deps: SlackDeps, name: Exclude<CommandName, 'help'>) {
  return async ({ command, ack, respond }: SlashCommandArgs): Promise<void> => {
    await ack();
    const log = deps.logger.child({
      requestId: command.trigger_id,
      kind: 'command',
      command: command.command,
      user: command.user_id,
      channel: command.channel_id,
    });
    try {
      const policy = deps.desk.policy(command.channel_id);
      if (policy.mode === 'off') {
        await respond({ response_type: 'ephemeral', ...renderSlack({ kind: 'notice', text: SWITCHED_OFF }) });
        log.info('switched off in this channel');
        return;
      }
      const input = readCommandText(plainFromSlack(command.text ?? ''));
      const reply = withCooldown(deps, { team: command.team_id, user: command.user_id }, policy.cooldownSeconds, () =>
        handleRequest(deps.engine, { command: name, text: input.text }),
      );
      const person = slackPerson({ id: command.user_id, name: command.user_name });
      const feedback = await deps.desk.record(
        person,
        { guild: command.team_id, channel: command.channel_id },
        name,
        reply,
      );
      const visible = visibility(policy, { askedPrivately: input.private, reply }) === 'public';
      await respond({ response_type: visible ? 'in_channel' : 'ephemeral', ...renderSlack(reply, { feedback }) });
      log.info({ reply: reply.kind, visible, record: feedback }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'slash command failed');
      await respond({
        response_type: 'ephemeral',
        ...renderSlack({ kind: 'notice', text: SOMETHING_WENT_WRONG }),
      }).catch((e: unknown) => log.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
}
