import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { initORM, migrateUp } from '../../server/db/orm.js';
import { adminUrl, databaseUrl } from './urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database per run; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject) {
  const template = `lindung_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const orm = await initORM(databaseUrl(template), { migrations: { silent: true } as never });
  await migrateUp(orm);
  await orm.close();
  project.provide('templateDatabase', template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
