/**
 * An error whose message is safe to show to a user (no stack, no paths, no secrets), with a stable code that
 * logs, tests and translations can key on. Anything else that is thrown is a bug and gets a generic message.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: string,
    message: string,
    /** `cause`: the error behind it, for callers that must tell one refusal from another (never shown). */
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
