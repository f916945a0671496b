import {errors} from '../errors.js';
import type {Principal} from '../identity/principals.js';
import {Prng, hashString} from '../prng.js';
import {
	isTerminal,
	type ExecutionRecord,
	type Fate,
	type StepRecord,
	type StringListMap,
	type WireAlarmConfiguration,
	type WireTarget,
	type WireTargetLocation,
} from '../model.js';
import type {Runbook} from '../runbooks/types.js';
import {ExecutionStore} from '../store.js';
import {Scheduler} from './scheduler.js';
import {failureFor, fateFromParameters, planStep} from './step-plan.js';
import {encodeInputs, resolveValue} from './templates.js';
import {FanOut} from './fan-out.js';
import {Admission, DEFAULT_QUOTA, type ExecutionQuota} from './admission.js';
import {applySignal, stopExecution} from './signals.js';
import {commandIdFor} from './command-output.js';
import {chooseBranch, firstFailureMessage, runbookOutputs, successOutputs} from './step-results.js';
import type {StatusObserver} from '../events/status-observer.js';

export interface StartSpec {
	readonly account: string;
	readonly region: string;
	readonly runbook: Runbook;
	readonly documentVersion: string;
	/** Effective parameters, defaults included. */
	readonly parameters: StringListMap;
	readonly mode?: 'Auto' | 'Interactive';
	readonly targetParameterName?: string;
	readonly targets?: WireTarget[];
	readonly targetMaps?: StringListMap[];
	readonly maxConcurrency?: string;
	readonly maxErrors?: string;
	readonly targetLocations?: WireTargetLocation[];
	readonly targetLocationsURL?: string;
	readonly alarmConfiguration?: WireAlarmConfiguration;
	readonly tags?: Array<{Key: string; Value: string}>;
	readonly parentId?: string;
	readonly executedBy?: string;
	readonly fate?: Fate;
	readonly salt?: number;
	readonly clientToken?: string;
	readonly fingerprint?: string;
	/** Resolved target values for a rate-control parent (computed by the caller, which validates them). */
	readonly resolvedTargets?: string[];
	readonly locationFates?: Readonly<Record<string, Fate>>;
}

/** How long a new top-level execution stays Pending before its first step starts. */
export const PENDING_MS = 1000;

/** How long Cancelling lasts before Cancelled: a running command takes longer to stop. */
export function cancelDelayMs(execution: ExecutionRecord): number {
	return execution.steps.some(step => step.action === 'aws:runCommand' && step.status === 'InProgress') ? 60_000 : 1500;
}

/**
 * What the engines of one emulator share: every execution (one store, so a parent reaches
 * its children wherever they run), the alarms and the scripted location outcomes, and which
 * engine drives each execution (its timers live in that engine's scheduler).
 */
export interface EngineWorld {
	readonly store: ExecutionStore;
	readonly alarms: Map<string, 'OK' | 'ALARM'>;
	readonly locationFates: Map<string, Fate>;
	readonly owners: WeakMap<ExecutionRecord, Engine>;
	/** Told of every status change in every engine of this world (the EventBridge events are built from these). */
	observer?: StatusObserver;
}

export function createWorld(): EngineWorld {
	return {store: new ExecutionStore(), alarms: new Map(), locationFates: new Map(), owners: new WeakMap()};
}

export interface EngineOptions {
	readonly quota?: ExecutionQuota;
	/** Seeds the execution and step ids, so each engine's ids are its own whatever else runs. */
	readonly idSeed?: string;
	/** Shared with the other engines of the emulator (default: a world of its own). */
	readonly world?: EngineWorld;
	/** First sequence number: keeps (startTime, seq) unique in a Region's store that two engines write to. */
	readonly seqBase?: number;
}

/**
 * The execution state machine. It lives on its own timeline (`now`), which the server
 * moves to the clock's time before serving each request; timers fire in time order.
 * Several engines can share one world (seed/locations.ts gives a member account's Region
 * an engine of its own, created when first asked for); each drives the executions it started.
 */
