import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';

/**
 * The time a request may take, enforced where the time goes: in PostgreSQL. A statement that
 * outlives the budget is cancelled by the server itself (`statement_timeout`, SQLSTATE 57014),
 * which frees its connection and its locks; errors.ts answers REQUEST_TIMEOUT. The cost and
 * depth limits bound how many statements a request can run, so together they bound its work.
 */

const cappedPools = new WeakSet<object>();

/**
 * Reads run outside a transaction: each connection the server acquires caps its statements at the
 * whole budget. Called when the first request arrives, not at start, so the migrations a process
 * runs on the same ORM before it serves are not cut short.
 */
export function capStatements(orm: MikroORM, timeoutMs: number): void {
  const pool = (orm.em.getConnection().getKnex().client as { pool?: PoolEvents }).pool;
  if (!pool || cappedPools.has(pool)) return;
  cappedPools.add(pool);
  const capped = new WeakSet<object>();
  // pg runs a connection's queries in order, so this SET precedes whatever the acquirer sends next.
  pool.on('acquireSuccess', (_eventId, connection) => {
    if (capped.has(connection)) return;
    capped.add(connection);
    connection.query(`set statement_timeout = ${Math.floor(timeoutMs)}`).catch(() => capped.delete(connection));
  });
}

interface PoolEvents {
  on(event: 'acquireSuccess', listener: (eventId: number, connection: { query(sql: string): Promise<unknown> }) => void): void;
}

/**
 * A write's transaction gets what is left of the request's budget (`set local`, so it ends with
 * the transaction), so a mutation that waits on a lock or a slow statement is cancelled at the deadline.
 */
export function transactionDeadline(deadline: number): EventSubscriber {
  return {
    async afterTransactionStart({ em, transaction }: TransactionEventArgs) {
      const remaining = Math.max(1, Math.floor(deadline - Date.now()));
      await em.getConnection().execute(`set local statement_timeout = ${remaining}`, [], 'run', transaction);
    },
  };
}

/**
 * A bound on the total work of clients without a token (the only public field is `regions`, but
 * every request costs parsing and validation): each IP address has `msPerMinute` of server time,
 * refilled continuously; a request that finds the bucket empty is refused with 429 before it is parsed.
 */
export function anonymousWorkLimit(msPerMinute: number): RequestHandler {
  const buckets = new Map<string, { left: number; at: number }>();
  const bucket = (key: string, now: number) => {
    const b = buckets.get(key) ?? { left: msPerMinute, at: now };
    b.left = Math.min(msPerMinute, b.left + ((now - b.at) * msPerMinute) / 60_000);
    b.at = now;
    buckets.set(key, b);
    return b;
  };
  return (req, res, next) => {
    if (msPerMinute === 0) return next();
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const started = Date.now();
    const anonymous = !req.headers.authorization;
    if (anonymous) {
      const b = bucket(key, started);
      if (b.left <= 0) {
        const retry = Math.ceil((-b.left * 60) / msPerMinute) + 1;
        res.setHeader('retry-after', String(retry));
        return res.status(429).json({
          errors: [
            {
              message: `too much work from this address without a token: try again in ${retry} s, or sign in`,
              extensions: { code: 'TOO_MANY_REQUESTS', requestId: res.locals.requestId },
            },
          ],
        });
      }
    }
    res.on('finish', () => {
      // Charged afterwards, when the cost is known; a refused token (401) counts as no token.
      if (!anonymous && res.statusCode !== 401) return;
      bucket(key, Date.now()).left -= Math.max(1, Date.now() - started);
      if (buckets.size > 10_000) for (const [k, v] of buckets) if (v.left >= msPerMinute) buckets.delete(k);
    });
    next();
  };
}
