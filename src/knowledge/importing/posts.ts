/**
 * A forum thread's posts, found by a pattern whose match starts each post and names its
 * poster in a group `poster` (optionally `n` for the post's number and `date`). A post runs
 * to the line before the next one; the lines before the first post are the thread's header
 * and belong to no post.
 *
 *   splitPosts(text, '^\\s*(?<n>\\d+)\\. (?<poster>.+)$');   // { posts: [{ n: 1, poster: 'Neo', lines: '5-88', … }], … }
 */
import type { Post } from '../schema.js';
import { readDate } from './dates.js';
import { ImportError } from './import-error.js';

export function splitPosts(text: string, pattern: string): { posts: Post[]; headerEnd: number } {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'gmu');
  } catch (e) {
    throw new ImportError(`--posts is not a valid regular expression: ${(e as Error).message}`);
  }
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const starts: { line: number; groups: Record<string, string | undefined> }[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0] === '') continue;
    if (m.groups?.poster === undefined)
      throw new ImportError('--posts needs a named group for the poster, e.g. "^(?<poster>\\S+) wrote:$"');
    // A pattern may begin by matching blank lines ("^\\s*"): the post starts at its first visible character.
    const line = lineOf(m.index + m[0].length - m[0].trimStart().length);
    if (starts.at(-1)?.line !== line) starts.push({ line, groups: m.groups });
  }
  if (starts.length === 0) throw new ImportError(`--posts matched no line of the text: ${pattern}`);
  const lineCount = text.split('\n').length;
  const seen = new Set<number>();
  const posts = starts.map(({ line, groups }, i): Post => {
    const poster = groups.poster!.trim();
    if (!poster) throw new ImportError(`--posts found no poster's name for the post at line ${line}`);
    const n = groups.n !== undefined && /^\d+$/.test(groups.n) && Number(groups.n) > 0 ? Number(groups.n) : i + 1;
    if (seen.has(n)) throw new ImportError(`--posts found post number ${n} twice (line ${line})`);
    seen.add(n);
    const last = i + 1 < starts.length ? starts[i + 1]!.line - 1 : lineCount;
    // A member's post is a claim until someone reads it and says otherwise in documents.yaml.
    return { n, poster, author: poster, kind: 'claim', date: readDate(groups.date), lines: `${line}-${last}` };
  });
  const headerEnd = text
    .split('\n')
    .slice(0, starts[0]!.line - 1)
    .join('\n').length;
  return { posts, headerEnd };
}
