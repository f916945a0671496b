/** Fixture builders: a store filled with executions directly, so view tests need no emulator. */
import type {Execution, ExecutionDetail, StepExecution} from '../../source/core/types.js';
import {createAppStore, type AppStore} from '../../source/store/app-store.js';
import type {ConnectionContext} from '../../source/store/state.js';

/** The fixed "now" of every view test (2026-11-25 12:00:00 UTC). */
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

/** A UUID-shaped id whose first block shows `n`, so frames can be matched by short id. */
export function executionId(n: number): string {
	const hex = n.toString(16).padStart(8, '0');
	return `${hex}-0000-4000-8000-000000000000`;
}

export function execution(n: number, overrides: Partial<Execution> = {}): Execution {
	return {
		id: executionId(n),
		region: 'us-east-1',
		documentName: `Doc-${n}`,
		documentVersion: '1',
		status: 'Success',
		mode: 'Auto',
		automationType: 'Local',
		startTime: NOW - (n + 1) * 60_000,
		endTime: NOW - (n + 1) * 60_000 + 30_000,
		executedBy: 'arn:aws:iam::111122223333:user/alice',
		...overrides,
	};
}

/** `count` executions, newest first by start time (id 0 is the newest). */
export function executions(count: number, overrides: (n: number) => Partial<Execution> = () => ({})): Execution[] {
	return Array.from({length: count}, (_, n) => execution(n, overrides(n)));
}

export const localContext: ConnectionContext = {
	label: 'local emulator',
	regions: ['us-east-1', 'eu-west-1'],
	readOnly: false,
	local: true,
	account: '111122223333',
	readableAccounts: 'all',
};

export const awsContext: ConnectionContext = {
	label: 'profile prod',
	regions: ['us-east-1'],
	readOnly: false,
	local: false,
	profile: 'prod',
	account: '111122223333',
	readableAccounts: ['444455556666'],
};

export interface StoreFixture {
	readonly rows?: readonly Execution[];
	readonly details?: readonly ExecutionDetail[];
	readonly context?: ConnectionContext;
	readonly viewport?: {columns: number; rows: number};
	readonly filter?: string;
}

export function storeWith(fixture: StoreFixture = {}): AppStore {
	const store = createAppStore({
		context: fixture.context ?? localContext,
		viewport: fixture.viewport ?? {columns: 100, rows: 30},
		...(fixture.filter === undefined ? {} : {filter: fixture.filter}),
	});
	store.setState({
		executions: Object.fromEntries((fixture.rows ?? []).map(row => [row.id, row])),
		details: Object.fromEntries((fixture.details ?? []).map(detail => [detail.id, detail])),
	});
	return store;
}

export function step(name: string, overrides: Partial<StepExecution> = {}): StepExecution {
	return {
		stepName: name,
		action: 'aws:executeAwsApi',
		status: 'Success',
		startTime: NOW - 120_000,
		endTime: NOW - 110_000,
		onFailure: 'Abort',
		maxAttempts: 1,
		...overrides,
	};
}

/** A Local execution with three steps, the second failed with details. */
export function failedDetail(n = 1): ExecutionDetail {
	return {
		...execution(n, {status: 'Failed', documentName: 'AWS-RestartEC2Instance', failureMessage: 'Step stopInstances failed: access denied'}),
		parameters: {InstanceId: ['i-0123456789abcdef0'], AutomationAssumeRole: ['']},
		outputs: {'stopInstances.StoppingInstances': ['i-0123456789abcdef0']},
		steps: [
			step('describe', {inputs: {Service: '"ec2"', Api: '"DescribeInstances"'}, outputs: {State: ['running']}}),
			step('stopInstances', {
				status: 'Failed',
				inputs: {Service: '"ec2"', Api: '"StopInstances"'},
				failureMessage: 'AccessDenied when calling StopInstances',
				failureDetails: {failureStage: 'Invocation', failureType: 'Unauthorized', details: {ErrorCode: ['AccessDenied']}},
			}),
			step('startInstances', {status: 'Pending', startTime: undefined, endTime: undefined}),
		],
	};
}

/** A CrossAccount parent over 2 accounts × 2 regions (one pair failed, one still running, one without a child id). */
export function crossAccountDetail(n = 2): ExecutionDetail {
	const location = (account: string, region: string) => ({accounts: [account], regions: [region]});
	return {
		...execution(n, {status: 'InProgress', automationType: 'CrossAccount', documentName: 'Org-Patch', endTime: undefined}),
		steps: [
			step('111122223333-us-east-1', {
				action: 'aws:executeAutomation',
				targetLocation: location('111122223333', 'us-east-1'),
				outputs: {AutomationExecutionId: [executionId(900)]},
			}),
			step('111122223333-eu-west-1', {
				action: 'aws:executeAutomation',
				status: 'Failed',
				targetLocation: location('111122223333', 'eu-west-1'),
				outputs: {AutomationExecutionId: [executionId(901)]},
				failureMessage: 'child failed',
			}),
			step('444455556666-us-east-1', {
				action: 'aws:executeAutomation',
				status: 'InProgress',
				endTime: undefined,
				targetLocation: location('444455556666', 'us-east-1'),
				outputs: {AutomationExecutionId: [executionId(902)]},
			}),
			step('777788889999-eu-west-1', {
				action: 'aws:executeAutomation',
				status: 'InProgress',
				endTime: undefined,
				targetLocation: location('777788889999', 'eu-west-1'),
				outputs: {AutomationExecutionId: [executionId(903)]},
			}),
		],
		progress: {total: 4, success: 1, failed: 1, cancelled: 0, timedOut: 0},
	};
}
