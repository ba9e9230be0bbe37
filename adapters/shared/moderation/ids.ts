/**
 * The ids buttons and forms carry, the same on Discord (custom_id, at most 100 characters)
 * and Slack (action_id / callback_id): short, and prefixed so nothing else is taken for them.
 *
 *   encodeId({ kind: 'vote', record: 42, helpful: false })   // 'cc:vote:0:42'
 *   parseId('cc:approve:7')                                  // { kind: 'approve', proposal: 7 }
 */
export type ActionId =
  /** A "Helpful" / "Not helpful" button under an answer. */
  | { kind: 'vote'; record: number; helpful: boolean }
  /** The form asking why an answer was not helpful. */
  | { kind: 'reason'; record: number }
  /** The form proposing a fact. */
  | { kind: 'propose' }
  /** Review buttons; reject asks for a reason first. */
  | { kind: 'approve'; proposal: number }
  | { kind: 'reject'; proposal: number }
  /** The form giving the reason for a rejection. */
  | { kind: 'reject_reason'; proposal: number };

const PREFIX = 'cc';

export function encodeId(a: ActionId): string {
  switch (a.kind) {
    case 'vote':
      return `${PREFIX}:vote:${a.helpful ? 1 : 0}:${a.record}`;
    case 'reason':
      return `${PREFIX}:reason:${a.record}`;
    case 'propose':
      return `${PREFIX}:propose`;
    case 'approve':
    case 'reject':
    case 'reject_reason':
      return `${PREFIX}:${a.kind}:${a.proposal}`;
  }
}

/** Matches every id `encodeId` makes, for listeners that take a pattern (Bolt's action and view). */
export const ID_PATTERN = /^cc:/;

/** The action an id stands for, or null for an id this bot did not make. */
export function parseId(id: string): ActionId | null {
  const [prefix, kind, ...rest] = id.split(':');
  if (prefix !== PREFIX) return null;
  const n = (s: string | undefined) => (s !== undefined && /^\d{1,15}$/.test(s) ? Number(s) : null);
  switch (kind) {
    case 'vote': {
      const record = n(rest[1]);
      return rest.length === 2 && (rest[0] === '0' || rest[0] === '1') && record !== null
        ? { kind, record, helpful: rest[0] === '1' }
        : null;
    }
    case 'reason': {
      const record = n(rest[0]);
      return rest.length === 1 && record !== null ? { kind, record } : null;
    }
    case 'propose':
      return rest.length === 0 ? { kind } : null;
    case 'approve':
    case 'reject':
    case 'reject_reason': {
      const proposal = n(rest[0]);
      return rest.length === 1 && proposal !== null ? { kind, proposal } : null;
    }
    default:
      return null;
  }
}
