/**
 * The pack's own words for what the bot says about itself: its subject and an example
 * question and claim (knowledge/pack.yaml). Nothing in the code names a pack's subject;
 * help, command descriptions, usage hints and the Slack manifest all take it from here.
 */
import type { Engine } from '../../src/core/engine.js';

export interface PackWords {
  /** What the pack is about, e.g. the name in pack.yaml. */
  subject: string;
  /** An example question and claim, when the pack gives them. */
  question?: string;
  claim?: string;
}

export function packWords(engine: Engine): PackWords {
  const { name, examples } = engine.pack.meta;
  return { subject: name, ...(examples ? { question: examples.question, claim: examples.claim } : {}) };
}

/** " e.g. /ask when did …", or nothing when the pack gives no example. */
export const example = (prefix: string, text: string | undefined): string => (text ? `, e.g. ${prefix}${text}` : '');
