import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_WAREHOUSE_KEY_SECRET, loadConfig } from '../../platform/config.js';
import { SECRET } from './etl.fixture.js';

/** Production with the public development key would let anyone turn worker_key back into NIKs. */
const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-jwt-secret-of-32-characters!' };

describe('the warehouse pseudonym key', () => {
  it('is refused in production when unset or the development default, naming the variable', () => {
    for (const env of [
      production,
      { ...production, WAREHOUSE_KEY_SECRET: DEV_WAREHOUSE_KEY_SECRET },
      { ...production, WAREHOUSE_KEY_SECRET: '' },
    ]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/WAREHOUSE_KEY_SECRET: production needs its own key/);
    }
  });

  it("is taken in production when it is the deployment's own, and defaults outside production", () => {
    expect(loadConfig({ ...production, WAREHOUSE_KEY_SECRET: SECRET }).etl.workerKeySecret).toBe(SECRET);
    expect(loadConfig({ NODE_ENV: 'development' }).etl.workerKeySecret).toBe(DEV_WAREHOUSE_KEY_SECRET);
    expect(() => loadConfig({ ...production, WAREHOUSE_KEY_SECRET: 'short' })).toThrow(/WAREHOUSE_KEY_SECRET: must be at least 16/);
  });
});
