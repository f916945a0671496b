// Re-run of a rate-controlled run (only the failed targets), a required
// parameter given by Targets, and TargetLocations loaded from a JSON file.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {formPort} from './form-port.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';

let rendered: RenderedModal | undefined;
afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

const child = (value: string, status: string) => ({stepName: value, action: 'aws:executeAutomation', status, inputs: {InstanceId: JSON.stringify(value)}});
const rateControlled: ExecutionDetail = {
	id: '0000000b-0000-4000-8000-000000000000',
	region: 'us-east-1',
	documentName: 'AWS-RestartEC2Instance',
	documentVersion: '1',
	status: 'Failed',
	mode: 'Auto',
	automationType: 'Local',
	parameters: {},
	targetParameterName: 'InstanceId',
	targets: [{key: 'tag:Env', values: ['dev']}],
	maxConcurrency: '2',
	maxErrors: '1',
	steps: [child('i-1', 'Success'), child('i-2', 'Failed'), child('i-3', 'TimedOut')],
};

describe('re-run of a rate-controlled run', () => {
	it('offers only the failed targets and sends them as ParameterValues', async () => {
		const port = formPort();
		const store = storeFor({details: [rateControlled]});
		rendered = await renderModal(store, port, {kind: 'start', fromExecutionId: rateControlled.id});
		const ui = rendered;
		await ui.waitFor('Re-run what?');
		expect(ui.frame()).not.toContain('failed location');
		await ui.focus('Only the 2 failed targets');
		await ui.press('enter');
		await ui.waitFor('Only the 2 failed or timed-out targets: i-2, i-3.');
		await ui.waitFor('InstanceId*');
		// InstanceId is required but filled per target: Next goes on.
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor(/Targets\s+ParameterValues=i-2,i-3/);
		expect(ui.frame()).toMatch(/Target parameter\s+InstanceId/);
		expect(ui.frame()).toMatch(/Max concurrency\s+2/);
		await ui.focus('Review ›');
		await ui.press('enter');
		const review = await ui.waitFor('aws ssm start-automation-execution');
		expect(review).toContain(`--target-parameter-name InstanceId`);
		expect(review).toContain(`--targets '[{"Key":"ParameterValues","Values":["i-2","i-3"]}]'`);
		expect(review).toContain('--document-version 1');
		expect(review).not.toContain('--parameters');
		await ui.focus('Start the run');
		await ui.press('enter');
		await ui.confirm(/Start [\w-]+( \(version \S+\))? in account \d{12}, [a-z0-9-]+\?/);
		await ui.waitFor(frame => frame.trim() === '');
		expect(port.starts[0]).toMatchObject({
			targetParameterName: 'InstanceId',
			targets: [{key: 'ParameterValues', values: ['i-2', 'i-3']}],
			maxConcurrency: '2',
			maxErrors: '1',
		});
	});

	it('sends a required parameter left empty back to the parameters step when no Targets fill it', async () => {
		const store = storeFor();
		rendered = await renderModal(store, formPort(), {kind: 'start'});
		const ui = rendered;
		await ui.waitFor('AWS-RestartEC2Instance');
		await ui.press('enter');
		await ui.waitFor('InstanceId*');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor('› Mode');
		await ui.focus('Review ›');
		await ui.press('enter');
		await ui.waitFor('✗ Required: InstanceId has no default, so it needs a value.');
		expect(ui.frame()).toMatch(/› InstanceId\*/);
	});

	it('says so when the execution to re-run is not loaded', async () => {
		rendered = await renderModal(storeFor(), formPort(), {kind: 'start', fromExecutionId: '0000000c-0000-4000-8000-000000000000'});
		await rendered.waitFor('Execution 0000000c-0000-4000-8000-000000000000 is not loaded; choose the runbook by hand.');
	});
});

describe('TargetLocations from a JSON file', () => {
	async function onLocations(ui: RenderedModal): Promise<void> {
		await ui.waitFor('AWS-RestartEC2Instance');
		await ui.press('enter');
		await ui.waitFor('InstanceId*');
		await ui.focus('InstanceId');
		await ui.type('i-1');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.focus('Accounts & Regions');
		await ui.press('right');
		await ui.focus('Load from JSON file');
	}

	it('loads the locations into the form, and they are sent', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ssmtop-locations-'));
		const path = join(dir, 'locations.json');
		writeFileSync(
			path,
			JSON.stringify([
				{Accounts: ['111122223333'], Regions: ['eu-west-1'], ExecutionRoleName: 'Exec'},
				{Accounts: ['444455556666'], Regions: ['us-east-1', 'us-west-2']},
			]),
		);
		const port = formPort();
		rendered = await renderModal(storeFor(), port, {kind: 'start'});
		const ui = rendered;
		await onLocations(ui);
		await ui.type(path);
		await ui.press('enter');
		await ui.waitFor(`Loaded 2 locations from ${path}.`);
		await ui.focus('#2 Accounts');
		await ui.waitFor(/#2 Accounts\*\s+444455556666/);
		await ui.focus('Review ›');
		await ui.press('enter');
		await ui.waitFor('--target-locations');
		await ui.waitFor('"ExecutionRoleName":"Exec"');
		await ui.focus('Start the run');
		await ui.press('enter');
		await ui.confirm(/Start [\w-]+( \(version \S+\))? in account \d{12}, [a-z0-9-]+\?/);
		await ui.waitFor(frame => frame.trim() === '');
		expect(port.starts[0]?.targetLocations).toEqual([
			{accounts: ['111122223333'], regions: ['eu-west-1'], executionRoleName: 'Exec'},
			{accounts: ['444455556666'], regions: ['us-east-1', 'us-west-2']},
		]);
	});

	it('explains a file that cannot be used, and one that is missing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ssmtop-locations-'));
		const path = join(dir, 'bad.json');
		writeFileSync(path, '[{"Acounts": ["1"], "Regions": ["eu-west-1"]}]');
		rendered = await renderModal(storeFor(), formPort(), {kind: 'start'});
		const ui = rendered;
		await onLocations(ui);
		await ui.type(path);
		await ui.press('enter');
		await ui.waitFor(`${path}: Location 1: unknown field “Acounts”`);
		await ui.press('ctrlU');
		await ui.type(join(dir, 'none.json'));
		await ui.press('enter');
		await ui.waitFor(`No file at ${join(dir, 'none.json')}.`);
	});
});
