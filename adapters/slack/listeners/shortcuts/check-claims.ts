/**
 * The "Check claims" message shortcut: checks up to five claims of a message and posts the
 * verdicts in that message's thread. Only admins and moderators may, since the verdicts
 * appear under someone else's message; anyone else gets a private explanation. In a
 * channel set to ephemeral the verdicts go only to the moderator; switched off, nothing runs.
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { visibility } from '../../../shared/moderation/channel-policy.js';
import { SWITCHED_OFF } from '../../../shared/moderation/texts.js';
import { checkMessage } from '../../../shared/requests.js';
import { slackPerson, withCooldown, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { isSlackModerator, notAModerator } from '../../permissions.js';
import { renderSlack } from '../../render.js';
import { plainFromSlack } from '../../slack-text.js';

export type CheckClaimsArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export function checkClaimsCallback(deps: SlackDeps) {
  return async ({ shortcut, ack, respond, client }: CheckClaimsArgs): Promise<void> => {
    await ack();
    const user = shortcut.user.id;
    const log = deps.logger.child({
      requestId: shortcut.trigger_id,
      kind: 'shortcut',
      user,
      channel: shortcut.channel.id,
    });
    const tellUser = (text: string) =>
      respond({ response_type: 'ephemeral', ...renderSlack({ kind: 'notice', text }) });
    try {
      const policy = deps.desk.policy(shortcut.channel.id);
      if (policy.mode === 'off') {
        await tellUser(SWITCHED_OFF);
        return;
      }
      if (!(await isSlackModerator(client, user, deps.config.moderators))) {
        log.info('check claims refused: not a moderator');
        await tellUser(notAModerator(deps.config.commands.check));
        return;
      }
      const reply = withCooldown(deps, { team: shortcut.team?.id, user }, policy.cooldownSeconds, () =>
        checkMessage(deps.engine, plainFromSlack(shortcut.message.text ?? '')),
      );
      if (reply.kind === 'notice') {
        await tellUser(reply.text);
        return;
      }
      const feedback = await deps.desk.record(
        slackPerson(shortcut.user),
        { guild: shortcut.team?.id ?? null, channel: shortcut.channel.id },
        'check_message',
        reply,
      );
      if (visibility(policy, { reply }) === 'ephemeral') {
        await respond({ response_type: 'ephemeral', ...renderSlack(reply, { feedback }) });
        log.info({ reply: reply.kind }, 'verdicts shown to the moderator only');
        return;
      }
      const thread_ts = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts, ...renderSlack(reply, { feedback }) });
      log.info({ reply: reply.kind }, 'posted verdicts');
    } catch (error) {
      log.error({ err: error }, 'check claims failed');
      await tellUser(explainFailure(error)).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
