import {describe, expect, it} from 'vitest';
import {buildStartRequest, type StartFormDraft} from '../../../source/core/start-form/build-request.js';
import {renderCliCommand, shellQuote} from '../../../source/core/start-form/cli-command.js';
import {parseRunbookParameters, type ParameterSpec} from '../../../source/core/start-form/parameter-spec.js';
import {emptyLocationDraft, emptyRunSettings} from '../../../source/core/start-form/run-settings.js';
import {apiStartInput} from '../../../source/core/start-form/api-shape.js';

const token = '0f8fad5b-d9cb-469f-a165-70867728950e';
const parsed = parseRunbookParameters(`
parameters:
  InstanceId: {type: String}
  Count: {type: Integer, default: 3}
  Note: {type: String, default: ''}
`);
const specs: readonly ParameterSpec[] = parsed.ok ? parsed.value.parameters : [];

function draft(partial: Partial<StartFormDraft> = {}): StartFormDraft {
	return {region: 'eu-west-1', documentName: 'AWS-RestartEC2Instance', documentVersion: '', parameterTexts: {}, settings: emptyRunSettings, ...partial};
}

describe('buildStartRequest', () => {
	it('sends only the parameters that differ from the runbook defaults', () => {
		const result = buildStartRequest(draft({parameterTexts: {InstanceId: "i-1'x", Count: '3', Note: 'it is ok'}}), specs, token);
		expect(result).toEqual({
			ok: true,
			request: {region: 'eu-west-1', documentName: 'AWS-RestartEC2Instance', parameters: {InstanceId: ["i-1'x"], Note: ['it is ok']}, clientToken: token},
		});
	});

	it('collects every problem keyed by field', () => {
		const result = buildStartRequest(
			draft({documentName: 'x', documentVersion: 'v2', parameterTexts: {Count: 'many'}, settings: {...emptyRunSettings, maxErrors: 'lots'}}),
			specs,
			'not-a-uuid',
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual({
			documentName: 'A runbook name is 3 to 128 letters, digits and _-.:/ (or its ARN).',
			documentVersion: 'The version is $DEFAULT, $LATEST or a number from 1.',
			'param.InstanceId': 'Required: InstanceId has no default, so it needs a value.',
			'param.Count': 'Must be a whole number, like 30.',
			clientToken: 'The client token must be a UUID.',
			maxErrors: 'MaxErrors must be a count from 0 or a percentage from 0% to 100%, like 0, 3 or 10% (got “lots”).',
		});
		expect(buildStartRequest(draft({documentName: ''}), [], token)).toEqual({ok: false, errors: {documentName: 'Choose a runbook.'}});
	});
});

describe('renderCliCommand', () => {
	it('quotes for the shell so the command can be pasted as is', () => {
		expect(shellQuote('plain-word_1.2:/x')).toBe('plain-word_1.2:/x');
		expect(shellQuote("it's")).toBe(`'it'\\''s'`);
		expect(shellQuote('$HOME')).toBe("'$HOME'");
		expect(shellQuote('')).toBe("''");
	});

	it('renders every option of a full request, with JSON for structures', () => {
		const result = buildStartRequest(
			draft({
				documentVersion: '$LATEST',
				parameterTexts: {InstanceId: "i-1'x"},
				settings: {
					...emptyRunSettings,
					mode: 'Interactive',
					targetParameterName: 'InstanceId',
					targets: 'tag:Env=dev',
					maxConcurrency: '10%',
					maxErrors: '1',
					locationsSource: 'form',
					targetLocations: [{...emptyLocationDraft, accounts: '111122223333', regions: 'eu-west-1', executionRoleName: 'Exec'}],
					tags: 'Team=ops',
					alarmName: 'cpu high',
				},
			}),
			specs,
			token,
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const command = renderCliCommand(result.request);
		expect(command).toBe(
			[
				'aws ssm start-automation-execution --region eu-west-1 --document-name AWS-RestartEC2Instance',
				"--document-version '$LATEST'",
				`--parameters '{"InstanceId":["i-1'\\''x"]}'`,
				'--mode Interactive --target-parameter-name InstanceId',
				`--targets '[{"Key":"tag:Env","Values":["dev"]}]'`,
				'--max-concurrency 10% --max-errors 1',
				`--target-locations '[{"Accounts":["111122223333"],"Regions":["eu-west-1"],"ExecutionRoleName":"Exec"}]'`,
				`--tags '[{"Key":"Team","Value":"ops"}]'`,
				`--alarm-configuration '{"Alarms":[{"Name":"cpu high"}],"IgnorePollAlarmFailure":false}'`,
				`--client-token ${token}`,
			].join(' '),
		);
		const multiline = renderCliCommand(result.request, {multiline: true}).split('\n');
		expect(multiline[0]).toBe('aws ssm start-automation-execution \\');
		expect(multiline[1]).toBe('  --region eu-west-1 \\');
		expect(multiline.at(-1)).toBe(`  --client-token ${token}`);
		expect(apiStartInput(result.request)).toMatchObject({DocumentVersion: '$LATEST', TargetParameterName: 'InstanceId', ClientToken: token});
	});

	it('renders TargetMaps and a TargetLocationsURL', () => {
		const result = buildStartRequest(
			draft({
				parameterTexts: {InstanceId: 'i-9'},
				settings: {...emptyRunSettings, targetMaps: '[{"Count":"5"}]', locationsSource: 'url', targetLocationsURL: 'https://b.s3.amazonaws.com/l.json'},
			}),
			specs,
			token,
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(renderCliCommand(result.request)).toContain(`--target-maps '[{"Count":["5"]}]' --target-locations-url https://b.s3.amazonaws.com/l.json`);
	});
});

describe('parameters filled per target', () => {
	it('needs no value for the target parameter or TargetMaps keys, but still sends nothing for them', async () => {
		const {perTargetParameters} = await import('../../../source/core/start-form/build-request.js');
		const settings = {...emptyRunSettings, targetParameterName: 'InstanceId', targets: 'tag:Env=dev'};
		expect(perTargetParameters(settings)).toEqual(['InstanceId']);
		expect(perTargetParameters({...emptyRunSettings, targetParameterName: 'InstanceId'})).toEqual([]);
		expect(perTargetParameters({...emptyRunSettings, targetMaps: '[{"InstanceId":"i-1","Count":"2"}]'})).toEqual(['InstanceId', 'Count']);
		expect(
			perTargetParameters({
				...emptyRunSettings,
				targetParameterName: 'InstanceId',
				locationsSource: 'form',
				targetLocations: [{...emptyLocationDraft, accounts: '111122223333', regions: 'eu-west-1', targets: 'tag:a=b'}],
			}),
		).toEqual(['InstanceId']);
		const result = buildStartRequest(draft({settings}), specs, token);
		expect(result).toEqual({
			ok: true,
			request: {
				region: 'eu-west-1',
				documentName: 'AWS-RestartEC2Instance',
				targetParameterName: 'InstanceId',
				targets: [{key: 'tag:Env', values: ['dev']}],
				clientToken: token,
			},
		});
	});
});
