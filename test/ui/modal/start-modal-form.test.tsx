// The start dialog driven by keys: type-ahead runbook picker, parameters form
// with messages on leave and on Next, run settings, review with the CLI
// command, start, and the Esc confirmation.
import {afterEach, describe, expect, it} from 'vitest';
import {ActionError} from '../../../source/core/ports.js';
import {formPort} from './form-port.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';
import {throughToReview} from './start-form-steps.js';

let rendered: RenderedModal | undefined;

afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

/** Focus `field`, type `text`, Tab away, and wait for `message` beside it. */
async function fillAndLeave(ui: RenderedModal, field: string, text: string, message: string): Promise<string> {
	await ui.focus(field);
	await ui.type(text);
	await ui.press('tab');
	return ui.waitFor(message);
}

/** From the parameters step to the review, then Enter and y: the form starts the run. */
async function startFromParameters(ui: RenderedModal): Promise<void> {
	await throughToReview(ui);
	await ui.press('enter');
	await ui.confirm(/Start [\w-]+( \(version \S+\))? in account \d{12}, [a-z0-9-]+\?/);
}

/** Test-Runbook's InstanceId and Level filled, then {@link startFromParameters}. */
async function fillAndStart(ui: RenderedModal): Promise<void> {
	await ui.focus('InstanceId');
	await ui.type('i-0ab');
	await ui.focus('Level');
	await ui.press('right');
	await startFromParameters(ui);
}

async function openOnParameters(port = formPort()) {
	const store = storeFor();
	// newToken is not reachable through ModalHost; the token's shape is checked instead.
	rendered = await renderModal(store, port, {kind: 'start'});
	const ui = rendered;
	await ui.waitFor('Test-Runbook');
	await ui.focus('Runbook');
	await ui.type('test');
	await ui.waitFor(frame => frame.includes('› Test-Runbook') && !frame.includes('AWS-RestartEC2Instance'));
	await ui.press('enter');
	await ui.waitFor('InstanceId*');
	return {store, port, ui};
}

describe('start dialog: runbook and parameters', () => {
	it('filters runbooks as you type and reads the chosen one', async () => {
		const {port, ui} = await openOnParameters();
		expect(port.calls).toContain('getDocument Test-Runbook $DEFAULT');
		const frame = ui.frame();
		expect(frame).toContain('A runbook to exercise every field type');
		expect(frame).toMatch(/Count\s+3/);
		expect(frame).toMatch(/Names\s+a/);
		expect(frame).toMatch(/Force\s+false/);
		expect(frame).toContain('* required (no default)');
	});

	it('shows each message beside its field once the field is left, and all of them on Next', async () => {
		const {ui} = await openOnParameters();
		await ui.focus('InstanceId');
		await ui.type('x-1');
		expect(ui.frame()).not.toContain('allowedPattern');
		await ui.press('tab');
		await ui.waitFor("✗ Does not match the runbook's allowedPattern ^i-[0-9a-f]+$");

		await ui.focus('Count');
		await ui.press('backspace');
		await ui.type('3.5');
		await ui.press('tab');
		await ui.waitFor('✗ Must be a whole number, like 30.');

		await fillAndLeave(ui, 'Names', ', b, c', "✗ At most 2 values (the runbook's maxItems); this has 3.");
		expect(ui.frame()).not.toContain('Required: Level');

		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor('✗ Required: Level has no default, so it needs a value.');
		// Next stayed on the parameters and moved the focus to the first problem.
		expect(ui.frame()).toMatch(/› InstanceId\*\s+x-1/);

		await ui.press('backspace', 'backspace', 'backspace');
		await ui.type('i-0ab');
		await ui.focus('Count');
		await ui.press('backspace', 'backspace', 'backspace');
		await ui.type('5');
		await ui.focus('Names');
		await ui.press('ctrlU');
		await ui.type('x, y');
		await ui.focus('Level');
		await ui.press('enter');
		await ui.waitFor(/›\s+low/);
		await ui.press('down', 'enter');
		await ui.waitFor(/Level\*\s+high/);
		await ui.waitFor(frame => !frame.includes('✗'));
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor('› Mode');
	});
});

async function openOnSettings() {
	const opened = await openOnParameters();
	const {ui} = opened;
	await ui.focus('InstanceId');
	await ui.type('i-0ab');
	await ui.focus('Level');
	await ui.press('right');
	await ui.waitFor(/Level\*\s+low/);
	await ui.focus('Run settings ›');
	await ui.press('enter');
	await ui.waitFor('› Mode');
	return opened;
}

