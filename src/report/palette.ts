/**
 * Colours for the charts. Blocks take the warm and purple hues of the Okabe-Ito and Tol palettes, which stay
 * distinguishable with the common colour-vision deficiencies; allowed attempts take blue. Every segment also has
 * a text label or a legend entry, so colour never carries meaning alone.
 */

export const ALLOWED_COLOUR = '#2f6db5';
export const BLOCKED_COLOUR = '#c8553d';
export const PERMITTED_BAND_COLOUR = '#e5f2e9';
export const CAP_COLOUR = '#b3261e';
export const LINE_COLOUR = '#2f6db5';

const RULE_COLOURS = ['#d55e00', '#e69f00', '#cc79a7', '#882255', '#999933', '#aa4499', '#661100', '#ddaa33', '#6f4e7c', '#44aa99'];

/** The same rule gets the same colour in every scenario of a report: colours follow the sorted list of rule ids. */
export function ruleColours(ruleIds: Iterable<string>): ReadonlyMap<string, string> {
  const sorted = [...new Set(ruleIds)].sort();
  return new Map(sorted.map((rule, index) => [rule, RULE_COLOURS[index % RULE_COLOURS.length]!]));
}

/** Connected-call outcomes and the abandoned answers, from bad to good. */
export const OUTCOME_COLOURS: Readonly<Record<string, string>> = {
  abandoned: '#b3261e',
  'do-not-call': '#882255',
  rejected: '#9e9e9e',
  callback: '#56b4e9',
  meeting: '#009e73',
  sale: '#00694d',
};

export const FUNNEL_COLOURS = ['#2f6db5', '#3f83c9', '#56b4e9', '#2a9d8f', '#009e73'];
