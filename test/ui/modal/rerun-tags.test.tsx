// Re-run keeps the old run's tags: read through the port (GetAutomationExecution has
// none), filled in once the form exists, never over tags already there.
import {afterEach, describe, expect, it} from 'vitest';
import {ActionError} from '../../../source/core/ports.js';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {newStartForm, withRerunTags} from '../../../source/core/dialogs/start-form-state.js';
import {formPort} from './form-port.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';

let rendered: RenderedModal | undefined;
afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

const local: ExecutionDetail = {
	id: '0000000d-0000-4000-8000-000000000000',
	region: 'us-east-1',
	documentName: 'Test-Runbook',
	documentVersion: '1',
	status: 'Failed',
	mode: 'Auto',
	automationType: 'Local',
	parameters: {InstanceId: ['i-0abc']},
	steps: [],
};

const child = (value: string, status: string) => ({stepName: value, action: 'aws:executeAutomation', status, inputs: {InstanceId: JSON.stringify(value)}});
const rateControlled: ExecutionDetail = {
	...local,
	id: '0000000e-0000-4000-8000-000000000000',
	documentName: 'AWS-RestartEC2Instance',
	parameters: {},
	targetParameterName: 'InstanceId',
	targets: [{key: 'ParameterValues', values: ['i-1', 'i-2']}],
	steps: [child('i-1', 'Success'), child('i-2', 'Failed')],
};

describe('withRerunTags', () => {
	const form = {...newStartForm({id: 1, regions: ['us-east-1'], clientToken: 't'}), step: 'settings' as const};

	it('fills empty Tags, and leaves tags already there alone', () => {
		expect(withRerunTags(form, {state: 'ready', value: 'team=ops'}).settings.tags).toBe('team=ops');
		const typed = {...form, settings: {...form.settings, tags: 'mine=1'}};
		expect(withRerunTags(typed, {state: 'ready', value: 'team=ops'}).settings.tags).toBe('mine=1');
	});

	it('only remembers them while the scope is being chosen', () => {
		const scope = withRerunTags({...form, step: 'scope'}, {state: 'ready', value: 'team=ops'});
		expect(scope.settings.tags).toBe('');
		expect(scope.rerunTags).toEqual({state: 'ready', value: 'team=ops'});
	});

	it('says why when they could not be read', () => {
		const failed = withRerunTags(form, {state: 'error', error: 'AccessDeniedException'});
		expect(failed.settings.tags).toBe('');
		expect(failed.notes).toEqual(["The old run's tags could not be read, so Tags is left empty: AccessDeniedException"]);
	});
});

describe('re-run dialog tags', () => {
	it('pre-fills Tags from the port for a whole re-run', async () => {
		const port = formPort(undefined, async () => [{key: 'team', value: 'ops'}]);
		rendered = await renderModal(storeFor({details: [local]}), port, {kind: 'start', fromExecutionId: local.id});
		const ui = rendered;
		await ui.waitFor('InstanceId');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor(/Tags\s+team=ops/);
		expect(port.calls).toContain(`listExecutionTags ${local.id}`);
	});

	it('shows that the tags are being read until they arrive', async () => {
		let release = (): void => {};
		const port = formPort(
			undefined,
			async () =>
				new Promise(resolve => {
					release = () => resolve([{key: 'team', value: 'ops'}]);
				}),
		);
		rendered = await renderModal(storeFor({details: [local]}), port, {kind: 'start', fromExecutionId: local.id});
		const ui = rendered;
		await ui.waitFor('InstanceId');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor(/Tags\s+reading the old run’s tags…/);
		release();
		await ui.waitFor(/Tags\s+team=ops/);
	});

	it('keeps tags read before the scope is chosen for the narrowed form', async () => {
		const port = formPort(undefined, async () => [
			{key: 'team', value: 'ops'},
			{key: 'ticket', value: 'CHG-9'},
		]);
		rendered = await renderModal(storeFor({details: [rateControlled]}), port, {kind: 'start', fromExecutionId: rateControlled.id});
		const ui = rendered;
		await ui.waitFor('Re-run what?');
		await ui.focus('Only the 1 failed target');
		await ui.press('enter');
		await ui.waitFor('InstanceId*');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor(/Tags\s+team=ops, ticket=CHG-9/);
		await ui.focus('Review ›');
		await ui.press('enter');
		const review = await ui.waitFor('aws ssm start-automation-execution');
		expect(review).toContain(`--tags '[{"Key":"team","Value":"ops"},{"Key":"ticket","Value":"CHG-9"}]'`);
	});

	it('says so when the tags cannot be read, and the form still works', async () => {
		const port = formPort(undefined, async () => {
			throw new ActionError('Could not read the tags of execution x in us-east-1: AccessDeniedException — not allowed.', 'AccessDeniedException');
		});
		rendered = await renderModal(storeFor({details: [local]}), port, {kind: 'start', fromExecutionId: local.id});
		const ui = rendered;
		await ui.waitFor("The old run's tags could not be read, so Tags is left empty: Could not read the tags of execution x in us-east-1: AccessDeniedException");
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor('› Mode');
		expect(ui.frame()).toMatch(/│\s+Tags\s+│/);
	});
});
