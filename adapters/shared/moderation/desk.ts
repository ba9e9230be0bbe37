/**
 * The moderators' desk: everything Discord and Slack do for moderators, decided once. The
 * platform code turns its events into calls here and renders what comes back; it never
 * decides what to say, who may do what, or how a channel behaves.
 *
 *   const desk = new ModerationDesk(moderation, { platform: 'slack', defaults: { mode: 'public', cooldownSeconds: 5 } });
 *   const id = await desk.record(person, place, 'ask', reply);     // for the feedback buttons
 *   await desk.vote(person, place, id, false);                    // the acknowledgement text
 *   const outcome = await desk.crosscheck(parseCrosscheckText('report 30'), person, place, isModerator);
 *
 * Everything is confined to the place's tenant (tenant.ts): a button or form carrying
 * another community's record or proposal id finds nothing. While the store is down, or when
 * a call on it fails, the person is told so, and a form gets back what was typed.
 */
import { createHash } from 'node:crypto';
import { type Moderation, ModerationUnavailable, ProposalLimit } from '../../../src/moderation/moderation.js';
import { type FieldProblem, problemText } from '../../../src/moderation/proposals.js';
import { formatReport } from '../../../src/moderation/report.js';
import type { Actor } from '../../../src/store/index.js';
import type { Reply } from '../../pipeline/reply.js';
import { channelPolicy, type ChannelPolicy } from './channel-policy.js';
import { needsModerator, type CrosscheckCommand } from './crosscheck-command.js';
import { formErrors, PROPOSE_FIELDS, proposalFromForm, proposeForm, REASON_FIELD, type FormValues } from './forms.js';
import { proposalView, REVIEW_PAGE, type ReviewQueue } from './review.js';
import { isDirectMessage, type Place, tenantOf } from './tenant.js';
import {
  approvedNote,
  channelSettingsText,
  crosscheckHelp,
  decisionFailed,
  NEEDS_CHANNEL,
  NO_STORE,
  NOT_A_MODERATOR,
  NO_PROPOSALS_IN_DM,
  notSaved,
  proposalRefused,
  proposalSaved,
  reasonThanks,
  rejectedNote,
  voteThanks,
  type PlatformName,
  UNAVAILABLE,
} from './texts.js';

/** Someone acting: their platform id (hashed by the store) and the name shown as proposer or approver. */
export type Person = Actor & { platform: PlatformName };

export type { Place } from './tenant.js';

/** What a moderator's request comes to: replies like any other, which each platform renders its own way. */
export type DeskOutcome = Extract<Reply, { kind: 'notice' | 'report' | 'form' | 'review' }>;

/** A saved proposal's acknowledgement, or the problems: as text, and as errors under the form's fields. */
export type ProposeResult = { ok: true; text: string } | { ok: false; text: string; errors: FieldProblem[] };

/** The same person sending the same form again makes the same key: a retry finds the first. */
function submissionKey(person: Person, values: FormValues): string {
  const fields = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify([person.platform, person.userId, fields]))
    .digest('hex')
    .slice(0, 32);
}

/** Runs a call on the store; while it is unavailable, what the person is told instead. */
async function orUnavailable<T>(call: () => Promise<T>, told: (text: string) => T): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ModerationUnavailable) return told(UNAVAILABLE);
    throw err;
  }
}

export interface DeskOptions {
  platform: PlatformName;
  /** The channel defaults: the configured cooldown, and public unless answers are private by default. */
  defaults: ChannelPolicy;
  /** The longest a record may take before the reply goes out without feedback buttons (default 1500 ms). */
  recordTimeoutMs?: number;
}

/** The replies that are recorded, and get feedback buttons. */
const RECORDED: Partial<Record<Reply['kind'], true>> = { answer: true, verdict: true, verdicts: true };

export class ModerationDesk {
  constructor(
    readonly moderation: Moderation | undefined,
    private readonly options: DeskOptions,
  ) {}

  get platform(): PlatformName {
    return this.options.platform;
  }

  /** A user id for the logs: hashed as the store hashes it; a fixed mark without a store. */
  logId(userId: string): string {
    return this.moderation?.hashUser(this.platform, userId) ?? 'user';
  }

  /** The community of a place on this platform. */
  tenant(place: Place): string | undefined {
    return tenantOf(this.platform, place);
  }

  /** How the bot behaves in a channel of a place right now (from memory; no database read). */
  policy(place: Place, channel: string | null = place.channel): ChannelPolicy {
    return channelPolicy(this.moderation, this.tenant(place), this.platform, channel, this.options.defaults);
  }

