/** A mistake in a policy's or a pack's definition: a programmer error, raised when it is loaded, never mid-screening. */
export class PolicyDefinitionError extends Error {
  override name = 'PolicyDefinitionError';
}
