import {assertResolvable} from '../engine/fan-out.js';
import {resolveTargets} from '../engine/inventory.js';
import {errors} from '../errors.js';
import {canonicalJson} from '../wire/canonical.js';
import type {StringListMap, WireAlarmConfiguration, WireTarget, WireTargetLocation} from '../model.js';
import {resolveVersion} from '../runbooks/catalogue.js';
import {checkTargetValue, effectiveParameters} from '../runbooks/parameters.js';
import {Checker} from '../wire/checker.js';
import {
	alarmNameRule,
	clientTokenRule,
	documentNameRule,
	documentVersionRule,
	excludeAccountRule,
	executionRoleNameRule,
	maxConcurrencyRule,
	maxErrorsRule,
	parameterKeyRule,
	parameterValueRule,
	targetKeyRule,
	targetLocationsUrlRule,
} from '../wire/shapes.js';
import type {Json, Operation} from './context.js';
import {MAX_AUTOMATION_TAGS, tagList} from './tags.js';
import {fetchTargetLocations} from './target-locations-url.js';

/** StartAutomationExecution accepts at most this many tags (the model's 1000 is for other resources). */
export const MAX_START_TAGS = MAX_AUTOMATION_TAGS;

export function parameterMap(check: Checker, value: unknown, path: string): StringListMap | undefined {
	return check.map(
		value,
		path,
		{min: 1, max: 200, key: parameterKeyRule},
		(values, valuesPath) => check.strings(values, valuesPath, {required: true, min: 0, max: 50}, parameterValueRule) ?? [],
	);
}

function targets(check: Checker, value: unknown, path: string): WireTarget[] | undefined {
	return check.list(value, path, {min: 0, max: 5}, (item, itemPath) => {
		const target = check.object(item, itemPath, true) ?? {};
		return {
			Key: check.string(target['Key'], `${itemPath}.Key`, targetKeyRule) ?? '',
			Values: check.strings(target['Values'], `${itemPath}.Values`, {min: 0, max: 50}) ?? [],
		};
	});
}

function alarmConfiguration(check: Checker, value: unknown, path: string): WireAlarmConfiguration | undefined {
	const object = check.object(value, path);
	if (!object) {
		return undefined;
	}

	const ignore = check.boolean(object['IgnorePollAlarmFailure'], `${path}.IgnorePollAlarmFailure`);
	const alarms =
		check.list(object['Alarms'], `${path}.Alarms`, {required: true, min: 1, max: 1}, (item, itemPath) => ({
			Name: check.string((check.object(item, itemPath, true) ?? {})['Name'], `${itemPath}.Name`, alarmNameRule) ?? '',
		})) ?? [];
	return {...(ignore === undefined ? {} : {IgnorePollAlarmFailure: ignore}), Alarms: alarms};
}

export function targetLocations(check: Checker, value: unknown, path: string): WireTargetLocation[] | undefined {
	return check.list(value, path, {min: 1, max: 100}, (item, itemPath) => {
		const object = check.object(item, itemPath, true) ?? {};
		const location: WireTargetLocation = {
			Accounts: check.strings(object['Accounts'], `${itemPath}.Accounts`, {min: 1, max: 50}) ?? [],
			Regions: check.strings(object['Regions'], `${itemPath}.Regions`, {min: 1, max: 50}) ?? [],
		};
		const optional: Partial<WireTargetLocation> = {
			TargetLocationMaxConcurrency: check.string(object['TargetLocationMaxConcurrency'], `${itemPath}.TargetLocationMaxConcurrency`, maxConcurrencyRule),
			TargetLocationMaxErrors: check.string(object['TargetLocationMaxErrors'], `${itemPath}.TargetLocationMaxErrors`, maxErrorsRule),
			ExecutionRoleName: check.string(object['ExecutionRoleName'], `${itemPath}.ExecutionRoleName`, executionRoleNameRule),
			TargetLocationAlarmConfiguration: alarmConfiguration(check, object['TargetLocationAlarmConfiguration'], `${itemPath}.TargetLocationAlarmConfiguration`),
			IncludeChildOrganizationUnits: check.boolean(object['IncludeChildOrganizationUnits'], `${itemPath}.IncludeChildOrganizationUnits`),
			ExcludeAccounts: check.strings(object['ExcludeAccounts'], `${itemPath}.ExcludeAccounts`, {min: 1, max: 5000}, excludeAccountRule),
			Targets: targets(check, object['Targets'], `${itemPath}.Targets`),
			TargetsMaxConcurrency: check.string(object['TargetsMaxConcurrency'], `${itemPath}.TargetsMaxConcurrency`, maxConcurrencyRule),
			TargetsMaxErrors: check.string(object['TargetsMaxErrors'], `${itemPath}.TargetsMaxErrors`, maxErrorsRule),
		};
		for (const [key, entry] of Object.entries(optional)) {
			if (entry !== undefined) {
				(location as unknown as Record<string, unknown>)[key] = entry;
			}
		}

		return location;
	});
}

