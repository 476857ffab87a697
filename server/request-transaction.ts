import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { type RequestScope, requestSettingsSql } from '../platform/db/request-settings.js';
import { answeredByCompiledReads } from './read/root-fields.js';

/**
 * The one transaction every statement of a signed-in request runs in, opened before the first
 * resolver and started with the request's settings (the scope row-level security reads, the
 * actor). Services' own `em.transactional` calls nest in it as savepoints, so a failed mutation
 * still undoes only itself. The settings are transaction-local (`set_config(…, true)`): they end
 * with the commit, so the pooled connection carries nothing to its next user. A statement outside
 * it (a forgotten path) runs as lindung_api with no scope, and the policies show it nothing.
 *
 * Ending never flushes: services flush their own work, and a half-changed entity left in the unit
 * of work by a refused mutation must not be written on the way out.
 */
export class RequestTransaction {
  private state: 'idle' | 'opening' | 'open' | 'ended' = 'idle';
  private opening: Promise<void> | undefined;
  private executing = false;
  private readonly held = new Set<Promise<unknown>>();

  constructor(
    private readonly em: () => EntityManager,
    private readonly settings: RequestScope | null,
    /** Epoch ms by which the request's SQL must be done: the transaction's statement_timeout is the time left. */
    private readonly deadline?: number,
  ) {}

  /** Opens the transaction (no-op without a signed-in user: such a request reads public reference data only). */
  begin(): Promise<void> {
    if (this.state !== 'idle' || !this.settings) return this.opening ?? Promise.resolve();
    this.state = 'opening';
    const settings = this.settings;
    this.opening = (async () => {
      const em = this.em();
      await em.begin();
      // From here on end() must roll it back, whatever happens next.
      this.state = 'open';
      // The time budget rides in the same statement: one round trip fewer than a separate `set local`.
      const statementTimeoutMs = this.deadline === undefined ? undefined : this.deadline - Date.now();
      const { text, values } = requestSettingsSql(settings, { statementTimeoutMs });
      // MikroORM's raw statements take `?` placeholders.
      await em.getConnection().execute(text.replace(/\$\d+/g, '?'), values, 'run', em.getTransactionContext());
    })();
    return this.opening;
  }

  /** True once begin() has been asked for: before that the request has no transaction (nor a forked EntityManager) to look in. */
  get begun(): boolean {
    return this.state !== 'idle';
  }

  /** GraphQL execution has started: a dropped client connection must not roll back under it. */
  started(): void {
    this.executing = true;
  }

  /**
   * Work that runs on this transaction but that no resolver awaits (a shared dashboard figure
   * refreshed behind a stale one): the transaction ends only after it has.
   */
  hold<T>(work: Promise<T>): Promise<T> {
    this.held.add(work);
    const done = () => this.held.delete(work);
    work.then(done, done);
    return work;
  }

  /** Commits (or rolls back) the request's work; called once execution is over, before the response is sent. */
  async end(commit: boolean): Promise<void> {
    this.executing = false;
    while (this.held.size > 0) await Promise.allSettled([...this.held]);
    // A BEGIN still on its way (another plugin refused the operation meanwhile) is waited for, so it cannot outlive the request.
    await this.opening?.catch(() => {});
    const wasOpen = this.state === 'open';
    this.state = 'ended';
    if (!wasOpen) return;
    const em = this.em();
    const trx = em.getTransactionContext();
    em.resetTransactionContext();
    if (!trx) return;
    const connection = em.getConnection();
    await (commit ? connection.commit(trx) : connection.rollback(trx));
  }

  /** The HTTP exchange is over: a transaction GraphQL never ended (a request refused before execution) is rolled back. */
  release(): Promise<void> {
    if (this.executing) return Promise.resolve();
    return this.end(false).catch(() => {});
  }
}

/**
 * Ends each GraphQL request's transaction once execution is over and before the response is
 * written, so a client that reads its answer finds the change committed. A failed commit turns
 * the answer into an error: the client must not believe a change happened that did not.
 */
export function requestTransactionPlugin(): ApolloServerPlugin<{ transaction: RequestTransaction }> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.transaction.started();
      return {
        // Opened once the operation is known: one that reads only public reference data (the
        // region list, who am I) needs none, and pays no BEGIN, settings and COMMIT.
        async didResolveOperation({ contextValue: context, operation }) {
          // Nor one the compiled read path answers: each of its reads carries its own settings (server/read/).
          if (answeredByCompiledReads(operation)) return;
          if (!operation || !readsOnlyPublicFields(operation)) await context.transaction.begin();
        },
        async willSendResponse({ contextValue: context, response, logger }) {
          try {
            await context.transaction.end(true);
          } catch (error) {
            logger.error(`request transaction did not commit: ${(error as Error).message}`);
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'the request’s changes could not be saved; nothing was written', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}

/** Root fields that read no operational rows: `regions` (reference data, no row-level security), `me` (the token). */
const PUBLIC_ROOT_FIELDS = new Set(['regions', 'me', '__typename', '__schema', '__type']);

function readsOnlyPublicFields(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value));
}
