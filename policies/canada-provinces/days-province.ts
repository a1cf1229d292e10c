import { withBlockLasts } from '../../src/core/block-lasts.js';
import { definePolicy } from '../../src/core/policy.js';
import { BANNED_DAY_MESSAGES, bannedDaysLast, bannedDaysOutcome } from '../us-states/days-state.js';
import { appliesToTableRows } from '../us-states/state-scope.js';
import { PROVINCE_ROWS } from './province-table.js';

export const daysProvince = withBlockLasts(definePolicy({
  id: 'days.province',
  title: 'No telemarketing calls on a day a candidate province bans (British Columbia: statutory holidays)',
  citation: 'Provincial telemarketing law; the law of each province that decides is cited in the finding (docs/rules/canada.md)',
  description:
    "Blocks a telemarketing call on a day a candidate province bans: British Columbia's statutory holidays, judged " +
    "on the callee's local date in ANY candidate zone, from the date-holidays package's public holidays for the " +
    'province. The province rows have the shape of the state table (docs/rules/canada.md). A Canadian number whose ' +
    'province is unknown (600, no `callee.state`) is not screened by it.',
  exemptions: ['Informational calls (`purpose: informational`).', 'Business lines (`callee.business: true`): the regulation is about consumer calls.'],
  requires: ['localTime'],
  timeRule: true,
  messages: BANNED_DAY_MESSAGES,
  applies: appliesToTableRows('bannedDays', PROVINCE_ROWS),
  evaluate: (facts) => bannedDaysOutcome(facts, PROVINCE_ROWS),
  examples: [
    {
      title: 'Remembrance Day in Vancouver',
      request: { at: '2026-11-11T14:00:00-08:00', to: '+1 604 555 0199', method: 'manual', caller: { seller: 'acme' }, registries: { canada: { syncedAt: '2026-11-01', numbers: [] } } },
      verdict: 'block',
    },
    {
      title: 'Remembrance Day in Toronto: Ontario bans nothing',
      request: { at: '2026-11-11T14:00:00-05:00', to: '+1 416 555 0199', method: 'manual', caller: { seller: 'acme' }, registries: { canada: { syncedAt: '2026-11-01', numbers: [] } } },
      verdict: 'allow',
    },
  ],
}), (facts) => bannedDaysLast(facts, PROVINCE_ROWS));
