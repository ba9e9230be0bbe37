/** The store's public face: open it, and the record types it deals in. */
export { openStore, Store } from './store.js';
export type {
  Actor,
  ChangeKind,
  ChannelMode,
  ChannelSetting,
  CommandCount,
  FactVotes,
  Interaction,
  NewInteraction,
  NewProposal,
  Platform,
  ProposalRecord,
  ProposalSource,
  ProposalStatus,
  StoreOptions,
  TextCount,
  VoteInput,
  VoteResult,
} from './store.js';
export { MIGRATIONS, migrate } from './migrations.js';
export { CHANNEL_MODES, COOLDOWN_RANGE, isChannelMode, isCooldown } from './channel-settings.js';
