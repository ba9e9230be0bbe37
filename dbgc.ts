import { Engine } from './src/core/engine.js';
const e = Engine.fromDir(process.env.PACK ?? 'knowledge');
const any = e as any;
for (const c of process.argv.slice(2)) {
  const v = e.check(c);
  console.log(`\n${c}\n  => ${v.verdict}: ${v.reason}`);
  const r = any.reader.read(c);
  console.log('  claim', JSON.stringify({ frames: [...r.frames], modal: r.modal, figs: r.figures.map((f: any) => `${f.kind}:${f.text}:${f.party ?? ''}`), terms: r.terms, parties: [...r.parties] }));
  const subject = c.replace(/(?<![\p{L}\d-])\d[\d.,]*\s*%?/gu, ' ');
  const q = any.index.query(subject);
  for (const h of any.index.search(q).slice(0, 5)) {
    const f = any.reader.readFact(h.fact);
    console.log(`   ${h.coverage.toFixed(2)} named=${h.named} ${h.fact.kind} ${h.fact.id}: ${h.fact.statement.slice(0, 140)}\n      frames=${JSON.stringify([...f.frames])} modal=${f.modal} figs=${f.figures.map((x: any) => x.kind + ':' + x.text + ':' + (x.party ?? '')).join('; ')}`);
  }
}
