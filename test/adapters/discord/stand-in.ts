/**
 * A stand-in of Discord for the tests: the REST API (reached through discord.js's
 * `rest.api` option) and the WebSocket gateway, on 127.0.0.1 with a random port.
 *
 * It records every REST request and every gateway frame the bot sends, so tests assert on
 * what the real discord.js client actually did. It keeps Discord's rules where they
 * matter to a bot: tokens are checked, an interaction can be acknowledged once, its
 * original message only exists once acknowledged, and a session can be resumed.
 *
 *   const discord = await DiscordStandIn.start();
 *   const bot = await startDiscord({ config: discord.config, … });
 *   const sent = discord.dispatchInteraction(chatInput(discord.applicationId, 'ask', …));
 *   const callback = await discord.waitForRequest(callbackOf(sent.id));
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, GatewayOpcodes, MessageType, type APIInteraction, type APIMessage } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { guildCreate, guildFixture, shardOfGuild, snowflake, user, type GuildFixture } from './payloads.js';

export interface RecordedRequest {
  method: string;
  /** The path after /api/v10, e.g. /interactions/123/abc/callback. */
  route: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
  status: number;
  at: number;
}

/** A frame the bot sent on the gateway. */
export interface ReceivedFrame {
  op: number;
  d: any;
  at: number;
}

export interface StandInOptions {
  /** What GET /gateway/bot recommends, for DISCORD_SHARDS=auto. */
  recommendedShards?: number;
  guilds?: GuildFixture[];
  heartbeatIntervalMs?: number;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  socket: WebSocket | null;
}

interface FailureRule {
  match: (r: RecordedRequest) => boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** How many more matching requests fail; unlimited when undefined. */
  times?: number;
}

export interface FailureOptions {
  /** Response headers, e.g. Retry-After for a 429. */
  headers?: Record<string, string>;
  /** Fail only this many matching requests, then answer normally again. */
  times?: number;
}

const API_PREFIX = '/api/v10';

export class DiscordStandIn {
  readonly token = `MTE.stand-in.${randomUUID()}`;
  readonly applicationId = snowflake();
  readonly botUser = user(this.applicationId, 'crosscheck', true);
  readonly guilds: GuildFixture[];
  readonly requests: RecordedRequest[] = [];
  readonly frames: ReceivedFrame[] = [];
  /** Every IDENTIFY's shard pair, in order. */
  readonly identifies: [number, number][] = [];

