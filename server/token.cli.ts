import { Command, Option } from 'commander';
import { mintToken } from './auth/tokens.js';
import { ROLES, type Role } from './auth/roles.js';
import { loadConfig } from '../platform/config.js';

/** `npm run token -- --role operator`: a development bearer token signed with JWT_SECRET, on stdout. */
const program = new Command('token')
  .description('Mint a development JWT for the GraphQL API (HS256 with JWT_SECRET)')
  .addOption(new Option('--role <role>', 'viewer, analyst, operator or admin').choices(ROLES).makeOptionMandatory())
  .option('--subject <sub>', 'token subject, recorded as the actor of changes (default dev-<role>)')
  .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h, 7d', '8h')
  .parse();

const options = program.opts<{ role: Role; subject?: string; ttl: string }>();
try {
  const config = loadConfig();
  if (config.api.jwksUrl) console.error('note: JWKS_URL is set, so the server will not accept this HS256 token');
  console.log(
    await mintToken(config.api, { role: options.role, subject: options.subject ?? `dev-${options.role}`, expiresIn: options.ttl }),
  );
} catch (error) {
  console.error(`token: ${(error as Error).message}`);
  process.exitCode = 1;
}
