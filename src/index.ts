/**
 * dialsim's library API: screen call attempts against cited compliance policies, and define policies of your own.
 * @example
 * import { parseCheckRequest, screen } from 'dialsim';
 * const decision = screen(parseCheckRequest({ at: '2026-03-10T20:30:00-07:00', to: '(303) 555-0123', method: 'manual', caller: { seller: 'acme' } }));
 */
export { screen } from './engine/screen.js';
export type { ScreenOptions } from './engine/screen.js';
export { evaluatePack } from './engine/evaluate-pack.js';
export { compilePack, PolicyDefinitionError } from './engine/compile-pack.js';
export { resolveAttempt, directStrategy, createCachedStrategy, registryFromList } from './resolve/resolve-attempt.js';
export type { ResolutionStrategy, ResolveOptions } from './resolve/resolve-attempt.js';
export { InMemoryRegistry, unionRegistry } from './resolve/registry.js';
export type { NumberRegistry, RegistryContext } from './resolve/registry.js';
export { readRegistryFile } from './resolve/registry-file.js';
export { RegistryStore, StoreFileError } from './registry-store/registry-store.js';
export type { AreaCodeCopy } from './registry-store/registry-store.js';
export { parseCheckRequest, checkRequestSchema } from './core/check-request.js';
export type { CheckRequestInput } from './core/check-request.js';
export { definePolicy, pass, violation, lifted, ENGINE_MESSAGE_IDS } from './core/policy.js';
export type {
  Policy,
  PolicyDefinition,
  PolicyFacts,
  PolicyPack,
  PolicyOutcome,
  PolicyExample,
  MessageData,
  ExtensionKind,
  ExtensionNeeds,
  ExtensionValueOf,
  EngineMessageId,
} from './core/policy.js';
export { definePack } from './core/define-pack.js';
export { combinePacks } from './engine/combine-packs.js';
export { packsInForce, BUILT_IN_PACK_IDS } from './engine/packs-in-force.js';
export type { PacksInForceOptions } from './engine/packs-in-force.js';
export { loadPolicyModules, loadPolicyModule, PolicyModuleError } from './policy-modules/load-policy-module.js';
export type { LoadPolicyModulesOptions } from './policy-modules/load-policy-module.js';
export type { Decision, Violation, Exemption } from './core/decision.js';
export type { ScreeningFacts, NumberFacts, CalleeFacts, LocalTime, ConsentStatus, ConsentGap, ExtensionValue } from './core/facts.js';
export type { CallAttempt, Consent, DialMethod, CallPurpose, LineType, ConsentKind } from './core/attempt.js';
export { InputError } from './core/input-error.js';
export type { InputProblem } from './core/input-error.js';
export { usFederalPack } from '../policies/us-federal/index.js';
export { commonPack } from '../policies/common/index.js';
export { runCli } from './cli/run-cli.js';
export { callMachine, MIN_RING_MS, ABANDON_GRACE_MS, CALL_OUTCOMES } from './lifecycle/call-machine.js';
export type { CallEvent, CallOutcome } from './lifecycle/call-machine.js';
export { LifecycleStepper } from './lifecycle/transitions.js';
export { simulateCampaign } from './dialer/simulate-campaign.js';
export type { CampaignInput } from './dialer/simulate-campaign.js';
export { parseCampaignConfig, parseLead, campaignConfigSchema, leadSchema, DIALING_MODES } from './dialer/campaign-config.js';
export type { CampaignConfig, CampaignConfigInput, Lead, DialingMode } from './dialer/campaign-config.js';
export type { CampaignSummary } from './dialer/campaign-summary.js';
export { ComplianceMonitor, CAMPAIGN_OBLIGATIONS } from './dialer/breaches/compliance-monitor.js';
export { BREACH_RULE_IDS } from './dialer/breaches/obligation.js';
export type { Breach, BreachRuleId, Obligation } from './dialer/breaches/obligation.js';
export { FileAuditSink, MemoryAuditSink, NULL_AUDIT_SINK } from './dialer/audit-log.js';
export type { AuditRecord, AuditSink, AttemptRecord, HeaderRecord, CalleeRecord, RegistryConsulted, ConsentRecord } from './dialer/audit-log.js';
export { factsFromAttemptRecord, rederiveDecision } from './dialer/attempt-record.js';
export { runProvenance } from './dialer/provenance.js';
export type { RunProvenance, RegistryCopyProvenance, DataVersions } from './dialer/provenance.js';
export { packVersion } from './engine/pack-version.js';
export { OUTCOME_PRESETS } from './dialer/outcome-model.js';
