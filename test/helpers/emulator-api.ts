/**
 * The emulator on a loopback port with a manual clock at a fixed instant, and the
 * real AWS facade (SDK over HTTP) pointed at it: what the integration tests of
 * aws/, poller/ and the action dialogs start once per file.
 */
import {createAwsApi, localModeOptions, type AwsApi} from '../../source/aws/index.js';
import {createManualClock, startEmulator, type RunningEmulator, type SeedName} from '../../source/emulator/index.js';

export interface EmulatorApi {
	readonly emulator: RunningEmulator;
	readonly api: AwsApi;
}

export async function startEmulatorApi(seed: SeedName, regions: readonly string[]): Promise<EmulatorApi> {
	const emulator = await startEmulator({seed, clock: createManualClock(Date.UTC(2026, 10, 25, 12, 0, 0))});
	return {emulator, api: createAwsApi(localModeOptions(emulator, regions))};
}

/** Safe after a failed start: either may be missing. */
export async function stopEmulatorApi(emulator: RunningEmulator | undefined, api: AwsApi | undefined): Promise<void> {
	api?.destroy();
	await emulator?.close();
}

/** Distinct, well-formed ClientTokens, numbered from 1 under `prefix` (8 hex digits), so each file's starts stay apart. */
export function clientTokens(prefix: string): () => string {
	let count = 0;
	return () => {
		count += 1;
		return `${prefix}-0000-4000-8000-${count.toString(16).padStart(12, '0')}`;
	};
}
