import type { ApolloServerPlugin } from '@apollo/server';
import { OptimisticLockError } from '@mikro-orm/core';
import { type DocumentNode, type ASTNode, GraphQLError, type GraphQLFormattedError, Kind, visit } from 'graphql';
import { BudgetExceededError, ConflictError, DomainError, IllegalTransitionError, ValidationError } from '../../schema/errors.js';
import type { RequestContext } from '../context.js';
import type { Logger } from '../../platform/logger.js';

/**
 * The one place where failures become client errors. Every error leaves with an
 * `extensions.code`; domain errors keep their message, database constraint violations are
 * named by field, and anything unexpected becomes "Internal server error" with the request id
 * (the details go to the log, never to the client: no stack, no SQL).
 */

/** Codes whose GraphQLErrors are safe to show as they are (Apollo's and this API's own). */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
]);

/** Constraint → the input field it guards, where the name alone does not say. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  worker_nik_key: 'input.nik',
  worker_nik_check: 'input.nik',
  worker_nik_serial: 'input.nik',
  worker_nik_province_fkey: 'input.nik',
  worker_nik_birth_date: 'input.birthDate',
  worker_region_code_fkey: 'input.regionCode',
  worker_phone_check: 'input.phone',
  enrolment_bpu_programmes: 'input.programmes',
  enrolment_programmes_check: 'input.programmes',
  enrolment_pu_employer: 'input.employerId',
  enrolment_end_date_check: 'input.endDate',
  claim_programme_covered: 'input.programme',
  contribution_programme_covered: 'input.programme',
  claim_jkp_from_2022_02: 'input.incidentDate',
  claim_submitted_date_check: 'input.submittedDate',
  claim_approved_amount_check: 'approvedAmount',
  claim_paid_date_check: 'paidDate',
  claim_payment_key_key: 'paymentKey',
  budget_allocation_amount_check: 'input.amount',
};

/** Constraints whose violation needs its own words (an exclusion constraint says nothing by its SQLSTATE). */
const CONSTRAINT_MESSAGES: Record<string, { field: string; code: string; message: string }> = {
  enrolment_no_overlap: {
    field: 'input.startDate',
    code: 'CONFLICT',
    message: 'the worker already has an active or pending enrolment with this sponsor over these dates (one sponsor pays once per month)',
  },
};

interface ErrorOrigin {
  requestId: string;
  argumentPath?: string;
}

/** Filled in `didEncounterErrors` (which sees the request), read in `formatError` (which does not). */
const origins = new WeakMap<object, ErrorOrigin>();

export function createFormatError(
  options: { hideSuggestions?: boolean } = {},
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  if (!options.hideSuggestions) return formatError;
  // Apollo strips "Did you mean …?" from validation errors only; variable coercion (an unknown input
  // field, an enum value) runs later and would still name the schema's fields and enum values.
  return (formatted, error) => {
    const result = formatError(formatted, error);
    return { ...result, message: withoutSuggestions(result.message) };
  };
}

export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const info = error && typeof error === 'object' ? origins.get(error) : undefined;
  const cause = rootCause(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (cause instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: cause.code };
    if (cause instanceof ValidationError) {
      extensions.argumentPath = info?.argumentPath ?? cause.field;
      extensions.rule = cause.rule;
    }
    if (cause instanceof IllegalTransitionError) Object.assign(extensions, { from: cause.from, action: cause.action });
    if (cause instanceof BudgetExceededError) Object.assign(extensions, cause.details);
    // A scalar failing inside graphql-js keeps graphql's message, which quotes the variable path.
    const message = error instanceof GraphQLError && !error.path && error.message.includes(cause.message) ? error.message : cause.message;
    return { message, ...base, extensions };
  }
  const database = fromDatabaseError(cause);
  if (database) return { message: database.message, ...base, extensions: database.extensions };
  if (cause instanceof OptimisticLockError) {
    const conflict = new ConflictError('the record was changed by someone else; reload it and try again');
    return { message: conflict.message, ...base, extensions: { code: conflict.code } };
  }
  const code = publicCode(error, cause);
  if (code) {
    const {
      stacktrace: _s,
      exception: _e,
      http: _h,
      ...extensions
    }: Record<string, unknown> = {
      ...(cause instanceof GraphQLError ? cause.extensions : {}),
      ...formatted.extensions,
      code,
    };
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', ...base, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: info?.requestId } };
}

