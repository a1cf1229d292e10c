/**
 * `dialsim/testing`: the kit for testing compliance policies with vitest. Builders with sensible defaults, a clock
 * helper for instants in a zone, and `testPolicy`, a table-driven tester modelled on ESLint's RuleTester. The
 * matchers (`toBeAllowed`, `toBeBlockedBy`, `toHaveExemption`) are registered by `import 'dialsim/testing/vitest'`.
 * @example
 * import { anAttempt, instantIn } from 'dialsim/testing';
 * expect(screen(anAttempt({ at: instantIn('2026-03-10 21:00', 'America/Chicago') }))).toBeBlockedBy('hours.federal');
 */
export { aCheckRequest } from './a-check-request.js';
export { anAttempt } from './an-attempt.js';
export { aConsent } from './a-consent.js';
export type { ConsentInput } from './a-consent.js';
export { aRelationship } from './a-relationship.js';
export type { RelationshipInput } from './a-relationship.js';
export { aRegistry } from './a-registry.js';
export type { RegistriesInput, RegistryOverrides } from './a-registry.js';
export { aRegistryStore } from './a-registry-store.js';
export type { AreaCodeDownload } from './a-registry-store.js';
export { aCallHistory } from './a-call-history.js';
export type { CallHistoryInput } from './a-call-history.js';
export { aBrokerDealer } from './a-broker-dealer.js';
export { aLead } from './a-lead.js';
export type { LeadInput } from './a-lead.js';
export { instantIn } from './instant-in.js';
export type { InstantInOptions } from './instant-in.js';
export { testPolicy, PolicyTableError, PolicyCaseError } from './test-policy.js';
export type { AllowedCase, BlockedCase, ExpectedFinding, PolicyTable, TestPolicyOptions } from './test-policy.js';
export { matchers } from './matchers/index.js';
export type { BlockedByOptions, DialsimMatchers, ExemptionOptions } from './matchers/index.js';
export { runScenarioFile, expectScenarioToPass, ScenarioExpectationError } from './run-scenario-file.js';
export type { RunScenarioFileOptions } from './run-scenario-file.js';
