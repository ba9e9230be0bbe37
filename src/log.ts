/**
 * Logging: pino JSON lines in production, pretty output on a terminal. Logs go to stderr
 * when stdout belongs to the CLI's own output. Tokens and secrets are redacted by path and
 * scrubbed from messages, so they never reach a log line.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'encryptionKey',
  'password',
  'authorization',
  'secret',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.stateSecret',
  '*.encryptionKey',
  '*.password',
  '*.authorization',
  '*.secret',
  'headers.authorization',
  '*.headers.authorization',
  'config.discord.token',
  'config.slack.botToken',
  'config.slack.appToken',
  'config.slack.signingSecret',
  'config.slack.oauth.clientSecret',
  'config.slack.oauth.stateSecret',
  'config.slack.oauth.encryptionKey',
  'env.DISCORD_TOKEN',
  'env.SLACK_BOT_TOKEN',
  'env.SLACK_APP_TOKEN',
  'env.SLACK_SIGNING_SECRET',
  'env.USER_HASH_SECRET',
  'env.SLACK_CLIENT_SECRET',
  'env.SLACK_STATE_SECRET',
  'env.TOKEN_ENCRYPTION_KEY',
  'env.DATABASE_URL',
];

/** Token shapes of Discord (three dot-separated base64 parts) and Slack (xox?-, xapp-). */
const TOKEN_PATTERN =
  /\b(?:xox[abprs]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,})\b/g;

/** Secret fields inside text that libraries log whole (Bolt's Web API client logs request bodies at debug). */
const SECRET_FIELD =
  /("(?:client_secret|refresh_token|access_token)"\s*:\s*")[^"]*"|\b((?:client_secret|refresh_token)=)[^&\s"]+/g;

export interface LogOptions {
  level?: string;
  /** Where lines go: 1 = stdout, 2 = stderr. */
  fd?: 1 | 2;
  /** Pretty output for people; defaults to whether the destination is a terminal. */
  pretty?: boolean;
  /** Extra secret values to scrub wherever they appear (the configured tokens). */
  secrets?: (string | undefined)[];
  /** For tests: a stream to write to instead of a file descriptor. */
  stream?: NodeJS.WritableStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  const fd = options.fd ?? 1;
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s && s.length >= 6);
  const scrub = (text: string) => {
    let out = text
      .replace(TOKEN_PATTERN, '[redacted]')
      .replace(SECRET_FIELD, (_m, json?: string, form?: string) => (json ? `${json}[redacted]"` : `${form}[redacted]`));
    for (const s of secrets) out = out.split(s).join('[redacted]');
    return out;
  };
  const pretty = options.pretty ?? (!options.stream && (fd === 1 ? process.stdout.isTTY : process.stderr.isTTY));
  const destination = options.stream
    ? options.stream
    : pretty
      ? pino.transport({
          target: 'pino-pretty',
          options: { destination: fd, colorize: true, translateTime: 'SYS:HH:MM:ss' },
        })
      : pino.destination({ fd, sync: true });
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      // The log formatter below serializes errors already (with secrets scrubbed).
      serializers: { err: (err: unknown) => err },
      hooks: {
        // Scrub secrets from the message and any string arguments, where path redaction cannot reach.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) =>
              typeof a === 'string' ? scrub(a) : a instanceof Error ? scrubError(a, scrub) : a,
            ) as Parameters<typeof method>,
          );
        },
      },
      formatters: {
        log(object) {
          // Errors must be serialized here: JSON.stringify alone drops their message and stack.
          return JSON.parse(
            scrub(
              JSON.stringify(object, (_key, value) =>
                value instanceof Error ? pino.stdSerializers.err(value) : value,
              ),
            ),
          );
        },
      },
    },
    destination as pino.DestinationStream,
  );
}

function scrubError(error: Error, scrub: (s: string) => string): Error {
  const copy = new Error(scrub(error.message));
  copy.name = error.name;
  copy.stack = error.stack ? scrub(error.stack) : undefined;
  return copy;
}
