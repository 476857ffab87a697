// For the MikroORM CLI (`npm run mikro-orm -- migration:create` etc.); the app uses server/db/orm.ts.
import { ormOptions } from './server/db/orm.js';

export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lindung');
