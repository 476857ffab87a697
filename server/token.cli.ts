import { Command, Option } from 'commander';
import { mintToken } from './auth/tokens.js';
import { ROLES, type Role } from './auth/roles.js';
import { loadConfig } from '../platform/config.js';
import { NATIONAL_SCOPE_CLAIM, parseScopeClaim } from '../schema/region-scope.js';

/**
 * `npm run token -- --role operator --scope 64.02.06`: a development bearer token signed with
 * JWT_SECRET, on stdout. `--scope` repeats (`--scope 64.02 --scope 64.72`); without it the token
 * is for the whole country (`*`), and the note on stderr says so. The server checks that every
 * code exists when the token is used.
 */
const program = new Command('token')
  .description('Mint a development JWT for the GraphQL API (HS256 with JWT_SECRET)')
  .addOption(new Option('--role <role>', 'viewer, analyst, operator or admin').choices(ROLES).makeOptionMandatory())
  .option('--subject <sub>', 'token subject, recorded as the actor of changes (default dev-<role>)')
  .option(
    '--scope <code>',
    'region the token may see: a Kemendagri code at any level (64, 64.02, 64.02.06) or * for the whole country; repeatable (default *)',
    (code: string, codes: string[]) => [...codes, code],
    [] as string[],
  )
  .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h, 7d', '8h')
  .parse();

const options = program.opts<{ role: Role; subject?: string; scope: string[]; ttl: string }>();
try {
  const config = loadConfig();
  if (config.api.jwksUrl) console.error('note: JWKS_URL is set, so the server will not accept this HS256 token');
  const scopes = options.scope.length > 0 ? options.scope : [NATIONAL_SCOPE_CLAIM];
  // Shape only: whether each code exists is the server's check, against its region table.
  parseScopeClaim(scopes);
  if (options.scope.length === 0) console.error('note: no --scope given: this token sees the whole country (*)');
  console.log(
    await mintToken(config.api, { role: options.role, subject: options.subject ?? `dev-${options.role}`, scopes, expiresIn: options.ttl }),
  );
} catch (error) {
  console.error(`token: ${(error as Error).message}`);
  process.exitCode = 1;
}
