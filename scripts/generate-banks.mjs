// Writes a large set of valid banks, for the benchmark and for load tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Characters to spell each question's own words with, so that questions differ as real ones
// do (lint compares them for near-duplicates) and no choice stands out by its length.
const WORDS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥東西南北春夏秋冬朝昼夕夜山川海空雲雨雪風花鳥月星金銀銅鉄赤青白黒黄緑紫桃梅松竹菊蘭柿栗';
function wordsFor(seed) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 12; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += WORDS[(h >>> 16) % WORDS.length];
  }
  return out;
}

/** 10,000 valid questions over 20 banks, with a sources.yaml that resolves them all. */
export function generateBanks(dir, total) {
  mkdirSync(dir, { recursive: true });
  const sections = [];
  const perBank = total / 20;
  for (let b = 0; b < 20; b++) {
    let y = `bank: gen-${b}\ntitle: 生成バンク ${b}\nquestions:\n`;
    for (let q = 0; q < perBank; q++) {
      const id = `gen-${b}-${q}`;
      const section = `sec-${b}-${Math.floor(q / 4)}`;
      if (q % 4 === 0) sections.push(section);
      const right = q % 4;
      y += `  - id: ${id}\n    topic: gen-${b}/t-${Math.floor(q / 4)}\n    domain: ${['secure', 'resilient', 'performant', 'cost'][q % 4]}\n    type: single\n    question: |\n      バンク ${b} の ${q} 番目の生成問題です。${wordsFor(`${id}/q`)}について正しい説明はどれですか。\n    choices:\n`;
      for (let c = 0; c < 4; c++) y += `      - text: 選択肢 ${c} ${wordsFor(`${id}/${c}`)}\n${c === right ? '        correct: true\n' : ''}        why: 理由 ${c}\n`;
      y += `    explanation: |\n      解説 ${id}\n    source: gen.txt#${section}\n`;
    }
    writeFileSync(join(dir, `gen-${b}.yaml`), y);
  }
  writeFileSync(join(dir, 'sources.yaml'), `notes:\n  - file: gen.txt\n    title: 生成\n    sections:\n${sections.map((s) => `      - id: ${s}\n        heading: ${s}\n`).join('')}`);
}

