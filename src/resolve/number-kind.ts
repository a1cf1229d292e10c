import type { NumberKind } from '../core/facts.js';

const KIND_BY_TYPE: Readonly<Record<string, NumberKind>> = {
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  PERSONAL_NUMBER: 'personal',
  SHARED_COST: 'other-non-geographic',
  VOIP: 'other-non-geographic',
  UAN: 'other-non-geographic',
  PAGER: 'other-non-geographic',
  VOICEMAIL: 'other-non-geographic',
};

/** What a libphonenumber number type means for locating the callee: every kind but `geographic` has no place. */
export function numberKind(libphonenumberType: string | undefined): NumberKind {
  return (libphonenumberType !== undefined && KIND_BY_TYPE[libphonenumberType]) || 'geographic';
}