export class Engine {
	now: number;
	/** Where the timeline started: document dates and seeds are fixed relative to it. */
	readonly origin: number;
	readonly world: EngineWorld;
	readonly store: ExecutionStore;
	readonly scheduler = new Scheduler();
	readonly alarms: Map<string, 'OK' | 'ALARM'>;
	/** Outcomes scripted per location ("account/region") for cross-account children. */
	readonly locationFates: Map<string, Fate>;
	readonly fanOut = new FanOut(this);
	private seq: number;
	private ids: Prng;
	private readonly admission: Admission;
	/** The emulator's own user per account, one string each: a template per run kept a copy (a rope) in every record. */
	private readonly emulatorUsers = new Map<string, string>();

	/**
	 * @param origin the clock's time when the emulator (re)started
	 * @param historyStart where the timeline begins: seeds replay their history from here up to origin
	 */
	constructor(origin: number, historyStart = origin, options: EngineOptions = {}) {
		this.admission = new Admission(options.quota ?? DEFAULT_QUOTA);
		this.now = historyStart;
		this.origin = origin;
		this.ids = new Prng(options.idSeed ?? 'ids');
		this.world = options.world ?? createWorld();
		this.store = this.world.store;
		this.alarms = this.world.alarms;
		this.locationFates = this.world.locationFates;
		this.seq = options.seqBase ?? 0;
	}

	private emulatorUser(account: string): string {
		let user = this.emulatorUsers.get(account);
		if (user === undefined) this.emulatorUsers.set(account, (user = `arn:aws:iam::${account}:user/ssmtop-emulator`));
		return user;
	}

	/** The engine whose timers drive this execution. */
	ownerOf(execution: ExecutionRecord): Engine {
		return this.world.owners.get(execution) ?? this;
	}

	newId(): string {
		return this.ids.uuid();
	}

	/** Runs every timer due up to `time`, then settles there. The timeline never goes back. */
	advanceTo(time: number): void {
		for (let timer = this.scheduler.popDue(time); timer; timer = this.scheduler.popDue(time)) {
			this.now = Math.max(this.now, timer.at);
			timer.run();
		}

		this.now = Math.max(this.now, time);
	}

	/** Every execution status change goes through here, so the observer sees each one once. */
	setStatus(execution: ExecutionRecord, status: string): void {
		if (execution.status === status) return;
		execution.status = status;
		this.world.observer?.executionChanged(execution, this.now);
	}

	/** Every step status change goes through here; set the step's times first, the event carries them. */
	setStepStatus(execution: ExecutionRecord, step: StepRecord, status: string): void {
		if (step.status === status) return;
		step.status = status;
		this.world.observer?.stepChanged(execution, step, this.now);
	}

	at(delayMs: number, run: () => void): number {
		return this.scheduler.schedule(this.now + Math.max(0, delayMs), run);
	}

	start(spec: StartSpec): ExecutionRecord {
		const kind = spec.targetLocations ? 'cross-account' : spec.targets?.length || spec.targetMaps?.length ? 'rate-control' : 'local';
		const execution: ExecutionRecord = {
			id: this.newId(),
			account: spec.account,
			region: spec.region,
			kind,
			runbook: spec.runbook,
			documentVersion: spec.documentVersion,
			seq: this.seq++,
			status: 'Pending',
			mode: spec.mode ?? 'Auto',
			startTime: this.now,
			parameters: spec.parameters,
			outputs: {},
			parentId: spec.parentId,
			executedBy: spec.executedBy ?? this.emulatorUser(spec.account),
			targetParameterName: spec.targetParameterName,
			targets: spec.targets ?? [],
			targetMaps: spec.targetMaps,
			resolvedTargets: spec.resolvedTargets ?? [],
			resolvedTargetsTruncated: false,
			maxConcurrency: spec.maxConcurrency,
			maxErrors: spec.maxErrors,
			targetLocations: spec.targetLocations,
			targetLocationsURL: spec.targetLocationsURL,
			alarmConfiguration: spec.alarmConfiguration,
			tags: spec.tags ?? [],
			steps: [],
			fate: spec.fate ?? fateFromParameters(spec.parameters),
			salt: spec.salt ?? hashString(`${spec.runbook.name}:${JSON.stringify(spec.parameters)}`),
			errorCount: 0,
			running: 0,
			clientToken: spec.clientToken,
			fingerprint: spec.fingerprint,
			locationFates: spec.locationFates,
		};
		if (kind === 'rate-control' || kind === 'cross-account') {
			execution.maxConcurrency ??= kind === 'rate-control' ? '10' : undefined;
			execution.maxErrors ??= kind === 'rate-control' ? '0' : undefined;
		}

		if (kind === 'local') {
			execution.steps = this.localSteps(execution);
		}

		this.store.add(execution);
		this.world.observer?.executionChanged(execution, this.now);
		this.world.owners.set(execution, this);
		const begin = () => {
			if (kind === 'local') {
				this.beginLocal(execution);
			} else if (kind === 'rate-control') {
				this.fanOut.beginRateControl(execution);
			} else {
				this.fanOut.beginCrossAccount(execution);
			}

			this.checkAlarms(execution);
		};

		// Children run under their parent's admission; top-level runs wait in the queue when the quota is full.
		if (execution.parentId) {
			begin();
		} else {
			this.admission.admit(execution, begin);
		}

		return execution;
	}

