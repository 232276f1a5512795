/**
 * An error whose message is written for the person running the command:
 * scripts print its message alone (no stack trace) and exit non-zero.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