describe('start dialog: run settings', () => {
	it('explains rate control, location and tag mistakes beside their fields', async () => {
		const {ui} = await openOnSettings();
		await ui.focus('Targets');
		await ui.type('tag:Env=dev');
		await ui.focus('TargetMaps');
		await ui.type('[{"Count":"1"}]');
		await ui.press('tab');
		await ui.waitFor(frame => (frame.match(/✗ Use Targets or TargetMaps, not both\./g) ?? []).length === 2);
		await ui.press('shiftTab', 'ctrlU', 'tab');
		await ui.waitFor('✗ Targets need a TargetParameterName: the runbook parameter each target value goes into.');
		await fillAndLeave(ui, 'Target parameter', 'count', '✗ “count” is not a parameter of this runbook. Names are case-sensitive: did you mean Count?');
		await ui.press('shiftTab', 'ctrlU');
		await ui.type('Count');

		await fillAndLeave(ui, 'Max concurrency', '0', '✗ MaxConcurrency must be a count from 1 or a percentage from 1% to 100%, like 10 or 25% (got “0”).');
		await ui.type('101%');
		await ui.press('tab');
		await ui.waitFor('✗ MaxErrors must be a count from 0 or a percentage from 0% to 100%, like 0, 3 or 10% (got “101%”).');

		await ui.focus('Accounts & Regions');
		await ui.press('right');
		await ui.waitFor('#1 Accounts');
		await fillAndLeave(ui, '#1 Accounts', '123', '✗ “123” is not an account id (12 digits), OU id (ou-xxxx-xxxxxxxx) or root id (r-xxxx).');
		await ui.type('Europe');
		await ui.press('tab');
		await ui.waitFor('✗ “Europe” is not a Region name like eu-west-1.');

		await fillAndLeave(ui, 'Tags', 'a=1,b=1,c=1,d=1,e=1,f=1', '✗ At most 5 tags when starting an automation; this has 6.');

		await ui.focus('Review ›');
		await ui.press('enter');
		// Stays on the settings, focus on the first field with a message.
		await ui.waitFor(/› Max concurrency\s+0/);
	});

	it('uses a TargetLocationsURL and checks it', async () => {
		const {ui} = await openOnSettings();
		await ui.focus('Accounts & Regions');
		await ui.press('enter');
		await ui.waitFor('TargetLocationsURL (JSON in S3)');
		await ui.press('down', 'down', 'enter');
		await fillAndLeave(
			ui,
			'TargetLocations URL',
			'http://example.com/x',
			'✗ Must be an https URL of an object in S3, like https://bucket.s3.amazonaws.com/locations.json (a presigned URL works).',
		);
	});
});

describe('start dialog: review and start', () => {
	it('shows the exact request as a CLI command, starts once, selects the new run and closes', async () => {
		const {ui, port, store} = await openOnSettings();
		await ui.focus('Mode');
		await ui.press('right');
		await ui.waitFor(/Mode\s+Interactive/);
		await fillAndLeave(ui, 'Tags', "team=ops, note=it's", '✗ Tag value of note must be up to 256 letters');
		await ui.press('shiftTab', 'backspace', 'backspace', 'backspace', 'backspace');
		await ui.type('ok');
		await ui.focus('Review ›');
		await ui.press('enter');
		const review = await ui.waitFor('aws ssm start-automation-execution');
		expect(review).toContain('--region us-east-1');
		expect(review).toContain('--document-name Test-Runbook');
		expect(review).toContain(`--parameters '{"InstanceId":["i-0ab"],"Level":["low"]}'`);
		expect(review).toContain('--mode Interactive');
		expect(review).toContain(`--tags '[{"Key":"team","Value":"ops"},{"Key":"note","Value":"ok"}]'`);
		const token = /--client-token ([0-9a-f-]{36})/.exec(review)?.[1];
		expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

		await ui.type('c');
		await ui.waitFor('Copied the one-line command to the clipboard');
		const osc52 = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(ui.written());
		const copied = Buffer.from(osc52?.[1] ?? '', 'base64').toString('utf8');
		expect(copied).toMatch(/^aws ssm start-automation-execution --region us-east-1 --document-name Test-Runbook /);
		expect(copied).not.toContain('\n');
		expect(copied).toContain(`--client-token ${token}`);

		await ui.focus('Start the run');
		// Enter asks first (naming the runbook, the account and the Region); only y starts, and once.
		await ui.press('enter', 'enter');
		await ui.waitFor('Start Test-Runbook in account 123456789012, us-east-1? y: start it · n: back');
		// y twice in one read: the second arrives while the start is in flight and changes nothing.
		await ui.write('yy');
		await ui.waitFor(frame => frame.trim() === '');
		expect(port.starts).toHaveLength(1);
		expect(port.starts[0]).toMatchObject({
			documentName: 'Test-Runbook',
			mode: 'Interactive',
			clientToken: token,
			parameters: {InstanceId: ['i-0ab'], Level: ['low']},
		});
		expect(store.getState().selectedId).toBe('abcdef01-0000-4000-8000-000000000001');
		expect(store.getState().modal).toEqual({kind: 'none'});
		expect(store.getState().flash).toContain('Started Test-Runbook');
	});

	it('shows a service refusal in the form, keeps everything typed and reuses the token', async () => {
		let attempts = 0;
		const port = formPort(async () => {
			attempts += 1;
			if (attempts === 1)
				throw new ActionError(
					'Could not start Test-Runbook in us-east-1: AutomationExecutionLimitExceededException — too many automations are running or queued in this account and Region; try again later.',
					'AutomationExecutionLimitExceededException',
				);
			return {executionId: 'abcdef01-0000-4000-8000-000000000002'};
		});
		const {ui, store} = await openOnParameters(port);
		await fillAndStart(ui);
		await ui.waitFor('AutomationExecutionLimitExceededException — too many automations');
		expect(store.getState().modal.kind).toBe('start');
		await ui.focus('‹ Back');
		await ui.press('enter');
		await ui.waitFor('› Mode');
		await ui.focus('‹ Back');
		await ui.press('enter');
		await ui.waitFor(/InstanceId\*\s+i-0ab/);
		await startFromParameters(ui);
		await ui.waitFor(frame => frame.trim() === '');
		expect(port.starts).toHaveLength(2);
		expect(port.starts[1]!.clientToken).toBe(port.starts[0]!.clientToken);
	});
});

