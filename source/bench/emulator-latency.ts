// Latency of one DescribeAutomationExecutions page (50 items) over a 10,000-execution store,
// through the real SDK and real HTTP on loopback.
// Run: npm run build && node dist/bench/emulator-latency.js [--pages 300] [--executions 10000] [--json]
import {parseArgs} from 'node:util';
import {pathToFileURL} from 'node:url';
import {DescribeAutomationExecutionsCommand, SSMClient} from '@aws-sdk/client-ssm';
import {startEmulator} from '../emulator/index.js';
import {type Summary, summarize} from './stats.js';

export interface EmulatorLatencyOptions {
	readonly executions?: number;
	readonly pages?: number;
	readonly pageSize?: number;
}

export interface EmulatorLatencyResult {
	readonly executions: number;
	readonly pageSize: number;
	readonly seedMs: number;
	readonly pageMs: Summary;
}

export async function measureEmulatorLatency(options: EmulatorLatencyOptions = {}): Promise<EmulatorLatencyResult> {
	const executions = options.executions ?? 10_000;
	const pages = options.pages ?? 300;
	const pageSize = options.pageSize ?? 50;
	const seedStarted = performance.now();
	const emulator = await startEmulator({seed: 'none', extraExecutions: executions, ticker: false});
	const seedMs = performance.now() - seedStarted;
	const client = new SSMClient({
		region: 'us-east-1',
		endpoint: emulator.url,
		maxAttempts: 1,
		credentials: {accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'bench'},
	});
	try {
		const stored = emulator.control.counts().executions;
		if (stored < executions) {
			throw new Error(`expected ${executions} executions in the store, found ${stored}`);
		}

		const samples: number[] = [];
		let token: string | undefined;
		// Warm up the connection and the SDK's lazy paths before measuring.
		for (let index = 0; index < 20; index++) {
			await client.send(new DescribeAutomationExecutionsCommand({MaxResults: pageSize}));
		}

		for (let index = 0; index < pages; index++) {
			const started = performance.now();
			const page = await client.send(new DescribeAutomationExecutionsCommand({MaxResults: pageSize, NextToken: token}));
			samples.push(performance.now() - started);
			if (page.AutomationExecutionMetadataList?.length !== pageSize && page.NextToken) {
				throw new Error('a page came back short');
			}

			// Walk deeper into the list, wrapping to the first page at the end.
			token = page.NextToken;
		}

		return {executions: stored, pageSize, seedMs, pageMs: summarize(samples)};
	} finally {
		client.destroy();
		await emulator.close();
	}
}

async function main(): Promise<void> {
	const {values} = parseArgs({options: {pages: {type: 'string'}, executions: {type: 'string'}, json: {type: 'boolean'}}});
	const result = await measureEmulatorLatency({
		pages: values.pages ? Number(values.pages) : undefined,
		executions: values.executions ? Number(values.executions) : undefined,
	});
	if (values.json) {
		console.log(JSON.stringify(result));
		return;
	}

	const ms = (value: number) => `${value.toFixed(2)} ms`;
	console.log(`DescribeAutomationExecutions, ${result.pageSize} items per page, ${result.executions} executions in the store`);
	console.log(`  pages timed: ${result.pageMs.count}`);
	console.log(`  median: ${ms(result.pageMs.p50)}   p95: ${ms(result.pageMs.p95)}   max: ${ms(result.pageMs.max)}`);
	console.log(`  (seeding the store took ${ms(result.seedMs)})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
