/**
 * "Check claims", run by a moderator on someone's message (Discord's message menu, Slack's
 * message shortcut): a verdict per checkable sentence, at most five, posted under the
 * message, so the correction sits under the claim. Moderators only, since it replies
 * publicly under someone else's message.
 */
import { defineCommand } from '../pipeline/command.js';
import { notice } from '../pipeline/reply.js';

/** Claims checked per message, so a long message cannot flood the thread. */
const MAX_CLAIMS = 5;

export const command = defineCommand({
  name: 'Check claims',
  kind: 'message',
  surfaces: ['discord', 'slack'],
  description: `Check up to ${MAX_CLAIMS} claims of this message and post the verdicts under it`,
  details: 'a verdict per checkable sentence, posted under the message (in its thread)',
  audience: 'moderators',
  refusal: (moderatorsAre, { commandName }) =>
    `Only ${moderatorsAre} can run Check claims, because it posts a public reply under someone else’s message. You can check a claim yourself with ${commandName('check')}.`,
  record: 'check_message',
  run: ({ text }, { engine, scope }) => {
    const verdicts = engine.checkMessage(text, MAX_CLAIMS, scope);
    if (verdicts.length === 0) return notice('That message has no claim I can check.');
    return { kind: 'verdicts', verdicts, claim: engine.safeEcho(text) };
  },
});
