/**
 * The knowledge pack's shape, defined once. Every type the core uses for knowledge is
 * inferred from these schemas, so the YAML, the validator and the code cannot drift apart.
 */
import { z } from 'zod';

/** A stable, human-readable id: lowercase words joined by hyphens. */
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and hyphens');

/** YYYY, YYYY-MM or YYYY-MM-DD. YAML reads bare dates as Date objects; both are accepted. */
export const PartialDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const DocumentKind = z.enum(['analysis', 'opinion', 'forum thread', 'overview', 'article', 'report']);
export const PostKind = z.enum(['article', 'summary', 'opinion', 'claim', 'question']);

export const PostSchema = z.strictObject({
  n: z.number().int().positive(),
  poster: z.string().min(1),
  /** The person whose words the post carries: the poster, or the author of a reposted article. */
  author: z.string().min(1),
  kind: PostKind,
  date: PartialDate.nullable(),
  /** The lines of the document the post spans, e.g. "5-88". */
  lines: z.string().regex(/^\d+-\d+$/, 'lines are "first-last", e.g. "5-88"'),
  note: z.string().optional(),
});

export const DocumentSchema = z.strictObject({
  id: z.string().regex(/^[\w-]+$/, 'a document id is its file name without .txt'),
  title: z.string().min(1),
  author: z.string().min(1).nullable(),
  publisher: z.string().min(1).nullable(),
  date: PartialDate.nullable(),
  kind: DocumentKind,
  url: z.string().url().optional(),
  reliability: z.string().min(1),
  posts: z.array(PostSchema).optional(),
});

export const FactKind = z.enum(['report', 'opinion', 'proposal', 'forum_claim']);

export const FactSchema = z.strictObject({
  id: Id,
  /** One plain, neutral sentence the bot can say. Opinions and proposals are attributed. */
  statement: z.string().min(10),
  /** A verbatim span of the document, at most 300 characters. */
  quote: z.string().min(8).max(300, 'a quote is at most 300 characters'),
  source: z.strictObject({
    document: z.string().min(1),
    post: z.number().int().positive().optional(),
  }),
  /** The date the fact is about, where the text gives one. */
  date: PartialDate.optional(),
  kind: FactKind,
  topic: Id,
  tags: z.array(z.string().min(1)).default([]),
});

export const PositionSchema = z.strictObject({
  label: z.string().min(1),
  facts: z.array(Id).min(1, 'a position names at least one fact'),
});

export const TopicSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  area: z.string().min(1),
  disagreement: z
    .strictObject({
      summary: z.string().min(1),
      positions: z.array(PositionSchema).min(2, 'a disagreement has at least two positions'),
    })
    .optional(),
});

export const PackMetaSchema = z.strictObject({
  name: z.string().min(1),
  covers: z.string().min(1),
  /** A question and a claim the bot shows as examples of what to ask; without them it shows none. */
  examples: z.strictObject({ question: z.string().min(1).max(90), claim: z.string().min(1).max(90) }).optional(),
  denylist: z.array(z.string().min(1)).default([]),
  /** The actors claims are about, each with the words that name it ("Moscow" is Russia). */
  parties: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Words that make a statement say the opposite ("denied", "cancelled"). */
  negations: z.array(z.string().min(1)).default([]),
});

/** A file's list, where "documents:" with nothing under it (YAML's null) is a list of none, as a new pack starts. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullable()
    .transform((list) => list ?? []);

export const DocumentsFileSchema = z.strictObject({ documents: listOf(DocumentSchema) });
export const TopicsFileSchema = z.strictObject({ topics: listOf(TopicSchema) });
export const FactsFileSchema = z.strictObject({ facts: listOf(FactSchema) });
export const AliasesFileSchema = z.strictObject({ aliases: listOf(z.array(z.string().min(1)).min(2)) });

export type Post = z.infer<typeof PostSchema>;
export type DocumentKind = z.infer<typeof DocumentKind>;
export type PostKind = z.infer<typeof PostKind>;
export type SourceDocument = z.infer<typeof DocumentSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type FactKind = z.infer<typeof FactKind>;
export type Topic = z.infer<typeof TopicSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type PackMeta = z.infer<typeof PackMetaSchema>;
