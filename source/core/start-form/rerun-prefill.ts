/**
 * Re-run: a start form pre-filled from an execution, optionally narrowed to
 * what failed — the account × Region pairs whose per-location steps failed or
 * timed out (CrossAccount parents), or the targets whose child runs failed or
 * timed out (rate-controlled parents).
 */
import {isFinal} from '../status.js';
import type {ExecutionDetail, ParameterMap, StepExecution, Target, TargetLocation} from '../types.js';
import type {ParseResult} from './parameter-spec.js';
import {emptyLocationDraft, emptyRunSettings, joinList, type RunSettingsDraft, type TargetLocationDraft} from './run-settings.js';
import {tagsText, targetMapsText, targetsText} from './settings-text.js';

export type OnlyFailed = 'locations' | 'targets';

export interface Prefill {
	readonly region: string;
	readonly documentName: string;
	readonly documentVersion: string;
	/** Wire values per parameter; the form turns them into text once the runbook's types are known. */
	readonly parameters: ParameterMap;
	readonly settings: RunSettingsDraft;
	/** What was narrowed or dropped, in words, for the form to show. */
	readonly notes: readonly string[];
}

const FAILED = new Set(['Failed', 'TimedOut']);

function isFailed(step: StepExecution): boolean {
	return FAILED.has(step.status);
}

export interface LocationPair {
	readonly account: string;
	readonly region: string;
}

/** Account × Region pairs whose per-location step failed or timed out, without repeats. */
export function failedLocations(detail: ExecutionDetail): LocationPair[] {
	const seen = new Set<string>();
	const pairs: LocationPair[] = [];
	for (const step of detail.steps) {
		if (!step.targetLocation || !isFailed(step)) continue;
		for (const account of step.targetLocation.accounts)
			for (const region of step.targetLocation.regions) {
				const key = `${account}/${region}`;
				if (seen.has(key)) continue;
				seen.add(key);
				pairs.push({account, region});
			}
	}
	return pairs;
}

/** Step inputs are JSON-encoded strings; a plain string is taken as it is. */
function decodeInput(raw: string | undefined): string[] | undefined {
	if (raw === undefined) return undefined;
	try {
		const value: unknown = JSON.parse(raw);
		if (typeof value === 'string') return [value];
		if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value;
		return [raw];
	} catch {
		return [raw];
	}
}

function childSteps(detail: ExecutionDetail): StepExecution[] {
	return detail.steps.filter(step => !step.targetLocation && step.action === 'aws:executeAutomation');
}

/** Target values whose child automation failed or timed out (rate control with Targets). */
export function failedTargetValues(detail: ExecutionDetail): string[] {
	if (!detail.targetParameterName) return [];
	const values = childSteps(detail)
		.filter(isFailed)
		.flatMap(step => decodeInput(step.inputs?.[detail.targetParameterName!]) ?? [step.stepName]);
	return [...new Set(values)];
}

/** Step inputs may carry a list as one comma-joined string. */
function sameValues(input: readonly string[], values: readonly string[]): boolean {
	if (input.length === values.length && input.every((value, index) => value === values[index])) return true;
	return input.length === 1 && input[0] === values.join(',');
}

/** The parent's TargetMaps whose child automation failed or timed out. */
export function failedTargetMaps(detail: ExecutionDetail): ParameterMap[] {
	const maps = detail.targetMaps ?? [];
	const failed = childSteps(detail).filter(isFailed);
	return maps.filter(map =>
		failed.some(step =>
			Object.entries(map).every(([key, values]) => {
				const input = decodeInput(step.inputs?.[key]);
				return input !== undefined && sameValues(input, values);
			}),
		),
	);
}

/**
 * Children of a finished rate-controlled run that never started (it stopped launching once
 * MaxErrors was exceeded, or was cancelled): not failed, so a narrowed re-run leaves them out.
 */
export function unlaunchedTargets(detail: ExecutionDetail): number {
	if (!isFinal(detail.status)) return 0;
	return childSteps(detail).filter(step => step.status === 'Pending' && step.startTime === undefined).length;
}

function unlaunchedNote(detail: ExecutionDetail): string[] {
	const count = unlaunchedTargets(detail);
	if (count === 0) return [];
	return [
		`${count} other target${count === 1 ? '' : 's'} never started (the run stopped before reaching ${count === 1 ? 'it' : 'them'}) and ${count === 1 ? 'is' : 'are'} not included.`,
	];
}

/** How many failed locations / targets a narrowed re-run would cover (0: don't offer it). */
export function rerunOptions(detail: ExecutionDetail): {readonly locations: number; readonly targets: number} {
	const usesMaps = (detail.targetMaps?.length ?? 0) > 0;
	return {
		locations: failedLocations(detail).length,
		targets: usesMaps ? failedTargetMaps(detail).length : (detail.targets?.length ?? 0) > 0 ? failedTargetValues(detail).length : 0,
	};
}

export function locationDraft(location: TargetLocation): TargetLocationDraft {
	return {
		...emptyLocationDraft,
		accounts: joinList(location.accounts),
		regions: joinList(location.regions),
		targetLocationMaxConcurrency: location.targetLocationMaxConcurrency ?? '',
		targetLocationMaxErrors: location.targetLocationMaxErrors ?? '',
		executionRoleName: location.executionRoleName ?? '',
		excludeAccounts: joinList(location.excludeAccounts),
		includeChildOrganizationUnits: location.includeChildOrganizationUnits ?? false,
		targets: targetsText(location.targets),
		targetsMaxConcurrency: location.targetsMaxConcurrency ?? '',
		targetsMaxErrors: location.targetsMaxErrors ?? '',
		alarmName: location.alarmNames?.[0] ?? '',
		ignorePollAlarmFailure: location.ignorePollAlarmFailure ?? false,
	};
}

