/**
 * A typed line as a request: "/check the bridge …" is the check command with its claim, and a
 * line without a slash is a question. The console reads these, and so does a Slack
 * @mention (the mention itself removed); an empty mention asks for help.
 *
 *   readLine('/check the bridge opened in 1999')   // { command: 'check', text: 'the bridge opened in 1999' }
 *   readLine('who built the bridge')               // { command: 'ask', text: 'who built the bridge' }
 */
export function readLine(line: string): { command: string; text: string } {
  const trimmed = line.trim();
  if (!trimmed) return { command: 'help', text: '' };
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return m ? { command: m[1]!.toLowerCase(), text: m[2]!.trim() } : { command: 'ask', text: trimmed };
}
