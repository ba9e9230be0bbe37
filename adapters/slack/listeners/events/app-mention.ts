/**
 * `@crosscheck <question>` in a channel: the answer goes in the thread of the mention, so a
 * busy channel stays readable. `@crosscheck /check <claim>` works too. Notices (cooldown,
 * empty question) go only to the asker.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { handleRequest, parseLine, type Reply } from '../../../shared/requests.js';
import { withCooldown, type SlackDeps } from '../../deps.js';
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
    const tellUser = (text: string) => client.chat.postEphemeral({ channel: event.channel, user, thread_ts, ...renderSlack({ kind: 'notice', text }) });
    try {
      // Mentions (the bot's own included) are addressing, not part of the question.
      const line = plainFromSlack(event.text);
      const reply = withCooldown(deps, { team: body.team_id, user }, () => answer(deps, line));
      if (reply.kind === 'notice') await tellUser(reply.text);
      else await client.chat.postMessage({ channel: event.channel, thread_ts, ...renderSlack(reply) });
      log.info({ reply: reply.kind }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'mention failed');
      await tellUser(explainFailure(error)).catch((e: unknown) => log.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
}

function answer(deps: SlackDeps, line: string): Reply {
  if (!line.trim()) return handleRequest(deps.engine, { command: 'help', text: '' });
  const request = parseLine(line);
  if ('unknown' in request) {
    return { kind: 'notice', text: `I don't know /${deps.engine.safeEcho(request.unknown).slice(0, 40)}. Ask me a question, or check a claim with ${deps.config.commands.check}.` };
  }
  return handleRequest(deps.engine, request);
}
