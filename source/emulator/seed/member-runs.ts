import {HOME_ACCOUNT} from '../accounts.js';
import type {Engine} from '../engine/engine.js';
import {fleetFor} from '../engine/inventory.js';
import type {LocationSeeder} from '../engine/timeline.js';
import type {Organization} from '../identity/organization.js';
import {Prng, hashString} from '../prng.js';
import type {Catalogue} from '../runbooks/catalogue.js';
import {effectiveParameters} from '../runbooks/parameters.js';
import {HISTORY_MS} from './demo.js';
import {randomRun} from './run-templates.js';

const MINUTE = 60_000;

/** What member accounts run on their own: patching and remediation. */
const MEMBER_RUNBOOKS = [
	'Ops-PatchFleetWithApproval',
	'Ops-RestartServiceWithRollback',
	'AWS-RestartEC2Instance',
	'AWS-StartEC2Instance',
	'Ops-RotateInstanceLogs',
	'AWS-CreateImage',
] as const;

/**
 * A member account's own runs in one Region, replayed over the past 14 days: `count` runs
 * (the last ones may still be going), and in a prod account's first Region a patch run
 * waiting for an approver since 20 minutes ago. Deterministic per (account, Region).
 */
export function seedMemberLocation(
	engine: Engine,
	catalogue: Catalogue,
	account: string,
	region: string,
	count: number,
	options: {waitingPatch: boolean},
): void {
	const prng = new Prng(`member/${account}/${region}`);
	const origin = engine.origin;
	const salt = hashString(`${account}/${region}`);
	// Spread over the history, the newest within the last half hour so some are live.
	const times = Array.from({length: count}, (_, index) =>
		index === count - 1 ? origin - prng.int(1, 30) * MINUTE : origin - HISTORY_MS + prng.next() * (HISTORY_MS - 2 * 60 * MINUTE),
	).sort((a, b) => a - b);
	for (const [index, time] of times.entries()) {
		const run = randomRun(prng, catalogue, account, region, salt + index, MEMBER_RUNBOOKS);
		engine.scheduler.schedule(time, () => {
			const execution = engine.start({...run.spec, account, region});
			if (run.cancelAfterMs !== undefined) {
				engine.at(run.cancelAfterMs, () => {
					if (execution.status === 'InProgress' || execution.status === 'Waiting' || execution.status === 'Pending') {
						engine.cancel(execution);
					}
				});
			}
		});
	}

	if (options.waitingPatch) {
		const runbook = catalogue.find('Ops-PatchFleetWithApproval')!;
		const instances = fleetFor(account, region)
			.filter(instance => instance.tags['Environment'] === 'prod')
			.slice(0, 2)
			.map(instance => instance.id);
		engine.scheduler.schedule(origin - 20 * MINUTE, () =>
			engine.start({
				account,
				region,
				runbook,
				documentVersion: String(runbook.defaultVersion),
				parameters: effectiveParameters(runbook, {
					InstanceIds: instances,
					Approvers: [`arn:aws:iam::${HOME_ACCOUNT}:user/alice`, `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`],
				}),
				salt: salt + count,
			}),
		);
	}
}

/**
 * The seeder for a location of the organisation: active members other than the home account,
 * in the organisation's Regions, when it gives them runs (none for the home account, whose runs
 * are the main seed's).
 */
export function memberSeeder(
	org: Organization | undefined,
	catalogue: Catalogue,
	demoSeed: boolean,
): (account: string, region: string) => LocationSeeder | undefined {
	return (account, region) => {
		const member = org?.byId.get(account);
		if (!org || !member || member.status !== 'ACTIVE' || account === HOME_ACCOUNT) {
			return undefined;
		}

		if (org.runsPerLocation === 0 || (org.runsNeedDemoSeed && !demoSeed) || !org.regions.includes(region)) {
			return undefined;
		}

		const waitingPatch = member.name.startsWith('prod') && region === org.regions[0];
		return engine => seedMemberLocation(engine, catalogue, account, region, org.runsPerLocation, {waitingPatch});
	};
}
