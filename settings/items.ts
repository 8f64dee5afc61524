import * as z from 'zod/mini';
import { storage } from '@wxt-dev/storage';
import { DEFAULT_PROFILE_ID } from '../rules';

/**
 * Settings kept by the extension. Only settings live in storage: never a field value.
 * Every read is validated; a corrupted value falls back to its default and is reported
 * through `onCorrupt` so the UI can show a notice instead of crashing.
 */

export const activeProfileIdItem = storage.defineItem<string>('sync:activeProfileId', {
  fallback: DEFAULT_PROFILE_ID,
  version: 1,
});

export const PausedOriginsSchema = z.array(z.string());
export const pausedOriginsItem = storage.defineItem<string[]>('sync:pausedOrigins', {
  fallback: [],
  version: 1,
});

export interface ValidatedValue<T> {
  value: T;
  /** True when the stored value was unreadable and the default is used instead. */
  recovered: boolean;
}

type Item<T> = { getValue(): Promise<T>; fallback: T };

/** Reads a storage item and validates it, falling back to the default when corrupted. */
export async function readValidated<T>(item: Item<T>, schema: z.ZodMiniType<T>): Promise<ValidatedValue<T>> {
  try {
    const raw = await item.getValue();
    const parsed = z.safeParse(schema, raw);
    if (parsed.success) return { value: parsed.data, recovered: false };
  } catch {
    // unreadable storage: fall through to the default
  }
  return { value: item.fallback, recovered: true };
}

export const ProfileIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
