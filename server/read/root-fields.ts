import { Kind, type OperationDefinitionNode } from 'graphql';
import { compiledReads } from './switch.js';

/**
 * The root fields the compiled path answers. An operation made only of these needs no scoped
 * ORM transaction up front (server/request-transaction.ts skips it):
 * each compiled read carries its own settings. A field that then falls back to the ORM path
 * opens the request's transaction first, so the ORM's statements are scoped as always.
 */
export const COMPILED_ROOT_FIELDS: ReadonlySet<string> = new Set(['workers', 'claims', 'enrolments', 'contributions', 'node']);

/** True for a query whose every root field is one the compiled path answers: server/request-transaction.ts then opens no ORM transaction. */
export function answeredByCompiledReads(operation: OperationDefinitionNode | null | undefined): boolean {
  if (!compiledReads.enabled || operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && COMPILED_ROOT_FIELDS.has(s.name.value));
}
