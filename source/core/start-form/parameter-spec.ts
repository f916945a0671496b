/**
 * Runbook parameter metadata, read from GetDocument's Content (YAML or JSON;
 * JSON is YAML 1.2, so one parser reads both). DescribeDocument carries only
 * name/type/description/default, which is why the form reads the content.
 */
import {parse} from 'yaml';

export type ParameterType = 'String' | 'StringList' | 'Integer' | 'Boolean' | 'MapList' | 'StringMap';

export interface ParameterSpec {
	readonly name: string;
	/** How the form treats the value. */
	readonly type: ParameterType;
	/** The type as the runbook wrote it (e.g. AWS::EC2::Instance::Id), for display. */
	readonly declaredType: string;
	readonly description?: string;
	/** The default as written in the runbook (string, number, boolean, list or map). */
	readonly default?: unknown;
	readonly hasDefault: boolean;
	/** Required ⇔ no default (SSM's rule). */
	readonly required: boolean;
	readonly allowedValues?: readonly string[];
	readonly allowedPattern?: string;
	readonly minItems?: number;
	readonly maxItems?: number;
	readonly maxChars?: number;
	readonly displayType?: string;
}

export interface RunbookMetadata {
	readonly description?: string;
	readonly parameters: readonly ParameterSpec[];
}

export type ParseResult<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

const KNOWN: readonly ParameterType[] = ['String', 'StringList', 'Integer', 'Boolean', 'MapList', 'StringMap'];

/** AWS::EC2::Instance::Id-style types are strings; List<…> ones are string lists. */
function formType(declared: string): ParameterType {
	if ((KNOWN as readonly string[]).includes(declared)) return declared as ParameterType;
	return declared.startsWith('List<') ? 'StringList' : 'String';
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

function specFrom(name: string, raw: unknown): ParseResult<ParameterSpec> {
	if (!isRecord(raw)) return {ok: false, error: `Parameter ${name} is not a mapping of type, description, default…`};
	const declaredType = typeof raw['type'] === 'string' ? raw['type'] : 'String';
	const hasDefault = Object.hasOwn(raw, 'default');
	const allowed = raw['allowedValues'];
	return {
		ok: true,
		value: {
			name,
			type: formType(declaredType),
			declaredType,
			...(typeof raw['description'] === 'string' ? {description: raw['description']} : {}),
			...(hasDefault ? {default: raw['default']} : {}),
			hasDefault,
			required: !hasDefault,
			...(Array.isArray(allowed) ? {allowedValues: allowed.map(String)} : {}),
			...(typeof raw['allowedPattern'] === 'string' ? {allowedPattern: raw['allowedPattern']} : {}),
			...(optionalNumber(raw['minItems']) === undefined ? {} : {minItems: optionalNumber(raw['minItems'])!}),
			...(optionalNumber(raw['maxItems']) === undefined ? {} : {maxItems: optionalNumber(raw['maxItems'])!}),
			...(optionalNumber(raw['maxChars']) === undefined ? {} : {maxChars: optionalNumber(raw['maxChars'])!}),
			...(typeof raw['displayType'] === 'string' ? {displayType: raw['displayType']} : {}),
		},
	};
}

/** Parse a runbook's content into its parameter metadata, in the order the runbook declares them. */
export function parseRunbookParameters(content: string): ParseResult<RunbookMetadata> {
	let document: unknown;
	try {
		document = parse(content);
	} catch (error) {
		return {ok: false, error: `The runbook content is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`};
	}
	if (!isRecord(document)) return {ok: false, error: 'The runbook content is not a YAML/JSON mapping.'};
	const parameters = document['parameters'] ?? {};
	if (!isRecord(parameters)) return {ok: false, error: 'The runbook\'s "parameters" section is not a mapping.'};
	const specs: ParameterSpec[] = [];
	for (const [name, raw] of Object.entries(parameters)) {
		const spec = specFrom(name, raw);
		if (!spec.ok) return spec;
		specs.push(spec.value);
	}
	return {
		ok: true,
		value: {...(typeof document['description'] === 'string' ? {description: document['description']} : {}), parameters: specs},
	};
}
