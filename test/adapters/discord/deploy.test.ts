/** `npm run discord:deploy` registers exactly the definitions the bot loads. */
import { spawn } from 'node:child_process';
import { DiscordAPIError } from 'discord.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { discordDefinitions } from '../../../adapters/discord/definitions.js';
import { loadRegistry } from '../../../adapters/pipeline/registry.js';
import { registerCommands } from '../../../adapters/discord/register.js';
import { cleanEnv, runEntry, type RunResult } from '../../helpers/run.js';
import { KNOWLEDGE, loadEngine, type FailingEngine } from './harness.js';
import { snowflake } from './payloads.js';
import { DiscordStandIn } from './stand-in.js';

let engine: FailingEngine;
let definitions: RESTPostAPIApplicationCommandsJSONBody[];
let discord: DiscordStandIn | undefined;
beforeAll(async () => {
  engine = loadEngine();
  definitions = discordDefinitions(await loadRegistry(), engine);
});
afterEach(async () => {
  await discord?.close();
  discord = undefined;
});

function npmRun(script: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('discord:deploy', () => {
  it('PUTs the bot’s own command definitions globally', async () => {
    discord = await DiscordStandIn.start();
    const line = await registerCommands(discord.config(), engine);
    expect(line).toBe(
      `Registered ${definitions.length} commands (${definitions.map((d) => d.name).join(', ')}) globally.`,
    );
    const puts = discord.requests.filter((q) => q.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.route).toBe(`/applications/${discord.applicationId}/commands`);
    expect(puts[0]!.headers.authorization).toBe(`Bot ${discord.token}`);
    expect(puts[0]!.body).toEqual(definitions);
  });

  it('fails with Discord’s error when the token is refused', async () => {
    discord = await DiscordStandIn.start();
    const refused = registerCommands({ ...discord.config(), token: 'not-the-token' }, engine);
    await expect(refused).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(refused).rejects.toMatchObject({ status: 401 });
  });

  it('runs as `npm run discord:deploy`: settings from the environment, one guild with DISCORD_GUILD_ID, one line out', async () => {
    discord = await DiscordStandIn.start();
    const guildId = snowflake();
    // DOTENV_CONFIG_PATH: a .env a developer keeps in the checkout must not leak in.
    const env = cleanEnv({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: guildId,
      KNOWLEDGE_DIR: KNOWLEDGE,
      DOTENV_CONFIG_PATH: '/nonexistent/.env',
    });
    const r = await npmRun('discord:deploy', env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`^Registered ${definitions.length} commands \\(.*crosscheck.*\\) in guild ${guildId}\\.\\n$`),
    );
    const put = discord.requests.find((q) => q.method === 'PUT')!;
    expect(put.route).toBe(`/applications/${discord.applicationId}/guilds/${guildId}/commands`);
    expect(put.body).toEqual(definitions);
  });

  it('refuses plainly without credentials', async () => {
    const r = await runEntry('adapters/discord/deploy.ts', [], {
      env: cleanEnv({ DOTENV_CONFIG_PATH: '/nonexistent/.env' }),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });
});
