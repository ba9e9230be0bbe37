/**
 * The replies the bot's commands give, straight from their declarations (adapters/commands)
 * with no platform, store or cooldown: for tests of what is said and how it renders.
 *
 *   const reply = await commandReplies(engine);
 *   reply('ask', 'who built the bridge')   // { kind: 'answer', … }
 */
import type { Engine } from '../../src/core/engine.js';
import { loadRegistry } from '../../adapters/pipeline/registry.js';
import { asMessage, type MessageReply } from '../../adapters/pipeline/reply.js';
import { commandContext, createPipeline } from '../../adapters/pipeline/serve.js';

export async function commandReplies(engine: Engine): Promise<(command: string, text: string) => MessageReply> {
  const registry = await loadRegistry();
  const ctx = commandContext(createPipeline({ engine, registry, platform: 'cli' }));
  return (command, text) => {
    const spec = registry.commands.find((c) => c.name === command);
    if (!spec) throw new Error(`no command ${command}`);
    const reply = spec.run({ text, options: {} }, ctx);
    if (reply instanceof Promise) throw new Error(`${command} answers asynchronously; use serve()`);
    return asMessage(reply);
  };
}
