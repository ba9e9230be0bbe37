/** The command loader: one module per command, each checked for its shape. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandModule } from '../../../adapters/discord/command.js';
import { loadCommands } from '../../../adapters/discord/loader.js';
import type { Engine } from '../../../src/core/engine.js';
import { loadEngine } from './harness.js';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

const execute = async () => {};
const slash = (over: object = {}) => ({ data: { type: 1, name: 'ask', description: 'Ask', ...over }, execute });

describe('command modules', () => {
  it('loads every module in commands/ with its handlers', async () => {
    const commands = await loadCommands(engine);
    expect([...commands.keys()]).toEqual(['ask', 'Check claims', 'check', 'crosscheck', 'sources']);
    for (const c of commands.values()) expect(typeof c.execute).toBe('function');
    expect(typeof commands.get('ask')!.autocomplete).toBe('function');
    expect(commands.get('sources')!.cooldown).toBe(false);
    expect(commands.get('crosscheck')).toMatchObject({ cooldown: false, channelSettings: false });
  });

  it('accepts a well-formed module, resolving a definition that depends on the pack', () => {
    expect(parseCommandModule(slash(), 'ok.ts', engine).data.name).toBe('ask');
    const fromPack = parseCommandModule(
      { data: (e: Engine) => ({ type: 1, name: 'docs', description: `${e.sources().length} documents` }), execute },
      'docs.ts',
      engine,
    );
    expect(fromPack.data.description).toBe(`${engine.sources().length} documents`);
  });

  it.each([
    ['no execute', { data: slash().data }, /must export an execute function/],
    ['an uppercase slash command name', slash({ name: 'Ask' }), /lowercase/],
    ['a description over 100 characters', slash({ description: 'x'.repeat(101) }), /description/],
    [
      '26 choices',
      slash({
        options: [
          {
            type: 3,
            name: 'q',
            description: 'q',
            choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })),
          },
        ],
      }),
      /choices/,
    ],
    [
      'an autocompleting option without a handler',
      slash({ options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }] }),
      /no autocomplete handler/,
    ],
    ['an unknown command type', slash({ type: 2 }), /type/],
  ])('refuses a module with %s, naming the file', (_what, exports, problem) => {
    expect(() => parseCommandModule(exports, 'bad.ts', engine)).toThrow(/^bad\.ts: /);
    expect(() => parseCommandModule(exports, 'bad.ts', engine)).toThrow(problem);
  });
});
