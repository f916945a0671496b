// Data from the service is shown, never obeyed (issue 9, item 10): every string an execution
// carries holds an OSC title change, an SGR colour and a one-byte C1 CSI, and the frames Ink
// writes must carry none of them, only their visible forms and the app's own styling.
import {join} from 'node:path';
import {ESLint} from 'eslint';
import {afterEach, describe, expect, it} from 'vitest';
import type {ExecutionDetail, StepExecution} from '../../source/core/types.js';
import type {AppStore} from '../../source/store/app-store.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, executionId, NOW, storeWith} from './fixtures.js';

const TITLE = '\u001B]2;pwned\u0007';
const RED = '\u001B[41m';
const C1_CSI = '\u009B31m';
/** `label` followed by the three payloads. */
const hostile = (label: string): string => `${label}${TITLE}${RED}${C1_CSI}`;
/** What `hostile(label)` must look like on screen. */
const shown = (label: string): string => `${label}␛]2;pwned␇␛[41m\\u009b31m`;

function hostileStep(label: string, overrides: Partial<StepExecution> = {}): StepExecution {
	return {
		stepName: hostile(label),
		action: hostile(`${label}act`),
		status: 'Success',
		startTime: NOW - 120_000,
		endTime: NOW - 110_000,
		onFailure: hostile('onfail'),
		maxAttempts: 1,
		inputs: {[hostile('in')]: JSON.stringify(hostile('inval'))},
		outputs: {[hostile('out')]: [hostile('outval')]},
		response: hostile('resp'),
		responseCode: hostile('code'),
		...overrides,
	};
}

/** Strings everywhere an execution has them: list row, summary, both detail panes. */
const failed: ExecutionDetail = {
	...execution(1, {
		status: 'Failed',
		documentName: hostile('doc'),
		documentVersion: hostile('ver'),
		executedBy: hostile('by'),
		currentStepName: hostile('cur'),
		currentAction: hostile('curact'),
		failureMessage: hostile('why'),
		mode: hostile('mode'),
	}),
	parameters: {[hostile('pname')]: [hostile('pval')]},
	outputs: {[hostile('oname')]: [hostile('oval')]},
	targetParameterName: hostile('tparam'),
	targets: [{key: hostile('tkey'), values: [hostile('tval')]}],
	maxConcurrency: hostile('conc'),
	maxErrors: hostile('errs'),
	targetLocations: [{accounts: [hostile('acct')], regions: [hostile('reg')]}],
	tags: [{key: hostile('tagkey'), value: hostile('tagval')}],
	steps: [
		hostileStep('first'),
		hostileStep('broken', {
			status: 'Failed',
			failureMessage: hostile('stepwhy'),
			failureDetails: {failureStage: hostile('stage'), failureType: hostile('ftype'), details: {[hostile('dkey')]: [hostile('dval')]}},
		}),
	],
};

const CHILD = executionId(900);
/** A cross-account run whose accounts, regions and step names are hostile: grid and location. */
const crossAccount: ExecutionDetail = {
	...execution(2, {status: 'InProgress', automationType: 'CrossAccount', documentName: hostile('org'), endTime: undefined}),
	steps: [
		hostileStep('loc', {
			action: 'aws:executeAutomation',
			status: 'Failed',
			targetLocation: {accounts: [hostile('acct')], regions: [hostile('reg')]},
			outputs: {AutomationExecutionId: [CHILD]},
			failureMessage: hostile('locwhy'),
		}),
	],
};

/** Waiting at an approval whose step name is hostile: the signal and stop dialogs list it. */
const waiting: ExecutionDetail = {
	...execution(3, {status: 'Waiting', documentName: hostile('wait'), endTime: undefined}),
	steps: [hostileStep('approve', {action: 'aws:approve', status: 'Waiting', endTime: undefined})],
};

function hostileStore(): AppStore {
	const store = storeWith({rows: [failed, crossAccount, waiting], details: [failed, crossAccount, waiting]});
	store.setState({
		childSteps: {[CHILD]: [hostileStep('child', {status: 'Failed', failureMessage: hostile('childwhy')})]},
		banner: {level: 'error', message: hostile('banner'), at: NOW},
		regions: {
			'us-east-1': {
				region: 'us-east-1',
				lastError: {kind: 'server', message: hostile('regionerr'), at: NOW},
				throttled: false,
				calls: 1,
				inFlight: false,
				truncated: false,
			},
		},
	});
	return store;
}

