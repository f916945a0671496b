// Relative times and running durations follow the injected clock.
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {actionTarget} from '../../source/ui/input/run-command.js';
import {crossAccountDetail, execution, executions, NOW, storeWith} from './fixtures.js';

describe('live clock', () => {
	it('counts a running execution’s duration up as the clock moves', async () => {
		const store = storeWith({rows: [execution(0, {status: 'InProgress', endTime: undefined, startTime: NOW - 90_000})]});
		let now = NOW;
		const instance = render(<App store={store} clock={{now: () => now, tickMs: 5}} theme={{color: false, ascii: false}} />);
		await expect.poll(() => instance.lastFrame() ?? '').toMatch(/1m30s/);
		now += 65_000;
		await expect.poll(() => instance.lastFrame() ?? '').toMatch(/2m35s/);
		instance.unmount();
	});
});

describe('actionTarget', () => {
	it('is the selected row on the list and the open execution elsewhere', () => {
		const detail = crossAccountDetail(7);
		const store = storeWith({rows: [...executions(3), detail], details: [detail]});
		expect(actionTarget(store.getState())).toBe(executions(1)[0]!.id);
		store.getState().actions.screenOpened('grid', detail.id);
		expect(actionTarget(store.getState())).toBe(detail.id);
		expect(actionTarget(storeWith().getState())).toBeUndefined();
	});
});
