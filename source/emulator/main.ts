#!/usr/bin/env node
import {parseEmulatorArgs, usage} from './cli-args.js';
import {startEmulator} from './index.js';

async function main(): Promise<void> {
	const options = parseEmulatorArgs(process.argv.slice(2));
	if (options === 'help') {
		console.log(usage);
		return;
	}

	const emulator = await startEmulator(options);
	console.log(emulator.url);
	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};

	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`emulator: ${(error as Error).message}`);
	process.exit(1);
});