// The app's own styling with colour off: bold, dim, italic, underline, inverse, strike, and their resets.
const OWN_SGR = new Set(['0', '1', '2', '3', '4', '7', '9', '22', '23', '24', '27', '29', '39', '49']);
const SGR = /\u001B\[([0-9;]*)m/g;

/** What is left of the raw output once the app's own SGR sequences are taken out. */
function foreignControls(frames: readonly string[]): string[] {
	const text = frames
		.join('')
		.replaceAll(SGR, (sequence, parameters: string) => (parameters.split(';').every(parameter => OWN_SGR.has(parameter || '0')) ? '' : sequence));
	// Ink draws with line feeds only; anything else below U+0020, DEL or C1 came from the data.
	return [...text.matchAll(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g)].map(
		match => `${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20))}`,
	);
}

/** The start of a label's visible form: what a list column of its width shows. */
const listed = (label: string): string => shown(label).slice(0, 18);

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('hostile data from the service', () => {
	it('shows control characters on every screen and dialog instead of sending them to the terminal', async () => {
		app = await renderApp(hostileStore());
		// The list: document name, mode, current step, executed by; the banner and the region's error.
		// The list fits each cell after making it visible, so the long visible form is cut to its column.
		await app.waitFor(listed('doc'));
		expect(app.frame()).toContain(shown('banner'));

		// Detail, steps pane: the failed step is selected; its failure, inputs, outputs and response.
		await app.press('enter');
		let frame = await app.waitFor(`Step 2/2 ${shown('broken')}`);
		for (const label of ['why', 'stepwhy', 'stage', 'ftype', 'dval']) expect(frame).toContain(shown(label));
		await app.press('up');
		frame = await app.waitFor(`Step 1/2 ${shown('first')}`);
		for (const label of ['inval', 'outval', 'resp']) expect(frame).toContain(shown(label));

		// Detail, info pane: parameters, outputs, targets, rate control, locations, tags.
		await app.press('tab');
		frame = await app.waitFor('Parameters, outputs, targets');
		for (const label of ['pval', 'oval', 'tparam', 'tval', 'conc', 'tagval']) expect(frame).toContain(shown(label));
		// Names sit in a narrower column, cut with an ellipsis.
		expect(frame).toContain(shown('pname').slice(0, 20));
		await app.press('escape');
		await app.waitFor(listed('doc'));

		// Grid and location of the cross-account run.
		await app.press('down', 'enter');
		await app.waitFor(shown('org'));
		await app.press('enter');
		frame = await app.waitFor('accounts ×');
		expect(frame).toContain(`${shown('acct')} / ${shown('reg')}: Failed`);
		await app.press('enter');
		frame = await app.waitFor(shown('childwhy'));
		for (const label of ['locwhy', 'child', 'org']) expect(frame).toContain(shown(label));
		await app.press('escape', 'escape', 'escape');
		await app.waitFor(listed('doc'));

		// The stop and signal dialogs of the waiting run, and a refusal quoting the service.
		await app.press('down');
		await app.type('x');
		frame = await app.waitFor('Stop execution');
		expect(frame).toContain(shown('wait'));
		await app.press('enter');
		await app.waitFor(`(${shown('wait')}) in account`);
		await app.press('escape', 'escape');
		await app.waitFor(text => !text.includes('Stop execution'));
		Object.assign(app.port, {sendSignal: () => Promise.reject(new Error(hostile('refused')))});
		await app.type('a');
		frame = await app.waitFor('Signal execution');
		expect(frame).toContain(`Approve ${shown('approve')}`);
		await app.press('enter', 'enter');
		await app.waitFor(`Send Approve to execution`);
		await app.type('y');
		await app.waitFor(shown('refused'));

		expect(foreignControls(app.frames())).toEqual([]);
		expect(app.frames().join('')).not.toContain('pwned\u0007');
	});

	it('keeps a one-line cell on one line when the data holds line breaks, nested Text included', async () => {
		const twoLines: ExecutionDetail = {
			...execution(1, {status: 'Failed', documentName: 'first\nsecond', failureMessage: 'boom\r\nline two'}),
			steps: [],
		};
		app = await renderApp(storeWith({rows: [twoLines], details: [twoLines]}));
		let frame = await app.waitFor('first⏎second');
		expect(frame).not.toMatch(/^second/m);
		await app.press('enter');
		// The summary's document name is a nested Text inside a truncated line.
		frame = await app.waitFor('✗ boom⏎line two');
		expect(frame).toMatch(/00000001-0000-4000-8000-000000000000 {2}first⏎second:1/);
		expect(frame).not.toMatch(/^(second|line two)/m);
	});

	it("is enforced: a view that imports Ink's Text or ink-table does not lint", async () => {
		const root = join(import.meta.dirname, '..', '..');
		const eslint = new ESLint({cwd: root});
		const lint = async (file: string, code: string) =>
			((await eslint.lintText(code, {filePath: join(root, file)}))[0]?.messages ?? []).map(message => `${message.ruleId}: ${message.message}`);
		expect(await lint('source/ui/detail/probe.tsx', "export {Text} from 'ink';")).toEqual([
			expect.stringMatching(/no-restricted-imports.*source\/ui\/text\.tsx/),
		]);
		expect(await lint('source/ui/modal/probe.tsx', "export {Box, Text as T} from 'ink';")).toEqual([expect.stringMatching(/no-restricted-imports/)]);
		expect(await lint('source/ui/grid/probe.tsx', "export {Table} from '@alcalzone/ink-table';")).toEqual([
			expect.stringMatching(/no-restricted-imports.*visibleText/),
		]);
		expect(await lint('source/ui/probe.tsx', "export {Box, useInput} from 'ink';\nexport {Text} from './text.js';")).toEqual([]);
		// The rule keeps the folder's other restrictions.
		expect(await lint('source/ui/probe.tsx', "export * from 'node:fs';")).toEqual([expect.stringMatching(/No I\/O in source\/ui/)]);
	});
});
