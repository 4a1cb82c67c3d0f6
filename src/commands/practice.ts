import { UserError } from '../errors.js';

export async function practiceCommand(_options: Record<string, unknown>): Promise<number> {
  throw new UserError('practice is not available yet');
}
