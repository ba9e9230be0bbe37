/** /help on the console (and an empty @mention on Slack): what the bot covers and its commands here. */
import { type CommandContext, type CommandSpec, worded } from '../pipeline/command.js';
import { defineCommand } from '../pipeline/command.js';

/** "/ask <question> — Ask about …", or "Check claims (on a message) — …". */
function line(c: CommandSpec, ctx: CommandContext): string {
  const what = worded(c.description, ctx.words);
  if (c.kind === 'message') return `${c.name} (from a message's menu) — ${what}`;
  return `${[ctx.commandName(c.name), c.usage].filter(Boolean).join(' ')} — ${what}`;
}

export const command = defineCommand({
  name: 'help',
  kind: 'slash',
  surfaces: ['console'],
  description: 'What I answer from, and how to ask',
  details: 'this list, in the pack’s words; on Slack, mention the bot with nothing after it',
  cooldown: false,
  run: (_input, ctx) => {
    // Help itself goes last.
    const commands = ctx.registry
      .on(ctx.platform)
      .sort((a, b) => Number(a.name === 'help') - Number(b.name === 'help'));
    const intro = `I answer questions about ${ctx.words.subject} from cited sources, and say where they disagree.`;
    return { kind: 'help', text: [intro, ...commands.map((c) => line(c, ctx))].join('\n') };
  },
});
