/**
 * The shape of the code, checked: no module imports itself round a cycle, and no code in
 * src/ or adapters/ names the knowledge pack's subject (comments may; what users see comes
 * from the pack).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../src/knowledge/load.js';

const ROOT = resolve(import.meta.dirname, '..');
/** The generated word list is English at large, not the pack's words (the lead regenerates it). */
const NOT_CODE = new Set(['src/core/everyday-words.ts']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !NOT_CODE.has(f));
}

const files = [...sources('src'), ...sources('adapters')];

/** The relative modules a file imports or re-exports, types included, as paths from the root. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(ROOT, resolve(ROOT, dirname(file), name.replace(/\.js$/, '.ts'))));
}

/** The identifiers and literals of a file (what it would say or name, but not its comments), lowercased. */
function codeOf(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isRegularExpressionLiteral(node))
      out.push(node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) out.push(node.text);
    ts.forEachChild(node, walk);
  };
  walk(source);
  return out.join(' ').toLowerCase();
}

describe('the code base', () => {
  it('has no import cycles in src/ and adapters/', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((d) => files.includes(d))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('names none of the pack’s subject outside comments: the parties and the words for them', () => {
    const pack = loadPack(join(ROOT, 'knowledge'));
    const words = Object.entries(pack.meta.parties).flatMap(([party, names]) => [party, ...names]);
    // Whole words of four letters or more, so "pak" or "usa" inside an identifier is not taken for one.
    const subject = new RegExp(`(?<![a-z])(${words.filter((w) => w.length >= 4).join('|')})(?![a-z])`, 'i');
    const named = files.flatMap((f) => {
      const m = subject.exec(codeOf(f));
      return m ? [`${f}: ${m[0]}`] : [];
    });
    expect(words.length).toBeGreaterThan(3);
    expect(named).toEqual([]);
  });
});
