import {errors} from '../errors.js';
import {isTerminal, type ExecutionRecord, type StepRecord, type WireTargetLocation} from '../model.js';
import type {Engine} from './engine.js';
import {resolveTargets} from './inventory.js';
import {concurrencyLimit, errorLimit} from './limits.js';

export const DEFAULT_EXECUTION_ROLE = 'AWS-SystemsManager-AutomationExecutionRole';

interface Group {
	readonly steps: StepRecord[];
	/** MaxConcurrency (or TargetLocationMaxConcurrency) as a number. */
	readonly concurrency: number;
	readonly errorsAllowed: number;
	/**
	 * How many may run at once now: the first target (or location) runs alone, and each one that
	 * succeeds doubles this, up to `concurrency` ("running automations at scale": the service ramps
	 * up exponentially, so a runbook that fails everywhere stops at the first failure under MaxErrors 0).
	 */
	window: number;
	running: number;
	errors: number;
	location?: WireTargetLocation;
}

/**
 * Parents that fan out into child executions: rate control (one child per target) and
 * cross-account (one child per account-Region pair). Each group of steps dispatches up to
 * its concurrency and stops launching once its errors exceed the allowed number; children
 * already running are left to finish.
 */
export class FanOut {
	private readonly groups = new Map<string, Group[]>();

	constructor(private readonly engine: Engine) {}

	beginRateControl(parent: ExecutionRecord): void {
		const name = parent.targetParameterName ?? '';
		const maps = parent.targetMaps;
		if (!maps && parent.resolvedTargets.length === 0) {
			parent.resolvedTargets = resolveTargets(parent.targets, parent.account, parent.region);
		}

		parent.steps = maps
			? maps.map((map, index) =>
					this.childStep(
						Object.values(map).flat().join(',') || `TargetMap${index + 1}`,
						Object.fromEntries(Object.entries(map).map(([key, values]) => [key, values.join(',')])),
					),
				)
			: parent.resolvedTargets.map(value => this.childStep(value, {[name]: value}));
		parent.status = 'InProgress';
		const total = parent.steps.length;
		this.groups.set(parent.id, [
			{
				steps: parent.steps,
				concurrency: concurrencyLimit(parent.maxConcurrency ?? '10', total),
				errorsAllowed: errorLimit(parent.maxErrors ?? '0', total),
				window: 1,
				running: 0,
				errors: 0,
			},
		]);
		this.dispatch(parent);
	}

	beginCrossAccount(parent: ExecutionRecord): void {
		const groups: Group[] = [];
		parent.steps = [];
		for (const location of parent.targetLocations ?? []) {
			const excluded = new Set(location.ExcludeAccounts ?? []);
			const steps: StepRecord[] = [];
			for (const account of location.Accounts.filter(candidate => !excluded.has(candidate))) {
				for (const region of location.Regions) {
					const step = this.childStep(`${account}/${region}`, {});
					step.targetLocation = {
						Accounts: [account],
						Regions: [region],
						ExecutionRoleName: location.ExecutionRoleName ?? DEFAULT_EXECUTION_ROLE,
						TargetLocationMaxConcurrency: location.TargetLocationMaxConcurrency ?? '1',
						TargetLocationMaxErrors: location.TargetLocationMaxErrors ?? '0',
						...(location.Targets ? {Targets: location.Targets} : {}),
						...(location.TargetsMaxConcurrency ? {TargetsMaxConcurrency: location.TargetsMaxConcurrency} : {}),
						...(location.TargetsMaxErrors ? {TargetsMaxErrors: location.TargetsMaxErrors} : {}),
					};
					step.inputs = {
						DocumentName: JSON.stringify(parent.runbook.name),
						RuntimeParameters: JSON.stringify(parent.parameters),
						TargetLocation: JSON.stringify({Account: account, Region: region}),
					};
					step.childAccount = account;
					step.childRegion = region;
					steps.push(step);
				}
			}

			parent.steps.push(...steps);
			groups.push({
				steps,
				concurrency: concurrencyLimit(location.TargetLocationMaxConcurrency ?? '1', steps.length),
				errorsAllowed: errorLimit(location.TargetLocationMaxErrors ?? '0', steps.length),
				window: 1,
				running: 0,
				errors: 0,
				location,
			});
		}

		parent.status = 'InProgress';
		this.groups.set(parent.id, groups);
		this.dispatch(parent);
	}

	childFinished(parent: ExecutionRecord, child: ExecutionRecord): void {
		const step = parent.steps.find(candidate => candidate.childId === child.id);
		const group = this.groups.get(parent.id)?.find(candidate => step && candidate.steps.includes(step));
		if (!step || !group) {
			return;
		}

		step.status = child.status;
		step.endTime = this.engine.now;
		if (child.status === 'Success') group.window = Math.min(group.concurrency, group.window * 2);
		else {
			step.failureMessage = child.failureMessage ?? `Child automation ${child.id} ended ${child.status}.`;
			if (child.status !== 'Cancelled' || !parent.stopRequested) {
				group.errors += 1;
				parent.errorCount += 1;
			}
		}

		group.running -= 1;
		parent.running -= 1;
		this.dispatch(parent);
	}

