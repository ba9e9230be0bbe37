/**
 * All settings come from the environment and are validated once, at start-up. A bad
 * setting stops the process with one plain line per problem, naming the variable and
 * saying how to fix it.
 */
import { z } from 'zod';
import { COOLDOWN_RANGE } from './store/channel-settings.js';
import { parseKey } from './store/secret-box.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const portNumber = z.coerce.number().int().min(1, 'must be a port number').max(65535, 'must be a port number');
const bool = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => ['true', '1', 'yes'].includes(v)),
  );
const list = z.preprocess(
  blankToUndefined,
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
);

/** Human guidance per variable, used in error lines and in .env.example. */
export const HINTS: Record<string, string> = {
  NODE_ENV: 'set to production or development',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  KNOWLEDGE_DIR: 'point it at a knowledge pack directory (default: knowledge)',
  COOLDOWN_SECONDS: 'a whole number of seconds between one user’s requests (0 turns it off)',
  HTTP_PORT: 'a port number for /healthz and /readyz, e.g. 8080',
  DISCORD_TOKEN: 'the bot token from the Discord Developer Portal → Bot',
  DISCORD_APPLICATION_ID: 'the application id from the Discord Developer Portal → General Information',
  DISCORD_GUILD_ID: 'a server (guild) id, to register commands there only while developing',
  DISCORD_API_URL: 'the REST base URL, e.g. https://discord.com/api',
  DISCORD_SHARDS: 'auto, or a whole number of shards',
  DISCORD_SHARDS_PER_PROCESS:
    'a whole number of shards each process runs; set it to run the shards in several processes (needs DATABASE_URL)',
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
  SLACK_APP_TOKEN: 'an app-level token (xapp-…) with connections:write, for Socket Mode',
  SLACK_SIGNING_SECRET: 'the Signing Secret from Basic Information, for HTTP mode',
  SLACK_PORT: 'the port for Slack HTTP mode, e.g. 3000',
  SLACK_CLIENT_ID: 'the Client ID from Basic Information → App Credentials, to install the app in many workspaces',
  SLACK_CLIENT_SECRET: 'the Client Secret from Basic Information → App Credentials',
  SLACK_STATE_SECRET: 'a long random string that signs the OAuth state, e.g. openssl rand -hex 32',
  TOKEN_ENCRYPTION_KEY: 'a 32-byte key as 64 hex digits (openssl rand -hex 32) that encrypts stored tokens',
  SLACK_API_URL: 'the Web API base URL, e.g. https://slack.com/api/',
  SLACK_PRIVATE_BY_DEFAULT: 'true or false',
  SLACK_COMMAND: 'SLACK_<NAME>_COMMAND=/other-name renames the Slack command /<name> (rename it in the manifest too)',
  SLACK_MODERATORS:
    'a comma-separated list of Slack user ids (U…) or user groups (S…) who count as moderators besides admins',
  DATABASE_URL: 'a PostgreSQL URL, e.g. postgres://user@127.0.0.1:5432/crosscheck',
  DATA_DIR: 'a directory for the embedded database (default: data)',
  RETENTION_DAYS: 'a whole number of days to keep interaction records',
  USER_HASH_SECRET: 'a long random string used to hash user ids',
  DATABASE_CONNECT_TIMEOUT_MS: 'milliseconds to wait for a PostgreSQL connection, 100 to 60000 (default 2000)',
  DATABASE_STATEMENT_TIMEOUT_MS: 'milliseconds one PostgreSQL statement may run, 100 to 60000 (default 2000)',
  DATABASE_IDLE_TIMEOUT_MS: 'milliseconds an idle PostgreSQL connection is kept, 1000 to 600000 (default 10000)',
  PROPOSALS_PER_HOUR:
    'a whole number of facts one person may propose per hour in one community, 1 to 1000 (default 10)',
  PROPOSALS_PENDING_MAX:
    'a whole number of proposals that may wait for review in one community, 1 to 100000 (default 200)',
};

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['production', 'development', 'test']).default('development')),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  KNOWLEDGE_DIR: z.preprocess(blankToUndefined, z.string().default('knowledge')),
  COOLDOWN_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(COOLDOWN_RANGE.min).max(COOLDOWN_RANGE.max).default(5),
  ),
  HTTP_PORT: z.preprocess(blankToUndefined, portNumber.optional()),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be a numeric id')
      .optional(),
  ),
  DISCORD_GUILD_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be a numeric id')
      .optional(),
  ),
  DISCORD_API_URL: z.preprocess(blankToUndefined, z.string().url('must be a URL').default('https://discord.com/api')),
  DISCORD_SHARDS: z.preprocess(
    blankToUndefined,
    z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)]).optional(),
  ),
  DISCORD_SHARDS_PER_PROCESS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).optional()),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  TOKEN_ENCRYPTION_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => parseKey(v) !== null, 'must be 32 bytes, as 64 hex digits or base64')
      .optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(blankToUndefined, z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: z.preprocess(blankToUndefined, portNumber.default(3000)),
  SLACK_API_URL: z.preprocess(blankToUndefined, z.string().url('must be a URL').optional()),
  SLACK_PRIVATE_BY_DEFAULT: bool(false),
  SLACK_MODERATORS: list,
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('data')),
  RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  USER_HASH_SECRET: optionalString,
  DATABASE_CONNECT_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(100).max(60_000).default(2000),
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(100).max(60_000).default(2000),
  ),
  DATABASE_IDLE_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1000).max(600_000).default(10_000),
  ),
  PROPOSALS_PER_HOUR: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(10)),
  PROPOSALS_PENDING_MAX: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(200)),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env;
  nodeEnv: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  knowledgeDir: string;
  cooldownSeconds: number;
  httpPort: number | undefined;
  discord: {
    token: string;
    applicationId: string;
    guildId: string | undefined;
    apiUrl: string;
    shards: 'auto' | number | undefined;
    /** Shards per process: set, the shards run in processes under discord.js's ShardingManager. */
    shardsPerProcess?: number;
  } | null;
  slack: {
    /** One workspace's token; undefined when the app is installed by OAuth (`oauth`). */
    botToken: string | undefined;
    appToken: string | undefined;
    signingSecret: string | undefined;
    port: number;
    apiUrl: string | undefined;
    privateByDefault: boolean;
    moderators: string[];
    /** The Slack name of each command renamed with SLACK_<NAME>_COMMAND; the others are "/<name>". */
    commands: Record<string, string>;
    /** Installation by OAuth in many workspaces (HTTP mode), instead of one SLACK_BOT_TOKEN. */
    oauth?: SlackOAuth;
  } | null;
  /** Slack commands renamed with SLACK_<NAME>_COMMAND (by name), whether or not Slack is on: for the manifest. */
  slackCommands: Record<string, string>;
  store: {
    databaseUrl: string | undefined;
    dataDir: string;
    retentionDays: number;
    userHashSecret: string | undefined;
    /** PostgreSQL's limits: a database that stops answering must not hold a request. */
    timeouts: { connectMs: number; statementMs: number; idleMs: number };
  };
  /** Proposals one person may make per hour in one community, and the most waiting in one. */
  proposals: { perHour: number; pendingMax: number };
}

