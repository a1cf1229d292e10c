import { describe, expect, it } from 'vitest';
import { dataAttributes, formatNumber, html, SafeHtml } from '../../src/report/html.js';

describe('report markup', () => {
  it('escapes interpolated strings but passes markup built by html, joins arrays and drops null, undefined and booleans', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['a', '<', 1.5]}${null}${undefined}${false}${true}</p>`.value).toBe('<p><b>&lt;i&gt;</b>a&lt;1.5</p>');
    expect(html`${new SafeHtml('<br>')}`.value).toBe('<br>');
  });

  it('writes whole numbers as they are and others to two decimals; -0.001 becomes 0', () => {
    expect([formatNumber(12), formatNumber(12.5), formatNumber(1 / 3), formatNumber(-0.001)]).toEqual(['12', '12.5', '0.33', '0']);
  });

  it('refuses to write NaN or Infinity into markup: that is a bug in the arithmetic, not data', () => {
    expect(() => html`<rect width="${0 / 0}">`).toThrow('report: a non-finite number (NaN) reached the markup; this should not happen');
    expect(() => formatNumber(1 / 0)).toThrow('report: a non-finite number (Infinity) reached the markup; this should not happen');
  });

  it('writes data-* attributes in kebab case, objects as escaped JSON', () => {
    expect(dataAttributes({ maxRate: '0.5', total: 3, byRule: { 'hours.federal': 1 } }).value).toBe(' data-max-rate="0.5" data-total="3" data-by-rule="{&quot;hours.federal&quot;:1}"');
  });
});
