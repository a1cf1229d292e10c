import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/core/escape-html.js';

describe('escapeHtml', () => {
  it('escapes & < > " and \' in text and leaves other characters alone', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a> → 08:00–21:00`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; → 08:00–21:00');
  });
});
