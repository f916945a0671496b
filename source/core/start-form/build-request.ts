/**
 * The whole form → a StartRequest, or every problem keyed by field:
 * 'documentName', 'documentVersion', 'param.<Name>', and the run-settings keys.
 */
import type {StartRequest} from '../ports.js';
import {CLIENT_TOKEN_PATTERN, DOCUMENT_NAME_PATTERN, DOCUMENT_VERSION_PATTERN} from './limits.js';
import type {ParameterSpec} from './parameter-spec.js';
import {defaultText, wireFromText} from './parameter-text.js';
import {validateParameter, validateParameterSet} from './parameter-validation.js';
import type {RunSettingsDraft} from './run-settings.js';
import {resolveRunSettings, type FieldErrors} from './settings-validation.js';
import {parseTargetMapsText} from './settings-text.js';

export interface StartFormDraft {
	readonly region: string;
	readonly documentName: string;
	/** '' means the default version. */
	readonly documentVersion: string;
	/** Field text per parameter name. */
	readonly parameterTexts: Readonly<Record<string, string>>;
	readonly settings: RunSettingsDraft;
}

export type BuildResult = {readonly ok: true; readonly request: StartRequest} | {readonly ok: false; readonly errors: FieldErrors};

export function parameterFieldKey(name: string): string {
	return `param.${name}`;
}

export function documentErrors(draft: Pick<StartFormDraft, 'documentName' | 'documentVersion'>): FieldErrors {
	const errors: FieldErrors = {};
	if (draft.documentName === '') errors['documentName'] = 'Choose a runbook.';
	else if (!DOCUMENT_NAME_PATTERN.test(draft.documentName)) errors['documentName'] = 'A runbook name is 3 to 128 letters, digits and _-.:/ (or its ARN).';
	if (draft.documentVersion !== '' && !DOCUMENT_VERSION_PATTERN.test(draft.documentVersion))
		errors['documentVersion'] = 'The version is $DEFAULT, $LATEST or a number from 1.';
	return errors;
}

/**
 * Parameters that rate control fills per child: the TargetParameterName when
 * there are Targets (here or in a location), and the keys of TargetMaps. A
 * required one of these needs no value in the form.
 */
export function perTargetParameters(settings: RunSettingsDraft): string[] {
	const names: string[] = [];
	const name = settings.targetParameterName.trim();
	const locationTargets = settings.locationsSource === 'form' && settings.targetLocations.some(location => location.targets.trim() !== '');
	if (name !== '' && (settings.targets.trim() !== '' || locationTargets)) names.push(name);
	if (settings.targetMaps.trim() !== '') {
		const maps = parseTargetMapsText(settings.targetMaps);
		if (maps.ok) names.push(...maps.value.flatMap(map => Object.keys(map)));
	}
	return [...new Set(names)];
}

/**
 * Errors of the parameters form, keyed 'param.<Name>' ('parameters' for the set
 * as a whole). `filledPerTarget` names are not required (see perTargetParameters).
 */
export function parameterErrors(
	specs: readonly ParameterSpec[],
	texts: Readonly<Record<string, string>>,
	filledPerTarget: readonly string[] = [],
): FieldErrors {
	const errors: FieldErrors = {};
	for (const spec of specs) {
		const text = texts[spec.name] ?? defaultText(spec);
		if (filledPerTarget.includes(spec.name) && text.trim() === '') continue;
		const error = validateParameter(spec, text);
		if (error !== undefined) errors[parameterFieldKey(spec.name)] = error;
	}
	const setError = validateParameterSet(specs.map(spec => spec.name));
	if (setError !== undefined) errors['parameters'] = setError;
	return errors;
}

/**
 * Parameters left at the runbook's default are not sent (the service applies
 * it), so the request and its CLI command show only what was chosen.
 */
export function parameterMap(specs: readonly ParameterSpec[], texts: Readonly<Record<string, string>>): Record<string, string[]> {
	const parameters: Record<string, string[]> = {};
	for (const spec of specs) {
		const text = texts[spec.name];
		if (text === undefined || (spec.hasDefault && text === defaultText(spec))) continue;
		const wire = wireFromText(spec, text);
		if (wire.ok && wire.value.length > 0) parameters[spec.name] = wire.value;
	}
	return parameters;
}

export function buildStartRequest(draft: StartFormDraft, specs: readonly ParameterSpec[], clientToken: string): BuildResult {
	const errors: FieldErrors = {...documentErrors(draft), ...parameterErrors(specs, draft.parameterTexts, perTargetParameters(draft.settings))};
	if (!CLIENT_TOKEN_PATTERN.test(clientToken)) errors['clientToken'] = 'The client token must be a UUID.';
	const settings = resolveRunSettings(
		draft.settings,
		specs.map(spec => spec.name),
	);
	if (!settings.ok) Object.assign(errors, settings.errors);
	if (Object.keys(errors).length > 0 || !settings.ok) return {ok: false, errors};
	const parameters = parameterMap(specs, draft.parameterTexts);
	return {
		ok: true,
		request: {
			region: draft.region,
			documentName: draft.documentName,
			...(draft.documentVersion ? {documentVersion: draft.documentVersion} : {}),
			...(Object.keys(parameters).length > 0 ? {parameters} : {}),
			...settings.value,
			clientToken,
		},
	};
}
