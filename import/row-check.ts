import { ValidationError } from '../schema/errors.js';
import type { Checked, FieldError } from './importer.js';

type Complete<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * Collects every field error of a row rather than stopping at the first, so one pass over
 * a file tells the user everything to fix. Optional values are null, never undefined:
 * undefined marks a field that failed.
 */
export class RowCheck {
  private readonly errors: FieldError[] = [];

  take<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.errors.push({ field: error.field, reason: error.rule });
      return undefined;
    }
  }

  fail(field: string, reason: string): undefined {
    this.errors.push({ field, reason });
    return undefined;
  }

  /** A reference that must resolve: `sponsor_code: no sponsor with code X`. */
  found<V>(field: string, value: V | undefined, missing: string): V | undefined {
    return value === undefined ? this.fail(field, missing) : value;
  }

  result<T extends object>(values: T): Checked<Complete<T>> {
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    return { ok: true, value: values as Complete<T> };
  }
}
