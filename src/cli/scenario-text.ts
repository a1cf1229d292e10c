import { breachesWords, expectationsHeld, PASSED_MEANS, resultPhrase } from '../scenario/expectations-summary.js';
import type { ScenarioResult } from '../scenario/run-scenario.js';

/** The run of one scenario for a person: header, timeline of scripted steps, campaign summary, expectations. */
export function scenarioText(result: ScenarioResult, file: string): string {
  const lines: string[] = [];
  lines.push(`${result.passed ? '✔' : '✖'} ${file}: ${result.title}`);
  for (const outcome of result.steps) {
    const { step, attempt } = outcome;
    if (step.type === 'dnc-request') {
      lines.push(`  ${outcome.at}  ${step.lead} asks not to be called again: on the internal list from now on`);
      continue;
    }
    if (step.type === 'consent') {
      lines.push(`  ${outcome.at}  ${step.lead} ${step.action === 'grant' ? 'gives' : 'revokes'} ${step.kind} consent`);
      continue;
    }
    if (attempt === undefined) continue;
    const { record, path } = attempt;
    const local = record.localTimes.length === 0 ? 'local time unknown' : record.localTimes.map((time, index) => `${time.slice(11, 16)} ${record.callee.timeZones[index]}`).join(', ');
    const label = step.id === undefined ? '' : ` [${step.id}]`;
    lines.push(`  ${outcome.at}  dial ${step.lead} ${record.to} (${local}) ${record.method}${label}: ${record.verdict.toUpperCase()}`);
    for (const violation of record.violations) lines.push(`      ✖ ${violation.rule} [${violation.citation}] ${violation.message}`);
    for (const exemption of record.exemptions) lines.push(`      ↷ ${exemption.rule} lifted: ${exemption.reason}`);
    if (path.length > 0 && record.verdict === 'allow') lines.push(`      ${path.join(' → ')}`);
  }
  const { counts, campaign } = result;
  if (campaign !== null) {
    // Every lead ends in exactly one of these counts, so they add up to the leads loaded; each is shown, zero or not.
    const { leads } = campaign;
    lines.push(
      `  campaign ${campaign.simulated.from} → ${campaign.simulated.to}: ${leads.loaded} leads = ${leads.reached} reached ` +
        `(${leads.doNotCall} asked not to be called) + ${leads.exhausted} exhausted + ${leads.blockedOut} blocked out + ${leads.unfinished} unfinished ` +
        `+ ${leads.filteredOut} filtered out`,
    );
  }
  const byRule = Object.entries(counts.blockedByRule)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  lines.push(
    `  ${counts.attempts} attempts, ${counts.allowed} allowed, ${counts.blocked} blocked${byRule === '' ? '' : ` (${byRule})`}; ` +
      `${counts.connects} connects, ${counts.abandoned} abandoned (highest 30-day rate ${(counts.maxAbandonmentRate * 100).toFixed(2)}%)`,
  );
  // A campaign that called Canadian numbers is measured against each country's own limit.
  const limits = campaign?.abandonment.byJurisdiction ?? [];
  if (limits.some((entry) => entry.jurisdiction === 'CA')) {
    const text = limits.map((entry) => {
      const where = entry.jurisdiction === 'CA' ? 'Canadian numbers, highest calendar-month rate' : 'US numbers, highest 30-day rate';
      const mark = entry.confidence === 'P' ? '' : `, marked ${entry.confidence}`;
      return `${where} ${(entry.maxRate * 100).toFixed(2)}% (cap ${entry.cap * 100}%${mark})${entry.overCap ? ' OVER THE CAP' : ''}`;
    });
    lines.push(`  abandonment: ${text.join('; ')}`);
  }
  for (const expectation of result.expectations) {
    lines.push(`  ${expectation.passed ? '✔' : '✖'} ${expectation.description}${expectation.passed ? '' : `\n      expected: ${expectation.expected}\n      actual:   ${expectation.actual}`}`);
  }
  for (const breach of result.breaches) {
    lines.push(`  ${breach.expected ? '⚠' : '✖'} breach ${breach.rule} (${breach.jurisdiction}) [${breach.citation}; ${breach.confidence}]${breach.expected ? ' expected' : ' UNEXPECTED'}: ${breach.message}`);
  }
  lines.push(`  ${resultPhrase(result)}`);
  return `${lines.join('\n')}\n`;
}

/** One row per scenario: the table `npm start` ends with. */
export function summaryTable(rows: readonly { file: string; result: ScenarioResult }[]): string {
  const header = ['scenario', 'result', 'attempts', 'blocked', 'connects', 'abandoned', 'expectations held', 'compliance'];
  const body = rows.map(({ file, result }) => [
    file,
    result.passed ? 'pass' : 'FAIL',
    String(result.counts.attempts),
    String(result.counts.blocked),
    String(result.counts.connects),
    String(result.counts.abandoned),
    expectationsHeld(result),
    breachesWords(result),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 || column === header.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const passed = rows.filter(({ result }) => result.passed).length;
  return `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n')}\n${passed} of ${rows.length} scenarios passed (${PASSED_MEANS})\n`;
}
