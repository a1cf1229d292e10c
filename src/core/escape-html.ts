const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an element's content or a quoted attribute value: the one escaper of every page dialsim writes
 * (the report, the rule pages, the web trainer).
 * @example
 * escapeHtml('Tom & "Jerry"'); // 'Tom &amp; &quot;Jerry&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
