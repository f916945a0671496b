/**
 * Issue 11, end to end: the built CLI in tmux watching an organisation of 3 accounts (the
 * management account and 2 members) × 2 Regions on the emulator, through
 * --assume-role OrganizationAccountAccessRole --accounts org. The ACCOUNT column names each
 * row's account, `account:` filters by it, one location failing alone (the emulator's
 * downLocations fault, over its control API) leaves the other five `ok`, and a cross-account
 * run's child is opened in its member account, its detail naming the parent.
 */
import {describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {generatedAccountId} from '../../source/emulator/identity/organization.js';
import {startTmux, tmuxAvailable} from '../helpers/tmux.js';
import {drillHooks, emptyHome} from '../drills/support.js';
import {cliLine, listRows} from './support.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const MEMBER_1 = generatedAccountId(1);
const MEMBER_2 = generatedAccountId(2);

let emulator: RunningEmulator | undefined;

drillHooks(async () => {
	await emulator?.close();
	emulator = undefined;
});

async function setFaults(faults: Record<string, unknown>): Promise<void> {
	const response = await fetch(`${emulator!.url}/_emulator/faults`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify(faults),
	});
	expect(response.status).toBe(200);
}

/** The ACCOUNT column's cell of a list row: the column starts where the header's ACCOUNT does. */
function accountCells(screen: string): string[] {
	const all = screen.split('\n');
	const header = all.find(line => /^STATUS\s+ID\s+/.test(line)) ?? '';
	const at = header.indexOf('ACCOUNT');
	if (at < 0) return [];
	return listRows(screen).map(row => row.slice(at).split(/\s+/)[0]!);
}

describe.skipIf(!tmuxAvailable())('an organisation of 3 accounts × 2 regions', () => {
	it('ACCOUNT column, account: filter, one location failing alone, a child opened in its member account', async () => {
		emulator = await startEmulator({seed: 'demo', ticker: false, organization: {accounts: 2, regions: REGIONS, runsPerLocation: 6}});
		const organization = emulator.control.organization()!;
		const names = new Map(organization.accounts.map(account => [account.id, account.name]));
		const member1 = names.get(MEMBER_1)!;
		const member2 = names.get(MEMBER_2)!;
		const management = names.get(emulator.homeAccount)!;
		const tmux = await startTmux({
			command: cliLine([
				'--endpoint-url',
				emulator.url,
				'--region',
				REGIONS.join(','),
				'--assume-role',
				'OrganizationAccountAccessRole',
				'--accounts',
				'org',
				'--notify',
				'off',
			]),
			columns: 140,
			rows: 36,
			env: {
				HOME: emptyHome(),
				AWS_ACCESS_KEY_ID: emulator.accessKeyFor(emulator.homeAccount),
				AWS_SECRET_ACCESS_KEY: 'not-a-secret',
				AWS_EC2_METADATA_DISABLED: 'true',
			},
		});

		// Six locations, all ok; rows from each of the three accounts, named in the ACCOUNT column.
		const list = await tmux.waitFor(screen => /6 locations: 6 ok\b/.test(screen) && listRows(screen).length >= 10, {timeoutMs: 30_000});
		expect(list).toMatch(/STATUS\s+ID\s+DOCUMENT\S*\s.*ACCOUNT\s+REGION/);
		const shown = new Set(accountCells(list));
		for (const name of [management, member1, member2]) expect([...shown].some(cell => name.startsWith(cell.replace(/…$/, '')))).toBe(true);

		// account: filters by name.
		await tmux.sendKeys('/');
		await tmux.waitFor(/Enter apply/);
		await tmux.type(`account:${member2}`);
		await tmux.sendKeys('Enter');
		const filtered = await tmux.waitFor(screen => screen.includes(`filter: account:${member2}`) && !/Enter apply/.test(screen) && listRows(screen).length > 0);
		const cells = accountCells(filtered);
		expect(cells.length).toBeGreaterThan(0);
		expect(cells.every(cell => member2.startsWith(cell.replace(/…$/, '')))).toBe(true);
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => !/filter: account:/.test(screen) && listRows(screen).length >= 10);

		// One location down (member 1 in us-east-1): it alone fails, the other five stay ok; lifted, it recovers.
		await setFaults({downLocations: [`${MEMBER_1}/us-east-1`]});
		await tmux.sendKeys('r');
		const failing = await tmux.waitFor(screen => /6 locations: 5 ok · 1 \w/.test(screen), {timeoutMs: 20_000});
		expect(failing).not.toMatch(/6 locations: [0-4] ok/);
		await setFaults({downLocations: []});
		await tmux.sendKeys('r');
		await tmux.waitFor(/6 locations: 6 ok\b/, {timeoutMs: 20_000});

		// The failed cross-account rollout → its grid (on its failed location, member 2 in eu-west-1) → that
		// location → Enter: the child's own detail, listed in member 2's eu-west-1, naming its parent.
		await tmux.sendKeys('/');
		await tmux.waitFor(/Enter apply/);
		await tmux.type('doc:Ops-ApplySecurityBaseline status:failed type:CrossAccount');
		await tmux.sendKeys('Enter');
		const parentRow = await tmux.waitFor(screen => /1 of \d+ shown/.test(screen) && listRows(screen).length === 1);
		const parentShort = /\s([0-9a-f]{8})\s/.exec(listRows(parentRow)[0]!)![1]!;
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/Enter: account × region grid/);
		await tmux.sendKeys('Enter');
		await tmux.waitFor(`${MEMBER_2} / eu-west-1: Failed`);
		await tmux.sendKeys('Enter');
		const location = await tmux.waitFor(screen => screen.includes(`${MEMBER_2} / eu-west-1`) && /child execution [0-9a-f-]{36}/.test(screen));
		const childId = /child execution ([0-9a-f-]{36})/.exec(location)![1]!;
		await tmux.sendKeys('Enter');
		// The location screen shows the child's id and steps too: the detail is the screen without its "Enter: its detail" hint.
		const child = await tmux.waitFor(screen => screen.includes(childId) && /STEP\s+ACTION\s+STATUS/.test(screen) && !screen.includes('Enter: its detail'));
		expect(child).toContain(`parent: ${parentShort} (${management})`);
		expect(child).toMatch(/Failed/);
		// u: back up to the parent.
		await tmux.sendKeys('u');
		// The parent's detail: its grid hint and no "parent:" line (the child's id may still show, as the failed step's output).
		await tmux.waitFor(screen => /Enter: account × region grid/.test(screen) && !screen.includes(`parent: ${parentShort}`) && screen.includes(parentShort));
		expect(await tmux.exitStatus()).toBeUndefined();
	}, 120_000);
});