	cancelChildren(parent: ExecutionRecord): void {
		for (const step of parent.steps) {
			const child = step.childId ? this.engine.store.all.get(step.childId) : undefined;
			if (child && !isTerminal(child.status) && child.status !== 'Cancelling') {
				this.engine.cancel(child);
			}
		}

		this.dispatch(parent);
	}

	private childStep(stepName: string, inputs: Record<string, string>): StepRecord {
		return {
			stepExecutionId: this.engine.newId(),
			stepName,
			action: 'aws:executeAutomation',
			status: 'Pending',
			inputs,
			outputs: {},
			attempt: 0,
		};
	}

	private dispatch(parent: ExecutionRecord): void {
		const groups = this.groups.get(parent.id) ?? [];
		for (const group of groups) {
			while (!parent.stopRequested && group.running < Math.min(group.window, group.concurrency) && group.errors <= group.errorsAllowed) {
				const step = group.steps.find(candidate => candidate.status === 'Pending');
				if (!step) {
					break;
				}

				this.launch(parent, group, step);
			}
		}

		if (groups.every(group => group.running === 0)) {
			this.finishParent(parent, groups);
		}
	}

	private launch(parent: ExecutionRecord, group: Group, step: StepRecord): void {
		const isCross = parent.kind === 'cross-account';
		const account = step.childAccount ?? parent.account;
		const region = step.childRegion ?? parent.region;
		const location = group.location;
		const targets = location?.Targets ?? (isCross ? parent.targets : undefined);
		const parameters = isCross ? {...parent.parameters} : {...parent.parameters, ...this.childParameters(parent, step)};
		const resolvedTargets = targets?.length ? resolveTargets(targets, account, region) : undefined;
		const child = this.engine.start({
			account,
			region,
			runbook: parent.runbook,
			documentVersion: parent.documentVersion,
			parameters,
			parentId: parent.id,
			executedBy: isCross ? `arn:aws:sts::${account}:assumed-role/${location?.ExecutionRoleName ?? DEFAULT_EXECUTION_ROLE}/${parent.id}` : parent.executedBy,
			fate: isCross ? (parent.locationFates?.[`${account}/${region}`] ?? this.engine.locationFates.get(`${account}/${region}`)) : undefined,
			salt: parent.salt + parent.steps.indexOf(step) + 1,
			alarmConfiguration: isCross ? location?.TargetLocationAlarmConfiguration : undefined,
			...(resolvedTargets?.length
				? {
						targets,
						targetParameterName: parent.targetParameterName,
						resolvedTargets,
						maxConcurrency: location?.TargetsMaxConcurrency ?? parent.maxConcurrency,
						maxErrors: location?.TargetsMaxErrors ?? parent.maxErrors,
					}
				: {}),
		});
		if (!isCross) {
			child.target = step.stepName;
		}

		step.childId = child.id;
		step.status = 'InProgress';
		step.startTime = this.engine.now;
		if (isCross) {
			step.outputs = {AutomationExecutionId: [child.id]};
		}

		group.running += 1;
		parent.running += 1;
		// A child may finish synchronously (e.g. an empty runbook); childFinished has then already run.
		if (isTerminal(child.status) && step.status === 'InProgress') {
			this.childFinished(parent, child);
		}
	}

	private childParameters(parent: ExecutionRecord, step: StepRecord): Record<string, string[]> {
		if (parent.targetMaps) {
			return Object.fromEntries(Object.keys(step.inputs).map(key => [key, parent.targetMaps![parent.steps.indexOf(step)]?.[key] ?? []]));
		}

		return {[parent.targetParameterName ?? '']: [step.stepName]};
	}

	private finishParent(parent: ExecutionRecord, groups: Group[]): void {
		if (isTerminal(parent.status)) {
			return;
		}

		const pending = groups.some(group => group.steps.some(step => step.status === 'Pending') && group.errors <= group.errorsAllowed);
		if (pending && !parent.stopRequested) {
			return;
		}

		this.groups.delete(parent.id);
		if (parent.stopRequested) {
			this.engine.finish(parent, 'Cancelled', parent.failureMessage);
			return;
		}

		const total = parent.steps.length;
		const exceeded = groups.some(group => group.errors > group.errorsAllowed);
		if (parent.errorCount === 0) {
			this.engine.finish(parent, 'Success');
		} else {
			const unit = parent.kind === 'cross-account' ? 'locations' : 'targets';
			this.engine.finish(
				parent,
				'Failed',
				exceeded
					? `Stopped after ${parent.errorCount} failed ${unit} of ${total}: the error threshold was exceeded.`
					: `${parent.errorCount} of ${total} ${unit} failed.`,
			);
		}
	}
}

export function assertResolvable(values: string[]): void {
	if (values.length === 0) {
		throw errors.invalidTarget('No resources matched the specified targets.');
	}
}
