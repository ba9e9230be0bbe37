/**
 * A live engine over the minimal pack and a Moderation on an embedded store in a temporary
 * directory, for the adapters' moderation tests. doc1 gains two lines no fact quotes yet,
 * so a proposal can quote them: until one is approved, a question about them is answered from
 * the plain passage, and afterwards from the community-added fact.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROPOSE_FIELDS } from '../../adapters/shared/moderation/forms.js';
import { Engine } from '../../src/core/engine.js';
import { Moderation } from '../../src/moderation/index.js';
import { freshDataDir } from './data-dir.js';
import { copyPack, type PackCopy } from './pack-fixture.js';

export const TOLL_LINE = 'Tolls on the bridge were abolished in 2005 after protests.';
export const PAINT_LINE = 'The bridge was repainted green in 2010.';
/** Answered from a passage until the toll proposal is approved, then from the community fact. */
export const TOLL_QUESTION = 'when were the bridge tolls abolished';
/** Answered from the pack as it is. */
export const BRIDGE_QUESTION = 'when did the bridge open';
export const BRIDGE_CLAIM = 'The bridge opened in 1999.';

/** The propose form as a person fills it in: a sound proposal quoting doc1. */
export const TOLL_FORM = {
  [PROPOSE_FIELDS.statement]: 'Ann Author reports that tolls on the bridge were abolished in 2005.',
  [PROPOSE_FIELDS.quote]: 'Tolls on the bridge were abolished in 2005',
  [PROPOSE_FIELDS.topic]: 'bridge',
  [PROPOSE_FIELDS.document]: 'doc1',
  [PROPOSE_FIELDS.newDocument]: '',
};
/** The same with a quote that is not in the document. */
export const BAD_QUOTE_FORM = {
  ...TOLL_FORM,
  [PROPOSE_FIELDS.statement]: 'Ann Author reports that tolls on the bridge were abolished in 2006.',
  [PROPOSE_FIELDS.quote]: 'Tolls on the bridge were abolished in 2006',
};
/** A second sound proposal, to reject. */
export const PAINT_FORM = {
  ...TOLL_FORM,
  [PROPOSE_FIELDS.statement]: 'Ann Author reports that the bridge was repainted green in 2010.',
  [PROPOSE_FIELDS.quote]: 'The bridge was repainted green in 2010',
};

export interface ModerationFixture {
  engine: Engine;
  moderation: Moderation;
  cleanup(): Promise<void>;
}

/** A copy of the minimal pack whose doc1 has the two lines the forms above quote. */
export function proposablePack(): PackCopy {
  const pack = copyPack();
  pack.write(
    'sources/doc1.txt',
    `${readFileSync(join(pack.dir, 'sources/doc1.txt'), 'utf8')}${TOLL_LINE}\n${PAINT_LINE}\n`,
  );
  return pack;
}

/** One per test file; its embedded database is a copy of the migrated template. */
export async function openModerationFixture(): Promise<ModerationFixture> {
  const pack = proposablePack();
  const dataDir = freshDataDir('crosscheck-mod-');
  const engine = Engine.fromDir(pack.dir);
  const moderation = await Moderation.open({ dataDir, retentionDays: 0 }, engine, { pollMs: 0 });
  return {
    engine,
    moderation,
    async cleanup() {
      await moderation.stop();
      rmSync(dataDir, { recursive: true, force: true });
      pack.remove();
    },
  };
}
