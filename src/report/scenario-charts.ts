import type { ScenarioResult } from '../scenario/run-scenario.js';
import { chartCard } from './chart-card.js';
import { funnelChart } from './charts/funnel-chart.js';
import { rateGauge } from './charts/rate-gauge.js';
import { rateLineChart } from './charts/rate-line-chart.js';
import { stackedBarChart } from './charts/stacked-bar-chart.js';
import { formatCount, formatDay, formatDayWithYear, formatHour, formatPercent, spansYears } from './format.js';
import type { SafeHtml } from './html.js';
import { legend } from './legend.js';
import { ALLOWED_COLOUR, BLOCKED_COLOUR, CAP_COLOUR, FUNNEL_COLOURS, LINE_COLOUR, OUTCOME_COLOURS, PERMITTED_BAND_COLOUR } from './palette.js';
import { abandonmentSeries, attemptsByDay, attemptsByLocalHour, funnel } from './series.js';

/** The federal calling window, 08:00 to 21:00 at the called party's location (47 CFR 64.1200(c)(1)). */
const WINDOW = { from: 8, to: 21 };

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** (a) Attempts per day, allowed and blocked by rule. */
export function attemptsByDayCard(result: ScenarioResult, colours: ReadonlyMap<string, string>): SafeHtml {
  const series = attemptsByDay(result);
  const allowed = series.days.reduce((sum, day) => sum + day.allowed, 0);
  const blocked = result.attempts.length - allowed;
  const shortYear = spansYears(series.days.map((day) => day.day));
  const chart = stackedBarChart({
    kind: 'attempts-by-day',
    title: 'Attempts and blocks by rule, per day',
    label: `Attempts per UTC day: ${plural(result.attempts.length, 'attempt')}, ${formatCount(allowed)} allowed and ${formatCount(blocked)} blocked.`,
    unit: ['attempt', 'attempts'],
    series: [{ key: 'allowed', label: 'Allowed', colour: ALLOWED_COLOUR }, ...series.rules.map((rule) => ({ key: rule, label: rule, colour: colours.get(rule) ?? BLOCKED_COLOUR }))],
    categories: series.days.map((day) => ({ key: day.day, label: formatDay(day.day, { shortYear }), tooltip: formatDayWithYear(day.day), values: { allowed: day.allowed, ...day.blockedByFirstRule } })),
    xAxisLabel: series.sparse ? 'UTC day (days without attempts left out)' : 'UTC day',
    labelSpacing: shortYear ? 68 : 50,
    yAxisLabel: 'Attempts',
    emptyMessage: 'No attempts were screened.',
    data: { attempts: result.attempts.length, allowed, blocked, blockedByRule: series.everyRuleTotals, blockedByFirstRule: series.firstRuleTotals },
  });
  const notes: string[] = [];
  if (series.multiRuleBlocks > 0) {
    const every = Object.entries(series.everyRuleTotals)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([rule, count]) => `${rule} ${formatCount(count)}`)
      .join(', ');
    notes.push(`${plural(series.multiRuleBlocks, 'attempt was', 'attempts were')} blocked by more than one rule; each is stacked under the first rule that blocked it. Blocks by every rule: ${every}.`);
  }
  return chartCard({
    kind: 'attempts-by-day',
    heading: 'Attempts and blocks by rule over time',
    subtitle: 'Every screened attempt per UTC day: allowed, or blocked by the first rule that blocked it.',
    chart,
    legend: result.attempts.length === 0 ? undefined : legend([
      { key: 'allowed', label: 'Allowed', colour: ALLOWED_COLOUR, count: allowed },
      ...series.rules.map((rule) => ({ key: rule, label: rule, colour: colours.get(rule) ?? BLOCKED_COLOUR, count: series.firstRuleTotals[rule]! })),
    ]),
    notes,
  });
}

