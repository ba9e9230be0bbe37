/**
 * Local stand-ins for Slack: the Web API (every method the bot calls, recording each call),
 * the response_url endpoint, and the Socket Mode WebSocket that apps.connections.open
 * points to. All on 127.0.0.1 with random ports.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseForm } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  /** The form fields the Web API client sent; JSON-valued fields (blocks) are decoded. */
  params: Record<string, unknown>;
  authorization: string | undefined;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
}

export interface CannedFailure {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export const BOT_USER_ID = 'UBOT';

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

function decodeForm(text: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseForm(text))) {
    const v = Array.isArray(value) ? value[0] : value;
    params[key] = typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return params;
}

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** users.info says these users are workspace admins. */
  readonly admins = new Set<string>();
  /** usergroups.users.list members per group id. */
  readonly groups = new Map<string, string[]>();
  /** What apps.connections.open returns as the WebSocket URL. */
  socketUrl: string | undefined;
  /** response_url ids (as given to responseUrl) that take the post and never answer, like a dead endpoint. */
  readonly stalled = new Set<string>();
  private readonly failures = new Map<string, CannedFailure[]>();
  private posted = 0;
  /** OAuth: codes Slack would hand the redirect (each good once), and the bot token each workspace got. */
  private readonly codes = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  /** The app's credentials, for oauth.v2.access. */
  readonly client = { id: '1111.2222', secret: 'stand-in-client-secret-5b1c' };

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SlackStandIn> {
    const server = createServer();
    const standIn = new SlackStandIn(server);
    server.on('request', (req, res) => {
      void standIn.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return standIn;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  /** What Slack puts in the redirect when an admin of `team` approves the install: a code, good once. */
  approveInstall(team: string): string {
    const code = `code-${team}-${Math.random().toString(36).slice(2)}`;
    this.codes.set(code, team);
    return code;
  }

  /** The bot token a workspace was given by oauth.v2.access, if it was installed. */
  tokenOf(team: string): string | undefined {
    return [...this.tokens].find(([, t]) => t === team)?.[0];
  }

  /** The next call(s) of `method` get this answer instead of success. */
  failNext(method: string, failure: CannedFailure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<CannedFailure>(times).fill(failure)]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.path === `/respond/${id}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers?: Record<string, string>; body: unknown }> {
    const path = (req.url ?? '').split('?')[0]!;
    const text = await readBody(req);
    if (path.startsWith('/respond/')) {
      this.responses.push({ path, body: JSON.parse(text) });
      if (this.stalled.has(path.slice('/respond/'.length))) return new Promise(() => undefined);
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const params = req.headers['content-type']?.startsWith('application/json')
      ? JSON.parse(text || '{}')
      : decodeForm(text);
    this.calls.push({ method, params, authorization: req.headers.authorization });
    const failure = this.failures.get(method)?.shift();
    if (failure) return { status: failure.status ?? 200, headers: failure.headers, body: failure.body };
    return { status: 200, body: this.succeed(method, params, req.headers.authorization) };
  }

  /** oauth.v2.access: the app's credentials (form fields or HTTP Basic) and a code not used before. */
  private exchange(params: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    const basic = authorization?.startsWith('Basic ')
      ? Buffer.from(authorization.slice(6), 'base64').toString().split(':')
      : [];
    const [id, secret] = [params.client_id ?? basic[0], params.client_secret ?? basic[1]];
    if (id !== this.client.id || secret !== this.client.secret) return { ok: false, error: 'invalid_client' };
    const team = this.codes.get(String(params.code));
    if (!team) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(params.code));
    const token = `xoxb-${team}-${Math.random().toString(36).slice(2)}`;
    this.tokens.set(token, team);
    return {
      ok: true,
      app_id: 'A1',
      authed_user: { id: `U${team}ADMIN` },
      scope: 'app_mentions:read,chat:write,commands,users:read,usergroups:read',
      token_type: 'bot',
      access_token: token,
      bot_user_id: `${BOT_USER_ID}${team}`,
      team: { id: team, name: `Workspace ${team}` },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private succeed(method: string, params: Record<string, unknown>, authorization?: string): Record<string, unknown> {
    const installed = this.tokens.get(authorization?.replace(/^Bearer /, '') ?? '');
    switch (method) {
      case 'oauth.v2.access':
        return this.exchange(params, authorization);
      case 'auth.test':
        return {
          ok: true,
          url: 'https://test.slack.com/',
          team: 'Test',
          user: 'crosscheck',
          team_id: installed ?? 'T1',
          user_id: installed ? `${BOT_USER_ID}${installed}` : BOT_USER_ID,
          bot_id: installed ? `B${installed}` : 'BBOT',
        };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage':
        this.posted += 1;
        return {
          ok: true,
          channel: params.channel,
          ts: `1700000000.${String(this.posted).padStart(6, '0')}`,
          message: { text: params.text },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1700000000.999999' };
      case 'users.info': {
        const id = String(params.user);
        return {
          ok: true,
          user: { id, name: id.toLowerCase(), is_admin: this.admins.has(id), is_owner: false, is_primary_owner: false },
        };
      }
      case 'usergroups.users.list':
        return { ok: true, users: this.groups.get(String(params.usergroup)) ?? [] };
      case 'views.open':
        return { ok: true, view: { id: 'V1' } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** A Socket Mode stand-in: says hello to each connection, sends envelopes, and records what comes back. */
export class SocketStandIn {
  readonly received: Record<string, unknown>[] = [];
  private socket: WebSocket | undefined;

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => this.received.push(JSON.parse(String(data))));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'stand-in' },
          connection_info: { app_id: 'A1' },
        }),
      );
    });
  }

  static async start(): Promise<SocketStandIn> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    return new SocketStandIn(wss);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link/?ticket=stand-in`;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  send(envelope: Record<string, unknown>): void {
    if (!this.socket) throw new Error('no Socket Mode client is connected');
    this.socket.send(JSON.stringify(envelope));
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise((resolve) => this.wss.close(resolve));
  }
}
