/**
 * /healthz (the process is alive), /readyz (knowledge loaded, adapters connected) and
 * /shards (each Discord shard's state, by process, as JSON).
 */
import { createServer, type Server } from 'node:http';
import type { ProcessState } from './discord/shard-processes.js';

export function startHealthServer(
  port: number,
  isReady: () => boolean,
  shards: () => Promise<ProcessState[]> = async () => [],
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/shards') {
      return void shards().then(
        (states) => res.writeHead(200, { 'content-type': 'application/json' }).end(`${JSON.stringify(states)}\n`),
        () => res.writeHead(500, { 'content-type': 'text/plain' }).end('could not ask the shards\n'),
      );
    }
    if (path === '/readyz') {
      const ready = isReady();
      return void res
        .writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' })
        .end(ready ? 'ready\n' : 'not ready\n');
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