/** (b) Attempts by the callee's local hour, the permitted window shaded. */
export function attemptsByHourCard(result: ScenarioResult): SafeHtml {
  const series = attemptsByLocalHour(result);
  const allowed = series.hours.reduce((sum, hour) => sum + hour.allowed, 0);
  const blocked = series.hours.reduce((sum, hour) => sum + hour.blocked, 0);
  const outside = series.hours.reduce((sum, hour, index) => (index < WINDOW.from || index >= WINDOW.to ? sum + hour.allowed + hour.blocked : sum), 0);
  const band = `Permitted ${formatHour(WINDOW.from)}–${formatHour(WINDOW.to)}`;
  const chart = stackedBarChart({
    kind: 'attempts-by-local-hour',
    title: "Attempts by the callee's local hour",
    label: `Attempts by the callee's local hour: ${plural(allowed + blocked, 'attempt')} with a known local time, ${formatCount(outside)} outside the permitted window 08:00 to 21:00.`,
    unit: ['attempt', 'attempts'],
    series: [
      { key: 'allowed', label: 'Allowed', colour: ALLOWED_COLOUR },
      { key: 'blocked', label: 'Blocked', colour: BLOCKED_COLOUR },
    ],
    categories: series.hours.map((hour, index) => ({ key: String(index), label: String(index).padStart(2, '0'), tooltip: `${formatHour(index)}–${String(index).padStart(2, '0')}:59`, values: { allowed: hour.allowed, blocked: hour.blocked } })),
    xAxisLabel: "Callee's local hour",
    yAxisLabel: 'Attempts',
    band: { from: WINDOW.from, to: WINDOW.to, label: band, colour: PERMITTED_BAND_COLOUR },
    emptyMessage: series.unknown > 0 ? 'No attempt had a known local time.' : 'No attempts were screened.',
    data: { allowed, blocked, outsideWindow: outside, unknownLocalTime: series.unknown, windowFrom: WINDOW.from, windowTo: WINDOW.to },
  });
  const notes: string[] = [];
  if (series.unknown > 0) notes.push(`${plural(series.unknown, 'attempt')} had no known local time and ${series.unknown === 1 ? 'is' : 'are'} not shown.`);
  if (series.multiZone > 0) notes.push(`${plural(series.multiZone, 'attempt')} went to numbers with more than one possible time zone; each is counted at its first zone's hour.`);
  return chartCard({
    kind: 'attempts-by-local-hour',
    heading: "Attempts by the callee's local hour",
    subtitle: `Hour at the called party's location when the attempt was screened; ${formatCount(outside)} outside the window.`,
    chart,
    legend: allowed + blocked === 0 ? undefined : legend([
      { key: 'allowed', label: 'Allowed', colour: ALLOWED_COLOUR, count: allowed },
      { key: 'blocked', label: 'Blocked', colour: BLOCKED_COLOUR, count: blocked },
      { key: 'window', label: band, colour: PERMITTED_BAND_COLOUR, mark: 'band' },
    ]),
    notes,
  });
}