export const startAutomationExecution: Operation = async (input, {engine, catalogue, caller}) => {
	const check = new Checker();
	const documentName = check.string(input['DocumentName'], 'DocumentName', documentNameRule)!;
	const documentVersion = check.string(input['DocumentVersion'], 'DocumentVersion', documentVersionRule);
	const given = parameterMap(check, input['Parameters'], 'Parameters') ?? {};
	const clientToken = check.string(input['ClientToken'], 'ClientToken', clientTokenRule);
	const mode = check.string(input['Mode'], 'Mode', {enum: ['Auto', 'Interactive']}) as 'Auto' | 'Interactive' | undefined;
	const targetParameterName = check.string(input['TargetParameterName'], 'TargetParameterName', parameterKeyRule);
	const targetList = targets(check, input['Targets'], 'Targets');
	const targetMaps = check.list(
		input['TargetMaps'],
		'TargetMaps',
		{min: 0, max: 300},
		(item, itemPath) =>
			check.map(
				item,
				itemPath,
				{required: true, min: 1, max: 20, key: {min: 1, max: 50}},
				(values, valuesPath) => check.strings(values, valuesPath, {required: true, min: 0, max: 25}, {min: 1, max: 50}) ?? [],
			) ?? {},
	);
	const maxConcurrency = check.string(input['MaxConcurrency'], 'MaxConcurrency', maxConcurrencyRule);
	const maxErrors = check.string(input['MaxErrors'], 'MaxErrors', maxErrorsRule);
	let locations = targetLocations(check, input['TargetLocations'], 'TargetLocations');
	const tags = tagList(check, input['Tags'], 'Tags');
	const alarms = alarmConfiguration(check, input['AlarmConfiguration'], 'AlarmConfiguration');
	const targetLocationsURL = check.string(input['TargetLocationsURL'], 'TargetLocationsURL');
	check.finish();
	if (tags && tags.length > MAX_START_TAGS) {
		throw errors.validation(
			`1 validation error detected: Value at 'tags' failed to satisfy constraint: StartAutomationExecution accepts at most ${MAX_START_TAGS} tags.`,
		);
	}

	const region = engine.store.region(caller.account, caller.region);
	// The same request in another member order, or with null for an absent member, is the same request.
	const fingerprint = canonicalJson({...input, ClientToken: undefined});
	if (clientToken) {
		const existing = region.clientTokens.get(clientToken.toLowerCase());
		if (existing) {
			if (region.byId.get(existing)?.fingerprint !== fingerprint) {
				throw errors.idempotentMismatch();
			}

			return {AutomationExecutionId: existing};
		}
	}

	const runbook = catalogue.find(documentName);
	if (!runbook || runbook.documentType !== 'Automation') {
		throw errors.definitionNotFound(documentName);
	}

	const version = resolveVersion(runbook, documentVersion);
	if (version === undefined) {
		throw errors.definitionVersionNotFound(documentName, documentVersion ?? '');
	}

	if (targetList?.length && targetMaps?.length) {
		throw errors.invalidParameters("Targets and TargetMaps can't be specified together.");
	}

	if (locations && targetLocationsURL) {
		throw errors.invalidParameters("TargetLocations and TargetLocationsURL can't be specified together.");
	}

	if (targetLocationsURL) {
		if (!targetLocationsUrlRule.pattern!.test(targetLocationsURL) && !isLoopbackUrl(targetLocationsURL)) {
			throw errors.validation(
				`1 validation error detected: Value '${targetLocationsURL}' at 'targetLocationsURL' failed to satisfy constraint: Member must satisfy regular expression pattern: ${targetLocationsUrlRule.patternText}`,
			);
		}

		locations = await fetchTargetLocations(targetLocationsURL);
	}

	const locationTargets = locations?.some(location => location.Targets?.length);
	const hasTargets = Boolean(targetList?.length || locationTargets);
	if (hasTargets && !targetParameterName) {
		throw errors.invalidParameters('TargetParameterName is required when Targets are specified.');
	}

	if (targetParameterName && !hasTargets && !targetMaps?.length) {
		throw errors.invalidParameters('Targets are required when TargetParameterName is specified.');
	}

	if (targetParameterName && !(targetParameterName in runbook.parameters)) {
		throw errors.invalidParameters(`TargetParameterName ${targetParameterName} is not a parameter of runbook ${runbook.name} (names are case sensitive).`);
	}

	const mapKeys = [...new Set((targetMaps ?? []).flatMap(map => Object.keys(map)))];
	const parameters = effectiveParameters(runbook, given, [...(targetParameterName ? [targetParameterName] : []), ...mapKeys]);
	for (const map of targetMaps ?? []) {
		effectiveParameters(runbook, {...given, ...map}, mapKeys);
	}

	for (const location of locations ?? []) {
		for (const account of location.Accounts) {
			if (!/^\d{12}$/.test(account)) {
				throw errors.invalidTarget(`Account ${account} isn't valid: the emulator expands account ids only, not organizational units.`);
			}
		}
	}

	let resolvedTargets: string[] | undefined;
	if (targetList?.length && !locations) {
		resolvedTargets = resolveTargets(targetList, caller.account, caller.region);
		assertResolvable(resolvedTargets);
		for (const value of resolvedTargets) {
			checkTargetValue(runbook, targetParameterName!, [value]);
		}
	}

	engine.assertCapacity(caller.account, caller.region);
	const execution = engine.start({
		account: caller.account,
		region: caller.region,
		runbook,
		documentVersion: String(version),
		parameters,
		mode,
		targetParameterName,
		targets: targetList,
		targetMaps: targetMaps?.length ? targetMaps : undefined,
		maxConcurrency,
		maxErrors,
		targetLocations: locations,
		targetLocationsURL,
		alarmConfiguration: alarms,
		tags,
		clientToken,
		fingerprint,
		resolvedTargets,
		executedBy: `arn:aws:iam::${caller.account}:user/ssmtop-emulator`,
	});
	if (clientToken) {
		region.clientTokens.set(clientToken.toLowerCase(), execution.id);
	}

	return {AutomationExecutionId: execution.id} satisfies Json;
};

function isLoopbackUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	} catch {
		return false;
	}
}
