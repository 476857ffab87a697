// For the MikroORM CLI (`npm run mikro-orm -- migration:create` etc.); the app uses platform/db/orm.ts.
import { migrationOptions, ormOptions } from './platform/db/orm.js';

export default { ...ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lindung'), ...(await migrationOptions()) };
