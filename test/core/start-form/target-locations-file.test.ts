import {describe, expect, it} from 'vitest';
import {parseTargetLocationsFile} from '../../../source/core/start-form/target-locations-file.js';

describe('parseTargetLocationsFile', () => {
	it('reads the CLI list form with every field', () => {
		const text = JSON.stringify([
			{
				Accounts: ['111122223333'],
				Regions: ['eu-west-1'],
				TargetLocationMaxConcurrency: '2',
				TargetLocationMaxErrors: 1,
				ExecutionRoleName: 'Exec',
				ExcludeAccounts: ['444455556666'],
				IncludeChildOrganizationUnits: true,
				Targets: [{Key: 'tag:Env', Values: ['prod']}],
				TargetsMaxConcurrency: '10%',
				TargetsMaxErrors: '0',
				TargetLocationAlarmConfiguration: {Alarms: [{Name: 'cpu'}], IgnorePollAlarmFailure: true},
			},
		]);
		expect(parseTargetLocationsFile(text)).toEqual({
			ok: true,
			value: [
				{
					accounts: ['111122223333'],
					regions: ['eu-west-1'],
					targetLocationMaxConcurrency: '2',
					targetLocationMaxErrors: '1',
					executionRoleName: 'Exec',
					excludeAccounts: ['444455556666'],
					includeChildOrganizationUnits: true,
					targets: [{key: 'tag:Env', values: ['prod']}],
					targetsMaxConcurrency: '10%',
					targetsMaxErrors: '0',
					alarmNames: ['cpu'],
					ignorePollAlarmFailure: true,
				},
			],
		});
	});

	it('reads a --cli-input-json style object', () => {
		expect(parseTargetLocationsFile('{"DocumentName":"X","TargetLocations":[{"Accounts":["1"],"Regions":["r"]}]}')).toEqual({
			ok: true,
			value: [{accounts: ['1'], regions: ['r']}],
		});
	});

	const errors: Array<[string, string, RegExp | string]> = [
		['empty', '  ', 'The file is empty.'],
		['bad JSON with position', '[\n  {"Accounts": [1,}\n]', /^The file is not valid JSON \(line 2, column \d+: /],
		['not a list', '{"a":1}', 'Expected a JSON list of locations, like [{"Accounts": ["111122223333"], "Regions": ["eu-west-1"]}].'],
		['no locations', '[]', 'The file lists no locations.'],
		['not an object', '[3]', 'Location 1 is not an object with Accounts and Regions.'],
		['unknown field', '[{"Accounts":["1"],"Regions":["r"],"Acounts":[]}]', /^Location 1: unknown field “Acounts” \(expected Accounts, Regions,/],
		['no accounts', '[{"Regions":["r"]}]', 'Location 1 has no Accounts.'],
		['no regions', '[{"Accounts":["1"]}]', 'Location 1 has no Regions.'],
		['accounts not strings', '[{"Accounts":[1],"Regions":["r"]}]', 'Location 1: Accounts must be a list of strings, like ["111122223333"].'],
		['string field wrong', '[{"Accounts":["1"],"Regions":["r"],"ExecutionRoleName":[]}]', 'Location 1: ExecutionRoleName must be a string, like "10%".'],
		['targets wrong', '[{"Accounts":["1"],"Regions":["r"],"Targets":[{"Values":[]}]}]', 'Location 1: target 1 needs a "Key" string.'],
		[
			'boolean wrong',
			'[{"Accounts":["1"],"Regions":["r"],"IncludeChildOrganizationUnits":"yes"}]',
			'Location 1: IncludeChildOrganizationUnits must be true or false.',
		],
		[
			'alarm wrong',
			'[{"Accounts":["1"],"Regions":["r"],"TargetLocationAlarmConfiguration":{}}]',
			'Location 1: TargetLocationAlarmConfiguration needs "Alarms": [{"Name": …}].',
		],
	];
	for (const [title, text, expected] of errors)
		it(`explains: ${title}`, () => {
			const result = parseTargetLocationsFile(text);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.error).toMatch(expected);
		});
});
