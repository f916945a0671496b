// The `?` help: a plain read-only note, and the dialogs' keys, all from the keymap.
import {afterEach, describe, expect, it} from 'vitest';
import {DIALOG_SCOPES, KEYMAP, formatKeys} from '../../../source/ui/keymap.js';
import {closingLine, DIALOGS_LEFT_OUT, dialogSection, helpLines, helpSections, READ_ONLY_NOTE} from '../../../source/ui/overlays/help-overlay.js';
import {executions, localContext, storeWith} from '../fixtures.js';
import {renderApp, type RenderedApp} from '../helpers.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const rows = executions(5);
const dialogOnly = KEYMAP.filter(binding => binding.scopes.every(scope => DIALOG_SCOPES.includes(scope)));

describe('help sections', () => {
	it('list every dialog binding once, under "dialogs", after the screen, everywhere and help', () => {
		const sections = helpSections('list', false);
		expect(sections.map(section => section.scope)).toEqual(['list', 'global', 'help', 'modal']);
		const dialogs = sections.at(-1)!.bindings.map(binding => binding.command);
		expect(dialogs).toEqual(dialogOnly.map(binding => binding.command));
		expect(dialogs).toEqual(expect.arrayContaining(['modal.close', 'list.up', 'choice.next', 'text.clear', 'form.copy', 'confirm.yes', 'confirm.no']));
		// Ctrl-C is listed once, under "everywhere".
		expect(dialogs).not.toContain('quit.force');
		expect(sections.find(section => section.scope === 'global')!.bindings.map(binding => binding.command)).toContain('quit.force');
	});

	it('leave the dialogs out in read-only mode, where none of them acts', () => {
		expect(dialogSection(true)).toBeUndefined();
		expect(helpSections('detail', true).map(section => section.scope)).toEqual(['detail', 'global', 'help']);
	});

	it('keep the dialogs when the columns stay readable, and point elsewhere when they would not', () => {
		const roomy = helpLines('list', false, {columns: 160, height: 40});
		expect(roomy.dialogsLeftOut).toBe(false);
		expect(roomy.lines).toContainEqual({heading: 'dialogs'});
		expect(roomy.lines).toContainEqual({keys: formatKeys(KEYMAP.find(binding => binding.command === 'text.home')!), help: 'Text: to the start'});

		const small = helpLines('list', false, {columns: 80, height: 14});
		expect(small.dialogsLeftOut).toBe(true);
		expect(small.lines).not.toContainEqual({heading: 'dialogs'});
		expect(small.lines).toContainEqual({keys: '?', help: 'Show this help'});
	});

	it('name the close and quit keys as the keymap binds them', () => {
		expect(closingLine()).toBe('Esc, ? or q closes this help. Ctrl-C quits from anywhere.');
	});
});

describe('help overlay', () => {
	it('says plainly, at the top, that --read-only hides the action keys, and lists none of them', async () => {
		const store = storeWith({rows, context: {...localContext, readOnly: true}, viewport: {columns: 120, rows: 40}});
		app = await renderApp(store);
		await app.type('?');
		const frame = await app.waitFor('Keys · list screen');
		const lines = frame.split('\n');
		const title = lines.findIndex(line => line.includes('Keys · list screen'));
		expect(lines[title + 1]).toContain(READ_ONLY_NOTE);
		for (const hidden of ['Start a new run', 'Stop or cancel', 'Re-run this execution', 'Approve, reject', 'dialogs']) expect(frame).not.toContain(hidden);
	});

	it('keeps its title and the read-only note on one line each at 80×24', async () => {
		const store = storeWith({rows, context: {...localContext, readOnly: true}, viewport: {columns: 80, rows: 24}});
		app = await renderApp(store);
		await app.type('?');
		const frame = await app.waitFor('Keys · list screen');
		expect(frame).toContain(READ_ONLY_NOTE);
		expect(frame.split('\n').length).toBeLessThanOrEqual(23);
	});

	it('has no read-only note without --read-only, and a dialogs section with the dialog keys', async () => {
		app = await renderApp(storeWith({rows, viewport: {columns: 160, rows: 50}}));
		await app.type('?');
		const frame = await app.waitFor('Keys · list screen');
		expect(frame).not.toContain('Read-only');
		expect(frame).toContain('dialogs');
		for (const help of ['y/n question: yes', 'Text: clear the field', 'Choice: next value', 'Review: copy the AWS CLI command']) expect(frame).toContain(help);
		expect(frame).not.toContain(DIALOGS_LEFT_OUT);
	});

	it('in an 80×24 window keeps the screen keys readable and says where the dialog keys are', async () => {
		app = await renderApp(storeWith({rows, viewport: {columns: 80, rows: 24}}));
		await app.type('?');
		const frame = await app.waitFor('Keys · list screen');
		expect(frame).toContain('Show this help');
		expect(frame).toContain(DIALOGS_LEFT_OUT);
	});
});
