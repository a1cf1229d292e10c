import { definePolicy, pass, violation } from 'dialsim';

const MAX_CALLS = 3;
const WINDOW_MS = 24 * 60 * 60 * 1000;

function utc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

export const attemptCap = definePolicy({
  id: 'acme.attempt-cap',
  title: 'At most 3 calls to a lead in any 24 hours',
  citation: 'Acme calling policy §5.2',
  description:
    'Blocks a call when the lead was already called 3 times in the 24 hours before it. The calls placed so far come ' +
    'with the attempt as the extension fact `recentCalls` (instants); a call exactly 24 hours earlier no longer counts.',
  extensions: { recentCalls: 'instant[]' },
  messages: {
    capReached: '{count} calls to this lead in the 24 hours before this one (at most {max}); the next is allowed from {nextAllowed}',
  },
  evaluate: (facts) => {
    const inWindow = facts.extensions.recentCalls.filter((at) => at <= facts.at && at > facts.at - WINDOW_MS).sort((a, b) => a - b);
    if (inWindow.length < MAX_CALLS) return pass;
    // The call that must age out of the window before another is allowed.
    const oldestThatCounts = inWindow[inWindow.length - MAX_CALLS]!;
    return violation('capReached', { count: inWindow.length, max: MAX_CALLS, nextAllowed: utc(oldestThatCounts + WINDOW_MS) });
  },
});

export default attemptCap;
