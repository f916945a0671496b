/**
 * The account × region grid of a CrossAccount parent, built from the parent's own
 * per-location steps (each carries a TargetLocation with one account and one
 * region), so it needs only the home account's credentials.
 */
import type {ExecutionStatus, StepExecution} from './types.js';

export interface GridCell {
	readonly account: string;
	readonly region: string;
	readonly status: ExecutionStatus;
	readonly stepName: string;
	readonly stepIndex: number;
	/** The child execution in that account and region, once the step has started it. */
	readonly childExecutionId?: string;
	readonly startTime?: number;
	readonly endTime?: number;
	readonly failureMessage?: string;
}

export interface LocationGrid {
	/** Sorted, distinct. */
	readonly accounts: readonly string[];
	readonly regions: readonly string[];
	/** Keyed by cellKey(account, region); a missing key means no step targets that pair. */
	readonly cells: Readonly<Record<string, GridCell>>;
}

export function cellKey(account: string, region: string): string {
	return `${account}/${region}`;
}

export function gridCell(grid: LocationGrid, account: string, region: string): GridCell | undefined {
	return grid.cells[cellKey(account, region)];
}

export const EMPTY_GRID: LocationGrid = {accounts: [], regions: [], cells: {}};

/** Output names under which a per-location step may report its child execution id, most likely first. */
const CHILD_ID_OUTPUTS = ['AutomationExecutionId', 'ExecutionId', 'ChildAutomationExecutionId', 'AutomationExecutionIds'];
const EXECUTION_ID = /^[0-9a-zA-Z-]{36}$/;

/** The child execution id a per-location step outputs, if any. */
export function childExecutionIdOf(step: StepExecution): string | undefined {
	const outputs = step.outputs;
	if (!outputs) return undefined;
	for (const name of CHILD_ID_OUTPUTS) {
		const value = outputs[name]?.[0];
		if (value) return value;
	}

	// Unknown output name: fall back to the first value shaped like an execution id.
	for (const values of Object.values(outputs)) {
		const value = values.find(candidate => EXECUTION_ID.test(candidate));
		if (value) return value;
	}

	return undefined;
}

export function buildLocationGrid(steps: readonly StepExecution[]): LocationGrid {
	const cells: Record<string, GridCell> = {};
	const accounts = new Set<string>();
	const regions = new Set<string>();
	steps.forEach((step, stepIndex) => {
		const location = step.targetLocation;
		const account = location?.accounts[0];
		const region = location?.regions[0];
		if (!account || !region) return;
		accounts.add(account);
		regions.add(region);
		const childExecutionId = childExecutionIdOf(step);
		// A later step for the same pair (a retry) supersedes the earlier one.
		cells[cellKey(account, region)] = {
			account,
			region,
			status: step.status,
			stepName: step.stepName,
			stepIndex,
			...(childExecutionId === undefined ? {} : {childExecutionId}),
			...(step.startTime === undefined ? {} : {startTime: step.startTime}),
			...(step.endTime === undefined ? {} : {endTime: step.endTime}),
			...(step.failureMessage === undefined ? {} : {failureMessage: step.failureMessage}),
		};
	});
	if (accounts.size === 0) return EMPTY_GRID;
	return {accounts: [...accounts].sort(), regions: [...regions].sort(), cells};
}
