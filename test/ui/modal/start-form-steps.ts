/**
 * The start form's usual walk, keyed as a user would, for the tests that are about what the
 * form does with it (where the run starts, what a retry sends), not about the walk itself.
 */
import type {RenderedModal} from './harness.js';

/** Chooses AWS-RestartEC2Instance by typing a filter into the runbook list, and fills its required InstanceId. */
export async function chooseRestartInstance(ui: RenderedModal, instanceId: string): Promise<void> {
	await ui.waitFor('AWS-RestartEC2Instance');
	await ui.focus('Runbook');
	await ui.type('AWS-Restart');
	await ui.waitFor('› AWS-RestartEC2Instance');
	await ui.press('enter');
	await ui.waitFor('InstanceId*');
	await ui.focus('InstanceId');
	await ui.type(instanceId);
}

/** From the parameters through Run settings to the review; returns the review, with “Start the run” focused (Enter starts). */
export async function throughToReview(ui: RenderedModal): Promise<string> {
	await ui.focus('Run settings ›');
	await ui.press('enter');
	await ui.waitFor('› Mode');
	await ui.focus('Review ›');
	await ui.press('enter');
	const review = await ui.waitFor('aws ssm start-automation-execution');
	await ui.focus('Start the run');
	return review;
}
