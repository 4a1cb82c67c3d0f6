import { describe, expect, it } from 'vitest';
import { catalogues, detectLang, setLang, t } from '../../src/i18n/i18n.js';

describe('message catalogue', () => {
  it('has every key in both languages, none empty', () => {
    const en = Object.keys(catalogues.en).sort();
    const ja = Object.keys(catalogues.ja).sort();
    expect(ja).toEqual(en);
    for (const lang of ['en', 'ja'] as const) for (const [k, v] of Object.entries(catalogues[lang])) expect(v, `${lang}:${k}`).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) expect(holes(catalogues.ja[k]), k).toEqual(holes(catalogues.en[k]));
  });

  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(detectLang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(detectLang({ LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(detectLang({ LC_MESSAGES: 'ja_JP', LANG: 'C' })).toBe('ja');
    expect(detectLang({})).toBe('en');
  });

  it('picks the English singular for one', () => {
    expect(t('stats.streakValue', { current: 1, best: 3 })).toBe('1 day in a row (best 3)');
    expect(t('stats.streakValue', { current: 2, best: 3 })).toBe('2 days in a row (best 3)');
  });

  it('fills placeholders', () => {
    setLang('ja');
    expect(t('lint.summary', { files: 1, questions: 2, errors: 0, warnings: 3 })).toBe('ファイル 1 件、問題 2 問、エラー 0 件、警告 3 件');
    setLang('en');
  });
});
