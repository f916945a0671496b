import {describe, expect, it} from 'vitest';
import {buildLocationGrid, childExecutionIdOf, EMPTY_GRID, gridCell} from '../../source/core/grid.js';
import type {StepExecution} from '../../source/core/types.js';

const CHILD = '11111111-2222-3333-4444-555555555555';

function locationStep(account: string, region: string, status: string, outputs?: Record<string, string[]>): StepExecution {
	return {
		stepName: `${account}-${region}`,
		action: 'aws:executeAutomation',
		status,
		targetLocation: {accounts: [account], regions: [region]},
		...(outputs ? {outputs} : {}),
	};
}

describe('buildLocationGrid', () => {
	it('builds sorted accounts × regions with one cell per located step', () => {
		const grid = buildLocationGrid([
			{stepName: 'setup', status: 'Success'},
			locationStep('222222222222', 'us-west-2', 'InProgress'),
			locationStep('111111111111', 'us-east-1', 'Success', {AutomationExecutionId: [CHILD]}),
			locationStep('111111111111', 'us-west-2', 'Failed'),
		]);
		expect(grid.accounts).toEqual(['111111111111', '222222222222']);
		expect(grid.regions).toEqual(['us-east-1', 'us-west-2']);
		expect(gridCell(grid, '111111111111', 'us-east-1')).toMatchObject({status: 'Success', childExecutionId: CHILD, stepIndex: 2});
		expect(gridCell(grid, '222222222222', 'us-east-1')).toBeUndefined();
		expect(gridCell(grid, '111111111111', 'us-west-2')?.status).toBe('Failed');
	});

	it('lets a later step for the same location win', () => {
		const grid = buildLocationGrid([locationStep('1', 'r', 'Failed'), locationStep('1', 'r', 'Success')]);
		expect(gridCell(grid, '1', 'r')?.status).toBe('Success');
	});

	it('is the shared empty grid without located steps', () => {
		expect(buildLocationGrid([{stepName: 'a', status: 'Success'}])).toBe(EMPTY_GRID);
	});
});

describe('childExecutionIdOf', () => {
	it('reads the known output names, then any id-shaped value', () => {
		expect(childExecutionIdOf(locationStep('1', 'r', 'Success', {AutomationExecutionId: [CHILD]}))).toBe(CHILD);
		expect(childExecutionIdOf(locationStep('1', 'r', 'Success', {Other: ['x'], Child: [CHILD]}))).toBe(CHILD);
		expect(childExecutionIdOf(locationStep('1', 'r', 'Success', {Other: ['x']}))).toBeUndefined();
		expect(childExecutionIdOf(locationStep('1', 'r', 'Pending'))).toBeUndefined();
	});
});
