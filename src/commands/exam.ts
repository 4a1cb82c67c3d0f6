import { UserError } from '../errors.js';

export async function examCommand(_options: Record<string, unknown>): Promise<number> {
  throw new UserError('exam is not available yet');
}
