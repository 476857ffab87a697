import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

/**
 * The bare-driver floor of the peer benchmark: node:http and pg, answering the claim-by-id
 * request with the one statement the answer needs (a named prepared statement), and nothing
 * else: no GraphQL, no auth, no masking. What any API over the same database can at best reach.
 */
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: Number(process.env.DB_POOL_MAX ?? 10) });
const CLAIM = {
  name: 'floor_claim_by_id',
  text: `select c.id::text, c.claim_no, c.status, c.claimed_amount::text, e.membership_no
         from claim c join enrolment e on e.id = c.enrolment_id where c.id = $1`,
};

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    try {
      const { variables } = JSON.parse(body) as { variables: { id: string } };
      const { rows } = await pool.query({ ...CLAIM, values: [variables.id] });
      const row = rows[0];
      const claim = row && {
        id: row.id,
        claimNo: row.claim_no,
        status: row.status,
        claimedAmount: row.claimed_amount,
        enrolment: { membershipNo: row.membership_no },
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { claim } }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
