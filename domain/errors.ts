/**
 * A rule of the domain was broken. `code` is stable (the HTTP layer maps it to a status and to
 * Vietnamese / English messages); `details` carries what the user needs to fix the input.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
