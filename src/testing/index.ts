/**
 * `dialsim/testing`: helpers for testing compliance policies with vitest. This entry grows with the testing kit;
 * today it offers the request builder the project's own tests use.
 */
export { aCheckRequest } from './a-check-request.js';
