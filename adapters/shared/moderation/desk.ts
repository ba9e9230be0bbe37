/**
 * The moderators' desk: everything Discord and Slack do for moderators, decided once. The
 * platform code turns its events into calls here and renders what comes back; it never
 * decides what to say, who may do what, or how a channel behaves.
 *
 *   const desk = new ModerationDesk(moderation, { platform: 'slack', defaults: { mode: 'public', cooldownSeconds: 5 } });
 *   const id = await desk.record(person, place, 'ask', reply);     // for the feedback buttons
 *   await desk.vote(person, id, false, 'wrong year');             // the acknowledgement text
 *   const outcome = await desk.crosscheck(parseCrosscheckText('report 30'), person, place, isModerator);
 */
import type { Moderation } from '../../../src/moderation/moderation.js';
import { type FieldProblem, problemText } from '../../../src/moderation/proposals.js';
import { formatReport } from '../../../src/moderation/report.js';
import type { Actor } from '../../../src/store/index.js';
import type { Reply } from '../../pipeline/reply.js';
import { channelPolicy, type ChannelPolicy } from './channel-policy.js';
import { needsModerator, type CrosscheckCommand } from './crosscheck-command.js';
import { formErrors, proposalFromForm, proposeForm, REASON_FIELD, type FormValues } from './forms.js';
import { proposalView, REVIEW_PAGE, type ReviewQueue } from './review.js';
import {
  approvedNote,
  channelSettingsText,
  crosscheckHelp,
  decisionFailed,
  NEEDS_CHANNEL,
  NO_STORE,
  NOT_A_MODERATOR,
  proposalRefused,
  proposalSaved,
  reasonThanks,
  rejectedNote,
  voteThanks,
  type PlatformName,
} from './texts.js';

/** Someone acting: their platform id (hashed by the store) and the name shown as proposer or approver. */
export type Person = Actor & { platform: PlatformName };

/** Where it happens: guild or team, and channel. */
export interface Place {
  guild: string | null;
  channel: string | null;
}

/** What a moderator's request comes to: replies like any other, which each platform renders its own way. */
export type DeskOutcome = Extract<Reply, { kind: 'notice' | 'report' | 'form' | 'review' }>;

/** A saved proposal's acknowledgement, or the problems: as text, and as errors under the form's fields. */
export type ProposeResult = { ok: true; text: string } | { ok: false; text: string; errors: FieldProblem[] };

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

  /** How the bot behaves in a channel right now (from memory; no database read). */
  policy(channel: string | null): ChannelPolicy {
    return channelPolicy(this.moderation, this.platform, channel, this.options.defaults);
  }

  /**
   * Records an answer or verdict and returns the record's id for its feedback buttons; null
   * for other replies, without a store, or when the store is slow or failing (the reply
   * then goes out without buttons rather than late).
   */
  async record(person: Person, place: Place, command: string, reply: Reply): Promise<number | null> {
    if (!this.moderation || !RECORDED[reply.kind]) return null;
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
  async vote(person: Person, record: number, helpful: boolean): Promise<string> {
    if (!this.moderation) return NO_STORE;
    return voteThanks(await this.voteWith(person, record, helpful, null), helpful);
  }

  /** The "Not helpful" form: the vote again, now with the reason (optional, one line). */
  async reason(person: Person, record: number, reason: string | null | undefined): Promise<string> {
    if (!this.moderation) return NO_STORE;
    const line = reason?.replace(/\s+/g, ' ').trim() || null;
    return reasonThanks(await this.voteWith(person, record, false, line), line);
  }

  private voteWith(person: Person, record: number, helpful: boolean, reason: string | null) {
    return this.moderation!.vote({
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
    if (!moderation) return { kind: 'notice', text: NO_STORE };
    if (needsModerator(command) && !(await isModerator()))
      return { kind: 'notice', text: NOT_A_MODERATOR[this.platform] };
    switch (command.sub) {
      case 'report': {
        const report = await moderation.report(command.days);
        return { kind: 'report', text: formatReport(report) };
      }
      case 'propose':
        return { kind: 'form', form: proposeForm(moderation.engine) };
      case 'review':
        return { kind: 'review', queue: await this.queue(null) };
      case 'channel':
        return { kind: 'notice', text: await this.channel(place, command, person) };
    }
  }

  /** A submitted propose form: saved for review, or the problems, also by field for forms that show them there. */
  async propose(values: FormValues, person: Person): Promise<ProposeResult> {
    const moderation = this.moderation;
    if (!moderation) return { ok: false, text: NO_STORE, errors: [] };
    const { input, problems } = proposalFromForm(values, moderation.engine.pack);
    const result = problems.length ? { ok: false as const, problems } : await moderation.propose(input, person);
    if (!result.ok) {
      const all = [...new Map([...problems, ...result.problems].map((p) => [problemText(p), p])).values()];
      return { ok: false, text: proposalRefused(all), errors: formErrors(all, values) };
    }
    return { ok: true, text: proposalSaved(result.proposal, result.notes) };
  }

  /** The first page of pending proposals, with what just happened above it. */
  async queue(note: string | null): Promise<ReviewQueue> {
    if (!this.moderation) return { note: NO_STORE, items: [], more: 0 };
    const pending = await this.moderation.pending(REVIEW_PAGE + 1_000);
    const pack = this.moderation.engine.pack;
    return {
      note,
      items: pending.slice(0, REVIEW_PAGE).map((p) => proposalView(p, pack)),
      more: Math.max(0, pending.length - REVIEW_PAGE),
    };
  }

  /** Approves a proposal; the fact is in this bot's answers when this returns. The queue comes back. */
  async approve(proposal: number, person: Person): Promise<ReviewQueue> {
    if (!this.moderation) return this.queue(null);
    const d = await this.moderation.approve(proposal, person);
    return this.queue(d.ok ? approvedNote(d.proposal) : decisionFailed(d.problems));
  }

  /** Rejects with a reason. A missing reason comes back as a problem, for the form; anything else as the queue with a note. */
  async reject(
    proposal: number,
    person: Person,
    reason: string,
  ): Promise<{ ok: false; error: FieldProblem } | { ok: true; queue: ReviewQueue }> {
    if (!this.moderation) return { ok: true, queue: await this.queue(null) };
    const d = await this.moderation.reject(proposal, person, reason);
    if (!d.ok && d.problems.some((p) => p.field === 'reason')) {
      return { ok: false, error: { field: REASON_FIELD, message: d.problems.map(problemText).join(' ') } };
    }
    return { ok: true, queue: await this.queue(d.ok ? rejectedNote(d.proposal) : decisionFailed(d.problems)) };
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
    if (changed) await this.moderation!.setChannel(this.platform, place.channel, change, person);
    const now = this.policy(place.channel);
    return channelSettingsText(now.mode, now.cooldownSeconds, changed);
  }
}
