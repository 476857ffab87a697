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

/** No credentials, or credentials that do not verify (expired, forged, malformed). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'a valid bearer token is required') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Authenticated, but the role may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A workflow step that the current status does not allow (e.g. paying a SUBMITTED claim). */
export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly entity: string,
    readonly from: string,
    readonly action: string,
  ) {
    super(`${entity} is ${from}: cannot ${action} it`);
    this.name = 'IllegalTransitionError';
  }
}

/** The sponsor's remaining budget for the year cannot pay for what was asked. */
export class BudgetExceededError extends DomainError {
  readonly code = 'BUDGET_EXCEEDED';
  constructor(
    message: string,
    readonly details: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}

/** The analytics fields were asked before the ETL published a first snapshot of the warehouse. */
export class WarehouseNotReadyError extends DomainError {
  readonly code = 'WAREHOUSE_NOT_READY';
  constructor(message = 'the warehouse has no published snapshot yet: the first ETL run has not finished; try again later') {
    super(message);
    this.name = 'WarehouseNotReadyError';
  }
}

/** A semantic analytics query whose plan is over the server's limit (ANALYTICS_MAX_CELLS): refused before it runs. */
export class QueryTooLargeError extends DomainError {
  readonly code = 'QUERY_TOO_LARGE';
  constructor(
    readonly cells: number,
    readonly limit: number,
    shape: string,
  ) {
    super(
      `the query would compute about ${cells} cells (${shape}), over the limit of ${limit}: ask for fewer dimensions or periods, or filter a dimension`,
    );
    this.name = 'QueryTooLargeError';
  }
}

/** The API was asked before the platform is ready: the operational data is still being put in place (a first run's seed). */
export class PlatformNotReadyError extends DomainError {
  readonly code = 'NOT_READY';
  constructor(readonly pending: string[]) {
    super('the platform is starting: the operational data is not in place yet; try again shortly (GET /readyz says what is pending)');
    this.name = 'PlatformNotReadyError';
  }
}
