import { describe, expect, it } from 'vitest';
import { asciiSlug, draftSections, headingsMatch, noteShortName, sectionIds } from '../../src/bank/note-sections.js';

const md = ['# VPC', '', '## Endpoints', 'text', '### Gateway', '- x', '## Flow logs', '- Term: a definition', '```', '## fenced', '```', '#### Deep', 'text'].join('\n');

describe('draftSections', () => {
  it('takes Markdown headings with their parents, skipping code blocks', () => {
    const headings = draftSections(md).map((s) => s.heading);
    expect(headings).toEqual(['VPC', 'VPC > Endpoints', 'VPC > Endpoints > Gateway', 'VPC > Flow logs', 'VPC > Flow logs > Term', 'VPC > Flow logs > Deep']);
    expect(draftSections(md).find((s) => s.text === 'Gateway')!.line).toBe(5);
  });

  it('takes the plain-text markers: 【…】, ● ■ ◆, numbered headings, and a short line over indented or bulleted lines', () => {
    const text = [
      'メモ',
      '',
      '【購入オプション】',
      '本文の一行目です。これは見出しではありません。',
      '■ 料金',
      '◆ 制限',
      '1. はじめに',
      'Q21 配置グループ',
      '問22 ストレージ',
      'ストレージ',
      '  インスタンスストアは停止で消える',
      '箇条書きの親',
      '・子の一',
      '・子の二',
      '文で終わる行です。',
      '  インデント',
    ].join('\n');
    const texts = draftSections(text).map((s) => s.text);
    expect(texts).toEqual(['メモ', '購入オプション', '料金', '制限', '1. はじめに', 'Q21 配置グループ', '問22 ストレージ', 'ストレージ', '箇条書きの親']);
  });

  it('takes a title standing alone between blank lines, as blog titles are', () => {
    const text = ['Blog', '', 'Amazon QuickSight の更新 – 地理空間の可視化', '', 'AWSでは記念日を敢えて祝うことはあまりしません。100近いサービスによって週に何度も更新します。', '', 'Read More'].join('\n');
    expect(draftSections(text).map((s) => s.text)).toContain('Amazon QuickSight の更新 – 地理空間の可視化');
  });

  it('reads CRLF and CR-only line endings alike', () => {
    expect(draftSections(md.replace(/\n/g, '\r\n')).map((s) => s.heading)).toEqual(draftSections(md).map((s) => s.heading));
    expect(draftSections('【一】\r本文\r【二】').map((s) => s.line)).toEqual([1, 3]);
  });
});

describe('section ids', () => {
  it('are an ASCII slug where the heading has Latin words, else the note short name and a number, and unique', () => {
    const sections = draftSections('# VPC Endpoints\n## エンドポイント\n## VPC Endpoints\n');
    expect(sectionIds(sections, '000_5432abcd.txt', new Set())).toEqual(['vpc-endpoints', '000-2', 'vpc-endpoints-2']);
    expect(sectionIds(sections, 'notes.md', new Set(['vpc-endpoints']))).toEqual(['vpc-endpoints-2', 'notes-2', 'vpc-endpoints-3']);
  });

  it('slugs only Latin letters and digits', () => {
    expect(asciiSlug('Amazon S3 のバケット')).toBe('amazon-s3');
    expect(asciiSlug('２１.')).toBe('');
    expect(asciiSlug('エッジ')).toBe('');
    expect(noteShortName('/x/000_54328491b4c48bc9.txt')).toBe('000');
    expect(noteShortName('my notes.md')).toBe('my-notes');
    expect(noteShortName('ノート.md')).toBe('note');
  });
});

describe('headingsMatch', () => {
  it('matches containment and close wording, not unrelated headings', () => {
    expect(headingsMatch('DNS 属性', 'VPC の DNS 属性')).toBe(true);
    expect(headingsMatch('Elastic Transcoder', 'Elastic Transcoder')).toBe(true);
    expect(headingsMatch('CloudSearch', 'Elastic Transcoder')).toBe(false);
    expect(headingsMatch('', 'x')).toBe(false);
  });
});
