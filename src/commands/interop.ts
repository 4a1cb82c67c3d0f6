import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, UserError } from '../errors.js';
import { t, tDynamic } from '../i18n/i18n.js';
import { KEBAB } from '../bank/schema.js';
import { writeAnki } from '../bank/formats/anki.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, parsers, writers, type ExportFormat, type ImportFormat } from '../bank/formats/index.js';
import { FormatError, type PortableQuestion } from '../bank/formats/portable.js';
import { bankYaml, sourcesWithImport, type BankDefaults } from '../bank/formats/to-bank.js';
import { SOURCES_FILE } from '../bank/dirs.js';
import { sanitizeText } from '../bank/text.js';
import { applyFilters } from '../quiz/select.js';
import { reviewLog } from '../quiz/review-log.js';
import { openStore, resolveDbPath } from '../store/open.js';
import { answersInOrder } from '../store/review-log.js';
import { quizBanksFor } from './quiz-banks.js';
import { readUserText, writeAtomically } from './user-files.js';

// `aws-quiz import` and `aws-quiz export`: glue between files and the pure formats.

const say = (line: string) => process.stderr.write(sanitizeText(line) + '\n');
/** A file to import is read whole: more than this is not a question bank. */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface ImportOptions {
  format: string;
  bank: string;
  out: string;
  domain?: string;
  topic?: string;
  force?: boolean;
}

function schemaRef(fromDir: string): string {
  const candidates = ['../../schema/bank.schema.json', '../schema/bank.schema.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const schema = candidates.find((p) => existsSync(p)) ?? candidates[0]!;
  return relative(fromDir, schema).split(sep).join('/');
}

export async function importCommand(file: string, options: ImportOptions): Promise<number> {
  if (!(IMPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(t('error.badChoice', { flag: '--format', values: IMPORT_FORMATS.join(', '), value: options.format }));
  if (!KEBAB.test(options.bank)) throw new UsageError(t('interop.badBank', { bank: options.bank }));
  const out = resolve(options.out);
  const bankFile = join(out, `${options.bank}.yaml`);
  if (existsSync(bankFile) && !options.force) throw new UserError(t('interop.exists', { path: bankFile }));
  const text = readUserText(file, MAX_IMPORT_BYTES);
  let parsed;
  try {
    parsed = parsers[options.format as ImportFormat](text);
  } catch (err) {
    if (err instanceof FormatError) throw new UserError(t('interop.badSource', { place: `${file}:${err.line}:${err.col}`, detail: sanitizeText(err.message) }));
    throw err;
  }
  for (const s of parsed.skipped) say(tDynamic(`interop.skip.${s.reason}`, { place: `${file}:${s.line}`, name: s.name }));
  if (!parsed.questions.length) throw new UserError(t('interop.nothing', { path: file, skipped: parsed.skipped.length }));
  const defaults: BankDefaults = { bank: options.bank, noteFile: basename(file), domain: options.domain ?? 'secure', topic: options.topic ?? `${options.bank}/imported` };
  let bank: string;
  let sources: string;
  const sourcesPath = join(out, SOURCES_FILE);
  try {
    bank = bankYaml(parsed.questions, defaults, `Imported from ${basename(file)}`, schemaRef(out));
    sources = sourcesWithImport(existsSync(sourcesPath) ? readFileSync(sourcesPath, 'utf8') : undefined, defaults);
  } catch (err) {
    if (err instanceof FormatError) throw new UserError(t('interop.badSource', { place: `${file}:${err.line}:${err.col}`, detail: sanitizeText(err.message) }));
    throw new UserError(t('interop.badIndex', { path: sourcesPath, detail: (err as Error).message }));
  }
  writeAtomically(bankFile, bank);
  writeAtomically(sourcesPath, sources);
  const noExplanation = parsed.questions.filter((q) => !q.explanation).length;
  process.stdout.write(t('interop.imported', { count: parsed.questions.length, skipped: parsed.skipped.length, path: bankFile }) + '\n');
  if (noExplanation) say(t('interop.noExplanation', { count: noExplanation }));
  return 0;
}

export interface ExportOptions {
  format?: string;
  out: string;
  bank?: string[];
  topic?: string[];
  questions?: string[];
  deck?: string;
  reviews?: boolean;
  db?: string;
}

/** The review log as the FSRS optimizer reads it; the database is only read. */
async function exportReviews(options: ExportOptions): Promise<number> {
  const path = resolveDbPath(options.db, process.env);
  if (!existsSync(path)) throw new UserError(t('interop.noDatabase', { path }));
  const store = openStore(path, { readonly: true });
  try {
    const lines = ['card_id,review_time,review_rating,review_duration'];
    const cards = new Set<number>();
    for (const r of reviewLog(answersInOrder(store))) {
      lines.push(`${r.cardId},${r.reviewTime},${r.rating},${r.durationMs}`);
      cards.add(r.cardId);
    }
    writeAtomically(resolve(options.out), lines.join('\n') + '\n');
    process.stdout.write(t('interop.reviewsExported', { count: lines.length - 1, cards: cards.size, path: options.out }) + '\n');
    return 0;
  } finally {
    store.close();
  }
}

export async function exportCommand(options: ExportOptions): Promise<number> {
  if (options.reviews) return exportReviews(options);
  if (options.format === undefined) throw new UsageError(t('interop.formatRequired'));
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(t('error.badChoice', { flag: '--format', values: EXPORT_FORMATS.join(', '), value: options.format }));
  const format = options.format as ExportFormat;
  const { questions } = await quizBanksFor(options);
  const chosen = applyFilters(questions, { banks: options.bank ?? [], topics: options.topic ?? [] });
  if (!chosen.length) throw new UserError(t('interop.noneChosen'));
  const portable = chosen.map((q) => ({
    name: q.id,
    question: q.question.trimEnd(),
    type: q.type,
    choices: q.choices.map((c) => ({ text: c.text, correct: c.correct, ...(c.why && { why: c.why }) })),
    ...(q.explanation && { explanation: q.explanation.trimEnd() }),
    topic: q.topic,
    domain: q.domain,
    line: 1,
  })) satisfies (PortableQuestion & { name: string })[];
  const text =
    format === 'anki'
      ? writeAnki(
          chosen.map((q, i) => ({ ...portable[i]!, guid: `aws-quiz:${q.id}`, tags: ['aws-quiz', `bank::${q.bank}`, `topic::${q.topic}`, `domain::${q.domain}`] })),
          options.deck ?? 'aws-quiz',
        )
      : writers[format](portable);
  writeAtomically(resolve(options.out), text);
  const written = format === 'aiken' ? portable.filter((q) => q.type === 'single').length : portable.length;
  process.stdout.write(t('interop.exported', { count: written, path: options.out }) + '\n');
  if (written < portable.length) say(t('interop.aikenLeftOut', { count: portable.length - written }));
  return 0;
}
