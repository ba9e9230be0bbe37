import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/bot-process.js';
import { cleanEnv } from '../helpers/run.js';

describe('process lifecycle', () => {
  it('serves /healthz and /readyz, logs one ready line, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      env: cleanEnv({ HTTP_PORT: String(port), LOG_LEVEL: 'info' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // stdin stays open, so the console keeps running until the signal.
    await expect.poll(() => stderr, { timeout: 20_000 }).toMatch(/ready in \d+ ms: \d+ facts, adapters: console/);
    expect(stderr.match(/ready in/g)).toHaveLength(1);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stderr).toMatch(/shutting down/);
  });
});
