/** The start-run form's pure logic: runbook parameters, validation, request building, CLI rendering, re-run prefill. */
export * from './limits.js';
export * from './parameter-spec.js';
export * from './parameter-text.js';
export * from './parameter-validation.js';
export * from './run-settings.js';
export * from './settings-text.js';
export * from './settings-validation.js';
export * from './api-shape.js';
export * from './build-request.js';
export * from './cli-command.js';
export * from './rerun-prefill.js';
export * from './target-locations-file.js';
