import { cli } from './messages/cli.js';
import { common } from './messages/common.js';
import { errata } from './messages/errata.js';
import { exam } from './messages/exam.js';
import { init } from './messages/init.js';
import { interop } from './messages/interop.js';
import { lint } from './messages/lint.js';
import { notes } from './messages/notes.js';
import { practice } from './messages/practice.js';
import { readiness } from './messages/readiness.js';
import { stats } from './messages/stats.js';

// One catalogue for every user-facing string. Each area keeps its own file under
// messages/; keys are prefixed with the area so they never collide.
export const catalogues = {
  en: { ...common.en, ...cli.en, ...lint.en, ...practice.en, ...exam.en, ...stats.en, ...init.en, ...notes.en, ...readiness.en, ...interop.en, ...errata.en },
  ja: { ...common.ja, ...cli.ja, ...lint.ja, ...practice.ja, ...exam.ja, ...stats.ja, ...init.ja, ...notes.ja, ...readiness.ja, ...interop.ja, ...errata.ja },
};

export type Lang = keyof typeof catalogues;
export type MessageKey = keyof (typeof catalogues)['en'];
export type Params = Record<string, string | number>;

let current: Lang = 'en';

/** LC_ALL beats LC_MESSAGES beats LANG, as in POSIX locales. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(locale) ? 'ja' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function isLang(value: string): value is Lang {
  return Object.hasOwn(catalogues, value);
}

export function t(key: MessageKey, params: Params = {}): string {
  const template: string = catalogues[current][key] ?? catalogues.en[key] ?? key;
  // `{n|day|days}` picks the singular when n is 1: English needs it, Japanese does not.
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, name: string, one: string, many: string) => (name in params ? (Number(params[name]) === 1 ? one : many) : m))
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** For rule names and other keys built at run time. */
export function tDynamic(key: string, params: Params = {}): string {
  return key in catalogues.en ? t(key as MessageKey, params) : key;
}