export interface SlackOAuth {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM key for the installations' tokens at rest. */
  encryptionKey: Buffer;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** SLACK_<NAME>_COMMAND gives a Slack command another name, e.g. SLACK_ASK_COMMAND=/cc-ask where /ask is taken. */
const SLACK_COMMAND_VARIABLE = /^SLACK_([A-Z0-9_]+)_COMMAND$/;
const SLACK_COMMAND_NAME = /^\/[a-z0-9_-]{1,31}$/;
const slackCommandVariable = (name: string) => `SLACK_${name.toUpperCase().replace(/-/g, '_')}_COMMAND`;

/**
 * The Slack command names set with SLACK_<NAME>_COMMAND. With the bot's `commands`, each
 * variable must name one of them, and no two commands may end up with the same name.
 */
function readSlackCommands(source: NodeJS.ProcessEnv, commands: readonly string[] | undefined, problems: string[]) {
  const renamed: Record<string, string> = {};
  for (const [variable, raw] of Object.entries(source)) {
    const m = SLACK_COMMAND_VARIABLE.exec(variable);
    const value = raw?.trim();
    if (!m || !value) continue;
    const name = m[1]!.toLowerCase().replace(/_/g, '-');
    if (commands && !commands.includes(name)) {
      problems.push(`config: ${variable} names no command of this bot: its Slack commands are ${commands.join(', ')}.`);
    } else if (!SLACK_COMMAND_NAME.test(value)) {
      problems.push(
        `config: ${variable} must be a slash command such as /${name}: a slash, then up to 31 lowercase letters, digits, - or _.`,
      );
    } else {
      renamed[name] = value;
    }
  }
  const taken = new Map<string, string>();
  for (const name of new Set([...(commands ?? []), ...Object.keys(renamed)])) {
    const slash = renamed[name] ?? `/${name}`;
    const other = taken.get(slash);
    if (other !== undefined) {
      // Blame the variable that was set; both, if both were.
      const blamed = [other, name].filter((n) => renamed[n] !== undefined).map(slackCommandVariable);
      problems.push(`config: ${blamed.join(' and ')} must differ from the other Slack commands: ${slash} is taken.`);
    }
    taken.set(slash, name);
  }
  return renamed;
}

export interface LoadOptions {
  /** The bot's Slack commands (by name), to check SLACK_<NAME>_COMMAND against. */
  slackCommands?: readonly string[];
}

/** Reads and validates the configuration, or throws a ConfigError with one line per problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const parsed = EnvSchema.safeParse(source);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment');
        const hint = HINTS[name] ? `: ${HINTS[name]}` : '';
        return `config: ${name} ${i.message.replace(/^Invalid input: /, '')}${hint}.`;
      });
  const slackCommands = readSlackCommands(source, options.slackCommands, problems);
  // Settings that only make sense together, judged on the raw values so every problem is told at once.
  const has = (name: keyof Env) => typeof source[name] === 'string' && source[name]!.trim() !== '';
  const need = (name: keyof Env, when: string) =>
    problems.push(`config: ${name} is missing but ${when}: ${HINTS[name]}.`);
  if (has('DISCORD_TOKEN') && !has('DISCORD_APPLICATION_ID')) need('DISCORD_APPLICATION_ID', 'DISCORD_TOKEN is set');
  if (!has('DISCORD_TOKEN') && has('DISCORD_APPLICATION_ID')) need('DISCORD_TOKEN', 'DISCORD_APPLICATION_ID is set');
  const oauth = has('SLACK_CLIENT_ID') || has('SLACK_CLIENT_SECRET') || has('SLACK_STATE_SECRET');
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET')) {
    problems.push(
      'config: SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them.',
    );
  }
  if (!has('SLACK_BOT_TOKEN') && !oauth && (has('SLACK_APP_TOKEN') || has('SLACK_SIGNING_SECRET')))
    need('SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set');
  if (oauth) {
    const set = (['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const).filter(has).join(', ');
    for (const name of [
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'TOKEN_ENCRYPTION_KEY',
    ] as const)
      if (!has(name)) need(name, `${set} ${set.includes(',') ? 'are' : 'is'} set (installation by OAuth)`);
    if (!has('SLACK_SIGNING_SECRET'))
      need('SLACK_SIGNING_SECRET', 'Slack is installed by OAuth, which runs in HTTP mode');
    if (has('SLACK_BOT_TOKEN'))
      problems.push(
        'config: SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installation by OAuth, not both.',
      );
    if (has('SLACK_APP_TOKEN'))
      problems.push(
        'config: SLACK_APP_TOKEN is set but Slack is installed by OAuth, which runs in HTTP mode: unset SLACK_APP_TOKEN.',
      );
  }
  if (has('DISCORD_SHARDS_PER_PROCESS') && !has('DATABASE_URL'))
    need('DATABASE_URL', 'DISCORD_SHARDS_PER_PROCESS is set (the shard processes share one PostgreSQL store)');
  if (!parsed.success || problems.length) throw new ConfigError(problems);

  const e = parsed.data;
  const slackOn = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID);
  if (slackOn && e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN && e.HTTP_PORT === e.SLACK_PORT) {
    problems.push(
      `config: HTTP_PORT and SLACK_PORT are both ${e.SLACK_PORT}: give the health checks and Slack HTTP mode different ports.`,
    );
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: e,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    cooldownSeconds: e.COOLDOWN_SECONDS,
    httpPort: e.HTTP_PORT,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            guildId: e.DISCORD_GUILD_ID,
            apiUrl: e.DISCORD_API_URL,
            shards: e.DISCORD_SHARDS,
            shardsPerProcess: e.DISCORD_SHARDS_PER_PROCESS,
          }
        : null,
    slack: slackOn
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          port: e.SLACK_PORT,
          apiUrl: e.SLACK_API_URL,
          privateByDefault: e.SLACK_PRIVATE_BY_DEFAULT,
          moderators: e.SLACK_MODERATORS,
          commands: slackCommands,
          oauth:
            e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.TOKEN_ENCRYPTION_KEY
              ? {
                  clientId: e.SLACK_CLIENT_ID,
                  clientSecret: e.SLACK_CLIENT_SECRET,
                  stateSecret: e.SLACK_STATE_SECRET,
                  encryptionKey: parseKey(e.TOKEN_ENCRYPTION_KEY)!,
                }
              : undefined,
        }
      : null,
    slackCommands,
    store: {
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      retentionDays: e.RETENTION_DAYS,
      userHashSecret: e.USER_HASH_SECRET,
      timeouts: {
        connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        idleMs: e.DATABASE_IDLE_TIMEOUT_MS,
      },
    },
    proposals: { perHour: e.PROPOSALS_PER_HOUR, pendingMax: e.PROPOSALS_PENDING_MAX },
  };
}
