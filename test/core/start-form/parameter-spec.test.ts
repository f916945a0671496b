import {describe, expect, it} from 'vitest';
import {parseRunbookParameters} from '../../../source/core/start-form/parameter-spec.js';

const yaml = `
description: Restart instances
schemaVersion: '0.3'
parameters:
  InstanceId:
    type: String
    description: The instance
    allowedPattern: ^i-[a-z0-9]+$
  Count:
    type: Integer
    default: 3
  Force:
    type: Boolean
    default: false
  Names:
    type: StringList
    minItems: 1
    maxItems: 3
    allowedValues: [a, b, c]
  Mapping:
    type: StringMap
    default: {}
  Devices:
    type: MapList
  Role:
    type: AWS::IAM::Role::Arn
    default: ''
    maxChars: 20
  Ids:
    type: List<AWS::EC2::Instance::Id>
mainSteps: []
`;

describe('parseRunbookParameters', () => {
	it('reads types, defaults, rules and required-ness from YAML in declaration order', () => {
		const result = parseRunbookParameters(yaml);
		if (!result.ok) throw new Error(result.error);
		expect(result.value.description).toBe('Restart instances');
		const byName = Object.fromEntries(result.value.parameters.map(spec => [spec.name, spec]));
		expect(result.value.parameters.map(spec => spec.name)).toEqual(['InstanceId', 'Count', 'Force', 'Names', 'Mapping', 'Devices', 'Role', 'Ids']);
		expect(byName['InstanceId']).toMatchObject({type: 'String', required: true, allowedPattern: '^i-[a-z0-9]+$', description: 'The instance'});
		expect(byName['Count']).toMatchObject({type: 'Integer', required: false, default: 3});
		expect(byName['Force']).toMatchObject({type: 'Boolean', default: false, hasDefault: true});
		expect(byName['Names']).toMatchObject({type: 'StringList', minItems: 1, maxItems: 3, allowedValues: ['a', 'b', 'c'], required: true});
		expect(byName['Mapping']).toMatchObject({type: 'StringMap', default: {}});
		expect(byName['Devices']).toMatchObject({type: 'MapList', required: true});
		expect(byName['Role']).toMatchObject({type: 'String', declaredType: 'AWS::IAM::Role::Arn', maxChars: 20, required: false});
		expect(byName['Ids']).toMatchObject({type: 'StringList', declaredType: 'List<AWS::EC2::Instance::Id>'});
	});

	it('reads JSON content too', () => {
		const result = parseRunbookParameters(JSON.stringify({schemaVersion: '0.3', parameters: {A: {type: 'String', default: 'x'}}}));
		expect(result.ok && result.value.parameters[0]).toMatchObject({name: 'A', default: 'x', required: false});
	});

	it('treats a runbook without parameters as having none', () => {
		const result = parseRunbookParameters('schemaVersion: "0.3"\nmainSteps: []\n');
		expect(result).toEqual({ok: true, value: {parameters: []}});
	});

	it('explains content that cannot be read', () => {
		const broken = parseRunbookParameters('parameters: [unclosed');
		expect(broken.ok).toBe(false);
		expect(!broken.ok && broken.error).toMatch(/not valid YAML or JSON/);
		expect(parseRunbookParameters('just text')).toEqual({ok: false, error: 'The runbook content is not a YAML/JSON mapping.'});
		expect(parseRunbookParameters('parameters: [a, b]')).toEqual({ok: false, error: 'The runbook\'s "parameters" section is not a mapping.'});
		expect(parseRunbookParameters('parameters:\n  A: 3\n')).toMatchObject({ok: false, error: expect.stringMatching(/Parameter A is not a mapping/)});
	});
});
