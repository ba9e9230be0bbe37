/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for store failure tests: it can
 * refuse connections (a database that is down), forward them, or freeze (accept and then
 * move no data at all, as a hung host or a dropped network does).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'refuse' | 'forward' | 'freeze';

export interface TcpProxy {
  port: number;
  mode: ProxyMode;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, mode: ProxyMode): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const proxy = { port: 0, mode, close: async () => {} } as TcpProxy;
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (proxy.mode === 'refuse') return void client.destroy();
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    // Every chunk is looked at as it passes: frozen, it is dropped and nothing moves either way.
    client.on('data', (d) => proxy.mode === 'forward' && upstream.write(d));
    upstream.on('data', (d) => proxy.mode === 'forward' && client.write(d));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
