import type { Domain } from '../bank/schema.js';

// The shape of each mock exam. Only SAA-C03 publishes weights for the four domains the
// banks use; SAP-C02's own domains (organisational complexity, new solutions, ...) do not
// map onto them, so the professional blueprint keeps the same spread and changes length,
// time and pass mark.

/** The banks' four domains, in the order reports list them (kept here so this module never loads the bank schema). */
export const EXAM_DOMAINS: readonly Domain[] = ['secure', 'resilient', 'performant', 'cost'];

export type BlueprintName = 'saa' | 'sap' | 'quick';

export interface Blueprint {
  name: BlueprintName;
  count: number;
  minutes: number;
  /** On the 100–1000 scale. */
  passMark: number;
  /** Relative weights; they need not add up to 100. */
  weights: Readonly<Record<Domain, number>>;
}

/** The scaled score range AWS reports. */
export const SCALE_MIN = 100;
export const SCALE_MAX = 1000;

const SAA_WEIGHTS = { secure: 30, resilient: 26, performant: 24, cost: 20 } as const;

export const BLUEPRINTS: Readonly<Record<BlueprintName, Blueprint>> = {
  saa: { name: 'saa', count: 65, minutes: 130, passMark: 720, weights: SAA_WEIGHTS },
  sap: { name: 'sap', count: 75, minutes: 180, passMark: 750, weights: SAA_WEIGHTS },
  quick: { name: 'quick', count: 10, minutes: 20, passMark: 720, weights: SAA_WEIGHTS },
};

export function isBlueprintName(name: string): name is BlueprintName {
  return Object.hasOwn(BLUEPRINTS, name);
}

/** The blueprint stored with an exam; an unknown name (from a newer version) falls back to saa's marks. */
export function blueprintFor(name: string | null | undefined): Blueprint {
  return name && isBlueprintName(name) ? BLUEPRINTS[name] : BLUEPRINTS.saa;
}
