/**
 * Domain errors. Each carries the GraphQL `extensions.code` it maps to, so the API, the CSV
 * import and the CLI report the same failure the same way.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** Bad input: names the field and the rule it broke. Nothing is written when one is thrown. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly field: string,
    what: string,
  ) {
    super(`${field}: ${what} not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
