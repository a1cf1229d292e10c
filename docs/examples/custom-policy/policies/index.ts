import { definePack } from 'dialsim';
import { attemptCap } from './attempt-cap.js';
import { companyHolidays } from './company-holidays.js';
import { disasterArea } from './disaster-area.js';

/** Acme's house rules, run after the built-in ones: `dialsim check --policy policies/index.ts`. */
export const acmePack = definePack({
  id: 'acme',
  title: 'Acme house calling rules',
  policies: [companyHolidays, disasterArea, attemptCap],
});

export default acmePack;
