import type { PracticeSummary, Relearned, UpcomingReviews } from '../quiz/practice-session.js';
import { escapeControls, hasControlChars, terminalSafe } from '../bank/text.js';
import { localDay } from '../quiz/days.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { padEndCols, width as cols, wrap } from './text.js';

// The end of a practice session: score and time, the topics missed with a command that
// drills exactly those, and when the next reviews fall due.

/** 65 s → "1:05"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "in 5 min", "in 3 h", "in 2 days", rounded up so "now" never reads "in 0 min". */
export function formatIn(ms: number): string {
  const min = Math.max(1, Math.ceil(ms / 60_000));
  if (min < 60) return t('practice.in.minutes', { n: min });
  const hours = Math.round(min / 60);
  if (hours < 48) return t('practice.in.hours', { n: hours });
  return t('practice.in.days', { n: Math.round(hours / 24) });
}

/** Local "YYYY-MM-DD HH:MM": the one date format of every screen, its day as `stats` writes days. */
export function formatLocal(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDay(at)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  // Control characters in ANSI-C quoting ($'\x1b'): the command still means the same, and the terminal runs nothing.
  if ([...word].some(unsafe)) return `$'${[...word].map((ch) => (ch === '\\' || ch === "'" ? `\\${ch}` : unsafe(ch) ? escapeBytes(ch) : ch)).join('')}'`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const unsafe = (ch: string) => hasControlChars(ch) || /[\n\r\t]/.test(ch);

function escapeBytes(ch: string): string {
  return [...Buffer.from(ch)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/** `aws-quiz practice --topic a --topic b`, with the options that chose the banks and the database. */
export function drillCommand(topics: readonly string[], keep: readonly string[] = []): string {
  return ['aws-quiz', 'practice', ...topics.flatMap((topic) => ['--topic', topic]), ...keep].map(shellQuote).join(' ');
}

export interface SummaryView {
  summary: PracticeSummary;
  upcoming: UpcomingReviews;
  now: number;
  /** Extra options for the drill command, e.g. ['--db', path]. */
  keep?: readonly string[];
  /** The session's seed, and the command that asks the same questions again. */
  again?: { seed: string; command: string };
  /** Second tries at questions missed in the session. */
  relearned?: Relearned;
  /** Asked without touching the schedule. */
  cram?: boolean;
  /** What the daily caps kept out, in words. */
  heldBack?: string;
}

/** At most this many missed topics are listed and put in the drill command. */
export const MAX_TOPICS = 5;

export function renderPracticeSummary(view: SummaryView, width: number): string[] {
  const { summary: s, upcoming: u, now } = view;
  // Prose is wrapped to the terminal; the drill command is not, so it still pastes whole.
  const fit = (text: string) => wrap(text, width).split('\n');
  const lines: string[] = [chalk.bold(t('practice.summary.title'))];
  if (s.answered === 0) lines.push(...fit(t('practice.summary.none')));
  else {
    const percent = Math.round((s.correct / s.answered) * 100);
    const score = t('practice.summary.score', { correct: s.correct, answered: s.answered, percent, time: formatDuration(s.elapsedMs) });
    const paint = percent >= 80 ? chalk.green : percent < 60 ? chalk.red : (x: string) => x;
    lines.push(...fit(score).map((l) => paint(l)));
  }
  if (s.endedEarly) lines.push(...fit(t('practice.summary.endedEarly', { answered: s.answered, planned: s.planned })));
  if (view.relearned && view.relearned.tries > 0) lines.push(...fit(t('practice.summary.relearned', { ...view.relearned })), ...fit(t('practice.summary.firstTry')).map((l) => chalk.dim(l)));
  if (view.cram) lines.push(...fit(t('practice.summary.cram')).map((l) => chalk.yellow(l)));
  if (view.heldBack) lines.push(...fit(t('practice.summary.heldBack', { parts: view.heldBack })));

  if (s.missed.length) {
    const shown = s.missed.slice(0, MAX_TOPICS);
    const room = Math.max(...shown.map((m) => cols(m.topic)));
    lines.push('', chalk.bold(t('practice.summary.missed')));
    for (const m of shown) lines.push(`  ${padEndCols(m.topic, room)}  ${t('practice.summary.wrongCount', { n: m.wrong })}`);
    if (s.missed.length > shown.length) lines.push('  ' + t('practice.summary.more', { n: s.missed.length - shown.length }));
    lines.push(...fit(t('practice.summary.drill')), '  ' + chalk.cyan(drillCommand(shown.map((m) => m.topic), view.keep)));
  } else if (s.answered > 0) {
    lines.push('', ...fit(t('practice.summary.noneMissed')).map((l) => chalk.green(l)));
  }

  lines.push('');
  if (u.dueNow === 0 && u.nextAt === undefined) lines.push(...fit(t('practice.summary.noReviews')));
  else {
    lines.push(...fit(t('practice.summary.reviews', { dueNow: u.dueNow, dueSoon: u.dueSoon })));
    if (u.nextAt !== undefined) lines.push(...fit(t('practice.summary.next', { when: formatIn(u.nextAt - now), at: formatLocal(u.nextAt) })));
  }
  if (view.again) lines.push('', ...fit(t('practice.summary.seed', { seed: escapeControls(view.again.seed) })).map((l) => chalk.dim(l)), '  ' + chalk.cyan(view.again.command));
  return lines.map(terminalSafe);
}
