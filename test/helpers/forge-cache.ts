import { crc32 } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sha = (text: string) => crc32(text).toString(16).padStart(8, '0');

/** The one bank cache file in a cache directory. */
export function onlyCacheFile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (files.length !== 1) throw new Error(`expected one cache file in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}

/**
 * Rewrites a bank cache as someone who knows its format would: the head and text lines
 * changed by `edit`, the digests made to match.
 */
export function forgeCache(file: string, edit: (head: { meta: unknown[][]; sections: unknown[] }, texts: Record<string, unknown>[]) => void): void {
  const [, head, ...rest] = readFileSync(file, 'utf8').split('\n');
  const parsedHead = JSON.parse(head!);
  const texts = rest.filter(Boolean).map((l) => JSON.parse(l));
  edit(parsedHead, texts);
  const headLine = JSON.stringify(parsedHead);
  const textLines = texts.map((x) => JSON.stringify(x) + '\n').join('');
  writeFileSync(file, `${sha(headLine)} ${sha(textLines)}\n${headLine}\n${textLines}`);
}
