import type {IncomingMessage, ServerResponse} from 'node:http';
import {type EmulatorState, isSeedName} from './control.js';
import type {FaultConfig} from './faults.js';
import type {Organization, OrganizationOption} from './identity/organization.js';
import type {RoleSpec} from './identity/roles.js';
import {readBody} from './wire/read-body.js';

function reply(response: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)});
	response.end(text);
}

/** Bounds of what the control API accepts, so no request can stall or exhaust the emulator. */
export const CONTROL_LIMITS = {
	/** One advance or jump of the clock: 30 days. */
	maxAdvanceMs: 30 * 24 * 3_600_000,
	maxExtraExecutions: 200_000,
} as const;

class BadRequest extends Error {}

/** A JSON number within [min, max] (strings such as "Infinity" are not numbers). */
function bounded(value: unknown, name: string, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
		throw new BadRequest(`${name} must be a number from ${min} to ${max}`);
	}
	return value;
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
	// A browser's "simple" request (text/plain, form) needs no preflight: only JSON is accepted.
	const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') throw new BadRequest('the control API takes Content-Type: application/json');
	const text = await readBody(request);
	if (text === undefined) throw new BadRequest('the request body is too large');
	if (text.trim() === '') {
		return {};
	}

	const parsed: unknown = JSON.parse(text);
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new TypeError('expected a JSON object');
	}

	return parsed as Record<string, unknown>;
}

function organizationSummary(org: Organization | undefined): Record<string, unknown> | null {
	if (!org) {
		return null;
	}

	return {
		id: org.id,
		managementAccount: org.managementAccount,
		delegatedAdministrators: [...org.delegatedAdministrators],
		regions: org.regions,
		runsPerLocation: org.runsPerLocation,
		accounts: org.accounts.map(account => ({id: account.id, name: account.name, status: account.status})),
	};
}

/**
 * The control API (plain JSON, not the SSM protocol), for tests and demos:
 *   GET  /_emulator/counts
 *   GET  /_emulator/clock                   → {now}
 *   POST /_emulator/clock/advance {ms}      → {now}
 *   POST /_emulator/clock {time}            → {now}       (epoch ms; never backwards)
 *   POST /_emulator/alarms {name, state}    (state OK | ALARM)
 *   GET  /_emulator/faults / POST /_emulator/faults {throttleRate?, serverErrorRate?, latencyMs?, downRegions?, downLocations?, expiredAccessKeys?, sqs?}
 *        (sqs: {throttleRate?, lossRate?, duplicateRate?, reorderRate?, unreachableQueues?, deniedQueues?}, see sqs/sqs-faults.ts)
 *   POST /_emulator/location-outcomes {account, region, outcome}  (Success | Failed | TimedOut)
 *   POST /_emulator/reset {seed?, extraExecutions?, organization?}
 *                                           (organization: demo | none | {accounts, regions?, runsPerLocation?, home?})
 *   GET  /_emulator/organization            → {organization: {id, managementAccount, delegatedAdministrators, regions, accounts} | null}
 *   GET  /_emulator/users / POST /_emulator/users {account, userName}   → access keys of IAM users
 *   GET  /_emulator/roles / POST /_emulator/roles {account, roleName, path?, trustedAccounts?, externalId?, maxSessionDuration?}
 */
export async function handleControl(request: IncomingMessage, response: ServerResponse, state: EmulatorState, path: string): Promise<void> {
	const route = `${request.method ?? 'GET'} ${path.replace(/\/+$/, '')}`;
	try {
		switch (route) {
			case 'GET /_emulator/counts':
				reply(response, 200, state.counts());
				return;
			case 'GET /_emulator/clock':
				reply(response, 200, {now: state.now()});
				return;
			case 'POST /_emulator/clock/advance': {
				const {ms} = await jsonBody(request);
				await state.advanceGradually(bounded(ms, 'ms', 0, CONTROL_LIMITS.maxAdvanceMs));
				reply(response, 200, {now: state.now()});
				return;
			}

			case 'POST /_emulator/clock': {
				const {time} = await jsonBody(request);
				const now = state.now();
				const target = bounded(time, 'time', 0, now + CONTROL_LIMITS.maxAdvanceMs);
				// Never backwards; forwards as an advance, in steps.
				await state.advanceGradually(Math.max(0, target - now));
				reply(response, 200, {now: state.now()});
				return;
			}

			case 'POST /_emulator/alarms': {
				const {name, state: alarmState} = await jsonBody(request);
				if (typeof name !== 'string' || name === '' || name.length > 255) {
					throw new TypeError('name is required (at most 255 characters)');
				}

				state.setAlarm(name, alarmState as 'OK' | 'ALARM');
				reply(response, 200, {name, state: alarmState});
				return;
			}

			case 'GET /_emulator/faults':
				reply(response, 200, state.faults());
				return;
			case 'POST /_emulator/faults':
				reply(response, 200, state.setFaults((await jsonBody(request)) as Partial<FaultConfig>));
				return;
			case 'POST /_emulator/location-outcomes': {
				const {account, region, outcome} = await jsonBody(request);
				if (typeof account !== 'string' || typeof region !== 'string' || !['Success', 'Failed', 'TimedOut'].includes(String(outcome))) {
					throw new TypeError('account, region and outcome (Success | Failed | TimedOut) are required');
				}

				state.setLocationOutcome(account, region, outcome as 'Success' | 'Failed' | 'TimedOut');
				reply(response, 200, {account, region, outcome});
				return;
			}

			case 'POST /_emulator/reset': {
				const {seed, extraExecutions, organization} = await jsonBody(request);
				const seedName = seed ?? 'demo';
				if (!isSeedName(seedName)) {
					throw new TypeError('seed must be demo or none');
				}

				const extra = extraExecutions === undefined ? undefined : bounded(extraExecutions, 'extraExecutions', 0, CONTROL_LIMITS.maxExtraExecutions);
				if (extra !== undefined && !Number.isInteger(extra)) throw new BadRequest('extraExecutions must be a whole number');
				state.reset(seedName, {extraExecutions: extra, organization: organization as OrganizationOption | undefined});
				reply(response, 200, state.counts());
				return;
			}

			case 'GET /_emulator/organization':
				reply(response, 200, {organization: organizationSummary(state.organization())});
				return;
			case 'GET /_emulator/users':
				reply(response, 200, {users: state.users()});
				return;
			case 'POST /_emulator/users': {
				const {account, userName} = await jsonBody(request);
				if (typeof account !== 'string' || typeof userName !== 'string') throw new BadRequest('account and userName are required strings');
				reply(response, 200, state.addUser(account, userName));
				return;
			}

			case 'GET /_emulator/roles':
				reply(response, 200, {roles: state.roles()});
				return;
			case 'POST /_emulator/roles':
				reply(response, 200, state.addRole((await jsonBody(request)) as unknown as RoleSpec));
				return;

			default:
				reply(response, 404, {error: `no control route ${route}`});
		}
	} catch (error) {
		reply(response, 400, {error: (error as Error).message});
	}
}
