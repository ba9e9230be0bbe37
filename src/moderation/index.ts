/**
 * The moderators' loop, platform-neutral: records and votes, the report, proposed facts
 * with review, export, per-channel settings, and keeping several processes in step.
 * Most adapters need only `Moderation`; the functions are there for tools and tests.
 */
export { Moderation, recordParts } from './moderation.js';
export type { ChannelDefaults, EffectiveChannel, ModerationOptions, Recordable, RecordInput } from './moderation.js';
export { formatReport, groupByWording, jaccard, report, SIMILAR } from './report.js';
export type { Report, ReportOptions, WordingGroup } from './report.js';
export {
  addToEngine,
  approve,
  approvedFact,
  communityDocumentId,
  communityFactId,
  ProposalInputSchema,
  problemText,
  propose,
  reject,
  validateProposal,
} from './proposals.js';
export type {
  ApprovedFact,
  CommunityDocument,
  Decision,
  FieldProblem,
  ProposalInput,
  Validation,
} from './proposals.js';
export type { CommunityMark } from '../core/model.js';
export { exportApproved } from './export.js';
export { StoreSync } from './sync.js';
export type { SyncOptions } from './sync.js';
