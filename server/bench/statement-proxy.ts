import net from 'node:net';

/**
 * A TCP relay in front of PostgreSQL that counts the statements its clients run, whatever the
 * client library: one per simple Query ('Q') and one per Execute ('E') of the extended protocol
 * (a prepared statement run again counts again). The benchmark points a probe instance of each
 * server at it, so statements per request are counted the same way for lindung, PostGraphile and
 * the floor, and the measured instances talk to PostgreSQL directly.
 */
export interface StatementProxy {
  /** `target` with its host and port replaced by the relay's. */
  url: string;
  statements(): number;
  close(): Promise<void>;
}

export async function startStatementProxy(target: string): Promise<StatementProxy> {
  const upstream = new URL(target);
  let statements = 0;
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
          if (type === 'Q' || type === 'E') statements++;
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
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
