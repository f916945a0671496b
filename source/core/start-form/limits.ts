/**
 * SSM's limits and patterns for StartAutomationExecution, from the service model
 * (shared/ssm-automation.md, Appendix A). Patterns are used anchored: the model's
 * partly anchored ones would otherwise accept "!!5!!" as a concurrency.
 */
export const MAX_PARAMETERS = 200;
export const MAX_PARAMETER_KEY_CHARS = 50;
export const MAX_VALUES_PER_PARAMETER = 50;
export const MAX_VALUE_CHARS = 512;
export const MAX_TAGS = 5;
export const MAX_TAG_KEY_CHARS = 128;
export const MAX_TAG_VALUE_CHARS = 256;
export const MAX_TARGETS = 5;
export const MAX_TARGET_VALUES = 50;
export const MAX_TARGET_KEY_CHARS = 163;
export const MAX_TARGET_MAPS = 300;
export const MAX_TARGET_MAP_ENTRIES = 20;
export const MAX_TARGET_MAP_VALUES = 25;
export const MAX_TARGET_MAP_VALUE_CHARS = 50;
export const MAX_TARGET_LOCATIONS = 100;
export const MAX_LOCATION_ACCOUNTS = 50;
export const MAX_LOCATION_REGIONS = 50;
export const MAX_EXCLUDE_ACCOUNTS = 5000;
export const MAX_ALARM_NAME_CHARS = 255;
export const MAX_EXECUTION_ROLE_CHARS = 64;

export const DOCUMENT_NAME_PATTERN = /^[a-zA-Z0-9_\-.:/]{3,128}$/;
export const DOCUMENT_VERSION_PATTERN = /^(\$LATEST|\$DEFAULT|[1-9][0-9]*)$/;
export const MAX_CONCURRENCY_PATTERN = /^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$/;
export const MAX_ERRORS_PATTERN = /^([1-9][0-9]*|0|[1-9][0-9]%|[0-9]%|100%)$/;
export const EXECUTION_ROLE_PATTERN = /^[\w+=,.@/-]+$/;
export const EXCLUDE_ACCOUNT_PATTERN = /^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|\d{12})$/;
export const TARGET_KEY_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=\-@]*|resource-groups:ResourceTypeFilters|resource-groups:Name)$/u;
export const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const ALARM_NAME_PATTERN = /^(?!\s*$).+$/;
export const TARGET_LOCATIONS_URL_PATTERN = /^https:\/\/[-a-zA-Z0-9@:%._+~#=]{1,253}\.s3(\.[a-z\d-]{9,16})?\.amazonaws\.com\/.{1,2000}$/;
export const CLIENT_TOKEN_PATTERN = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;

/** Smithy counts string length in Unicode scalar values, not UTF-16 units. */
export function charCount(text: string): number {
	return [...text].length;
}
