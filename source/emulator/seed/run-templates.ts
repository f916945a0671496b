import type {StartSpec} from '../engine/engine.js';
import {fleetFor, resolveTargets} from '../engine/inventory.js';
import type {Fate, StringListMap} from '../model.js';
import type {Prng} from '../prng.js';
import type {Catalogue} from '../runbooks/catalogue.js';
import {effectiveParameters} from '../runbooks/parameters.js';

export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;

type Template = (prng: Prng, account: string, region: string) => {name: string; parameters: StringListMap; extra?: Partial<StartSpec>};

const instance = (prng: Prng, account: string, region: string) => prng.pick(fleetFor(account, region)).id;

/** Plausible everyday runs of the catalogue's runbooks, with valid parameters. */
const templates: Template[] = [
	(prng, account, region) => ({name: 'AWS-RestartEC2Instance', parameters: {InstanceId: [instance(prng, account, region)]}}),
	(prng, account, region) => ({name: 'AWS-StopEC2Instance', parameters: {InstanceId: [instance(prng, account, region)]}}),
	(prng, account, region) => ({name: 'AWS-StartEC2Instance', parameters: {InstanceId: [instance(prng, account, region)]}}),
	(prng, account, region) => ({name: 'AWS-CreateImage', parameters: {InstanceId: [instance(prng, account, region)], NoReboot: [String(prng.chance(0.5))]}}),
	(prng, account, region) => ({
		name: 'Ops-RestartServiceWithRollback',
		parameters: {InstanceId: [instance(prng, account, region)], ServiceName: [prng.pick(['nginx', 'api-gateway', 'worker', 'cron'])]},
	}),
	prng => ({
		name: 'Ops-RotateInstanceLogs',
		parameters: {RetentionDays: [prng.pick(['7', '14', '30'])]},
		extra: {
			targetParameterName: 'InstanceId',
			targets: [
				prng.chance(0.5)
					? {Key: 'tag:Environment', Values: [prng.pick(['dev', 'staging'])]}
					: {Key: 'ResourceGroup', Values: [prng.pick(['web-fleet', 'db-fleet'])]},
			],
			maxConcurrency: '2',
			maxErrors: '1',
		},
	}),
	prng => ({
		name: 'Ops-DeployServiceConfig',
		parameters: {Environment: [prng.pick(['dev', 'staging', 'dev'])], ServiceName: [prng.pick(['checkout', 'search-api', 'billing-worker', 'auth'])]},
	}),
	(prng, account, region) => ({
		name: 'Ops-PatchFleetWithApproval',
		parameters: {
			InstanceIds: fleetFor(account, region)
				.slice(0, prng.int(1, 4))
				.map(item => item.id),
			Operation: [prng.pick(['Scan', 'Install'])],
		},
	}),
];

/** The runbook each template runs, in the templates' order. */
const templateRunbooks: readonly string[] = [
	'AWS-RestartEC2Instance',
	'AWS-StopEC2Instance',
	'AWS-StartEC2Instance',
	'AWS-CreateImage',
	'Ops-RestartServiceWithRollback',
	'Ops-RotateInstanceLogs',
	'Ops-DeployServiceConfig',
	'Ops-PatchFleetWithApproval',
];

export interface PlannedRun {
	readonly spec: Omit<StartSpec, 'account' | 'region'>;
	/** Cancel the run this long after it starts (if still running). */
	readonly cancelAfterMs?: number;
}

/**
 * A random everyday run: outcome weights roughly 78% success, 12% failure, 5% timeout, 5% cancelled.
 * `only` narrows the choice to the templates of these runbooks (a member account's patching and remediation).
 */
export function randomRun(prng: Prng, catalogue: Catalogue, account: string, region: string, salt: number, only?: readonly string[]): PlannedRun {
	const choices = only ? templates.filter((_, index) => only.includes(templateRunbooks[index]!)) : templates;
	const template = prng.pick(choices)(prng, account, region);
	const runbook = catalogue.find(template.name)!;
	const roll = prng.next();
	let fate: Fate = {};
	let cancelAfterMs: number | undefined;
	if (roll < 0.12) {
		fate = {failStep: '*', failAs: 'Failed'};
	} else if (roll < 0.17) {
		fate = {failStep: '*', failAs: 'TimedOut'};
	} else if (roll < 0.22) {
		cancelAfterMs = prng.int(3000, 8000);
	}

	if (runbook.name === 'Ops-PatchFleetWithApproval') {
		const decision = prng.chance(0.85) ? 'Approve' : 'Reject';
		fate = {...fate, approval: {decision, afterMs: prng.int(2, 90) * 60_000}};
	}

	const supplied = template.extra?.targetParameterName ? [template.extra.targetParameterName] : [];
	const parameters = effectiveParameters(runbook, template.parameters, supplied);
	const targets = template.extra?.targets;
	const tags = prng.chance(0.3) ? [{Key: prng.pick(['team', 'ticket', 'cost-center']), Value: prng.pick(['platform', 'CHG-104233', 'sre', 'payments'])}] : [];
	return {
		spec: {
			runbook,
			documentVersion: String(runbook.defaultVersion),
			parameters,
			fate,
			salt,
			tags,
			...(template.extra ?? {}),
			...(targets ? {resolvedTargets: resolveTargets(targets, account, region)} : {}),
		},
		cancelAfterMs,
	};
}