/** (c) The abandonment rate against the cap. */
export function abandonmentCard(result: ScenarioResult): SafeHtml {
  const series = abandonmentSeries(result);
  const capLabel = `Cap ${formatPercent(series.cap, series.cap * 100 === Math.round(series.cap * 100) ? 0 : 1)}`;
  if (series.kind === 'single') {
    const rate = series.answered === 0 ? 0 : series.abandoned / series.answered;
    return chartCard({
      kind: 'abandonment',
      heading: 'Abandonment rate',
      subtitle: 'Abandoned calls as a share of live answers, over the scripted calls.',
      chart: rateGauge({
        kind: 'abandonment',
        title: 'Abandonment rate over the scripted calls',
        label: `Abandonment rate over the scripted calls: ${formatPercent(rate)} (${formatCount(series.abandoned)} of ${plural(series.answered, 'live answer')}) against a cap of ${formatPercent(series.cap)}.`,
        answered: series.answered,
        abandoned: series.abandoned,
        cap: series.cap,
        capLabel,
        barColour: LINE_COLOUR,
        capColour: CAP_COLOUR,
        emptyMessage: 'No call was answered live: there is no abandonment rate.',
        data: { mode: 'single' },
      }),
      legend: series.answered === 0 ? undefined : legend([
        { key: 'rate', label: 'Abandonment rate', colour: LINE_COLOUR },
        { key: 'cap', label: capLabel, colour: CAP_COLOUR, mark: 'dash' },
      ]),
    });
  }
  const maxRate = Math.max(0, ...series.points.map((point) => point.rate));
  const overCap = series.points.filter((point) => point.rate > series.cap).length;
  const notes: string[] = [];
  if (series.scriptedAnswered > 0) notes.push(`${plural(series.scriptedAnswered, 'live answer')} from scripted steps ${series.scriptedAnswered === 1 ? 'is' : 'are'} not part of the campaign's window.`);
  return chartCard({
    kind: 'abandonment',
    heading: 'Abandonment rate, rolling 30 days',
    subtitle: `Highest ${formatPercent(maxRate)}; ${overCap === 0 ? 'no window over the cap' : `${plural(overCap, 'day')} over the cap`}.`,
    chart: rateLineChart({
      kind: 'abandonment',
      title: 'Abandonment rate over each rolling 30-day window',
      label: `Rolling 30-day abandonment rate on ${plural(series.points.length, 'day')} with live answers: highest ${formatPercent(maxRate)}, ${formatCount(overCap)} over the cap of ${formatPercent(series.cap)}.`,
      points: series.points,
      cap: series.cap,
      capLabel,
      lineColour: LINE_COLOUR,
      capColour: CAP_COLOUR,
      emptyMessage: 'No call was answered live: there is no abandonment rate.',
      data: { mode: 'rolling' },
    }),
    legend: series.points.length === 0 ? undefined : legend([
      { key: 'rate', label: 'Rate of the 30 days ending that day', colour: LINE_COLOUR },
      { key: 'over-cap', label: 'Over the cap', colour: CAP_COLOUR },
      { key: 'cap', label: capLabel, colour: CAP_COLOUR, mark: 'dash' },
    ]),
    notes,
  });
}

const BREAKDOWN_ORDER = ['abandoned', 'do-not-call', 'rejected', 'callback', 'meeting', 'sale'];
const BREAKDOWN_LABELS: Readonly<Record<string, string>> = {
  abandoned: 'Abandoned',
  'do-not-call': 'Do-not-call request',
  rejected: 'Rejected',
  callback: 'Callback',
  meeting: 'Meeting',
  sale: 'Sale',
};

/** (d) The outcome funnel and how the live answers ended. */
export function funnelCard(result: ScenarioResult): SafeHtml {
  const figures = funnel(result);
  const stages = [
    { key: 'attempts', label: 'Attempts', count: figures.attempts },
    { key: 'allowed', label: 'Allowed', count: figures.allowed },
    { key: 'answered', label: 'Answered live', count: figures.answered },
    { key: 'connects', label: 'Connected', count: figures.connects },
    { key: 'meetingsAndSales', label: 'Meetings + sales', count: figures.meetingsAndSales },
  ].map((stage, index) => ({ ...stage, colour: FUNNEL_COLOURS[index % FUNNEL_COLOURS.length]! }));
  const keys = [...BREAKDOWN_ORDER.filter((key) => key in figures.breakdown), ...Object.keys(figures.breakdown).filter((key) => !BREAKDOWN_ORDER.includes(key)).sort()];
  const parts = keys.map((key) => ({ key, label: BREAKDOWN_LABELS[key] ?? key, count: figures.breakdown[key]!, colour: OUTCOME_COLOURS[key] ?? '#777777' }));
  return chartCard({
    kind: 'funnel',
    heading: 'Outcome funnel',
    subtitle: 'From screened attempts to meetings and sales; below, how the live answers ended.',
    chart: funnelChart({
      kind: 'funnel',
      title: 'Outcome funnel',
      label: `Outcome funnel: ${stages.map((stage) => `${stage.label} ${formatCount(stage.count)}`).join(', ')}.`,
      stages,
      breakdown: { title: 'Live answers', parts, emptyMessage: 'No call was answered live.' },
      emptyMessage: 'No attempts were screened.',
    }),
    legend: figures.answered === 0 ? undefined : legend(parts.map((part) => ({ key: part.key, label: part.label, colour: part.colour, count: part.count }))),
  });
}
