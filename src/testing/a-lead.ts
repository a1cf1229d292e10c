import type { z } from 'zod';
import type { leadSchema } from '../dialer/campaign-config.js';

/** A lead as a campaign's lead list gives it. */
export type LeadInput = z.input<typeof leadSchema>;

/**
 * A lead for campaigns and scenarios: `lead-1`, the Chicago landline the default check request calls, in
 * America/Chicago; overridden field by field.
 * @example
 * const leads = [aLead(), aLead({ id: 'lead-2', phone: '+1 303 555 0123', timeZone: 'America/Denver' })];
 */
export function aLead(overrides: Partial<LeadInput> = {}): LeadInput {
  return { id: 'lead-1', phone: '+1 312 555 0188', lineType: 'landline', timeZone: 'America/Chicago', ...overrides };
}
