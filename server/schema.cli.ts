import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApiSchema, printApiSchema } from './graphql/schema.js';

/** `npm run schema`: writes schema/schema.graphql from the type-graphql classes (test/api/schema.test.ts keeps it honest). */
const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
const text = printApiSchema(await buildApiSchema());
const changed = !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text;
fs.writeFileSync(target, text);
console.log(changed ? `wrote ${target}` : `${target} is up to date`);
