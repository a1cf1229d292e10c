import { describe, expect, it } from 'vitest';
import { niceAxis, scale } from '../../../src/report/charts/scale.js';

describe('niceAxis', () => {
  it('rounds the maximum up to a round step: 2,047 attempts → 0 to 2,500 by 500', () => {
    expect(niceAxis(2047, { integer: true })).toEqual({ max: 2500, ticks: [0, 500, 1000, 1500, 2000, 2500] });
  });

  it('keeps counts whole: a maximum of 2 gives ticks 0, 1, 2, never 0.5', () => {
    expect(niceAxis(2, { integer: true }).ticks).toEqual([0, 1, 2]);
  });

  it('gives rates round percentages: 4.5% → 0 to 5% by 1%', () => {
    expect(niceAxis(0.045)).toEqual({ max: 0.05, ticks: [0, 0.01, 0.02, 0.03, 0.04, 0.05] });
  });

  it('treats 0, a negative value and NaN as 0..1, so no scale divides by zero', () => {
    for (const value of [0, -3, Number.NaN]) {
      const axis = niceAxis(value, { integer: true });
      expect(axis.max).toBe(1);
      expect(scale(axis, 100, 0)(0.5)).toBe(50);
    }
  });
});