describe('start dialog: a spent token', () => {
	it('after IdempotentParameterMismatch the next submit carries a new token', async () => {
		let attempts = 0;
		const port = formPort(async () => {
			attempts += 1;
			if (attempts === 1)
				throw new ActionError(
					'Could not start Test-Runbook in us-east-1: IdempotentParameterMismatch — this form already started a run with different values; check the list before starting another.',
					'IdempotentParameterMismatch',
				);
			return {executionId: 'abcdef01-0000-4000-8000-000000000003'};
		});
		const {ui} = await openOnParameters(port);
		await fillAndStart(ui);
		await ui.waitFor('IdempotentParameterMismatch — this form already started a run');
		await ui.press('enter');
		await ui.confirm('Start Test-Runbook in account 123456789012, us-east-1?');
		await ui.waitFor(frame => frame.trim() === '');
		expect(port.starts).toHaveLength(2);
		expect(port.starts[1]!.clientToken).not.toBe(port.starts[0]!.clientToken);
	});
});

describe('start dialog: cancel', () => {
	it('closes at once when nothing was typed', async () => {
		const store = storeFor();
		rendered = await renderModal(store, formPort(), {kind: 'start'});
		await rendered.waitFor('Test-Runbook');
		await rendered.press('escape');
		await rendered.waitFor(frame => frame.trim() === '');
		expect(store.getState().modal.kind).toBe('none');
	});

	it('asks before discarding what was typed', async () => {
		const {ui, store} = await openOnParameters();
		await ui.focus('InstanceId');
		await ui.type('i-1');
		await ui.press('escape');
		await ui.waitFor('Discard this form? y: discard · n: keep editing');
		await ui.press('escape');
		await ui.waitFor(frame => !frame.includes('Discard this form?'));
		expect(ui.frame()).toMatch(/InstanceId\*\s+i-1/);
		await ui.press('escape');
		await ui.waitFor('Discard this form?');
		await ui.type('y');
		await ui.waitFor(frame => frame.trim() === '');
		expect(store.getState().modal.kind).toBe('none');
	});
});

describe('start dialog: catalogue', () => {
	it('lists by owner, and shows why the catalogue or a runbook cannot be read', async () => {
		const owners: Array<string | undefined> = [];
		const base = formPort();
		const port = {
			...base,
			async listDocuments(region: string, options?: {owner?: string}) {
				owners.push(options?.owner);
				if (options?.owner === 'Private') throw new ActionError('Could not list runbooks in us-east-1: AccessDeniedException.', 'AccessDeniedException');
				return base.listDocuments(region, options);
			},
			async getDocument(): Promise<never> {
				throw new ActionError('Could not read runbook Test-Runbook in us-east-1: InvalidDocument — the document does not exist.', 'InvalidDocument');
			},
		};
		rendered = await renderModal(storeFor(), port, {kind: 'start'});
		const ui = rendered;
		await ui.waitFor('Test-Runbook');
		await ui.focus('Owner');
		await ui.press('right');
		await ui.waitFor(/Owner\s+owned by this account/);
		await ui.waitFor(() => owners.includes('Self'));
		await ui.press('right', 'right');
		await ui.waitFor(/Owner\s+owned by or shared with this account/);
		await ui.waitFor('Could not list runbooks in us-east-1: AccessDeniedException.');
		await ui.press('left');
		await ui.waitFor(/Owner\s+Amazon/);
		await ui.focus('Runbook');
		await ui.waitFor('Test-Runbook');
		await ui.type('Test');
		await ui.press('enter');
		await ui.waitFor('InvalidDocument — the document does not exist.');
		expect(owners).toEqual([undefined, 'Self', 'Amazon', 'Private', 'Amazon']);
	});

	it('picks the Region when several are watched', async () => {
		const regions: string[] = [];
		const base = formPort();
		const port = {
			...base,
			async listDocuments(region: string, options?: {owner?: string}) {
				regions.push(region);
				return base.listDocuments(region, options);
			},
		};
		const store = storeFor({context: {regions: ['us-east-1', 'eu-west-1']}});
		rendered = await renderModal(store, port, {kind: 'start'});
		const ui = rendered;
		await ui.waitFor('Test-Runbook');
		await ui.focus('Region');
		await ui.press('right');
		await ui.waitFor('Start a run  eu-west-1');
		await ui.waitFor(() => regions.includes('eu-west-1'));
	});
});
