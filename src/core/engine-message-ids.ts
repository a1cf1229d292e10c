/**
 * Message ids the engine itself reports for a rule: it threw or returned something that is not an outcome
 * (`policyFailed`), or an extension fact it declares is missing (`factMissing`) or of the wrong kind
 * (`factInvalid`). A policy may not declare messages with these ids.
 */
export const ENGINE_MESSAGE_IDS = ['policyFailed', 'factMissing', 'factInvalid'] as const;
export type EngineMessageId = (typeof ENGINE_MESSAGE_IDS)[number];
