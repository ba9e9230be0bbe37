/**
 * A message shortcut ("Check claims"): the message's text goes through the pipeline, and a
 * public reply is posted in that message's thread, so it sits under the claim. Whatever the
 * pipeline keeps private (a refusal, a notice, a channel set to ephemeral) goes to the
 * user alone.
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { CommandSpec } from '../../../pipeline/command.js';
import { asMessage, notice } from '../../../pipeline/reply.js';
import { serve } from '../../../pipeline/serve.js';
import { slackPerson, slackPlace, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { isSlackModerator } from '../../permissions.js';
import { renderSlack } from '../../render.js';
import { plainFromSlack } from '../../slack-text.js';

export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export function messageShortcutCallback(deps: SlackDeps, spec: CommandSpec) {
  return async ({ shortcut, ack, respond, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const user = shortcut.user.id;
    const channel = shortcut.channel.id;
    const log = deps.logger.child({
      requestId: shortcut.trigger_id,
      kind: 'shortcut',
      user: deps.desk.logId(user),
      channel,
    });
    try {
      const outcome = await serve(deps.pipeline, {
        command: spec.name,
        text: plainFromSlack(shortcut.message.text ?? ''),
        person: slackPerson(shortcut.user),
        place: slackPlace(shortcut.team?.id, channel),
        isModerator: () => isSlackModerator(client, user, deps.config.moderators),
      });
      if (!outcome.reply) return;
      const message = renderSlack(asMessage(outcome.reply), { feedback: outcome.feedback });
      if (outcome.visibility === 'ephemeral') {
        await respond({ response_type: 'ephemeral', ...message });
        log.info({ reply: outcome.reply.kind }, 'shown to the user only');
        return;
      }
      const thread_ts = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
      await client.chat.postMessage({ channel, thread_ts, ...message });
      log.info({ reply: outcome.reply.kind }, 'posted in the thread');
    } catch (error) {
      log.error({ err: error }, `${spec.name.toLowerCase()} failed`);
      await respond({ response_type: 'ephemeral', ...renderSlack(notice(explainFailure(error))) }).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
