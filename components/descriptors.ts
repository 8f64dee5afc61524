import { describeCode } from '../rules';
import type { DescriptorPack } from '../settings/descriptor-pack';
import { uiLanguage } from './i18n';

/** The licensed descriptor pack of this extension context, when the organization imported one. */
let pack: DescriptorPack | null = null;

export function setDescriptorPack(next: DescriptorPack | null): void {
  pack = next;
}

export interface Descriptor {
  text: string;
  /** True for the organization's licensed official text; false for our plain-language summary. */
  official: boolean;
}

/** What a code means: the licensed official text when imported, else ClaimGuide's own summary. */
export function descriptorOf(code: string): Descriptor | null {
  const official = pack?.descriptors[code];
  if (official) return { text: official, official: true };
  const entry = describeCode(code);
  return entry ? { text: entry.summary[uiLanguage()], official: false } : null;
}
