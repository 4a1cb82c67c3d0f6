/**
 * A problem the user can act on: printed as one line, no stack trace.
 * Commands throw it; only the entry point turns it into an exit code.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Usage mistakes (bad flag values and the like) exit 2, as commander does. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
