/** What explain-files.ts and its reading threads share: how a file is read, and the slots of their Int32Array. */
import { readFileSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
// From parse/ itself, not explain.ts: a reading thread loads no classifier or extraction code.
import { readInput, type ParsedInput } from '../parse/index.js';

/** A file read and parsed, or null when that failed: the main thread then explains it again, reporting why. */
export async function parseFile(path: string, maxBytes: number): Promise<ParsedInput | null> {
  try {
    return await readInput(readFileSync(path), { maxBytes });
  } catch {
    return null;
  }
}

/** What a reading thread is given: the files, the shared slots, its port to the main thread and its number. */
export interface ReaderJob {
  paths: string[];
  maxBytes: number;
  state: SharedArrayBuffer;
  port: MessagePort;
  reader: number;
}

/* The slots, then one owner per file. */

/** The next file nobody has claimed yet (all threads claim in order). */
export const NEXT = 0;
/** Files the main thread has finished: readers stay within WINDOW of it. */
export const CONSUMED = 1;
/** Messages the readers have posted (waited on by the main thread). */
export const POSTED = 2;
/** Set by the main thread when it needs nothing more. */
export const STOP = 3;
/** Where the owners start: OWNERS + i holds the reader number + 1 that claimed file i (0: the main thread or nobody). */
export const OWNERS = 4;

/** How far the readers may run ahead: parsed files waiting in memory. */
export const WINDOW = 64;
