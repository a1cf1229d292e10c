/** A linear axis from 0 to a round maximum, with evenly spaced round ticks. */
export interface Axis {
  readonly max: number;
  readonly ticks: readonly number[];
}

/**
 * Picks a round maximum at or above `value` and about `count` ticks (1, 2, 2.5 or 5 times a power of ten apart);
 * with `integer`, ticks are whole numbers. A zero or negative value gives the axis 0..1, so no scale divides by
 * zero.
 */
export function niceAxis(value: number, options: { count?: number; integer?: boolean } = {}): Axis {
  const count = options.count ?? 5;
  const top = value > 0 && Number.isFinite(value) ? value : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
  if (options.integer) step = Math.max(1, Math.ceil(step));
  const steps = Math.ceil(top / step - 1e-9);
  const ticks = Array.from({ length: steps + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  return { max: ticks.at(-1)!, ticks };
}

/** Maps a value on `axis` to a pixel between `from` (the axis's 0) and `to` (its maximum). */
export function scale(axis: Axis, from: number, to: number): (value: number) => number {
  return (value) => from + ((to - from) * value) / axis.max;
}
