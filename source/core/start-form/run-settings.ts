/**
 * The run settings as the form holds them: text as typed, so nothing typed is
 * ever lost to a parse. validateRunSettings/buildStartRequest turn it into a
 * StartRequest. Text syntaxes (chosen to match what people type on the CLI):
 *   targets  "tag:Env=dev,prod; ParameterValues=i-1"  (key=values; key=values)
 *   lists    "111122223333, 444455556666"             (commas or spaces)
 *   tags     "Team=ops, Ticket=CHG-1"                 (tag values can't contain commas)
 *   targetMaps: a JSON list of {name: [values]} objects.
 */
export type LocationsSource = 'none' | 'form' | 'url';

export interface TargetLocationDraft {
	readonly accounts: string;
	readonly regions: string;
	readonly targetLocationMaxConcurrency: string;
	readonly targetLocationMaxErrors: string;
	readonly executionRoleName: string;
	readonly excludeAccounts: string;
	readonly includeChildOrganizationUnits: boolean;
	readonly targets: string;
	readonly targetsMaxConcurrency: string;
	readonly targetsMaxErrors: string;
	readonly alarmName: string;
	readonly ignorePollAlarmFailure: boolean;
}

export interface RunSettingsDraft {
	readonly mode: 'Auto' | 'Interactive';
	readonly targetParameterName: string;
	readonly targets: string;
	readonly targetMaps: string;
	readonly maxConcurrency: string;
	readonly maxErrors: string;
	readonly locationsSource: LocationsSource;
	readonly targetLocations: readonly TargetLocationDraft[];
	readonly targetLocationsURL: string;
	readonly tags: string;
	readonly alarmName: string;
	readonly ignorePollAlarmFailure: boolean;
}

export const emptyLocationDraft: TargetLocationDraft = {
	accounts: '',
	regions: '',
	targetLocationMaxConcurrency: '',
	targetLocationMaxErrors: '',
	executionRoleName: '',
	excludeAccounts: '',
	includeChildOrganizationUnits: false,
	targets: '',
	targetsMaxConcurrency: '',
	targetsMaxErrors: '',
	alarmName: '',
	ignorePollAlarmFailure: false,
};

export const emptyRunSettings: RunSettingsDraft = {
	mode: 'Auto',
	targetParameterName: '',
	targets: '',
	targetMaps: '',
	maxConcurrency: '',
	maxErrors: '',
	locationsSource: 'none',
	targetLocations: [],
	targetLocationsURL: '',
	tags: '',
	alarmName: '',
	ignorePollAlarmFailure: false,
};

/** Split a list typed with commas and/or spaces. */
export function splitList(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map(part => part.trim())
		.filter(part => part !== '');
}

export function joinList(values: readonly string[] | undefined): string {
	return (values ?? []).join(', ');
}