  private readonly sessions = new Map<string, Session>();
  private readonly interactions = new Map<string, { token: string; channelId: string; acknowledged: boolean }>();
  private readonly failures: FailureRule[] = [];
  private readonly events = new EventEmitter();
  private readonly wss: WebSocketServer;
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: StandInOptions,
  ) {
    this.guilds = options.guilds ?? [guildFixture()];
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.onConnection(socket));
    server.on('request', (req, res) => void this.onRequest(req, res));
  }

  static async start(options: StandInOptions = {}): Promise<DiscordStandIn> {
    const stand = new DiscordStandIn(createServer(), options);
    await new Promise<void>((resolve) => stand.server.listen(0, '127.0.0.1', resolve));
    stand.port = (stand.server.address() as AddressInfo).port;
    return stand;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The `discord` section of the app's Config, pointing at this stand-in. */
  config(shards?: 'auto' | number) {
    return { token: this.token, applicationId: this.applicationId, guildId: undefined, apiUrl: this.apiUrl, shards };
  }

  /** Answers matching requests with `status` (and a Discord-style error body) from now on, or `times` times; returns a function that stops it. */
  fail(
    match: (r: RecordedRequest) => boolean,
    status: number,
    body: unknown = {
      message: status >= 500 ? '500: Internal Server Error' : 'Missing Permissions',
      code: status >= 500 ? 0 : 50013,
    },
    options: FailureOptions = {},
  ): () => void {
    const rule: FailureRule = { match, status, body, ...options };
    this.failures.push(rule);
    return () => {
      const i = this.failures.indexOf(rule);
      if (i >= 0) this.failures.splice(i, 1);
    };
  }

  /** Forgets what it recorded and the interactions already answered, so a long load run holds no history. */
  forget(): void {
    this.requests.length = 0;
    this.frames.length = 0;
    for (const [id, i] of this.interactions) if (i.acknowledged) this.interactions.delete(id);
  }

  /** Sends INTERACTION_CREATE on the shard that owns the interaction's guild. */
  dispatchInteraction<T extends APIInteraction>(interaction: T): T & { dispatchedAt: number } {
    this.interactions.set(interaction.id, {
      token: interaction.token,
      channelId: interaction.channel?.id ?? '',
      acknowledged: false,
    });
    const guildId = 'guild_id' in interaction ? interaction.guild_id : undefined;
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction, guildId);
    return { ...interaction, dispatchedAt: Date.now() };
  }

  /** Closes every gateway connection as Discord does when it drops a session's socket. */
  closeGateway(code = 4000): void {
    for (const socket of this.wss.clients) socket.close(code, 'stand-in closed the connection');
  }

  /** Resolves with the first request (already made or still to come) that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor('request', () => this.requests.find(match), timeoutMs, 'a matching REST request');
  }

  /** Resolves with the first gateway frame from the bot that matches. */
  waitForFrame(match: (f: ReceivedFrame) => boolean, timeoutMs = 5000): Promise<ReceivedFrame> {
    return this.waitFor('frame', () => this.frames.find(match), timeoutMs, 'a matching gateway frame');
  }

  /** Resolves once every session has a live connection again. */
  waitForSessions(timeoutMs = 5000): Promise<true> {
    const live = () =>
      (this.sessions.size > 0 && [...this.sessions.values()].every((s) => s.socket?.readyState === WebSocket.OPEN)) ||
      undefined;
    return this.waitFor('session', live, timeoutMs, 'every session to be connected');
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor<T>(event: string, find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        this.events.off(event, check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.events.off(event, check);
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.events.on(event, check);
      check();
    });
  }

  // ---- gateway ----

  private dispatch(t: string, d: unknown, guildId?: string): void {
    const live = [...this.sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN);
    const session = live.find((s) => s.shard[0] === (guildId ? shardOfGuild(guildId, s.shard[1]) : 0));
    if (!session) throw new Error(`stand-in: no connected shard for ${t}`);
    session.seq += 1;
    session.socket!.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d }));
  }

  private onConnection(socket: WebSocket): void {
    socket.send(
      JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 1000 } }),
    );
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.frames.push({ ...frame, at: Date.now() });
      this.onFrame(socket, frame);
      this.events.emit('frame');
    });
    socket.on('close', () => {
      for (const s of this.sessions.values()) if (s.socket === socket) s.socket = null;
      this.events.emit('session');
    });
  }

  private onFrame(socket: WebSocket, { op, d }: { op: number; d: any }): void {
    const send = (payload: object) => socket.send(JSON.stringify(payload));
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        return send({ op: GatewayOpcodes.HeartbeatAck });
      case GatewayOpcodes.Identify: {
        if (d.token !== this.token) return socket.close(4004, 'Authentication failed.');
        const shard = (d.shard ?? [0, 1]) as [number, number];
        this.identifies.push(shard);
        const session: Session = { id: randomUUID(), shard, seq: 0, socket };
        this.sessions.set(session.id, session);
        const guilds = this.guilds.filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]);
        session.seq += 1;
        send({
          op: GatewayOpcodes.Dispatch,
          t: GatewayDispatchEvents.Ready,
          s: session.seq,
          d: {
            v: 10,
            user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
            guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
            session_id: session.id,
            resume_gateway_url: this.gatewayUrl,
            shard,
            application: { id: this.applicationId, flags: 0 },
          },
        });
        for (const g of guilds) {
          session.seq += 1;
          send({
            op: GatewayOpcodes.Dispatch,
            t: GatewayDispatchEvents.GuildCreate,
            s: session.seq,
            d: guildCreate(g, this.botUser.id),
          });
        }
        this.events.emit('session');
        return;
      }
      case GatewayOpcodes.Resume: {
        const session = this.sessions.get(d.session_id);
        if (!session || d.token !== this.token) return send({ op: GatewayOpcodes.InvalidSession, d: false });
        session.socket = socket;
        session.seq += 1;
        send({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: session.seq, d: {} });
        this.events.emit('session');
        return;
      }
    }
  }

  // ---- REST ----

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      // Discord decodes paths: discord.js sends @original as %40original.
      route: decodeURIComponent(
        url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname,
      ),
      query: url.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
      status: 0,
      at: Date.now(),
    };
    const failure = this.failures.find((f) => f.match(record));
    if (failure?.times !== undefined && --failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    const [status, body] = failure ? [failure.status, failure.body] : this.route(record);
    record.status = status;
    this.requests.push(record);
    const headers = failure?.headers ?? {};
    if (body === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    this.events.emit('request');
  }

  private route(r: RecordedRequest): [number, unknown] {
    const botAuth = r.headers.authorization === `Bot ${this.token}`;
    const unauthorized: [number, unknown] = [401, { message: '401: Unauthorized', code: 0 }];
    const key = `${r.method} ${r.route}`;
    let m: RegExpExecArray | null;

    if (key === 'GET /gateway/bot') {
      if (!botAuth) return unauthorized;
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.options.recommendedShards ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
        },
      ];
    }
    if (key === 'GET /users/@me') return botAuth ? [200, this.botUser] : unauthorized;

    if ((m = /^POST \/interactions\/(\d+)\/([^/]+)\/callback$/.exec(key))) {
      const interaction = this.interactions.get(m[1]!);
      if (!interaction || interaction.token !== m[2]) return [404, { message: 'Unknown interaction', code: 10062 }];
      if (interaction.acknowledged)
        return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
      interaction.acknowledged = true;
      if (r.query.get('with_response') !== 'true') return [204, undefined];
      return [200, { interaction: { id: m[1], type: r.body?.type }, resource: { type: r.body?.type } }];
    }
    if ((m = /^(PATCH|POST) \/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(key))) {
      const interaction = [...this.interactions.values()].find((i) => i.token === m![3]);
      if (m[2] !== this.applicationId || !interaction) return [404, { message: 'Unknown Webhook', code: 10015 }];
      if (!interaction.acknowledged) return [404, { message: 'Unknown Message', code: 10008 }];
      if ((m[1] === 'PATCH') !== (m[4] !== undefined)) return [405, { message: '405: Method Not Allowed', code: 0 }];
      return [200, this.message(interaction.channelId, r.body)];
    }
    if ((m = /^PUT \/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.exec(key))) {
      if (!botAuth) return unauthorized;
      if (m[1] !== this.applicationId) return [403, { message: 'Missing Access', code: 50001 }];
      return [
        200,
        (r.body as object[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
        })),
      ];
    }
    if ((m = /^POST \/channels\/(\d+)\/messages$/.exec(key))) {
      if (!botAuth) return unauthorized;
      const known = this.guilds.some((g) => g.channelId === m![1] || g.threadId === m![1]);
      if (!known) return [404, { message: 'Unknown Channel', code: 10003 }];
      return [200, this.message(m[1]!, r.body)];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  /** The message Discord would return for a sent or edited message. */
  private message(channelId: string, body: any): APIMessage {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      pinned: false,
      type: body?.message_reference ? MessageType.Reply : MessageType.Default,
      flags: body?.flags ?? 0,
      components: [],
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
    };
  }
}

/** Matches the interaction callback (the first response) of one interaction. */
export const callbackOf = (id: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.route.startsWith(`/interactions/${id}/`) && r.route.endsWith('/callback') && r.status < 300;

/** Matches the edit of a deferred interaction's original message. */
export const originalEditOf = (token: string) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.route.includes(`/${token}/messages/@original`) && r.status < 300;
