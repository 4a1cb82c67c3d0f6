import * as z from 'zod';
import { DOMAINS, KEBAB, QUESTION_TYPES, SAP_DOMAINS, SOURCE, TOPIC } from './fields.js';

// The bank format is defined once, here. schema/bank.schema.json is generated from it
// (npm run schema) so editors validate banks as they are typed.

export { DOMAINS, KEBAB, TOPIC, type Domain, type SapDomain } from './fields.js';

// Regex messages are catalogue keys (src/i18n/messages/lint.ts), worded in the interface's language.
const kebab = z.string().regex(KEBAB, 'schema.kebab');

export const choiceSchema = z.strictObject({
  text: z.string().describe('The choice as the learner sees it.'),
  correct: z.boolean().optional().describe('true on every correct choice; omit on wrong ones.'),
  why: z.string().optional().describe('Why this choice is right or wrong.'),
});

export const questionSchema = z.strictObject({
  id: kebab.describe('Unique across all banks.'),
  topic: z.string().regex(TOPIC, 'schema.topic').describe('What weak-topic statistics group by, e.g. cloudfront/origin-failover.'),
  domain: z.enum(DOMAINS).describe('Exam domain: secure | resilient | performant | cost.'),
  sap_domain: z
    .enum(SAP_DOMAINS)
    .optional()
    .describe('SAP-C02 domain: organizational-complexity | new-solutions | continuous-improvement | migration-modernization.'),
  type: z.enum(QUESTION_TYPES).describe('single: exactly one correct choice; multiple: two or more.'),
  difficulty: z.int().min(1).max(3).optional().describe('1 (easy) to 3 (hard).'),
  question: z.string(),
  // Limits for editors only: lint reports a wrong count itself, as choice-count, with the question's id.
  choices: z.array(choiceSchema).meta({ description: '3 to 6 choices.', minItems: 3, maxItems: 6 }),
  explanation: z.string().optional(),
  source: z.string().regex(SOURCE, 'schema.source').describe('Note file and section id, resolved in sources.yaml.'),
});

export const bankSchema = z.strictObject({
  bank: kebab.describe('Unique bank name, kebab-case.'),
  title: z.string(),
  questions: z.array(questionSchema),
});

/** The bank without its questions, so one broken question does not hide the others' problems. */
export const bankShellSchema = bankSchema.extend({ questions: z.array(z.unknown()) });

export const sectionSchema = z.strictObject({
  id: kebab.describe('Unique across all notes.'),
  heading: z.string(),
  summary: z.string().optional(),
  anchor: z.string().optional().describe("The section's heading line as it stands in the note; lint --notes reports the section as stale when it is gone."),
  skip: z.string().optional().describe('Why nothing is asked from this section.'),
});

export const sourcesSchema = z.strictObject({
  notes: z.array(
    z.strictObject({
      file: z.string(),
      title: z.string(),
      sections: z.array(sectionSchema),
    }),
  ),
});

export type RawBank = z.infer<typeof bankSchema>;
export type RawQuestion = z.infer<typeof questionSchema>;
export type RawSources = z.infer<typeof sourcesSchema>;

export function bankJsonSchema(): object {
  return z.toJSONSchema(bankSchema, { target: 'draft-07' });
}
