/**
 * A StartRequest in the service's own member names (PascalCase), as a plain
 * object. The AWS adapter sends it as the SDK input and the review step prints
 * it as the equivalent CLI command, so both show exactly the same request.
 */
import type {StartRequest} from '../ports.js';
import type {Target, TargetLocation} from '../types.js';

export interface ApiTarget {
	Key: string;
	Values: string[];
}

export interface ApiAlarmConfiguration {
	Alarms: Array<{Name: string}>;
	IgnorePollAlarmFailure?: boolean;
}

export interface ApiTargetLocation {
	Accounts: string[];
	Regions: string[];
	TargetLocationMaxConcurrency?: string;
	TargetLocationMaxErrors?: string;
	ExecutionRoleName?: string;
	TargetLocationAlarmConfiguration?: ApiAlarmConfiguration;
	IncludeChildOrganizationUnits?: boolean;
	ExcludeAccounts?: string[];
	Targets?: ApiTarget[];
	TargetsMaxConcurrency?: string;
	TargetsMaxErrors?: string;
}

export interface ApiStartInput {
	DocumentName: string;
	DocumentVersion?: string;
	Parameters?: Record<string, string[]>;
	ClientToken: string;
	Mode?: 'Auto' | 'Interactive';
	TargetParameterName?: string;
	Targets?: ApiTarget[];
	TargetMaps?: Array<Record<string, string[]>>;
	MaxConcurrency?: string;
	MaxErrors?: string;
	TargetLocations?: ApiTargetLocation[];
	Tags?: Array<{Key: string; Value: string}>;
	AlarmConfiguration?: ApiAlarmConfiguration;
	TargetLocationsURL?: string;
}

export function apiTarget(target: Target): ApiTarget {
	return {Key: target.key, Values: [...target.values]};
}

function alarm(names: readonly string[] | undefined, ignore: boolean | undefined): ApiAlarmConfiguration | undefined {
	if (!names || names.length === 0) return undefined;
	return {Alarms: names.map(Name => ({Name})), ...(ignore === undefined ? {} : {IgnorePollAlarmFailure: ignore})};
}

export function apiTargetLocation(location: TargetLocation): ApiTargetLocation {
	const alarmConfiguration = alarm(location.alarmNames, location.ignorePollAlarmFailure);
	return {
		Accounts: [...location.accounts],
		Regions: [...location.regions],
		...(location.targetLocationMaxConcurrency ? {TargetLocationMaxConcurrency: location.targetLocationMaxConcurrency} : {}),
		...(location.targetLocationMaxErrors ? {TargetLocationMaxErrors: location.targetLocationMaxErrors} : {}),
		...(location.executionRoleName ? {ExecutionRoleName: location.executionRoleName} : {}),
		...(alarmConfiguration ? {TargetLocationAlarmConfiguration: alarmConfiguration} : {}),
		...(location.includeChildOrganizationUnits === undefined ? {} : {IncludeChildOrganizationUnits: location.includeChildOrganizationUnits}),
		...(location.excludeAccounts && location.excludeAccounts.length > 0 ? {ExcludeAccounts: [...location.excludeAccounts]} : {}),
		...(location.targets && location.targets.length > 0 ? {Targets: location.targets.map(apiTarget)} : {}),
		...(location.targetsMaxConcurrency ? {TargetsMaxConcurrency: location.targetsMaxConcurrency} : {}),
		...(location.targetsMaxErrors ? {TargetsMaxErrors: location.targetsMaxErrors} : {}),
	};
}

function plainMap(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
	return Object.fromEntries(Object.entries(map).map(([key, values]) => [key, [...values]]));
}

export function apiStartInput(request: StartRequest): ApiStartInput {
	const alarmConfiguration = request.alarmConfiguration
		? alarm(request.alarmConfiguration.alarmNames, request.alarmConfiguration.ignorePollAlarmFailure)
		: undefined;
	return {
		DocumentName: request.documentName,
		...(request.documentVersion ? {DocumentVersion: request.documentVersion} : {}),
		...(request.parameters && Object.keys(request.parameters).length > 0 ? {Parameters: plainMap(request.parameters)} : {}),
		...(request.mode ? {Mode: request.mode} : {}),
		...(request.targetParameterName ? {TargetParameterName: request.targetParameterName} : {}),
		...(request.targets && request.targets.length > 0 ? {Targets: request.targets.map(apiTarget)} : {}),
		...(request.targetMaps && request.targetMaps.length > 0 ? {TargetMaps: request.targetMaps.map(plainMap)} : {}),
		...(request.maxConcurrency ? {MaxConcurrency: request.maxConcurrency} : {}),
		...(request.maxErrors ? {MaxErrors: request.maxErrors} : {}),
		...(request.targetLocations && request.targetLocations.length > 0 ? {TargetLocations: request.targetLocations.map(apiTargetLocation)} : {}),
		...(request.targetLocationsURL ? {TargetLocationsURL: request.targetLocationsURL} : {}),
		...(request.tags && request.tags.length > 0 ? {Tags: request.tags.map(tag => ({Key: tag.key, Value: tag.value}))} : {}),
		...(alarmConfiguration ? {AlarmConfiguration: alarmConfiguration} : {}),
		ClientToken: request.clientToken,
	};
}
