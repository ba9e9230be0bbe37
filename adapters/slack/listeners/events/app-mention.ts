/**
 * `@crosscheck <question>` in a channel: the answer goes in the thread of the mention, so a
 * busy channel stays readable. `@crosscheck /check <claim>` works too. Notices (cooldown,
 * empty question) go only to the asker, and so does everything in a channel set to
 * ephemeral; in a channel switched off, a mention gets no reply at all.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { cutEnd } from '../../../shared/cut.js';
import { visibility } from '../../../shared/moderation/channel-policy.js';
import { handleRequest, parseLine, type Reply } from '../../../shared/requests.js';
import { slackPerson, withCooldown, type SlackDeps } from '../../deps.js';
import { explainFailure } from '../../failures.js';
import { renderSlack } from '../../render.js';
import { plainFromSlack } from '../../slack-text.js';

export type AppMentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export function appMentionCallback(deps: SlackDeps) {
  return async ({ event, body, client }: AppMentionArgs): Promise<void> => {
    const user = event.user;
    // Other bots' mentions are left alone: no bot conversations, no loops.
    if (!user || event.bot_id) return;
    const log = deps.logger.child({ requestId: body.event_id, kind: 'mention', user, channel: event.channel });
    const thread_ts = event.thread_ts ?? event.ts;
    const tellUser = (text: string) =>
      client.chat.postEphemeral({ channel: event.channel, user, thread_ts, ...renderSlack({ kind: 'notice', text }) });
    try {
      const policy = deps.desk.policy(event.channel);
      if (policy.mode === 'off') {
        log.info('switched off in this channel; no reply');
        return;
      }
      // Mentions (the bot's own included) are addressing, not part of the question.
      const line = plainFromSlack(event.text);
      const parsed = line.trim() ? parseLine(line) : null;
      const reply = withCooldown(deps, { team: body.team_id, user }, policy.cooldownSeconds, () =>
        answer(deps, parsed),
      );
      const command = parsed && 'command' in parsed ? parsed.command : 'ask';
      const feedback = await deps.desk.record(
        slackPerson({ id: user }),
        { guild: body.team_id, channel: event.channel },
        command,
        reply,
      );
      const message = { channel: event.channel, thread_ts, ...renderSlack(reply, { feedback }) };
      if (visibility(policy, { reply }) === 'public') await client.chat.postMessage(message);
      else await client.chat.postEphemeral({ ...message, user });
      log.info({ reply: reply.kind, record: feedback }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'mention failed');
      await tellUser(explainFailure(error)).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}

function answer(deps: SlackDeps, request: ReturnType<typeof parseLine> | null): Reply {
  if (!request) return handleRequest(deps.engine, { command: 'help', text: '' });
  if ('unknown' in request) {
    return {
      kind: 'notice',
      text: `I don't know /${cutEnd(deps.engine.safeEcho(request.unknown), 40)}. Ask me a question, or check a claim with ${deps.config.commands.check}.`,
    };
  }
  return handleRequest(deps.engine, request);
}
