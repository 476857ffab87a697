import { Property } from '@mikro-orm/core';
import { Field, Int } from 'type-graphql';

/**
 * The optimistic lock of a record a screen edits: MikroORM adds `where version = ?` to the
 * UPDATE and increments it, so of two concurrent edits exactly one wins; the API exposes it so
 * a screen sends back the version it showed, and a stale one gets CONFLICT instead of silently
 * overwriting someone else's change.
 */
export function OptimisticVersion(record: string, mutations: string): PropertyDecorator {
  return (target, key) => {
    Property({ type: 'integer', version: true })(target, key as string);
    Field(() => Int, {
      description: `Optimistic-lock version of the ${record}. Pass it back to ${mutations}; if someone changed the ${record} meanwhile they fail with CONFLICT.`,
    })(target, key);
  };
}
