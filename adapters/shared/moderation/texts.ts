/**
 * Every text the moderators' tools say, on both platforms. Renderers escape them; these
 * are plain sentences. Tests import them rather than copying them.
 */
import { type FieldProblem, problemText } from '../../../src/moderation/proposals.js';
import type { ChannelMode, ProposalRecord, VoteResult } from '../../../src/store/index.js';

export type PlatformName = 'discord' | 'slack';

export const FEEDBACK_LABEL = { helpful: 'Helpful', notHelpful: 'Not helpful' } as const;
export const FEEDBACK_EMOJI = { helpful: '👍', notHelpful: '👎' } as const;

export const SWITCHED_OFF =
  "I'm switched off in this channel, so I won't answer here. A moderator can switch me back on with /crosscheck channel.";
export const NO_STORE = "The moderators' tools are not available: this bot runs without its store.";
/** The store cannot be reached or is failing: said instead of what was asked for. */
export const UNAVAILABLE = 'Moderation is unavailable right now. Please try again in a minute.';

/**
 * Nothing was saved: why, and what the person typed, so that nothing they wrote is lost
 * (Discord closes a form when it is submitted).
 */
export function notSaved(why: string, typed: Record<string, string | null | undefined> = {}): string {
  const kept = Object.entries(typed).filter(([, v]) => v?.trim());
  const lines = [`${why}${/[.!]$/.test(why) ? '' : '.'} Nothing was saved.`];
  if (kept.length) lines.push('What you typed, to send again:', ...kept.map(([k, v]) => `${k}: ${v!.trim()}`));
  return lines.join('\n');
}

/** A direct message is a community of one: nobody there could review a proposal. */
export const NO_PROPOSALS_IN_DM =
  'Proposals are made in a server or workspace channel, where its moderators can review them, not in a direct message.';

export const RECORD_GONE = 'That answer is too old to vote on: its record has been removed.';

/** The acknowledgement of a click on "Helpful", said only to the voter. */
export function voteThanks(result: VoteResult, helpful: boolean): string {
  if (result === 'unknown_interaction') return RECORD_GONE;
  const what = helpful ? 'helpful' : 'not helpful';
  return result === 'updated'
    ? `Your vote is changed: you marked this answer ${what}.`
    : `Thanks — you marked this answer ${what}.`;
}

/** The acknowledgement of the "Not helpful" form (the click already counted the vote). */
export function reasonThanks(result: VoteResult, reason: string | null): string {
  if (result === 'unknown_interaction') return RECORD_GONE;
  return reason
    ? 'Thanks — you marked this answer not helpful, and your reason is noted for the moderators.'
    : 'Thanks — you marked this answer not helpful.';
}

/** The form asking why an answer was not helpful. */
export const NOT_HELPFUL_REASON = {
  title: 'Not helpful',
  label: 'What was wrong?',
  hint: 'One line for the moderators, e.g. wrong year, off topic, a side missing',
};

/** Who counts as a moderator, said plainly, per platform. */
export const MODERATORS_ARE: Record<PlatformName, string> = {
  discord: 'moderators (members with the Manage Messages permission here)',
  slack: 'workspace admins and owners and the moderators this bot was set up with',
};

export const NOT_A_MODERATOR: Record<PlatformName, string> = {
  discord: `Only ${MODERATORS_ARE.discord} can do that.`,
  slack: `Only ${MODERATORS_ARE.slack} can do that.`,
};

export function proposalSaved(p: ProposalRecord, notes: string[]): string {
  const lines = [
    `Thanks — your proposal #${p.id} is waiting for a moderator's review. Once approved, answers cite it as community-added.`,
  ];
  for (const n of notes) lines.push(`Note: ${n}.`);
  return lines.join('\n');
}

export function proposalRefused(problems: FieldProblem[]): string {
  return [
    'Your proposal was not saved. Please fix these and propose it again:',
    ...problems.map((p) => `• ${problemText(p)}`),
  ].join('\n');
}

export const REVIEW_EMPTY = 'No proposals are waiting for review.';
export const reviewMore = (n: number) => `…and ${n} more waiting. Decide these to see the next ones.`;

export function approvedNote(p: ProposalRecord): string {
  return `Approved #${p.id}: answers cite it from now on, as community-added (approved by ${p.reviewer ?? 'a moderator'} on ${(p.reviewedAt ?? '').slice(0, 10)}).`;
}

export const rejectedNote = (p: ProposalRecord) => `Rejected #${p.id}: ${p.reason ?? ''}`;
export const decisionFailed = (problems: FieldProblem[]) => `Nothing changed: ${problems.map(problemText).join('; ')}.`;
export const REJECT_REASON = {
  title: (id: number) => `Reject proposal #${id}`,
  label: 'Why is it rejected?',
  hint: 'The proposer sees this reason',
};

const MODE_SAYS: Record<ChannelMode, string> = {
  public: 'I answer in the open',
  ephemeral: 'my answers are shown only to the person who asked',
  off: "I'm switched off and answer no one",
};

/** A channel's settings, said plainly. */
export function channelSettingsText(mode: ChannelMode, cooldownSeconds: number, changed: boolean): string {
  const cooldown =
    cooldownSeconds > 0 ? `each person waits ${cooldownSeconds}s between requests` : 'there is no cooldown';
  return `${changed ? 'Done. ' : ''}In this channel ${MODE_SAYS[mode]}${mode === 'off' ? '' : `, and ${cooldown}`}.`;
}

export const NEEDS_CHANNEL = 'Channel settings are made in a channel: run this there.';

export function crosscheckHelp(command: string): string {
  return [
    `${command} — the moderators' tools:`,
    `${command} report [days] — questions without an answer, claims left unverified, facts voted not helpful, counts per command (default 7 days)`,
    `${command} propose — propose a sourced fact to fill a gap (a form)`,
    `${command} review — approve or reject proposed facts`,
    `${command} channel [public|ephemeral|off|default] [cooldown seconds] — how I answer in this channel; with nothing after it, the current settings`,
    'Report, review and channel are for moderators.',
  ].join('\n');
}

/**
 * Cuts a long text into pieces of at most `max` characters at line breaks, for platforms
 * whose blocks hold less than a report. A line longer than `max` is cut.
 */
export function splitLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
    if (current && current.length + 1 + line.length > max) {
      pieces.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current || !pieces.length) pieces.push(current);
  return pieces;
}
