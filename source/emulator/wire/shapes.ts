import {type StringRule, pattern} from './checker.js';
import {AUTOMATION_STATUSES} from '../../core/status.js';

// Constraints of the shapes the operations share, verbatim from the service model.
export const executionIdRule: StringRule = {required: true, min: 36, max: 36};
export const documentNameRule: StringRule = {required: true, ...pattern('^[a-zA-Z0-9_\\-.:/]{3,128}$')};
export const documentVersionRule: StringRule = pattern('([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)');
export const versionNameRule: StringRule = pattern('^[a-zA-Z0-9_\\-.]{1,128}$');
export const maxConcurrencyRule: StringRule = {min: 1, max: 7, ...pattern('^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$')};
export const maxErrorsRule: StringRule = {min: 1, max: 7, ...pattern('^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$')};
export const targetKeyRule: StringRule = {
	required: true,
	min: 1,
	max: 163,
	...pattern('^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name'),
};
export const parameterKeyRule: StringRule = {min: 1, max: 50};
export const parameterValueRule: StringRule = {min: 1, max: 512};
export const clientTokenRule: StringRule = {
	min: 36,
	max: 36,
	...pattern('[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}'),
};
export const tagRule: StringRule = pattern('^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$');
export const alarmNameRule: StringRule = {required: true, min: 1, max: 255, ...pattern('^(?!\\s*$).+')};
export const executionRoleNameRule: StringRule = {min: 1, max: 64, ...pattern('[\\w+=,.@/-]+')};
export const excludeAccountRule: StringRule = {min: 6, max: 68, ...pattern('^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})|(\\d{12})$')};
export const targetLocationsUrlRule: StringRule = pattern(
	'^https:\\/\\/[-a-zA-Z0-9@:%._\\+~#=]{1,253}\\.s3(\\.[a-z\\d-]{9,16})?\\.amazonaws\\.com\\/.{1,2000}',
);

/** AutomationExecutionStatus, the values a status filter may name. */
export const executionStatuses = AUTOMATION_STATUSES;
