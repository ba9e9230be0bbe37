/** What the pipeline itself says, on every platform. Renderers escape these; they are plain sentences. */
import { example } from './words.js';

export const SOMETHING_WENT_WRONG = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** A command Discord still shows but this bot no longer has (run discord:deploy). */
export const NOT_AVAILABLE = 'That command is not available any more.';

export const cooldownNotice = (seconds: number) =>
  `You're going a little fast — please wait ${seconds}s before asking again.`;

/** `name` is what the user typed, already masked and cut. */
export const unknownCommand = (name: string, help: string) =>
  `Unknown command /${name}. Ask me a question, or ${help}.`;

/** "Please add a question after /ask, e.g. /ask when did …". */
export const emptyInput = (what: string, command: string, sample: string | undefined) =>
  `Please add a ${what} after ${command}${example(`${command} `, sample)}.`;