	/** Throws AutomationExecutionLimitExceededException when both the running quota and the queue are full. */
	assertCapacity(account: string, region: string): void {
		this.admission.assertCapacity(account, region);
	}

	// ---- local executions -------------------------------------------------------------

	private localSteps(execution: ExecutionRecord): StepRecord[] {
		return execution.runbook.mainSteps.map(definition => ({
			stepExecutionId: this.newId(),
			definition,
			stepName: definition.name,
			action: definition.action,
			status: 'Pending',
			inputs: {},
			outputs: {},
			attempt: 0,
		}));
	}

	private beginLocal(execution: ExecutionRecord): void {
		if (execution.mode === 'Interactive') {
			this.setStatus(execution, 'Waiting');
			const first = execution.steps[0];
			if (first) {
				first.validNextSteps = [first.stepName];
			}

			return;
		}

		if (execution.parentId) {
			this.setStatus(execution, 'InProgress');
			this.beginStep(execution, 0);
			return;
		}

		// A new execution shows Pending briefly before its first step, as in the console.
		this.at(PENDING_MS, () => {
			if (execution.status === 'Pending') {
				this.setStatus(execution, 'InProgress');
				this.beginStep(execution, 0);
			}
		});
	}

	beginStep(execution: ExecutionRecord, index: number): void {
		const step = execution.steps[index];
		const definition = step?.definition;
		if (!step || !definition) {
			this.finish(execution, execution.criticalFailure ?? 'Success');
			return;
		}

		step.attempt += 1;
		step.startTime = this.now;
		step.endTime = undefined;
		step.failureMessage = undefined;
		step.failureDetails = undefined;
		step.outputs = {};
		this.setStepStatus(execution, step, 'InProgress');
		execution.currentStepName = step.stepName;
		execution.currentAction = step.action;
		this.setStatus(execution, 'InProgress');
		const resolved = resolveValue(definition.inputs, execution.runbook, execution.parameters, execution.id) as Record<string, unknown>;
		step.inputs = encodeInputs(resolved);
		// The command is sent as the step starts: its id is there to follow while it runs.
		if (definition.action === 'aws:runCommand') step.outputs = {CommandId: [commandIdFor(step)]};

		if (definition.action === 'aws:approve' || definition.action === 'aws:pause') {
			this.setStepStatus(execution, step, 'Waiting');
			this.setStatus(execution, 'Waiting');
			const timeoutSeconds = definition.timeoutSeconds ?? (definition.action === 'aws:approve' ? 604_800 : undefined);
			if (timeoutSeconds !== undefined) {
				step.timer = this.at(timeoutSeconds * 1000, () => this.completeStep(execution, index, 'TimedOut'));
			}

			const approval = execution.fate.approval;
			if (approval && definition.action === 'aws:approve') {
				this.at(approval.afterMs, () => {
					if (step.status === 'Waiting') {
						this.resolveApproval(execution, step, approval.decision, 'Scripted by the demo seed');
					}
				});
			}

			return;
		}

		if (definition.action === 'aws:branch') {
			const next = chooseBranch(resolved);
			step.timer = this.at(200, () => {
				step.outputs = {NextStep: [next ?? '']};
				this.completeStep(execution, index, 'Success', next);
			});
			return;
		}

		const outcome = planStep(execution, definition, step.attempt, resolved);
		step.timer = this.at(outcome.durationMs, () => this.completeStep(execution, index, outcome.status));
	}

