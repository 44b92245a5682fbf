/** The shared Int32Array of explain-files.ts and its reading threads: slots, then one owner per file. */

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
