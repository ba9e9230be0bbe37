/**
 * `@crosscheck <question>` in a channel: the words after the mention are read as a console
 * line (a question, or "/check <claim>" and the like) and answered in the thread of the
 * mention, so a busy channel stays readable. What the pipeline keeps private goes to the
 * asker alone; in a channel switched off, a mention gets no reply at all.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { readLine } from '../../../pipeline/lines.js';
import { asMessage, notice } from '../../../pipeline/reply.js';
import { serve } from '../../../pipeline/serve.js';
import { slackPerson, slackPlace, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { isSlackModerator } from '../../permissions.js';
import { renderSlack } from '../../render.js';
import { plainFromSlack } from '../../slack-text.js';

export type AppMentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export function appMentionCallback(deps: SlackDeps) {
  return async ({ event, body, client }: AppMentionArgs): Promise<void> => {
    const user = event.user;
    // Other bots' mentions are left alone: no bot conversations, no loops.
    if (!user || event.bot_id) return;
    const log = deps.logger.child({
      requestId: body.event_id,
      kind: 'mention',
      user: deps.desk.logId(user),
      channel: event.channel,
    });
    const thread_ts = event.thread_ts ?? event.ts;
    try {
      // Mentions (the bot's own included) are addressing, not part of the question.
      const outcome = await serve(deps.pipeline, {
        ...readLine(plainFromSlack(event.text)),
        typed: true,
        quietWhenOff: true,
        person: slackPerson({ id: user }),
        place: slackPlace(body.team_id, event.channel),
        isModerator: () => isSlackModerator(client, user, deps.config.moderators),
      });
      if (!outcome.reply) {
        log.info('switched off in this channel; no reply');
        return;
      }
      const message = {
        channel: event.channel,
        thread_ts,
        ...renderSlack(asMessage(outcome.reply), { feedback: outcome.feedback }),
      };
      if (outcome.visibility === 'public') await client.chat.postMessage(message);
      else await client.chat.postEphemeral({ ...message, user });
      log.info({ reply: outcome.reply.kind, record: outcome.feedback }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'mention failed');
      await client.chat
        .postEphemeral({ channel: event.channel, user, thread_ts, ...renderSlack(notice(explainFailure(error))) })
        .catch((e: unknown) => log.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
}
