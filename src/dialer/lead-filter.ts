import type { z } from 'zod';
import type { Lead, leadFilterSchema } from './campaign-config.js';

export type LeadFilters = z.output<typeof leadFilterSchema>;

/**
 * Whether a lead passes the campaign's filters, the attributes cold callers screen lists on. A filter on an
 * attribute the lead lacks excludes it: a list bought for "net worth over $1M" should not dial unknowns.
 */
export function matchesFilters(lead: Lead, filters: LeadFilters): boolean {
  if (filters.states && (lead.state === null || !filters.states.includes(lead.state))) return false;
  if (filters.lineTypes && !filters.lineTypes.includes(lead.lineType)) return false;
  if (filters.business !== undefined && lead.business !== filters.business) return false;
  if (filters.minNetWorth !== undefined && (lead.netWorth === null || lead.netWorth < filters.minNetWorth)) return false;
  if (filters.minIncome !== undefined && (lead.income === null || lead.income < filters.minIncome)) return false;
  if (filters.occupations && (lead.occupation === null || !filters.occupations.includes(lead.occupation))) return false;
  if (filters.postalCodePrefixes && (lead.postalCode === null || !filters.postalCodePrefixes.some((prefix) => lead.postalCode!.startsWith(prefix)))) return false;
  return true;
}
