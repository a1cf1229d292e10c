/**
 * How long an input may pause before the answers so far are written. A file or a busy pipe sends its next chunk
 * well within it, so its output is not cut into small writes; a person, or a dialer that waits for each answer, waits
 * no longer than this for theirs.
 */
const IDLE_MS = 2;

/**
 * The next chunk of an input, after running `whenIdle` if the chunk does not come within a moment: a caller that
 * sends one request and waits for its answer before sending the next (a dialer asking before each call) gets it
 * then, rather than when a batch fills or the input ends.
 */
export async function nextChunk<T>(chunks: AsyncIterator<T>, whenIdle: () => Promise<void>): Promise<IteratorResult<T>> {
  const next = chunks.next();
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<true>((resolve) => {
    timer = setTimeout(resolve, IDLE_MS, true);
  });
  // A read that fails is told by awaiting `next` below, after the answers so far are written.
  const paused = await Promise.race([next.then(() => false, () => false), idle]);
  clearTimeout(timer);
  if (paused) await whenIdle();
  return next;
}
