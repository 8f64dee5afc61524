import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';

/**
 * Documentation-checklist ticks: per tab, per code, the ids of the items the coder ticked.
 * Session storage only (gone when the browser closes), keyed by tab id, code and item id: no
 * patient data. The background deletes a tab's ticks when the tab closes.
 */
export const ChecklistTicksSchema = z.record(z.string(), z.array(z.string()));
export type ChecklistTicks = z.infer<typeof ChecklistTicksSchema>;

export const checklistKey = (tabId: number) => `session:checklist:${tabId}` as const;

export function checklistItem(tabId: number) {
  return storage.defineItem<ChecklistTicks>(checklistKey(tabId), { fallback: {} });
}

export async function readTicks(tabId: number): Promise<ChecklistTicks> {
  try {
    const parsed = z.safeParse(ChecklistTicksSchema, await checklistItem(tabId).getValue());
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function toggleTick(ticks: ChecklistTicks, code: string, itemId: string, checked: boolean): ChecklistTicks {
  const current = new Set(ticks[code] ?? []);
  if (checked) current.add(itemId);
  else current.delete(itemId);
  return { ...ticks, [code]: [...current].sort() };
}

export async function forgetTicks(tabId: number): Promise<void> {
  await checklistItem(tabId).removeValue();
}
