import { UserError } from '../errors.js';

export async function statsCommand(_options: Record<string, unknown>): Promise<number> {
  throw new UserError('stats is not available yet');
}
