import type { Domain, SapDomain } from '../bank/schema.js';

// The shape of each mock exam. SAA-C03 draws and reports by the four domains every question
// carries; SAP-C02 by its own four (the optional `sap_domain` tag), with the weights of its
// exam guide. A question without that tag is "untagged" there: weighted 0, so it is asked
// only when the tagged questions run short, and reported apart.

/** The banks' four domains, in the order reports list them (kept here so this module never loads the bank schema). */
export const EXAM_DOMAINS: readonly Domain[] = ['secure', 'resilient', 'performant', 'cost'];

/** Where an SAP-C02 exam puts a question the banks have not tagged with an SAP-C02 domain. */
export const UNTAGGED = 'untagged';

export type ExamDomain = Domain | SapDomain | typeof UNTAGGED;

export type BlueprintName = 'saa' | 'sap' | 'quick';

export interface Blueprint {
  name: BlueprintName;
  count: number;
  minutes: number;
  /** On the 100–1000 scale. */
  passMark: number;
  /** Which domains the exam is drawn and reported by. */
  axis: 'associate' | 'professional';
  /** Relative weights, in report order; they need not add up to 100. A weight of 0 fills only what the others cannot. */
  weights: Readonly<Partial<Record<ExamDomain, number>>>;
}

/** The scaled score range AWS reports. */
export const SCALE_MIN = 100;
export const SCALE_MAX = 1000;

/** AWS grants this much more time to candidates sitting an exam in a language that is not their own. */
export const EXTRA_MINUTES = 30;

const SAA_WEIGHTS = { secure: 30, resilient: 26, performant: 24, cost: 20 } as const;
const SAP_WEIGHTS = { 'organizational-complexity': 26, 'new-solutions': 29, 'continuous-improvement': 25, 'migration-modernization': 20, [UNTAGGED]: 0 } as const;

export const BLUEPRINTS: Readonly<Record<BlueprintName, Blueprint>> = {
  saa: { name: 'saa', count: 65, minutes: 130, passMark: 720, axis: 'associate', weights: SAA_WEIGHTS },
  sap: { name: 'sap', count: 75, minutes: 180, passMark: 750, axis: 'professional', weights: SAP_WEIGHTS },
  quick: { name: 'quick', count: 10, minutes: 20, passMark: 720, axis: 'associate', weights: SAA_WEIGHTS },
};

export function isBlueprintName(name: string): name is BlueprintName {
  return Object.hasOwn(BLUEPRINTS, name);
}

/** The blueprint stored with an exam; an unknown name (from a newer version) falls back to saa's marks. */
export function blueprintFor(name: string | null | undefined): Blueprint {
  return name && isBlueprintName(name) ? BLUEPRINTS[name] : BLUEPRINTS.saa;
}

/** The domains a blueprint draws and reports by, in report order. */
export const domainsOf = (b: Blueprint): ExamDomain[] => Object.keys(b.weights) as ExamDomain[];

/** The domain a question counts toward in this blueprint. */
export function domainOf(b: Blueprint): (q: { domain: Domain; sapDomain?: SapDomain }) => ExamDomain {
  return b.axis === 'professional' ? (q) => q.sapDomain ?? UNTAGGED : (q) => q.domain;
}
