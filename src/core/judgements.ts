/**
 * A claim that something is the best or the worst ("relations are at their best point in
 * history") is a judgement: a source that says so gives its writer's view, never a fact
 * that settles the claim.
 *
 *   judges('Relations are at their best-ever point.'); // true
 *   judges('The dam is best known for its height.');   // false: "best known" ranks nothing
 */
const JUDGEMENT = /\b(?:best|worst)\b(?![\s-]+known\b)|\b(?:better|worse) than ever\b/i;

export const judges = (text: string): boolean => JUDGEMENT.test(text);