/** Records the request id and argument paths of a request's errors, and logs the unexpected ones. */
export function errorPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    // A bad token is an expected refusal; anything else failing here (a JWKS outage) is not.
    async contextCreationDidFail({ error }) {
      if (!(error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED'))
        log.error({ err: error }, 'internal error: context creation failed');
    },
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors, document }) {
          for (const error of errors) {
            const cause = rootCause(error);
            const origin: ErrorOrigin = { requestId: contextValue.requestId };
            if (cause instanceof ValidationError) {
              // A scalar refused a literal or a variable: name the argument, as a resolver's own errors do.
              origin.argumentPath =
                (document && error.nodes?.[0] ? literalArgumentPath(document, error.nodes[0]) : undefined) ?? variablePath(error.message);
            }
            origins.set(error, origin);
            if (isUnexpected(error, cause)) {
              log.error({ requestId: contextValue.requestId, path: error.path, err: cause }, 'internal error');
            }
          }
        },
      };
    },
  };
}

function isUnexpected(error: GraphQLError, cause: unknown): boolean {
  if (cause instanceof DomainError || cause instanceof OptimisticLockError || fromDatabaseError(cause)) return false;
  return publicCode(error, cause) === undefined;
}

/** The most specific known code: a limit rule's own (QUERY_TOO_DEEP) over Apollo's wrapper (GRAPHQL_VALIDATION_FAILED). */
function publicCode(error: unknown, cause: unknown): string | undefined {
  for (const candidate of [cause, error]) {
    const code = candidate instanceof GraphQLError ? candidate.extensions?.code : undefined;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) return code;
    // graphql-js stops coercing variables after 50 errors with an error of no code: it is still the caller's input.
    if (candidate instanceof GraphQLError && !candidate.path && candidate.message.startsWith(TOO_MANY_VARIABLE_ERRORS))
      return 'BAD_USER_INPUT';
  }
  return undefined;
}
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) current = current.originalError;
  return current;
}

/** PostgreSQL constraint violations that slipped past validation, named by the field they guard. */
export function fromDatabaseError(error: unknown): { message: string; extensions: Record<string, unknown> } | null {
  const e = error as { code?: string; constraint?: string; table?: string; column?: string };
  if (!e || typeof e.code !== 'string') return null;
  // statement_timeout (request-budget.ts): PostgreSQL cancelled the statement, so nothing of it was written.
  if (e.code === '57014') {
    return {
      message: 'the request used up its time budget and its database work was cancelled: ask for less (smaller pages, a narrower filter)',
      extensions: { code: 'REQUEST_TIMEOUT' },
    };
  }
  // Row-level security refused a write (migration region_scopes): the row is outside the caller's region scope.
  if (e.code === '42501' && /row-level security/.test(String((error as Error).message))) {
    return { message: 'this change is outside your region scope: nothing was written', extensions: { code: 'FORBIDDEN' } };
  }
  const known = CONSTRAINT_MESSAGES[e.constraint ?? ''];
  if (known)
    return {
      message: `${known.field}: ${known.message}`,
      extensions: { code: known.code, argumentPath: known.field, constraint: e.constraint },
    };
  if (!/^23[0-9]{3}$/.test(e.code)) return null;
  const constraint = e.constraint ?? e.column ?? 'unknown';
  const field =
    CONSTRAINT_FIELDS[constraint] ??
    `input.${camel(constraint.replace(new RegExp(`^${e.table ?? ''}_`), '').replace(/_(check|fkey|key)$/, ''))}`;
  if (e.code === '23505') {
    return {
      message: `${field}: a record with this value already exists`,
      extensions: { code: 'CONFLICT', argumentPath: field, constraint },
    };
  }
  const rule = e.code === '23503' ? 'refers to a record that does not exist' : `breaks the rule ${constraint}`;
  return { message: `${field}: ${rule}`, extensions: { code: 'BAD_USER_INPUT', argumentPath: field, rule, constraint } };
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** `Variable "$input" got invalid value … at "input.nik"; …` → input.nik; `Variable "$from" got invalid value "…"; …` → from. */
function variablePath(message: string): string | undefined {
  const m = /^Variable "\$([A-Za-z0-9_]+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(message);
  return m ? (m[2] ?? m[1]) : undefined;
}

/** The argument path (`input.claimedAmount`) of a literal that a scalar refused, from the document. */
function literalArgumentPath(document: DocumentNode, target: ASTNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found || node !== target) return;
      const names: string[] = [];
      // `ancestors` stops short of the direct parent (the ObjectField holding the value).
      for (const a of [...ancestors, parent, node] as ASTNode[]) {
        if (a && typeof a === 'object' && 'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD))
          names.push(a.name.value);
      }
      found = names.length > 0 ? names.join('.') : undefined;
    },
  });
  return found;
}