/** The original location a failed pair came from, to carry its role, limits and targets over. */
function templateIndex(locations: readonly TargetLocation[], pair: LocationPair): number {
	const exact = locations.findIndex(location => location.accounts.includes(pair.account) && location.regions.includes(pair.region));
	if (exact >= 0) return exact;
	const byRegion = locations.findIndex(location => location.regions.includes(pair.region));
	return Math.max(byRegion, 0);
}

/**
 * Narrow TargetLocations to the failed pairs: accounts that failed in the same
 * Regions (and came from the same original location) share one location, so
 * no pair that succeeded is run again.
 */
export function narrowToFailedLocations(detail: ExecutionDetail): TargetLocation[] {
	const original = detail.targetLocations ?? [];
	const byAccount = new Map<string, {template: number; regions: string[]}>();
	for (const pair of failedLocations(detail)) {
		const template = templateIndex(original, pair);
		const key = `${template}\u0000${pair.account}`;
		const entry = byAccount.get(key) ?? {template, regions: []};
		entry.regions.push(pair.region);
		byAccount.set(key, entry);
	}
	const groups = new Map<string, {template: number; regions: string[]; accounts: string[]}>();
	for (const [key, entry] of byAccount) {
		const account = key.split('\u0000')[1]!;
		const regions = [...entry.regions].sort();
		const groupKey = `${entry.template}\u0000${regions.join(',')}`;
		const group = groups.get(groupKey) ?? {template: entry.template, regions, accounts: []};
		group.accounts.push(account);
		groups.set(groupKey, group);
	}
	return [...groups.values()].map(group => {
		const template = original[group.template];
		const {excludeAccounts: _excluded, includeChildOrganizationUnits: _children, ...settings} = template ?? {accounts: [], regions: []};
		return {...settings, accounts: group.accounts, regions: group.regions};
	});
}

function withoutKeys(parameters: ParameterMap, keys: readonly string[]): ParameterMap {
	return Object.fromEntries(Object.entries(parameters).filter(([key]) => !keys.includes(key)));
}

export function prefillFromExecution(detail: ExecutionDetail, onlyFailed?: OnlyFailed): ParseResult<Prefill> {
	const notes: string[] = [];
	let targets: readonly Target[] | undefined = detail.targets && detail.targets.length > 0 ? detail.targets : undefined;
	let targetMaps: ReadonlyArray<ParameterMap> | undefined = detail.targetMaps && detail.targetMaps.length > 0 ? detail.targetMaps : undefined;
	let locations = detail.targetLocations && detail.targetLocations.length > 0 ? detail.targetLocations : undefined;
	let url = detail.targetLocationsURL;

	if (onlyFailed === 'locations') {
		const pairs = failedLocations(detail);
		if (pairs.length === 0) return {ok: false, error: 'No location of this execution failed or timed out.'};
		locations = narrowToFailedLocations(detail);
		url = undefined;
		notes.push(
			`Only the ${pairs.length} failed or timed-out location${pairs.length === 1 ? '' : 's'}: ${pairs.map(pair => `${pair.account}/${pair.region}`).join(', ')}.`,
		);
	} else if (onlyFailed === 'targets') {
		if (targetMaps) {
			const failed = failedTargetMaps(detail);
			if (failed.length === 0) return {ok: false, error: 'No target of this execution failed or timed out.'};
			targetMaps = failed;
			notes.push(`Only the ${failed.length} target map${failed.length === 1 ? '' : 's'} whose run failed or timed out.`, ...unlaunchedNote(detail));
		} else {
			const values = failedTargetValues(detail);
			if (values.length === 0) return {ok: false, error: 'No target of this execution failed or timed out.'};
			targets = [{key: 'ParameterValues', values}];
			notes.push(`Only the ${values.length} failed or timed-out target${values.length === 1 ? '' : 's'}: ${values.join(', ')}.`, ...unlaunchedNote(detail));
		}
	}

	// The target parameter is filled per child by the service; sending it too would clash.
	const perChildKeys = [
		...(detail.targetParameterName && (targets || locations?.some(location => location.targets?.length)) ? [detail.targetParameterName] : []),
		...(targetMaps ?? []).flatMap(map => Object.keys(map)),
	];
	const settings: RunSettingsDraft = {
		...emptyRunSettings,
		mode: detail.mode === 'Interactive' ? 'Interactive' : 'Auto',
		targetParameterName: detail.targetParameterName ?? '',
		targets: targetsText(targets),
		targetMaps: targetMapsText(targetMaps),
		maxConcurrency: detail.maxConcurrency ?? '',
		maxErrors: detail.maxErrors ?? '',
		locationsSource: url && onlyFailed !== 'locations' ? 'url' : locations ? 'form' : 'none',
		targetLocations: url && onlyFailed !== 'locations' ? [] : (locations ?? []).map(locationDraft),
		targetLocationsURL: url ?? '',
		tags: tagsText(detail.tags),
		alarmName: detail.alarmConfiguration?.alarmNames[0] ?? '',
		ignorePollAlarmFailure: detail.alarmConfiguration?.ignorePollAlarmFailure ?? false,
	};
	return {
		ok: true,
		value: {
			region: detail.region,
			documentName: detail.documentName,
			documentVersion: detail.documentVersion ?? '',
			parameters: withoutKeys(detail.parameters ?? {}, perChildKeys),
			settings,
			notes,
		},
	};
}
