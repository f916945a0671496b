import {describe, expect, it} from 'vitest';
import type {ParameterSpec} from '../../../source/core/start-form/parameter-spec.js';
import {defaultText, textFromWire, wireFromText} from '../../../source/core/start-form/parameter-text.js';
import {validateParameter, validateParameterSet} from '../../../source/core/start-form/parameter-validation.js';

function spec(partial: Partial<ParameterSpec> & Pick<ParameterSpec, 'type'>): ParameterSpec {
	return {name: 'P', declaredType: partial.type, hasDefault: false, required: true, ...partial};
}

describe('parameter text ⇄ wire', () => {
	it('sends each type as SSM wants it: a list of strings', () => {
		expect(wireFromText(spec({type: 'String'}), 'hello, world')).toEqual({ok: true, value: ['hello, world']});
		expect(wireFromText(spec({type: 'StringList'}), 'a, b ,c')).toEqual({ok: true, value: ['a', 'b', 'c']});
		expect(wireFromText(spec({type: 'StringList'}), '["a,1", "b"]')).toEqual({ok: true, value: ['a,1', 'b']});
		expect(wireFromText(spec({type: 'Integer'}), ' 42 ')).toEqual({ok: true, value: ['42']});
		expect(wireFromText(spec({type: 'Boolean'}), 'TRUE')).toEqual({ok: true, value: ['true']});
		expect(wireFromText(spec({type: 'StringMap'}), '{"a": "b"}')).toEqual({ok: true, value: ['{"a":"b"}']});
		expect(wireFromText(spec({type: 'MapList'}), '[{"a":1},{"b":2}]')).toEqual({ok: true, value: ['{"a":1}', '{"b":2}']});
		expect(wireFromText(spec({type: 'String'}), '  ')).toEqual({ok: true, value: []});
	});

	it('turns wire values and defaults back into text the parser reads the same way', () => {
		const list = spec({type: 'StringList'});
		expect(textFromWire(list, ['a', 'b'])).toBe('a, b');
		expect(textFromWire(list, ['a,1', 'b'])).toBe('["a,1","b"]');
		expect(wireFromText(list, textFromWire(list, ['a,1', 'b']))).toEqual({ok: true, value: ['a,1', 'b']});
		const maps = spec({type: 'MapList'});
		expect(wireFromText(maps, textFromWire(maps, ['{"a":1}']))).toEqual({ok: true, value: ['{"a":1}']});
		expect(defaultText(spec({type: 'Integer', hasDefault: true, default: 30}))).toBe('30');
		expect(defaultText(spec({type: 'StringList', hasDefault: true, default: ['x', 'y']}))).toBe('x, y');
		expect(defaultText(spec({type: 'StringMap', hasDefault: true, default: {k: 'v'}}))).toBe('{"k":"v"}');
		expect(defaultText(spec({type: 'Boolean', hasDefault: true, default: true}))).toBe('true');
	});
});

describe('validateParameter messages', () => {
	const cases: Array<[string, ParameterSpec, string, string | undefined]> = [
		['required', spec({type: 'String', name: 'InstanceId'}), '', 'Required: InstanceId has no default, so it needs a value.'],
		['optional empty', spec({type: 'String', required: false, hasDefault: true}), '', undefined],
		['integer', spec({type: 'Integer'}), '3.5', 'Must be a whole number, like 30.'],
		['boolean', spec({type: 'Boolean'}), 'yes', 'Must be true or false.'],
		['string map', spec({type: 'StringMap'}), '[1]', 'Must be a JSON object, like {"Key": "Value"}.'],
		['map list', spec({type: 'MapList'}), '{"a":1}', 'Must be a JSON list of objects, like [{"Key": "Value"}].'],
		['bad json list', spec({type: 'StringList'}), '[a', 'Starts with [ but is not a JSON list, like ["a", "b"].'],
		['non-string list item', spec({type: 'StringList'}), '[1]', 'Every item of the JSON list must be a string in quotes.'],
		['too many values', spec({type: 'StringList'}), Array.from({length: 51}, (_, i) => `v${i}`).join(','), "At most 50 values (SSM's limit); this has 51."],
		['minItems', spec({type: 'StringList', minItems: 2}), 'a', "At least 2 values (the runbook's minItems); this has 1."],
		['maxItems', spec({type: 'StringList', maxItems: 1}), 'a,b', "At most 1 value (the runbook's maxItems); this has 2."],
		['value too long', spec({type: 'String'}), 'x'.repeat(513), 'The value is 513 characters; SSM allows at most 512.'],
		['list value too long', spec({type: 'StringList'}), `a,${'x'.repeat(600)}`, 'Value 2 is 600 characters; SSM allows at most 512.'],
		['maxChars', spec({type: 'String', maxChars: 3}), 'abcd', 'The value is 4 characters; the runbook allows at most 3 (maxChars).'],
		['allowedValues', spec({type: 'String', allowedValues: ['a', 'b']}), 'c', 'Must be one of: a, b.'],
		['allowedValues in a list', spec({type: 'StringList', allowedValues: ['a', 'b']}), 'a, z', '“z” is not allowed. Must be one of: a, b.'],
		['allowedPattern', spec({type: 'String', allowedPattern: '^i-[0-9a-f]+$'}), 'x-1', "Does not match the runbook's allowedPattern ^i-[0-9a-f]+$"],
		['allowedPattern list', spec({type: 'StringList', allowedPattern: '^i-'}), 'i-1, x', "“x” does not match the runbook's allowedPattern ^i-"],
		['valid', spec({type: 'String', allowedPattern: '^i-[0-9a-f]+$', maxChars: 10}), 'i-0abc', undefined],
		['java-only pattern is left to the service', spec({type: 'String', allowedPattern: '(?<!x'}), 'anything', undefined],
		['counts characters, not UTF-16 units', spec({type: 'String', maxChars: 2}), '😀😀', undefined],
	];
	for (const [title, parameter, text, expected] of cases)
		it(title, () => {
			expect(validateParameter(parameter, text)).toBe(expected);
		});

	it('checks the set against SSM limits on count and key length', () => {
		expect(validateParameterSet(Array.from({length: 201}, (_, i) => `p${i}`))).toBe("At most 200 parameters can be sent (SSM's limit); this has 201.");
		expect(validateParameterSet(['x'.repeat(51)])).toMatch(/must be 1 to 50 characters long/);
		expect(validateParameterSet(['ok'])).toBeUndefined();
	});
});
