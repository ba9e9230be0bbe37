/** Bad input to knowledge:add, said in one line; nothing has been changed when it is thrown. */
export class ImportError extends Error {
  override name = 'ImportError';
}
