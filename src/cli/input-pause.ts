/**
 * How long an input may pause before the answers so far are written. A file or a busy pipe sends its next chunk
 * well within it, so its output is not cut into small writes; a person, or a dialer that waits for each answer, waits
 * no longer than this for theirs.
 */
const PAUSE_MS = 2;

/**
 * Whether the input pauses before `next`, its next chunk, comes: true when the chunk is not there within a moment.
 * A caller that sends one request and waits for its answer before sending the next (a dialer asking before each
 * call) is then given the answers so far, rather than when a batch fills or the input ends. A read that fails
 * counts as no pause: the failure is the caller's to see when it awaits `next`.
 */
export async function inputPauses(next: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const pause = new Promise<true>((resolve) => {
    timer = setTimeout(resolve, PAUSE_MS, true);
  });
  const paused = await Promise.race([next.then(() => false, () => false), pause]);
  clearTimeout(timer);
  return paused;
}
