import net from 'node:net';

/**
 * A TCP relay in front of PostgreSQL that counts the statements its clients run, whatever the
 * client library: each statement of a simple Query ('Q', which may hold several separated by
 * semicolons) and each Execute ('E') of the extended protocol (a prepared statement run again
 * counts again); and the round trips, one per simple Query or Sync ('S'). The benchmark points a
 * probe instance of each server at it, so both are counted the same way for lindung, PostGraphile
 * and the floors, and the measured instances talk to PostgreSQL directly.
 */
export interface StatementProxy {
  /** `target` with its host and port replaced by the relay's. */
  url: string;
  statements(): number;
  roundTrips(): number;
  close(): Promise<void>;
}

export async function startStatementProxy(target: string): Promise<StatementProxy> {
  const upstream = new URL(target);
  let statements = 0;
  let roundTrips = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const pg = net.connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(pg);
    let buffered = Buffer.alloc(0);
    // Before the startup message, messages carry no type byte (startup, SSL and GSS requests).
    let started = false;
    client.on('data', (chunk: Buffer) => {
      pg.write(chunk);
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const header = started ? 5 : 4;
        if (buffered.length < header) break;
        const length = started ? buffered.readInt32BE(1) + 1 : buffered.readInt32BE(0);
        if (buffered.length < length) break;
        if (started) {
          const type = String.fromCharCode(buffered[0]!);
          if (type === 'E') statements++;
          if (type === 'Q') statements += countStatements(buffered.subarray(5, length - 1).toString('utf8'));
          if (type === 'Q' || type === 'S') roundTrips++;
        } else if (buffered.readInt32BE(4) === 196608) started = true; // protocol 3.0: the startup message itself
        buffered = buffered.subarray(length);
      }
    });
    pg.pipe(client);
    const close = () => {
      client.destroy();
      pg.destroy();
      sockets.delete(client);
      sockets.delete(pg);
    };
    client.on('close', close).on('error', close);
    pg.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    statements: () => statements,
    roundTrips: () => roundTrips,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Statements in a simple query's text: the non-empty parts between semicolons outside quotes, dollar quotes and comments. */
export function countStatements(sql: string): number {
  let count = 0;
  let content = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === ';') {
      if (content) count++;
      content = false;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (/\s/.test(c)) continue;
    content = true;
    if (c === "'" || c === '"') {
      for (i++; i < sql.length; i++)
        if (sql[i] === c)
          if (sql[i + 1] === c) i++;
          else break;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end < 0 ? sql.length : end + tag.length - 1;
      }
    }
  }
  return count + (content ? 1 : 0);
}
