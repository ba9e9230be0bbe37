/**
 * Bolt, its Web API client and the Socket Mode client log through this bridge, so their
 * lines land in our pino stream with its redaction instead of on the console.
 */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

function boltLevel(pinoLevel: string): LogLevel {
  switch (pinoLevel) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  // Bolt passes errors as extra arguments; pino shows them best under `err`.
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      const err = msg.find((m) => m instanceof Error);
      const rest = msg.filter((m) => m !== err);
      if (err) log[level]({ err }, format(...rest));
      else log[level](format(...rest));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // LOG_LEVEL decides; Bolt would otherwise reset the level to its own default.
    setLevel: () => undefined,
    getLevel: () => boltLevel(log.level),
    setName: () => undefined,
  };
}
