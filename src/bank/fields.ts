import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';

// The shapes of a question's short fields, kept apart from the schema so that code which
// checks them (the bank cache, before anything from it is used or stored) does not load zod.

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TOPIC = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
export const SOURCE = /^[^#\s]+#[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const DOMAINS = ['secure', 'resilient', 'performant', 'cost'] as const;
export type Domain = (typeof DOMAINS)[number];

/** The four domains of the SAP-C02 exam guide, which differ from the associate's. */
export const SAP_DOMAINS = ['organizational-complexity', 'new-solutions', 'continuous-improvement', 'migration-modernization'] as const;
export type SapDomain = (typeof SAP_DOMAINS)[number];

export const QUESTION_TYPES = ['single', 'multiple'] as const;

/** What the schema allows for the fields a quiz stores with every answer. */
export function isStorableQuestion(q: { id: unknown; bank: unknown; topic: unknown; domain: unknown; type: unknown }): boolean {
  return (
    typeof q.id === 'string' &&
    KEBAB.test(q.id) &&
    typeof q.bank === 'string' &&
    KEBAB.test(q.bank) &&
    typeof q.topic === 'string' &&
    TOPIC.test(q.topic) &&
    (DOMAINS as readonly unknown[]).includes(q.domain) &&
    (QUESTION_TYPES as readonly unknown[]).includes(q.type)
  );
}

/** Refuses to store a question whose short fields break the bank rules: what is stored stays for good. */
export function assertStorable(q: { id: unknown; bank: unknown; topic: unknown; domain: unknown; type: unknown }): void {
  if (!isStorableQuestion(q)) throw new UserError(t('error.unstorable', { id: String(q.id) }));
}
