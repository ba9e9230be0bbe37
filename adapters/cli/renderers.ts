/** The chat payload renderers `--render` can preview: exactly what each platform is sent. */
import type { Reply } from '../shared/requests.js';

export const RENDERERS: Record<string, (reply: Reply) => unknown> = {};