  /**
   * Records an answer or verdict and returns the record's id for its feedback buttons; null
   * for other replies, without a store, or when the store is slow or failing (the reply
   * then goes out without buttons rather than late).
   */
  async record(person: Person, place: Place, command: string, reply: Reply): Promise<number | null> {
    const tenant = this.tenant(place);
    if (!this.moderation || !tenant || !RECORDED[reply.kind]) return null;
    const result =
      reply.kind === 'answer'
        ? reply.answer
        : reply.kind === 'verdict'
          ? reply.verdict
          : reply.kind === 'verdicts'
            ? reply.verdicts
            : null;
    if (!result) return null;
    const recording = this.moderation.record({
      tenant,
      platform: this.platform,
      guild: place.guild,
      channel: place.channel,
      userId: person.userId,
      command,
      result,
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>(
      (resolve) => (timer = setTimeout(resolve, this.options.recordTimeoutMs ?? 1500, null)),
    );
    try {
      return await Promise.race([recording, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records a vote (one per person per answer; a second one changes it) and says so. */
  async vote(person: Person, place: Place, record: number, helpful: boolean): Promise<string> {
    if (!this.moderation) return NO_STORE;
    return orUnavailable(
      async () => voteThanks(await this.voteWith(person, place, record, helpful, null), helpful),
      notSaved,
    );
  }

  /**
   * The "Not helpful" form: the vote again, now with the reason (optional, one line). Not
   * ok when nothing was saved, so a form that can stay open does.
   */
  async reason(
    person: Person,
    place: Place,
    record: number,
    reason: string | null | undefined,
  ): Promise<{ ok: boolean; text: string }> {
    if (!this.moderation) return { ok: false, text: NO_STORE };
    const line = reason?.replace(/\s+/g, ' ').trim() || null;
    return orUnavailable<{ ok: boolean; text: string }>(
      async () => ({ ok: true, text: reasonThanks(await this.voteWith(person, place, record, false, line), line) }),
      (text) => ({ ok: false, text: notSaved(text, line ? { [REASON_FIELD]: line } : {}) }),
    );
  }

  private voteWith(person: Person, place: Place, record: number, helpful: boolean, reason: string | null) {
    // Without a tenant there is no record to vote on: an empty one matches none.
    return this.moderation!.vote({
      tenant: this.tenant(place) ?? '',
      interactionId: record,
      platform: this.platform,
      userId: person.userId,
      helpful,
      reason,
    });
  }

  /**
   * `/crosscheck …`, written `name` on this platform. `isModerator` is asked only when the
   * subcommand needs it (on Slack it costs an API call).
   */
  async crosscheck(
    command: CrosscheckCommand,
    person: Person,
    place: Place,
    isModerator: () => boolean | Promise<boolean>,
    name = '/crosscheck',
  ): Promise<DeskOutcome> {
    if (command.sub === 'help') return { kind: 'notice', text: crosscheckHelp(name) };
    if (command.sub === 'invalid')
      return { kind: 'notice', text: `${name}: ${command.problem}.\n\n${crosscheckHelp(name)}` };
    const moderation = this.moderation;
    const tenant = this.tenant(place);
    if (!moderation || !tenant) return { kind: 'notice', text: NO_STORE };
    if (needsModerator(command) && !(await isModerator()))
      return { kind: 'notice', text: NOT_A_MODERATOR[this.platform] };
    const told = (text: string): DeskOutcome => ({ kind: 'notice', text });
    switch (command.sub) {
      case 'report':
        return orUnavailable(async () => {
          const report = await moderation.report(tenant, command.days);
          return { kind: 'report', text: formatReport(report) };
        }, told);
      case 'propose':
        if (isDirectMessage(tenant)) return told(NO_PROPOSALS_IN_DM);
        if (!moderation.available) return told(UNAVAILABLE);
        return { kind: 'form', form: proposeForm(moderation.engine) };
      case 'review':
        return orUnavailable(async () => ({ kind: 'review', queue: await this.queue(place, null) }), told);
      case 'channel':
        return orUnavailable(async () => told(await this.channel(place, command, person)), told);
    }
  }

  /**
   * A submitted propose form: saved for review, or the problems, also by field for forms that
   * show them there. `idempotencyKey` names this submission (Slack's view id; by default the
   * person and what they typed): sent again, it finds the proposal saved the first time. While the store
   * is unavailable nothing is saved, and the person is told so, with what they typed.
   */
  async propose(values: FormValues, person: Person, place: Place, idempotencyKey?: string): Promise<ProposeResult> {
    const moderation = this.moderation;
    const tenant = this.tenant(place);
    if (!moderation || !tenant) return { ok: false, text: NO_STORE, errors: [] };
    const refused = (message: string, text = notSaved(message, values)): ProposeResult => ({
      ok: false,
      text,
      errors: [{ field: PROPOSE_FIELDS.statement, message }],
    });
    if (isDirectMessage(tenant)) return refused(NO_PROPOSALS_IN_DM, NO_PROPOSALS_IN_DM);
    const { input, problems } = proposalFromForm(values, moderation.engine.pack);
    let result: Awaited<ReturnType<Moderation['propose']>>;
    try {
      result = problems.length
        ? { ok: false as const, problems }
        : await moderation.propose(tenant, input, person, idempotencyKey ?? submissionKey(person, values));
    } catch (err) {
      if (err instanceof ModerationUnavailable) return refused(UNAVAILABLE);
      if (err instanceof ProposalLimit) return refused(`Not saved: ${err.message}.`);
      throw err;
    }
    if (!result.ok) {
      const all = [...new Map([...problems, ...result.problems].map((p) => [problemText(p), p])).values()];
      return { ok: false, text: proposalRefused(all), errors: formErrors(all, values) };
    }
    return { ok: true, text: proposalSaved(result.proposal, result.notes) };
  }

  /** The first page of the place's pending proposals, with what just happened above it. */
  async queue(place: Place, note: string | null): Promise<ReviewQueue> {
    const tenant = this.tenant(place);
    if (!this.moderation || !tenant) return { note: NO_STORE, items: [], more: 0 };
    const pending = await this.moderation.pending(tenant, REVIEW_PAGE + 1_000);
    const pack = this.moderation.engine.pack;
    return {
      note,
      items: pending.slice(0, REVIEW_PAGE).map((p) => proposalView(p, pack)),
      more: Math.max(0, pending.length - REVIEW_PAGE),
    };
  }

  /**
   * Approves a proposal of the place's community; the fact is in its answers when this
   * returns. The queue comes back, or while the store is unavailable, an empty one saying so.
   */
  async approve(place: Place, proposal: number, person: Person): Promise<ReviewQueue> {
    const tenant = this.tenant(place);
    if (!this.moderation || !tenant) return this.queue(place, null);
    const moderation = this.moderation;
    return orUnavailable(
      async () => {
        const d = await moderation.approve(tenant, proposal, person);
        return this.queue(place, d.ok ? approvedNote(d.proposal) : decisionFailed(d.problems));
      },
      (text) => ({ note: notSaved(text), items: [], more: 0 }),
    );
  }

  /** Rejects with a reason. A missing reason comes back as a problem, for the form; anything else as the queue with a note. */
  async reject(
    place: Place,
    proposal: number,
    person: Person,
    reason: string,
  ): Promise<{ ok: false; error: FieldProblem } | { ok: true; queue: ReviewQueue }> {
    const tenant = this.tenant(place);
    if (!this.moderation || !tenant) return { ok: true, queue: await this.queue(place, null) };
    const moderation = this.moderation;
    return orUnavailable(
      async () => {
        const d = await moderation.reject(tenant, proposal, person, reason);
        if (!d.ok && d.problems.some((p) => p.field === 'reason')) {
          return { ok: false, error: { field: REASON_FIELD, message: d.problems.map(problemText).join(' ') } };
        }
        return {
          ok: true,
          queue: await this.queue(place, d.ok ? rejectedNote(d.proposal) : decisionFailed(d.problems)),
        };
      },
      (text) => ({ ok: false, error: { field: REASON_FIELD, message: notSaved(text, { [REASON_FIELD]: reason }) } }),
    );
  }

  private async channel(
    place: Place,
    command: Extract<CrosscheckCommand, { sub: 'channel' }>,
    person: Person,
  ): Promise<string> {
    if (!place.channel) return NEEDS_CHANNEL;
    const change = {
      ...('mode' in command ? { mode: command.mode } : {}),
      ...('cooldownSeconds' in command ? { cooldownSeconds: command.cooldownSeconds } : {}),
    };
    const changed = Object.keys(change).length > 0;
    if (changed) await this.moderation!.setChannel(this.tenant(place)!, this.platform, place.channel, change, person);
    const now = this.policy(place);
    return channelSettingsText(now.mode, now.cooldownSeconds, changed);
  }
}
