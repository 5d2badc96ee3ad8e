/**
 * The audit checkpoints' copy outside the database: one JSON line per checkpoint, appended to
 * DATA_DIR/audit-checkpoints.jsonl. Someone who can rewrite the database cannot make this file
 * agree unless they also hold the data directory and DATA_KEY.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Checkpoint } from './audit-chain.js';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export function checkpointFile(dataDir: string): string {
  return path.resolve(dataDir, CHECKPOINT_FILE);
}

export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // One write with O_APPEND per line: processes appending at once do not interleave lines.
  await fs.appendFile(file, `${JSON.stringify(checkpoint)}\n`, { encoding: 'utf8' });
}

/** Every checkpoint in the file; lines that are not checkpoints are skipped (the MAC check judges the rest). */
export async function readCheckpointFile(file: string): Promise<Checkpoint[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: Checkpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (Number.isSafeInteger(c.seq) && typeof c.hash === 'string' && typeof c.at === 'string' && typeof c.mac === 'string') out.push({ seq: c.seq, hash: c.hash, at: c.at, mac: c.mac });
    } catch {
      // A torn last line (a crash mid-write) is not a checkpoint.
    }
  }
  return out;
}
