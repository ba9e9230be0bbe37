/** The chat payload renderers `--render` can preview: exactly what each platform is sent. */
import { renderDiscord } from '../discord/render.js';
import { renderSlack } from '../slack/render.js';
import type { MessageReply as Reply } from '../pipeline/reply.js';

export const RENDERERS: Record<string, (reply: Reply) => unknown> = {
  discord: (reply) => renderDiscord(reply),
  slack: (reply) => renderSlack(reply),
};