	/** Ends a step and moves the run on, following onFailure / nextStep / isEnd. */
	completeStep(execution: ExecutionRecord, index: number, status: 'Success' | 'Failed' | 'TimedOut' | 'Cancelled', branchTo?: string): void {
		const step = execution.steps[index]!;
		const definition = step.definition!;
		this.scheduler.cancel(step.timer);
		step.timer = undefined;
		step.endTime = this.now;
		if (status === 'Success') {
			step.outputs = {...successOutputs(step, this.ids), ...step.outputs};
		} else if (status !== 'Cancelled') {
			// A failed attempt with attempts left is retried: the step stays InProgress (no event).
			if (status === 'Failed' && step.attempt < (definition.maxAttempts ?? 1)) {
				this.beginStep(execution, index);
				return;
			}

			Object.assign(step, failureFor(step, status));
		}

		this.setStepStatus(execution, step, status);

		execution.currentStepName = undefined;
		execution.currentAction = undefined;
		const nextIndex = this.nextIndex(execution, index, status, branchTo);
		if (execution.mode === 'Interactive') {
			this.setStatus(execution, 'Waiting');
			const next = typeof nextIndex === 'number' ? execution.steps[nextIndex] : undefined;
			step.validNextSteps = next ? [next.stepName] : [];
			return;
		}

		if (nextIndex === 'abort') {
			this.finish(execution, status === 'TimedOut' ? 'TimedOut' : status === 'Cancelled' ? 'Cancelled' : 'Failed', step.failureMessage);
			return;
		}

		if (nextIndex === undefined) {
			this.finish(execution, execution.criticalFailure ?? 'Success', execution.criticalFailure ? firstFailureMessage(execution) : undefined);
			return;
		}

		this.beginStep(execution, nextIndex);
	}

	private nextIndex(execution: ExecutionRecord, index: number, status: string, branchTo?: string): number | 'abort' | undefined {
		const step = execution.steps[index]!;
		const definition = step.definition!;
		const indexOf = (name: string) => {
			const found = execution.steps.findIndex(candidate => candidate.stepName === name);
			return found === -1 ? undefined : found;
		};

		if (status !== 'Success') {
			const onFailure = definition.onFailure ?? 'Abort';
			const critical = definition.isCritical ?? onFailure !== 'Continue';
			if (onFailure === 'Abort') {
				return 'abort';
			}

			if (critical) {
				execution.criticalFailure ??= status === 'TimedOut' ? 'TimedOut' : 'Failed';
			}

			if (onFailure.startsWith('step:')) {
				return indexOf(onFailure.slice(5));
			}
		}

		if (branchTo) {
			return indexOf(branchTo);
		}

		if (definition.isEnd) {
			return undefined;
		}

		if (definition.nextStep) {
			return indexOf(definition.nextStep);
		}

		return index + 1 < execution.steps.length ? index + 1 : undefined;
	}

	finish(execution: ExecutionRecord, status: string, failureMessage?: string): void {
		if (isTerminal(execution.status)) {
			return;
		}

		execution.endTime = this.now;
		execution.currentStepName = undefined;
		execution.currentAction = undefined;
		if (failureMessage && status !== 'Success') {
			execution.failureMessage = failureMessage;
		}

		this.setStatus(execution, status);

		for (const step of execution.steps) {
			this.scheduler.cancel(step.timer);
			step.timer = undefined;
		}

		if (status === 'Success') {
			execution.outputs = runbookOutputs(execution);
		}

		this.admission.release(execution);
		if (execution.parentId) {
			const parent = this.store.all.get(execution.parentId);
			if (parent) {
				this.fanOut.childFinished(parent, execution);
			}
		}
	}

