/**
 * A sentence that tells the reader to do something ("Continue to advance a political
 * solution …", "Build trust to the point where …") is a recommendation: it says nothing was
 * done. English opens a command with the verb's bare form, which WordNet knows first as a verb.
 *
 *   opensWithCommand('Expand cooperation between think tanks.'); // true
 *   opensWithCommand('Work on the dam began in 1987.');          // false: "work on" names the work
 */
import { Lexicon } from './lexicon.js';

/** Words after a bare verb that make it a noun or a preposition ("change of policy", "like it was written"). */
const NOT_AN_OBJECT = new Set(['of', 'on', 'it', 'is', 'was', 'has', 'had', 'began', 'started']);

export function opensWithCommand(sentence: string): boolean {
  const opening = /^[\s"'“‘(•*-]*([a-z]+)(-?)\s+([a-z]+)/i.exec(sentence);
  if (!opening || opening[2]) return false;
  const verb = opening[1]!.toLowerCase();
  const lexicon = Lexicon.shared();
  return (
    lexicon.partsOfSpeech(verb).startsWith('v') &&
    lexicon.verbOf(verb) === verb &&
    !NOT_AN_OBJECT.has(opening[3]!.toLowerCase())
  );
}
