/**
 * Incoming Slack text to plain text for the core. Slack sends `&`, `<`, `>` as entities
 * and mentions, channels and links as `<…>` markup; the core should see only what the
 * question says, and the renderer escapes it all again on the way out.
 */

/**
 * Drops addressing (people, groups, channels, @channel/@here), keeps a link's label or
 * address and a date's fallback text, and decodes the entities.
 *
 *   plainFromSlack('<!here> <@U1> did <https://x.org|Moscow> lift it &amp; when?') // 'did Moscow lift it & when?'
 */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('!date^')) return label ?? '';
      if (/^[@#!]/.test(target)) return ' ';
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** "/ask private who built the steel mill" asks for an answer only the asker sees. */
export function readCommandText(text: string): { text: string; private: boolean } {
  const m = /^\s*private\b\s*([\s\S]*)$/i.exec(text);
  return m ? { text: m[1]!.trim(), private: true } : { text: text.trim(), private: false };
}
