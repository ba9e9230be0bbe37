/**
 * A fact may name a claim's party in other words than the claim: inside a longer name ("the
 * Puerto Rico government" for "Puerto Rico"), or by its people or adjective ("Puerto Rican"
 * for "Puerto Rico", "Pakistani" for "Pakistan"). A pack whose actors are read from its
 * sources knows each of these as a party of its own; this reads the fact's as the claim's
 * before the two are compared, so that one is not taken for another doer.
 *
 *   const fact = asClaimNames(claim, factReading);   // "puerto rican" → "puerto rico"
 */
import { NOUN_AGENT, type Frame, type Reading } from './claims.js';
import { Lexicon } from './lexicon.js';

/**
 * True if the fact's party names the claim's: the same, inside a longer name, without the
 * common noun for a thing that the claim adds to it ("Sardar Sarovar" for "the Sardar Sarovar
 * dam"), or its people or adjective.
 */
export function namesParty(factParty: string, claimParty: string, lexicon = Lexicon.shared()): boolean {
  if (factParty === claimParty) return true;
  if (` ${factParty} `.includes(` ${claimParty} `)) return true;
  const added = claimParty.startsWith(`${factParty} `) ? claimParty.slice(factParty.length + 1) : '';
  // Not a body of people or a person: "Harvard University" is not every Harvard the fact may mean.
  const body = (w: string) => ['group', 'person'].includes(lexicon.nounClass(w) ?? '');
  if (added && !added.includes(' ') && lexicon.partsOfSpeech(added).startsWith('n') && !body(added)) return true;
  return lexicon.placesOf(factParty).includes(claimParty) || lexicon.placesOf(claimParty).includes(factParty);
}

/** The fact's reading with each party that names one of the claim's (see namesParty) renamed to the claim's. */
export function asClaimNames(claim: Reading, fact: Reading): Reading {
  const renamed = new Map<string, string>();
  for (const q of fact.parties) {
    if (claim.parties.has(q)) continue;
    const p = [...claim.parties].find((c) => namesParty(q, c));
    if (p) renamed.set(q, p);
  }
  if (renamed.size === 0) return fact;
  const as = (p: string) => renamed.get(p) ?? p;
  const party = (p: string | null) => (p === null || p.startsWith(NOUN_AGENT) ? p : as(p));
  const frame = (f: Frame): Frame => ({
    ...f,
    agent: party(f.agent),
    patient: party(f.patient),
    partner: party(f.partner),
    opposed: f.opposed.map(as),
  });
  const set = (s: Set<string>) => new Set([...s].map(as));
  return {
    ...fact,
    figures: fact.figures.map((f) => (f.party ? { ...f, party: as(f.party) } : f)),
    frames: new Map([...fact.frames].map(([verb, uses]) => [verb, uses.map(frame)])),
    parties: set(fact.parties),
    places: set(fact.places),
    origins: set(fact.origins),
    whereabouts: fact.whereabouts.map((w) => ({ ...w, places: set(w.places) })),
    order: [...new Set(fact.order.map(as))],
    firstNames: new Map([...fact.firstNames].map(([first, last]) => [first, as(last)])),
  };
}
