import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MB, its worker threads' included. Read from /proc (VmHWM), which starts
 * afresh when a process starts: `resourceUsage().maxRSS` carries over the high-water mark of the process it was
 * forked from, so a round run as a child of the bench reported the bench's own peak (440 MB for a 50,000-row scrub).
 * Elsewhere maxRSS is all there is.
 */
export function peakResidentMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return Math.round(Number(match[1]) / 1024);
  } catch {
    // No /proc on this system.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