	// ---- approvals, signals, stop --------------------------------------------------------

	/**
	 * One approver's answer. `approver` is the principal as approvals count it (undefined: the
	 * seed's scripted answer, which counts as one approval). A Reject ends the step; Approves
	 * end it once MinRequiredApprovals different approvers have approved.
	 */
	resolveApproval(execution: ExecutionRecord, step: StepRecord, decision: 'Approve' | 'Reject', comment?: string, approver?: string): void {
		const index = execution.steps.indexOf(step);
		const decisions = (step.approverDecisions ??= []);
		const approvedBy = (step.approvedBy ??= []);
		if (decision === 'Approve' && approver !== undefined && approvedBy.includes(approver)) {
			// The same principal again: accepted, but it already counted.
			return;
		}

		decisions.push(JSON.stringify({...(approver === undefined ? {} : {approver}), decision, comment: comment ?? ''}));
		const decisionOutput = {ApprovalStatus: [decision === 'Approve' ? 'Approved' : 'Rejected'], ApproverDecisions: [...decisions]};
		if (decision === 'Reject') {
			step.outputs = decisionOutput;
			this.completeStep(execution, index, 'Failed');
			return;
		}

		approvedBy.push(approver ?? `scripted-${approvedBy.length}`);
		const needed = Number(JSON.parse(step.inputs['MinRequiredApprovals'] ?? '1')) || 1;
		if (approvedBy.length >= needed) {
			step.outputs = decisionOutput;
			this.completeStep(execution, index, 'Success');
		}
	}

	/** `caller`: who sent the signal (Approve and Reject check it against the step's Approvers). */
	signal(execution: ExecutionRecord, type: string, payload: StringListMap, caller?: Principal): void {
		applySignal(this.ownerOf(execution), execution, type, payload, caller);
	}

	stop(execution: ExecutionRecord, type: 'Cancel' | 'Complete'): void {
		stopExecution(this.ownerOf(execution), execution, type);
	}

	/** Cancel → Cancelling, then Cancelled once running steps and children have stopped. */
	cancel(execution: ExecutionRecord, failureMessage?: string): void {
		this.setStatus(execution, 'Cancelling');
		execution.stopRequested = 'Cancel';
		if (failureMessage) {
			execution.failureMessage = failureMessage;
		}

		if (execution.kind !== 'local') {
			this.fanOut.cancelChildren(execution);
			return;
		}

		for (const step of execution.steps) {
			this.scheduler.cancel(step.timer);
			step.timer = undefined;
		}

		this.at(cancelDelayMs(execution), () => {
			for (const step of execution.steps) {
				if (step.status === 'InProgress' || step.status === 'Waiting') {
					step.endTime = this.now;
					this.setStepStatus(execution, step, 'Cancelled');
				}
			}

			this.finish(execution, 'Cancelled', execution.failureMessage);
		});
	}

	// ---- alarms -------------------------------------------------------------------------

	setAlarm(name: string, state: 'OK' | 'ALARM'): void {
		this.alarms.set(name, state);
		if (state !== 'ALARM') {
			return;
		}

		for (const execution of this.store.all.values()) {
			this.ownerOf(execution).checkAlarms(execution);
		}
	}

	/** An execution whose alarm is in ALARM is stopped (Cancelled) and names the alarm in TriggeredAlarms. */
	checkAlarms(execution: ExecutionRecord): void {
		if (isTerminal(execution.status) || execution.status === 'Cancelling' || !execution.alarmConfiguration) {
			return;
		}

		const triggered = execution.alarmConfiguration.Alarms.find(alarm => this.alarms.get(alarm.Name) === 'ALARM');
		if (triggered) {
			execution.triggeredAlarms = [{Name: triggered.Name, State: 'ALARM'}];
			this.cancel(execution, `The automation stopped because CloudWatch alarm ${triggered.Name} is in ALARM state.`);
		}
	}

	find(account: string, region: string, id: string): ExecutionRecord {
		const execution = this.store.region(account, region).byId.get(id);
		if (!execution) {
			throw errors.executionNotFound(id);
		}

		return execution;
	}
}
